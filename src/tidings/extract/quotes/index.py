"""Per-document lookups for the quote extractor, built once per doc so every step stays linear.

``DocIndex`` holds the doc's text (``doc.text`` rebuilds the string on every call), token
start/end offsets for bisection, and sentence bounds. It is a part of the doc's view
(``view.part(DocIndex)``, made once a doc); helpers reach it with ``index_of(doc)``.
``SpanIndex`` answers "is this offset inside a quotation?" in O(log n) instead of a scan.
The limits below keep hostile input (thousands of marks, sentences with no end) near-linear;
they sit far above anything in news text (the longest sentence parsed in a sample of 150
corpus articles has 85 tokens; the most quotation regions in one paragraph of the 4,200
corpus texts is 30).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache

from .._doc import current_view, view_of

__all__ = ["DocIndex", "SpanIndex", "TakenSpans", "Paragraphs", "index_of", "blank", "last_nonspace",
           "MAX_SENT_TOKENS", "MAX_REGIONS_PER_PARA", "MAX_CUES_PER_SENT"]

MAX_SENT_TOKENS = 300  # a longer "sentence" is no prose: its words are never reporting cues
MAX_REGIONS_PER_PARA = 200  # quotation regions read per paragraph; the rest are dropped
MAX_CUES_PER_SENT = 16  # reporting verbs examined per sentence for indirect quotes

class DocIndex:
    """Text, token offsets and sentence bounds of one doc, computed once."""

    def __init__(self, view):
        doc = self.doc = view.doc
        self.view = view
        text = view.given_text
        self.starts, self.ends = self.view.starts, self.view.ends
        # the record's text is the doc's text (the parse runs over it); doc.text would rebuild it
        if text is None or len(text) != (self.ends[-1] + len(doc[-1].whitespace_) if len(doc) else 0):
            text = doc.text
        self.text = text
        self._sent_starts: list[int] | None = None
        self._sent_ends: list[int] | None = None
        self._sent_chars: tuple[list[int], list[int]] | None = None
        self._noun_lemmas: dict[str, list[int]] | None = None
        self._words = None
        self._lower_ids: set[int] | None = None
        self.cue_memo: dict[int, bool] = {}  # token index -> is a reporting cue (attrib.is_cue)

    # -- tree ----------------------------------------------------------------------------
    def children(self, i: int) -> list:
        """``list(doc[i].children)`` (a new list on each call)."""
        tokens = self.view.tokens
        return [tokens[j] for j in self.view.kids[i]]

    def subtree(self, i: int) -> list:
        """``list(doc[i].subtree)``, in spaCy's order."""
        tokens = self.view.tokens
        return [tokens[j] for j in self.view.subtree(i)]

    # -- words ---------------------------------------------------------------------------
    def _word_table(self):
        """The LOWER and LEMMA ids of every token (string ids: compared, never looked up)."""
        if self._words is None:
            import numpy

            self._words = self.doc.to_array(["LOWER", "LEMMA"]) if len(self.doc) else numpy.zeros((0, 2), "uint64")
        return self._words

    def has_lower(self, words: frozenset[str]) -> bool:
        """True when some token's lower-cased form is in `words` (``lower_forms() & words``)."""
        if self._lower_ids is None:
            self._lower_ids = set(self._word_table()[:, 0].tolist())
        return not self._lower_ids.isdisjoint(word_ids(words))

    def tokens_with(self, lowers: frozenset[str], lemmas: frozenset[str]) -> list[int]:
        """Indices of tokens whose lower form is in `lowers` or whose lower-cased lemma is in `lemmas`."""
        table = self._word_table()
        if not len(table):
            return []
        want_lower = word_ids(lowers)
        strings = self.doc.vocab.strings
        hits = _LEMMA_HITS.get(lemmas)
        if hits is None or len(hits) > 200_000:  # bounded: a long run over ever new words
            hits = _LEMMA_HITS[lemmas] = {}
        out = []
        for i, (low, lemma) in enumerate(zip(table[:, 0].tolist(), table[:, 1].tolist())):
            if low in want_lower:
                out.append(i)
                continue
            hit = hits.get(lemma)
            if hit is None:  # each lemma's string is read once, not once a doc
                hit = hits[lemma] = strings[lemma].lower() in lemmas
            if hit:
                out.append(i)
        return out

    # -- tokens ------------------------------------------------------------------------
    def token_at_or_after(self, pos: int):
        """The first token starting at or after `pos`, else None."""
        i = bisect_left(self.starts, pos)
        return self.view.tokens[i] if i < len(self.starts) else None

    def token_before(self, pos: int):
        """The last token ending at or before `pos`, else None."""
        i = bisect_right(self.ends, pos) - 1
        return self.view.tokens[i] if i >= 0 else None

    def token_covering(self, pos: int):
        """The token whose characters include `pos` (not its trailing space), else None."""
        i = bisect_right(self.starts, pos) - 1
        return self.view.tokens[i] if i >= 0 and pos < self.ends[i] else None

    # -- sentences -----------------------------------------------------------------------
    def _sentences(self) -> None:
        """Token and character bounds of every sentence, in one walk over ``doc.sents``."""
        starts, ends, start_chars, end_chars = [], [], [], []
        for s in self.view.sents:
            starts.append(s.start)
            ends.append(s.end)
            start_chars.append(s.start_char)
            end_chars.append(s.end_char)
        self._sent_starts, self._sent_ends = starts, ends
        self._sent_chars = (start_chars, end_chars)

    def sent_bounds(self, i: int) -> tuple[int, int]:
        """(start, end) token indices of the sentence holding token `i`."""
        if self._sent_starts is None:
            self._sentences()
        k = bisect_right(self._sent_starts, i) - 1
        return self._sent_starts[k], self._sent_ends[k]

    def sent(self, tok):
        """``tok.sent`` without the walk over the sentence that spaCy does on each call."""
        s, e = self.sent_bounds(tok.i)
        return self.doc[s:e]

    def sent_len(self, tok) -> int:
        s, e = self.sent_bounds(tok.i)
        return e - s

    def sent_index_at(self, pos: int) -> int:
        """Index of the sentence whose characters hold `pos`; 0 when none does."""
        if self._sent_chars is None:
            self._sentences()
        sc, ec = self._sent_chars
        k = bisect_right(sc, pos) - 1
        return k if k >= 0 and pos < ec[k] else 0

    def previous_noun(self, lemma: str, before: int):
        """The last NOUN token with `lemma` (lower-cased) before token index `before`, else None."""
        if self._noun_lemmas is None:
            table: dict[str, list[int]] = {}
            for t in self.view.tokens:
                if t.pos_ == "NOUN":
                    table.setdefault(t.lemma_.lower(), []).append(t.i)
            self._noun_lemmas = table
        found = self._noun_lemmas.get(lemma)
        if not found:
            return None
        k = bisect_left(found, before) - 1
        return self.view.tokens[found[k]] if k >= 0 else None


