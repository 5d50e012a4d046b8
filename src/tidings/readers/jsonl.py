"""JSON Lines (one article object a line; .gz too) and JSON files (one object or an array)."""
from __future__ import annotations

import gzip
import json
import zlib
from pathlib import Path
from typing import IO, Iterable, Iterator

from ..errors import InputError
from ..items import InputItem
from ._common import FieldMap, meta_str

__all__ = ["read_jsonl_file", "read_jsonl_lines", "item_from_mapping", "count_jsonl_lines"]


def item_from_mapping(obj, location: str, fields: FieldMap | None = None,
                      defaults: dict | None = None) -> InputItem:
    """One InputItem from a JSON object; raises InputError naming `location` when it is not an article."""
    fields = fields or FieldMap()
    if not isinstance(obj, dict):
        raise InputError(f"expected a JSON object, found {type(obj).__name__}", item=location)
    text, html = fields.pick(obj, "text"), fields.pick(obj, "html")
    if text is not None and not isinstance(text, str):
        raise InputError(f"field {fields.text[0]!r} is a {type(text).__name__}, not a string", item=location)
    if html is not None and not isinstance(html, str):
        raise InputError(f"field {fields.html[0]!r} is a {type(html).__name__}, not a string", item=location)
    if text is None and html is None:
        raise InputError(f"no {fields.text[0]!r} or {fields.html[0]!r} field", item=location,
                         hint="name the text field with --field text=KEY")
    if text is not None:
        html = None  # already extracted text wins over the page
    defaults = defaults or {}
    extra = {}
    author = meta_str(fields.pick(obj, "author"))
    if author:
        extra["author"] = author
    return InputItem(
        text=text, html=html,
        url=meta_str(fields.pick(obj, "url")) or defaults.get("url"),
        published=meta_str(fields.pick(obj, "published")) or defaults.get("published"),
        title=meta_str(fields.pick(obj, "title")),
        id=meta_str(fields.pick(obj, "id")),
        source_name=meta_str(fields.pick(obj, "source_name")) or defaults.get("source_name"),
        source_location=meta_str(obj.get("source_location")) or defaults.get("source_location"),
        location=location, extra=extra,
    )


class _TooLong:
    """Stands for a line longer than the limit (its bytes were read past in chunks, never held)."""
    __slots__ = ("limit",)

    def __init__(self, limit: int):
        self.limit = limit


def max_line_bytes() -> int:
    """The longest JSON Lines line read: TIDINGS_MAX_LINE_BYTES, default 8 × TIDINGS_MAX_CHARS bytes
    (a line holds the text JSON-escaped, plus its fields)."""
    from .. import settings

    raw = settings.value("max_line_bytes")
    if raw:
        return max(1024, raw)
    return 8 * settings.value("max_chars")


def bounded_lines(handle: IO[bytes], limit: int | None = None) -> Iterator[bytes | _TooLong]:
    """Lines of a binary stream, none held longer than `limit` bytes: an overlong line is read past in
    `limit`-sized pieces (so a 1 GB line inside a small .gz never sits in memory) and given as _TooLong."""
    limit = limit or max_line_bytes()
    while True:
        line = handle.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = handle.readline(limit + 1)
            yield _TooLong(limit)
            continue
        yield line


def read_jsonl_lines(lines: Iterable[str | bytes], name: str, fields: FieldMap | None = None,
                     defaults: dict | None = None) -> Iterator[InputItem | InputError]:
    """Items from JSON Lines; a bad line is yielded as an InputError at "name:LINE" (1-based)."""
    for number, line in enumerate(lines, start=1):
        location = f"{name}:{number}"
        if isinstance(line, _TooLong):
            yield InputError(f"line longer than {line.limit:,} bytes; skipped", item=location,
                             hint="raise TIDINGS_MAX_LINE_BYTES if such lines are expected")
            continue
        try:
            if isinstance(line, bytes):
                line = line.decode("utf-8-sig" if number == 1 else "utf-8")
            if not line.strip():
                continue
            obj = json.loads(line)
            yield item_from_mapping(obj, location, fields, defaults)
        except InputError as exc:
            yield exc
        except UnicodeDecodeError:
            yield InputError("line is not UTF-8 text", item=location, code="E102")
        except json.JSONDecodeError as exc:
            yield InputError(f"line is not valid JSON ({exc.msg}, column {exc.colno})", item=location)
        except RecursionError:
            yield InputError("JSON nested too deeply", item=location)


def _open(path: Path) -> IO[bytes]:
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rb")
    return path.open("rb")


def read_jsonl_file(path: Path, location: str | None = None, fields: FieldMap | None = None,
                    defaults: dict | None = None) -> Iterator[InputItem | InputError]:
    name = location or str(path)
    if path.name.lower().endswith(".json"):
        yield from _read_json_file(path, name, fields, defaults)
        return
    try:
        with _open(path) as handle:
            yield from read_jsonl_lines(bounded_lines(handle), name, fields, defaults)
    except (OSError, EOFError) as exc:  # unreadable, or a truncated .gz
        yield InputError(f"cannot read the file: {exc}", item=name)


def _read_json_file(path: Path, name: str, fields, defaults) -> Iterator[InputItem | InputError]:
    """A .json file: one object, an array of objects, or (often mislabelled) JSON Lines."""
    from .files import _read_bytes

    try:
        raw = _read_bytes(path, name, MAX_JSON_BYTES).decode("utf-8-sig")
    except InputError as exc:
        yield exc
        return
    except UnicodeDecodeError as exc:
        yield InputError(f"cannot read the file as UTF-8 JSON: {exc}", item=name)
        return
    try:
        data = json.loads(raw)
    except json.JSONDecodeError:
        yield from read_jsonl_lines(raw.splitlines(), name, fields, defaults)
        return
    if isinstance(data, list):
        for index, obj in enumerate(data):
            try:
                yield item_from_mapping(obj, f"{name}[{index}]", fields, defaults)
            except InputError as exc:
                yield exc
        return
    try:
        yield item_from_mapping(data, name, fields, defaults)
    except InputError as exc:
        yield exc


def count_jsonl_lines(path: Path) -> int | None:
    """Non-blank lines of a JSON Lines file (for a progress total); None when it cannot tell cheaply.

    Read in 1 MB chunks (a huge line is never held); a .gz bigger than COUNT_GZ_MAX compressed
    bytes is not counted, so a big crawl is not inflated twice for a progress bar.
    """
    name = path.name.lower()
    if name.endswith(".json"):
        return None
    try:
        if name.endswith(".gz") and path.stat().st_size > COUNT_GZ_MAX:
            return None
        count, content = 0, False
        with _open(path) as handle:
            while chunk := handle.read(1 << 20):
                pieces = chunk.split(b"\n")
                for piece in pieces[:-1]:
                    if content or piece.strip():
                        count += 1
                    content = False
                content = content or bool(pieces[-1].strip())
        return count + content
    except (OSError, EOFError, zlib.error):
        return None


COUNT_GZ_MAX = 64 * 1024 * 1024
MAX_JSON_BYTES = 512 * 1024 * 1024  # a .json file is parsed whole: past this, give it as JSON Lines
