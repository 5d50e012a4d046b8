"""The store: ``open_store("tidings.duckdb")`` or ``open_store("postgresql://…")``.

Both backends share one schema (``migrations/``, applied on open) and one interface
(``Store``); see ``base.py`` for what is written when.
"""
from __future__ import annotations

from pathlib import Path

from ..settings import DEFAULT_DB
from .base import ALL_TABLES, Store, WriteResult

__all__ = ["open_store", "Store", "WriteResult", "ALL_TABLES", "DEFAULT_DB"]


def open_store(db: str | Path = DEFAULT_DB, **options) -> Store:
    """Open (creating and migrating when needed) the store named by a path or a PostgreSQL URL."""
    target = str(db)
    if target.startswith(("postgresql://", "postgres://")):
        from .postgres import PostgresStore

        return PostgresStore(target, **options)
    from .duckdb import DuckDBStore

    return DuckDBStore(target, **options)
