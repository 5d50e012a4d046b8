"""Argument helpers shared by the commands: date options, output formats, the store to read."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Optional

import typer

from ..errors import StoreError

__all__ = ["check_date", "date_option", "require_store", "pick_format"]

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def check_date(value: Optional[str]) -> Optional[str]:
    """A typer callback: an ISO day (YYYY-MM-DD) that exists on the calendar, else a usage error (exit 2)."""
    if value is None:
        return None
    text = value.strip()
    try:
        if not _ISO_DAY.fullmatch(text):
            raise ValueError("not YYYY-MM-DD")
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date like 2022-02-28 (YYYY-MM-DD)") from None


def date_option(help: str, *names: str):
    """An optional YYYY-MM-DD option, checked when parsed."""
    return typer.Option(None, *names, help=help, callback=check_date, metavar="YYYY-MM-DD")


def require_store(db: str) -> str:
    """A reading command's store must exist: a missing DuckDB file is an error, not a new empty store."""
    target = str(db)
    if target.startswith(("postgresql://", "postgres://")):
        return target
    if not Path(target).is_file():
        what = "a folder, not a store file" if Path(target).is_dir() else "no such store"
        raise StoreError(what, item=target,
                         hint="check --db (or TIDINGS_DB); `tidings ingest PATHS --db FILE` creates one")
    return target


def pick_format(fmt, alias):
    """`--format` wins; the old `--output/-o` spelling (hidden) still works."""
    return alias if alias is not None and fmt is None else (fmt if fmt is not None else alias)
