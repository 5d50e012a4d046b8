"""Towns named before a local noun ("a Danbury man", "London police said", "Lima firefighters"), and
after the name of a division ("the County of Brant", "the City of Toronto", "Town of Pineville").

Local news names its own towns this way more than after "in". A proper noun of one to three
capitalised words right before a noun of ``attributive_nouns.txt``, not the end of a longer name
("Mayor John Danbury police" is not a town), is a place when the gazetteer has a town of that name
in a country the document is already about (``LOCAL_MIN_POPULATION`` people and more) or one of
``ANY_MIN_POPULATION`` and more anywhere, and the name is no everyday English word ("a Black man",
"Mobile police"; those are left to one sense per document, which takes them where the document
names the town otherwise).
"""
from __future__ import annotations

import re
from functools import cache
from importlib import resources

from spacy.symbols import PROPN

from .gazetteer import KIND_ADMIN, KIND_CITY
from .filters import in_title_case_line
from .locative import RARE_ANY_POPULATION, rare

__all__ = ["scan_attributive", "scan_division_of", "scan_division_list", "LOCAL_MIN_POPULATION", "ANY_MIN_POPULATION"]

LOCAL_MIN_POPULATION = 5_000
ANY_MIN_POPULATION = 50_000
MAX_TOKENS = 3
_ARTICLES = {"a", "an", "the"}
_BODIES = {"police", "officers", "firefighters", "detectives", "deputies", "paramedics", "officials"}  # a town's
RELABELLED = {"PERSON", "ORG", "NORP", "PRODUCT"}  # labels the model gives such names by mistake


@cache
def _nouns() -> frozenset[str]:
    path = resources.files("tidings.data.places").joinpath("attributive_nouns.txt")
    return frozenset(w.strip() for w in path.read_text(encoding="utf-8").splitlines() if w.strip() and w[0] != "#")


def scan_attributive(words, text: str, gaz, add, countries: set[str], common, in_area=lambda c: False) -> None:
    """Add the towns named before a local noun (see the module). `words` is context.Words, `add`
    the mentions' adder, `countries` the ISO alpha-2 codes the document is about, `common(name)`
    whether a name is an everyday English word, `in_area(candidate)` whether a town lies in the
    document's area (``focus.area_test``: such towns are taken whatever their size or name)."""
    nouns = _nouns()
    if not any(f" {w}" in text for w in ("man", "woman", "police", "resident", "school", "officer", "council",
                                         "firefighter", "driver", "teen", "native", "family", "deput", "boy",
                                         "girl", "couple", "mother", "father", "business", "church", "hospital",
                                         "neighbo", "mayor", "student", "youth", "homeowner", "motorist",
                                         "paramedic", "detective", "men ", "women")):
        return
    texts, caps, pos, starts, in_ent = words.texts, words.caps, words.pos, words.starts, words.in_ent
    spans = {(e.start, e.end): e.label for e in words.ents}
    for k in range(1, words.n):
        headline = texts[k] not in nouns
        if headline and not (texts[k][:1].isupper() and texts[k].lower() in nouns
                             and in_title_case_line(text, starts[k])):
            continue  # ("Boone Teen Wins Scholarship": the noun is capitalised in a title-case headline,
            # where the model's entities run across words: "Boone Teen Wins Scholarship" as one ORG)
        for length in range(min(MAX_TOKENS, k), 0, -1):
            i = k - length
            if not all(caps[j] and pos[j] == PROPN for j in range(i, k)) and not (
                    length == 1 and caps[i] and any(in_area(c) for c in gaz.lookup(texts[i]))):
                continue  # (a town of the document's area the model calls a noun: "Troy residents" opening a sentence)
            if i > 0 and caps[i - 1] and pos[i - 1] == PROPN and texts[i - 1].lower() not in _ARTICLES:
                continue  # the end of a longer name (not "A" of "A Sidney woman", which the model calls one)
            if any(in_ent[i:k]) and spans.get((i, k)) not in RELABELLED | {"GPE"} and not headline:
                continue
            surface = text[starts[i]:words.end(k - 1)]
            cands = gaz.lookup(surface)
            if common(surface) and not any(in_area(c) for c in cands) and not (
                    i > 0 and texts[i - 1][:1].islower() and texts[k] in _BODIES and any(
                        c.kind == KIND_CITY and not c.alias and c.population >= ANY_MIN_POPULATION for c in cands)):
                continue  # "a Black man"; but "Troy residents" beside "Miami County", "said Mobile police"
            towns = [c for c in cands if c.kind == KIND_CITY and not c.alias and (
                c.cc in countries and c.population >= LOCAL_MIN_POPULATION or c.population >= ANY_MIN_POPULATION
                or in_area(c) or c.population >= RARE_ANY_POPULATION and rare(surface))]
            if towns and add(starts[i], words.end(k - 1), "scan", False):
                break


_DIVISION_OF = re.compile(r"\b(?:County|Parish|Borough|Township|Municipality|City|Town|Village|Region|District)"
                          r" of ((?:[A-Z][\w'\u2019-]+)(?: [A-Z][\w'\u2019-]+){0,2})")


def scan_division_of(text: str, gaz, add) -> None:
    """"the County of Brant", "City of Toronto": the name after a division word and "of" is a place
    when the gazetteer has a town or admin area of that name (the longest such run of its words)."""
    if " of " not in text:
        return
    for hit in _DIVISION_OF.finditer(text):
        s, e = hit.span(1)
        while e > s:
            if any(c.kind in (KIND_CITY, KIND_ADMIN) and not c.alias for c in gaz.lookup(text[s:e])):
                add(s, e, "scan", False)
                break
            e = text.rfind(" ", s, e) if " " in text[s:e] else s


_NAME = r"[A-Z][\w'\u2019.-]*(?: [A-Z][\w'\u2019.-]*)?"
_DIVISION_LIST = re.compile(r"\b(%s(?:(?:,| and| or|, and|, or) %s)+) (parishes|counties|boroughs)\b" % (_NAME, _NAME))
_LIST_SPLIT = re.compile(r",? (?:and|or) |, ")
_PLURAL = {"parishes": "Parish", "counties": "County", "boroughs": "Borough"}


def scan_division_list(text: str, gaz, add) -> None:
    """"Grant and Rapides parishes", "Lee, Ogle and Winnebago counties": each name of the list is the
    division of that name when the gazetteer knows it ("Grant Parish"), not the town or the Australian
    county the bare name would be."""
    if not any(w in text for w in (" parishes", " counties", " boroughs")):
        return
    for hit in _DIVISION_LIST.finditer(text):
        word = _PLURAL[hit.group(2)]
        pos = hit.start(1)
        for name in _LIST_SPLIT.split(hit.group(1)):
            start = text.index(name, pos)
            pos = start + len(name)
            senses = [c for c in gaz.lookup(f"{name} {word}") if c.kind == KIND_ADMIN and not c.alias]
            if senses:
                add(start, start + len(name), "scan", False, only=senses)