@cache
def word_ids(words: frozenset[str]) -> frozenset[int]:
    """The string ids of `words` (what ``doc.to_array("LOWER")`` holds for them)."""
    from spacy.strings import get_string_id

    return frozenset(get_string_id(w) for w in words)


_LEMMA_HITS: dict[frozenset[str], dict[int, bool]] = {}  # word set -> lemma id -> lower-cased lemma in it


def index_of(doc) -> DocIndex:
    """The index of `doc`: a part of its view (made on first use)."""
    return view_of(doc).part(DocIndex)


def current_for(doc) -> DocIndex | None:
    """The index of `doc` when it is already made (no building): for cheap optional checks."""
    view = current_view(doc)
    return view.made(DocIndex) if view is not None else None


def sentence_too_long(tok) -> bool:
    """True when `tok` sits in a sentence longer than MAX_SENT_TOKENS (garbage or hostile text)."""
    ix = current_for(tok.doc)
    if ix is not None:
        return ix.sent_len(tok) > MAX_SENT_TOKENS
    try:
        return len(tok.sent) > MAX_SENT_TOKENS
    except ValueError:  # no sentence boundaries at all
        return False


# -- tree walks over the shared view (no new Token objects) ----------------------------------
def head_of(tok):
    """``tok.head``."""
    return view_of(tok.doc).head(tok)


def children_of(tok) -> list:
    """``list(tok.children)``."""
    ix = current_for(tok.doc)
    return ix.children(tok.i) if ix is not None else list(view_of(tok.doc).children(tok))


def lefts_of(tok) -> list:
    """``list(tok.lefts)``."""
    i = tok.i
    return [c for c in children_of(tok) if c.i < i]


def rights_of(tok) -> list:
    """``list(tok.rights)``."""
    i = tok.i
    return [c for c in children_of(tok) if c.i > i]


def subtree_of(tok) -> list:
    """``list(tok.subtree)``."""
    ix = current_for(tok.doc)
    return ix.subtree(tok.i) if ix is not None else list(tok.subtree)


# -- character spans -------------------------------------------------------------------------
def _merge(spans: list[tuple[int, int]], touching: bool) -> tuple[list[int], list[int]]:
    starts: list[int] = []
    ends: list[int] = []
    for a, b in spans:
        if starts and (a <= ends[-1] if touching else a < ends[-1]):
            if b > ends[-1]:
                ends[-1] = b
        else:
            starts.append(a)
            ends.append(b)
    return starts, ends


