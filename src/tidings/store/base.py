"""The storage interface: one class, two backends (DuckDB, PostgreSQL), one schema.

A store has ONE writer: every write goes through ``write_articles`` (one transaction per
call, idempotent by article id) or ``recluster`` (rebuilds the event clusters in one
transaction). Duplicate stories are grouped at write time; event clusters are rebuilt by
an explicit ``recluster()`` (``ensure_clusters()`` updates them incrementally when writes made
them stale).
All SQL is parameterized: values never enter SQL text; table and column names come only
from the declared schema (``rows.COLUMNS``).
"""
from __future__ import annotations

import gc
import re
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from importlib import resources
from typing import Iterable, Iterator, Sequence

from ..errors import StoreError
from ..record import Article
from . import sources as _sources
from .rows import COLUMNS, TABLES, flatten, unpack_record

__all__ = ["Store", "WriteResult", "ALL_TABLES"]

EXTRA_TABLES = ("stories", "signatures", "event_clusters", "event_cluster_members", "meta", "schema_migrations",
                "sources")
ALL_TABLES = TABLES + EXTRA_TABLES
EXTRA_COLUMNS = {
    "stories": ("article_id", "story_id", "similarity", "method"),
    "signatures": ("article_id", "minhash", "signature"),
    "event_clusters": ("cluster_id", "global_id", "source_country", "target_country", "root", "cameo",
                       "quad_class", "goldstein", "first_seen", "last_seen", "event_date", "num_mentions",
                       "num_articles", "num_sources", "num_stories", "asserted", "modalities", "place_country",
                       "place_name", "details"),
    "event_cluster_members": ("article_id", "event_id", "cluster_id"),
}
_MIGRATION = re.compile(r"^(\d{4})_(\w+?)(?:\.(duckdb|postgres))?\.sql$")


@dataclass
class WriteResult:
    """Article ids written by one call, those skipped because the store already had them, and the
    written ones found to be copies of an earlier story (kept, grouped: see ``Store.stories``)."""
    written: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    copies: list[str] = field(default_factory=list)


