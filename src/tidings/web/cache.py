"""Read caching for `tidings serve`: what a write makes stale, and whole GET responses kept until then.

Every write bumps a generation. Two kinds of cached values:

* one article's record (`/api/articles/{id}`, `/articles/{id}`) depends on that article
  alone: it stays fresh until that id is written again, so new articles leave it alone;
* everything else (lists, search, series, pages) reads the corpus and is served only while
  nothing was written since it was computed.

So every read sees every write that finished before it began. After a write made by a
request (POST), its answer goes out at once and the most recently used corpus responses are
re-rendered in the background, one at a time (`ResponseCache._refresh`): the writer never waits
for them, and a reader asking for one meanwhile shares its computation (single flight).

Both caches are bounded in entries and in bytes (`LRU`); response keys are the path and the
query parameters the route declares, sorted (`cache_key`), so junk parameters cannot fill the
cache or defeat it.

`ResponseCache` is a plain ASGI middleware (no per-request Request objects or task groups):
a cached GET is answered with two `send` calls.
"""
from __future__ import annotations

import asyncio
import re
import threading
from collections import OrderedDict
from urllib.parse import parse_qsl, urlencode

__all__ = ["Freshness", "LRU", "ResponseCache", "article_scope", "cache_key", "approx_bytes"]

ARTICLE_PATH = re.compile(r"^/(?:api/)?articles/(.+)$")
WRITES = ("POST", "PUT", "PATCH", "DELETE")
UNCACHED = ("/static", "/docs", "/openapi", "/redoc")
REFRESH_KEYS = 64  # most recently used corpus responses re-rendered after a write; the rest are dropped


def article_scope(path: str) -> str | None:
    """The article id a GET path depends on alone, or None for a page that reads the corpus."""
    found = ARTICLE_PATH.match(path)
    return found.group(1) if found else None


def cache_key(path: str, query_string: bytes, known: frozenset | None) -> str:
    """`path?a=1&b=2`: only the `known` parameters (all when None), sorted by name (repeats keep their order)."""
    if not query_string:
        return path + "?"
    pairs = parse_qsl(query_string.decode("latin-1"), keep_blank_values=True)
    if known is not None:
        pairs = [(k, v) for k, v in pairs if k in known]
    pairs.sort(key=lambda kv: kv[0])
    return path + "?" + urlencode(pairs)


def approx_bytes(value, depth: int = 0) -> int:
    """A cheap estimate of what a cached value holds: its strings' lengths plus a little per object."""
    if isinstance(value, (str, bytes, bytearray)):
        return len(value) + 48
    if depth > 3:
        return 64
    if isinstance(value, dict):
        return 64 + sum(approx_bytes(v, depth + 1) + 50 for v in value.values())
    if isinstance(value, (list, tuple)):
        return 56 + sum(approx_bytes(v, depth + 1) for v in value)
    text = getattr(value, "text", None)
    if isinstance(text, str):  # a record: its text, and a few hundred bytes per annotation
        parts = sum(len(getattr(value, name, None) or ()) for name in
                    ("entities", "quotes", "events", "places", "times", "quantities", "sentences"))
        return 2 * len(text) + 400 * parts + 1000
    return 64


class Freshness:
    """The write generation, and the generation each article id was last written at."""

    def __init__(self) -> None:
        self.generation = 0
        self._written: dict[str, int] = {}

    def fresh(self, generation: int, scope: str | None) -> bool:
        """A value computed at `generation`: nothing it depends on was written since."""
        if scope is None:
            return generation == self.generation
        return self._written.get(scope, 0) <= generation

    def wrote(self, ids) -> int:
        """Called after every write attempt (even a failed one: it is only conservative); the new generation."""
        self.generation += 1
        for article_id in ids:
            self._written[article_id] = self.generation
        return self.generation


class LRU:
    """A map key → (generation, scope, value), bounded in entries and in bytes (`weigh(value)`); thread-safe."""

    def __init__(self, freshness: Freshness, size: int, max_bytes: int | None = None, weigh=None) -> None:
        self.freshness = freshness
        self.size = size
        self.max_bytes = max_bytes
        self._weigh = weigh or (lambda value: 0)
        self._items: OrderedDict = OrderedDict()  # key → (generation, scope, value, bytes)
        self.bytes = 0
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._items)

    def get(self, key):
        with self._lock:
            hit = self._items.get(key)
            if hit is None:
                return None
            if not self.freshness.fresh(hit[0], hit[1]):
                self._remove(key)
                return None
            self._items.move_to_end(key)
        return hit[2]

    def put(self, key, generation: int, scope: str | None, value) -> None:
        """Keep `value` unless a value computed at a later generation is there already, or it is over the byte bound."""
        weight = self._weigh(value)
        if self.max_bytes is not None and weight > self.max_bytes:
            return
        with self._lock:
            old = self._items.get(key)
            if old is not None:
                if old[0] > generation:
                    return
                self._remove(key)
            self._items[key] = (generation, scope, value, weight)
            self.bytes += weight
            while self._items and (len(self._items) > self.size or
                                   (self.max_bytes is not None and self.bytes > self.max_bytes)):
                self._remove(next(iter(self._items)))

    def _remove(self, key) -> None:
        entry = self._items.pop(key, None)
        if entry is not None:
            self.bytes -= entry[3]

    def drop(self, key) -> None:
        with self._lock:
            self._remove(key)

    def drop_stale(self) -> None:
        with self._lock:
            for key in [k for k, v in self._items.items() if not self.freshness.fresh(v[0], v[1])]:
                self._remove(key)

    def stale_corpus(self, limit: int) -> list[tuple]:
        """(key, value) of corpus entries computed before the current generation, most recently used first."""
        now = self.freshness.generation
        with self._lock:
            found = [(k, v[2]) for k, v in reversed(self._items.items()) if v[1] is None and v[0] < now]
        return found[:limit]


