"""Exports: full records (JSON Lines, Parquet) and GDELT 2.0 Events / Mentions and GKG 2.1 files."""
from __future__ import annotations

from pathlib import Path

from ..errors import ConfigError

__all__ = ["export", "FORMATS"]

FORMATS = ("jsonl", "parquet", "gdelt-events", "gdelt-mentions", "gkg")


def export(store, fmt: str, out: str | Path) -> int:
    """Write the store in `fmt` to `out`; return the number of rows (records, events, mentions) written."""
    out = Path(out)
    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}", hint=f"one of {', '.join(FORMATS)}")
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "jsonl":
        from .records import write_jsonl

        return write_jsonl(store.iter_articles(), out)
    if fmt == "parquet":
        from .records import write_parquet

        return write_parquet(store.iter_articles(), out)
    if fmt == "gdelt-events":
        from .gdelt import write_events

        return write_events(store, out)
    if fmt == "gdelt-mentions":
        from .gdelt import write_mentions

        return write_mentions(store, out)
    from .gkg import write_gkg

    return write_gkg(store.iter_articles(), out)