@contextmanager
def _no_gc():
    """Pause the cyclic garbage collector while a batch is flattened: building hundreds of thousands
    of row tuples otherwise triggers full collections over every live record (a third of the write time)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class Store:
    """Common logic; backends implement the primitives marked *backend*."""

    dialect = "?"

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._deduper = None
        self.dedup_enabled = True

    # ---- backend primitives ---------------------------------------------------
    def _select(self, sql: str, params: Sequence = ()) -> tuple[list[str], list[tuple]]:  # backend
        """Column names and rows of a query with ``?`` placeholders."""
        raise NotImplementedError

    def _query(self, sql: str, params: Sequence = ()) -> list[tuple]:
        return self._select(sql, params)[1]

    def _execute(self, sql: str, params: Sequence = ()) -> None:  # backend
        raise NotImplementedError

    def _transaction(self):  # backend: context manager
        raise NotImplementedError

    def _bulk_insert(self, table: str, columns: Sequence[str], rows: list[tuple]) -> None:  # backend
        raise NotImplementedError

    def existing_ids(self, ids: Iterable[str]) -> set[str]:  # backend
        raise NotImplementedError

    def close(self) -> None:  # backend
        raise NotImplementedError

    # ---- life cycle -------------------------------------------------------------
    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def migrate(self) -> int:
        """Apply the migrations this database has not seen; return the schema version."""
        with self._lock:
            self._execute("CREATE TABLE IF NOT EXISTS schema_migrations "
                          "(version INTEGER PRIMARY KEY, name TEXT, applied_at TIMESTAMP)")
            done = {r[0] for r in self._query("SELECT version FROM schema_migrations")}
            for version, name, sql in _migrations(self.dialect):
                if version in done:
                    continue
                with self._transaction():
                    for statement in _statements(sql):
                        self._execute(statement)
                    self._execute("INSERT INTO schema_migrations VALUES (?, ?, ?)",
                                  (version, name, datetime.now(timezone.utc).replace(tzinfo=None)))
            return self.schema_version

    @property
    def schema_version(self) -> int:
        rows = self._query("SELECT max(version) FROM schema_migrations")
        return int(rows[0][0] or 0)

    # ---- writing ----------------------------------------------------------------
    def write_articles(self, records: Iterable[Article], *, dedup: bool | None = None) -> WriteResult:
        """Write records in ONE transaction; ids already stored (or repeated in the batch) are skipped."""
        records = list(records)
        result = WriteResult()
        with self._lock:
            seen: set[str] = set()
            fresh: list[Article] = []
            stored = self.existing_ids([r.id for r in records])
            for r in records:
                if r.id in stored or r.id in seen:
                    result.skipped.append(r.id)
                else:
                    seen.add(r.id)
                    fresh.append(r)
            if not fresh:
                return result
            use_dedup = self.dedup_enabled if dedup is None else dedup
            now = datetime.now(timezone.utc).replace(tzinfo=None)
            try:
                with self._transaction(), _no_gc():
                    seq = self._last_seq()
                    tables: dict[str, list[tuple]] = {t: [] for t in TABLES}
                    for i, record in enumerate(fresh, start=seq + 1):
                        flatten(record, i, now, into=tables)
                    for table, rows in tables.items():
                        if rows:
                            self._bulk_insert(table, COLUMNS[table], rows)
                    if use_dedup:
                        stories, signatures = self._dedup().assign(fresh)
                    else:
                        stories = [(r.id, r.id, None, "unchecked") for r in fresh]
                        signatures = []
                    self._bulk_insert("stories", EXTRA_COLUMNS["stories"], stories)
                    if signatures:
                        self._bulk_insert("signatures", EXTRA_COLUMNS["signatures"], signatures)
                    self._set_meta("clusters_stale", "1")
                    _sources.note_sources(self, fresh)
            except StoreError:
                self._deduper = None  # its in-memory index may hold rolled-back rows
                raise
            except Exception as exc:
                self._deduper = None
                raise StoreError(f"could not write {len(fresh)} articles: {type(exc).__name__}: {exc}",
                                 hint="nothing of this batch was written; fix the cause and run again") from exc
            result.written = [r.id for r in fresh]
            result.copies = [aid for aid, story, _, _ in stories if story != aid]
        return result

    def _last_seq(self) -> int:
        """The ``ingest_seq`` of the last article written (0 for an empty store)."""
        return int(self._query("SELECT coalesce(max(ingest_seq), 0) FROM articles")[0][0])

    def _dedup(self):
        if self._deduper is None:
            from ..corpus.dedup import Deduper

            deduper = Deduper()
            deduper.load(self._query("SELECT s.article_id, s.minhash, s.signature, st.story_id FROM signatures s "
                                     "JOIN stories st ON st.article_id = s.article_id"))
            self._deduper = deduper
        return self._deduper

    def _set_meta(self, key: str, value: str) -> None:
        self._execute("DELETE FROM meta WHERE key = ?", (key,))
        self._execute("INSERT INTO meta VALUES (?, ?)", (key, value))

    def get_meta(self, key: str) -> str | None:
        rows = self._query("SELECT value FROM meta WHERE key = ?", (key,))
        return rows[0][0] if rows else None

    # ---- reading ----------------------------------------------------------------
    def get_article(self, article_id: str) -> Article | None:
        rows = self._query("SELECT record, text FROM articles WHERE id = ?", (article_id,))
        return unpack_record(*rows[0]) if rows else None

    def iter_articles(self, *, source: str | None = None, story: str | None = None, since: str | None = None,
                      until: str | None = None, limit: int | None = None, page: int = 500) -> Iterator[Article]:
        """Stored records in ingest order, optionally filtered by source name, story and published day."""
        where, params = ["a.ingest_seq > ?"], []
        if source:
            where.append("a.source_name = ?")
            params.append(source)
        if story:
            where.append("a.id IN (SELECT article_id FROM stories WHERE story_id = ?)")
            params.append(story)
        if since:
            where.append("a.published_date >= CAST(? AS DATE)")
            params.append(since)
        if until:
            where.append("a.published_date <= CAST(? AS DATE)")
            params.append(until)
        sql = f"SELECT a.ingest_seq, a.record, a.text FROM articles a WHERE {' AND '.join(where)} ORDER BY a.ingest_seq LIMIT ?"
        last, n = 0, 0
        while True:
            size = page if limit is None else min(page, limit - n)
            if size <= 0:
                return
            rows = self._query(sql, (last, *params, size))
            for seq, record, text in rows:
                yield unpack_record(record, text)
                n += 1
            if len(rows) < size:
                return
            last = rows[-1][0]

    def count(self, table: str = "articles") -> int:
        if table not in ALL_TABLES:
            raise StoreError(f"no table {table!r}", hint=f"one of {', '.join(ALL_TABLES)}")
        return int(self._query(f"SELECT count(*) FROM {table}")[0][0])

    def stories(self, min_size: int = 2) -> dict[str, list[str]]:
        """Duplicate groups: story id → article ids (oldest first), groups of at least `min_size`."""
        rows = self._query("SELECT st.story_id, st.article_id FROM stories st JOIN articles a ON a.id = st.article_id "
                           "ORDER BY st.story_id, a.ingest_seq")
        groups: dict[str, list[str]] = {}
        for story, aid in rows:
            groups.setdefault(story, []).append(aid)
        return {k: v for k, v in groups.items() if len(v) >= min_size}

    def story_of(self, article_id: str) -> str | None:
        rows = self._query("SELECT story_id FROM stories WHERE article_id = ?", (article_id,))
        return rows[0][0] if rows else None

    # ---- sources and their home places (``sources.py``) ------------------------------
    def ensure_source_homes(self, *, everything: bool = False) -> int:
        """Infer the home place of the sources whose articles changed (all with `everything`)."""
        with self._lock:
            return _sources.infer_homes(self, everything=everything)

    def source_homes(self) -> dict[str, str]:
        """Source name → the home place its items without one get (set or given, else inferred)."""
        return _sources.homes(self)

    def sources(self) -> list[dict]:
        """Every source with its home place: given, set and inferred."""
        return _sources.list_sources(self)

    def set_source_home(self, name: str, home: str | None) -> None:
        """Set a source's home place by hand (None clears it); it then wins over given ones."""
        with self._lock:
            _sources.set_home(self, name, home)

    # ---- maintenance ------------------------------------------------------------------
    def optimize(self) -> None:  # backend
        """Lay the events out by dyad and day so series queries read little (run after bulk loads)."""

    # ---- event clusters -------------------------------------------------------------
    def recluster(self, *, window_days: int | None = None, optimize: bool = True, incremental: bool = False) -> int:
        """Rebuild the event clusters; return how many clusters were (re)built.

        By default every stored mention is clustered anew (with `optimize`, the events are first
        laid out by dyad and day, ``optimize()``). With `incremental`, only the blocks (source,
        target, root) that articles written since the last run touch are rebuilt — the same
        clusters a full run gives, since no cluster spans two blocks — unless the window changed
        or there was no earlier run. Either way a cluster keeps its global id (GDELT's
        GlobalEventID) as long as it exists; new clusters get ids above the largest one.
        """
        from ..corpus.clusters import TOUCHED_KEYS_SQL, WINDOW_DAYS, build_clusters, keep_global_ids, key_sql, \
            load_mentions

        window = WINDOW_DAYS if window_days is None else window_days
        with self._lock:
            top = self._last_seq()
            last = self.get_meta("clustered_seq")
            since = int(last) if incremental and last is not None and self.get_meta("cluster_window") == str(window) \
                else None
            if since is None and optimize:
                self.optimize()
            mentions = load_mentions(self, since_seq=since)
            clusters, members = build_clusters(mentions, window_days=window)
            if since is None:
                scope, params = "", ()
            else:  # the clusters with a member in a block that new articles touched
                scope = (" WHERE cluster_id IN (SELECT m.cluster_id FROM event_cluster_members m JOIN events e "
                         f"ON e.article_id = m.article_id AND e.id = m.event_id WHERE {key_sql('e')} IN ({TOUCHED_KEYS_SQL}))")
                params = (since,)
            with self._transaction():
                old = dict(self._query("SELECT cluster_id, global_id FROM event_clusters" + scope, params))
                next_id = int(self._query("SELECT coalesce(max(global_id), 0) FROM event_clusters")[0][0]) + 1
                clusters = keep_global_ids(clusters, old, next_id)
                self._execute("DELETE FROM event_clusters" + scope, params)  # its scope reads the members: first
                self._execute("DELETE FROM event_cluster_members" + scope, params)
                if clusters:
                    self._bulk_insert("event_clusters", EXTRA_COLUMNS["event_clusters"], clusters)
                    self._bulk_insert("event_cluster_members", EXTRA_COLUMNS["event_cluster_members"], members)
                self._set_meta("clusters_stale", "0")
                self._set_meta("clustered_seq", str(top))
                self._set_meta("cluster_window", str(window))
            return len(clusters)

    def ensure_clusters(self) -> None:
        """Bring the clusters up to date when articles were written since the last run (incrementally)."""
        if self.get_meta("clusters_stale") == "1":
            self.recluster(incremental=True)

    def query(self, sql: str, params: Sequence = ()) -> list[tuple]:
        """Read-only SQL with ``?`` placeholders (for the corpus and export modules)."""
        return self._query(sql, params)

    def query_dicts(self, sql: str, params: Sequence = ()) -> list[dict]:
        columns, rows = self._select(sql, params)
        return [dict(zip(columns, row)) for row in rows]


def _migrations(dialect: str) -> list[tuple[int, str, str]]:
    found = []
    for entry in resources.files("tidings.store.migrations").iterdir():
        m = _MIGRATION.match(entry.name)
        if not m or (m[3] and m[3] != dialect):
            continue
        found.append((int(m[1]), m[2], entry.read_text(encoding="utf-8")))
    return sorted(found)


def _statements(sql: str) -> list[str]:
    lines = [ln for ln in sql.splitlines() if not ln.strip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]