def _get_body():
    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    return receive


def response_bytes(hit) -> int:
    headers, body, _ = hit
    return len(body) + sum(len(k) + len(v) for k, v in headers) + 512


class ResponseCache:
    """ASGI middleware: 200 answers to GET (API and pages) kept in `responses`; see the module docstring.

    `params_of(scope)` gives the query parameter names the route of a GET declares (None: keep all).
    """

    def __init__(self, app, freshness: Freshness, responses: LRU, params_of=None) -> None:
        self.app = app
        self.freshness = freshness
        self.responses = responses
        self.params_of = params_of or (lambda scope: None)
        self.inflight: dict[tuple[str, int], asyncio.Future] = {}
        self._pass: asyncio.Task | None = None

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["method"] in WRITES:
            await self._write(scope, receive, send)
            return
        if scope["method"] != "GET" or scope["path"].startswith(UNCACHED):
            await self.app(scope, receive, send)
            return
        key = cache_key(scope["path"], scope["query_string"], self.params_of(scope))
        hit = self.responses.get(key)
        if hit is None:
            messages, hit = await self._compute(key, scope, receive)
            if hit is None:  # not a cacheable answer: send it as it came
                if messages is None:
                    await self.app(scope, receive, send)
                for message in messages or ():
                    await send(message)
                return
        await send({"type": "http.response.start", "status": 200, "headers": hit[0]})
        await send({"type": "http.response.body", "body": hit[1]})

    async def _render(self, scope, receive) -> tuple[list[dict], tuple | None]:
        """Run the app on a copy of `scope`; (messages, (headers, body, scope) if a complete 200)."""
        pristine = dict(scope)  # the router adds to the scope it is given
        messages: list[dict] = []

        async def keep(message) -> None:
            messages.append(message)

        await self.app(dict(scope), receive, keep)
        start = next((m for m in messages if m["type"] == "http.response.start"), {})
        bodies = [m for m in messages if m["type"] == "http.response.body"]  # (not the test client's debug message)
        if start.get("status") == 200 and bodies and not bodies[-1].get("more_body"):
            return messages, (list(start.get("headers", [])), b"".join(m.get("body", b"") for m in bodies), pristine)
        return messages, None

    async def _compute(self, key: str, scope, receive) -> tuple[list[dict] | None, tuple | None]:
        """(messages, hit): one computation per key and generation; others wait for it (messages None: compute your own)."""
        generation = self.freshness.generation
        flight = (key, generation)
        pending = self.inflight.get(flight)
        if pending is not None:
            hit = await asyncio.shield(pending)
            return None, hit
        pending = asyncio.get_running_loop().create_future()
        self.inflight[flight] = pending
        messages, hit = [], None
        try:
            messages, hit = await self._render(scope, receive)
            if hit is not None:
                self.responses.put(key, generation, article_scope(scope["path"]), hit)
        finally:
            if not pending.done():
                pending.set_result(hit)
            self.inflight.pop(flight, None)
        return messages, hit

    async def _write(self, scope, receive, send) -> None:
        """A request that may write: answered as soon as it is done; stale responses are re-rendered after."""
        before = self.freshness.generation
        await self.app(scope, receive, send)
        if self.freshness.generation != before and (self._pass is None or self._pass.done()):
            self._pass = asyncio.get_running_loop().create_task(self._refresh())

    async def _refresh(self) -> None:
        """Re-render the recently used corpus responses at the current generation, one at a time; drop the rest."""
        while True:
            start = self.freshness.generation
            stale = self.responses.stale_corpus(REFRESH_KEYS)
            self.responses.drop_stale()
            for key, old in stale:
                if self.freshness.generation != start:
                    break  # written again: start over at the new generation
                try:
                    await self._compute(key, old[2], _get_body())
                except Exception:  # noqa: BLE001 - a page that fails now is recomputed (and fails) on demand
                    pass
            if self.freshness.generation == start:
                return
