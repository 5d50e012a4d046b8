"""Run the pipeline over gold records (batched) and score them: one task, or every dev set."""
from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Callable, Iterable, Sequence

from ..errors import TidingsError
from ..items import InputItem
from ..record import Article
from . import article, events, events_news, places, quantities, quotes, timex
from .align import to_raw
from .gold import GoldDoc, expand_paths, load_gold, shared_dir
from .result import TaskScore

__all__ = ["TASKS", "Task", "anchors", "analyze_docs", "score_docs", "evaluate", "default_gold", "run_all"]


@dataclass(frozen=True)
class Task:
    name: str
    stage: str | None  # the pipeline stage whose output is scored
    predictions: Callable | None  # (Article, to_raw) -> predictions in gold coordinates
    score: Callable[[Sequence], TaskScore]


TASKS: dict[str, Task] = {
    "quotes": Task("quotes", "quotes", quotes.predictions, quotes.score_quotes),
    "time": Task("time", "times", timex.predictions, timex.score_time),
    "places": Task("places", "places", places.predictions, places.score_places),
    "quantities": Task("quantities", "quantities", quantities.predictions, quantities.score_quantities),
    "events": Task("events", "events", events.predictions, events.score_events),
    "events-news": Task("events-news", "events", events_news.predictions, events_news.score_events_news),
    "article": Task("article", None, None, article.score_article),
}


@cache
def anchors() -> dict:
    path = resources.files("tidings").joinpath("data", "evaluate", "anchors.json")
    return json.loads(path.read_text(encoding="utf-8"))


def default_gold(task: str) -> list[Path]:
    """The dev set(s) `tidings eval all` scores for `task`, under ../shared."""
    base = shared_dir()
    return [_short(base / p) for p in anchors()["dev_sets"][task]]


def _short(path: Path) -> Path:
    """The path relative to the working directory where that is shorter (../shared/...)."""
    try:
        rel = Path(os.path.relpath(path))
    except ValueError:  # another drive on Windows
        return path
    return rel if len(str(rel)) < len(str(path)) else path


def analyze_docs(docs: Sequence[GoldDoc], pipeline) -> tuple[list[Article | None], list[str]]:
    """One record per gold doc (None where the pipeline refused it), in one batched pass."""
    from ..pipeline import normalize_date

    problems: list[str] = []

    def published(doc: GoldDoc) -> str | None:
        try:
            return normalize_date(doc.data.get("published"))
        except TidingsError:  # a gold date the pipeline cannot read: analyze the text without one
            problems.append(f"{doc.location}: unreadable published date {doc.data.get('published')!r}, ignored")
            return None

    items = (InputItem(text=d.data["text"], published=published(d), id=d.id, location=d.location) for d in docs)
    records: list[Article | None] = []
    refused = []
    for outcome in pipeline.pipe_outcomes(items):
        if outcome.error is not None:
            refused.append(str(outcome.error))
        records.append(outcome.article)
    return records, refused + problems


def score_docs(task: str, docs: Sequence[GoldDoc], records: Sequence[Article | None]) -> TaskScore:
    spec = TASKS[task]
    if spec.predictions is None:
        return spec.score([(d.data, r) for d, r in zip(docs, records)])
    pairs = []
    for d, r in zip(docs, records):
        preds = spec.predictions(r, to_raw(r, d.data["text"])) if r is not None else []
        pairs.append((d.data, preds))
    return spec.score(pairs)


def _notes(task: str, records: Sequence[Article | None], problems: list[str], pipeline) -> list[str]:
    notes = []
    stage = TASKS[task].stage
    missing = getattr(pipeline, "missing_stages", [])
    if stage and stage in missing:
        notes.append(f"extractor '{stage}' not available yet: this task scores zero")
    elif task == "article" and missing:
        notes.append("extractors not available yet: " + ", ".join(missing))
    refused = [p for p in problems if "unreadable published date" not in p]
    if refused:
        notes.append(f"{len(refused)} record(s) not analyzed, e.g. {refused[0]}")
    undated = [p for p in problems if "unreadable published date" in p]
    if undated:
        notes.append(f"{len(undated)} record(s) analyzed without their unreadable published date, e.g. {undated[0]}")
    not_en = sum(1 for r in records if r is not None and r.language != "en")
    if not_en:
        notes.append(f"{not_en} record(s) detected as not English and left unanalyzed")
    failed: dict[str, int] = {}
    for r in records:
        for e in (r.errors if r is not None else []):
            failed[e.stage] = failed.get(e.stage, 0) + 1
    for name, n in sorted(failed.items()):
        notes.append(f"stage '{name}' failed on {n} record(s)")
    return notes


def evaluate(task: str, gold: Iterable[str | Path] | None = None, *, limit: int | None = None,
             pipeline=None, model: str | None = None) -> TaskScore:
    """Score one task on gold files or folders (default: its dev sets under ../shared)."""
    if task not in TASKS:
        from ..errors import EvalError
        raise EvalError(f"unknown task {task!r}", hint="one of " + ", ".join(TASKS) + ", or all")
    docs = load_gold(task, list(gold) if gold else default_gold(task), limit)
    if pipeline is None:  # after the gold loaded: a bad path fails before the model loads
        from ..pipeline import Pipeline
        pipeline = Pipeline(model)
    started = time.perf_counter()
    records, problems = analyze_docs(docs, pipeline)
    result = score_docs(task, docs, records)
    files: dict[str, list[int]] = {}
    for n, d in enumerate(docs):
        files.setdefault(d.location.rsplit(":", 1)[0] if task != "article" else d.location, []).append(n)
    if len(files) > 1 and task != "article":
        result.parts = {Path(f).name: score_docs(task, [docs[i] for i in idx], [records[i] for i in idx])
                        for f, idx in files.items()}
    result.notes = _notes(task, records, problems, pipeline) + result.notes
    result.seconds = round(time.perf_counter() - started, 1)
    return result


def run_all(*, limit: int | None = None, pipeline=None, model: str | None = None,
            tasks: Sequence[str] | None = None,
            progress: Callable[[str], None] | None = None) -> dict[str, TaskScore]:
    """Every dev set under ../shared/gold and the example articles, with one pipeline."""
    for task in tasks or TASKS:  # every gold file is there before the model loads
        expand_paths(default_gold(task), task)
    if pipeline is None:
        from ..pipeline import Pipeline
        pipeline = Pipeline(model)
    results = {}
    for task in tasks or TASKS:
        if progress:
            progress(task)
        results[task] = evaluate(task, default_gold(task), limit=limit, pipeline=pipeline)
    return results
