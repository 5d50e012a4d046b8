"""The outer ASGI layers of `tidings serve`: what is checked before a request reaches the app.

* `Guard` (outermost): HEAD is answered as GET without a body; every answer gets the security
  headers (CSP, X-Content-Type-Options, X-Frame-Options, Referrer-Policy); an unexpected
  exception becomes one log line and a 500 in the error shape, never a traceback per request.
* `Gate`: a request that may write (POST, PUT, PATCH, DELETE) must carry the bearer token,
  checked on the raw header bytes *before* any of its body is read (401/403); then its body is
  read here, counted chunk by chunk whatever `Content-Length` or `Transfer-Encoding` say (413
  past `max_body`, the connection closed), within `body_seconds` in all (408), and handed on.
"""
from __future__ import annotations

import asyncio
import hmac
import logging

from .errors import error_bytes, is_api_path

__all__ = ["Guard", "Gate", "token_matches", "WRITE_METHODS"]

log = logging.getLogger("tidings.web")

WRITE_METHODS = ("POST", "PUT", "PATCH", "DELETE")
PAGE_CSP = (b"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            b"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
# Swagger UI and ReDoc start from an inline script and ReDoc runs a worker from a blob: URL.
DOCS_CSP = (b"default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            b"img-src 'self' data:; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; "
            b"frame-ancestors 'none'")
DOCS_PATHS = ("/docs", "/redoc")


def _security_headers(path: str) -> list[tuple[bytes, bytes]]:
    csp = DOCS_CSP if path.startswith(DOCS_PATHS) else PAGE_CSP
    return [(b"content-security-policy", csp), (b"x-content-type-options", b"nosniff"),
            (b"x-frame-options", b"DENY"), (b"referrer-policy", b"same-origin")]


def token_matches(header: bytes | None, token: str) -> bool:
    """`Authorization: Bearer <token>`, compared as bytes in constant time (any bytes: never an exception)."""
    if not header or not header.startswith(b"Bearer "):
        return False
    return hmac.compare_digest(header[len(b"Bearer "):].strip(), token.encode("utf-8"))


async def _answer(send, status: int, message: str, *, close: bool = False) -> None:
    body = error_bytes(status, message)
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    if close:
        headers.append((b"connection", b"close"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class Guard:
    """ASGI middleware: HEAD as GET, security headers, one log line and a 500 for an unexpected error."""

    def __init__(self, app, page_error=None) -> None:
        self.app = app
        self.page_error = page_error  # (status, message) -> HTML bytes for a page's 500, or None for JSON

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        head = scope["method"] == "HEAD"
        if head:
            scope = dict(scope, method="GET")
        extra = _security_headers(scope["path"])
        started = False

        async def guarded_send(message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message = dict(message, headers=[*message.get("headers", []), *extra])
            elif message["type"] == "http.response.body" and head:
                message = dict(message, body=b"")
            await send(message)

        try:
            await self.app(scope, receive, guarded_send)
        except Exception as exc:  # noqa: BLE001 - the one place an unexpected error is turned into an answer
            log.error("%s %s failed: %s", scope["method"], scope["path"][:200], type(exc).__name__)
            if started:
                return
            if self.page_error is not None and not is_api_path(scope["path"]):
                body = self.page_error(500, "the server failed on this request")
                await guarded_send({"type": "http.response.start", "status": 500,
                                    "headers": [(b"content-type", b"text/html; charset=utf-8"),
                                                (b"content-length", str(len(body)).encode())]})
                await guarded_send({"type": "http.response.body", "body": body})
                return
            await _answer(guarded_send, 500, "the server failed on this request")


class Gate:
    """ASGI middleware: the token before the body, then the body counted and timed (see the module docstring)."""

    def __init__(self, app, *, token: str | None, max_body: int, body_seconds: float = 30.0) -> None:
        self.app = app
        self.token = token
        self.max_body = max_body
        self.body_seconds = body_seconds

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or scope["method"] not in WRITE_METHODS:
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        if not self.token:
            await _answer(send, 403, "writes are disabled: start the server with TIDINGS_TOKEN set", close=True)
            return
        if not token_matches(headers.get(b"authorization"), self.token):
            await _answer(send, 401, "a valid bearer token is needed to write", close=True)
            return
        declared = headers.get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.max_body:
            await _answer(send, 413, f"body over {self.max_body} bytes", close=True)
            return
        body = await self._read(receive, send)
        if body is None:
            return
        sent = False

        async def replay():
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _read(self, receive, send) -> bytes | None:
        """The whole body, or None once a 413/408 was sent (or the client left)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.body_seconds
        chunks, size = [], 0
        while True:
            try:
                message = await asyncio.wait_for(receive(), max(0.0, deadline - loop.time()))
            except asyncio.TimeoutError:
                await _answer(send, 408, f"the body did not arrive within {self.body_seconds:g} s", close=True)
                return None
            if message["type"] == "http.disconnect":
                return None
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body:
                await _answer(send, 413, f"body over {self.max_body} bytes", close=True)
                return None
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks)
