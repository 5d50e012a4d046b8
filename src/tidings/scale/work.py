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


def analyze_prepared(pipeline, articles: list[Article], locations: list[str] | None = None
                     ) -> list[Article | Failure]:
    """``Pipeline.analyze_prepared`` with its errors as Failures (so every engine makes the same records)."""
    locations = locations or [f"article {a.id}" for a in articles]
    out: list[Article | Failure] = []
    for (article, error), location in zip(pipeline.analyze_prepared(articles, locations), locations):
        out.append(article if error is None else Failure.from_error(error, location))
    return out


def peak_rss_mb() -> float:
    """This process's peak resident memory, in MB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def bare_preparer():
    """The preparation step alone: no model, no extractor stage (for tasks that only prepare)."""
    from ..pipeline import prepare_item

    return prepare_item


# ---- worker processes (multiprocessing): one pipeline a process -------------------
_PIPELINE = None


def init_worker(model: str | None, batch_size: int) -> None:
    """Process-pool initializer: Ctrl-C is the parent's business; load the model once."""
    global _PIPELINE
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    import multiprocessing

    from .orphan import exit_with_parent

    parent = multiprocessing.parent_process()  # the pid the pool started us from, even if already gone
    exit_with_parent(parent.pid if parent is not None else None)  # a killed parent leaves no orphan (#22)
    from ..pipeline import Pipeline

    _PIPELINE = Pipeline(model, batch_size=batch_size)


def worker_prepare(items: list[InputItem]) -> tuple[list[str | Failure], int, float]:
    """Prepared records as JSON (or failures), with this worker's pid and peak RSS."""
    out = [r.to_json() if isinstance(r, Article) else r for r in prepare_items(_PIPELINE.prepare, items)]
    return out, os.getpid(), peak_rss_mb()


def worker_analyze(prepared: list[str], locations: list[str]) -> tuple[list[str | Failure], int, float]:
    """Full records as JSON (or failures) for the prepared records given as JSON."""
    articles = [Article.model_validate_json(p) for p in prepared]
    out = analyze_prepared(_PIPELINE, articles, locations)
    return [r.to_json() if isinstance(r, Article) else r for r in out], os.getpid(), peak_rss_mb()
