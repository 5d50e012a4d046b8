"""`tidings serve --watch SOURCE…`: the watch loop inside the server process.

DuckDB allows one writer per file, so `tidings watch` and `tidings serve` cannot share a
store as two processes (use PostgreSQL for that). Here the server owns the store and the
watch loop runs in a thread beside it: every poll goes through `watch.runner.poll_once`
with a store view whose calls take the server's store lock and mark the server's caches
stale after each change, and with analysis in the server's analysis process. So the
dashboard shows new articles and alerts as soon as they are stored.
"""
from __future__ import annotations

import logging
import threading
from contextlib import contextmanager
from types import SimpleNamespace

__all__ = ["InServerWatch", "LockedStore"]

log = logging.getLogger("tidings.watch")


class LockedStore:
    """The server's store as watch sees it: each call under the server's lock; writes make the caches stale."""

    def __init__(self, state) -> None:
        self._state = state

    def write_articles(self, records, **options):
        records = list(records)
        with self._state.lock:
            try:
                return self._state.store.write_articles(records, **options)
            finally:
                self._state.wrote([r.id for r in records])

    @contextmanager
    def _transaction(self):
        with self._state.lock, self._state.store._transaction():
            try:
                yield
            finally:
                self._state.wrote()  # watch's own tables, alerts among them (shown on the overview)

    def __getattr__(self, name):
        target = getattr(self._state.store, name)
        if not callable(target):
            return target

        def locked(*args, **kwargs):
            with self._state.lock:
                return target(*args, **kwargs)

        return locked


class _AnalysisProcess:
    """`pipe_outcomes` as watch calls it, done by the server's analysis process (no model in this process)."""

    def __init__(self, state) -> None:
        self._state = state

    def pipe_outcomes(self, items):
        for item in items:
            record, error = self._state.analyze(item)
            yield SimpleNamespace(item=item, article=record, error=error)


class InServerWatch:
    """Polls `sources` every `interval` seconds in a thread until `stop()`; prints one line per poll."""

    def __init__(self, state, sources: list[str], *, rules=(), sinks=(), interval: float = 900.0, echo=print,
                 fetcher=None, pipeline=None) -> None:
        self.state = state
        self.sources = list(sources)
        self.rules = list(rules)
        self.sinks = list(sinks)
        self.interval = interval
        self.echo = echo
        self.fetcher = fetcher
        self.pipeline = pipeline or _AnalysisProcess(state)
        self.polls = 0
        self.stopping = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="tidings-watch", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self.stopping.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def _run(self) -> None:
        from ..readers.http import Fetcher
        from ..watch.runner import poll_once

        fetcher = self.fetcher or Fetcher()
        store = LockedStore(self.state)
        try:
            while not self.stopping.is_set():
                try:
                    result = poll_once(self.sources, store, self.pipeline, self.rules, self.sinks, fetcher,
                                       self.stopping)
                except Exception as exc:  # noqa: BLE001 - one failed poll must not end the server's watch
                    self.polls += 1
                    self.echo(f"poll {self.polls}: failed: {type(exc).__name__}: {exc}")
                else:
                    self.polls += 1
                    self.echo(result.line(self.polls))
                    for error in result.errors:
                        self.echo(f"  failed: {error}")
                self.stopping.wait(self.interval)
        finally:
            fetcher.close()
