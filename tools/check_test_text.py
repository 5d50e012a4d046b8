"""List string literals in test files that repeat article text from ../shared.

    python tools/check_test_text.py [--shared ../shared] [--min-chars 35] [PATH ...]

The project rule is that no article text from shared/ is copied into the repository. This
tool reads every article-bearing file there (gold/**/*.json[l], examples/*, corpus/**) and
reports each Python string literal under PATH (default: the repository's tests/) that shares
a run of at least --min-chars characters with that text. Runs are compared after collapsing
white space and start at a word's first character. Output is one line per offending literal,
`file:line: 'the shared run'`; the exit status is 1 when any is found, 0 otherwise.
"""
from __future__ import annotations

import argparse
import ast
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = ROOT.parent / "shared"
DEFAULT_MIN_CHARS = 35
_WORD_START = re.compile(r"\b\w")


@dataclass(frozen=True)
class Overlap:
    path: Path
    line: int
    run: str


def _normalise(text: str) -> str:
    return " ".join(text.split())


def _json_strings(value) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _json_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _json_strings(item)


def _file_texts(path: Path) -> Iterator[str]:
    """The strings of a JSON or JSON Lines file (escapes decoded), any other file's text as it is;
    a line or file that is no valid JSON is read as plain text."""
    raw = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix not in (".json", ".jsonl"):
        yield raw
        return
    for line in raw.splitlines() if path.suffix == ".jsonl" else [raw]:
        try:
            yield from _json_strings(json.loads(line))
        except ValueError:
            yield line


def shared_texts(shared: Path) -> Iterator[str]:
    """The article-bearing texts of the shared folder (gold sets, examples, corpus)."""
    files = sorted(shared.glob("gold/**/*.json")) + sorted(shared.glob("gold/**/*.jsonl"))
    files += sorted(p for p in shared.glob("examples/*") if p.is_file())
    files += sorted(p for p in shared.glob("corpus/**/*") if p.is_file())
    for path in files:
        yield from _file_texts(path)


def _windows(text: str, size: int) -> Iterator[str]:
    text = _normalise(text)
    for match in _WORD_START.finditer(text):
        start = match.start()
        if start + size > len(text):
            break
        yield text[start:start + size]


def shared_windows(shared: Path, min_chars: int = DEFAULT_MIN_CHARS) -> set[int]:
    """Hashes of every word-aligned run of `min_chars` characters in the shared texts."""
    return {hash(run) for text in shared_texts(shared) for run in _windows(text, min_chars)}


def _literals(path: Path) -> Iterator[tuple[int, str]]:
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    except SyntaxError as exc:
        raise SyntaxError(f"{path}: cannot parse: {exc.msg}") from exc
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.lineno, node.value


def find_overlaps(paths: Iterable[Path], shared: Path = DEFAULT_SHARED,
                  min_chars: int = DEFAULT_MIN_CHARS) -> list[Overlap]:
    """Every string literal in the Python files under `paths` that repeats a shared run."""
    if not shared.is_dir():
        raise FileNotFoundError(f"{shared}: the shared folder is absent")
    windows = shared_windows(shared, min_chars)
    files: list[Path] = []
    for path in paths:
        files += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    found = []
    for path in files:
        for line, value in _literals(path):
            if len(value) < min_chars:
                continue
            for run in _windows(value, min_chars):
                if hash(run) in windows:
                    found.append(Overlap(path, line, run))
                    break
    return sorted(found, key=lambda o: (str(o.path), o.line))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, default=[ROOT / "tests"],
                        help="files or folders to check (default: the repository's tests/)")
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED,
                        help="the shared folder (default: ../shared beside the repository)")
    parser.add_argument("--min-chars", type=int, default=DEFAULT_MIN_CHARS,
                        help="shortest shared run that counts (default: %(default)s)")
    args = parser.parse_args(argv)
    if args.min_chars < 10:
        parser.error("--min-chars must be at least 10")
    try:
        found = find_overlaps(args.paths, args.shared, args.min_chars)
    except (FileNotFoundError, SyntaxError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for item in found:
        try:
            shown = item.path.resolve().relative_to(ROOT)
        except ValueError:
            shown = item.path
        print(f"{shown}:{item.line}: {item.run!r}")
    print(f"{len(found)} literal(s) repeat shared article text", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
