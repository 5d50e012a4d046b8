"""Toponym resolution: pick, for each place mention, the gazetteer entry the document means.

Two passes. The first scores candidates on their own (feature type, population, capital); the
countries and admin areas the confident first-pass picks fall in become the document's context.
The second pass adds that context: an explicit qualifier ("Alexandria, La.", "Paris, Texas"), the
share of the document's other places in the candidate's country, and admin areas named elsewhere.
A mention never votes for itself (other mentions of the same name are left out of its context).
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .gazetteer import KIND_ADMIN, KIND_CITY, KIND_COUNTRY, KIND_REGION, Candidate, name_key
from .focus import HOME_KEY, Support, sense_shares
from .region import in_region, region_of, sense_key
from .namesakes import big_city, shadow_ids

_DIVISION_WORDS = frozenset(("County", "Parish", "Borough"))

__all__ = ["Mention", "Resolution", "resolve", "distance_km"]

# Scores are in "log10 population" units: a city of 1M people scores 6.0 before context.
# Tuned by hand on 60-article subsets of the pooled dev set (see docs/PLACES.md).
PRIOR_COUNTRY = 9.0
PRIOR_REGION = 8.5
PRIOR_ADM1 = 6.0
PRIOR_ADM2 = 5.0
CAPITAL_BONUS = 1.5
ALIAS_PENALTY = 1.5  # matched through an alternate (or suffix-less) name
QUALIFIER_BONUS = 6.0  # "Paris, Texas": the qualifier names the candidate's admin area or country
COUNTRY_SHARE_WEIGHT = 3.0  # times the share of the document's other places in the candidate's country
SHARE_FULL_VOTES = 3.0  # with fewer other places than this, the share counts proportionally less
ADMIN_NAMED_BONUS = 1.5  # the candidate city's admin area is named elsewhere in the document
PROXIMITY_BONUS = 2.0  # a town within PROXIMITY_KM of another town the document names
PROXIMITY_KM = 150.0
SIBLING_ADMIN_BONUS = 1.0
SAME_ADMIN_BONUS = 3.0  # a state (ADM1) that another name of the document also is ("Wash.", "Ga.")
CONTAINS_BONUS = 1.5  # an admin area that holds towns the document names ("Ontario" beside "Toronto")  # other admin areas of the candidate's country are named in the document
KIND_HINT_BONUS = 3.0  # "Nyanza province", "Washington state": the next word says what kind of place
COLOCATED_BONUS = 1.5  # a town or county within COLOCATED_KM of a sense of another few-sense name
COLOCATED_KM = 60.0
COLOCATED_MAX_SENSES = 12
COHERENCE_WEIGHT = 2.5  # times the support of the document's other names for a town or county (below)
COHERENCE_CAP = 2.0  # support counted up to this many other names (focus)
ROUNDS = 3  # resolution rounds at most (each reads the previous one's choices of the other names; the third
# only where the second changed a choice: "Greenville" and "Lowndes County" that held each other up in Alabama)
ROUND2_MAX_SENSES = 100  # a name the first round resolved supports through its likeliest senses however many it has
HOME_SUPPORT = 1.0  # the source's home place counts as this many other names
CUE_VOTES = 2.0  # country votes of the country a story's words say it is in ("Interstate 95"; cues.py)
SAME_COUNTRY_KM = 50.0  # alternatives closer than this to the choice are not listed
ALTERNATIVE_MARGIN = 2.0  # list rejected candidates scoring within this of the choice
MAX_ALTERNATIVES = 3
NAMED_COUNTRY_BONUS = 1.5  # a town of a country another name of the document is ('London' beside 'Canada')
NAMED_COUNTRY_MIN_POPULATION = 50_000  # … for towns this big ("London, Ohio" is not London beside "United States")
NAMED_CAPITAL_BONUS = 2.0  # … more for the capital of that country
TOWN_USE_BONUS = 1.5  # … more where the document uses the name as a town (region.mark_town_use)
REGION_BONUS = 2.0  # a sense inside the one state holding the document's other places, whose likeliest sense is outside (region.py)


@dataclass
class Mention:
    start: int
    end: int
    text: str
    source: str  # "ent" (model), "entity" (entities stage), "scan" (gazetteer), "qualifier"
    candidates: list[Candidate]
    qualifiers: list[Candidate] = field(default_factory=list)  # "City, <qualifier>"
    kind_hint: int | None = None  # KIND_ADMIN / KIND_CITY from the word after the name
    entity: str | None = None
    town_use: bool = False  # the document uses the name as a town somewhere (region.mark_town_use)
    area_towns: frozenset = frozenset()  # a state name's town senses the story uses (region.state_towns)

    @property
    def division(self) -> bool:
        """The name says it is a second-level division: "Montgomery County", "Rapides Parish"."""
        return self.text.rpartition(" ")[2] in _DIVISION_WORDS

    def _remembered(self, slot: str, compute):
        """`compute()`, remembered for the candidate list it was worked out on (every candidate's score reads
        these properties, and a later round may give the mention another list)."""
        key = (id(self.candidates), len(self.candidates))
        known = self.__dict__.get(slot)
        if known is None or known[0] != key:
            known = self.__dict__[slot] = (key, compute())
        return known[1]

    @property
    def wide(self) -> bool:
        """The name's likeliest sense on its own is a country, region or state ("California", "Georgia",
        not "Paris"): the document's nearby towns do not pull it to a namesake town."""
        def compute() -> bool:
            wide = [prior(c) for c in self.candidates if not c.alias and (
                c.kind in (KIND_COUNTRY, KIND_REGION) or c.kind == KIND_ADMIN and c.feature == "ADM1")]
            return bool(wide) and max(wide) >= max(prior(c) for c in self.candidates)
        return self._remembered("_wide", compute)

    @property
    def shadows(self) -> frozenset[int]:
        """``namesakes.shadow_ids`` of the candidates."""
        return self._remembered("_shadows", lambda: shadow_ids(self.candidates))

    @property
    def country_name(self) -> bool:
        """The name's likeliest sense on its own is a country ("Mexico", "Lebanon", not "Georgia")."""
        return self._remembered("_country", lambda: bool(self.candidates)
                                and max(self.candidates, key=prior).kind == KIND_COUNTRY)


