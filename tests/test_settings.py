"""Settings: one table, one lookup; flags > environment > tidings.toml > default; bad values name their source."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import tidings
from tidings import settings
from tidings.errors import ConfigError
from tidings.settings import SETTINGS, value


@pytest.fixture
def clean_env(monkeypatch, tmp_path):
    for spec in SETTINGS:
        monkeypatch.delenv(spec.env, raising=False)
    monkeypatch.chdir(tmp_path)  # no tidings.toml unless a test writes one
    return tmp_path


def test_precedence_flag_env_file_default(clean_env, monkeypatch):
    assert value("db") == "tidings.duckdb"
    (clean_env / "tidings.toml").write_text('db = "from-file.duckdb"\nworkers = 3\n', encoding="utf-8")
    assert value("db") == "from-file.duckdb" and value("workers") == 3
    monkeypatch.setenv("TIDINGS_DB", "from-env.duckdb")
    monkeypatch.setenv("TIDINGS_WORKERS", "5")
    assert value("db") == "from-env.duckdb" and value("workers") == 5
    assert value("db", "from-flag.duckdb") == "from-flag.duckdb" and value("workers", 2) == 2


def test_a_tidings_table_in_the_file(clean_env):
    (clean_env / "tidings.toml").write_text('[tidings]\nmax_chars = 5000\n', encoding="utf-8")
    assert value("max_chars") == 5000


@pytest.mark.parametrize("env, raw", [("TIDINGS_ITEM_SECONDS", "soon"), ("TIDINGS_MAX_CHARS", "lots"),
                                      ("TIDINGS_MAX_CHARS", "0"), ("TIDINGS_WORKERS", "-2"),
                                      ("TIDINGS_MAX_BODY", "1.5"), ("TIDINGS_GC", "sometimes")])
def test_a_bad_value_names_the_variable(clean_env, monkeypatch, env, raw):
    monkeypatch.setenv(env, raw)
    name = next(s.name for s in SETTINGS if s.env == env)
    with pytest.raises(ConfigError, match=env) as caught:
        value(name)
    assert caught.value.code == "E400"


def test_a_bad_file_value_or_key_names_the_file(clean_env):
    (clean_env / "tidings.toml").write_text('max_chars = "many"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"tidings.toml: max_chars"):
        value("max_chars")
    (clean_env / "tidings.toml").write_text('colour = "blue"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown setting"):
        value("db")


def test_the_pipeline_reads_its_limits_from_settings(clean_env, monkeypatch):
    from tidings.items import InputItem
    from tidings.pipeline import prepare_batch

    monkeypatch.setenv("TIDINGS_MAX_CHARS", "20")
    [outcome] = prepare_batch([InputItem(text="A sentence that is longer than twenty characters.", location="x")])
    assert outcome.error.code == "E103" and outcome.error.http_status == 413
    monkeypatch.setenv("TIDINGS_MAX_CHARS", "twenty")
    with pytest.raises(ConfigError, match="TIDINGS_MAX_CHARS"):  # was a bare ValueError
        prepare_batch([InputItem(text="short")])


def test_no_module_reads_these_variables_but_settings():
    """Every TIDINGS_* setting is read through tidings.settings."""
    envs = {s.env for s in SETTINGS}
    offenders = []
    for path in Path(tidings.__file__).parent.rglob("*.py"):
        if path.name == "settings.py":
            continue
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r"(?:environ(?:\.get)?|getenv)\(?\[?\s*[\"'](TIDINGS_\w+)", text):
            if match.group(1) in envs:
                offenders.append(f"{path.name}: {match.group(1)}")
    assert not offenders, offenders


def test_the_default_db_is_written_once():
    hits = []
    for path in Path(tidings.__file__).parent.rglob("*.py"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if re.search(r"=\s*[\"']tidings\.duckdb[\"']|Option\([\"']tidings\.duckdb", line):
                hits.append(f"{path.name}: {line.strip()}")
    assert hits == ['settings.py: DEFAULT_DB = "tidings.duckdb"'], hits
    assert settings.default_of("db") == settings.DEFAULT_DB


def test_the_cli_takes_the_db_from_tidings_toml_unless_a_flag_or_the_environment_says(clean_env, monkeypatch):
    pytest.importorskip("duckdb")
    from typer.testing import CliRunner

    from tidings.cli import app

    story = clean_env / "story.txt"
    story.write_text("The council of Lisbon approved a plan on Tuesday to build two schools, officials said.\n",
                     encoding="utf-8")
    (clean_env / "tidings.toml").write_text('db = "from-file.duckdb"\n', encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(story), "--quiet"]).exit_code == 0
    assert (clean_env / "from-file.duckdb").exists() and not (clean_env / "tidings.duckdb").exists()
    monkeypatch.setenv("TIDINGS_DB", str(clean_env / "from-env.duckdb"))
    assert runner.invoke(app, ["ingest", str(story), "--quiet"]).exit_code == 0
    assert (clean_env / "from-env.duckdb").exists()
    result = runner.invoke(app, ["ingest", str(story), "--quiet", "--db", str(clean_env / "from-flag.duckdb")])
    assert result.exit_code == 0 and (clean_env / "from-flag.duckdb").exists()
