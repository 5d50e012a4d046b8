"""The poll loop: fetch what is new, analyze and store it, evaluate the rules, send each new alert once."""
from __future__ import annotations

import logging
import signal
import threading
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from ..items import InputItem
from .http import Fetcher, FetchError
from .rules import Rule, evaluate
from .sources import candidates_from, folder_items, is_url
from .state import WatchState

__all__ = ["watch", "poll_once", "WatchSummary", "PollResult"]

log = logging.getLogger("tidings.watch")


@dataclass
class PollResult:
    new: int = 0
    duplicate: int = 0
    failed: int = 0
    alerts: int = 0
    errors: list[str] = field(default_factory=list)
    new_ids: list[str] = field(default_factory=list)

    def line(self, n: int) -> str:
        return f"poll {n}: new {self.new}, duplicate {self.duplicate}, failed {self.failed}, alerts {self.alerts}"


@dataclass
class WatchSummary:
    polls: list[PollResult] = field(default_factory=list)


def _items_of(source: str, fetcher: Fetcher, state: WatchState, result: PollResult) -> list[tuple[str, InputItem]]:
    """(key, item) for each item of a source not seen before; a failing source is reported and skipped."""
    if not is_url(source):
        folder = Path(source)
        if not folder.is_dir():
            result.failed += 1
            result.errors.append(f"{source}: not a folder or an http(s) URL")
            return []
        return [(k, it) for k, it in folder_items(folder) if not state.seen(k)]
    etag, modified = state.validators(source)
    try:
        fetched = fetcher.get(source, etag=etag, last_modified=modified)
    except FetchError as exc:
        result.failed += 1
        result.errors.append(str(exc))
        return []
    if fetched.not_modified:
        return []
    out = []
    for cand in candidates_from(fetched.content, source):
        if state.seen(cand.url):
            continue
        try:
            page = fetcher.get(cand.url)
            out.append((cand.url, InputItem(html=page.content.decode("utf-8", "replace"), url=cand.url,
                                            location=cand.url, published=cand.fallback.published if cand.fallback else None,
                                            title=cand.fallback.title if cand.fallback else None)))
        except FetchError as exc:
            if cand.fallback is not None:
                out.append((cand.url, cand.fallback))
            else:
                result.failed += 1
                result.errors.append(str(exc))
    state.remember_validators(source, fetched.etag, fetched.last_modified)
    return out


def poll_once(sources: list[str], store, pipeline, rules: list[Rule], sinks: list, fetcher: Fetcher,
              stop: threading.Event | None = None) -> PollResult:
    state = WatchState(store)
    result = PollResult()
    for source in sources:
        for key, item in _items_of(source, fetcher, state, result):
            if stop is not None and stop.is_set():
                break
            outcome = next(pipeline.pipe_outcomes([item]))
            if outcome.error is not None:
                result.failed += 1
                result.errors.append(str(outcome.error))
                state.mark_seen(key, None)
                continue
            written = store.write_articles([outcome.article])
            if outcome.article.id in written.written:
                result.new += 1
                result.new_ids.append(outcome.article.id)
            else:
                result.duplicate += 1  # same text as an article stored before
            state.mark_seen(key, outcome.article.id)
    for rule in rules:
        alert = evaluate(store, rule, new_article_ids=result.new_ids)
        if alert is None or state.alert_sent(alert["id"]):
            continue
        alert["time"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
        for sink in sinks:
            try:
                sink.send(alert)
            except Exception as exc:  # one broken sink must not silence the others
                result.errors.append(f"alert to {sink!r} failed: {exc}")
        state.record_alert(alert)
        result.alerts += 1
    for error in result.errors:
        log.warning(error)
    return result


def watch(sources: list[str], db: str, *, rules: list[Rule] = (), sinks: list = (), interval: float = 900.0,
          once: bool = False, model: str | None = None, fetcher: Fetcher | None = None, echo=print,
          stop: threading.Event | None = None) -> WatchSummary:
    """Poll until stopped (SIGINT/SIGTERM finish the item in hand, then exit); `once` polls one time."""
    from ..pipeline import Pipeline
    from ..store import open_store

    stop = stop or threading.Event()
    previous = {}
    if threading.current_thread() is threading.main_thread():
        for sig in (signal.SIGINT, signal.SIGTERM):
            previous[sig] = signal.signal(sig, lambda *_: stop.set())
    fetcher = fetcher or Fetcher()
    summary = WatchSummary()
    pipeline = Pipeline(model)
    try:
        with open_store(db) as store:
            while not stop.is_set():
                result = poll_once(list(sources), store, pipeline, list(rules), list(sinks), fetcher, stop)
                summary.polls.append(result)
                echo(result.line(len(summary.polls)))
                for error in result.errors:
                    echo(f"  failed: {error}")
                if once:
                    break
                stop.wait(interval)
    finally:
        fetcher.close()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return summary