@dataclass
class Resolution:
    choice: Candidate
    confidence: float
    alternatives: list[tuple[Candidate, float]]


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dphi, dlmb = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dlmb / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def prior(c: Candidate) -> float:
    if c.kind == KIND_COUNTRY:
        score = PRIOR_COUNTRY
    elif c.kind == KIND_REGION:
        score = PRIOR_REGION
    elif c.kind == KIND_ADMIN:
        score = PRIOR_ADM1 if c.feature == "ADM1" else PRIOR_ADM2
    else:
        score = math.log10(max(c.population, 1000))
        if c.feature == "PPLC" and not c.alias:  # not for old names: "Salisbury" is not Harare
            score += CAPITAL_BONUS
    return score - (ALIAS_PENALTY if c.alias else 0.0)


def _qualifier_match(c: Candidate, quals: list[Candidate]) -> bool:
    for q in quals:
        if q.kind == KIND_COUNTRY and c.cc == q.cc and c.kind != KIND_COUNTRY:
            return True
        if q.kind == KIND_ADMIN and c.cc == q.cc and c.kind in (KIND_CITY, KIND_ADMIN) and c.admin1 \
                and name_key(c.admin1) == name_key(q.name):
            return True
    return False


def _score(c: Candidate, m: Mention, shares: dict[str, float], admins: set[tuple[str, str]],
           points: list[tuple[float, float, bool]] = (), nearby: list[tuple[float, float, bool]] = (),
           holders: set[tuple[str, str]] = frozenset(), support: Support | None = None,
           region: tuple[str, str] | None = None, named: frozenset[str] = frozenset(),
           outside: bool | str = False) -> float:
    s = prior(c)
    if c.kind == KIND_CITY and c.cc in named and not m.wide and c.population >= NAMED_COUNTRY_MIN_POPULATION:
        s += NAMED_COUNTRY_BONUS
        if c.feature == "PPLC" and not c.alias and not any(
                o.kind == KIND_ADMIN and o.cc == c.cc and distance_km(o.lat, o.lon, c.lat, c.lon) > PROXIMITY_KM
                for o in m.candidates):  # (not "Washington" the state against the capital)
            s += NAMED_CAPITAL_BONUS  # "Paris" in a Kentucky story that names France: the French capital
    here = bool(outside) and in_region(c, region) and (not m.wide or m.town_use and outside == "abroad"
                                                       or sense_key(c) in m.area_towns)  # "a Nevada man", Story County
    if here:
        s += REGION_BONUS  # "London" beside "Laurel County": the Kentucky town, not the capital
        if m.town_use:
            s += TOWN_USE_BONUS  # "Cairo police" beside only "Illinois"
    shadow = id(c) in m.shadows  # a namesake village of a big city (namesakes.py)
    # a country's name is a town only where the document uses it as one ("to Mexico" in an Indiana story
    # is the country, however near Mexico, Indiana, lies): no bonus of nearby places otherwise
    near_ok = m.town_use or c.kind not in (KIND_CITY, KIND_ADMIN) or c.feature == "ADM1" or not m.country_name
    if support is not None and (not m.wide or here):
        s += COHERENCE_WEIGHT * min(COHERENCE_CAP, support.of(c, name_key(m.text), shadow))
    if c.kind == KIND_ADMIN and c.feature == "ADM1" and (c.cc, name_key(c.name)) in holders and not any(
            o.kind == KIND_CITY and o.cc == c.cc and o.population >= 100_000 for o in m.candidates):
        s += CONTAINS_BONUS
    if near_ok and (c.kind == KIND_CITY or c.kind == KIND_ADMIN and c.feature == "ADM2") and any(
            abs(c.lat - la) < 1 and distance_km(c.lat, c.lon, la, lo) < COLOCATED_KM for la, lo, big in nearby
            if not (shadow and big)):
        s += COLOCATED_BONUS  # "Hinton" and "Plymouth County": a town and a county that lie together
    if near_ok and c.kind == KIND_CITY and any(abs(c.lat - la) < 2 and distance_km(c.lat, c.lon, la, lo) < PROXIMITY_KM
                                               for la, lo, big in points if not (shadow and big)):
        s += PROXIMITY_BONUS
    elif c.kind == KIND_ADMIN and c.feature == "ADM2" and m.division and any(
            abs(c.lat - la) < 1 and distance_km(c.lat, c.lon, la, lo) < COLOCATED_KM for la, lo, _ in points):
        s += PROXIMITY_BONUS  # "Montgomery County" beside "Willis": the county that holds the town
    if m.qualifiers and _qualifier_match(c, m.qualifiers):
        s += QUALIFIER_BONUS
    if m.kind_hint is not None and c.kind == m.kind_hint and (c.kind != KIND_ADMIN or c.feature != "ADM2"):
        s += KIND_HINT_BONUS
    if c.cc and c.kind != KIND_COUNTRY:
        s += COUNTRY_SHARE_WEIGHT * shares.get(c.cc, 0.0)
    if near_ok and c.kind in (KIND_CITY, KIND_ADMIN) and c.admin1 and c.admin1 != c.name \
            and (c.cc, name_key(c.admin1)) in admins:
        s += ADMIN_NAMED_BONUS  # a town or county of a state named elsewhere
    if c.kind == KIND_ADMIN and not c.alias and any(cc == c.cc for cc, _ in admins):
        s += SIBLING_ADMIN_BONUS  # "Georgia" next to "Alabama" and "Florida" is the state
        if c.feature == "ADM1" and (c.cc, name_key(c.name)) in admins:
            s += SAME_ADMIN_BONUS  # "Washington" beside "CAMP MURRAY, Wash.": the state another name names
    return s


