"""Document-level hints for the geoparser that read more than one mention.

- one sense per document, for qualifiers: "LONDON, Ky. — … London police said" — a name that the
  document qualifies once ("London, Ky.") keeps that qualifier where it stands alone;
- words before a name that say it is a region, not a town: "the state of Washington",
  "central Washington", "eastern Ukraine", "upstate New York";
- names in a list are of one kind ("California or Washington": the state);
- admin abbreviations the document backs ("BC" beside "Nelson"), and list members of a known country;
- one sense per document: other occurrences of a name taken as a place are places too.

``Words`` holds the doc's tokens as plain columns, read once per doc for every scan of the stage.
"""
from __future__ import annotations

import re

from spacy.attrs import IS_TITLE, LOWER, POS

from .gazetteer import KIND_ADMIN, KIND_COUNTRY, name_key
from .resolve import Mention, prior
from .._doc import view_of

__all__ = ["Ent", "Words", "abbreviation_spans", "hint_before", "inherit_qualifiers", "list_hints", "list_members",
           "lower_cased", "occurrences", "propagate"]


class Ent:
    """One model entity as plain values (``Span.text`` builds a Token object per token)."""
    __slots__ = ("label", "start", "end", "start_char", "end_char", "text", "personal")

    def __init__(self, span, text: str) -> None:
        self.label = span.label_
        self.start, self.end = span.start, span.end
        self.start_char, self.end_char = span.start_char, span.end_char
        self.text = text[self.start_char:self.end_char]
        self.personal: bool | None = None  # places.filters._personal, worked out once


class Words:
    """The doc's tokens as columns, read once per doc through ``doc.to_array`` (no Token objects):
    ``texts``, ``starts`` (``token.idx``), ``caps`` (first character upper-case), ``pos``
    (``token.pos``), ``title`` (``token.is_title``), ``in_ent`` (inside a model entity), ``ents``;
    ``lower(i)`` is ``doc[i].lower_``. ``text`` is the text the doc was parsed over, so
    ``text[starts[i]:end(j)]`` is ``doc[i:j + 1].text``; ``doc[i]`` is there for rarer attributes."""
    __slots__ = ("doc", "text", "texts", "starts", "caps", "n", "ents", "_pos", "_title", "_in_ent", "_lowers",
                 "_lower")

    def __init__(self, doc, text: str) -> None:
        self.doc = doc
        self.text = text
        self.n = len(doc)
        view = view_of(doc)
        self.starts = view.starts
        self.texts = [text[s:e] for s, e in zip(view.starts, view.ends)]
        self.caps = [w[:1].isupper() for w in self.texts]
        self.ents = [Ent(e, text) for e in view.ents]
        self._pos = self._title = self._in_ent = self._lowers = None
        self._lower: dict[int, str] = {}

    def end(self, i: int) -> int:
        """``doc[i].idx + len(doc[i])``: the end character of token `i`."""
        return self.starts[i] + len(self.texts[i])

    def lower(self, i: int) -> str:
        low = self._lower.get(i)
        if low is None:
            if self._lowers is None:
                self._lowers = self.doc.to_array(LOWER).tolist()
            low = self._lower[i] = self.doc.vocab.strings[self._lowers[i]]
        return low

    @property
    def pos(self) -> list[int]:
        if self._pos is None:
            self._pos = self.doc.to_array(POS).tolist() if self.n else []
        return self._pos

    @property
    def title(self) -> list[bool]:
        if self._title is None:
            self._title = [bool(f) for f in self.doc.to_array(IS_TITLE).tolist()] if self.n else []
        return self._title

    @property
    def in_ent(self) -> list[bool]:
        if self._in_ent is None:
            flags = [False] * self.n
            for ent in self.ents:
                flags[ent.start:ent.end] = [True] * (ent.end - ent.start)
            self._in_ent = flags
        return self._in_ent


_BEFORE = re.compile(r"(?:\b(state|province|region|county) of|\b(central|eastern|western|northern|southern|"
                     r"north-eastern|north-western|south-eastern|south-western|northeastern|northwestern|"
                     r"southeastern|southwestern|upstate|downstate|rural))\s+$", re.I)


