"""PostgreSQL backend (psycopg 3): same schema and interface as DuckDB, bulk writes through COPY."""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterable, Sequence

from ..errors import StoreError
from .base import Store

__all__ = ["PostgresStore"]


def _pg(sql: str, params: Sequence) -> str:
    """``?`` placeholders → psycopg's ``%s``; a literal ``%`` is doubled when there are parameters.
    tidings SQL never holds a literal ``?``: values are always parameters."""
    return sql.replace("%", "%%").replace("?", "%s") if params else sql


def _no_nul(row: tuple) -> tuple:
    """PostgreSQL text cannot hold U+0000: it becomes U+FFFD (DuckDB keeps it)."""
    for v in row:
        if isinstance(v, str) and "\x00" in v:
            return tuple(x.replace("\x00", "\ufffd") if isinstance(x, str) else x for x in row)
    return row


class PostgresStore(Store):
    dialect = "postgres"

    def __init__(self, url: str, *, connect_timeout: int = 10) -> None:
        import psycopg

        super().__init__()
        self.url = url
        try:
            self.con = psycopg.connect(url, autocommit=True, connect_timeout=connect_timeout)
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to PostgreSQL: {str(exc).strip()}",
                             hint="check the URL, that the server runs, and the user's rights") from exc
        self._tx = None
        self.migrate()

    def _select(self, sql: str, params: Sequence = ()) -> tuple[list[str], list[tuple]]:
        with self._lock, self.con.cursor() as cur:
            cur.execute(_pg(sql, params), list(params) or None)
            columns = [d.name for d in cur.description] if cur.description else []
            return columns, cur.fetchall() if cur.description else []

    def _execute(self, sql: str, params: Sequence = ()) -> None:
        with self._lock, self.con.cursor() as cur:
            cur.execute(_pg(sql, params), list(params) or None)

    @contextmanager
    def _transaction(self):
        with self._lock, self.con.transaction():
            yield

    def _bulk_insert(self, table: str, columns: Sequence[str], rows: list[tuple]) -> None:
        if not rows:
            return
        with self._lock, self.con.cursor() as cur:
            with cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(_no_nul(row))

    def optimize(self) -> None:
        """CLUSTER `events` on its (source_country, target_country, event_date) index, then ANALYZE."""
        with self._lock:
            self._execute("CLUSTER events USING events_dyad_date")
            self._execute("ANALYZE")

    def existing_ids(self, ids: Iterable[str]) -> set[str]:
        ids = list(dict.fromkeys(ids))
        found: set[str] = set()
        for i in range(0, len(ids), 50_000):
            with self._lock, self.con.cursor() as cur:
                cur.execute("SELECT id FROM articles WHERE id = ANY(%s)", (ids[i:i + 50_000],))
                found.update(r[0] for r in cur.fetchall())
        return found

    def close(self) -> None:
        with self._lock:
            if self.con is not None:
                self.con.close()
                self.con = None
