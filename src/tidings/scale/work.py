"""The work every engine does on one batch: prepare (clean, id, language) then analyze (parse, extract).

The two steps are apart so an engine can drop the articles a store already holds (their
id is known after preparation) before paying for the parse. ``analyze_prepared`` does
what ``Pipeline.pipe_outcomes`` does after preparation, so a record is the same whichever
engine made it (tests/test_ingest.py checks this).
"""
from __future__ import annotations

import os
import resource
import signal
import sys
from dataclasses import dataclass
from typing import Iterable

from ..errors import InputError, TidingsError
from ..items import InputItem
from ..record import Article

__all__ = ["Failure", "prepare_items", "analyze_prepared", "peak_rss_mb", "bare_preparer",
           "init_worker", "worker_prepare", "worker_analyze"]


@dataclass(slots=True, frozen=True)
class Failure:
    """An input that gave no record: where it is and why."""
    location: str
    code: str
    message: str

    @classmethod
    def from_error(cls, exc: TidingsError, location: str | None = None) -> "Failure":
        return cls(location=exc.item or location or "<input>", code=exc.code,
                   message=exc.message + (f" ({exc.hint})" if exc.hint else ""))


def prepare_items(prepare, items: Iterable[InputItem]) -> list[Article | Failure]:
    """Run the preparation step on each item; a failure names the item's location."""
    out: list[Article | Failure] = []
    for item in items:
        try:
            out.append(prepare(item))
        except TidingsError as exc:
            out.append(Failure.from_error(exc, item.location))
        except Exception as exc:  # a bug in cleaning must not stop the batch
            out.append(Failure(item.location, InputError.code, f"{type(exc).__name__}: {exc}"))
    return out


def analyze_prepared(pipeline, articles: list[Article]) -> list[Article]:
    """Parse the prepared English articles in one ``nlp.pipe`` and run the extractor stages."""
    english = [a for a in articles if a.language == "en"]
    for article in articles:
        if article.language != "en":
            article.warnings.append(f"language detected as {article.language!r}: not analyzed (English only)")
    docs = pipeline.nlp.pipe((a.text for a in english), batch_size=pipeline.batch_size)
    for article, doc in zip(english, docs):
        pipeline.extract(doc, article)
    if pipeline.missing_stages:
        for article in articles:
            article.warnings.append("stages not available: " + ", ".join(pipeline.missing_stages))
    return articles


def peak_rss_mb() -> float:
    """This process's peak resident memory, in MB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def bare_preparer():
    """``Pipeline.prepare`` without loading the spaCy model (for tasks that only prepare)."""
    from .. import pipeline as pl

    if hasattr(pl, "prepare_item"):  # a module-level preparation step, when the pipeline offers one
        return pl.prepare_item
    bare = pl.Pipeline.__new__(pl.Pipeline)  # prepare() uses no model state
    return bare.prepare


# ---- worker processes (multiprocessing): one pipeline a process -------------------
_PIPELINE = None


def init_worker(model: str | None, batch_size: int) -> None:
    """Process-pool initializer: Ctrl-C is the parent's business; load the model once."""
    global _PIPELINE
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from ..pipeline import Pipeline

    _PIPELINE = Pipeline(model, batch_size=batch_size)


def worker_prepare(items: list[InputItem]) -> tuple[list[str | Failure], int, float]:
    """Prepared records as JSON (or failures), with this worker's pid and peak RSS."""
    out = [r.to_json() if isinstance(r, Article) else r for r in prepare_items(_PIPELINE.prepare, items)]
    return out, os.getpid(), peak_rss_mb()


def worker_analyze(prepared: list[str]) -> tuple[list[str], int, float]:
    """Full records as JSON for the prepared records given as JSON."""
    articles = [Article.model_validate_json(p) for p in prepared]
    records = analyze_prepared(_PIPELINE, articles)
    return [r.to_json() for r in records], os.getpid(), peak_rss_mb()