def inherit_qualifiers(mentions) -> None:
    """Unqualified mentions of a name the document qualifies (always the same way) take that qualifier."""
    by_name: dict[str, list] = {}
    for m in mentions:
        if m.qualifiers and m.source != "qualifier":
            by_name.setdefault(name_key(m.text), []).append(m)
    # states the document names by another word ("Wash." of "CAMP MURRAY, Wash."): a bare "Washington" may be
    # that state, whatever "Washington, D.C." says elsewhere
    states = {(c.cc, name_key(c.name)) for m in mentions if m.candidates and all(
        c.kind == KIND_ADMIN and c.feature == "ADM1" for c in m.candidates) for c in m.candidates}
    for key, qualified in by_name.items():
        first = {(q.cc, q.name) for q in qualified[0].qualifiers}
        if any({(q.cc, q.name) for q in m.qualifiers} != first for m in qualified[1:]):
            continue  # "Paris, Texas" and "Paris, France" in one story: leave the bare ones alone
        if any(c.kind == KIND_ADMIN and c.feature == "ADM1" and not c.alias and (c.cc, name_key(c.name)) in states
               for c in qualified[0].candidates):
            continue
        for m in mentions:
            if not m.qualifiers and m.source != "qualifier" and name_key(m.text) == key:
                m.qualifiers = list(qualified[0].qualifiers)


def hint_before(text: str, start: int, candidates) -> int | None:
    """KIND_ADMIN when the words before the name make it a region ("the state of", "central")
    and the name has a first-level admin area among its senses (a country needs no hint)."""
    if not any(c.kind == KIND_ADMIN and c.feature == "ADM1" for c in candidates):
        return None
    if any(c.kind == KIND_COUNTRY for c in candidates):
        return None
    hit = _BEFORE.search(text, max(0, start - 30), start)
    return KIND_ADMIN if hit else None


def abbreviation_spans(words: Words, gaz, mentions, countries: set[str]) -> list[tuple[int, int]]:
    """Admin-area abbreviations standing alone ("FrontCounter BC", "regional NSW", "SA Health") that
    the document supports: a town or county of that area is among the senses of a name it already
    holds ("Nelson", "Castlegar" for "BC"); for three letters and more, or with periods ("NSW",
    "B.C."), a named country of that area is enough. Words inside an all-capitals run (a headline)
    are left alone: "IN", "OR", "ME" there are words."""
    held = None  # built on the first abbreviation found (most articles have none)
    out = []
    n, texts, doc = words.n, words.texts, words.doc
    for i, text in enumerate(texts):
        # (a period is uncased: ``text.isupper()`` is ``text.replace(".", "").isupper()``)
        if not (2 <= len(text) <= 6) or not text.isupper() or not text.replace(".", "").isalpha():
            continue
        if any(0 <= j < n and doc[j].is_alpha and doc[j].is_upper and len(texts[j]) >= 2 for j in (i - 1, i + 1)):
            continue
        areas = gaz.abbreviation(text)
        if not areas:
            continue
        if held is None:
            held = {(c.cc, name_key(c.admin1)) for m in mentions for c in m.candidates
                    if not c.alias and c.admin1 and c.kind != KIND_COUNTRY and c.feature != "ADM1"}
        clear = "." in text or len(text) >= 3
        if any((a.cc, name_key(a.name)) in held or clear and a.cc in countries for a in areas):
            out.append((words.starts[i], words.starts[i] + len(text)))
    return out


_NAME = r"[A-Z][\w'\u2019\-]*(?:[ ][A-Z][\w'\u2019\-]*){0,2}"
_LIST = re.compile(rf"{_NAME}(?:(?:,[ ]|,?[ ](?:and|or)[ ]){_NAME})+")
_ITEM = re.compile(_NAME)


