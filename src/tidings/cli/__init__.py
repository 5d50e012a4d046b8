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
COMMAND_MODULES = ("core", "ingest", "eval", "corpus", "sources", "serve", "watch")


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


EXIT_USAGE = 2  # a usage error: unknown command or option, a bad value; or a TidingsError
EXIT_ITEMS_FAILED = 3  # `ingest`: some items failed (the others were stored)
EXIT_INTERRUPTED = 130


def _click_exception_types() -> tuple[tuple[type, ...], tuple[type, ...]]:
    """(ClickException, UsageError) classes of click and of typer's vendored copy, whichever exist."""
    import click

    bases, usage = [click.ClickException], [click.UsageError]
    try:
        from typer._click import exceptions as vendored  # typer ≥ 0.2x ships its own click
    except ImportError:
        pass
    else:
        bases.append(vendored.ClickException)
        usage.append(vendored.UsageError)
    return tuple(bases), tuple(usage)


def _usage_line(exc) -> str:
    """One line: what was wrong, and where to look."""
    message = " ".join(str(exc.format_message() if hasattr(exc, "format_message") else exc).split())
    ctx = getattr(exc, "ctx", None)
    path = ctx.command_path if ctx is not None else "tidings"
    return f"error: {message} (see '{path} --help')"


def main(argv: list[str] | None = None) -> None:
    """Entry point: bad input ends in one clear line and a non-zero exit, never a traceback.

    Exit codes: 0 done; 2 a usage error or an error naming what to fix; 3 `ingest` stored
    what it could but some items failed; 130 interrupted.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    if not args:
        args = ["--help"]  # bare `tidings`: the help, exit 0
    click_errors, usage_errors = _click_exception_types()
    try:
        rc = app(args=args, prog_name="tidings", standalone_mode=False)
    except TidingsError as exc:
        typer.secho(f"error: {exc}", err=True, fg="red")
        sys.exit(EXIT_USAGE)
    except SystemExit:
        raise
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        typer.secho("aborted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except usage_errors as exc:
        if type(exc).__name__ == "NoArgsIsHelpError":  # a group given no command: its help
            exc.ctx and typer.echo(exc.ctx.get_help())
            sys.exit(0)
        typer.echo(_usage_line(exc), err=True)
        sys.exit(EXIT_USAGE)
    except click_errors as exc:
        typer.echo(f"error: {' '.join(str(exc.format_message()).split())}", err=True)
        sys.exit(getattr(exc, "exit_code", 1) or 1)
    sys.exit(rc or 0)

