"""Direct quotes in headlines: "Senator on leak: 'Shameful'", "Mayor: \u201cWe will rebuild\u201d".

A headline (the text's first line, without a final period) made of a speaker phrase, an optional
"on/about/over <topic>", a colon and a quotation that runs to the end of the line. The speaker is
the phrase's last word before "on/about/over" (its head noun or name).
"""
from __future__ import annotations

import re

__all__ = ["headline_quote"]

_HEADLINE = re.compile(
    r"(?P<who>[A-Z][\w.'\u2019\- ]{1,60}?)(?:\s+(?:on|about|over|to)\s+[^:\n]{1,80})?:\s*"
    r"(?P<q>['\"\u201c\u2018](?P<inner>[^\n'\"\u201c\u201d\u2018\u2019]{2,200})['\"\u201d\u2019])\s*$")
MAX_HEADLINE = 160


def headline_quote(text: str) -> tuple[tuple[int, int], int] | None:
    """((start, end) of the quotation, marks included; start of the speaker's last word) of the
    text's first line when it is such a headline, else None."""
    end = text.find("\n")
    line = text[:end if end >= 0 else len(text)]
    if not line or len(line) > MAX_HEADLINE:
        return None
    hit = _HEADLINE.fullmatch(line.rstrip())
    if hit is None:
        return None
    who = hit.group("who").rstrip()
    head = hit.start("who") + (who.rfind(" ") + 1)
    return hit.span("q"), head
