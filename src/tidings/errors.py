"""Every user-facing error of tidings, numbered, each saying what to do next.

    TidingsError
    ├── InputError        (E1xx) an item cannot be read or is not an article
    ├── ModelError        (E2xx) the spaCy model cannot be loaded
    ├── StoreError        (E3xx) the database cannot be opened or written
    ├── ConfigError       (E4xx) a setting, flag or data file is wrong
    └── EvalError         (E5xx) a gold file is missing or malformed
"""
from __future__ import annotations

__all__ = ["TidingsError", "InputError", "ModelError", "StoreError", "ConfigError", "EvalError"]


class TidingsError(Exception):
    code = "E000"

    def __init__(self, message: str, *, item: str | None = None, hint: str | None = None):
        self.message = message
        self.item = item
        self.hint = hint
        super().__init__(str(self))

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
