"""Every setting of tidings in one table, and the one way to read them.

Precedence: a flag (or argument) given > the environment variable > ``tidings.toml`` in the
current directory > the default. ``tidings.toml`` holds the settings by name, at the top
level or under ``[tidings]``::

    db = "news.duckdb"
    workers = 4
    item_seconds = 30

A value that does not read as its type raises ConfigError naming the variable (or the file
and key) it came from. ``value(name, flag)`` is the lookup; nothing else reads these
environment variables.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from .errors import ConfigError

__all__ = ["Setting", "SETTINGS", "DEFAULT_DB", "CONFIG_FILE", "value", "setting", "default_of", "default_factory",
           "read_toml"]

DEFAULT_DB = "tidings.duckdb"
CONFIG_FILE = "tidings.toml"


@dataclass(frozen=True)
class Setting:
    name: str
    env: str
    default: Any
    type: Callable[[str], Any]
    help: str


def _path(raw: str) -> str:
    return os.fspath(raw)


def _positive_int(raw: str) -> int:
    number = int(raw)
    if number < 1:
        raise ValueError("must be at least 1")
    return number


def _float(raw: str) -> float:
    return float(raw)


def _flag(raw: str) -> bool:
    word = str(raw).strip().lower()
    if word in ("", "0", "false", "no", "off"):
        return False
    if word in ("1", "true", "yes", "on"):
        return True
    raise ValueError("use 1 or 0")


def _components(raw: str) -> str:
    mode = raw.strip().lower()
    if mode not in ("fast", "model"):
        raise ValueError("use fast or model")
    return mode


def _gc(raw: str) -> str:
    mode = raw.strip().lower()
    if mode not in ("tuned", "default"):
        raise ValueError("use tuned or default")
    return mode


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "TIDINGS_DB", DEFAULT_DB, _path, "DuckDB file or postgresql:// URL of the store"),
    Setting("model", "TIDINGS_MODEL", None, str, "spaCy model name (default: the installed small English model)"),
    Setting("max_chars", "TIDINGS_MAX_CHARS", 1_000_000, _positive_int,
            "longest article text accepted, in characters (longer: E103)"),
    Setting("item_seconds", "TIDINGS_ITEM_SECONDS", 60.0, _float,
            "CPU seconds one article may take; 0 or less: no limit (past it: E105 or E601)"),
    Setting("token", "TIDINGS_TOKEN", None, str, "the server's write token (no token: writes refused)"),
    Setting("max_body", "TIDINGS_MAX_BODY", 2_000_000, _positive_int, "largest request body the server takes, in bytes"),
    Setting("actors", "TIDINGS_ACTORS", None, _path, "your actor dictionary (CSV or YAML), added to the built-in one"),
    Setting("workers", "TIDINGS_WORKERS", None, _positive_int,
            "ingest worker processes (local: default 1; ray: default one a CPU)"),
    Setting("gc", "TIDINGS_GC", "tuned", _gc,
            "tuned: freeze long-lived objects and collect less often; default: leave Python's collector as is"),
    Setting("spacy_components", "TIDINGS_SPACY_COMPONENTS", "fast", _components,
            "fast: the attribute ruler and lemmatizer over arrays (same annotations); model: the model's own"),
    Setting("shared", "TIDINGS_SHARED", None, _path, "the folder of gold sets and corpus (default: ../shared)"),
    Setting("max_line_bytes", "TIDINGS_MAX_LINE_BYTES", None, _positive_int,
            "longest JSON Lines line read, in bytes (default: 8 × max_chars; longer lines are skipped)"),
    Setting("verbose", "TIDINGS_VERBOSE", False, _flag, "1: show Ray's own log lines (`ingest --verbose`)"),
)
_BY_NAME = {s.name: s for s in SETTINGS}


def setting(name: str) -> Setting:
    try:
        return _BY_NAME[name]
    except KeyError:
        raise KeyError(f"no setting {name!r}") from None


def default_of(name: str) -> Any:
    return setting(name).default


def read_toml(path: str | os.PathLike = CONFIG_FILE) -> dict:
    """The settings of a tidings.toml (empty when there is none); unknown keys are an error."""
    path = Path(path)
    if not path.is_file():
        return {}
    import tomllib

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read {path}: {exc}") from None
    table = data.get("tidings", data) if isinstance(data.get("tidings"), dict) else data
    unknown = sorted(k for k in table if k not in _BY_NAME)
    if unknown:
        raise ConfigError(f"{path}: unknown setting(s) {', '.join(unknown)}",
                          hint="known: " + ", ".join(s.name for s in SETTINGS))
    return table


def _convert(spec: Setting, raw: Any, where: str) -> Any:
    if raw is None:
        return None
    if not isinstance(raw, str):
        if spec.type in (_positive_int, _float) and isinstance(raw, bool):
            raise ConfigError(f"{where}={raw!r}: not a number")
        raw = str(raw)
    if not raw.strip():
        return spec.default
    try:
        return spec.type(raw.strip())
    except (TypeError, ValueError) as exc:
        detail = str(exc) if spec.type in (_positive_int, _gc) and "invalid literal" not in str(exc) else ""
        kind = {_positive_int: "a whole number of at least 1", _float: "a number"}.get(spec.type, "a valid value")
        raise ConfigError(f"{where}={raw!r} is not {kind}" + (f" ({detail})" if detail else ""),
                          hint=f"{spec.name}: {spec.help}") from None


def value(name: str, flag: Any = None, *, environ: dict | None = None, config: str | os.PathLike = CONFIG_FILE) -> Any:
    """The setting `name`: `flag` when given (not None), else its environment variable, else tidings.toml, else the default."""
    spec = setting(name)
    if flag is not None:
        return flag
    env = os.environ if environ is None else environ
    raw = env.get(spec.env)
    if raw is not None and raw.strip():
        return _convert(spec, raw, spec.env)
    table = read_toml(config)
    if name in table:
        return _convert(spec, table[name], f"{config}: {name}")
    return spec.default


def default_factory(name: str) -> Callable[[], Any]:
    """For a CLI option's ``default_factory``: the setting when the flag is not given (env > tidings.toml > default)."""
    setting(name)
    return lambda: value(name)
