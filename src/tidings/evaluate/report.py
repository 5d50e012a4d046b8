"""Show scores: Rich tables on the terminal, JSON, and the docs/QUALITY.md page."""
from __future__ import annotations

import datetime as _dt
import subprocess
from pathlib import Path
from typing import Mapping

from rich.console import Console
from rich.table import Table

from .result import TaskScore
from .runner import anchors

__all__ = ["PRIMARY", "fmt", "task_table", "print_score", "print_errors", "summary_table", "as_json",
           "quality_markdown", "write_quality", "git_commit"]

PRIMARY: dict[str, tuple[str, ...]] = {
    "quotes": ("precision", "recall_direct", "recall_all", "speaker_accuracy"),
    "time": ("relaxed_precision", "relaxed_recall", "relaxed_f1", "strict_f1", "value_f1"),
    "places": ("recognition_precision", "recognition_recall", "recognition_f1", "acc161_matched",
               "acc161_end_to_end", "median_error_km"),
    "quantities": ("value_precision", "value_recall", "value_f1", "value_unit_f1"),
    "events": ("root_accuracy", "triple_precision", "triple_recall", "triple_f1", "no_event_accuracy",
               "plover_accuracy"),
    "events-news": ("root_precision", "root_recall", "root_f1", "dyad_precision", "dyad_recall", "dyad_f1",
                    "modality_accuracy"),
}


def fmt(value) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, float):
        return f"{value:.3f}" if abs(value) <= 1 else f"{value:.1f}"
    return str(value)


def _target(task: str, metric: str) -> float | None:
    return anchors()["targets"].get(task, {}).get(metric)


def _anchor_text(task: str, metric: str) -> str:
    return "; ".join(f"{a['name']} {a['value']}" for a in anchors()["anchors"]
                     if a["task"] == task and a["metric"] == metric)


def as_json(result: TaskScore) -> dict:
    """The figures the issue names for the task, n_docs, and the integer counts."""
    if result.task == "article":
        return result.as_dict()
    keys = PRIMARY[result.task]
    out = {k: result.metrics.get(k) for k in keys}
    out["n_docs"] = result.n_docs
    out.update({k: v for k, v in result.metrics.items() if k not in out and isinstance(v, int)})
    return out


def task_table(result: TaskScore) -> Table:
    if result.task == "article":
        table = Table(title=f"article: {result.n_docs} example(s)")
        table.add_column("section")
        table.add_column("found", justify="right")
        table.add_column("listed", justify="right")
        for name, v in result.sections.items():
            table.add_row(name, str(v["found"]), str(v["listed"]))
        return table
    table = Table(title=f"{result.task}: {result.n_docs} gold records ({result.seconds:.0f} s)")
    table.add_column("metric")
    table.add_column("figure", justify="right")
    table.add_column("target", justify="right")
    table.add_column("anchor to beat")
    for key in PRIMARY[result.task]:
        target = _target(result.task, key)
        table.add_row(key, fmt(result.metrics.get(key)), f">= {target:.2f}" if target else "",
                      _anchor_text(result.task, key))
    counts = ", ".join(f"{k} {v}" for k, v in result.metrics.items() if isinstance(v, int))
    if counts:
        table.caption = counts
    return table


def print_score(result: TaskScore, console: Console) -> None:
    console.print(task_table(result))
    if result.task == "article" and result.missed:
        console.print("[bold]missed[/bold]")
        for line in result.missed:
            console.print(f"  {line}", markup=False, highlight=False)
    for note in result.notes:
        console.print(f"note: {note}", markup=False, highlight=False)


def print_errors(result: TaskScore, k: int, console: Console) -> None:
    """K misses and K false positives, with their text and a little context."""
    if result.task == "article":  # its misses are listed by print_score
        return
    for title, items in (("misses", result.misses), ("false positives", result.false_positives)):
        console.print(f"[bold]{result.task}: {min(k, len(items))} of {len(items)} {title}[/bold]")
        for ex in items[:k]:
            console.print(f"- {ex.doc}: {ex.text!r} ({ex.detail})", markup=False, highlight=False)
            if ex.context:
                console.print(f"    {ex.context[:300]}", markup=False, highlight=False)


