"""Read caching for `tidings serve`: what a write makes stale, and whole GET responses kept until then.

Every write bumps a generation. Two kinds of cached values:

* one article's record (`/api/articles/{id}`, `/articles/{id}`) depends on that article
  alone: it stays fresh until that id is written again, so new articles leave it alone;
* everything else (lists, search, series, pages) reads the corpus.

Read *results* of the corpus (`AppState.aread`) are used only while nothing was written since.
Whole GET *responses* of the corpus are published: after a write, the write's request
(POST) has the cached responses re-rendered (`ResponseCache._refresh`, one pass for all
writes that came in meanwhile) and answers only once they are in, while other readers keep
getting the responses of the last finished pass. So every read sees every write whose POST has
answered, and no read waits for a write or its re-rendering; a read that overlaps a
write may see the corpus just before it.

`ResponseCache` is a plain ASGI middleware (no per-request Request objects or task groups):
a cached GET is answered with two `send` calls; a missing one is computed by one request
while the others asking for it meanwhile wait for its answer (single flight).
"""
from __future__ import annotations

import asyncio
import re
import threading
from collections import OrderedDict

__all__ = ["Freshness", "LRU", "ResponseCache", "BodyLimit", "article_scope"]

ARTICLE_PATH = re.compile(r"^/(?:api/)?articles/([^/]+)$")
WRITES = ("POST", "PUT", "PATCH", "DELETE")
UNCACHED = ("/static", "/docs", "/openapi", "/redoc")
REFRESH_KEYS = 64  # most recently used corpus responses re-rendered after a write; the rest are dropped


def article_scope(path: str) -> str | None:
    """The article id a GET path depends on alone, or None for a page that reads the corpus."""
    found = ARTICLE_PATH.match(path)
    return found.group(1) if found else None


class Freshness:
    """The write generation; the generation each article id was last written at; the published one."""

    def __init__(self) -> None:
        self.generation = 0
        self.published = 0  # responses computed at or after this generation may be served
        self._written: dict[str, int] = {}

    def fresh(self, generation: int, scope: str | None) -> bool:
        """A read result: nothing it depends on was written since `generation`."""
        if scope is None:
            return generation == self.generation
        return self._written.get(scope, 0) <= generation

    def servable(self, generation: int, scope: str | None) -> bool:
        """A whole response: fresh for an article; for the corpus, at least as new as the last published pass."""
        if scope is None:
            return generation >= self.published
        return self._written.get(scope, 0) <= generation

    def wrote(self, ids) -> int:
        """Called after every write attempt (even a failed one: it is only conservative); the new generation."""
        self.generation += 1
        for article_id in ids:
            self._written[article_id] = self.generation
        return self.generation


class LRU:
    """A bounded map key → (generation, scope, value); thread-safe.

    `check` is "fresh" (read results) or "servable" (responses, see `Freshness`).
    """

    def __init__(self, freshness: Freshness, size: int, check: str = "fresh") -> None:
        self.freshness = freshness
        self.size = size
        self._ok = getattr(freshness, check)
        self._items: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            hit = self._items.get(key)
            if hit is None:
                return None
            if not self._ok(hit[0], hit[1]):
                del self._items[key]
                return None
            self._items.move_to_end(key)
        return hit[2]

    def put(self, key, generation: int, scope: str | None, value) -> None:
        """Keep `value` unless a value computed at a later generation is there already."""
        with self._lock:
            old = self._items.get(key)
            if old is not None and old[0] > generation:
                return
            self._items[key] = (generation, scope, value)
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def drop(self, key) -> None:
        with self._lock:
            self._items.pop(key, None)

    def drop_stale(self) -> None:
        with self._lock:
            for key in [k for k, v in self._items.items() if not self._ok(v[0], v[1])]:
                del self._items[key]

    def stale_corpus_keys(self, limit: int) -> list:
        """Corpus keys still served but computed before the current generation, most recently used first."""
        now, published = self.freshness.generation, self.freshness.published
        with self._lock:
            keys = [k for k, v in reversed(self._items.items()) if v[1] is None and published <= v[0] < now]
        return keys[:limit]

    def value(self, key):
        """The stored value whatever its generation (for re-rendering it), or None."""
        with self._lock:
            hit = self._items.get(key)
        return None if hit is None else hit[2]


def _get_body():
    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    return receive


class ResponseCache:
    """ASGI middleware: 200 answers to GET (API and pages) kept in `responses`; see the module docstring."""

    def __init__(self, app, freshness: Freshness, responses: LRU) -> None:
        self.app = app
        self.freshness = freshness
        self.responses = responses
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
        key = scope["path"] + "?" + scope["query_string"].decode("latin-1")
        hit = self.responses.get(key)
        if hit is None:
            hit = await self._compute(key, scope, receive, send)
            if hit is None:  # the answer (not a cacheable one) was sent already
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
        start, last = (messages[0], messages[-1]) if messages else ({}, {})
        if start.get("status") == 200 and last.get("type") == "http.response.body" and not last.get("more_body"):
            return messages, (list(start.get("headers", [])), b"".join(m.get("body", b"") for m in messages[1:]),
                              pristine)
        return messages, None

    async def _compute(self, key: str, scope, receive, send):
        generation = self.freshness.generation
        flight = (key, generation)
        pending = self.inflight.get(flight)
        if pending is not None:
            hit = await asyncio.shield(pending)
            if hit is None:  # the computing request failed: compute our own answer
                await self.app(scope, receive, send)
            return hit
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
        if hit is None:
            for message in messages:
                await send(message)
        return hit

    async def _write(self, scope, receive, send) -> None:
        """A request that may write: its answer goes out once the responses it made stale are re-rendered."""
        messages: list[dict] = []

        async def keep(message) -> None:
            messages.append(message)

        await self.app(scope, receive, keep)
        status = messages[0].get("status", 500) if messages else 500
        target = self.freshness.generation  # at least this request's own write, if it wrote
        while self.freshness.published < target:
            if self._pass is None or self._pass.done():
                self._pass = asyncio.get_running_loop().create_task(self._refresh())
            if status >= 300:  # no write of its own to wait for (a refused write, or one that failed)
                break
            await asyncio.shield(self._pass)
        for message in messages:
            await send(message)

    async def _refresh(self) -> None:
        """One pass: re-render the recently used corpus responses at the current generation, then publish it."""
        start = self.freshness.generation
        await asyncio.gather(*(self._rerender(key) for key in self.responses.stale_corpus_keys(REFRESH_KEYS)))
        self.freshness.published = max(self.freshness.published, start)
        self.responses.drop_stale()  # corpus responses older than the pass, not re-rendered

    async def _rerender(self, key) -> None:
        old = self.responses.value(key)
        if old is None:
            return
        generation = self.freshness.generation
        try:
            _, hit = await self._render(old[2], _get_body())
        except Exception:  # noqa: BLE001 - a page that fails now is recomputed (and fails) on demand
            hit = None
        if hit is None:
            self.responses.drop(key)
        else:
            self.responses.put(key, generation, None, hit)


class BodyLimit:
    """ASGI middleware: a request whose Content-Length is over `max_body` bytes gets a JSON 413."""

    def __init__(self, app, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http":
            for name, value in scope["headers"]:
                if name == b"content-length" and value.isdigit() and int(value) > self.max_body:
                    from fastapi.responses import JSONResponse

                    answer = JSONResponse({"error": {"status": 413, "message": f"body over {self.max_body} bytes"}},
                                          status_code=413)
                    await answer(scope, receive, send)
                    return
        await self.app(scope, receive, send)
