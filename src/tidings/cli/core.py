"""`tidings analyze`, `tidings demo`, `tidings schema`."""
from __future__ import annotations

import json
import sys
from importlib import resources
from pathlib import Path
from typing import Optional

import typer

from ..errors import InputError
from ..items import InputItem
from ..settings import default_factory
from .render import render_article

DEMO_FILE = "biden-putin-demo.txt"
DEMO_PUBLISHED = "2021-12-07"


def read_source(source: str, *, url: str | None = None, published: str | None = None,
                title: str | None = None) -> InputItem:
    """PATH, URL or "-" → one InputItem, through the readers' one reader (the same as ingest's)."""
    from ..readers import read_one

    return read_one(source, url=url, published=published, title=title)


def _published(value: Optional[str]) -> Optional[str]:
    """--published: any common date form, normalized; a date that does not exist is a usage error."""
    if value is None:
        return None
    from ..pipeline import normalize_date

    try:
        return normalize_date(value)
    except InputError as exc:
        raise typer.BadParameter(exc.message) from None


def _output(record, fmt: str | None) -> None:
    fmt = fmt or ("pretty" if sys.stdout.isatty() else "json")
    if fmt == "json":
        typer.echo(record.to_json(indent=2))
    elif fmt == "pretty":
        render_article(record)
    else:
        raise InputError(f"unknown format {fmt!r}", hint="use json or pretty")


def register(app: typer.Typer) -> None:
    @app.command()
    def analyze(source: str = typer.Argument(..., help="A file path, an http(s) URL, or - for standard input."),
                published: Optional[str] = typer.Option(None, callback=_published,
                                                        help="Publication date (YYYY-MM-DD); relative dates resolve on it."),
                url: Optional[str] = typer.Option(None, help="The article's URL, kept in the record."),
                title: Optional[str] = typer.Option(None, help="The article's title."),
                fmt: Optional[str] = typer.Option(None, "--format", help="json (default when piped) or pretty."),
                model: Optional[str] = typer.Option(None, "--model", help="spaCy model name."),
                actors: Optional[Path] = typer.Option(None, "--actors", help="Your actor dictionary (CSV or YAML)."),
                home: Optional[str] = typer.Option(None, "--home", help="The source's home place (\"Alexandria, La.\"): "
                                                                       "a prior for the article's places.")) -> None:
        """Analyze one article and print its record."""
        from ..pipeline import Pipeline

        item = read_source(source, url=url, published=published, title=title)
        item.source_location = home or item.source_location
        record = Pipeline(model, actors=str(actors) if actors else None)(item)
        _output(record, fmt)

    @app.command()
    def demo(fmt: Optional[str] = typer.Option("pretty", "--format", help="pretty (default) or json."),
             db: str = typer.Option(default_factory=default_factory("db"), help="Store the record here too."),
             no_store: bool = typer.Option(False, "--no-store", help="Only show the record; do not store it."),
             serve: bool = typer.Option(False, "--serve", help="Then open the dashboard on it (needs the web extra)."),
             port: int = typer.Option(8000, help="Port for --serve.")) -> None:
        """Analyze the bundled sample article (the 7 December 2021 Biden–Putin call), store it, and show it."""
        from ..pipeline import Pipeline

        text = resources.files("tidings.data.demo").joinpath(DEMO_FILE).read_text("utf-8")
        record = Pipeline()(InputItem(text=text, published=DEMO_PUBLISHED, url="tidings:demo/biden-putin",
                                      source_name="tidings demo", location=DEMO_FILE))
        _output(record, fmt)
        if not no_store:
            stored = _store_demo(record, db)
            if stored and fmt != "json":
                typer.echo(f"stored in {db}: article {record.id}")
        if serve:
            from ..web.server import serve_dashboard  # the web issue

            serve_dashboard(db=db, port=port, open_article=record.id)

    @app.command()
    def schema() -> None:
        """Print the JSON Schema of the Article record."""
        from ..record import json_schema

        typer.echo(json.dumps(json_schema(), indent=2))


def _store_demo(record, db: str) -> bool:
    try:
        from ..store import open_store
    except ModuleNotFoundError:
        return False
    with open_store(db) as store:
        store.write_articles([record])
    return True
