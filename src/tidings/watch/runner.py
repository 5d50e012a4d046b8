"""The poll loop: fetch what is new, analyze and store it, evaluate the rules, send each new alert once."""
from __future__ import annotations

import logging
import signal
import threading
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from ..errors import InputError, TidingsError
from ..items import InputItem
from ..readers.files import item_from_bytes
from ..readers.http import Fetcher, FetchError
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


def _items_of(source: str, fetcher: Fetcher, state: WatchState, result: PollResult, stop=None):
    """(key, item or error, fallback) for each item of a source not seen before; a failing source is
    reported and skipped. Pages are fetched lazily, one at a time, so a stop ends the poll promptly."""
    if not is_url(source):
        folder = Path(source)
        if not folder.is_dir():
            result.failed += 1
            result.errors.append(f"{source}: not a folder or an http(s) URL")
            return
        for key, item in folder_items(folder):
            if not state.seen(key):
                yield key, item, None
        return
    etag, modified = state.validators(source)
    try:
        fetched = fetcher.get(source, etag=etag, last_modified=modified)
    except FetchError as exc:
        result.failed += 1
        result.errors.append(str(exc))
        return
    if fetched.not_modified:
        return
    if fetched.truncated:
        result.errors.append(f"{source}: larger than {fetcher.max_bytes:,} bytes; read the first part only")
    for cand in candidates_from(fetched.content, source):
        if stop is not None and stop.is_set():
            return  # validators not kept: the next run reads this source again
        if state.seen(cand.url):
            continue
        yield cand.url, _page_item(cand, fetcher), cand.fallback
    state.remember_validators(source, fetched.etag, fetched.last_modified)


def _page_item(cand, fetcher: Fetcher) -> InputItem | TidingsError:
    """The linked page as an item, or the error saying why it cannot be had (never raises)."""
    meta = dict(cand.meta or {})
    try:
        page = fetcher.get(cand.url)
        if page.truncated:
            return InputError(f"page larger than {fetcher.max_bytes:,} bytes", item=cand.url)
        kind = "html" if "html" in page.content_type.lower() else "sniff"
        return item_from_bytes(page.content, cand.url, kind, url=cand.url, published=meta.get("published"),
                               title=meta.get("title"), source_name=meta.get("source_name"))
    except FetchError as exc:
        return InputError(str(exc).removeprefix(f"{cand.url}: "), item=cand.url)
    except TidingsError as exc:
        return exc
    except Exception as exc:  # one bad item is one failed item, whatever it raised
        return InputError(f"{type(exc).__name__}: {exc}", item=cand.url)


def _analyze(pipeline, item, fallback):
    """The outcome for an item; when the page gives no record, the feed's own text is tried."""
    from ..pipeline import Outcome

    if isinstance(item, TidingsError):
        outcome = Outcome(fallback or InputItem(text=""), error=item)
    else:
        outcome = next(pipeline.pipe_outcomes([item]))
    if outcome.error is not None and fallback is not None:
        retry = next(pipeline.pipe_outcomes([fallback]))
        if retry.error is None:
            return retry
    return outcome


def poll_once(sources: list[str], store, pipeline, rules: list[Rule], sinks: list, fetcher: Fetcher,
              stop: threading.Event | None = None) -> PollResult:
    state = WatchState(store)
    result = PollResult()
    homes = store.source_homes() if hasattr(store, "source_homes") else {}  # a prior for each source's places
    for source in sources:
        if stop is not None and stop.is_set():
            break
        for key, item, fallback in _items_of(source, fetcher, state, result, stop):
            if stop is not None and stop.is_set():
                break
            for it in (item, fallback):
                if isinstance(it, InputItem) and it.source_location is None and it.source_name in homes:
                    it.source_location = homes[it.source_name]
            outcome = _analyze(pipeline, item, fallback)
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
    if result.new and hasattr(store, "ensure_source_homes"):
        store.ensure_source_homes()
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
          stop: threading.Event | None = None, allow_private: bool = False) -> WatchSummary:
    """Poll until stopped (SIGINT/SIGTERM end a fetch in progress at once, finish an item being
    analyzed, then exit); `once` polls one time. `allow_private` lets fetches reach loopback and
    private addresses (local testing; refused by default)."""
    from ..pipeline import Pipeline
    from ..store import open_store

    stop = stop or threading.Event()
    previous = {}
    if threading.current_thread() is threading.main_thread():
        for sig in (signal.SIGINT, signal.SIGTERM):
            previous[sig] = signal.signal(sig, lambda *_: stop.set())
    fetcher = fetcher or Fetcher(allow_private=allow_private)
    fetcher.stop = stop
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
