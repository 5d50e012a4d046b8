"""Qualifiers after a name: "Alexandria, La.", "Paris, Texas", "EDMONTON, Ky (WBKO)", "Bingham, Maine" —
a first-level admin area or country (its name or abbreviation) that ties the name before it to that area."""
from __future__ import annotations

import re

from .gazetteer import KIND_ADMIN, KIND_CITY, KIND_COUNTRY, Candidate, name_key

__all__ = ["qualified", "qualifier_after", "qualifier_at", "in_qualifier", "area_qualifiers", "person_qualifier"]

_POSSESSOR = re.compile(r"(?<![\w.])([A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*){0,2})['\u2019]s[ \t]+$")  # "Iowa's "
_IN_AREA = re.compile(r"[ \t]+in[ \t]+(?=[A-Z])")  # "Jefferson County in Colorado"
_CLAUSE_GOES_ON = re.compile(r"[ \t]+\w")  # a qualifier is followed by punctuation, not by the clause's verb
_MEMBER_LINK = re.compile(r"(?:,[ \t]+(?:and[ \t]+|or[ \t]+)?|[ \t]+(?:and|or)[ \t]+)$")  # between list members


def qualified(text: str, end: int, gaz) -> bool:
    """A name ending at `end` is followed by ", <admin area or country>" ("Bingham, Maine")."""
    return text.startswith(",", end) and bool(qualifier_after(text, end + (2 if text.startswith(", ", end) else 1), gaz))


def qualifier_after(text: str, k: int, gaz) -> list[Candidate]:
    """The first-level admin areas or countries named at ``text[k:]`` ("La.", "Texas", "Calif.", "SC")."""
    return qualifier_at(text, k, gaz)[0]


def qualifier_at(text: str, k: int, gaz) -> tuple[list[Candidate], str]:
    """The longest prefix of ``text[k:]`` naming admin areas or countries: (those candidates, the prefix)."""
    e = k
    while e < len(text) and (text[e].isalnum() or text[e] in ". ") and e - k < 20:
        e += 1
    for stop in range(e, k, -1):
        cand_text = text[k:stop].rstrip(" ")
        if not cand_text[:1].isupper():
            return [], ""
        if stop < len(text) and text[stop - 1].isalnum() and text[stop].isalnum():
            continue
        found = gaz.abbreviation(cand_text) + gaz.lookup(cand_text)
        if not found and ap_without_period(cand_text, text[stop:stop + 1]):
            found = gaz.abbreviation(cand_text + ".")  # "EDMONTON, Ky (WBKO)"
        quals = [c for c in found if c.kind == KIND_COUNTRY or c.kind == KIND_ADMIN and c.feature == "ADM1"]
        if quals:
            return quals, cand_text
    return [], ""


def ap_without_period(word: str, after: str) -> bool:
    """"Ky", "Tenn", "Calif" written without the period of the AP abbreviation, after "Town, "."""
    return 2 <= len(word) <= 5 and word.isalpha() and word[0].isupper() and word[1:].islower() and after != "."


def in_qualifier(c: Candidate, quals: list[Candidate]) -> bool:
    return any(c.cc == q.cc and (q.kind == KIND_COUNTRY or c.admin1 and name_key(c.admin1) == name_key(q.name))
               for q in quals if c is not q)


def area_qualifiers(mentions, text: str, gaz) -> None:
    """A state or country written before the name as its owner ("Iowa's Polk County", "Ohio's Stark and
    Lake counties": every member of the list) or after it with "in" ("Jefferson County in
    Colorado") qualifies the name as "Polk County, Iowa" would, where the name has a town or county
    in that area. A name already qualified keeps its qualifier."""
    chain: list = []  # the qualifiers of the previous mention, when the next list member may share them
    previous = None
    for m in mentions:
        if chain and previous is not None and _MEMBER_LINK.match(text[previous.end:m.start]):
            quals = chain
        else:
            quals = _owner(text, m.start, gaz) or _after_in(text, m.end, gaz)
        chain, previous = [], m
        if not quals or m.qualifiers:
            continue
        if not any(c.kind == KIND_CITY or c.kind == KIND_ADMIN and c.feature != "ADM1" for c in m.candidates
                   if in_qualifier(c, quals)):
            continue
        m.qualifiers = quals
        chain = quals


def _owner(text: str, start: int, gaz) -> list[Candidate]:
    hit = _POSSESSOR.search(text, max(0, start - 40), start)
    if not hit:
        return []
    quals, said = qualifier_at(text, hit.start(1), gaz)
    return quals if said == hit.group(1) else []


def _after_in(text: str, end: int, gaz) -> list[Candidate]:
    hit = _IN_AREA.match(text, end)
    if not hit:
        return []
    quals, said = qualifier_at(text, hit.end(), gaz)
    after = text[hit.end() + len(said):hit.end() + len(said) + 2]
    if not said or len(after) == 2 and after[0] in " \t" and after[1].isupper():
        return []  # "in Texas Monthly": the state's name opens a longer name
    return quals


def person_qualifier(text: str, k: int, said: str, names) -> bool:
    """"As a boy in El Paso, Ortiz saw ...": the word after the comma is the first or last name of a
    person the document names in full (`names`) and the clause goes on after it: that person, the
    subject of the clause, not a qualifier of the name before the comma."""
    return said in names and bool(_CLAUSE_GOES_ON.match(text, k + len(said)))
