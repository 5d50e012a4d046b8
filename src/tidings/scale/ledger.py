"""The single writer's side of every engine: drop what is stored, write batches, keep the counts."""
from __future__ import annotations

import time
from typing import Callable, Iterable

from ..errors import TidingsError
from ..pipeline import Outcome

__all__ = ["Ledger"]


class Ledger:
    """Owns the store connection and the IngestSummary; only the parent process touches it."""

    def __init__(self, store, summary, progress: Callable | None = None, *, failures_limit: int = 1000,
                 on_failure: Callable[[TidingsError], None] | None = None):
        self.store = store
        self.summary = summary
        self.progress = progress
        self.failures_limit = failures_limit
        self.on_failure = on_failure
        self._claimed: set[str] = set()  # ids sent to analysis or written in this run
        self._last_tick = 0.0

    # -- failures -----------------------------------------------------------------
    def fail(self, failure: TidingsError) -> None:
        """Count an input that gave no record (the error names it in ``item``)."""
        self.summary.failed += 1
        if len(self.summary.failures) < self.failures_limit:
            self.summary.failures.append(failure)
        if self.on_failure is not None:
            self.on_failure(failure)
        self.tick()

    # -- skip before analysis -------------------------------------------------------
    def claim(self, prepared: Iterable[Outcome]) -> list[Outcome]:
        """The prepared outcomes worth analyzing: new to the store and to this run (first one wins); errors are failed."""
        fresh: list[Outcome] = []
        for outcome in prepared:
            if outcome.error is not None:
                self.fail(_located(outcome))
            else:
                fresh.append(outcome)
        stored = self.store.existing_ids([o.article.id for o in fresh]) if fresh else set()
        keep: list[Outcome] = []
        for outcome in fresh:
            if outcome.article.id in stored or outcome.article.id in self._claimed:
                self.summary.duplicates += 1
            else:
                self._claimed.add(outcome.article.id)
                keep.append(outcome)
        self.tick()
        return keep

    def claim_ids(self, ids: list[str]) -> list[bool]:
        """Like ``claim`` for bare ids (engines that prepare elsewhere): True where the id is to be analyzed."""
        stored = self.store.existing_ids(ids) if ids else set()
        out = []
        for article_id in ids:
            ok = article_id not in stored and article_id not in self._claimed
            if ok:
                self._claimed.add(article_id)
            else:
                self.summary.duplicates += 1
            out.append(ok)
        return out

    # -- the one writer ---------------------------------------------------------------
    def write(self, outcomes: list[Outcome]) -> None:
        """Write one batch in one transaction (errors in it are reported, not written)."""
        for outcome in outcomes:
            if outcome.error is not None:
                self.fail(_located(outcome))
        records = [o.article for o in outcomes if o.error is None and o.article is not None]
        if not records:
            return
        result = self.store.write_articles(records)
        self.summary.analyzed += len(result.written)
        self.summary.duplicates += len(result.skipped)
        written = set(result.written)
        self.summary.other_language += sum(1 for r in records if r.language != "en" and r.id in written)
        self.tick(force=True)

    def worker_rss(self, pid: int | str, mb: float) -> None:
        key = str(pid)
        self.summary.worker_peak_rss_mb[key] = max(mb, self.summary.worker_peak_rss_mb.get(key, 0.0))

    def tick(self, force: bool = False) -> None:
        if self.progress is None:
            return
        now = time.monotonic()
        if force or now - self._last_tick > 0.2:
            self._last_tick = now
            self.progress(self.summary)


def _located(outcome: Outcome) -> TidingsError:
    """The outcome's error, naming its item."""
    if not outcome.error.item:
        outcome.error.item = outcome.item.location
    return outcome.error
