"""Towns the gazetteer lacks that a qualifier or a dateline places: "HOLLIDAY, Mo. —" (a Missouri
village of a hundred people; the gazetteer's only Holliday is in Texas), "Holliday, Missouri",
"CAMP MURRAY, Wash. —".

A name whose qualifier names a state or country that holds none of its senses is no namesake
elsewhere: it is a place in that state the gazetteer does not list. It is placed as a locality
(``LCTY``, no GeoNames id, the local features' confidence) at a town of the document inside the
qualifier's area (the nearest in its sentence, else the one named most), else at the qualifier itself.
A dateline opening a line ("NAME, St. —", all capitals) whose name the gazetteer does not know at all
is placed the same way.
"""
from __future__ import annotations

import re
from collections import Counter

from ...record import Place
from .gazetteer import KIND_ADMIN, KIND_CITY, KIND_COUNTRY, Candidate, name_key
from .qualifiers import in_qualifier, qualifier_at

__all__ = ["unlisted_places"]

_DATELINE = re.compile(r"^([A-Z][A-Z.'\u2019]*(?:[ -][A-Z][A-Z.'\u2019]*){0,3}), ", re.M)
_DASH_AFTER = re.compile(r"\s*(?:\u2014|\u2013|-|\()")
_MORE_NAMES = re.compile(r",? +(?:and |or |& )?[A-Z]|,?[A-Za-z]")  # "Copenhagen, Hamburg, Bremen": a list


def _own_qualifier(text: str, m, gaz) -> bool:
    """"Holliday, Missouri, man": the qualifier right after the name, which no other name follows
    ("Copenhagen, Hamburg, Bremen and Kiel", "in Lagos, Peter Okafor in Accra": no qualifier)."""
    if not text.startswith(", ", m.end):
        return False
    quals, qual_text = qualifier_at(text, m.end + 2, gaz)
    return bool(quals) and not _MORE_NAMES.match(text, m.end + 2 + len(qual_text))


def _area_quals(quals: list[Candidate]) -> list[Candidate]:
    return [q for q in quals if q.kind == KIND_COUNTRY or q.kind == KIND_ADMIN and q.feature == "ADM1"]


def _point(quals: list[Candidate], towns, start: int, sentence: int) -> Candidate:
    """A town of the document inside the qualifier's area (nearest in the sentence, else named most),
    else the qualifier itself (a state before a country)."""
    inside = [(s, si, c) for s, si, c in towns if in_qualifier(c, quals)]
    same = [(abs(s - start), c) for s, si, c in inside if si == sentence]
    if same:
        return min(same, key=lambda x: x[0])[1]
    if inside:
        counts = Counter((c.lat, c.lon) for _, _, c in inside)
        return max(inside, key=lambda x: (counts[(x[2].lat, x[2].lon)], -x[0]))[2]
    return min(quals, key=lambda q: q.kind == KIND_COUNTRY)


def unlisted_places(text: str, gaz, mentions, resolutions, sentence_of, taken) -> list[Place]:
    """Places for the qualified names none of whose senses lies in their qualifier (their resolutions are
    set to None) and for datelines the gazetteer does not know; `taken(start, end)`: a span overlaps a
    mention already found."""
    towns = [(m.start, sentence_of(m.start), r.choice) for m, r in zip(mentions, resolutions)
             if r is not None and r.choice.kind == KIND_CITY]
    spans: list[tuple[int, int, list[Candidate]]] = []
    own = {name_key(m.text) for m in mentions if m.qualifiers and _own_qualifier(text, m, gaz)}
    for n, (m, r) in enumerate(zip(mentions, resolutions)):
        quals = _area_quals(m.qualifiers)
        if r is None or not quals or m.source == "qualifier" or name_key(m.text) not in own \
                or any(in_qualifier(c, quals) for c in m.candidates):
            continue
        if r.choice.kind not in (KIND_CITY, KIND_ADMIN) or r.choice.kind == KIND_ADMIN and r.choice.feature == "ADM1":
            continue  # a state or country qualified by another: left to the resolver
        resolutions[n] = None
        spans.append((m.start, m.end, quals))
    for hit in _DATELINE.finditer(text) if ", " in text else ():
        s, e = hit.span(1)
        quals, qual_text = qualifier_at(text, e + 2, gaz)
        quals = _area_quals(quals)
        if not quals or not _DASH_AFTER.match(text, e + 2 + len(qual_text)) or taken(s, e) or gaz.has(text[s:e]):
            continue
        spans.append((s, e, quals))
    out = []
    for s, e, quals in spans:
        sentence = sentence_of(s)
        at = _point(quals, towns, s, sentence)
        out.append(Place(id="", start=s, end=e, text=text[s:e], name=text[s:e], lat=round(at.lat, 5),
                         lon=round(at.lon, 5), country=at.country, admin1=at.admin1 if at.kind != KIND_COUNTRY else None,
                         feature_code="LCTY", geonameid=None, confidence=0.3, sentence=sentence))
    return out
