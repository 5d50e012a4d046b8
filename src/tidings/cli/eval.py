"""`tidings eval`: score the pipeline against gold files (thin layer over tidings.evaluate)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

__all__ = ["register", "TASK_NAMES"]

TASK_NAMES = ("quotes", "time", "places", "quantities", "events", "events-news", "article", "all")


def register(app: typer.Typer) -> None:
    """Add the `eval` command to the tidings Typer app."""

    @app.command("eval")
    def eval_command(
        task: str = typer.Argument(..., help="quotes, time, places, quantities, events, events-news, article, or all"),
        gold: Optional[list[Path]] = typer.Option(
            None, "--gold", help="gold file or folder (repeatable); default: the task's dev set(s) in ../shared"),
        as_json: bool = typer.Option(False, "--json", help="print one JSON object instead of tables"),
        limit: Optional[int] = typer.Option(None, "--limit", min=1, help="score only the first N records of each file"),
        errors: int = typer.Option(0, "--errors", min=0, help="also print K misses and K false positives"),
        check_floors: bool = typer.Option(False, "--check-floors", help="all: exit non-zero when a figure drops below its floor"),
        write_floors: bool = typer.Option(False, "--write-floors", help="all: pin the measured figures as the floors"),
        out: Path = typer.Option(Path("docs/QUALITY.md"), "--out", help="all: where to write the quality page"),
        floors: Path = typer.Option(Path("docs/quality_floors.json"), "--floors", help="all: the floors file"),
        model: Optional[str] = typer.Option(None, "--model", help="spaCy model to load"),
    ) -> None:
        """Run the pipeline on a gold set and print its scores (FORMATS.md rules)."""
        from rich.console import Console

        from ..errors import EvalError
        from ..evaluate import report
        from ..evaluate.floors import check_floors as run_check, write_floors as run_write
        from ..evaluate.runner import evaluate, run_all

        if task not in TASK_NAMES:
            raise EvalError(f"unknown task {task!r}", hint="one of " + ", ".join(TASK_NAMES))
        console = Console(stderr=as_json)
        if task != "all":
            result = evaluate(task, gold, limit=limit, model=model)
            if as_json:
                print(json.dumps(report.as_json(result)))
            else:
                report.print_score(result, console)
            if errors:
                report.print_errors(result, errors, console)
            return
        if gold:
            raise EvalError("`eval all` scores the dev sets in ../shared", hint="use a task name with --gold")
        results = run_all(limit=limit, model=model,
                          progress=lambda name: console.print(f"scoring {name} …", style="dim"))
        if as_json:
            print(json.dumps({name: report.as_json(r) for name, r in results.items()}))
        else:
            console.print(report.summary_table(results))
            for r in results.values():
                for note in r.notes:
                    console.print(f"note: {r.task}: {note}", markup=False, highlight=False)
        if errors:
            for r in results.values():
                if r.task != "article":
                    report.print_errors(r, errors, console)
        console.print(f"wrote {report.write_quality(results, out, limit=limit)}")
        if write_floors:
            console.print(f"wrote {run_write(results, floors)}")
        if check_floors:
            failures = run_check(results, floors)
            for line in failures:
                console.print(f"below floor: {line}", markup=False, highlight=False)
            if failures:
                raise EvalError(f"{len(failures)} figure(s) below their floors", item=str(floors),
                                hint="fix the regression, or lower the floor in the same change and say why")
            console.print("every figure holds its floor")
