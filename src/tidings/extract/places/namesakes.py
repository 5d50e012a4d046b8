"""Namesake villages of big cities: what may and may not pull a name to one.

National and regional stories name big cities ("Philadelphia", "Tulsa", "Pittsburgh"), and near
every big city lie villages named after other big cities (Denver and Boston, Pennsylvania;
Cleveland, Oklahoma). A *shadow* sense is such a village: a town of fewer than ``SHADOW_MAX`` people and
under 1/``SHADOW_RATIO`` of the population of its name's biggest town, itself a city of ``BIG_CITY`` people
or more ("Cleveland" beside "Houston" stays Ohio's, not Cleveland, Texas), or a county
read from the bare name (Cleveland County, North Carolina, for "Cleveland"). Two rules
keep the document's own area (``focus``) for small-town stories, whose towns are supported by their
county and the small towns around them, while a big city named beside the village is not enough:

- a big city (``BIG_CITY``+) named in the document does not pull a shadow sense to itself (neither
  through the focus support, nor through the proximity and co-location bonuses of ``resolve``):
  "Denver" beside "Philadelphia" is Colorado's capital, not Denver, Pennsylvania;
- a shadow sense supports no other name unless it is its own name's choice (of the previous round):
  "Boston" and "Jacksonville", each a Pennsylvania village too, do not hold each other up.
"""
from __future__ import annotations

from .gazetteer import KIND_ADMIN, KIND_CITY, Candidate

__all__ = ["BIG_CITY", "SHADOW_RATIO", "big_city", "shadow_ids"]

BIG_CITY = 100_000  # a city this big is named in national news, wherever the story is
SHADOW_RATIO = 20  # a town this many times smaller than its name's big city is a namesake village …
SHADOW_MAX = 50_000  # … when it has fewer people than this (London, Ontario is no village)


def big_city(c: Candidate) -> bool:
    return c.kind == KIND_CITY and not c.alias and c.population >= BIG_CITY


def shadow_ids(candidates) -> frozenset[int]:
    """The ids of the senses among ``candidates`` that are namesake villages of a big city among them."""
    biggest = max((c.population for c in candidates if big_city(c)), default=0)
    if not biggest:
        return frozenset()
    return frozenset(id(c) for c in candidates
                     if c.kind == KIND_CITY and c.population * SHADOW_RATIO < biggest and c.population < SHADOW_MAX
                     or c.kind == KIND_ADMIN and c.alias and c.feature == "ADM2")  # "Cleveland" read as a county
