"""`create_app(db)`: the FastAPI app behind `tidings serve` — REST API under /api, dashboard pages at /.

One store connection, used under one lock (the store has a single writer; DuckDB
connections are not shared between threads), only ever in worker threads: the GET
endpoints are async and leave the event loop only for a read that is not cached, and
whole GET responses are kept and re-rendered after writes by `cache.ResponseCache`.
Posted articles are analyzed in a separate process. Every error has one shape
(`errors.py`): JSON under /api, a page elsewhere. What is checked before a request reaches
the app (token, body size and time, HEAD, security headers) is in `guard.py`; how it is
served (uvicorn, timeouts, `--watch`) in `server.py`.
"""
from __future__ import annotations

import threading
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from .. import settings
from ..errors import TidingsError
from . import api, docs, pages
from .cache import LRU, Freshness, ResponseCache, approx_bytes, response_bytes
from .errors import WebError, error_json, from_tidings_error, is_api_path
from .guard import Gate, Guard

__all__ = ["create_app", "AppState", "DEFAULT_MAX_BODY"]

DEFAULT_MAX_BODY = settings.default_of("max_body")  # bytes; TIDINGS_MAX_BODY overrides
CACHE_ENTRIES = 2000  # cached read results and responses (each); what a write makes stale: see cache.py
CACHE_BYTES = 64_000_000  # and at most this many bytes each (read results: estimated)
BODY_SECONDS = 30.0  # a write's body must arrive within this


class AppState:
    """What every request needs: the store (under a lock), the token, the pipeline (loaded on first POST)."""

    def __init__(self, db: str, token: str | None, max_body: int, store=None):
        from ..store import open_store

        self.db = db
        self.store = store if store is not None else open_store(db)
        self.lock = threading.RLock()  # the store: one reader or writer at a time
        self.analyze_lock = threading.Lock()  # the pipeline: analysis does not hold up reads
        self.token = token
        self.max_body = max_body
        self._pipeline = None
        self.freshness = Freshness()  # bumped by every write; see cache.py for what stays fresh
        self._cache = LRU(self.freshness, CACHE_ENTRIES, CACHE_BYTES, approx_bytes)  # (func, arguments) → rows
        self.responses = LRU(self.freshness, CACHE_ENTRIES, CACHE_BYTES, response_bytes)  # GET key → (headers, body, scope)
        self.background: list = []  # things to stop at shutdown (the in-server watch loop)

    @property
    def generation(self) -> int:
        return self.freshness.generation

    def analyze(self, item):
        """Analyze one posted item in a separate process (the model loaded there once), so reads keep the GIL."""
        from concurrent.futures import ProcessPoolExecutor
        import multiprocessing

        with self.analyze_lock:
            if self._pipeline is None:
                self._pipeline = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
            article_json, error = self._pipeline.submit(_analyze_in_worker, item).result()
        if error is not None:
            return None, error
        from ..record import Article

        return Article.model_validate_json(article_json), None

    def close(self) -> None:
        for task in self.background:
            task.stop()
        if self._pipeline is not None:
            self._pipeline.shutdown(cancel_futures=True)
        with self.lock:
            self.store.close()

    def read(self, func, *args, **kwargs):
        """`func(store, …)` under the store lock, answered from a small cache while nothing was written.

        Results are shared between requests: callers must not change them.
        """
        return self._read(None, func, args, kwargs)

    async def aread(self, func, *args, **kwargs):
        """`read` for async endpoints: a cached result without leaving the event loop, else in a worker thread."""
        return await self._aread(None, func, args, kwargs)

    async def aread_article(self, article_id: str):
        """One stored record (or None), cached until that id is written again (other writes leave it fresh)."""
        return await self._aread(article_id, _get_article, (article_id,), {})

    async def _aread(self, scope, func, args, kwargs):
        hit = self._cache.get(_key(func, args, kwargs))
        if hit is not None:
            return hit
        return await run_in_threadpool(self._read, scope, func, args, kwargs)

    def _read(self, scope, func, args, kwargs):
        key = _key(func, args, kwargs)
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        with self.lock:
            generation = self.freshness.generation
            value = func(self.store, *args, **kwargs)
        self._cache.put(key, generation, scope, value)
        return value

    def write(self, records):
        with self.lock:
            try:
                return self.store.write_articles(records)
            finally:
                self.wrote([r.id for r in records])

    def wrote(self, ids=()) -> None:
        """After any change to the store (articles `ids`, or other tables): what was cached is stale."""
        self.freshness.wrote(list(ids))
        self._cache.drop_stale()
        self.responses.drop_stale()


