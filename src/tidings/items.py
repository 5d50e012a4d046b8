"""What readers yield and the pipeline consumes: one input item with its metadata."""
from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["InputItem"]


@dataclass(slots=True)
class InputItem:
    """One article to analyze. Exactly one of `text` or `html` is set.

    `location` names where it came from ("file.jsonl:12", "crawl.warc.gz@3456") so an
    error can point at it.
    """
    text: str | None = None
    html: str | None = None
    url: str | None = None
    published: str | None = None
    title: str | None = None
    id: str | None = None
    source_name: str | None = None
    location: str = "<input>"
    extra: dict = field(default_factory=dict)
    source_location: str | None = None  # the source's home place ("Alexandria, La."), a prior for places
