"""The smallest region that holds the document's other places, and the cues that a name is used as a town.

A small-town story names its town, the county, the state and nearby towns: all of them but the town's
famous namesake lie in one first-level admin area ("Lebanon" beside "Lebanon County" and "Annville",
Pennsylvania; "London" beside "Laurel County", Kentucky). ``region_of`` finds that area from the
other names' choices; ``resolve`` gives a name's sense inside it ``REGION_BONUS`` when the name's
likeliest sense on its own lies outside it, and lets a country's name ("Lebanon") be a town there only
where the document uses it as one (``town_use``): before a local noun ("Lebanon police"), after a
locative ("in Lebanon", "near Lebanon"), after "the city/town/village of", or as the name of a county the document names ("Lebanon
County"). One sense per discourse: a cue for one mention of a name holds for all its mentions.
"""
from __future__ import annotations

import re
from functools import cache
from importlib import resources

from .gazetteer import KIND_ADMIN, KIND_CITY, KIND_COUNTRY, KIND_REGION, Candidate, name_key

__all__ = ["region_of", "in_region", "mark_town_use", "state_towns", "sense_key", "townsfolk_towns", "villages_abroad", "TOWN_LOCATIVES",
           "ABROAD_MAX_POPULATION"]

STATE_STYLE = {"US"}  # countries whose news gives a town of another state its state (AP style)
ABROAD_MAX_POPULATION = 50_000  # a foreign town this small in a one-state story is a village the gazetteer lacks
TOWN_LOCATIVES = {"in", "at", "near", "outside", "around"}  # not "to"/"from"/"via": one travels to a country
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[ \t]+$")
_TOWN_OF = re.compile(r"\b(?:city|town|village|township|borough)[ \t]+of[ \t]+$", re.I)  # "the city of Turkey"
_WORD_AFTER = re.compile(r"[ \t]+([a-z]+)")
_DIVISIONS = ("County", "Parish", "Borough", "Township")
_ARTICLE_BEFORE = re.compile(r"(?:^|[^\w])(?:a|an|A|An)[ \t]+$")


@cache
def _local_nouns() -> frozenset[str]:
    path = resources.files("tidings.data.places").joinpath("attributive_nouns.txt")
    return frozenset(w.strip() for w in path.read_text(encoding="utf-8").splitlines() if w.strip() and w[0] != "#")


def mark_town_use(mentions: list, text: str, in_area=lambda c: False) -> None:
    """Set ``town_use`` on the mentions of every name that one of its mentions uses as a town, or
    whose town sense lies in the document's area (`in_area`: focus.area_test; "Lebanon" beside "Wilson
    County", Tennessee, which holds Lebanon)."""
    nouns = _local_nouns()
    used: set[str] = {name_key(m.text) for m in mentions
                      if any(c.kind == KIND_COUNTRY for c in m.candidates) and any(in_area(c) for c in m.candidates)}
    for m in mentions:
        key = name_key(m.text)
        if key in used:
            continue
        before = _WORD_BEFORE.search(text, max(0, m.start - 20), m.start)
        after = _WORD_AFTER.match(text, m.end)
        if before and before.group(1).lower() in TOWN_LOCATIVES or after and after.group(1) in nouns \
                or _TOWN_OF.search(text, max(0, m.start - 20), m.start) \
                or any(f"{m.text} {d}" in text for d in _DIVISIONS):
            used.add(key)
    for m in mentions:
        m.town_use = name_key(m.text) in used
    state_towns(mentions, text, in_area)


def sense_key(c: Candidate) -> tuple:
    """One gazetteer entry, whichever lookup made its Candidate."""
    return c.kind, c.name, c.lat, c.lon


def state_towns(mentions: list, text: str, in_area) -> None:
    """"A Nevada man", "Delaware police" beside "Story County" or "Delaware County": a state's name before a
    local noun or a town body (or between "a" and a noun for a person) is a town of that name when one lies
    in the document's area (`in_area`, focus.area_test); every mention of the name then may be that town
    (``area_towns``: those senses, as ``sense_key``). Only such a use: "moved to Nevada" stays the state."""
    nouns, folk = _local_nouns(), _townsfolk()
    towns: dict[str, frozenset[int]] = {}
    for m in mentions:
        if not any(c.kind == KIND_ADMIN and c.feature == "ADM1" and not c.alias for c in m.candidates):
            continue
        after = _WORD_AFTER.match(text, m.end)
        if not (after and (after.group(1) in nouns or after.group(1) in folk
                           and _ARTICLE_BEFORE.search(text, max(0, m.start - 4), m.start))
                or _municipal().match(text, m.end)):
            continue
        near = frozenset(sense_key(c) for c in m.candidates if in_area(c))
        if near:
            towns[name_key(m.text)] = near
    for m in mentions:
        m.area_towns = towns.get(name_key(m.text), frozenset())


@cache
def _townsfolk() -> frozenset[str]:
    path = resources.files("tidings.data.places").joinpath("townsfolk_nouns.txt")
    return frozenset(w.strip() for w in path.read_text(encoding="utf-8").splitlines() if w.strip() and w[0] != "#")


