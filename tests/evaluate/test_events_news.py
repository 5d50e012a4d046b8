"""The whole-article event scorer (FORMATS.md, "events_news"): matching by sentence, roots, dyads, modality."""
from __future__ import annotations

import pytest

from tidings.evaluate.events_news import NewsEvent, gold_span, score_events_news

TEXT = "Russia attacked Ukraine on Monday. France condemned the attack. Talks were held in Paris."


def _span(sentence: str) -> tuple[int, int]:
    start = TEXT.index(sentence)
    return start, start + len(sentence)


S1 = _span("Russia attacked Ukraine on Monday.")
S2 = _span("France condemned the attack.")
S3 = _span("Talks were held in Paris.")
GOLD = {"id": "a", "text": TEXT, "events": [
    {"contains": "Russia attacked Ukraine", "source": "RUSMIL", "target": "UKR", "code": "190", "root": "19",
     "modality": "asserted"},
    {"contains": "France condemned the attack", "source": "FRAGOV", "target": None, "code": "111", "root": "11",
     "accept_roots": ["12"], "modality": "asserted"},
    {"contains": "Talks were held in Paris", "source": None, "target": None, "code": "010", "root": "01",
     "modality": "asserted"},
]}


def test_a_perfect_coder_scores_one_and_root_01_is_left_out():
    preds = [NewsEvent("190", "RUSGOV", "UKRMIL", "asserted", S1), NewsEvent("111", "FRA", None, "asserted", S2)]
    m = score_events_news([(GOLD, preds)]).metrics
    assert (m["root_f1"], m["dyad_f1"], m["modality_accuracy"]) == (1.0, 1.0, 1.0)
    assert m["n_gold"] == 2 and m["n_predicted"] == 2


def test_an_event_in_another_sentence_does_not_match():
    preds = [NewsEvent("190", "RUS", "UKR", "asserted", S2)]
    m = score_events_news([(GOLD, preds)]).metrics
    assert m["root_precision"] == 0.0 and m["root_recall"] == 0.0


def test_accept_roots_count_and_null_matches_only_null():
    preds = [NewsEvent("120", "FRA", "RUS", "asserted", S2)]  # root 12 is accepted; the gold target is null
    m = score_events_news([(GOLD, preds)]).metrics
    assert m["root_recall"] == pytest.approx(0.5) and m["dyad_recall"] == 0.0


def test_modality_is_scored_over_root_matches_and_one_gold_takes_one_prediction():
    preds = [NewsEvent("190", "RUS", "UKR", "claimed", S1), NewsEvent("193", "RUS", "UKR", "asserted", S1)]
    result = score_events_news([(GOLD, preds)])
    m = result.metrics
    assert m["root_precision"] == pytest.approx(0.5)  # the second 19 event has no gold left to match
    assert m["dyad_f1"] == pytest.approx(m["root_f1"])
    assert m["modality_accuracy"] in (0.0, 1.0)  # one root match, its modality right or wrong
    assert len(result.false_positives) == 1 and len(result.misses) == 1


def test_gold_span_finds_the_contains_string():
    assert gold_span(TEXT, "France condemned") == (TEXT.index("France"), TEXT.index("France") + 16)
    assert gold_span(TEXT, "not there") is None


def test_the_task_runs_end_to_end_through_the_pipeline(tmp_path):
    import json

    from tidings.evaluate.runner import evaluate

    gold = {"id": "g1", "published": "2021-12-07", "title": None,
            "text": "Russia accused Ukraine of shelling civilian areas. Peru imposed sanctions on Ecuador.",
            "events": [{"contains": "Russia accused Ukraine", "source": "RUS", "target": "UKR", "code": "112",
                        "root": "11", "modality": "asserted"},
                       {"contains": "Peru imposed sanctions on Ecuador", "source": "PER", "target": "ECU",
                        "code": "163", "root": "16", "modality": "asserted"}]}
    path = tmp_path / "news.jsonl"
    path.write_text(json.dumps(gold) + "\n", encoding="utf-8")
    result = evaluate("events-news", [path])
    assert result.metrics["n_gold"] == 2
    assert result.metrics["root_recall"] == 1.0 and result.metrics["dyad_recall"] == 1.0, result.misses
