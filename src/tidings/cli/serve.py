"""`tidings serve`: the REST API and the dashboard."""
from __future__ import annotations

import typer

from ..settings import default_factory


def register(app: typer.Typer) -> None:
    @app.command()
    def serve(db: str = typer.Option(default_factory=default_factory("db"), help="DuckDB file or postgresql:// URL."),
              host: str = typer.Option("127.0.0.1", help="Address to listen on."),
              port: int = typer.Option(8000, help="Port to listen on.")) -> None:
        """Serve the REST API (/api, OpenAPI at /docs) and the dashboard. Writes need TIDINGS_TOKEN."""
        from ..web.app import serve_dashboard

        serve_dashboard(db=db, host=host, port=port)