@cache
def _municipal() -> re.Pattern:
    path = resources.files("tidings.data.places").joinpath("municipal_bodies.txt")
    phrases = [w.strip() for w in path.read_text(encoding="utf-8").splitlines() if w.strip() and w[0] != "#"]
    return re.compile(r"[ \t]+(?:%s)\b" % "|".join(re.escape(p).replace(r"\ ", r"[ \t]+") for p in phrases), re.I)


def townsfolk_towns(mentions: list, text: str) -> None:
    """"A Lebanon man": a name after "a"/"an" and before a noun for a person (``townsfolk_nouns.txt``),
    or before a body only a town has ("the Lebanon school board", ``municipal_bodies.txt``), is a town,
    not the country of that name (one writes "a Lebanese man"); every mention of the name
    then loses its country senses when it has towns or admin areas ("a Georgia man": the US state; one
    sense per discourse)."""
    nouns = _townsfolk()
    towns: set[str] = set()
    for m in mentions:
        if not any(c.kind == KIND_COUNTRY for c in m.candidates):
            continue
        after = _WORD_AFTER.match(text, m.end)
        if after and after.group(1) in nouns and _ARTICLE_BEFORE.search(text, max(0, m.start - 4), m.start) \
                or _municipal().match(text, m.end):
            towns.add(name_key(m.text))
    for m in mentions:
        if towns and name_key(m.text) in towns and any(c.kind in (KIND_CITY, KIND_ADMIN) for c in m.candidates):
            m.candidates = [c for c in m.candidates if c.kind != KIND_COUNTRY]


def region_of(tops: dict[str, Candidate], key: str) -> tuple[str, str] | None:
    """(country code, admin1 key) of the first-level admin area that holds the choices of all the
    names other than ``key``, when there is one and it is said clearly: a county or the state itself
    is among them, or two towns. One town of another area is a stray (a namesake of a village the
    gazetteer lacks: "Oneida" beside "Clay County" and "Kentucky") when the area has two names or
    more and the stray is no county or state. A country among the other names (other than the one
    the area is in) means the story is not only about one area: None."""
    areas: dict[tuple[str, str], list[int]] = {}  # area -> [clear names, towns]
    for other, c in tops.items():
        if other == key:
            continue
        if c.kind in (KIND_COUNTRY, KIND_REGION):
            if c.cc:
                continue  # "United States" beside its states: checked below
            return None
        if c.kind == KIND_ADMIN and c.feature == "ADM1":
            here, clear = (c.cc, name_key(c.name)), True
        elif c.admin1 and c.cc:
            here, clear = (c.cc, name_key(c.admin1)), c.kind == KIND_ADMIN
        else:
            return None
        counts = areas.setdefault(here, [0, 0])
        counts[0 if clear else 1] += 1
    if not areas:
        return None
    area = max(areas, key=lambda a: (sum(areas[a]), areas[a][0]))
    clear, towns = areas[area]
    strays = [counts for a, counts in areas.items() if a != area]
    if strays and (len(strays) > 1 or strays[0][0] or strays[0][1] > 1 or clear + towns < 2):
        return None
    if not (clear or towns >= 2):
        return None
    if any(c.kind in (KIND_COUNTRY, KIND_REGION) and c.cc != area[0] for o, c in tops.items() if o != key):
        return None
    return area


def in_region(c: Candidate, area: tuple[str, str] | None) -> bool:
    return area is not None and (c.kind == KIND_CITY or c.kind == KIND_ADMIN and c.feature != "ADM1") \
        and c.cc == area[0] and bool(c.admin1) and name_key(c.admin1) == area[1]


def villages_abroad(mentions: list, resolutions: list) -> list[int]:
    """The mentions (their indexes) whose only senses are small towns (or counties read from a bare
    name) outside the one state that holds all the document's other names: "Ringsted" in an Iowa story
    is an Iowa village the gazetteer lacks, not Ringsted, Denmark, and "Tioga" in a Rapides Parish story
    a Louisiana one, not Tioga County, New York (US news gives a town of another state its state:
    ``STATE_STYLE``; elsewhere only senses abroad count).
    The caller places them as local features."""
    tops = {name_key(m.text): r.choice for m, r in zip(mentions, resolutions) if r is not None and not m.qualifiers}
    out = []
    for n, (m, r) in enumerate(zip(mentions, resolutions)):
        c = r.choice if r is not None else None
        if c is None or m.qualifiers or not all(
                o.kind == KIND_CITY and o.population < ABROAD_MAX_POPULATION or o.alias and o.kind == KIND_ADMIN
                and o.feature == "ADM2" for o in m.candidates):
            continue
        area = region_of(tops, name_key(m.text))
        if area is not None and not any(in_region(o, area) or o.cc == area[0] and (
                o.kind == KIND_ADMIN and name_key(o.name) == area[1] or area[0] not in STATE_STYLE)
                                         for o in m.candidates):
            out.append(n)  # (a US town of another state would carry its state: "Tioga, N.Y.")
    return out
