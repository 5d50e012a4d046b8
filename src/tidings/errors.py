"""Every user-facing error of tidings: one code per case, each with its HTTP status and what it means.

    TidingsError
    ├── InputError        (E1xx) an item cannot be read or is not an article
    ├── ModelError        (E2xx) the spaCy model cannot be loaded
    ├── StoreError        (E3xx) the database cannot be opened or written
    ├── ConfigError       (E4xx) a setting, flag or data file is wrong
    ├── EvalError         (E5xx) a gold file is missing or malformed
    └── WorkError         (E6xx) a stage or a worker process failed

``ERRORS`` below is the table (code, class, HTTP status, meaning); the docs list every code
(tests/test_docs.py checks). Raise the class with the case's code, e.g.
``InputError("no article text", item=where, code="E101")``; without ``code`` a class gives
its general code (E100, E200, …). Every raised error has ``code`` and ``http_status``.
E600 and E601 are not raised: they are written in a record's ``errors`` when one stage
fails or runs out of time, and the record is kept.
"""
from __future__ import annotations

from dataclasses import dataclass

__all__ = ["TidingsError", "InputError", "ModelError", "StoreError", "ConfigError", "EvalError", "WorkError",
           "ErrorCode", "ERRORS", "error_for", "STAGE_FAILED", "STAGE_TIMED_OUT", "WORKER_CRASHED"]


class TidingsError(Exception):
    code = "E000"

    def __init__(self, message: str, *, item: str | None = None, hint: str | None = None, code: str | None = None):
        if code is not None:
            spec = ERRORS.get(code)
            if spec is None or not issubclass(type(self), spec.kind):
                raise ValueError(f"{code!r} is not a code of {type(self).__name__}")
            self.code = code
        self.message = message
        self.item = item
        self.hint = hint
        super().__init__(str(self))

    @property
    def http_status(self) -> int:
        """The HTTP status a server answers this error with."""
        spec = ERRORS.get(self.code)
        return spec.http_status if spec is not None else 500

    def __str__(self) -> str:
        where = f"{self.item}: " if self.item else ""
        hint = f" ({self.hint})" if self.hint else ""
        return f"[{self.code}] {where}{self.message}{hint}"


class InputError(TidingsError):
    code = "E100"


class ModelError(TidingsError):
    code = "E200"


class StoreError(TidingsError):
    code = "E300"


class ConfigError(TidingsError):
    code = "E400"


class EvalError(TidingsError):
    code = "E500"


class WorkError(TidingsError):
    code = "E610"


@dataclass(frozen=True)
class ErrorCode:
    code: str
    kind: type
    http_status: int
    meaning: str


_TABLE = (
    ErrorCode("E100", InputError, 422, "the item cannot be read or is not an article (general)"),
    ErrorCode("E101", InputError, 422, "empty: no article text (empty input, or nothing left after cleaning)"),
    ErrorCode("E102", InputError, 415, "binary content, not text"),
    ErrorCode("E103", InputError, 413, "text too long (over the max_chars setting)"),
    ErrorCode("E104", InputError, 422, "the publication date cannot be read"),
    ErrorCode("E105", InputError, 422, "cleaning took longer than the per-item time limit"),
    ErrorCode("E106", InputError, 422, "the parser failed on the text"),
    ErrorCode("E107", InputError, 400, "no text or HTML given, or not a string"),
    ErrorCode("E200", ModelError, 503, "the spaCy model cannot be loaded"),
    ErrorCode("E300", StoreError, 503, "the store cannot be opened, read or written"),
    ErrorCode("E400", ConfigError, 400, "a setting, flag or data file is wrong"),
    ErrorCode("E500", EvalError, 400, "a gold file is missing or malformed"),
    ErrorCode("E600", WorkError, 500, "one extractor stage failed (written in the record's errors; record kept)"),
    ErrorCode("E601", WorkError, 504, "a stage was stopped at the per-item time limit (in the record's errors)"),
    ErrorCode("E610", WorkError, 500, "a worker process crashed or failed on a batch"),
)
ERRORS: dict[str, ErrorCode] = {spec.code: spec for spec in _TABLE}

STAGE_FAILED, STAGE_TIMED_OUT, WORKER_CRASHED = "E600", "E601", "E610"


def error_for(code: str, message: str, *, item: str | None = None, hint: str | None = None) -> TidingsError:
    """The error of `code` (its class from the table), e.g. to rebuild one that crossed a process."""
    spec = ERRORS.get(code)
    if spec is None:
        return TidingsError(message, item=item, hint=hint)
    return spec.kind(message, item=item, hint=hint, code=code)
