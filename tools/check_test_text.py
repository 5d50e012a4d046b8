"""List string literals (with --comments, also `#` comments) that repeat ../shared article text.

    python tools/check_test_text.py [--shared ../shared] [--min-chars 35] [--comments] [PATH ...]

The project rule is that no article text from shared/ is copied into the repository. This
tool reads every article-bearing file there (gold/**/*.json[l], examples/*, corpus/**) and
reports each Python string literal under PATH (default: the repository's tests/) that shares
a run of at least --min-chars characters with that text; with --comments, also each `#`
comment block (consecutive comment lines joined) of those Python files and of the YAML files
under PATH. src/tidings/data/demo/, a demo text the project wrote itself, is left out. Runs
are compared after collapsing white space and start at a word's first character. Output is
one line per offending literal or comment block, `file:line: 'the shared run'`; the exit
status is 1 when any is found, 0 otherwise.
"""
from __future__ import annotations

import argparse
import ast
import io
import json
import re
import sys
import tokenize
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = ROOT.parent / "shared"
DEFAULT_MIN_CHARS = 35
_WORD_START = re.compile(r"\b\w")
# Folders never scanned: src/tidings/data/demo/ holds a demo article the project wrote itself
# (no shared text), so its prose is out of scope.
EXCLUDED_PARTS = (("tidings", "data", "demo"),)
YAML_SUFFIXES = (".yaml", ".yml")
MARKDOWN_SUFFIXES = (".md",)


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


def _blocks(lines: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """(first line, joined text) of each block of comments on consecutive lines."""
    start, prev, parts = 0, -1, []
    for line, text in lines:
        if parts and line != prev + 1:
            yield start, " ".join(parts)
            parts = []
        if not parts:
            start = line
        parts.append(text)
        prev = line
    if parts:
        yield start, " ".join(parts)


def _py_comments(path: Path) -> Iterator[tuple[int, str]]:
    """The `#` comments of a Python file, a block of consecutive comment lines joined as one."""
    source = path.read_text(encoding="utf-8")
    try:
        tokens = [(tok.start[0], tok.string.lstrip("#").strip())
                  for tok in tokenize.generate_tokens(io.StringIO(source).readline)
                  if tok.type == tokenize.COMMENT]
    except (tokenize.TokenError, SyntaxError) as exc:
        raise SyntaxError(f"{path}: cannot tokenize: {exc}") from exc
    yield from _blocks(tokens)


def _yaml_comments(path: Path) -> Iterator[tuple[int, str]]:
    """The `#` comment lines of a YAML file (whole-line or trailing), consecutive ones joined."""
    lines = []
    for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        stripped = text.lstrip()
        if stripped.startswith("#"):
            lines.append((number, stripped.lstrip("#").strip()))
        elif " #" in text:  # a trailing comment (a '#' inside a quoted value may be caught too)
            lines.append((number, text.split(" #", 1)[1].lstrip("#").strip()))
    yield from _blocks(lines)


def _excluded(path: Path) -> bool:
    parts = path.resolve().parts
    return any(parts[i:i + len(ex)] == ex for ex in EXCLUDED_PARTS for i in range(len(parts)))


def _markdown(path: Path) -> Iterator[tuple[int, str]]:
    """(first line, text) of each paragraph of a Markdown file (lines up to a blank one, joined)."""
    yield from _blocks((n, t.strip()) for n, t in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                       if t.strip())


def _texts(path: Path, comments: bool) -> Iterator[tuple[int, str]]:
    if path.suffix in MARKDOWN_SUFFIXES:
        yield from _markdown(path)
        return
    if path.suffix in YAML_SUFFIXES:
        if comments:
            yield from _yaml_comments(path)
        return
    yield from _literals(path)
    if comments:
        yield from _py_comments(path)


def find_overlaps(paths: Iterable[Path], shared: Path = DEFAULT_SHARED,
                  min_chars: int = DEFAULT_MIN_CHARS, comments: bool = False) -> list[Overlap]:
    """Every string literal in the Python files under `paths` that repeats a shared run; with
    `comments`, also every `#` comment block of those files and of the YAML files there."""
    if not shared.is_dir():
        raise FileNotFoundError(f"{shared}: the shared folder is absent")
    windows = shared_windows(shared, min_chars)
    files: list[Path] = []
    for path in paths:
        if not path.is_dir():
            files.append(path)
            continue
        found_here = list(path.rglob("*.py")) + [p for suffix in MARKDOWN_SUFFIXES for p in path.rglob("*" + suffix)]
        if comments:
            found_here += [p for suffix in YAML_SUFFIXES for p in path.rglob("*" + suffix)]
        files += sorted(p for p in found_here if not _excluded(p))
    found = []
    for path in files:
        for line, value in _texts(path, comments):
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
    parser.add_argument("--comments", action="store_true",
                        help="also check # comments of Python and YAML files")
    args = parser.parse_args(argv)
    if args.min_chars < 10:
        parser.error("--min-chars must be at least 10")
    try:
        found = find_overlaps(args.paths, args.shared, args.min_chars, args.comments)
    except (FileNotFoundError, SyntaxError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for item in found:
        try:
            shown = item.path.resolve().relative_to(ROOT)
        except ValueError:
            shown = item.path
        print(f"{shown}:{item.line}: {item.run!r}")
    what = "literal(s) or comment(s)" if args.comments else "literal(s)"
    print(f"{len(found)} {what} repeat shared article text", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
