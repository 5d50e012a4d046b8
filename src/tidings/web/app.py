"""`create_app(db)`: the FastAPI app behind `tidings serve` — REST API under /api, dashboard pages at /.

One store connection, used under one lock (the store has a single writer; DuckDB
connections are not shared between threads), only ever in worker threads: the GET
endpoints are async and leave the event loop only for a read that is not cached, and
whole GET responses are kept and re-rendered after writes by `cache.ResponseCache`.
Posted articles are analyzed in a separate process. Errors are one exception type with a
status (`WebError`), rendered as JSON under /api and as a page elsewhere.
"""
from __future__ import annotations

import ipaddress
import os
import threading
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from fastapi.exceptions import RequestValidationError

from ..errors import TidingsError
from .cache import LRU, BodyLimit, Freshness, ResponseCache

__all__ = ["create_app", "serve_dashboard", "WebError", "DEFAULT_MAX_BODY"]

DEFAULT_MAX_BODY = 2_000_000  # bytes; TIDINGS_MAX_BODY overrides
CACHE_ENTRIES = 2000  # cached read results and responses (each); what a write makes stale: see cache.py


class WebError(Exception):
    def __init__(self, status: int, message: str):
        self.status = status
        self.message = message
        super().__init__(message)


class AppState:
    """What every request needs: the store (under a lock), the token, the pipeline (loaded on first POST)."""

    def __init__(self, db: str, token: str | None, max_body: int):
        from ..store import open_store

        self.db = db
        self.store = open_store(db)
        self.lock = threading.RLock()  # the store: one reader or writer at a time
        self.analyze_lock = threading.Lock()  # the pipeline: analysis does not hold up reads
        self.token = token
        self.max_body = max_body
        self._pipeline = None
        self.freshness = Freshness()  # bumped by every write; see cache.py for what stays fresh
        self._cache = LRU(self.freshness, CACHE_ENTRIES)  # read results: (func, arguments) → rows
        self.responses = LRU(self.freshness, CACHE_ENTRIES, "servable")  # GET path?query → (headers, body, scope)

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
                self.freshness.wrote([r.id for r in records])
                self._cache.drop_stale()
                self.responses.drop_stale()


def _key(func, args: tuple, kwargs: dict) -> tuple:
    return func.__module__, func.__qualname__, args, tuple(sorted(kwargs.items()))


def _get_article(store, article_id: str):
    return store.get_article(article_id)


def _templates() -> Jinja2Templates:
    folder = Path(str(resources.files("tidings.web").joinpath("templates")))
    templates = Jinja2Templates(directory=str(folder))  # autoescape is on for .html
    return templates


# TODO(settings): read token, max_body and the db default through tidings.settings.value (issue 20).
def create_app(db: str = "tidings.duckdb", *, token: str | None = None, max_body: int | None = None) -> FastAPI:
    token = token if token is not None else (os.environ.get("TIDINGS_TOKEN") or None)
    max_body = max_body or int(os.environ.get("TIDINGS_MAX_BODY", DEFAULT_MAX_BODY))
    state = AppState(db, token, max_body)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        state.close()

    app = FastAPI(title="tidings", version=_version(), lifespan=lifespan,
                  description="Who did and said what, to whom, when, where and how many — from the news.")
    app.state.tidings = state
    app.state.templates = _templates()
    static = Path(str(resources.files("tidings.web").joinpath("static")))
    app.mount("/static", StaticFiles(directory=str(static)), name="static")

    from . import api, pages

    app.include_router(api.router)
    app.include_router(pages.router)

    def _error(request: Request, status: int, message: str):
        if request.url.path.startswith("/api") or request.url.path in ("/openapi.json",):
            return JSONResponse({"error": {"status": status, "message": message}}, status_code=status)
        return app.state.templates.TemplateResponse(request, "error.html", {"status": status, "message": message},
                                                    status_code=status)

    @app.exception_handler(WebError)
    async def _web_error(request: Request, exc: WebError):
        return _error(request, exc.status, exc.message)

    @app.exception_handler(TidingsError)
    async def _tidings_error(request: Request, exc: TidingsError):
        return _error(request, 400, str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException):
        return _error(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError):
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(x) for x in first.get("loc", ()))
        return _error(request, 422, f"{where}: {first.get('msg', 'invalid request')}")

    app.add_middleware(ResponseCache, freshness=state.freshness, responses=state.responses)
    app.add_middleware(BodyLimit, max_body=state.max_body)  # outermost: refused before anything is read
    return app


_WORKER_PIPELINE = None


def _analyze_in_worker(item):
    """In the analysis process: (record JSON, None) or (None, error message)."""
    global _WORKER_PIPELINE
    if _WORKER_PIPELINE is None:
        from ..pipeline import Pipeline

        _WORKER_PIPELINE = Pipeline()
    outcome = next(_WORKER_PIPELINE.pipe_outcomes([item]))
    if outcome.error is not None:
        return None, str(outcome.error)
    return outcome.article.to_json(), None


def _version() -> str:
    from .. import __version__

    return __version__


def is_loopback(host: str) -> bool:
    if host in ("localhost",):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve_dashboard(db: str = "tidings.duckdb", *, host: str = "127.0.0.1", port: int = 8000,
                    open_article: str | None = None) -> None:
    """Run the app with uvicorn until Ctrl-C; print the address of the page to open."""
    import uvicorn

    if not is_loopback(host) and not os.environ.get("TIDINGS_TOKEN"):
        print("warning: serving beyond this machine with no TIDINGS_TOKEN: reads are open, writes refused")
    path = f"/articles/{open_article}" if open_article else "/"
    print(f"tidings dashboard: http://{host}:{port}{path}  (API docs at /docs; Ctrl-C stops)")
    # No access log (a formatted line per request costs more than a cached answer); uvicorn picks
    # httptools and uvloop by itself where they are installed (`uvicorn[standard]`).
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning", access_log=False)
