"""Quotation-mark regions in raw text, robust to every mark style and to broken marks.

Handles “ ” ‘ ’ " « » „ ‟ `` '' ; quotes that run over several paragraphs (opening
mark repeated at each paragraph, closing mark only at the end); closing marks printed
as opening ones (machine translation: ``safe, “the official said``); marks dropped at
the end of a paragraph. Never raises: odd input gives fewer regions.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .index import SpanIndex

__all__ = ["Region", "find_regions", "paragraph_bounds"]

# Double marks by direction; "ambiguous" ones get their direction from context.
_OPEN = {"“", "„", "«", "‟", "``"}
_CLOSE = {"”", "»", "''"}
_MARK_RE = re.compile(r"``|''|[\"“”„«»‟]")
_SINGLE_RE = re.compile(r"[‘’']")
_WORDCH = re.compile(r"\w")


@dataclass
class Region:
    """One quotation: its spans (several when it runs over paragraphs), marks included."""
    spans: list[tuple[int, int]] = field(default_factory=list)
    closed: bool = True  # False when the closing mark was missing and the paragraph end closed it
    single: bool = False  # quoted with single marks

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return self.spans[-1][1]


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """Paragraphs: runs of text between newlines (blank lines or single line breaks)."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        if m.group().strip():
            out.append((m.start(), m.end()))
    return out


def _direction(text: str, pos: int, mark: str, para_start: int, para_end: int) -> str:
    """'open', 'close' or '?' from the mark itself, then from its neighbours."""
    if mark in _OPEN:
        natural = "open"
    elif mark in _CLOSE:
        natural = "close"
    else:
        natural = "?"
    before = text[pos - 1] if pos > para_start else " "
    after_pos = pos + len(mark)
    after = text[after_pos] if after_pos < para_end else " "
    looks_open = (before.isspace() or before in "([{—–-/:") and not after.isspace()
    looks_close = (not before.isspace()) and (after.isspace() or after in ".,;:!?)]}—–-…" or after_pos >= para_end)
    if natural == "?":
        if looks_open and not looks_close:
            return "open"
        if looks_close and not looks_open:
            return "close"
        return "?"
    return natural


def _scan_paragraph(text: str, ps: int, pe: int) -> tuple[list[tuple[int, int]], int | None]:
    """Pairs of (open_pos, close_end) in one paragraph; plus the position of a mark left open."""
    marks = [(m.start(), m.group()) for m in _MARK_RE.finditer(text, ps, pe)]
    pairs: list[tuple[int, int]] = []
    open_at: int | None = None
    nested: str | None = None  # the style of a quotation inside the open one ("… “Shark Tank.” …")
    for pos, mark in marks:
        d = _direction(text, pos, mark, ps, pe)
        end = pos + len(mark)
        if open_at is not None:
            family = _FAMILY.get(mark)
            if nested is not None:
                if family == nested and mark in _CLOSE:
                    nested = None
                continue
            if mark in _OPEN and family != _FAMILY.get(text[open_at]) and _FAMILY.get(text[open_at]) == "straight":
                if not text[open_at + 1:pos].strip():
                    open_at = pos  # "“…”": a stray straight mark glued to the real opening one
                    continue
                nested = family  # a "straight" quotation holding a “curly” one: the inner one is its words
                continue
        if open_at is None:
            if d == "close":
                # a closing mark with nothing open: a flipped opening mark when a word follows
                after = text[end] if end < pe else " "
                before = text[pos - 1] if pos > ps else " "
                if before.isspace() and not after.isspace():
                    open_at = pos
                continue
            open_at = pos
        else:
            # anything while open closes it: nested doubles are rare, flipped closers are not
            if d == "open" and pos > open_at and text[pos - 1:pos].isspace() and not _closing_context(text, open_at, pos, pe):
                # an opening mark after a dropped closer: close at the last sentence end, reopen
                pairs.append((open_at, pos))
                open_at = pos
                continue
            pairs.append((open_at, end))
            open_at = None
    return pairs, open_at


_SPEECH_NEAR = re.compile(r"\b(?:said|says|say|added|adds|asked|told|tells|wrote|writes|according)\b", re.I)


def _closing_context(text: str, open_at: int, pos: int, pe: int) -> bool:
    """True when an opening-looking mark inside an open quote is really its (flipped) closer."""
    follow = text[pos + 1:min(pe, pos + 80)]
    if re.match(r"\s*[a-z]", follow):
        return True
    clause = re.split(r"[.!?\"“”„«»]", follow, maxsplit=1)[0]
    return bool(_SPEECH_NEAR.search(clause)) and len(clause) < 70


