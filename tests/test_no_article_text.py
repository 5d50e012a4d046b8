"""No test or source text repeats article text from ../shared (the project rule: never copy
article text from shared/ into the repository). tools/check_test_text.py finds string literals
(docstrings included) in tests/ and src/ that share a run of 35 or more characters with the gold
sets, examples or corpus."""
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


@pytest.mark.parametrize("folder", ["tests", "src"])
def test_no_repository_text_repeats_shared_article_text(folder):
    if not (SHARED / "corpus").is_dir():
        pytest.skip("../shared is absent: the check compares repository texts with its articles")
    found = _tool().find_overlaps([REPO / folder], SHARED)
    offenders = [f"{o.path.relative_to(REPO)}:{o.line}: {o.run!r}" for o in found
                 if str(o.path.relative_to(REPO)) not in ALLOWED]
    assert not offenders, f"{folder}/ texts repeat article text from ../shared:\n" + "\n".join(offenders)