def list_members(text: str, mentions, gaz) -> list[tuple[int, int]]:
    """Names in a list beside places of one country are that country's places too: in "Suba, Migori,
    Homa Bay, Rongo and Siaya" with "Migori" and "Siaya" already places, "Homa Bay" and "Rongo" are
    taken when the gazetteer has a town or admin area of that name in the same country."""
    if len(mentions) < 2:  # a list needs two known places
        return []
    starts = {m.start: m for m in mentions}
    out = []
    for chain in _LIST.finditer(text):
        items = [(chain.start() + it.start(), chain.start() + it.end()) for it in _ITEM.finditer(chain.group(0))]
        known = [starts[s] for s, _ in items if s in starts]
        if len(known) < 2 or len(known) == len(items):
            continue
        countries = set.intersection(*({c.cc for c in m.candidates if c.cc} for m in known)) if known else set()
        if not countries:
            continue
        for s, e in items:
            if s in starts:
                continue
            if any(c.cc in countries and not c.alias and c.kind != KIND_COUNTRY for c in gaz.lookup(text[s:e])):
                out.append((s, e))
    return out


_LIST_GAP = re.compile(r"(?:,\s*|\s+and\s+|\s+or\s+|,\s+and\s+|,\s+or\s+|\s*/\s*)")


def list_hints(mentions: list[Mention], text: str) -> None:
    """Names in a list are of one kind: "California or Washington", "Ohio, Iowa and
    Nevada" are states; "Georgia and Armenia" are countries."""
    def only_kind(m: Mention) -> int | None:
        """The kind of a name whose best sense beats every sense of another kind by 1.5 points."""
        ranked = sorted(m.candidates, key=prior, reverse=True)
        if not ranked:
            return None
        top = ranked[0]
        if not (top.kind == KIND_COUNTRY or top.kind == KIND_ADMIN and top.feature == "ADM1"):
            return None
        rival = next((c for c in ranked if c.kind != top.kind), None)
        return top.kind if rival is None or prior(top) - prior(rival) >= 1.5 else None

    for a, b in zip(mentions, mentions[1:]):
        if not _LIST_GAP.fullmatch(text[a.end:b.start]):
            continue
        for m, other in ((a, b), (b, a)):
            kind = only_kind(other)
            if kind is None or m.kind_hint is not None or m.qualifiers or other.qualifiers or m.source == "qualifier":
                continue
            if any(c.kind == kind and (kind == KIND_COUNTRY or c.feature == "ADM1") for c in m.candidates):
                m.kind_hint = kind


def propagate(text: str, found: dict, add, persons: list[tuple[int, int]]) -> None:
    """One sense per document: other occurrences of a name already taken as a place are places too."""
    names = sorted({m.text for m in found.values() if len(m.text) >= 3 and not m.text.isupper()}
                   | {m.text.title() for m in found.values() if len(m.text) >= 5 and m.text.isupper()},
                   key=len, reverse=True)
    lowered = None
    for name in names:
        if lowered is None:
            lowered = lower_cased(text)
        for s, e in occurrences(name, text, lowered):  # GLASGOW, Glasgow
            if (s, e) in found or any(a < e and s < b for a, b in persons):
                continue
            add(s, e, "repeat", True)


def lower_cased(text: str) -> str | None:
    """``text.lower()`` where it matches ``text`` character for character, as the regex module's
    IGNORECASE does for ASCII names: no character whose lower case is longer ("\u0130") and none
    that IGNORECASE takes for an ASCII letter besides its lower case (dotless i, long s)."""
    low = text.lower()
    if len(low) != len(text) or "\u0131" in text or "\u017f" in text:
        return None
    return low


def _is_word(c: str) -> bool:
    return c.isalnum() or c == "_"  # the regex module's \w


def occurrences(name: str, text: str, lowered: str | None):
    """The spans of ``re.finditer(r"(?<!\\w)" + re.escape(name) + r"(?!\\w)", text, re.IGNORECASE)``,
    found with ``str.find`` on ``lower_cased(text)`` where that is not None (one regex scan of the
    whole text a name was most of the places stage's time)."""
    if lowered is None or not name.isascii():
        return [hit.span() for hit in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text, re.IGNORECASE)]
    key, size, out = name.lower(), len(name), []
    k = lowered.find(key)
    while k >= 0:
        e = k + size
        if (k == 0 or not _is_word(text[k - 1])) and (e == len(text) or not _is_word(text[e])):
            out.append((k, e))
            k = lowered.find(key, e)  # matches do not overlap
        else:
            k = lowered.find(key, k + 1)
    return out
