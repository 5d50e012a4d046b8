"""`tidings ingest`: analyze files, folders, feeds, crawls or stdin into the store."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import List, Optional

import typer

from ..errors import ConfigError
from ..settings import default_factory
from ._args import check_date

EXIT_ITEMS_FAILED = 3  # some items failed; the others were stored (see the summary or --errors FILE)
EXIT_INTERRUPTED = 130

__all__ = ["register", "parse_fields"]

MAX_SHOWN_FAILURES = 20


def parse_fields(pairs: list[str] | None) -> dict[str, str]:
    """["published=date", "text=body"] → {"published": "date", "text": "body"}."""
    out: dict[str, str] = {}
    for pair in pairs or []:
        name, sep, key = pair.partition("=")
        if not sep or not name.strip() or not key.strip():
            raise ConfigError(f"--field {pair!r} is not NAME=KEY", hint="e.g. --field published=date")
        out[name.strip()] = key.strip()
    return out


def _progress_bar(console, enabled: bool):
    """A Rich progress bar (items/s, ETA) and the callback that moves it."""
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn,
                               TimeElapsedColumn, TimeRemainingColumn)

    progress = Progress(SpinnerColumn(), TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(),
                        TextColumn("{task.fields[rate]} items/s"), TimeElapsedColumn(), TextColumn("ETA"),
                        TimeRemainingColumn(), TextColumn("{task.fields[counts]}"),
                        console=console, disable=not enabled, transient=False)
    task = progress.add_task("ingest", total=None, rate="-", counts="")

    def update(summary) -> None:
        speed = progress.tasks[0].speed
        progress.update(task, completed=summary.processed, total=summary.total,
                        rate=f"{speed:,.1f}" if speed else "-",
                        counts=f"new {summary.analyzed} · dup {summary.duplicates} · failed {summary.failed}")

    return progress, update


def _print_summary(console, summary, errors_file: Path | None) -> None:
    from rich.table import Table

    table = Table(title="ingest summary", title_justify="left", show_header=False)
    table.add_column(style="bold")
    table.add_column(justify="right")
    table.add_row("analyzed and stored", f"{summary.analyzed:,}")
    if summary.other_language:
        table.add_row("  of which not English (stored, not parsed)", f"{summary.other_language:,}")
    table.add_row("skipped as duplicate", f"{summary.duplicates:,}")
    table.add_row("failed", f"{summary.failed:,}")
    rate = f"{summary.rate:,.2f} items/s" if summary.elapsed_s else "-"
    table.add_row("time", f"{summary.elapsed_s:,.1f} s ({rate})")
    workers = f", {summary.workers} worker" + ("s" if summary.workers != 1 else "") if summary.workers else ""
    engine = summary.engine + workers
    table.add_row("engine", engine)
    if summary.shards:
        table.add_row("Parquet shards", summary.shards)
    console.print(table)
    for failure in summary.failures[:MAX_SHOWN_FAILURES]:
        console.print(f"[red]failed[/red] {failure}", highlight=False)
    hidden = summary.failed - min(len(summary.failures), MAX_SHOWN_FAILURES)
    if hidden > 0:
        where = f"all are in {errors_file}" if errors_file else "use --errors FILE to keep them all"
        console.print(f"… and {hidden:,} more failures ({where})")
    if summary.interrupted:
        console.print("[yellow]stopped before the end[/yellow]: what was stored is kept; "
                      "run the same command again to resume.")


def register(app: typer.Typer) -> None:
    @app.command()
    def ingest(
        paths: List[str] = typer.Argument(..., help="Files or folders (.txt .html .jsonl .json feeds .warc[.gz] "
                                                    ".parquet shards), or - for standard input."),
        db: str = typer.Option(default_factory=default_factory("db"),
                               help="DuckDB file or postgresql:// URL to store the records in."),
        workers: Optional[int] = typer.Option(None, "--workers", "-w",
                                              help="Worker processes, each loading the model once (local: default 1; "
                                                   "ray: analyzer actors, default one a CPU)."),
        engine: str = typer.Option("local", "--engine", help="local (processes on this machine) or ray (Ray Data)."),
        address: Optional[str] = typer.Option(None, "--address", envvar="RAY_ADDRESS",
                                              help="Ray cluster address (ray engine); none starts a local Ray."),
        shards: Optional[str] = typer.Option(None, "--shards", help="Folder (or s3://… URI) for the Ray engine's "
                                                                   "Parquet shards; default ./tidings-shards/run-TIME."),
        no_import: bool = typer.Option(False, "--no-import", help="Ray engine: leave the shards for your warehouse; "
                                                                   "do not import them into --db."),
        batch_size: int = typer.Option(32, "--batch-size", help="Articles a batch (one nlp.pipe call, one transaction)."),
        model: Optional[str] = typer.Option(None, "--model", help="spaCy model name."),
        fmt: Optional[str] = typer.Option(None, "--input-format", help="Read every input as text, html, jsonl, feed "
                                                                      "or warc (default: by file name; stdin is sniffed)."),
        fmt_alias: Optional[str] = typer.Option(None, "--format", hidden=True),  # the old spelling
        field: Optional[List[str]] = typer.Option(None, "--field", help="JSON field mapping NAME=KEY, repeatable: "
                                                                       "--field published=date --field id=doc."),
        published: Optional[str] = typer.Option(None, "--published", callback=check_date, help="Publication date (YYYY-MM-DD) for items "
                                                                         "that do not give one."),
        url: Optional[str] = typer.Option(None, "--url", help="The article's URL (a single text or HTML file)."),
        source: Optional[str] = typer.Option(None, "--source", help="Source name for items that do not give one."),
        home: Optional[str] = typer.Option(None, "--home", help="The source's home place (\"Alexandria, La.\") for "
                                                               "items without a source_location: a prior for places."),
        errors: Optional[Path] = typer.Option(None, "--errors", help="Write every failure to this JSON Lines file."),
        quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
        verbose: bool = typer.Option(False, "--verbose", "-v", help="Show the engine's own log lines (Ray)."),
        as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON on stdout."),
        actors: Optional[Path] = typer.Option(None, "--actors", help="Your actor dictionary (CSV or YAML: name, aliases, "
                                              "code, valid_from, valid_to), added to the built-in one."),
    ) -> None:
        """Analyze articles and store their records; re-running resumes (stored articles are skipped)."""
        from rich.console import Console

        from ..ingest import ingest as run_ingest

        if verbose:
            from .. import settings

            os.environ[settings.setting("verbose").env] = "1"  # read by the Ray engine, here and in its workers

        console = Console(stderr=True)
        progress, update = _progress_bar(console, enabled=not quiet and console.is_terminal)
        errors_handle = errors.open("w", encoding="utf-8") if errors else None

        def on_failure(failure) -> None:
            if errors_handle is not None:
                errors_handle.write(json.dumps({"location": failure.item, "code": failure.code,
                                                "message": failure.message, "hint": failure.hint}) + "\n")

        try:
            with progress:
                summary = run_ingest(paths, db=db, workers=workers, engine=engine, batch_size=batch_size, model=model,
                                     kind=fmt or fmt_alias, fields=parse_fields(field), published=published, url=url,
                                     source_name=source, home=home, address=address, shards=shards,
                                     import_shards=not no_import, progress=update, on_failure=on_failure,
                                     actors=actors)
        finally:
            if errors_handle is not None:
                errors_handle.close()
        if as_json:
            sys.stdout.write(json.dumps(summary.as_dict(), default=str) + "\n")
        _print_summary(console, summary, errors)
        if summary.interrupted:
            raise typer.Exit(EXIT_INTERRUPTED)
        if summary.failed:
            raise typer.Exit(EXIT_ITEMS_FAILED)  # what could be read is stored; scripts must still notice
