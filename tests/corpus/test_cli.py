import json

import typer
from typer.testing import CliRunner

from synthetic import five_reports, two_strikes_same_day
from tidings.cli.corpus import register
from tidings.store import open_store

runner = CliRunner()


def make_app():
    app = typer.Typer()
    register(app)
    return app


def seeded(tmp_path):
    db = str(tmp_path / "c.duckdb")
    with open_store(db) as s:
        s.write_articles(five_reports() + two_strikes_same_day())
    return db


def test_events_and_clusters(tmp_path):
    db, app = seeded(tmp_path), make_app()
    res = runner.invoke(app, ["events", "--db", db, "--root", "19", "-o", "json"])
    assert res.exit_code == 0, res.output
    assert {r["article_id"] for r in json.loads(res.output)} == {"s1", "s2"}
    res = runner.invoke(app, ["events", "--db", db, "--clusters", "--dyad", "RUS-UKR", "-o", "json"])
    rows = json.loads(res.output)
    assert rows[0]["num_articles"] == 5 and len(rows) == 4
    res = runner.invoke(app, ["events", "--db", db, "--search", "market"])
    assert res.exit_code == 0 and "events (1)" in res.output


def test_series_outputs(tmp_path):
    db, app = seeded(tmp_path), make_app()
    res = runner.invoke(app, ["series", "--db", db, "--dyad", "RUS-UKR", "--by", "week", "-o", "csv"])
    assert res.exit_code == 0, res.output
    lines = res.output.splitlines()
    assert lines[0].startswith("period,events") and lines[1].startswith("2024-04-01,5,")
    res = runner.invoke(app, ["series", "--db", db, "--dyad", "RUS-UKR"])
    assert res.exit_code == 0 and "escalation" in res.output and "█" in res.output
    out = tmp_path / "s.json"
    res = runner.invoke(app, ["series", "--db", db, "--actor", "UKR", "--by", "month", "-o", "json", "--out", str(out)])
    assert res.exit_code == 0 and json.loads(out.read_text())[0]["events"] == 5


def test_export_and_quotes_actors(tmp_path):
    db, app = seeded(tmp_path), make_app()
    res = runner.invoke(app, ["export", "--db", db, "--format", "gdelt-events", "--out", str(tmp_path / "e.tsv")])
    assert res.exit_code == 0, res.output
    assert len((tmp_path / "e.tsv").read_text().splitlines()) == 4
    for cmd in (["quotes", "--db", db, "-o", "json"], ["actors", "--db", db, "-o", "json"]):
        res = runner.invoke(app, cmd)
        assert res.exit_code == 0 and json.loads(res.output) == []
    res = runner.invoke(app, ["export", "--db", db, "--format", "xml", "--out", "x"])
    assert res.exit_code != 0
