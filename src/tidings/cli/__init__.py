"""The `tidings` command: each command only parses arguments, calls the library and prints."""
from __future__ import annotations

import importlib
import sys

import typer

from .. import __version__
from ..errors import TidingsError

app = typer.Typer(name="tidings", no_args_is_help=True, add_completion=False,
                  help="News articles in; who did and said what, to whom, when, where and how many out.")

# Command groups, each a module with register(app). A module not built yet is left out.
COMMAND_MODULES = ("core", "ingest", "eval", "corpus", "serve", "watch")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"tidings {__version__}")
        raise typer.Exit()


@app.callback()
def _root(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="Print the version and exit.")) -> None:
    """tidings: a sourced, structured record of the news."""


for _name in COMMAND_MODULES:
    try:
        _module = importlib.import_module(f"{__name__}.{_name}")
    except ModuleNotFoundError as _exc:
        if _exc.name != f"{__name__}.{_name}":
            raise
        continue
    _module.register(app)


def main() -> None:
    """Entry point: bad input ends in one clear line and a non-zero exit, never a traceback."""
    try:
        rc = app(standalone_mode=False)
    except TidingsError as exc:
        typer.secho(f"error: {exc}", err=True, fg="red")
        sys.exit(2)
    except SystemExit:
        raise
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        typer.secho("aborted", err=True)
        sys.exit(130)
    except Exception as exc:  # click usage errors arrive here in non-standalone mode
        import click

        if isinstance(exc, click.ClickException):
            exc.show()
            sys.exit(exc.exit_code)
        raise
    sys.exit(rc or 0)