class SpanIndex:
    """Quotation spans (a, b) with the questions the extractor asks of them, each in O(log n)."""

    def __init__(self, spans):
        self.spans = [(a, b) for a, b in spans]
        ordered = sorted(s for s in self.spans if s[0] < s[1])
        self._cov = _merge(ordered, touching=True)  # union of [a, b)
        self._int = _merge(ordered, touching=False)  # union of (a, b)
        self._closing = {b for a, b in ordered}
        self._sorted = all(self.spans[i][0] <= self.spans[i + 1][0] for i in range(len(self.spans) - 1))
        self._starts = [a for a, _ in self.spans]
        pmax, best = [], None
        for _, b in self.spans:
            best = b if best is None or b > best else best
            pmax.append(best)
        self._pmax = pmax

    def __iter__(self):
        return iter(self.spans)

    def __len__(self) -> int:
        return len(self.spans)

    def covers(self, p: int) -> bool:
        """any(a <= p < b)"""
        starts, ends = self._cov
        k = bisect_right(starts, p) - 1
        return k >= 0 and p < ends[k]

    def straddles(self, p: int) -> bool:
        """any(a < p < b)"""
        starts, ends = self._int
        k = bisect_left(starts, p) - 1
        return k >= 0 and p < ends[k]

    def closes_at(self, p: int) -> bool:
        """any(a < p <= b and p == b): a quotation's closing mark ends at `p`."""
        return p in self._closing

    def cuts(self, a: int, b: int) -> bool:
        """any(a < qb and qa < b and not (a <= qa and qb <= b)): [a, b) cuts through a quotation."""
        if a < b:
            return self.straddles(a) or self.straddles(b)
        return any(a < qb and qa < b and not (a <= qa and qb <= b) for qa, qb in self.spans)

    def run_end_into(self, start: int, end: int) -> int:
        """``for a, b in spans: if a < end < b and start < b: end = b`` (content ending inside a
        quotation runs to its closing mark), without the scan when the spans are sorted."""
        if not self._sorted:
            for a, b in self.spans:
                if a < end < b and start < b:
                    end = b
            return end
        n = len(self.spans)
        while True:
            k = bisect_right(self._pmax, max(end, start))  # first span with b > max(end, start)
            if k >= n or k >= bisect_left(self._starts, end):
                return end
            end = self.spans[k][1]

    def excluding(self, lo: int, hi: int) -> "_Excluding":
        """The same spans less those inside [lo, hi] (a quote's own marks)."""
        return _Excluding(self, lo, hi)


class _Excluding:
    def __init__(self, base: SpanIndex, lo: int, hi: int):
        self.base, self.lo, self.hi = base, lo, hi

    def __iter__(self):
        return (s for s in self.base.spans if not (s[0] >= self.lo and s[1] <= self.hi))

    def covers(self, p: int) -> bool:
        if p < self.lo or p >= self.hi:  # no span inside [lo, hi] can hold p
            return self.base.covers(p)
        return any(a <= p < b for a, b in self)


def as_span_index(spans) -> SpanIndex | _Excluding:
    return spans if isinstance(spans, (SpanIndex, _Excluding)) else SpanIndex(spans)


class TakenSpans:
    """Spans already given to quotes; asks "does [a, b) overlap any?" in O(log n)."""

    def __init__(self, spans=()):
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._points: list[tuple[int, int]] = []  # empty spans: they still count when strictly inside
        self._all: list[tuple[int, int]] = []
        for a, b in spans:
            self.add(a, b)

    def add(self, a: int, b: int) -> None:
        self._all.append((a, b))
        if a >= b:
            self._points.append((a, b))
            return
        lo = bisect_left(self._ends, a)  # first merged span ending at or after a
        hi = bisect_right(self._starts, b)  # merged spans starting at or before b
        if lo < hi:
            a = min(a, self._starts[lo])
            b = max(b, self._ends[hi - 1])
        self._starts[lo:hi] = [a]
        self._ends[lo:hi] = [b]

    def overlaps(self, a: int, b: int) -> bool:
        """any(a < tb and ta < b for ta, tb in spans)"""
        if a >= b:
            return any(a < tb and ta < b for ta, tb in self._all)
        if self._points and any(a < tb and ta < b for ta, tb in self._points):
            return True
        k = bisect_left(self._starts, b) - 1  # last merged span starting before b
        return k >= 0 and self._ends[k] > a


# -- text ------------------------------------------------------------------------------------
_NONSPACE = re.compile(r"\S")


class Paragraphs(list):
    """Paragraph bounds with their start offsets, for bisection."""

    def __init__(self, bounds):
        super().__init__(bounds)
        self.starts = [p[0] for p in bounds]


def blank(text: str, a: int, b: int) -> bool:
    """text[a:b].strip() == "" without copying the slice."""
    return _NONSPACE.search(text, a, max(a, b)) is None


def last_nonspace(text: str, pos: int, floor: int = 0) -> str:
    """The last non-space character of text[floor:pos], "" when there is none."""
    i = pos - 1
    while i >= floor and text[i].isspace():
        i -= 1
    return text[i] if i >= floor else ""
