"""Readers: files, folders, JSON Lines, RSS/Atom feeds, WARC crawls and standard input → InputItem.

Every reader yields ``InputItem`` (with ``location`` naming the file, line, entry or
record offset) or, for what cannot be read, the ``InputError`` naming that location;
nothing is raised out of the stream, so one bad input never stops the rest.

    from tidings.readers import iter_inputs
    for obj in iter_inputs(["news/", "feed.jsonl"]):
        ...  # InputItem or InputError
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterable, Iterator

from ..errors import ConfigError, InputError
from ..items import InputItem
from ._common import KINDS, FieldMap, decode_bytes, kind_of, sniff_kind

__all__ = ["Source", "FieldMap", "KINDS", "STDIN", "expand_paths", "read_source", "iter_inputs",
           "count_items", "decode_bytes", "read_one"]

STDIN = "-"


def read_one(source: str, **options) -> InputItem:
    """One article from a PATH, an http(s) URL or "-" (see readers.files.read_one)."""
    from .files import read_one as _read_one

    return _read_one(source, **options)

_SNIFF = 4096


@dataclass(frozen=True, slots=True)
class Source:
    """One input to read: a file of a known kind, or standard input (path "-")."""
    path: str
    kind: str  # text | html | jsonl | feed | warc | parquet | sniff
    name: str | None = None  # how errors name it, when not by `path` (e.g. the path as the user gave it)

    @property
    def location(self) -> str:
        return self.name or ("<stdin>" if self.path == STDIN else self.path)


def expand_paths(paths: Iterable[str | os.PathLike], kind: str | None = None, *, confine: bool = True,
                 root: str | os.PathLike | None = None) -> Iterator[Source | InputError]:
    """Sources for the given paths: files as given, folders walked (sorted, hidden names skipped).

    In a folder only files whose names say a known kind are read; a given file of unknown
    kind is sniffed when read. A missing path or a folder with nothing readable is
    yielded as an InputError.

    With `confine` (the default) a folder walk never leaves the folder: a file or folder
    reached through a symlink that points outside it is skipped with an InputError naming
    it. With `root` (for a server reading paths it was sent) every given path must also
    lie inside `root` once `..` and symlinks are resolved, else it is an InputError.
    """
    if kind is not None and kind not in KINDS:
        raise ConfigError(f"unknown input format {kind!r}", hint="use one of " + ", ".join(KINDS))
    root_real = os.path.realpath(root) if root is not None else None
    for raw in paths:
        name = os.fspath(raw)
        if name == STDIN:
            if root_real is not None:
                yield InputError("standard input is not allowed here", item="<stdin>")
            else:
                yield Source(STDIN, kind or "sniff")
            continue
        if root_real is not None and not _inside(_resolve(name, root), root_real):
            yield InputError(f"path leaves the allowed folder {os.fspath(root)} (through '..' or a symlink); skipped",
                             item=name)
            continue
        path = Path(name) if root is None or os.path.isabs(name) else Path(root) / name
        if path.is_dir():
            found = False
            for file in _walk(path, confine):
                if isinstance(file, InputError):
                    found = True  # already said why the folder yields nothing
                    yield file
                    continue
                file_kind = kind_of(file)
                if file_kind is not None:
                    found = True
                    yield Source(str(file), kind or file_kind)
            if not found:
                yield InputError("folder holds no readable files (" + ", ".join(
                    e for ends in KINDS.values() for e in ends) + ")", item=name)
        elif path.is_file():
            yield Source(str(path), kind or kind_of(path) or "sniff", name=name if str(path) != name else None)
        elif path.exists():
            yield InputError("not a regular file or folder", item=name)
        else:
            yield InputError("no such file or folder", item=name)


def _resolve(name: str, root: str | os.PathLike) -> str:
    return os.path.realpath(name if os.path.isabs(name) else os.path.join(root, name))


def _inside(real: str, folder_real: str) -> bool:
    return real == folder_real or real.startswith(folder_real.rstrip(os.sep) + os.sep)


def _walk(folder: Path, confine: bool = True) -> Iterator[Path | InputError]:
    """Files under `folder`, sorted; with `confine`, symlinks leading out of it become InputErrors."""
    folder_real = os.path.realpath(folder)
    for here, dirs, files in os.walk(folder):
        for d in sorted(dirs):
            link = os.path.join(here, d)
            if d.startswith(".") or not os.path.islink(link):
                continue
            real = os.path.realpath(link)
            if confine and not _inside(real, folder_real):
                yield InputError(f"symlink leads outside the folder {os.fspath(folder)}; skipped", item=link)
            elif _inside(os.path.realpath(here), real):
                yield InputError(f"symlink loop: leads back to {real}, a folder that holds it; skipped", item=link)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for file in sorted(files):
            if file.startswith("."):
                continue
            path = Path(here) / file
            problem = _link_problem(path)
            if problem is not None:
                yield InputError(problem, item=str(path))
                continue
            if file.lower().endswith(".pdf"):
                yield InputError("a PDF document, not text or HTML; skipped", item=str(path), code="E102",
                                 hint="convert it to text first (e.g. pdftotext FILE.pdf)")
                continue
            if confine and not _inside(os.path.realpath(path), folder_real):
                if kind_of(path) is not None:
                    yield InputError(f"symlink leads outside the folder {os.fspath(folder)}; skipped",
                                     item=str(path))
                continue
            yield path


def _link_problem(path: Path) -> str | None:
    """Why a symlink in a folder cannot be read (a loop, or leads nowhere), or None."""
    if not os.path.islink(path):
        return None
    try:
        os.stat(path)
    except OSError as exc:
        import errno

        if exc.errno == errno.ELOOP:
            return "symlink loop (it leads back to itself); skipped"
        return "symlink leads nowhere (its target is missing); skipped"
    return None


def read_source(source: Source, *, fields: FieldMap | None = None, defaults: dict | None = None,
                stdin: IO[bytes] | None = None) -> Iterator[InputItem | InputError]:
    """Items of one source (see module docstring); `defaults` fill published/url/source_name when absent."""
    from .feeds import read_feed_file
    from .files import read_html_file, read_text_file
    from .jsonl import read_jsonl_file
    from .warc import read_warc_file

    defaults = {k: v for k, v in (defaults or {}).items() if v is not None}
    meta = {k: defaults[k] for k in ("url", "published", "source_name") if k in defaults}
    kind, name = source.kind, source.location
    if source.path == STDIN:
        from .stdin import read_stdin

        yield from read_stdin(stdin or sys.stdin.buffer, kind, name, fields, defaults, meta)
        return
    path = Path(source.path)
    if kind == "sniff":
        try:
            with path.open("rb") as handle:
                kind = sniff_kind(handle.read(_SNIFF))
        except OSError as exc:
            yield InputError(f"cannot read the file: {exc.strerror or exc}", item=name)
            return
    if kind == "text":
        yield from read_text_file(path, name, **meta)
    elif kind == "html":
        yield from read_html_file(path, name, **meta)
    elif kind == "jsonl":
        yield from read_jsonl_file(path, name, fields, defaults)
    elif kind == "feed":
        yield from read_feed_file(path, name, defaults)
    elif kind == "warc":
        yield from read_warc_file(path, name, defaults)
    else:
        yield InputError(f"{kind} files hold records, not articles to read", item=name)


def iter_inputs(paths: Iterable[str | os.PathLike], *, kind: str | None = None, fields: FieldMap | None = None,
                defaults: dict | None = None, stdin: IO[bytes] | None = None, confine: bool = True,
                root: str | os.PathLike | None = None) -> Iterator[InputItem | InputError]:
    """Every item of every path, in order; errors are yielded, not raised (see expand_paths for confine/root)."""
    for source in expand_paths(paths, kind, confine=confine, root=root):
        if isinstance(source, InputError):
            yield source
        else:
            yield from read_source(source, fields=fields, defaults=defaults, stdin=stdin)


def count_items(sources: Iterable[Source]) -> int | None:
    """How many items the sources hold, for a progress total; None when it cannot tell cheaply."""
    from .jsonl import count_jsonl_lines

    total = 0
    for source in sources:
        if source.kind in ("text", "html"):
            total += 1
        elif source.kind == "jsonl" and source.path != STDIN:
            n = count_jsonl_lines(Path(source.path))
            if n is None:
                return None
            total += n
        else:
            return None
    return total
