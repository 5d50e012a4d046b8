"""`tidings watch`: follow feeds, store what is new, alert on rules."""
from __future__ import annotations

import re
from pathlib import Path
from typing import List, Optional

import typer

from ..errors import ConfigError
from ..settings import default_factory


def parse_interval(text: str) -> float:
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", text)
    if not m:
        raise ConfigError(f"--interval {text!r} is not like 30s, 15m, 1h")
    return float(m[1]) * {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}[m[2]]


def register(app: typer.Typer) -> None:
    @app.command()
    def watch(sources: List[str] = typer.Argument(..., help="RSS/Atom feed URLs, sitemap or page-list URLs, or local folders."),
              db: str = typer.Option(default_factory=default_factory("db"), help="DuckDB file or postgresql:// URL."),
              interval: str = typer.Option("15m", help="Time between polls: 30s, 15m, 1h."),
              rules: Optional[Path] = typer.Option(None, "--rules", help="Alert rules (YAML)."),
              alerts_to: List[str] = typer.Option([], "--alerts-to", help="jsonl:PATH, webhook:URL or terminal (repeatable)."),
              once: bool = typer.Option(False, "--once", help="Poll once and exit."),
              allow_private: bool = typer.Option(False, "--allow-private-addresses",
                                                 help="Let fetches reach loopback, private and link-local addresses "
                                                      "(local testing; refused by default)."),
              model: Optional[str] = typer.Option(None, "--model")) -> None:
        """Poll SOURCEs, analyze and store new articles, and send alerts when a rule holds."""
        from ..watch import load_rules, watch as run_watch
        from ..watch.alerts import TerminalSink, parse_sink

        rule_list = load_rules(rules) if rules else []
        sinks = [parse_sink(s) for s in alerts_to] or [TerminalSink()]
        run_watch(sources, db, rules=rule_list, sinks=sinks, interval=parse_interval(interval), once=once,
                  model=model, echo=typer.echo, allow_private=allow_private)
