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

from ..errors import InputError, TidingsError
from ..items import InputItem
from ..record import Article
from .ledger import Ledger
from .work import (Failure, analyze_prepared, init_worker, peak_rss_mb, prepare_items, worker_analyze,
                   worker_prepare)

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
              model: str | None = None, batch_size: int = 32, stop=None) -> None:
    """Analyze the stream into the ledger's store; returns when done or when `stop` is set."""
    if workers <= 1:
        _run_inline(stream, ledger, model=model, batch_size=batch_size, stop=stop)
    else:
        _run_pool(stream, ledger, workers=workers, model=model, batch_size=batch_size, stop=stop)


def _stopped(stop) -> bool:
    return stop is not None and stop.is_set()


def _run_inline(stream, ledger: Ledger, *, model, batch_size, stop) -> None:
    from ..pipeline import Pipeline

    pipeline = Pipeline(model, batch_size=batch_size)
    for batch in chunks(stream, batch_size, ledger):
        prepared = prepare_items(pipeline.prepare, batch)
        where = {id(r): item.location for r, item in zip(prepared, batch)}
        fresh = ledger.claim(prepared)
        if fresh:
            ledger.write(analyze_prepared(pipeline, fresh, [where[id(a)] for a in fresh]))
        ledger.worker_rss(os.getpid(), peak_rss_mb())
        if _stopped(stop):
            ledger.summary.interrupted = True
            return


def _run_pool(stream, ledger: Ledger, *, workers, model, batch_size, stop) -> None:
    context = multiprocessing.get_context("spawn")  # no fork of a parent holding threads and a DB handle
    executor = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=init_worker,
                                   initargs=(model, batch_size))
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
                    payload = ([a.to_json() for a, _ in fresh], [loc for _, loc in fresh])
                    analyzing[executor.submit(worker_analyze, *payload)] = payload
            for future in [f for f in analyzing if f.done()]:
                _analyzed(future, analyzing.pop(future), ledger)
        if _stopped(stop):
            ledger.summary.interrupted = True
    except BrokenProcessPool as exc:
        ledger.summary.interrupted = True
        raise TidingsError(f"a worker process died ({exc})", hint="re-run the same command to resume, "
                           "with fewer --workers or a smaller --batch-size") from None
    finally:
        _shutdown(executor)


def _prepared(future: Future, batch: list[InputItem], ledger: Ledger) -> list[tuple[Article, str]]:
    try:
        results, pid, rss = future.result()
    except BrokenProcessPool:
        raise
    except Exception as exc:  # a bug in a worker: lose this batch, not the run
        for item in batch:
            ledger.fail(Failure(item.location, InputError.code, f"worker error: {type(exc).__name__}: {exc}"))
        return []
    ledger.worker_rss(pid, rss)
    prepared = [r if isinstance(r, Failure) else Article.model_validate_json(r) for r in results]
    where = {id(r): item.location for r, item in zip(prepared, batch)}
    return [(a, where[id(a)]) for a in ledger.claim(prepared)]


def _analyzed(future: Future, payload: tuple[list[str], list[str]], ledger: Ledger) -> None:
    try:
        results, pid, rss = future.result()
    except BrokenProcessPool:
        raise
    except Exception as exc:
        for location in payload[1]:
            ledger.fail(Failure(location, "E600", f"worker error: {type(exc).__name__}: {exc}"))
        return
    ledger.worker_rss(pid, rss)
    ledger.write([r if isinstance(r, Failure) else Article.model_validate_json(r) for r in results])


def _shutdown(executor: ProcessPoolExecutor) -> None:
    executor.shutdown(wait=False, cancel_futures=True)
    processes = getattr(executor, "_processes", None) or {}
    for process in list(processes.values()):
        if process.is_alive():
            process.terminate()
    for process in list(processes.values()):
        process.join(timeout=5)
