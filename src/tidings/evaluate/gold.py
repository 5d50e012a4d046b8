"""Read gold files in the shapes of ../shared/gold/FORMATS.md, checking each record's shape.

`--gold` may name files or folders (every ``*.jsonl`` inside; for the article task
every ``*.gold.json``). A malformed file raises `EvalError` naming the line.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from ..errors import EvalError
from .. import settings

__all__ = ["GoldDoc", "REQUIRED", "load_gold", "expand_paths", "shared_dir"]

# keys every record of a task must have, and the keys of its listed items
REQUIRED: dict[str, tuple[tuple[str, ...], str | None, tuple[str, ...]]] = {
    "quotes": (("id", "text", "attributions"), "attributions", ("content", "source", "direct")),
    "time": (("id", "text", "timex"), "timex", ("start", "end", "value")),
    "places": (("id", "text", "toponyms"), "toponyms", ("start", "end", "lat", "lon")),
    "quantities": (("id", "text", "quantities"), "quantities", ("value", "unit", "normalized_unit")),
    "events": (("id", "text", "events"), "events", ("source", "target", "code")),
    "events-news": (("id", "text", "events"), "events", ("contains", "source", "target", "code", "modality")),
    "article": (("id", "published", "persons", "places", "quotes", "quantities", "times", "events"), None, ()),
}


@dataclass(slots=True)
class GoldDoc:
    location: str  # "path:line" (or the .gold.json path)
    data: dict  # the gold record; for `article`, its raw text is in data["text"]

    @property
    def id(self) -> str:
        return str(self.data.get("id", self.location))


def shared_dir() -> Path:
    """../shared beside the repository root (the setting shared, e.g. $TIDINGS_SHARED, overrides)."""
    chosen = settings.value("shared")
    if chosen:
        return Path(chosen)
    repo = Path(__file__).resolve().parents[3]
    for candidate in (repo / ".." / "shared", Path.cwd() / ".." / "shared"):
        if candidate.is_dir():
            return candidate.resolve()
    return (repo / ".." / "shared").resolve()


def expand_paths(paths: Iterable[str | Path], task: str) -> list[Path]:
    pattern = "*.gold.json" if task == "article" else "*.jsonl"
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted(p.glob(pattern))
            if not found:
                raise EvalError(f"no {pattern} files in the folder {p}", hint="name a gold file or a folder holding some")
            out.extend(found)
        elif p.is_file():
            out.append(p)
        else:
            raise EvalError(f"gold file not found: {p}", hint="check the --gold path (see ../shared/gold)")
    if not out:
        raise EvalError(f"no gold file given for {task}", hint="pass --gold PATH")
    return out


def _check(task: str, record: object, where: str) -> dict:
    if not isinstance(record, dict):
        raise EvalError("a gold record must be a JSON object", item=where)
    keys, list_key, item_keys = REQUIRED[task]
    missing = [k for k in keys if k not in record]
    if missing:
        raise EvalError(f"gold record lacks {', '.join(missing)} (not a {task} gold file?)", item=where,
                        hint="see ../shared/gold/FORMATS.md")
    if "text" in record and not isinstance(record["text"], str):
        raise EvalError("gold `text` must be a string", item=where)
    if list_key:
        items = record[list_key]
        if not isinstance(items, list):
            raise EvalError(f"gold `{list_key}` must be a list", item=where)
        for n, item in enumerate(items):
            if not isinstance(item, dict) or any(k not in item for k in item_keys):
                raise EvalError(f"gold `{list_key}[{n}]` needs {', '.join(item_keys)}", item=where,
                                hint="see ../shared/gold/FORMATS.md")
    return record


def _load_article(path: Path) -> GoldDoc:
    where = str(path)
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise EvalError(f"cannot read the article gold: {exc}", item=where) from None
    record = _check("article", record, where)
    name = path.name[: -len(".gold.json")] if path.name.endswith(".gold.json") else path.stem
    text_path = path.with_name(name + ".txt")
    try:
        record = {**record, "text": text_path.read_text(encoding="utf-8")}
    except OSError:
        raise EvalError(f"the article text {text_path.name} is missing beside its gold file", item=where) from None
    return GoldDoc(where, record)


def load_gold(task: str, paths: Iterable[str | Path], limit: int | None = None) -> list[GoldDoc]:
    """Gold records of `task` from files or folders; at most `limit` records from each file."""
    if task not in REQUIRED:
        raise EvalError(f"unknown task {task!r}", hint="one of " + ", ".join(REQUIRED))
    docs: list[GoldDoc] = []
    for path in expand_paths(paths, task):
        if task == "article":
            docs.append(_load_article(path))
            continue
        taken = 0
        try:
            handle = path.open(encoding="utf-8")
        except OSError as exc:
            raise EvalError(f"cannot open the gold file: {exc}", item=str(path)) from None
        with handle:
            for lineno, line in enumerate(handle, 1):
                if limit is not None and taken >= limit:
                    break
                if not line.strip():
                    continue
                where = f"{path}:{lineno}"
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise EvalError(f"not JSON: {exc.msg}", item=where, hint="one JSON object per line") from None
                docs.append(GoldDoc(where, _check(task, record, where)))
                taken += 1
    return docs
