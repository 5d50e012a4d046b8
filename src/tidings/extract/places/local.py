"""Local features the gazetteer lacks: streets, buildings, parks and villages, placed at the document's town.

A news story names the streets, schools, hospitals and hamlets of the town it is about; no
cities gazetteer lists them, but they lie within a few kilometres of that town. So a name that the
model tags a facility (``FAC``), a place (``GPE``) the gazetteer does not know, or a location,
organisation or proper-noun run whose last word says it is a street, building or local area
(``local_words.txt``: "Royal Street", "Cavan Institute", "Fire Island"), is placed at the town
named nearest to it in its sentence, else at the town the document names most. It carries no
GeoNames id, a feature code saying what it is (``STRT``, ``BLDG``, ``AREA``, ``LCTY``), and a low
confidence. Without a town in the document, nothing is placed. Names ending in an organisation word
(``organisation_words.txt``: "Highway Patrol", "Humane Society") are bodies, not places.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .gazetteer import Candidate
from .filters import in_title_case_line, possessed_by_person, road_designation

__all__ = ["LocalFeature", "local_features", "place_locals", "LOCAL_CONFIDENCE"]

LOCAL_CONFIDENCE = 0.3
MAX_TOKENS = 6
_FEATURE = {"street": "STRT", "building": "BLDG", "area": "AREA"}
_OF_PLACE = re.compile(r"\b(?:village|town|hamlet|suburb|township|settlement) of ((?:[A-Z][\w'\u2019-]+ ?){1,3})(?<! )"
                       r"|\b((?:[A-Z][\w'\u2019-]+ ){1,2})(?=(?:village|district|township|suburb|neighbou?rhood)\b)")
_OF_PLACE_WORDS = ("village", "town", "hamlet", "suburb", "settlement", "district", "neighbo")  # in every match
_NAME = r"[A-Z][\w'\u2019-]+(?: [A-Z][\w'\u2019-]+){0,2}"
_OF_PLACES = re.compile(rf"\b(?:villages|towns|hamlets|settlements) of ((?:{_NAME}, )*{_NAME},? (?:and|or) {_NAME})")
_LIST_NAME = re.compile(_NAME)
_TOWNSHIP = ("Township", "Twp.")  # "Washington Township police": a township, wherever it stands
_PLURAL_OF = ("villages of", "towns of", "hamlets of", "settlements of")
_STREET_TAIL = re.compile(r"(Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard|Blvd\.|Drive|Lane|Parkway)\b")
_TITLE_BREAK = re.compile(r"\b(?:Along|Near|From|With|Into|Onto|Over|Past|After|Before|Across|Outside|Inside|Behind|"
                          r"Toward|Towards|Through|Under|Off|On|At|In|To|By|For|Of|And|The) ")  # capitalised in headlines
_ONE_WORD_NOT_A_FEATURE = re.compile(r"['\u2019]s?$")  # a possessive: a person's ("in Scott's district")
FUNCTION_WORD_ZIPF = 5.5  # wordfreq Zipf from which a capitalised word is a function word ("His", "Her", "Their")
_STREET_RUN = re.compile(r"\b((?:[A-Z][A-Za-z'\u2019]+|\d+(?:st|nd|rd|th)) ){1,3}")


@dataclass
class LocalFeature:
    start: int
    end: int
    text: str
    feature: str  # STRT | BLDG | AREA | LCTY


@cache
def _local_words() -> dict[str, str]:
    path = resources.files("tidings.data.places").joinpath("local_words.txt")
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            kind, word = line.split("\t")
            out[word.strip()] = _FEATURE[kind.strip()]
    return out


@cache
def _organisation_words() -> frozenset[str]:
    path = resources.files("tidings.data.places").joinpath("organisation_words.txt")
    return frozenset(w.strip() for w in path.read_text(encoding="utf-8").splitlines() if w.strip() and w[0] != "#")


def _function_word(word: str) -> bool:
    from wordfreq import zipf_frequency  # the pipeline's cleaner and quantities load it already

    return zipf_frequency(word.lower(), "en") >= FUNCTION_WORD_ZIPF


def _kind(words: list[str]) -> str | None:
    return _local_words().get(words[-1]) if words else None


_LOCATIVES = {"in", "at", "near", "outside", "across", "around", "into", "toward", "towards", "via", "from",
              "between", "of"}
_PLACE_NOUNS = {"village", "town", "district", "suburb", "township", "area", "neighbourhood", "neighborhood",
                "settlement", "camp", "county", "province", "region", "municipality", "city"}


def _placed(words, ent, known) -> bool:
    """A name the model calls a place that reads as one: after "in"/"near" …, before "village" …,
    or followed by ", <a place the gazetteer knows>" ("Portroe, Tipperary")."""
    before = words.lower(ent.start - 1) if ent.start > 0 else ""
    if before in _LOCATIVES:
        return True
    after = min(words.n - ent.end, 3)  # the tokens ent.end:ent.end + after follow the name
    if after and words.lower(ent.end) in _PLACE_NOUNS:
        return True
    texts, caps = words.texts, words.caps
    if after >= 2 and texts[ent.end] == "," and caps[ent.end + 1]:
        last = ent.end + 2 if after == 3 and caps[ent.end + 2] else ent.end + 1
        return known(words.text[words.starts[ent.end + 1]:words.end(last)]) or known(texts[ent.end + 1])
    return False


def _street_words(text: str) -> bool:
    """Whether `text` holds a word ``_STREET_TAIL`` looks for (most articles have none)."""
    return any(w in text for w in ("Street", "St.", "Avenue", "Ave.", "Road", "Rd.", "Boulevard", "Blvd.", "Drive",
                                   "Lane", "Parkway"))


def local_features(words, text: str, taken: list[bool], known, generic=lambda surface: False) -> list[LocalFeature]:
    """Spans outside the places already found that name a local feature (``words``: the doc's
    ``context.Words``). ``known(surface)`` says whether the gazetteer has a name (those are
    left to the gazetteer's own rules); ``generic(surface)`` whether a word is mostly no place's
    name ("Metro" of "Metro police": a one-word feature that is one is a body, not a building)."""
    out: list[LocalFeature] = []
    used = list(taken)

    def take(s: int, e: int, feature: str) -> None:
        while s < e and text[s] in " \t":
            s += 1
        while e > s and text[e - 1] in " \t":
            e -= 1
        for lead in ("the ", "The "):
            if text.startswith(lead, s):
                s += len(lead)
        if e - s < 3 or any(used[s:e]) or not text[s:s + 1].isupper() or "\n" in text[s:e]:
            return
        if any(True for _ in _TITLE_BREAK.finditer(text, s, e)) and in_title_case_line(text, s):
            for word in _TITLE_BREAK.finditer(text, s, e):  # "Flood Waters Rise Along River Road": "River Road"
                s = word.end()
            if e - s < 3:
                return
        if " " not in text[s:e] and (generic(text[s:e]) or _ONE_WORD_NOT_A_FEATURE.search(text[s:e])
                                     or _function_word(text[s:e])):
            return  # "Metro police", "Downtown", "Scott's" (of "in Scott's district"), "His"
        if road_designation(text[s:e]):  # "County Road 3", "Highway 12 to": roads, not places
            return
        if text[s:e].split()[-1] in _organisation_words():  # "the Highway Patrol reported": a body
            return
        if possessed_by_person(text, e - 2 if text[e - 2:e] in ("'s", "\u2019s") else e):
            return  # "Helen Kunz's house": a person's
        for i in range(s, e):
            used[i] = True
        out.append(LocalFeature(s, e, text[s:e], feature))

    texts = words.texts
    for ent in words.ents:
        if ent.end - ent.start > MAX_TOKENS:
            continue
        names = [w for w in texts[ent.start:ent.end] if w[:1].isupper() or w[:1].isdigit()]
        kind = _kind(texts[ent.start:ent.end])
        if ent.label == "FAC":
            take(ent.start_char, ent.end_char, kind or "BLDG")
        elif ent.label == "GPE" and names and not known(ent.text) and not ent.text.isupper() \
                and (_placed(words, ent, known) or texts[ent.end - 1] in _TOWNSHIP and len(names) >= 2):
            take(ent.start_char, ent.end_char, kind or "LCTY")
        elif ent.label in ("LOC", "ORG") and kind and len(names) >= 2:
            take(ent.start_char, ent.end_char, kind)
    # "the village of Kampungu", "Cacuaco district" (most articles have none of the words _OF_PLACE needs)
    for hit in _OF_PLACE.finditer(text) if any(w in text for w in _OF_PLACE_WORDS) else ():
        s, e = hit.span(1) if hit.group(1) else hit.span(2)
        if not known(text[s:e].strip()):
            take(s, e, "LCTY")
    for hit in _OF_PLACES.finditer(text) if any(w in text for w in _PLURAL_OF) else ():  # "villages of Foua and Kfraya"
        for name in _LIST_NAME.finditer(text, hit.start(1), hit.end(1)):
            if not known(name.group(0)):
                take(name.start(), name.end(), "LCTY")
    for hit in _STREET_RUN.finditer(text) if _street_words(text) else ():  # "Desire Street" the model did not tag
        tail = _STREET_TAIL.match(text, hit.end())
        if tail:
            take(hit.start(), hit.end() + len(tail.group(0)), "STRT")
    return out


def place_locals(features: list[LocalFeature], towns: list[tuple[int, int, Candidate, float]],
                 sentence_of) -> list[tuple[LocalFeature, Candidate]]:
    """Each feature with the town it is placed at: the nearest town in its sentence, else the
    document's most named town (``towns``: (start, sentence, chosen candidate, confidence) of
    resolved towns)."""
    if not features or not towns:
        return []
    counts: Counter = Counter()
    first: dict = {}
    for start, _, c, _confidence in towns:  # the town named most often (first named on a tie)
        counts[c.geonameid or (c.lat, c.lon)] += 1
        first.setdefault(c.geonameid or (c.lat, c.lon), (start, c))
    focus = max(first.items(), key=lambda kv: (counts[kv[0]], -kv[1][0]))[1][1]
    out = []
    for f in features:
        sent = sentence_of(f.start)
        same = [(abs(s - f.start), c) for s, si, c, _ in towns if si == sent]
        town = min(same, key=lambda x: x[0])[1] if same else focus
        out.append((f, town))
    return out