def find_regions(text: str, *, singles: bool = True) -> list[Region]:
    """Quotation regions of `text`, in order; never raises."""
    try:
        return _find_regions(text, singles)
    except Exception:  # odd input must never stop the stage
        return []


def _find_regions(text: str, singles: bool) -> list[Region]:
    paras = paragraph_bounds(text)
    regions: list[Region] = []
    carry: Region | None = None  # a quote running into the next paragraph
    for i, (ps, pe) in enumerate(paras):
        pairs, left_open = _scan_paragraph(text, ps, pe)
        if carry is not None:
            # the previous paragraph left a quote open; this paragraph continues it when it
            # opens with a mark (the repeated opening mark) — its first pair or its open mark.
            first = pairs[0][0] if pairs else left_open
            if first is not None and first == _first_nonspace(text, ps, pe):
                if pairs and pairs[0][0] == first:
                    carry.spans.append(pairs[0])
                    regions.append(carry)
                    carry = None
                    pairs = pairs[1:]
                else:  # opened again and left open again: keep carrying
                    carry.spans.append((left_open, pe))
                    nxt = paras[i + 1] if i + 1 < len(paras) else None
                    if nxt is None or not _continues(text, left_open, nxt):
                        carry.closed = False
                        regions.append(carry)
                        carry = None
                    left_open = None
                    continue
            else:
                carry.closed = False
                regions.append(carry)
                carry = None
        for a, b in pairs:
            regions.append(Region(spans=[(a, b)]))
        if left_open is not None:
            nxt = paras[i + 1] if i + 1 < len(paras) else None
            if nxt is not None and _continues(text, left_open, nxt):
                carry = Region(spans=[(left_open, pe)])
            elif pe - left_open > 3:
                regions.append(Region(spans=[(left_open, pe)], closed=False))
    if carry is not None:
        carry.closed = False
        regions.append(carry)
    if singles:
        regions.extend(_single_regions(text, paras, regions))
        regions.sort(key=lambda r: r.start)
    return regions


_FAMILY = {"\"": "straight", "“": "curly", "”": "curly", "„": "curly", "‟": "curly", "«": "angle", "»": "angle",
           "``": "tex", "''": "tex"}
_TURN_LABEL = re.compile(r"[A-Z][A-Z.'\- ]{1,30}:\s")  # "PENCE: …": a transcript's new speaker


_OPENS_SPEECH = frozenset(":.!?,;—–-…\"”’)")  # what may come before a quotation that runs over paragraphs


def _continues(text: str, open_at: int, nxt: tuple[int, int]) -> bool:
    """True when the next paragraph goes on with a quote left open here: it opens with a mark of the
    same style (the repeated opening mark), not a closing one, and no new speaker's label follows."""
    first = _first_nonspace(text, *nxt)
    m = _MARK_RE.match(text, first)
    if m is None or _direction(text, first, m.group(), *nxt) == "close":
        return False
    before = text[text.rfind("\n", 0, open_at) + 1:open_at].rstrip()
    if before and before[-1] not in _OPENS_SPEECH:
        return False  # "… is “an amorphous position": a phrase whose closing mark was dropped
    here = _MARK_RE.match(text, open_at)
    if here is not None and _FAMILY.get(here.group()) != _FAMILY.get(m.group()):
        return False  # "… left open, then “a new quote”: another quotation, not this one going on
    return _TURN_LABEL.match(text, m.end()) is None


def _first_nonspace(text: str, ps: int, pe: int) -> int:
    i = ps
    while i < pe and text[i].isspace():
        i += 1
    return i


def _single_regions(text: str, paras, doubles: list[Region]) -> list[Region]:
    """‘single’ quotes outside double ones, only where they clearly pair up in one paragraph."""
    covered = SpanIndex((a, b) for r in doubles for a, b in r.spans)
    out = []
    for ps, pe in paras:
        open_at = None
        for m in _SINGLE_RE.finditer(text, ps, pe):
            pos = m.start()
            if covered.covers(pos):
                continue
            before = text[pos - 1] if pos > ps else " "
            after = text[pos + 1] if pos + 1 < pe else " "
            if open_at is None:
                if m.group() in "‘'" and (before.isspace() or before in "([—–") and _WORDCH.match(after):
                    open_at = pos
            elif m.group() in "’'" and not before.isspace() and not _WORDCH.match(after):
                if pos - open_at > 2:
                    if pos - open_at < 400:
                        out.append(Region(spans=[(open_at, pos + 1)], single=True))
                    open_at = None
    return out
