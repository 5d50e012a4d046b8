"""Qualifiers after a name: "Alexandria, La.", "Paris, Texas", "EDMONTON, Ky (WBKO)", "Bingham, Maine" —
a first-level admin area or country (its name or abbreviation) that ties the name before it to that area."""
from __future__ import annotations

from .gazetteer import KIND_ADMIN, KIND_COUNTRY, Candidate, name_key

__all__ = ["qualified", "qualifier_after", "qualifier_at", "in_qualifier"]


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