def _ranked(m: Mention, shares, admins, points=(), nearby=(), holders=frozenset(), support=None, region=None,
            named=frozenset()) -> list[tuple[Candidate, float]]:
    outside: bool | str = False  # the name's likeliest sense lies outside the region ("abroad": in another country)
    if region is not None and m.candidates:
        likeliest = max(m.candidates, key=prior)
        if not in_region(likeliest, region):
            outside = "abroad" if likeliest.cc != region[0] else True
    scored = [(c, _score(c, m, shares, admins, points, nearby, holders, support, region, named, outside))
              for c in m.candidates]
    scored.sort(key=lambda x: (-x[1], -x[0].population))
    return scored


def _tied(ranked) -> bool:
    """The first two senses score the same and lie in different states: the choice is the gazetteer's
    order, not evidence ("Madison County" alone), and says nothing of the document's region."""
    return len(ranked) > 1 and abs(ranked[0][1] - ranked[1][1]) < 1e-9 and (
        ranked[0][0].cc != ranked[1][0].cc or ranked[0][0].admin1 != ranked[1][0].admin1)


def _inputs(m: Mention) -> tuple:
    """What ``_score`` reads of a mention, besides the context (the same objects: the same scores)."""
    return tuple(map(id, m.candidates)), tuple(map(id, m.qualifiers)), m.kind_hint


