"""Ingest on this machine: one process, or N worker processes feeding one writer.

With N workers each process loads the model once (pool initializer) and works on
batches: *prepare* (clean, id, language) comes back to the parent, which drops what the
store already holds, then *analyze* (one ``nlp.pipe`` a batch) comes back as JSON
records, which the parent writes, one transaction a batch. The parent alone reads the
inputs and talks to the store.
"""
from __future__ import annotations

import multiprocessing
import os
from collections import deque
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Iterable, Iterator

from ..errors import WORKER_CRASHED, TidingsError, WorkError
from ..items import InputItem
from .ledger import Ledger
from .work import from_wire, init_worker, peak_rss_mb, worker_analyze, worker_prepare

__all__ = ["run_local", "chunks"]


def chunks(stream: Iterable[InputItem | TidingsError], size: int, ledger: Ledger) -> Iterator[list[InputItem]]:
    """Batches of `size` items; reader errors go straight to the ledger as failures."""
    batch: list[InputItem] = []
    for obj in stream:
        if isinstance(obj, TidingsError):
            ledger.fail(obj)
            continue
        batch.append(obj)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def run_local(stream: Iterable[InputItem | TidingsError], ledger: Ledger, *, workers: int = 1,
              model: str | None = None, batch_size: int = 32, stop=None, actors: str | None = None) -> None:
    """Analyze the stream into the ledger's store; returns when done or when `stop` is set."""
    if workers <= 1:
        _run_inline(stream, ledger, model=model, batch_size=batch_size, stop=stop, actors=actors)
    else:
        _run_pool(stream, ledger, workers=workers, model=model, batch_size=batch_size, stop=stop, actors=actors)


def _stopped(stop) -> bool:
    return stop is not None and stop.is_set()


def _run_inline(stream, ledger: Ledger, *, model, batch_size, stop, actors) -> None:
    from ..pipeline import Pipeline

    pipeline = Pipeline(model, batch_size=batch_size, actors=actors)
    for batch in chunks(stream, batch_size, ledger):
        fresh = ledger.claim(pipeline.prepare_batch(batch))
        if fresh:
            ledger.write(pipeline.analyze_batch(fresh))
        ledger.worker_rss(os.getpid(), peak_rss_mb())
        if _stopped(stop):
            ledger.summary.interrupted = True
            return


def _run_pool(stream, ledger: Ledger, *, workers, model, batch_size, stop, actors) -> None:
    context = multiprocessing.get_context("spawn")  # no fork of a parent holding threads and a DB handle
    executor = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=init_worker,
                                   initargs=(model, batch_size, actors))
    batches = chunks(stream, batch_size, ledger)
    preparing: deque[tuple[Future, list[InputItem]]] = deque()  # claimed in input order: first one wins
    analyzing: dict[Future, tuple[list[str], list[str]]] = {}
    limit = 2 * workers  # prepare batches in flight: enough to keep every worker busy
    exhausted = False
    try:
        while True:
            stopping = _stopped(stop)
            while not stopping and not exhausted and len(preparing) < limit:
                batch = next(batches, None)
                if batch is None:
                    exhausted = True
                    break
                preparing.append((executor.submit(worker_prepare, batch), batch))
            if stopping:  # drop what has not started; finish what is running
                preparing = deque((f, b) for f, b in preparing if not f.cancel())
                analyzing = {f: p for f, p in analyzing.items() if not f.cancel()}
            if not preparing and not analyzing:
                break
            watch = list(analyzing) + ([preparing[0][0]] if preparing else [])
            wait(watch, timeout=0.5, return_when=FIRST_COMPLETED)
            while preparing and preparing[0][0].done():
                future, batch = preparing.popleft()
                fresh = _prepared(future, batch, ledger)
                if fresh and not _stopped(stop):
                    payload = ([o.article.to_json() for o in fresh], [o.item.location for o in fresh])
                    analyzing[executor.submit(worker_analyze, *payload)] = payload
            for future in [f for f in analyzing if f.done()]:
                _analyzed(future, analyzing.pop(future), ledger)
        if _stopped(stop):
            ledger.summary.interrupted = True
    except BrokenProcessPool as exc:
        ledger.summary.interrupted = True
        raise WorkError(f"a worker process died ({exc})", hint="re-run the same command to resume, "
                        "with fewer --workers or a smaller --batch-size", code=WORKER_CRASHED) from None
    finally:
        _shutdown(executor)


def _worker_failed(exc: Exception, location: str) -> WorkError:
    return WorkError(f"worker error: {type(exc).__name__}: {exc}", item=location, code=WORKER_CRASHED)


def _prepared(future: Future, batch: list[InputItem], ledger: Ledger):
    try:
        results, pid, rss = future.result()
    except BrokenProcessPool:
        raise
    except Exception as exc:  # a bug in a worker: lose this batch, not the run
        for item in batch:
            ledger.fail(_worker_failed(exc, item.location))
        return []
    ledger.worker_rss(pid, rss)
    return ledger.claim(from_wire(batch, results))


def _analyzed(future: Future, payload: tuple[list[str], list[str]], ledger: Ledger) -> None:
    try:
        results, pid, rss = future.result()
    except BrokenProcessPool:
        raise
    except Exception as exc:
        for location in payload[1]:
            ledger.fail(_worker_failed(exc, location))
        return
    ledger.worker_rss(pid, rss)
    ledger.write(from_wire([InputItem(location=loc) for loc in payload[1]], results))


def _shutdown(executor: ProcessPoolExecutor) -> None:
    executor.shutdown(wait=False, cancel_futures=True)
    processes = getattr(executor, "_processes", None) or {}
    for process in list(processes.values()):
        if process.is_alive():
            process.terminate()
    for process in list(processes.values()):
        process.join(timeout=5)
