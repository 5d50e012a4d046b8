"""What a scorer returns: figures, counts, and examples of misses and false positives."""
from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Example", "TaskScore", "snippet"]


@dataclass(slots=True)
class Example:
    doc: str  # gold record id
    text: str  # the missed or wrongly predicted text
    detail: str = ""  # what was expected or what went wrong
    context: str = ""  # a little of the surrounding text


@dataclass(slots=True)
class TaskScore:
    task: str
    metrics: dict[str, float | int | None]  # the figures the issue names, plus counts
    n_docs: int
    misses: list[Example] = field(default_factory=list)
    false_positives: list[Example] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    sections: dict[str, dict[str, int]] = field(default_factory=dict)  # article task only
    missed: list[str] = field(default_factory=list)  # article task only
    by_doc: dict[str, dict[str, dict[str, int]]] = field(default_factory=dict)  # article task: sections per doc
    seconds: float = 0.0  # time spent analyzing and scoring
    parts: dict[str, "TaskScore"] = field(default_factory=dict)  # per gold file, when several were pooled

    def as_dict(self) -> dict:
        if self.task == "article":
            out: dict = {name: dict(v) for name, v in self.sections.items()}
            out["missed"] = list(self.missed)
            out["n_docs"] = self.n_docs
            return out
        return {**self.metrics, "n_docs": self.n_docs}


def snippet(text: str, start: int, end: int, width: int = 60) -> str:
    """The text around [start, end) on one line, the span marked with [[ ]]."""
    s, e = max(0, start - width), min(len(text), end + width)
    out = text[s:start] + "[[" + text[start:end] + "]]" + text[end:e]
    return " ".join(out.split())
