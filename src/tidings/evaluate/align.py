"""Map offsets in a record's clean text back to the gold file's raw text.

The pipeline cleans its input (rejoins hard wraps, drops caption and furniture lines),
so record offsets index ``Article.text`` while gold offsets index the text the gold
file gives. The two are aligned word by word (difflib over whitespace-separated
words, compared after Unicode and quote-mark normalization); characters of aligned
words map one to one, everything else (whitespace, dropped lines) maps to nothing.
Times found in removed lines carry offsets into that line's text; `RawLines` turns
them into raw offsets through the line number.
"""
from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher

from ..record import Article, RemovedLine

__all__ = ["OffsetMap", "RawLines"]

_WORD = re.compile(r"\S+")
_FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-",
                       "\u2014": "-", "\u00a0": " ", "`": "'"})


def _key(word: str) -> str:
    return unicodedata.normalize("NFKC", word).translate(_FOLD).lower()


class OffsetMap:
    """Clean-text offsets → raw-text offsets."""

    def __init__(self, clean: str, raw: str):
        self.identity = clean == raw
        self._map: list[int] = []
        if self.identity:
            return
        m = [-1] * len(clean)
        cw = [(x.start(), x.group()) for x in _WORD.finditer(clean)]
        rw = [(x.start(), x.group()) for x in _WORD.finditer(raw)]
        matcher = SequenceMatcher(None, [_key(w) for _, w in cw], [_key(w) for _, w in rw], autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
                for (cs, cword), (rs, rword) in zip(cw[i1:i2], rw[j1:j2]):
                    if tag == "replace" and cword[:1].lower() != rword[:1].lower():
                        continue  # a different word, not a respelling: leave unmapped
                    for k in range(min(len(cword), len(rword))):
                        m[cs + k] = rs + k
        self._map = m

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """The raw span covering the mapped characters of clean [start, end); None if none map."""
        if self.identity:
            return (start, end)
        m = self._map
        start, end = max(0, start), min(len(m), end)
        first = next((m[i] for i in range(start, end) if m[i] >= 0), None)
        if first is None:
            return None
        last = next(m[i] for i in range(end - 1, start - 1, -1) if m[i] >= 0)
        return (first, last + 1) if last >= first else (first, first + 1)


class RawLines:
    """Offsets inside a removed line → offsets in the raw text."""

    def __init__(self, raw: str):
        self.raw = raw
        self.starts = [0]
        for i, ch in enumerate(raw):
            if ch == "\n":
                self.starts.append(i + 1)

    def line_start(self, removed: RemovedLine) -> int | None:
        if 0 <= removed.line < len(self.starts):
            start = self.starts[removed.line]
            end = self.raw.find("\n", start)
            line = self.raw[start: end if end >= 0 else len(self.raw)]
            at = line.find(removed.text)
            if at >= 0:
                return start + at
        at = self.raw.find(removed.text)  # line numbering differs: find the text itself
        return at if at >= 0 and removed.text else None


def to_raw(article: Article, raw: str):
    """A function (start, end, removed_line) → raw span or None, for one record."""
    omap = OffsetMap(article.text, raw)
    lines = RawLines(raw)
    removed = {r.line: r for r in article.removed_lines}

    def convert(start: int, end: int, removed_line: int | None = None) -> tuple[int, int] | None:
        if removed_line is None:
            return omap.span(start, end)
        line = removed.get(removed_line)
        if line is None:
            return None
        base = lines.line_start(line)
        return None if base is None else (base + start, base + end)

    return convert
