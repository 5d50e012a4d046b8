"""Towns named after a locative preposition: "in Malakal", "near Pirbright", "from Woodworth and Lecompte",
"Jane Roe, 45, of Ada", "residents of Boyce" (the "of" of a residence counts as one).

A proper noun there names a town of a country the document is already about (``LOCAL_MIN_POPULATION``
people and more; down to ``SMALL_TOWN_POPULATION`` when the name is no everyday English word) or a
town of ``LOCAL_ANY_POPULATION`` and more anywhere; the name may be one the model tagged as a person,
organisation or product as a whole ("in Klamath Falls").
"""
from __future__ import annotations

from functools import lru_cache

from spacy.symbols import PROPN

from .context import Words
from .gazetteer import KIND_ADMIN, KIND_CITY

__all__ = ["scan_local", "scan_area_names", "after_locative", "resident_of", "rare", "LOCATIVES", "RESIDENCE_NOUNS", "LOCAL_MIN_POPULATION",
           "SMALL_TOWN_POPULATION", "COMMON_WORD_ZIPF", "LOCAL_ANY_POPULATION", "RARE_ANY_POPULATION", "RELABEL_AFTER_LOCATIVE"]

LOCATIVES = {"in", "at", "near", "from", "outside", "across", "around", "into", "toward", "towards", "via", "to"}
COMPASS_OF = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "outside"}
RESIDENCE_NOUNS = {"resident", "residents", "native", "natives", "mayor", "people", "citizens", "town", "village",
                   "city", "outskirts", "suburbs", "streets", "center", "centre", "downtown"}  # "residents of Boyce"
LOCAL_MIN_POPULATION = 5_000  # towns found only after a preposition, in a country the document is about
SMALL_TOWN_POPULATION = 1_000  # … down to this size when the name is a rare word ("in Pirbright", not "in Congress")
COMMON_WORD_ZIPF = 3.3  # wordfreq Zipf frequency from which a name is an everyday English word
LOCAL_ANY_POPULATION = 50_000  # towns found only after a preposition, in any country
RARE_ANY_POPULATION = 10_000  # … down to this size when the name is a rare word ("in Natchitoches", "from Vidor")
RELABEL_AFTER_LOCATIVE = {"PERSON", "ORG", "PRODUCT", "WORK_OF_ART"}  # "in Klamath Falls" tagged as a person


def scan_local(words: Words, text: str, gaz, add, countries: set[str], in_area=lambda c: False) -> None:
    """"in Malakal": a proper noun after a locative preposition (or the "of" of "Jane Roe, 45, of Ada")
    that names a town of a country the document is already about, or a town of the document's area
    (`in_area`: ``focus.area_test``)."""
    in_ent, pos, title, starts, n = words.in_ent, words.pos, words.title, words.starts, words.n
    # start token -> end token of entities a town name may be mislabelled as
    whole = {ent.start: ent.end for ent in words.ents if ent.label in RELABEL_AFTER_LOCATIVE}
    person_ends = {ent.end for ent in words.ents if ent.label == "PERSON"}
    for i in range(1, n):
        if pos[i] != PROPN or in_ent[i] and i not in whole or not after_locative(words, i, person_ends):
            continue
        for length in range(min(3, n - i), 0, -1):
            if in_ent[i] and whole[i] != i + length or not in_ent[i] and any(in_ent[i:i + length]):
                continue
            if not all(title[i:i + length]):
                continue
            if i + length < n and title[i + length] and pos[i + length] == PROPN:
                continue  # the start of a longer name: "at Lombard Odier" (a bank), not Lombard, Illinois
            end = words.end(i + length - 1)
            surface = text[starts[i]:end]
            local = [c for c in gaz.lookup(surface) if c.kind in (KIND_CITY, KIND_ADMIN) and not c.alias
                     and (c.cc in countries and (c.kind == KIND_ADMIN or c.population >= LOCAL_MIN_POPULATION
                                                 or c.population >= SMALL_TOWN_POPULATION and rare(surface))
                          or c.kind == KIND_CITY and (c.population >= LOCAL_ANY_POPULATION or in_area(c)
                                                      or c.population >= RARE_ANY_POPULATION and rare(surface)))]
            if local and add(starts[i], end, "scan", False):
                break
    scan_area_names(words, text, gaz, add, in_area)


