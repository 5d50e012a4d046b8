import json

from typer.testing import CliRunner

from tidings.cli import app

runner = CliRunner()


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.startswith("tidings ")


def test_schema():
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    assert "removed_lines" in json.loads(result.output)["properties"]


def test_analyze_json(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Mayor Ann Lee of Springfield said on Friday that the bridge would reopen in May.\n\nComments are closed.\n")
    result = runner.invoke(app, ["analyze", str(story), "--published", "2024-05-03", "--format", "json"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    assert record["published"] == "2024-05-03"
    assert record["removed_lines"][0]["reason"] == "comments"
    assert any(e["name"] == "Ann Lee" for e in record["entities"])


def test_analyze_missing_file_is_one_clear_error(tmp_path):
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-c", "from tidings.cli import main; main()", "analyze",
                           str(tmp_path / "nope.txt")], capture_output=True, text=True)
    assert proc.returncode == 2
    assert "nope.txt" in proc.stderr and "no such file" in proc.stderr and "Traceback" not in proc.stderr


def test_demo_json_without_store():
    result = runner.invoke(app, ["demo", "--format", "json", "--no-store"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    names = {e["name"] for e in record["entities"]}
    assert {"Joe Biden", "Vladimir Putin"} <= names
    assert record["title"].startswith("Biden warns Putin")


def test_analyze_with_a_user_actor_dictionary(tmp_path, monkeypatch):
    monkeypatch.delenv("TIDINGS_ACTORS", raising=False)
    actors = tmp_path / "actors.csv"
    actors.write_text("name,aliases,code,valid_from,valid_to\nSpringfield Militia,militia,USAREB,,\n")
    story = tmp_path / "story.txt"
    story.write_text("The Springfield Militia attacked the police station on Monday, officials said.\n")
    result = runner.invoke(app, ["analyze", str(story), "--actors", str(actors), "--format", "json"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    assert {"name": "Springfield Militia", "code": "USAREB"}.items() <= {
        "name": record["entities"][0]["name"], "code": record["entities"][0]["actor_code"]}.items()
    import os

    import tidings.extract.actors as actors_module

    actors_module.use_actor_dictionary(None)
    os.environ.pop("TIDINGS_ACTORS", None)


def test_analyze_reads_latin1_and_utf16_files_like_ingest(tmp_path):
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Café owners in Zürich said on Monday that the new tax hurts them.".encode("latin-1"))
    wide = tmp_path / "wide.txt"
    wide.write_bytes("Le président a parlé lundi à Paris, a dit son bureau.".encode("utf-16"))
    for f, start in ((latin, "Café owners in Zürich"), (wide, "Le président a parlé")):
        result = runner.invoke(app, ["analyze", str(f), "--format", "json"])
        assert result.exit_code == 0, result.output
        assert json.loads(result.output)["text"].startswith(start)
