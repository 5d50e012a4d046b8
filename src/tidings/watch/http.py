"""A polite HTTP client: timeouts, retries with back-off, a per-host rate limit, conditional GET."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx

__all__ = ["Fetcher", "Fetched", "FetchError"]

USER_AGENT = "tidings-watch/0.1 (+https://github.com/tidings/tidings)"


class FetchError(Exception):
    pass


@dataclass
class Fetched:
    url: str
    status: int
    content: bytes = b""
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass
class Fetcher:
    timeout: float = 20.0
    retries: int = 3
    backoff: float = 0.5  # seconds, doubled after each failed try
    per_host_interval: float = 1.0  # at least this many seconds between two requests to one host
    max_bytes: int = 10_000_000
    _last: dict[str, float] = field(default_factory=dict)
    _client: httpx.Client | None = None

    def client(self) -> httpx.Client:
        if self._client is None:
            self._client = httpx.Client(timeout=self.timeout, follow_redirects=True,
                                        headers={"User-Agent": USER_AGENT})
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def _wait_turn(self, url: str) -> None:
        host = urlsplit(url).netloc
        wait = self._last.get(host, 0.0) + self.per_host_interval - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        self._last[host] = time.monotonic()

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        """GET with If-None-Match / If-Modified-Since; retries 5xx, 429 and network errors; raises FetchError."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        delay, last_error = self.backoff, "no attempt"
        for attempt in range(self.retries):
            self._wait_turn(url)
            try:
                response = self.client().get(url, headers=headers)
            except httpx.HTTPError as exc:
                last_error = f"{type(exc).__name__}: {exc}"
            else:
                if response.status_code == 304:
                    return Fetched(url, 304, etag=etag, last_modified=last_modified)
                if response.status_code < 400:
                    content = response.content[: self.max_bytes]
                    return Fetched(str(response.url), response.status_code, content,
                                   response.headers.get("content-type", ""), response.headers.get("etag"),
                                   response.headers.get("last-modified"))
                last_error = f"HTTP {response.status_code}"
                if response.status_code < 500 and response.status_code != 429:
                    break  # a client error will not mend itself
            if attempt + 1 < self.retries:
                time.sleep(delay)
                delay *= 2
        raise FetchError(f"{url}: {last_error}")
