"""Where alerts go: a JSON Lines file, webhooks (HTTP POST with retries), the terminal."""
from __future__ import annotations

import json
import time
from pathlib import Path

import httpx

from ..errors import ConfigError

__all__ = ["parse_sink", "JsonlSink", "WebhookSink", "TerminalSink"]


class JsonlSink:
    def __init__(self, path: str):
        self.path = Path(path)

    def send(self, alert: dict) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8") as fh:
            fh.write(json.dumps(alert, ensure_ascii=False, default=str) + "\n")

    def __repr__(self) -> str:
        return f"jsonl:{self.path}"


class WebhookSink:
    def __init__(self, url: str, *, retries: int = 3, backoff: float = 0.5, timeout: float = 10.0):
        self.url, self.retries, self.backoff, self.timeout = url, retries, backoff, timeout

    def send(self, alert: dict) -> None:
        delay, error = self.backoff, ""
        for attempt in range(self.retries):
            try:
                r = httpx.post(self.url, json=json.loads(json.dumps(alert, default=str)), timeout=self.timeout)
                if r.status_code < 300:
                    return
                error = f"HTTP {r.status_code}"
            except httpx.HTTPError as exc:
                error = f"{type(exc).__name__}: {exc}"
            if attempt + 1 < self.retries:
                time.sleep(delay)
                delay *= 2
        raise RuntimeError(f"webhook {self.url} refused the alert after {self.retries} tries: {error}")

    def __repr__(self) -> str:
        return f"webhook:{self.url}"


class TerminalSink:
    def send(self, alert: dict) -> None:
        from rich.console import Console

        Console(stderr=True).print(f"[bold red]ALERT[/bold red] [{alert['rule']}] {alert['summary']}")

    def __repr__(self) -> str:
        return "terminal"


def parse_sink(spec: str):
    kind, _, target = spec.partition(":")
    if kind == "jsonl" and target:
        return JsonlSink(target)
    if kind == "webhook" and target.startswith(("http://", "https://")):
        return WebhookSink(target)
    if spec == "terminal":
        return TerminalSink()
    raise ConfigError(f"--alerts-to {spec!r} is not understood", hint="use jsonl:PATH, webhook:URL or terminal")
