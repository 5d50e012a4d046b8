"""The document's own area as a prior: local papers write about their own region.

A small-town story names its town, the county or parish, the state and nearby towns; the town's
famous namesake lies far from all of them. Each other name of the document (and the source's home
place, when known) supports the senses of a name that lie near one of its own senses, or inside a
first-level admin area it names:

- each sense of a name weighs by how likely it is on its own against the name's likeliest sense
  (``exp(score - best score)`` over the first-pass scores): "Black Hawk County" (one sense) weighs
  1, each of the equal "Plymouth County" senses 1, a village namesake of a big city next to nothing;
- senses weighing less than ``MIN_WEIGHT`` support nothing: two unlikely villages near each other
  ("Charleston" on Staten Island, "Somerville" in New Jersey, beside a Virginia story) do not hold
  each other up over the rounds;
- a town or county is supported by another name when a sense of that name (a town or county) lies
  within ``COHERENCE_KM`` of it; the support is the sum over the other names of the largest such
  weight (``Support.of``), capped in ``resolve``. A named state already helps its towns there
  (``ADMIN_NAMED_BONUS``).

A name never supports itself (its other mentions are left out), as for the other context votes.
"""
from __future__ import annotations

import math
from typing import Callable

from .gazetteer import KIND_ADMIN, KIND_CITY, KIND_COUNTRY, Candidate, name_key
from .namesakes import big_city, shadow_ids

__all__ = ["Support", "sense_shares", "home_senses", "backed_small_towns", "area_test", "state_area", "HOME_KEY",
           "AREA_KM", "AREA_MIN_POPULATION", "STATE_TOWN_MIN_POPULATION"]

COHERENCE_KM = 100.0  # a sense of another name this close supports a town or county
MAX_SENSES = 12  # names with more local senses than this support nothing (too common to say where)
TEMPERATURE = 1.0  # of the softmax over first-pass scores (log10-population units)
MIN_WEIGHT = 0.3  # senses weighing less than this support nothing
HOME_KEY = "\x00home"  # the source's home place, as one more name of the document
AREA_KM = 40.0  # a town this close to a sense of a county the document names lies in the document's area
AREA_MIN_POPULATION = 1_000  # towns of the document's area taken before "man" or after "in" from this size
STATE_TOWN_MIN_POPULATION = 10_000  # towns of a state the document names, taken before "man" from this size


def _local(c: Candidate) -> bool:
    return not c.alias and (c.kind == KIND_CITY or c.kind == KIND_ADMIN)


def sense_shares(ranked: list[tuple[Candidate, float]], max_senses: int = MAX_SENSES) -> list[tuple[Candidate, float]]:
    """The local senses (towns, counties, states) of a first-pass ranking with their weights."""
    if not ranked:
        return []
    local = [(c, s) for c, s in ranked if _local(c)]
    if not local or len(local) > max_senses:
        return []
    top = ranked[0][1]
    weights = [math.exp((s - top) / TEMPERATURE) for _, s in ranked]
    total = max(weights)  # the likeliest sense weighs a whole vote
    return [(c, math.exp((s - top) / TEMPERATURE) / total) for c, s in local]


class Support:
    """How much the document's other names support each town or county sense of a name."""

    def __init__(self, shares_by_name: dict[str, list[tuple[Candidate, float]]]) -> None:
        self.by_name = {k: v for k, v in shares_by_name.items() if v}
        # a namesake village of a big city supports nothing unless it is its name's choice (namesakes.py)
        self.shadows = {k: shadow_ids([c for c, _ in v]) - {id(c) for c, w in v if w >= 1.0} for k, v in self.by_name.items()}

    def of(self, c: Candidate, key: str, shadow: bool = False) -> float:
        """The support of the names other than ``key`` for candidate ``c`` (0 for countries, regions, states);
        for a namesake village of a big city (``shadow``), big cities named beside it support nothing."""
        if not (c.kind == KIND_CITY or c.kind == KIND_ADMIN and c.feature != "ADM1"):
            return 0.0
        total = 0.0
        for other, senses in self.by_name.items():
            if other == key:
                continue
            best = 0.0
            shadows = self.shadows[other]
            for s, w in senses:
                if w <= best or w < MIN_WEIGHT or s.cc != c.cc or id(s) in shadows or shadow and big_city(s):
                    continue
                if s.kind == KIND_ADMIN and s.feature == "ADM1" or not _local(s):
                    continue  # a named state supports its towns through ADMIN_NAMED_BONUS already; a
                    # country (a home place "United States") through its vote, not through its point
                if abs(s.lat - c.lat) < 1.0 and _km(c.lat, c.lon, s.lat, s.lon) < COHERENCE_KM:
                    best = w
            total += best
        return total


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def home_senses(gaz, text: str | None, prior) -> list[Candidate]:
    """The gazetteer entries a source's home place names: "Alexandria, La." (the town in that state),
    "Rapides Parish, Louisiana", "Texas", "Kayseri"; a bare ambiguous town name is its likeliest sense.
    Empty when the gazetteer does not know it. `prior` is resolve.prior (passed in: resolve reads
    this module)."""
    text = " ".join((text or "").split())
    if not text:
        return []
    name, _, qualifier = text.rpartition(",") if "," in text else (text, "", "")
    name, qualifier = name.strip(), qualifier.strip()
    senses = [c for c in gaz.lookup(name) if not c.alias and c.kind in (KIND_CITY, KIND_ADMIN, KIND_COUNTRY)]
    if qualifier:
        quals = [q for q in gaz.abbreviation(qualifier) + gaz.lookup(qualifier)
                 if q.kind == KIND_COUNTRY or q.kind == KIND_ADMIN and q.feature == "ADM1"]
        senses = [c for c in senses if any(
            c.cc == q.cc and (q.kind == KIND_COUNTRY or c.admin1 and name_key(c.admin1) == name_key(q.name))
            for q in quals)]
    if not senses:
        return []
    best = max(prior(c) for c in senses)
    return [c for c in senses if prior(c) == best][:1] if not qualifier else senses


