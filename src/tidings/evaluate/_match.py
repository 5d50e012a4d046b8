"""Small, exact helpers shared by the scorers: spans, distances, values, units, matching.

Every helper is a plain function over plain values so the scorers built on them can be
checked by hand (tests/evaluate/test_match.py).
"""
from __future__ import annotations

import json
import math
import re
from functools import cache
from importlib import resources
from typing import Callable, Iterable, Sequence, TypeVar

__all__ = [
    "Span", "overlap", "spans_overlap", "span_set_iou", "haversine_km", "values_equal",
    "singular", "normalize_unit", "unit_matches", "max_matching", "ratio", "f1", "prf",
    "median", "same_actor_country",
]

Span = tuple[int, int]
T = TypeVar("T")
U = TypeVar("U")

EARTH_RADIUS_KM = 6371.0088  # mean Earth radius (IUGG), as used by geopy's great_circle
NO_UNIT = {"", "-", "none", "null"}


def overlap(a: Span, b: Span) -> int:
    """Characters shared by two half-open spans."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def spans_overlap(a: Iterable[Span], b: Iterable[Span]) -> bool:
    """True when any span of `a` shares at least one character with any span of `b`."""
    b = list(b)
    return any(overlap(x, y) > 0 for x in a for y in b)


def _merge(spans: Iterable[Span]) -> list[Span]:
    merged: list[list[int]] = []
    for s, e in sorted((int(s), int(e)) for s, e in spans if e > s):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return [(s, e) for s, e in merged]


def span_set_iou(a: Iterable[Span], b: Iterable[Span]) -> float:
    """Characters covered by both span sets divided by characters covered by either."""
    ma, mb = _merge(a), _merge(b)
    inter = sum(overlap(x, y) for x in ma for y in mb)
    union = sum(e - s for s, e in ma) + sum(e - s for s, e in mb) - inter
    return inter / union if union else 0.0


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two (lat, lon) points in degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def values_equal(a: float | None, b: float | None, rel: float = 1e-6) -> bool:
    """Equal when the relative difference is under `rel` (both zero counts as equal)."""
    if a is None or b is None:
        return False
    a, b = float(a), float(b)
    if a == b:
        return True
    return abs(a - b) < rel * max(abs(a), abs(b))


@cache
def _irregular() -> dict[str, str]:
    path = resources.files("tidings").joinpath("data", "evaluate", "irregular_plurals.json")
    return json.loads(path.read_text(encoding="utf-8"))


_SINGULAR_RULES = (  # (suffix, replacement), first that applies wins
    ("ies", "y"), ("sses", "ss"), ("ches", "ch"), ("shes", "sh"), ("xes", "x"), ("zes", "z"),
    ("ss", "ss"), ("us", "us"), ("is", "is"), ("s", ""),
)


def singular(word: str) -> str:
    """The singular of one lower-case English word (a rule list and an irregular table)."""
    irregular = _irregular()
    if word in irregular:
        return irregular[word]
    if len(word) <= 3:
        return word
    for suffix, repl in _SINGULAR_RULES:
        if word.endswith(suffix):
            return word[: len(word) - len(suffix)] + repl
    return word


_WORDS = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*|[%$€£¥°]")


def normalize_unit(unit: str | None) -> str:
    """Lower-cased, every word singular, words joined by one space; '' for no unit."""
    if unit is None or unit.strip().lower() in NO_UNIT:
        return ""
    return " ".join(singular(w) for w in _WORDS.findall(unit.lower()))


def _contains_words(big: str, small: str) -> bool:
    return bool(small) and f" {small} " in f" {big} "


def unit_matches(predicted: Iterable[str | None], gold_unit: str | None, gold_normalized: str | None) -> bool:
    """FORMATS rule: a predicted unit matches when its lower-cased singular form equals the
    gold `unit` or `normalized_unit`, or one contains the other as a whole word. Any of the
    predicted strings (unit, counted, normalized_unit) may match. A prediction with no unit
    at all matches a gold quantity whose `unit` is '-' (NewsQuant's mark for no unit)."""
    preds = [normalize_unit(p) for p in predicted]
    preds = [p for p in preds if p]
    golds = [g for g in (normalize_unit(gold_unit), normalize_unit(gold_normalized)) if g]
    if not preds:
        return normalize_unit(gold_unit) == ""
    return any(p == g or _contains_words(p, g) or _contains_words(g, p) for p in preds for g in golds)


def same_actor_country(a: str | None, b: str | None) -> bool:
    """Two CAMEO actor codes agree on their first three letters (the country or IGO part); a
    missing actor matches only a missing one (FORMATS.md, events and events_news)."""
    if not a or not b:
        return not a and not b
    return a[:3].upper() == b[:3].upper()


def max_matching(preds: Sequence[T], golds: Sequence[U], ok: Callable[[T, U], bool]) -> list[tuple[int, int]]:
    """A maximum one-to-one matching (prediction index, gold index) under `ok` (Kuhn's algorithm)."""
    adj = [[j for j, g in enumerate(golds) if ok(p, g)] for p in preds]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in adj[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(preds)):
        augment(i, set())
    return sorted((i, j) for j, i in owner.items())


def ratio(num: int | float, den: int | float, empty: float | None = 0.0) -> float | None:
    """num / den; `empty` when den is 0 (0.0 where the denominator counts predictions,
    None where it counts gold items: a figure over nothing is not a figure)."""
    return num / den if den else empty


def f1(p: float | None, r: float | None) -> float:
    p, r = p or 0.0, r or 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def prf(tp_pred: int, n_pred: int, tp_gold: int, n_gold: int) -> tuple[float, float, float]:
    """Precision over predictions, recall over gold, and their F1 (0.0 where undefined)."""
    p = ratio(tp_pred, n_pred) or 0.0
    r = ratio(tp_gold, n_gold) or 0.0
    return p, r, f1(p, r)


def median(values: Sequence[float]) -> float | None:
    if not values:
        return None
    s = sorted(values)
    mid = len(s) // 2
    return s[mid] if len(s) % 2 else (s[mid - 1] + s[mid]) / 2
