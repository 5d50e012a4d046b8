"""QUALITY.md page and the floors, from hand-made scores."""
import json

from tidings.evaluate.floors import check_floors, make_floors
from tidings.evaluate.report import as_json, quality_markdown
from tidings.evaluate.result import TaskScore


def _results():
    time = TaskScore("time", {"relaxed_precision": 0.9, "relaxed_recall": 0.8, "relaxed_f1": 0.847,
                              "strict_f1": 0.7, "value_f1": 0.755, "n_gold": 10}, 3)
    places = TaskScore("places", {"recognition_precision": 0.5, "recognition_recall": 0.5, "recognition_f1": 0.5,
                                  "acc161_matched": 0.0, "acc161_end_to_end": 0.0, "median_error_km": None}, 2)
    art = TaskScore("article", {}, 1, sections={"persons": {"found": 1, "listed": 4}, "times": {"found": 0, "listed": 0}},
                    by_doc={"doc-a": {"persons": {"found": 1, "listed": 4}, "times": {"found": 0, "listed": 0}}},
                    missed=["doc-a: persons: Some Name"])
    time.parts = {"a.jsonl": TaskScore("time", {"value_f1": 0.5}, 1), "b.jsonl": TaskScore("time", {"value_f1": 1.0}, 2)}
    return {"time": time, "places": places, "article": art}


def test_quality_page_has_figures_targets_anchors_and_no_gold_text():
    page = quality_markdown(_results(), commit="abc1234")
    assert "- commit: abc1234" in page
    assert "| time | value_f1 | 0.755 | >= 0.82 | HeidelTime value F1 on TempEval-3 0.776 |" in page
    assert "| places | median_error_km | n/a |  |  |" in page
    assert "| article | persons | 1/4 |  |  |" in page
    assert "| persons | 1/4 |" in page and "doc-a" in page
    assert "Some Name" not in page
    assert "| a.jsonl | 1 | n/a | n/a | n/a | n/a | 0.500 |" in page


def test_floors_round_down_and_skip_what_is_not_a_figure(tmp_path):
    floors = make_floors(_results())
    assert floors["time"]["value_f1"] == 0.74  # 0.755 → 0.75 − 0.01
    assert floors["time"]["relaxed_f1"] == 0.83
    assert "median_error_km" not in floors["places"] and floors["places"]["acc161_matched"] == 0.0
    assert floors["article"] == {"persons": 0.24}  # 0.25 − 0.01; `times` lists nothing
    path = tmp_path / "f.json"
    path.write_text(json.dumps(floors))
    assert check_floors(_results(), path) == []
    floors["time"]["strict_f1"] = 0.71
    path.write_text(json.dumps(floors))
    assert check_floors(_results(), path) == ["time.strict_f1: 0.700 is below its floor 0.71"]


def test_json_keys_per_task():
    d = as_json(_results()["time"])
    assert list(d)[:5] == ["relaxed_precision", "relaxed_recall", "relaxed_f1", "strict_f1", "value_f1"]
    assert d["n_docs"] == 3 and d["n_gold"] == 10
    a = as_json(_results()["article"])
    assert a["persons"] == {"found": 1, "listed": 4} and a["missed"] == ["doc-a: persons: Some Name"]
