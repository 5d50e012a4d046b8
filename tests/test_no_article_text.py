"""No test or source text repeats article text from ../shared (the project rule: never copy
article text from shared/ into the repository). tools/check_test_text.py finds string literals
(docstrings included) and `#` comments (of Python and YAML files) in tests/ and src/, and the
paragraphs of the Markdown files in docs/ and of README.md, that share a run of 35 or more
characters with the gold sets, examples or corpus."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"

ALLOWED: set[str] = set()  # files allowed to repeat article text: none


def _tool():
    spec = importlib.util.spec_from_file_location("check_test_text", REPO / "tools" / "check_test_text.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("check_test_text", module)  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_the_tool_finds_a_copied_run(tmp_path):
    shared = tmp_path / "shared"
    (shared / "examples").mkdir(parents=True)
    (shared / "examples" / "story.txt").write_text(
        "The harbour master of Port Elkin said\n the ferry would not sail before Thursday.")
    (tmp_path / "test_x.py").write_text(
        'A = "the ferry would not sail before Thursday, he said"\n'
        'B = "the ferry sailed on Thursday"\n')
    found = _tool().find_overlaps([tmp_path / "test_x.py"], shared, 35)
    assert [(o.line, o.run) for o in found] == [(1, "the ferry would not sail before Thu")]


def test_the_command_names_file_line_and_run_and_exits_1(tmp_path, capsys):
    shared = tmp_path / "shared"
    (shared / "corpus").mkdir(parents=True)
    (shared / "corpus" / "c.jsonl").write_text(
        '{"text": "Ferry crews at Port Elkin said the \\u201cnew timetable\\u201d starts in June, as planned."}\n')
    copied = tmp_path / "test_copied.py"
    copied.write_text('X = 1\nT = "the \u201cnew timetable\u201d starts in June, they said"\n', encoding="utf-8")
    own = tmp_path / "test_own.py"
    own.write_text('T = "the harbour opens at dawn on most days of the year"\n')
    tool = _tool()
    assert tool.main(["--shared", str(shared), str(copied)]) == 1
    assert f"{copied}:2: 'the \u201cnew timetable\u201d starts in June,'" in capsys.readouterr().out
    assert tool.main(["--shared", str(shared), str(own)]) == 0
    assert tool.main(["--shared", str(tmp_path / "none"), str(own)]) == 2  # no shared folder: an error


def test_the_tool_finds_a_run_in_comments_split_over_lines(tmp_path):
    shared = tmp_path / "shared"
    (shared / "examples").mkdir(parents=True)
    (shared / "examples" / "story.txt").write_text(
        "The harbour master of Port Elkin said the ferry would not sail before Thursday.")
    code = tmp_path / "pkg" / "mod.py"
    code.parent.mkdir()
    code.write_text('X = 1\n\n# as in "the ferry would not sail\n#   before Thursday"\nY = 2  # own words\n')
    data = tmp_path / "pkg" / "cues.yaml"
    data.write_text('# our own note\nsail:  # "harbour master of Port Elkin said the ferry"\n  - "052"\n')
    demo = tmp_path / "src" / "tidings" / "data" / "demo" / "demo.yaml"
    demo.parent.mkdir(parents=True)
    demo.write_text('# harbour master of Port Elkin said the ferry\n')  # a demo: out of scope
    tool = _tool()
    found = tool.find_overlaps([tmp_path / "pkg", tmp_path / "src"], shared, 35, comments=True)
    assert [(o.path.name, o.line, o.run) for o in found] == [
        ("cues.yaml", 1, "harbour master of Port Elkin said t"),
        ("mod.py", 3, "the ferry would not sail before Thu")]
    assert tool.find_overlaps([tmp_path / "pkg"], shared, 35) == []  # literals only: none
    assert tool.main(["--shared", str(shared), "--comments", str(code)]) == 1


def test_the_tool_finds_a_run_in_markdown_split_over_lines(tmp_path):
    shared = tmp_path / "shared"
    (shared / "gold").mkdir(parents=True)
    (shared / "gold" / "g.jsonl").write_text(
        '{"text": "The harbour master of Port Elkin said the ferry would not sail before Thursday."}\n')
    doc = tmp_path / "docs" / "NOTES.md"
    doc.parent.mkdir()
    doc.write_text("# Notes\n\nOur own words about ferries and\nharbours, nothing copied.\n\n"
                   "A rule for reported plans (as in \"the harbour master of\n"
                   "Port Elkin said the ferry\"), then more.\n\n"
                   "| error | count | example |\n|---|---:|---|\n| plans | 3 | a ferry kept in port |\n"
                   "| visits | 2 | the ferry would not sail before Thursday |\n")
    tool = _tool()
    found = tool.find_overlaps([tmp_path / "docs"], shared, 35)
    assert [(o.path.name, o.line, o.run) for o in found] == [
        ("NOTES.md", 6, "harbour master of Port Elkin said t"),  # a paragraph: its first line
        ("NOTES.md", 9, "the ferry would not sail before Thu")]  # a table is one paragraph
    assert tool.main(["--shared", str(shared), str(doc)]) == 1
    doc.write_text("# Notes\n\nA rule for reported plans (a harbour official saying a boat stays in port).\n")
    assert tool.main(["--shared", str(shared), str(doc)]) == 0


@pytest.mark.parametrize("place", ["tests", "src", "docs", "README.md"])
def test_no_repository_text_repeats_shared_article_text(place):
    if not (SHARED / "corpus").is_dir():
        pytest.skip("../shared is absent: the check compares repository texts with its articles")
    assert (REPO / place).exists(), f"{place} is missing from the repository"
    found = _tool().find_overlaps([REPO / place], SHARED, comments=True)
    offenders = [f"{o.path.relative_to(REPO)}:{o.line}: {o.run!r}" for o in found
                 if str(o.path.relative_to(REPO)) not in ALLOWED]
    assert not offenders, (f"{place}: texts, comments or Markdown paragraphs repeat article text from "
                           "../shared (describe the construction in your own words):\n" + "\n".join(offenders))