AREA_NAME_POPULATION = 5_000  # towns of the document's area taken wherever they stand, from this size


def scan_area_names(words: Words, text: str, gaz, add, in_area) -> None:
    """"Mishawaka and Elkhart reported flooded basements" beside "St. Joseph County": a proper noun outside
    the model's entities (or one it calls a person, organisation or product as a whole), wherever it stands,
    that is no everyday word and names a town of
    ``AREA_NAME_POPULATION`` people or more in the document's area (`in_area`: within ``focus.AREA_KM`` of a
    county the document names as such, or of a town it names that has no namesake)."""
    in_ent, pos, title, starts, n = words.in_ent, words.pos, words.title, words.starts, words.n
    whole = {ent.start: ent.end for ent in words.ents if ent.label in RELABEL_AFTER_LOCATIVE}  # "Mishawaka" as ORG
    i = 0
    while i < n:
        if in_ent[i] and i not in whole or pos[i] != PROPN or not title[i] \
                or i > 0 and title[i - 1] and pos[i - 1] == PROPN:
            i += 1
            continue
        length = 1
        if in_ent[i]:
            length = whole[i] - i
            if length > 3 or not all(title[i:i + length]):
                i += length
                continue
        while not in_ent[i] and length < 3 and i + length < n and title[i + length] and pos[i + length] == PROPN \
                and not in_ent[i + length]:
            length += 1
        if i + length < n and title[i + length] and pos[i + length] == PROPN:
            i += length  # a longer name
            continue
        end = words.end(i + length - 1)
        surface = text[starts[i]:end]
        if rare(surface) and any(c.kind == KIND_CITY and not c.alias and c.population >= AREA_NAME_POPULATION
                                 and in_area(c) for c in gaz.lookup(surface)):
            add(starts[i], end, "scan", False)
        i += length


def after_locative(words: Words, i: int, person_ends: set[int]) -> bool:
    """Token i follows a locative preposition, a residence's "of", or "and"/"or" after a name that
    does ("from Woodworth and Lecompte")."""
    prev = words.lower(i - 1)
    if prev in LOCATIVES or prev == "of" and (resident_of(words, i - 1, person_ends)
                                              or i > 1 and words.lower(i - 2) in COMPASS_OF):
        return True  # "in Malakal", "Jane Roe, 45, of Ada", "east of Lancaster"
    if prev not in ("and", "or") or i < 3:
        return False
    j = i - 2
    while j > 0 and i - 2 - j < 3 and words.caps[j] and words.pos[j] == PROPN:
        j -= 1
    return j < i - 2 and (words.lower(j) in LOCATIVES or words.lower(j) == "of" and resident_of(words, j, person_ends))


def resident_of(words: Words, k: int, person_ends: set[int]) -> bool:
    """The "of" at token k says where someone lives: "Herbert Lattin, 35, of Edmonton", "Leonard of Ada",
    "residents of Boyce" (after a comma, an age, a person's name or a residence noun)."""
    if k == 0:
        return False
    prev = words.texts[k - 1]
    return prev == "," or prev.isdigit() or k in person_ends or prev.lower() in RESIDENCE_NOUNS


@lru_cache(maxsize=4096)
def rare(name: str) -> bool:
    """A name that is not an everyday English word ("Pirbright", not "Congress" or "Driver")."""
    from wordfreq import zipf_frequency  # the pipeline's cleaner and quantities load it already

    return zipf_frequency(name.lower(), "en") < COMMON_WORD_ZIPF
