"""The docs say what the code does: every setting, error code and command is documented, and the
README's command table lists only options that the command's --help shows."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _docs_text() -> str:
    parts = [(REPO / "README.md").read_text(encoding="utf-8")]
    parts += [p.read_text(encoding="utf-8") for p in sorted((REPO / "docs").glob("*.md"))]
    return "\n".join(parts)


def _readme_table(heading: str) -> list[list[str]]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("|")][2:]
    return [[cell.strip() for cell in re.split(r"(?<!\\)\|", row)[1:-1]] for row in rows]


def _click_app():
    import typer

    from tidings.cli import app

    return typer.main.get_command(app)


def _shown_options(command) -> set[str]:
    return {opt for p in command.params if not getattr(p, "hidden", False)
            for opt in (*p.opts, *p.secondary_opts) if opt.startswith("-")}


def test_every_setting_is_documented_as_it_is():
    from tidings.settings import SETTINGS

    docs = _docs_text()
    table = {row[0].strip("`"): row for row in _readme_table("Settings")}
    for spec in SETTINGS:
        assert spec.env in docs, f"{spec.env} is not in README.md or docs/"
        assert spec.name in table, f"setting {spec.name} is missing from the README's Settings table"
        row = table[spec.name]
        assert row[1] == f"`{spec.env}`"
        shown = "none" if spec.default is None else (f"{spec.default:,}" if isinstance(spec.default, int)
                                                      else str(spec.default))
        assert row[2] == shown, f"{spec.name}: the README says {row[2]}, the code {shown}"
    assert set(table) == {s.name for s in SETTINGS}, "the README lists a setting the code does not have"


def test_every_error_code_is_documented_as_it_is():
    from tidings.errors import ERRORS

    docs = _docs_text()
    table = {row[0].strip("`"): row for row in _readme_table("Errors")}
    for code, spec in ERRORS.items():
        assert code in docs
        assert code in table, f"{code} is missing from the README's Errors table"
        assert table[code][1] == str(spec.http_status) and table[code][2] == f"`{spec.kind.__name__}`"
    assert set(table) == set(ERRORS), "the README lists an error code the code does not have"


def test_every_command_is_documented():
    docs = _docs_text()
    group = _click_app()
    for name in group.commands:
        assert re.search(rf"tidings [^`|\n]*\b{re.escape(name)}\b", docs), f"`tidings {name}` is not documented"


def test_the_readme_command_table_lists_only_options_that_help_shows():
    group = _click_app()
    rows = _readme_table("The CLI")
    assert rows
    checked = 0
    for first, what in rows:
        names = [n for n in re.findall(r"[a-z][a-z-]*", first.split("tidings", 1)[1].split("PATH")[0])
                 if n in group.commands]
        options = set(re.findall(r"(?<![\w-])(--[a-z][a-z-]*|-[a-z])\b", first + " " + what))
        if not names:
            assert options <= _shown_options(group), (first, options - _shown_options(group))
            continue
        shown = set().union(*(_shown_options(group.commands[n]) for n in names))
        missing = options - shown
        assert not missing, f"the README's row for {first} names {sorted(missing)}, which --help does not show"
        checked += len(options)
    assert checked >= 10  # the table does list options


def test_the_option_check_catches_a_renamed_option():
    group = _click_app()
    assert "--workers" in _shown_options(group.commands["ingest"])
    assert "--worker-count" not in _shown_options(group.commands["ingest"])


@pytest.mark.parametrize("command", ["analyze", "ingest", "eval", "serve", "watch"])
def test_help_runs(command):
    from typer.testing import CliRunner

    from tidings.cli import app

    result = CliRunner().invoke(app, [command, "--help"])
    assert result.exit_code == 0, result.output
