"""Where a number expression may start: digits and the number words of `data/quantities` (a quick scan of
the text before the token-by-token reading of `numbers.scan_numbers`)."""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

from .._doc import view_of
from ..times.lexicon import lowers_plainly, word_branches
from .data import numbers

__all__ = ["candidate_tokens"]


@cache
def _candidate_pattern() -> re.Pattern:
    words = sorted(_starters(), key=len, reverse=True)
    return re.compile(r"\d+|\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)


@cache
def _fast_pattern() -> re.Pattern:
    """`_candidate_pattern()` for lower-cased text (see `lowers_plainly`), its words folded into a prefix tree: the same
    matches, found much faster (see `word_branches`)."""
    digits = [d + r"\d*" for d in "0123456789"]
    return re.compile("|".join(digits + word_branches(_starters())))


def _match_starts(text: str) -> list[int]:
    """Start offsets of the matches of `_candidate_pattern()` in `text`."""
    if lowers_plainly(text):
        return [m.start() for m in _fast_pattern().finditer(text.lower())]
    return [m.start() for m in _folding_pattern().finditer(text)]


@cache
def _folding_pattern() -> re.Pattern:
    """`_candidate_pattern()` with its word list folded into a prefix tree (case-insensitive, any text)."""
    return re.compile(r"\d+|" + "|".join(word_branches(_starters())), re.IGNORECASE)


def candidate_tokens(doc, text: str | None = None) -> set[int]:
    """Tokens where a number expression may start: a digit within the next two tokens, or a number word.

    `text` is doc.text when the caller has it (rebuilding doc.text is not free)."""
    starts = view_of(doc).starts
    out: set[int] = set()
    for start in _match_starts(doc.text if text is None else text):
        t = bisect_right(starts, start) - 1
        out.update((t, t - 1, t - 2))
    return out


@cache
def _starters() -> frozenset:
    data = numbers()
    words = set(data["units"]) | set(data["tens"]) | set(data["vague"]) | set(data["fractions"])
    words |= set(data["scales"]) | set(data["dozen"])
    words |= {"one", "minus"} | {f"{h}-{f}" for h in data["units"] for f in data["fractions"]}
    words |= {f"a-{f}" for f in data["fractions"]}
    return frozenset(words)
