"""`create_app(db)`: the FastAPI app behind `tidings serve` — REST API under /api, dashboard pages at /.

One store connection, used under one lock (the store has a single writer; DuckDB
connections are not shared between threads). Errors are one exception type with a
status (`WebError`), rendered as JSON under /api and as a page elsewhere.
"""
from __future__ import annotations

import asyncio
import ipaddress
import os
import threading
from collections import OrderedDict
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException
from fastapi.exceptions import RequestValidationError

from ..errors import TidingsError

__all__ = ["create_app", "serve_dashboard", "WebError", "DEFAULT_MAX_BODY"]

DEFAULT_MAX_BODY = 2_000_000  # bytes; TIDINGS_MAX_BODY overrides
CACHE_ENTRIES = 2000  # cached read results (query → rows), dropped on every write


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
        self.generation = 0  # bumped by every write; cached reads of older generations are stale
        self._cache: OrderedDict = OrderedDict()
        self._cache_lock = threading.Lock()
        self._responses: OrderedDict = OrderedDict()  # GET url → rendered response, same generation rule

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

    def cached_response(self, key: str):
        with self._cache_lock:
            hit = self._responses.get(key)
        return hit[1] if hit is not None and hit[0] == self.generation else None

    def keep_response(self, key: str, generation: int, response) -> None:
        with self._cache_lock:
            self._responses[key] = (generation, response)
            while len(self._responses) > CACHE_ENTRIES:
                self._responses.popitem(last=False)

    def read(self, func, *args, **kwargs):
        """`func(store, …)` under the store lock, answered from a small cache while nothing was written.

        Results are shared between requests: callers must not change them.
        """
        key = (func.__module__, func.__qualname__, args, tuple(sorted(kwargs.items())))
        with self._cache_lock:
            hit = self._cache.get(key)
        if hit is not None and hit[0] == self.generation:
            return hit[1]
        with self.lock:
            generation = self.generation
            value = func(self.store, *args, **kwargs)
        with self._cache_lock:
            self._cache[key] = (generation, value)
            while len(self._cache) > CACHE_ENTRIES:
                self._cache.popitem(last=False)
        return value

    def write(self, records):
        with self.lock:
            result = self.store.write_articles(records)
            self.generation += 1
            with self._cache_lock:
                self._cache.clear()
                self._responses.clear()
        return result


def _templates() -> Jinja2Templates:
    folder = Path(str(resources.files("tidings.web").joinpath("templates")))
    templates = Jinja2Templates(directory=str(folder))  # autoescape is on for .html
    return templates


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

    inflight: dict[tuple[str, int], asyncio.Future] = {}

    @app.middleware("http")
    async def _cache_reads(request: Request, call_next):
        """Whole GET responses of the API and the pages are kept until the next write."""
        path = request.url.path
        if request.method != "GET" or path.startswith(("/static", "/docs", "/openapi", "/redoc")):
            return await call_next(request)
        key = str(request.url.path) + "?" + str(request.url.query)
        cached = state.cached_response(key)
        if cached is None:
            # One request computes a missing page; the others asking for it meanwhile wait for its result.
            generation = state.generation
            pending = inflight.get((key, generation))
            if pending is not None:
                cached = await asyncio.shield(pending)
            else:
                pending = asyncio.get_running_loop().create_future()
                inflight[(key, generation)] = pending
                try:
                    response = await call_next(request)
                    if response.status_code != 200:
                        pending.set_result(None)
                        return response
                    body = b"".join([chunk async for chunk in response.body_iterator])
                    cached = (200, body, response.headers.get("content-type"))
                    state.keep_response(key, generation, cached)
                    pending.set_result(cached)
                except BaseException:
                    if not pending.done():
                        pending.set_result(None)
                    raise
                finally:
                    inflight.pop((key, generation), None)
            if cached is None:  # the computing request failed: compute our own answer
                return await call_next(request)
        status, body, media_type = cached
        return Response(content=body, status_code=status, media_type=media_type)

    @app.middleware("http")
    async def _limit_body(request: Request, call_next):
        length = request.headers.get("content-length")
        if length and length.isdigit() and int(length) > state.max_body:
            return JSONResponse({"error": {"status": 413, "message": f"body over {state.max_body} bytes"}},
                                status_code=413)
        return await call_next(request)

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
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")
