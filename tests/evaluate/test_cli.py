"""`tidings eval` through Typer, with a stand-in pipeline; QUALITY.md and the floors check."""
import json

import pytest
import typer
from typer.testing import CliRunner

from tidings.cli.eval import register
from tidings.errors import EvalError
from tidings.evaluate import runner
from tidings.record import Article, Quantity

QUANT = {"id": "n", "text": "Three cats.", "quantities": [
    {"value": 3.0, "unit": "cats", "normalized_unit": "cat", "change": "=", "concept": "-"}]}


def _cats(item):
    q = [Quantity(id="N1", start=0, end=10, text="Three cats", value=3, counted="cats", sentence=0)] \
        if "cats" in item.text else []
    return Article(id=item.id or "x", text=item.text, quantities=q)


@pytest.fixture
def app(monkeypatch, fake):
    FakePipeline, _ = fake
    monkeypatch.setattr("tidings.pipeline.Pipeline", lambda model=None: FakePipeline(_cats, ["quotes"]))
    app = typer.Typer()
    register(app)

    @app.command("version")  # a second command keeps `eval` a subcommand, as in the real app
    def version() -> None:
        pass

    return app


def test_eval_task_json(app, write_jsonl):
    path = write_jsonl("n.jsonl", [QUANT, {**QUANT, "id": "m", "text": "No animals.", "quantities": []}])
    out = CliRunner().invoke(app, ["eval", "quantities", "--gold", str(path), "--json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert set(data) >= {"value_precision", "value_recall", "value_f1", "value_unit_f1", "n_docs"}
    assert data["value_precision"] == 1.0 and data["value_recall"] == 1.0 and data["n_docs"] == 2


def test_eval_table_errors_and_several_gold(app, write_jsonl):
    a = write_jsonl("a.jsonl", [QUANT])
    b = write_jsonl("b.jsonl", [{**QUANT, "id": "m", "text": "Four dogs.", "quantities": [
        {"value": 4.0, "unit": "dogs", "normalized_unit": "dog", "change": "=", "concept": "-"}]}])
    out = CliRunner().invoke(app, ["eval", "quantities", "--gold", str(a), "--gold", str(b), "--errors", "3"])
    assert out.exit_code == 0, out.output
    assert "value_f1" in out.output and "CQE value F1 0.92" in out.output
    assert "1 of 1 misses" in out.output and "4 dogs" in out.output


def test_eval_bad_input_raises_eval_error(app, tmp_path):
    # the app's main() turns an EvalError into one line and a non-zero exit
    out = CliRunner().invoke(app, ["eval", "quantities", "--gold", str(tmp_path / "nope.jsonl")])
    assert isinstance(out.exception, EvalError) and "not found" in str(out.exception)
    out = CliRunner().invoke(app, ["eval", "weather"])
    assert isinstance(out.exception, EvalError) and "unknown task" in str(out.exception)


def test_eval_all_writes_quality_and_checks_floors(app, tmp_path, write_jsonl, monkeypatch):
    golds = {
        "quotes": [write_jsonl("q.jsonl", [{"id": "q", "text": "He said hi.", "attributions": [
            {"content": [[8, 10]], "source": [[0, 2]], "cue": [[3, 7]], "direct": False}]}])],
        "quantities": [write_jsonl("n.jsonl", [QUANT])],
    }
    monkeypatch.setattr(runner, "default_gold", lambda task: golds[task])
    monkeypatch.setattr(runner, "TASKS", {k: runner.TASKS[k] for k in golds})
    quality, floors = tmp_path / "docs" / "QUALITY.md", tmp_path / "docs" / "floors.json"
    args = ["eval", "all", "--out", str(quality), "--floors", str(floors)]
    out = CliRunner().invoke(app, [*args, "--write-floors", "--check-floors"])
    assert out.exit_code == 0, out.output
    page = quality.read_text()
    assert "| quantities | value_f1 | 1.000 | >= 0.93 | CQE value F1 0.92 |" in page
    assert "commit:" in page and "extractor 'quotes' not available" in page
    assert "He said hi" not in page and "Three cats" not in page  # no gold text in docs/
    pinned = json.loads(floors.read_text())
    assert pinned["quantities"]["value_f1"] == 0.99 and pinned["quotes"]["precision"] == 0.0
    pinned["quantities"]["value_f1"] = 1.0
    pinned["quotes"]["precision"] = 0.5
    floors.write_text(json.dumps(pinned))
    out = CliRunner().invoke(app, [*args, "--check-floors"])
    assert isinstance(out.exception, EvalError) and "1 figure(s) below their floors" in str(out.exception)
    assert "quotes.precision: 0.000 is below its floor 0.50" in out.output
    assert "quantities.value_f1" not in out.output  # 1.0 holds a floor of 1.0
