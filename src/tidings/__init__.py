"""tidings: news articles in, a sourced record of who did and said what, to whom, when, where and how many out."""
from __future__ import annotations

__version__ = "0.1.0"

from .record import SCHEMA_VERSION, Article  # noqa: E402

__all__ = ["__version__", "SCHEMA_VERSION", "Article", "analyze", "Pipeline"]


def __getattr__(name: str):  # lazy: importing tidings must not load spaCy
    if name in ("analyze", "Pipeline"):
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)