def resolve(mentions: list[Mention], home: list[Candidate] = (), home_votes: float = HOME_SUPPORT) -> list[Resolution | None]:
    """One resolution per mention (None where it has no candidate). ``home``: the senses of the
    source's home place (``--home``, ``source_location``), one more name of the document for context
    (``home_votes`` country votes: ``CUE_VOTES`` for the country of the story's words, ``cues``)."""
    # a name is mentioned twice on average: rank each set of senses once
    inputs = [_inputs(m) for m in mentions]
    firsts: dict[tuple, list] = {}
    first = []
    for m, key in zip(mentions, inputs):
        if key not in firsts:
            firsts[key] = _ranked(m, {}, set()) if m.candidates else []
        first.append(firsts[key])
    # the document's context, per surface name so that a name does not vote for itself
    votes: dict[str, Counter] = defaultdict(Counter)
    admin_by_name: dict[str, set[tuple[str, str]]] = defaultdict(set)
    points_by_name: dict[str, set[tuple[float, float, bool]]] = defaultdict(set)  # (lat, lon, a big city)
    nearby_by_name: dict[str, set[tuple[float, float, bool]]] = defaultdict(set)
    holders_by_name: dict[str, set[tuple[str, str]]] = defaultdict(set)
    shares_by_name: dict[str, list[tuple[Candidate, float]]] = {}
    if home:
        shares_by_name[HOME_KEY] = [(c, HOME_SUPPORT / len(home)) for c in home]
        for c in home:
            if c.cc:
                votes[HOME_KEY][c.cc] += home_votes / len(home)
            area = c.name if c.kind == KIND_ADMIN and c.feature == "ADM1" else c.admin1
            if c.cc and area and c.kind != KIND_COUNTRY:  # the home state counts as named
                admin_by_name[HOME_KEY].add((c.cc, name_key(area)))
    for m, ranked in zip(mentions, first):
        if not ranked:
            continue
        top = ranked[0][0]
        key = name_key(m.text)
        if (key not in shares_by_name or m.qualifiers) and not (top.kind == KIND_CITY and len(ranked) == 1):
            # (an unambiguous town supports its neighbours through PROXIMITY_BONUS already)
            shares_by_name[key] = sense_shares(ranked) + [(q, 1.0) for q in m.qualifiers if q.kind == KIND_ADMIN]
        if top.cc:
            votes[key][top.cc] += 1.0
        if top.kind == KIND_ADMIN:
            admin_by_name[key].add((top.cc, name_key(top.name)))
        if top.kind in (KIND_CITY, KIND_ADMIN) and top.feature != "ADM1" and top.admin1 and top.cc:
            holders_by_name[key].add((top.cc, name_key(top.admin1)))
        if top.kind == KIND_CITY and len(ranked) == 1:  # unambiguous towns anchor their neighbours
            points_by_name[key].add((top.lat, top.lon, big_city(top)))
        local = [c for c, _ in ranked if c.kind == KIND_CITY or c.kind == KIND_ADMIN and c.feature == "ADM2"]
        if 1 < len(local) <= COLOCATED_MAX_SENSES:  # a few-sense name: each sense may meet another's
            shadows = shadow_ids(local)  # (a namesake village of a big city is no evidence: namesakes.py)
            nearby_by_name[key].update((c.lat, c.lon, big_city(c)) for c in local if id(c) not in shadows)
        for q in m.qualifiers:
            if q.cc:
                votes[key][q.cc] += 1.0
            if q.kind == KIND_ADMIN:
                admin_by_name[key].add((q.cc, name_key(q.name)))
    tops: dict[str, Candidate] = {}  # each name's choice: first pass, then the previous round's
    for m, ranked in zip(mentions, first):
        if ranked and not m.qualifiers and not _tied(ranked):
            tops.setdefault(name_key(m.text), ranked[0][0])
    for round_ in range(ROUNDS):
        # round 2: the other names' senses weigh as the first round ranked them with context, so
        # "Lamar County" follows "Paris" once the document's other places made Paris the Texas town
        support = Support(shares_by_name)
        ranked_by_key: dict[str, list] = {}
        results: list[Resolution | None] = []
        contexts: dict[str, tuple] = {}  # the context of each name, made once for all its mentions
        done: dict[tuple, tuple] = {}  # (name, inputs) -> (choice, confidence, alternatives)
        for m, given in zip(mentions, inputs):
            if not m.candidates:
                results.append(None)
                continue
            key = name_key(m.text)
            if (key, given) in done:
                best, confidence, alternatives = done[key, given]
                results.append(Resolution(best, confidence, list(alternatives)))
                continue
            context = contexts.get(key)
            if context is None:
                total: Counter = Counter()
                admins: set[tuple[str, str]] = set()
                points: set[tuple[float, float, bool]] = set()
                nearby: set[tuple[float, float, bool]] = set()
                holders: set[tuple[str, str]] = set()
                for other, counter in votes.items():
                    if other != key:
                        holders |= holders_by_name[other]
                        total.update(counter)
                        admins |= admin_by_name[other]
                        points |= points_by_name[other]
                        nearby |= nearby_by_name[other]
                n = sum(total.values())
                weight = min(1.0, n / SHARE_FULL_VOTES)  # two names are weaker evidence of a country than ten
                shares = {cc: weight * v / n for cc, v in total.items()} if n else {}
                named = frozenset(c.cc for o, c in tops.items() if o != key and c.kind == KIND_COUNTRY and c.cc)
                context = contexts[key] = (shares, admins, list(points), list(nearby), holders, support,
                                           region_of(tops, key), named)
            ranked = _ranked(m, *context)
            ranked_by_key.setdefault(key, ranked)
            best, best_score = ranked[0]
            # candidates that put the place at the same spot (city and its province) agree with the choice
            agree = total_w = 0.0
            for c, s in ranked:
                w = math.exp(s - best_score)
                total_w += w
                if c is best or distance_km(best.lat, best.lon, c.lat, c.lon) < SAME_COUNTRY_KM:
                    agree += w
            confidence = agree / total_w
            alternatives = []
            for c, s in ranked[1:]:
                if best_score - s > ALTERNATIVE_MARGIN or len(alternatives) >= MAX_ALTERNATIVES:
                    break
                if distance_km(best.lat, best.lon, c.lat, c.lon) < SAME_COUNTRY_KM:
                    continue
                alternatives.append((c, s))
            done[key, given] = best, round(confidence, 3), alternatives
            results.append(Resolution(best, round(confidence, 3), list(alternatives)))
        if round_ + 1 < ROUNDS:
            chosen = {name_key(m.text): r.choice for m, r in zip(mentions, results)
                      if r is not None and not m.qualifiers and not _tied(ranked_by_key.get(name_key(m.text), ()))}
            if round_ and chosen == tops:
                break  # the choices no longer change: another round would repeat this one
            tops = chosen
            for key, ranked in ranked_by_key.items():
                if key in shares_by_name:
                    shares_by_name[key] = sense_shares(ranked, ROUND2_MAX_SENSES)
    return results
