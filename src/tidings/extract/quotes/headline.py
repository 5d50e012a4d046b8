"""Quotes in headlines: "Senator on leak: 'Shameful'", "Obama: \u201cWe will not back down\u201d",
and a speaker's unquoted claim, "Pence: Flowers Won't Be at Debate".

A headline (the text's first line) made of a speaker phrase, an optional "on/about/over/to <topic>",
a colon and what was said, running to the end of the line (a final period aside). The speaker is the
phrase's last word before "on/about/over/to" (its head noun or name). `headline_quote` wants the words
after the colon inside quotation marks; `headline_statement` takes them bare, and the caller must
check that the speaker word names a person, an organisation or a poll (`headline_speaker_nouns`), as
"The Latest: …" or "Stealth Over Health: …" name no one.
"""
from __future__ import annotations

import re

__all__ = ["headline_quote", "headline_statement", "MIN_STATEMENT_WORDS"]

_WHO = r"(?P<who>[A-Z][\w.'\u2019\- ]{1,60}?)(?:\s+(?:on|about|over|to)\s+[^:\n]{1,80})?:\s*"
_HEADLINE = re.compile(
    _WHO + r"(?P<q>['\"\u201c\u2018](?P<inner>[^\n'\"\u201c\u201d\u2018\u2019]{2,200})['\"\u201d\u2019])\.?\s*$")
_STATEMENT = re.compile(_WHO + r"(?P<q>[A-Z\u2018\u201c'\"][^:\n]{2,200}?)\.?\s*$")
MAX_HEADLINE = 160
MAX_SPEAKER_WORDS = 6  # "Former White House doctor": longer phrases before a colon are no speaker
MIN_STATEMENT_WORDS = 3  # "Poll: Clinton leads in Ohio"; "Ukraine: Day 3" is a label, no claim


def _first_line(text: str) -> str:
    end = text.find("\n")
    return text[:end if end >= 0 else len(text)]


def _match(pattern: re.Pattern, text: str) -> tuple[tuple[int, int], int] | None:
    line = _first_line(text)
    if not line or len(line) > MAX_HEADLINE:
        return None
    hit = pattern.fullmatch(line.rstrip())
    if hit is None:
        return None
    who = hit.group("who").rstrip()
    if len(who.split()) > MAX_SPEAKER_WORDS:
        return None
    head = hit.start("who") + (who.rfind(" ") + 1)
    return hit.span("q"), head


def headline_quote(text: str) -> tuple[tuple[int, int], int] | None:
    """((start, end) of the quotation, marks included; start of the speaker's last word) of the
    text's first line when it is such a headline, else None."""
    return _match(_HEADLINE, text)


def headline_statement(text: str) -> tuple[tuple[int, int], int] | None:
    """((start, end) of the words after the colon, without a final period; start of the speaker's
    last word) of a first line "Speaker: what was said", quoted or not, else None. The caller checks
    that the speaker word names someone."""
    found = _match(_STATEMENT, text)
    if found is None:
        return None
    (qs, qe), head = found
    if len(text[qs:qe].split()) < MIN_STATEMENT_WORDS:
        return None
    return (qs, qe), head
