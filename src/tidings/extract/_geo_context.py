"""Document-level hints for the geoparser that read more than one mention.

- one sense per document, for qualifiers: "LONDON, Ky. — … London police said" — a name that the
  document qualifies once ("London, Ky.") keeps that qualifier where it stands alone;
- words before a name that say it is a region, not a town: "the state of Washington",
  "central Washington", "eastern Ukraine", "upstate New York";
- names in a list are of one kind ("California or Washington": the state);
- admin abbreviations the document backs ("BC" beside "Nelson"), and list members of a known country.
"""
from __future__ import annotations

import re

from ._gazetteer import KIND_ADMIN, KIND_COUNTRY, name_key
from ._geo_resolve import Mention, prior

__all__ = ["abbreviation_spans", "hint_before", "inherit_qualifiers", "list_hints", "list_members"]

_BEFORE = re.compile(r"(?:\b(state|province|region|county) of|\b(central|eastern|western|northern|southern|"
                     r"north-eastern|north-western|south-eastern|south-western|northeastern|northwestern|"
                     r"southeastern|southwestern|upstate|downstate|rural))\s+$", re.I)


def inherit_qualifiers(mentions) -> None:
    """Unqualified mentions of a name the document qualifies (always the same way) take that qualifier."""
    by_name: dict[str, list] = {}
    for m in mentions:
        if m.qualifiers and m.source != "qualifier":
            by_name.setdefault(name_key(m.text), []).append(m)
    for key, qualified in by_name.items():
        first = {(q.cc, q.name) for q in qualified[0].qualifiers}
        if any({(q.cc, q.name) for q in m.qualifiers} != first for m in qualified[1:]):
            continue  # "Paris, Texas" and "Paris, France" in one story: leave the bare ones alone
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


def abbreviation_spans(doc, gaz, mentions, countries: set[str]) -> list[tuple[int, int]]:
    """Admin-area abbreviations standing alone ("FrontCounter BC", "regional NSW", "SA Health") that
    the document supports: a town or county of that area is among the senses of a name it already
    holds ("Nelson", "Castlegar" for "BC"); for three letters and more, or with periods ("NSW",
    "B.C."), a named country of that area is enough. Words inside an all-capitals run (a headline)
    are left alone: "IN", "OR", "ME" there are words."""
    held = None  # built on the first abbreviation found (most articles have none)
    out = []
    n = len(doc)
    for i, tok in enumerate(doc):
        text = tok.text
        if not (2 <= len(text) <= 6) or not text.replace(".", "").isupper() or not text.replace(".", "").isalpha():
            continue
        if any(0 <= j < n and doc[j].is_alpha and doc[j].is_upper and len(doc[j]) >= 2 for j in (i - 1, i + 1)):
            continue
        areas = gaz.abbreviation(text)
        if not areas:
            continue
        if held is None:
            held = {(c.cc, name_key(c.admin1)) for m in mentions for c in m.candidates
                    if not c.alias and c.admin1 and c.kind != KIND_COUNTRY and c.feature != "ADM1"}
        clear = "." in text or len(text) >= 3
        if any((a.cc, name_key(a.name)) in held or clear and a.cc in countries for a in areas):
            out.append((tok.idx, tok.idx + len(text)))
    return out


_NAME = r"[A-Z][\w'\u2019\-]*(?:[ ][A-Z][\w'\u2019\-]*){0,2}"
_LIST = re.compile(rf"{_NAME}(?:(?:,[ ]|,?[ ](?:and|or)[ ]){_NAME})+")
_ITEM = re.compile(_NAME)


def list_members(text: str, mentions, gaz) -> list[tuple[int, int]]:
    """Names in a list beside places of one country are that country's places too: in "Suba, Migori,
    Homa Bay, Rongo and Siaya" with "Migori" and "Siaya" already places, "Homa Bay" and "Rongo" are
    taken when the gazetteer has a town or admin area of that name in the same country."""
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
    """Names in a list are of one kind: "California or Washington", "Wisconsin, Michigan and
    Pennsylvania" are states; "Georgia and Armenia" are countries."""
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
