"""`tidings sources`: each source's home place (a prior for the places of its articles): list, set, infer."""
from __future__ import annotations

from typing import Optional

import typer

from ..errors import ConfigError
from ..settings import default_factory
from ._args import require_store
from .corpus import Output, _print

__all__ = ["register"]

COLUMNS = ("name", "uses", "home_origin", "inferred_home", "inferred_share")  # the table; --format json has all


def register(app: typer.Typer) -> None:
    @app.command()
    def sources(
        name: Optional[str] = typer.Argument(None, help="A source (the source_name of its articles) to set."),
        home: Optional[str] = typer.Option(None, "--home", help="NAME's home place (\"Alexandria, La.\", \"Texas\"); "
                                                                "it wins over homes given with articles."),
        clear: bool = typer.Option(False, "--clear", help="Forget the home place set for NAME."),
        infer: bool = typer.Option(False, "--infer", help="Infer every source's home again from its stored places."),
        db: str = typer.Option(default_factory=default_factory("db"), help="DuckDB file or postgresql:// URL."),
        fmt: Optional[Output] = typer.Option(None, "--format", help="table (default) or json."),
    ) -> None:
        """Sources and their home places: set (or --clear) one with NAME --home PLACE, else list them.

        A source's home is given with its articles (source_location, --home on ingest), set here, or
        inferred from the places of its stored articles; items of the source without a home of their
        own get it when they are ingested."""
        from ..store import open_store

        if name is None and (home is not None or clear):
            raise ConfigError("--home and --clear need the NAME of a source", hint="tidings sources NAME --home PLACE")
        if name is not None and (home is None) == (not clear):
            raise ConfigError("give NAME either --home PLACE or --clear", item=name)
        if name is not None:
            with open_store(db) as store:
                store.set_source_home(name, None if clear else home)
                rows = [r for r in store.sources() if r["name"] == " ".join(name.split())]
        else:
            with open_store(require_store(db)) as store:
                store.ensure_source_homes(everything=infer)
                rows = store.sources()
        _print(rows, fmt or Output.table, COLUMNS, "sources")
