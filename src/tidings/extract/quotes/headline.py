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

import bisect
import re

from .draft import Draft
from .lexicon import anonymous_nouns, headline_speaker_nouns

__all__ = ["headline_quote", "headline_statement", "headline_says", "headline_drafts", "MIN_STATEMENT_WORDS"]

_WHO = r"(?P<who>[A-Z][\w.'\u2019\- ]{1,60}?)(?:\s+(?:on|about|over|to)\s+[^:\n]{1,80})?:\s*"
_HEADLINE = re.compile(
    _WHO + r"(?P<q>['\"\u201c\u2018](?P<inner>[^\n'\"\u201c\u201d\u2018\u2019]{2,200})['\"\u201d\u2019])\.?\s*$")
_STATEMENT = re.compile(_WHO + r"(?P<q>[A-Z\u2018\u201c'\"][^:\n]{2,200}?)\.?\s*$")
_HEADLINE_MARK = re.compile(r"[\"“”‘]|(?:^|\s)'")  # a quotation mark, not an apostrophe
HEADLINE_CONFIDENCE = 0.6  # a headline quotation: marks and a colon, no speech verb
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


_SAYS_FRONT = re.compile(r"(?P<who>[A-Z][\w.'\u2019\- ]{1,60}?)\s+(?P<says>[Ss]ays)\s+(?:that\s+)?"
                         r"(?P<q>[\w'\"\u2018\u201c][^\n]{2,200}?)\.?\s*$")
_SAYS_BACK = re.compile(r"(?P<q>[\w'\"\u2018\u201c][^\n]{2,200}?),\s+(?P<who>[A-Z][\w.'\u2019\- ]{1,60}?)\s+"
                        r"(?P<says>[Ss]ays)\.?\s*$")


def headline_says(text: str) -> tuple[tuple[int, int], int, int] | None:
    """"Glenn Beck Says Trump Poses A Threat" / "Clinton Hid Her Illness, Former Doctor Says": ((start, end)
    of the claim, start of the speaker's last word, start of "says") of such a first line, else None.
    The caller checks that the speaker word names someone."""
    line = _first_line(text)
    if not line or len(line) > MAX_HEADLINE:
        return None
    for pattern in (_SAYS_FRONT, _SAYS_BACK):
        hit = pattern.fullmatch(line.rstrip())
        if hit is None:
            continue
        who = hit.group("who").rstrip()
        claim = hit.group("q")
        if len(who.split()) > MAX_SPEAKER_WORDS or len(claim.split()) < MIN_STATEMENT_WORDS:
            return None
        return hit.span("q"), hit.start("who") + (who.rfind(" ") + 1), hit.start("says")
    return None


def headline_drafts(doc, text, record, drafts, starts) -> list[Draft]:
    """"Senator on leak: 'Shameful'", "Pence: Flowers Won't Be at Debate": what a headline's words after
    the colon say, said by the phrase before it. A bare claim needs a speaker that names someone.
    The headline's own reading replaces what the other steps found inside those words (a quotation
    with no cue, or a fragment given to a name inside the claim). Returns the drafts, updated."""
    quoted = headline_quote(text)
    found = quoted or headline_statement(text)
    cue = None
    if found is None:
        says = headline_says(text)
        if says is None:
            return drafts
        found, cue_at = says[:2], says[2]
        j = bisect.bisect_right(starts, cue_at) - 1
        cue = doc[j] if 0 <= j < len(doc) else None
    (qs, qe), head_at = found
    i = bisect.bisect_right(starts, head_at) - 1
    if not 0 <= i < len(doc):
        return drafts
    head = doc[i]
    if quoted is None and not _names_someone(record, head):
        return drafts
    outside = [[(a, b) for a, b in d.spans if not (qs <= a and b <= qe)] for d in drafts]
    if any(a < qe and qs < b for spans in outside for a, b in spans):
        return drafts  # another step reads the headline across the colon: leave it
    if any(d.cue is not None and d.cue.idx < qs and (cue is None or d.cue.i != cue.i) and
           any(qs <= a < qe for a, b in d.spans) for d in drafts):
        return drafts  # "Park told reporters: “…”": a reporting verb before the colon already reads it
    kept = []
    for d, spans in zip(drafts, outside):
        if spans:
            d.spans = spans
            kept.append(d)
    kind = "direct" if quoted else ("mixed" if _HEADLINE_MARK.search(text[qs:qe]) else "indirect")
    return kept + [Draft([(qs, qe)], kind, cue, head, qe, 0, HEADLINE_CONFIDENCE)]


def _names_someone(record, tok) -> bool:
    """A person, an organisation or a poll ("Poll: …"): who can say a headline's bare claim."""
    if tok.lower_ in headline_speaker_nouns() or tok.lower_ in anonymous_nouns():
        return True
    word = tok.text.lower()
    for ent in record.entities:
        if ent.type not in ("PERSON", "ORG"):
            continue
        if any(m.start <= tok.idx < m.end for m in ent.mentions):
            return True
        # a title-cased headline hides names from the tagger: the name as the story writes it
        if tok.is_title and any(word in name.lower().split() for name in (ent.name, *ent.aliases)):
            return True
    return False
