"""Out-of-scope text: stories and sentences that code no event (data/cameo/discards.json).

The PETRARCH-2 discard list names sports, entertainment and other phrases: a story that holds a
story-level phrase ("Champions League") codes no event at all, a sentence that holds a
sentence-level phrase ("bronze medal") codes none of its own. Matching is on whole words,
case-insensitive.
"""
from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

__all__ = ["story_discard", "sentence_discard"]

DATA = Path(__file__).resolve().parents[2] / "data" / "cameo" / "discards.json"


def _pattern(phrases: list[str]) -> re.Pattern:
    alts = sorted((re.escape(p).replace(r"\ ", r"\s+") for p in phrases), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alts) + r")(?!\w)", re.I)


@cache
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    return _pattern(data["story"]), _pattern(data["sentence"])


def story_discard(text: str) -> str | None:
    """The story-level discard phrase the text holds, if any."""
    m = _patterns()[0].search(text)
    return m.group(0) if m else None


def sentence_discard(text: str) -> str | None:
    """The sentence-level discard phrase the sentence holds, if any."""
    m = _patterns()[1].search(text)
    return m.group(0) if m else None
