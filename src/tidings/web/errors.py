"""The one error shape of the web layer: `{"error": {"status", "code", "message"}}`, JSON under /api, a page elsewhere.

`WebError` is raised by endpoints and middleware; `TidingsError`s keep their E-code as `code` and
their status comes from `http_status` (400 where a class has none); request validation is 422
with `code` "invalid_parameter". Messages never carry a bracketed code.
"""
from __future__ import annotations

from pydantic import BaseModel, Field

__all__ = ["WebError", "ErrorBody", "ErrorDetail", "error_json", "error_bytes", "from_tidings_error", "SLUGS",
           "ERROR_RESPONSES", "is_api_path"]

SLUGS = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
         408: "request_timeout", 413: "body_too_large", 422: "invalid_parameter", 500: "internal_error"}


class WebError(Exception):
    """An answer other than 2xx: status, a stable `code` (a slug or an E-code) and a message for people."""

    def __init__(self, status: int, message: str, code: str | None = None):
        self.status = status
        self.message = message
        self.code = code or SLUGS.get(status, f"http_{status}")
        super().__init__(message)


class ErrorDetail(BaseModel):
    status: int = Field(description="The HTTP status, repeated.")
    code: str = Field(description="Stable machine-readable code: invalid_parameter, not_found, unauthorized, "
                                   "forbidden, body_too_large, request_timeout, internal_error, or a tidings "
                                   "E-code (see the README).")
    message: str = Field(description="What went wrong, for people.")


class ErrorBody(BaseModel):
    """Every error answer of the API has this shape."""
    error: ErrorDetail


def error_json(status: int, message: str, code: str | None = None) -> dict:
    return {"error": {"status": status, "code": code or SLUGS.get(status, f"http_{status}"), "message": message}}


def error_bytes(status: int, message: str, code: str | None = None) -> bytes:
    import json

    return json.dumps(error_json(status, message, code)).encode("utf-8")


def from_tidings_error(exc) -> WebError:
    """A `TidingsError` as a `WebError`: its own message, item and hint, its E-code as `code`."""
    message = getattr(exc, "message", None) or str(exc)
    item = getattr(exc, "item", None)
    hint = getattr(exc, "hint", None)
    text = (f"{item}: " if item else "") + message + (f" ({hint})" if hint else "")
    return WebError(int(getattr(exc, "http_status", 400)), text, getattr(exc, "code", None))


def is_api_path(path: str) -> bool:
    return path.startswith("/api/") or path in ("/api", "/openapi.json")


_DESCRIPTIONS = {401: "No valid bearer token (writes only).", 403: "Writes are disabled on this server.",
                 404: "No such item.", 413: "The request body is over the limit.",
                 422: "A parameter or the body is invalid (e.g. a date that does not exist)."}
ERROR_RESPONSES = {status: {"model": ErrorBody, "description": text} for status, text in _DESCRIPTIONS.items()}
