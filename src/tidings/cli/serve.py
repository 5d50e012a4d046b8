"""`tidings serve`: the REST API and the dashboard (and, with --watch, the watch loop in the same process)."""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from ..settings import default_factory
from ._args import require_store


def register(app: typer.Typer) -> None:
    @app.command()
    def serve(db: str = typer.Option(default_factory=default_factory("db"), help="DuckDB file or postgresql:// URL."),
              host: str = typer.Option("127.0.0.1", help="Address to listen on."),
              port: int = typer.Option(8000, help="Port to listen on."),
              watch: List[str] = typer.Option([], "--watch", help="Also watch this feed, sitemap, page list or folder "
                                                                 "in this process (repeatable): one process owns the store."),
              rules: Optional[Path] = typer.Option(None, "--rules", help="Alert rules (YAML) for --watch."),
              alerts_to: List[str] = typer.Option([], "--alerts-to", help="jsonl:PATH, webhook:URL or terminal (repeatable)."),
              interval: str = typer.Option("15m", help="Time between --watch polls: 30s, 15m, 1h.")) -> None:
        """Serve the REST API (/api, OpenAPI at /docs) and the dashboard. Writes need TIDINGS_TOKEN."""
        from ..web.server import serve_dashboard

        plan = None
        if watch:
            from ..watch import load_rules
            from ..watch.alerts import TerminalSink, parse_sink
            from .watch import parse_interval

            plan = {"sources": list(watch), "rules": load_rules(rules) if rules else [],
                    "sinks": [parse_sink(s) for s in alerts_to] or [TerminalSink()], "interval": parse_interval(interval)}
        elif rules or alerts_to:
            raise typer.BadParameter("--rules and --alerts-to go with --watch SOURCE")
        else:
            require_store(db)  # a typo in --db must not serve an empty new store
        serve_dashboard(db=db, host=host, port=port, watch=plan)
