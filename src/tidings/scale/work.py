"""What every engine shares: the pipeline's one route (``prepare_batch`` then ``analyze_batch``), run in workers.

The two steps are apart so an engine can drop the articles a store already holds (their
id is known after preparation) before paying for the parse. A failure at any step is
``Outcome.error``, so a record (or an error) is the same whichever engine made it.
Between processes a record travels as JSON (faster than pickling it) and an error as itself.
"""
from __future__ import annotations

import os
import resource
import signal
import sys

from ..errors import InputError, TidingsError
from ..items import InputItem
from ..pipeline import Outcome, prepare_batch
from ..readers.jsonl import item_from_mapping
from ..record import Article

__all__ = ["peak_rss_mb", "item_with_defaults", "init_worker", "worker_prepare", "worker_analyze",
           "to_wire", "from_wire", "bare_prepare"]

Wire = tuple[str | None, TidingsError | None]  # (record as JSON, or the error)


def peak_rss_mb() -> float:
    """This process's peak resident memory, in MB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def item_with_defaults(obj: InputItem | dict, defaults: dict) -> InputItem | TidingsError:
    """An item given in code (InputItem or dict) with `defaults` (published, url, source_name,
    source_location) where it lacks them."""
    if isinstance(obj, dict):
        try:
            return item_from_mapping(obj, str(obj.get("location") or obj.get("id") or "<item>"), None, defaults)
        except InputError as exc:
            return exc
    for name in ("published", "url", "source_name", "source_location"):
        if getattr(obj, name) is None and defaults.get(name) is not None:
            setattr(obj, name, defaults[name])
    return obj


def with_home(obj, home: str | None, homes: dict[str, str]):
    """An item without a source_location gets `home` (``--home``), else its source's home in the store."""
    if isinstance(obj, InputItem) and obj.source_location is None:
        obj.source_location = home or homes.get(obj.source_name or "")
    return obj


def to_wire(outcomes: list[Outcome]) -> list[Wire]:
    return [(o.article.to_json() if o.error is None and o.article is not None else None, o.error) for o in outcomes]


def from_wire(items: list[InputItem], wire: list[Wire]) -> list[Outcome]:
    return [Outcome(item, article=Article.model_validate_json(j) if j is not None else None, error=e)
            for item, (j, e) in zip(items, wire)]


# ---- worker processes (multiprocessing): one pipeline a process -------------------
_PIPELINE = None


def init_worker(model: str | None, batch_size: int, actors: str | None = None) -> None:
    """Process-pool initializer: Ctrl-C is the parent's business; load the model once."""
    global _PIPELINE
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    import multiprocessing

    from .orphan import exit_with_parent

    parent = multiprocessing.parent_process()  # the pid the pool started us from, even if already gone
    exit_with_parent(parent.pid if parent is not None else None)  # a killed parent leaves no orphan (#22)
    from ..pipeline import Pipeline

    _PIPELINE = Pipeline(model, batch_size=batch_size, actors=actors)


def worker_prepare(items: list[InputItem]) -> tuple[list[Wire], int, float]:
    """``prepare_batch`` in a worker: prepared records as JSON (or errors), with its pid and peak RSS."""
    return to_wire(_PIPELINE.prepare_batch(items)), os.getpid(), peak_rss_mb()


def worker_analyze(prepared: list[str], locations: list[str]) -> tuple[list[Wire], int, float]:
    """``analyze_batch`` in a worker, over prepared records given as JSON."""
    outcomes = [Outcome(InputItem(location=loc), article=Article.model_validate_json(p))
                for p, loc in zip(prepared, locations)]
    return to_wire(_PIPELINE.analyze_batch(outcomes)), os.getpid(), peak_rss_mb()


def bare_prepare(items: list[InputItem]) -> list[Outcome]:
    """The preparation step alone: no model, no extractor stage (for tasks that only prepare)."""
    return prepare_batch(items)
