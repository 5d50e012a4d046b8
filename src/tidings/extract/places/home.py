"""A source's home place: checked against the gazetteer, and inferred from the places of its articles.

Local papers write about their own area, so the places a source names over many articles say where it
is. ``infer_home`` takes, for each stored article of a source, its resolved places and counts in how
many articles each town, county, first-level admin area and country appears (an article counts once
per area). The home is the smallest of these that appears in at least ``MIN_SHARE`` of the articles
and at least ``DOMINANCE`` times as often as the next one of its kind, from ``MIN_ARTICLES`` articles
with places on; otherwise there is none. It is written as a home place the places stage reads
("Alexandria, Louisiana", "Rapides Parish, Louisiana", "Louisiana, United States", "Canada").
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Iterable

from .focus import home_senses
from .gazetteer import gazetteer
from .resolve import prior

__all__ = ["InferredHome", "PlaceRow", "infer_home", "known_home", "MIN_ARTICLES", "MIN_SHARE", "DOMINANCE"]

MIN_ARTICLES = 5  # articles with resolved places a source needs before its home is inferred
MIN_SHARE = 0.5  # the home appears in at least this share of them
DOMINANCE = 2.0  # … and at least this many times as often as the runner-up of its level
LEVELS = ("town", "county", "state", "country")  # smallest first

PlaceRow = tuple  # (name, country ISO alpha-3, admin1 name, feature code) of one stored place


@dataclass(frozen=True)
class InferredHome:
    home: str  # as the places stage reads it: "Alexandria, Louisiana"
    level: str  # town | county | state | country
    share: float  # of the articles with places, those that name it
    articles: int  # articles with places the inference read


def known_home(text: str | None) -> bool:
    """Whether the places stage can use ``text`` as a home place ("Alexandria, La.", "Texas")."""
    return bool(home_senses(gazetteer(), text, prior))


def _keys(rows: Iterable[PlaceRow]) -> dict[str, set[tuple]]:
    """The areas one article's places fall in, by level."""
    keys: dict[str, set[tuple]] = {level: set() for level in LEVELS}
    for name, country, admin1, feature in rows:
        if not country:
            continue
        feature = feature or ""
        keys["country"].add((country,))
        state = name if feature == "ADM1" else admin1
        if state:
            keys["state"].add((country, state))
        if feature.startswith("PPL") and name:
            keys["town"].add((country, admin1 or "", name))
        elif feature == "ADM2" and name:
            keys["county"].add((country, admin1 or "", name))
    return keys


def _written(level: str, key: tuple) -> str | None:
    """The home place text of an area, or None when the country is unknown to the gazetteer."""
    country = gazetteer().country_of(key[0])
    if country is None:
        return None
    if level == "country":
        return country.name
    if level == "state":
        return f"{key[1]}, {country.name}"
    return f"{key[2]}, {key[1] or country.name}"


def infer_home(articles: Iterable[Iterable[PlaceRow]]) -> InferredHome | None:
    """The smallest area that clearly dominates the places of a source's articles (see the module)."""
    counts = {level: Counter() for level in LEVELS}
    n = 0
    for rows in articles:
        keys = _keys(rows)
        if not keys["country"]:
            continue
        n += 1
        for level in LEVELS:
            counts[level].update(keys[level])
    if n < MIN_ARTICLES:
        return None
    for level in LEVELS:
        ranked = counts[level].most_common(2)
        if not ranked:
            continue
        top = ranked[0][1]
        runner_up = ranked[1][1] if len(ranked) > 1 else 0
        if top / n < MIN_SHARE or top < DOMINANCE * runner_up:
            continue
        home = _written(level, ranked[0][0])
        if home and known_home(home):
            return InferredHome(home=home, level=level, share=round(top / n, 3), articles=n)
    return None
