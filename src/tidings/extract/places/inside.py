"""Places named inside organisation names: "Pakistan Army", "Central Bank of Malta", "the NSW Primary
Industries Minister"; at the head of one, also a county ("Orange County Sheriff's Office") or a town of
the document's countries followed by an institution's word ("Owensboro Public Schools",
``institution_words.txt``); and the parts of a place entity the gazetteer lacks ("Greece Italy")."""
from __future__ import annotations

from functools import cache
from importlib import resources

from .context import Words
from .gazetteer import KIND_ADMIN, KIND_CITY, KIND_COUNTRY, Candidate
from .locative import RARE_ANY_POPULATION, rare

__all__ = ["scan_inside", "INSIDE_MIN_POPULATION", "EMBEDDED_KINDS"]

MAX_SCAN_TOKENS = 4
EMBEDDED_KINDS = (KIND_COUNTRY, KIND_ADMIN, KIND_CITY)
INSIDE_MIN_POPULATION = 20_000  # a town heading an organisation's name ("Owensboro Public Schools")


def scan_inside(words: Words, text: str, gaz, add, ents, strong, clear_abbreviation,
                countries: set[str] = frozenset(), in_area=lambda c: False) -> None:
    """Countries, admin areas and big cities named inside organisation names ("Pakistan Army"); at
    the head of one, also counties and towns of the document's countries ("Orange County Sheriff's
    Office", "Owensboro Public Schools"); the parts of a place entity the gazetteer lacks ("Greece Italy").
    `strong(cands)` and `clear_abbreviation(surface)` are the caller's tests of a well-known place and
    of an abbreviation that is no everyday initials."""
    caps, texts, starts = words.caps, words.texts, words.starts
    for ent in ents:
        i = ent.start
        head = ent.start + (1 if words.lower(ent.start) == "the" else 0)
        while i < ent.end:
            matched = False
            for length in range(min(MAX_SCAN_TOKENS, ent.end - i), 0, -1):
                if not all(caps[i:i + length]) or i == ent.start and i + length == ent.end:
                    continue
                end = words.end(i + length - 1)
                surface = text[starts[i]:end]
                cands = [c for c in gaz.lookup(surface) if c.kind in EMBEDDED_KINDS and not c.alias]
                if i + length < ent.end and texts[i + length] in ("'s", "\u2019s"):
                    cands = [c for c in cands if c.kind == KIND_COUNTRY]  # "St. Peter's Basilica": a saint
                if not strong(cands) and clear_abbreviation(surface) and gaz.abbreviation(surface):
                    cands = gaz.abbreviation(surface)  # "the NSW Primary Industries Minister"
                    if add(starts[i], end, "scan", True):
                        i += length
                        matched = True
                        break
                    continue
                if (strong(cands) or i == head and _local_head(cands, countries, words, i + length, ent.end, in_area)) \
                        and add(starts[i], end, "scan", False):
                    i += length
                    matched = True
                    break
            if not matched:
                i += 1


def _local_head(cands: list[Candidate], countries: set[str], words: Words, start: int, end: int, in_area) -> bool:
    """A county ("Orange County"), or a town followed by an institution's word ("Owensboro Public
    Schools", "the Natchez Board of Aldermen"), tokens ``start:end`` being the rest of the name: a town
    of 20,000 people and more in a country the document is about, of 10,000 and more anywhere when its
    name is no everyday word, or of the document's area (`in_area`: "the Pineville Board of Education"
    beside "Bell County")."""
    if any(c.kind == KIND_ADMIN and c.feature == "ADM2" and " " in c.name and c.cc in countries for c in cands):
        return True
    after = [words.lower(j) for j in range(start, min(start + 2, end))]
    if not any(w in _institution_words() for w in after):
        return False
    media = any(w in _listed("media_words.txt") for w in after)  # "Xinhua News Agency": no town's body
    return any(c.kind == KIND_CITY and (c.cc in countries and c.population >= INSIDE_MIN_POPULATION or not media and (
        in_area(c) or c.population >= RARE_ANY_POPULATION and rare(c.name))) for c in cands)


def _institution_words() -> frozenset[str]:
    return _listed("institution_words.txt")


@cache
def _listed(name: str) -> frozenset[str]:
    path = resources.files("tidings.data.places").joinpath(name)
    return frozenset(line.strip() for line in path.read_text(encoding="utf-8").splitlines()
                     if line.strip() and not line.startswith("#"))