def backed_small_towns(mentions: list, resolutions: list, resolve, home: list[Candidate] = ()) -> list:
    """Towns of 500 to 999 people (``towns500.tsv.gz``) only where the document names their state or
    another place in it ("Hinton" beside "Plymouth County", Iowa); elsewhere a person or a word
    ("Brunson", "Marburg virus") is more likely than a village. `resolve` is resolve.resolve."""
    areas: dict[tuple[str, str], set[str]] = {}
    for c in home:  # the source's home state backs its villages
        area = c.name if c.kind == KIND_ADMIN and c.feature == "ADM1" else c.admin1
        if c.cc and area:
            areas.setdefault((c.cc, name_key(area)), set()).add("\x00home")
    for m, res in zip(mentions, resolutions):
        if res is None:
            continue
        c = res.choice
        area = c.name if c.kind == KIND_ADMIN and c.feature == "ADM1" else c.admin1
        if c.cc and area:
            areas.setdefault((c.cc, name_key(area)), set()).add(name_key(m.text))
        for q in m.qualifiers:
            if q.kind == KIND_ADMIN:
                areas.setdefault((q.cc, name_key(q.name)), set()).add(name_key(m.text) + "\x00q")
    from .gazetteer import gazetteer

    small = gazetteer().towns500
    unbacked = [m for m, res in zip(mentions, resolutions)
                if res is not None and res.choice.geonameid in small and res.choice.kind == KIND_CITY
                and not (res.choice.admin1 and areas.get((res.choice.cc, name_key(res.choice.admin1)), set())
                         - {name_key(m.text)})]
    if not unbacked:
        return resolutions
    for m in unbacked:  # resolve again without the village: the next sense, or none
        m.candidates = [c for c in m.candidates if c.geonameid not in small]
    return resolve(mentions, home)


def area_test(mentions, division) -> Callable[[Candidate], bool]:
    """Whether a town lies in the document's area: within ``AREA_KM`` of a sense of a county or parish
    the document names as such (``division(mention)``: "Miami County", "Boone County") or of a town
    it names that has no namesake. "Troy residents" beside "Miami County" (Troy, Ohio) and "a Columbia
    man" beside "Boone County" (Columbia, Missouri) are towns there, though "Troy" and "Columbia" are
    everyday words and neither is the biggest of its name."""
    points = []
    for m in mentions:
        if division(m):
            points += [(c.lat, c.lon) for c in m.candidates if c.kind == KIND_ADMIN and c.feature == "ADM2"]
        elif len(m.candidates) == 1 and m.candidates[0].kind == KIND_CITY:
            points.append((m.candidates[0].lat, m.candidates[0].lon))

    def inside(c: Candidate) -> bool:
        return c.kind == KIND_CITY and not c.alias and c.population >= AREA_MIN_POPULATION and any(
            abs(c.lat - la) < 0.5 and _km(c.lat, c.lon, la, lo) < AREA_KM for la, lo in points)
    return inside


def state_area(mentions, inside: Callable[[Candidate], bool]) -> Callable[[Candidate], bool]:
    """`inside` (``area_test``), or a town of ``STATE_TOWN_MIN_POPULATION`` people or more in a state the
    document names by a name that is only a state ("Missouri", not "Georgia"): "a Columbia man" beside
    "Missouri" is Columbia, Missouri, though "Columbia" is an everyday word. For the names before a
    local noun ("man", "police") only, where a town is meant."""
    states = {(c.cc, name_key(c.name)) for m in mentions if m.candidates and all(
        c.kind == KIND_ADMIN and c.feature == "ADM1" and not c.alias for c in m.candidates) for c in m.candidates}
    if not states:
        return inside

    def test(c: Candidate) -> bool:
        return inside(c) or c.kind == KIND_CITY and not c.alias and c.population >= STATE_TOWN_MIN_POPULATION \
            and bool(c.admin1) and (c.cc, name_key(c.admin1)) in states
    return test
