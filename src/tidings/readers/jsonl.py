"""JSON Lines (one article object a line; .gz too) and JSON files (one object or an array)."""
from __future__ import annotations

import gzip
import json
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


def read_jsonl_lines(lines: Iterable[str | bytes], name: str, fields: FieldMap | None = None,
                     defaults: dict | None = None) -> Iterator[InputItem | InputError]:
    """Items from JSON Lines; a bad line is yielded as an InputError at "name:LINE" (1-based)."""
    for number, line in enumerate(lines, start=1):
        location = f"{name}:{number}"
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
            yield InputError("line is not UTF-8 text", item=location)
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
            yield from read_jsonl_lines(handle, name, fields, defaults)
    except (OSError, EOFError) as exc:  # unreadable, or a truncated .gz
        yield InputError(f"cannot read the file: {exc}", item=name)


def _read_json_file(path: Path, name: str, fields, defaults) -> Iterator[InputItem | InputError]:
    """A .json file: one object, an array of objects, or (often mislabelled) JSON Lines."""
    try:
        raw = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
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
    """Non-blank lines of a JSON Lines file (for a progress total); None when it cannot tell."""
    if path.name.lower().endswith(".json"):
        return None
    try:
        with _open(path) as handle:
            return sum(1 for line in handle if line.strip())
    except (OSError, EOFError):
        return None
