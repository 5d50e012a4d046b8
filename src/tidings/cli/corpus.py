"""`tidings events|quotes|actors|series|export`: read the store. Thin: parse, call the library, print."""
from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from ..settings import default_factory
from ._args import date_option, pick_format, require_store

__all__ = ["register"]

DB_HELP = "DuckDB file or postgresql:// URL to read."


class Output(str, Enum):
    table = "table"
    json = "json"


class SeriesOutput(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


class Period(str, Enum):
    day = "day"
    week = "week"
    month = "month"


class ExportFormat(str, Enum):
    jsonl = "jsonl"
    parquet = "parquet"
    gdelt_events = "gdelt-events"
    gdelt_mentions = "gdelt-mentions"
    gkg = "gkg"


def _db_option():
    return typer.Option(default_factory=default_factory("db"), help=DB_HELP)


def _print(rows: list[dict], output: Output, columns: tuple[str, ...], title: str) -> None:
    if output is Output.json:
        typer.echo(json.dumps(rows, indent=1, default=str, ensure_ascii=False))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{title} ({len(rows)})", title_justify="left")
    for col in columns:
        table.add_column(col, overflow="fold")
    for row in rows:
        table.add_row(*("" if row.get(c) is None else str(row.get(c)) for c in columns))
    Console().print(table)


def register(app: typer.Typer) -> None:
    @app.command()
    def events(
        db: str = _db_option(),
        actor: Optional[str] = typer.Option(None, help="Country (USA) or actor code prefix (USAGOV), either side."),
        dyad: Optional[str] = typer.Option(None, help="SOURCE-TARGET, e.g. USA-RUS."),
        root: Optional[str] = typer.Option(None, help="CAMEO root code, e.g. 19."),
        code: Optional[str] = typer.Option(None, help="CAMEO code prefix, e.g. 1312."),
        since: Optional[str] = date_option("First event day, YYYY-MM-DD."),
        until: Optional[str] = date_option("Last event day, YYYY-MM-DD."),
        modality: Optional[str] = typer.Option(None, help="asserted|negated|conditional|future|historical|claimed."),
        place: Optional[str] = typer.Option(None, help="Place name or ISO alpha-3 country."),
        search: Optional[str] = typer.Option(None, "--search", "--text", help="Words in the action, title or text."),
        clusters: bool = typer.Option(False, "--clusters", help="Events across reports instead of mentions."),
        limit: int = typer.Option(50, min=1),
        fmt: Optional[Output] = typer.Option(None, "--format", help="table (default) or json."),
        output: Optional[Output] = typer.Option(None, "--output", "-o", hidden=True),
    ) -> None:
        """Event mentions (or, with --clusters, events across reports) matching the filters."""
        from ..corpus.queries import find_event_clusters, find_events
        from ..store import open_store

        output = pick_format(fmt, output) or Output.table
        with open_store(require_store(db)) as store:
            if clusters:
                store.ensure_clusters()
                rows = find_event_clusters(store, dyad=dyad, root=root, since=since, until=until, limit=limit)
                cols = ("global_id", "event_date", "source_country", "target_country", "cameo", "quad_class",
                        "num_mentions", "num_articles", "num_sources", "asserted", "place_name")
            else:
                rows = find_events(store, actor=actor, dyad=dyad, root=root, code=code, since=since, until=until,
                                   modality=modality, place=place, text=search, limit=limit)
                cols = ("event_date", "source_code", "action_text", "target_code", "cameo", "goldstein",
                        "modality", "place", "outlet", "article_id")
        _print(rows, output, cols, "events")

    @app.command()
    def quotes(
        db: str = _db_option(),
        speaker: Optional[str] = typer.Option(None, help="Words of the speaker's name or description."),
        actor: Optional[str] = typer.Option(None, help="Speaker's country (ISO alpha-3) or actor code prefix."),
        since: Optional[str] = date_option("First publication day, YYYY-MM-DD."),
        until: Optional[str] = date_option("Last publication day, YYYY-MM-DD."),
        search: Optional[str] = typer.Option(None, "--search", "--text", help="Words in the quote."),
        limit: int = typer.Option(50, min=1),
        fmt: Optional[Output] = typer.Option(None, "--format", help="table (default) or json."),
        output: Optional[Output] = typer.Option(None, "--output", "-o", hidden=True),
    ) -> None:
        """Quotes with their speakers."""
        from ..corpus.queries import find_quotes
        from ..store import open_store

        output = pick_format(fmt, output) or Output.table
        with open_store(require_store(db)) as store:
            rows = find_quotes(store, speaker=speaker, actor=actor, since=since, until=until, text=search, limit=limit)
        _print(rows, output, ("published_date", "speaker", "speaker_affiliation", "text", "outlet"), "quotes")

    @app.command()
    def actors(
        db: str = _db_option(),
        name: Optional[str] = typer.Option(None, help="Words of the name or an alias."),
        type: Optional[str] = typer.Option(None, "--type", help="PERSON|ORG|PLACE|NORP|EVENT|OTHER."),
        country: Optional[str] = typer.Option(None, help="Affiliation (ISO alpha-3) or actor code prefix."),
        since: Optional[str] = date_option("First publication day, YYYY-MM-DD."),
        until: Optional[str] = date_option("Last publication day, YYYY-MM-DD."),
        limit: int = typer.Option(50, min=1),
        fmt: Optional[Output] = typer.Option(None, "--format", help="table (default) or json."),
        output: Optional[Output] = typer.Option(None, "--output", "-o", hidden=True),
    ) -> None:
        """Actors across articles, most reported first."""
        from ..corpus.queries import find_actors
        from ..store import open_store

        output = pick_format(fmt, output) or Output.table
        with open_store(require_store(db)) as store:
            rows = find_actors(store, name=name, type=type, country=country, since=since, until=until, limit=limit)
        _print(rows, output, ("name", "type", "affiliation", "actor_code", "articles", "mentions", "first_seen",
                              "last_seen"), "actors")

    @app.command()
    def series(
        db: str = _db_option(),
        dyad: Optional[str] = typer.Option(None, help="SOURCE-TARGET, e.g. USA-RUS."),
        actor: Optional[str] = typer.Option(None, help="One actor, either side: USA or USAGOV."),
        by: Period = typer.Option(Period.day, "--by"),
        undirected: bool = typer.Option(False, help="Count the dyad both ways."),
        since: Optional[str] = date_option("First event day, YYYY-MM-DD."),
        until: Optional[str] = date_option("Last event day, YYYY-MM-DD."),
        modality: Optional[str] = typer.Option(None, help="Only mentions of this modality (e.g. asserted)."),
        fmt: Optional[SeriesOutput] = typer.Option(None, "--format", help="table (default), csv or json."),
        output: Optional[SeriesOutput] = typer.Option(None, "--output", "-o", hidden=True),
        out: Optional[Path] = typer.Option(None, "--out", help="Write CSV/JSON here instead of stdout."),
    ) -> None:
        """Counts by QuadClass, Goldstein sum and mean, articles and escalation index per period."""
        from ..corpus import series as S
        from ..store import open_store

        output = pick_format(fmt, output) or SeriesOutput.table
        with open_store(require_store(db)) as store:
            rows = S.series(store, dyad=dyad, actor=actor, by=by.value, directed=not undirected, since=since,
                            until=until, modality=modality)
        if output is SeriesOutput.table:
            _print(rows, Output.table, S.COLUMNS, f"series {dyad or actor} by {by.value}")
            typer.echo(f"events     {S.sparkline([r['events'] for r in rows])}")
            typer.echo(f"escalation {S.sparkline([r['escalation'] for r in rows])}")
            return
        text = S.to_csv(rows) if output is SeriesOutput.csv else S.to_json(rows) + "\n"
        if out:
            out.write_text(text, encoding="utf-8")
            typer.echo(f"{len(rows)} periods written to {out}", err=True)
        else:
            typer.echo(text, nl=False)

    @app.command("export")
    def export_(
        format: ExportFormat = typer.Option(..., "--format", "-f", help="What to write."),
        out: Path = typer.Option(..., "--out", help="File to write."),
        db: str = _db_option(),
    ) -> None:
        """Export the store: full records (jsonl, parquet) or GDELT 2.0 events / mentions and GKG 2.1 files."""
        from ..export import export
        from ..store import open_store

        with open_store(require_store(db)) as store:
            n = export(store, format.value, out)
        typer.echo(f"{n} rows written to {out} ({format.value})")