def summary_table(results: Mapping[str, TaskScore]) -> Table:
    table = Table(title="tidings quality on the dev sets")
    for col in ("task", "metric", "figure", "target", "anchor to beat"):
        table.add_column(col, justify="right" if col in ("figure", "target") else "left")
    for row in _rows(results):
        table.add_row(*row)
    return table


def _rows(results: Mapping[str, TaskScore]) -> list[tuple[str, ...]]:
    rows = []
    for task, result in results.items():
        if task == "article":
            for name, v in result.sections.items():
                rows.append((task, name, f"{v['found']}/{v['listed']}", "", ""))
            continue
        for key in PRIMARY[task]:
            target = _target(task, key)
            rows.append((task, key, fmt(result.metrics.get(key)), f">= {target:.2f}" if target else "",
                         _anchor_text(task, key)))
    return rows


def git_commit(cwd: Path | None = None) -> str:
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, timeout=20).stdout.strip()
    try:
        commit = git("rev-parse", "--short", "HEAD") or "no commit yet"
        dirty = bool(git("status", "--porcelain", "--untracked-files=no"))
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return commit + (" (with uncommitted changes)" if dirty else "")


def quality_markdown(results: Mapping[str, TaskScore], *, commit: str, limit: int | None = None,
                     when: _dt.datetime | None = None) -> str:
    """The docs/QUALITY.md page. It holds figures and counts only, never gold text (the
    texts belong to their publishers): run `tidings eval article` to see what was missed."""
    when = when or _dt.datetime.now(_dt.timezone.utc)
    data = anchors()
    lines = [
        "# Quality on the dev sets",
        "",
        "Written by `tidings eval all`; do not edit by hand. Scoring rules: ../shared/gold/FORMATS.md;",
        "scorers: src/tidings/evaluate/. Anchors are published figures of other systems on their own",
        "test sets, shown for context. Floors that CI holds: docs/quality_floors.json",
        "(`tidings eval all --check-floors`).",
        "",
        f"- date: {when.strftime('%Y-%m-%d %H:%M UTC')}",
        f"- commit: {commit}",
        f"- records: {'first ' + str(limit) + ' of each gold file' if limit else 'every record of each dev set'}",
        f"- time: {sum(r.seconds for r in results.values()):.0f} s",
        "",
        "| task | metric | figure | target | anchor to beat |",
        "|---|---|---:|---:|---|",
    ]
    lines += ["| " + " | ".join(row) + " |" for row in _rows(results)]
    pooled = [(task, r) for task, r in results.items() if r.parts]
    if pooled:
        lines += ["", "## Pooled sets, file by file", ""]
        for task, result in pooled:
            keys = PRIMARY[task]
            lines += [f"| {task} file | records | " + " | ".join(keys) + " |", "|---|---:|" + "---:|" * len(keys)]
            for name, part in result.parts.items():
                lines.append(f"| {name} | {part.n_docs} | " + " | ".join(fmt(part.metrics.get(k)) for k in keys) + " |")
            lines.append("")
    lines += ["", "## Records scored", ""]
    for task, result in results.items():
        gold = ", ".join(Path(p).name for p in data["dev_sets"].get(task, []))
        lines.append(f"- {task} ({gold}): {result.n_docs} gold records, {result.seconds:.0f} s")
        lines += [f"  - {note}" for note in result.notes]
    article = results.get("article")
    if article is not None and article.by_doc:
        docs = list(article.by_doc)
        lines += ["", "## Example articles, found / listed", "",
                  "| section | " + " | ".join(docs) + " |", "|---|" + "---:|" * len(docs)]
        for name in article.sections:
            cells = [f"{article.by_doc[d][name]['found']}/{article.by_doc[d][name]['listed']}" for d in docs]
            lines.append(f"| {name} | " + " | ".join(cells) + " |")
        lines += ["", "What was missed: `tidings eval article --gold ../shared/examples`."]
    return "\n".join(lines) + "\n"


def write_quality(results: Mapping[str, TaskScore], path: Path, *, limit: int | None = None) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(quality_markdown(results, commit=git_commit(path.parent), limit=limit), encoding="utf-8")
    return path
