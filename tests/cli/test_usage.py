"""Usage errors, bare `tidings`, reading commands on a missing store, date options, flag names (#23, #22)."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from tidings.cli import app


def _run(*args, cwd=None):
    return subprocess.run([sys.executable, "-c", "from tidings.cli import main; main()", *args],
                          capture_output=True, text=True, cwd=cwd, timeout=120)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    db = tmp_path_factory.mktemp("cli") / "s.duckdb"
    from tidings.store import open_store

    open_store(str(db)).close()
    return str(db)


@pytest.mark.parametrize("args", [
    ["series", "--frobnicate", "json"],  # unknown option
    ["nosuchcommand"],  # unknown command
    ["series", "--dyad", "USA-RUS", "--by", "year"],  # bad choice
    ["events", "--limit", "-5"],  # bad number
    ["events", "--limit", "many"],
    ["events", "--since", "2022-02-30"],  # a day that does not exist
    ["series", "--dyad", "USA-RUS", "--since", "garbage"],
    ["quotes", "--until", "2022-13-01"],
    ["actors", "--since", "yesterday"],
    ["events", "--clusters", "--until", "2022-02-29"],
    ["analyze", "x.txt", "--published", "2022-02-30"],
    ["ingest", "x.txt", "--published", "2022-02-30"],
])
def test_usage_error_is_one_line_and_exit_2(args, store, tmp_path):
    proc = _run(*args, "--db", store, cwd=tmp_path) if args[0] in ("events", "quotes", "actors", "series") \
        else _run(*args, cwd=tmp_path)
    assert proc.returncode == 2, (proc.returncode, proc.stderr)
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), proc.stderr
    assert "Traceback" not in proc.stderr and "╭" not in proc.stderr
    assert not proc.stdout.strip()


def test_bare_tidings_prints_the_help():
    proc = _run()
    assert proc.returncode == 0 and "Usage: tidings" in proc.stdout and "ingest" in proc.stdout, proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize("command", [["events"], ["quotes"], ["actors"], ["series", "--dyad", "USA-RUS"],
                                     ["export", "--format", "jsonl", "--out", "x.jsonl"], ["serve", "--port", "1"]])
def test_reading_commands_refuse_a_store_that_does_not_exist(command, tmp_path):
    proc = _run(*command, "--db", "typo.duckdb", cwd=tmp_path)
    assert proc.returncode == 2 and "typo.duckdb" in proc.stderr and "no such store" in proc.stderr, proc.stderr
    assert not (tmp_path / "typo.duckdb").exists()  # no empty store made


def test_format_everywhere_and_the_old_output_spelling_still_works(store):
    runner = CliRunner()
    for cmd in (["events"], ["quotes"], ["actors"], ["series", "--dyad", "USA-RUS"]):
        new = runner.invoke(app, [*cmd, "--db", store, "--format", "json"])
        old = runner.invoke(app, [*cmd, "--db", store, "-o", "json"])
        assert new.exit_code == 0 and old.exit_code == 0, (new.output, old.output)
        assert json.loads(new.output) == json.loads(old.output) == []
    helptext = runner.invoke(app, ["series", "--help"]).output
    assert "--format" in helptext and "--output" not in helptext  # the alias is hidden


def test_valid_dates_still_pass(store):
    result = CliRunner().invoke(app, ["events", "--db", store, "--since", "2024-02-29", "--format", "json"])
    assert result.exit_code == 0, result.output


def test_ingest_names_its_input_format_apart_from_output_formats(tmp_path):
    story = tmp_path / "story.data"
    story.write_text("Rescue teams reached the flooded village on Sunday, the regional governor said.")
    for flag in ("--input-format", "--format"):  # the new name, and the old one still accepted
        proc = _run("ingest", str(story), flag, "text", "--db", str(tmp_path / f"{flag[2:]}.duckdb"), "-q",
                    cwd=tmp_path)
        assert proc.returncode == 0, proc.stderr
    helptext = _run("ingest", "--help").stdout
    assert "--input-format" in helptext and "--format" not in helptext.replace("--input-format", "")