def _key(func, args: tuple, kwargs: dict) -> tuple:
    return func.__module__, func.__qualname__, args, tuple(sorted(kwargs.items()))


def _get_article(store, article_id: str):
    return store.get_article(article_id)


def _templates() -> Jinja2Templates:
    folder = Path(str(resources.files("tidings.web").joinpath("templates")))
    return Jinja2Templates(directory=str(folder))  # autoescape is on for .html


def _query_names(dependant) -> set[str]:
    names = {p.alias for p in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


def _params_of(routers):
    """scope → the query parameter names its GET route (in `routers`) declares, for cache keys; memoized per path."""
    memo: dict[str, frozenset] = {}

    def known(scope) -> frozenset | None:
        path = scope["path"]
        names = memo.get(path)
        if names is None:
            names = frozenset()
            for route in (r for router in routers for r in router.routes):
                if isinstance(route, APIRoute) and route.matches(scope)[0] == Match.FULL:
                    names = frozenset(_query_names(route.dependant))
                    break
            if len(memo) > 4096:
                memo.clear()
            memo[path] = names
        return names

    return known


def create_app(db: str | None = None, *, token: str | None = None, max_body: int | None = None,
               store=None) -> FastAPI:
    """The app over the store at `db` (default: the `db` setting) or an open `store`; `token` (else
    the `token` setting, TIDINGS_TOKEN) allows writes; bodies over `max_body` are refused."""
    db = settings.value("db", db)
    token = settings.value("token", token) or None
    max_body = settings.value("max_body", max_body)
    state = AppState(db, token, max_body, store)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        for task in state.background:
            task.start()
        yield
        state.close()

    app = FastAPI(title="tidings", version=_version(), lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Who did and said what, to whom, when, where and how many — from the news. "
                              "Every error answers `{\"error\": {\"status\", \"code\", \"message\"}}`; "
                              "writes need `Authorization: Bearer <TIDINGS_TOKEN>`.")
    app.state.tidings = state
    app.state.templates = templates = _templates()
    static = Path(str(resources.files("tidings.web").joinpath("static")))
    app.mount("/static/apidocs", StaticFiles(directory=str(docs.assets())), name="apidocs")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    app.include_router(docs.router)
    app.include_router(api.router)
    app.include_router(pages.router)

    def _error(request: Request, error: WebError):
        if is_api_path(request.url.path):
            return JSONResponse(error_json(error.status, error.message, error.code), status_code=error.status)
        return templates.TemplateResponse(request, "error.html", {"status": error.status, "message": error.message},
                                          status_code=error.status)

    @app.exception_handler(WebError)
    async def _web_error(request: Request, exc: WebError):
        return _error(request, exc)

    @app.exception_handler(TidingsError)
    async def _tidings_error(request: Request, exc: TidingsError):
        return _error(request, from_tidings_error(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException):
        return _error(request, WebError(exc.status_code, str(exc.detail)))

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError):
        return _error(request, WebError(422, _validation_message(exc)))

    def page_error(status: int, message: str) -> bytes:
        template = templates.get_template("error.html")
        return template.render(status=status, message=message, request=None).encode("utf-8")

    app.add_middleware(ResponseCache, freshness=state.freshness, responses=state.responses, params_of=_params_of((api.router, pages.router)))
    app.add_middleware(Gate, token=state.token, max_body=state.max_body, body_seconds=BODY_SECONDS)
    app.add_middleware(Guard, page_error=page_error)  # outermost
    return app


def _validation_message(exc: RequestValidationError) -> str:
    """`query.since: not a day (YYYY-MM-DD): '2022-02-30'` — the first problem, its place and what was given."""
    errors = exc.errors()
    first = errors[0] if errors else {}
    where = ".".join(str(x) for x in first.get("loc", ()))
    message = str(first.get("msg", "invalid request")).removeprefix("Value error, ")
    given = first.get("input")
    shown = f": {given!r}"[:80] if isinstance(given, (str, int, float)) and first.get("type") != "missing" else ""
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return f"{where}: {message}{shown}{more}"


_WORKER_PIPELINE = None


def _analyze_in_worker(item):
    """In the analysis process: (record JSON, None) or (None, error message)."""
    global _WORKER_PIPELINE
    if _WORKER_PIPELINE is None:
        from ..pipeline import Pipeline

        _WORKER_PIPELINE = Pipeline()
    outcome = next(_WORKER_PIPELINE.pipe_outcomes([item]))
    if outcome.error is not None:
        error = outcome.error
        return None, getattr(error, "message", None) or str(error)
    return outcome.article.to_json(), None


def _version() -> str:
    from .. import __version__

    return __version__
