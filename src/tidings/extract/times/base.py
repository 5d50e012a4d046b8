"""Shared pieces of the time normalizers: the context, duration values, anchored arithmetic.

Used by ``normalize`` (calendar expressions) and ``relative`` (durations,
sets, offsets, weekdays, reference words).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from . import anchor as A
from .lexicon import lexicon, mod_code, year_value

__all__ = ["Ctx", "Result", "duration_value", "quarter_year", "shifted_value", "shift_value_months", "rel_value"]

Result = tuple[str, str, str | None]


@dataclass(slots=True)
class Ctx:
    text: str
    anchor: date | None
    doc: object = None  # spaCy Doc over `text`, or None (captions)
    quarters: list[tuple[int, int, int]] = field(default_factory=list)  # (offset, year, quarter) of explicit quarters
    years: list[tuple[int, int]] = field(default_factory=list)  # (offset, year) of years written out

    def direction(self, start: int, end: int) -> int:
        return A.direction(self.doc, self.text, start, end)

    def token(self, start: int, end: int):
        if self.doc is None:
            return None
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span.root if span is not None and len(span) else None

    def quarter_near(self, offset: int) -> tuple[int, int] | None:
        before = [q for q in self.quarters if q[0] < offset]
        if before:
            return before[-1][1:]
        return self.quarters[0][1:] if self.quarters else None


# -- helpers ---------------------------------------------------------------------------
_TIME_UNITS = {"H": "H", "MIN": "M", "S": "S"}


_SUB = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("MIN", 60), "MIN": ("S", 60)}


def _fmt(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def duration_value(n: float | None, unit: str) -> str:
    """(2, "Y") → P2Y; (None, "M") → PXM; (1.5, "MIN") → PT1M30S; (3, "10Y") → P30Y."""
    if unit in ("10Y", "100Y", "1000Y"):
        factor = int(unit[:-1])
        if n is None:
            return {"10Y": "PXE", "100Y": "PXC", "1000Y": "PXL"}[unit]
        n, unit = n * factor, "Y"
    if unit == "2W":
        unit, n = "W", (None if n is None else n * 2)
    if unit == "NIGHT":
        unit = "D"
    prefix = "PT" if unit in _TIME_UNITS else "P"
    letter = _TIME_UNITS.get(unit, unit)
    if n is None:
        return f"{prefix}X{letter}"
    whole = int(n)
    rest = n - whole
    if rest and unit in _SUB:
        sub, k = _SUB[unit]
        sub_n = round(rest * k)
        if whole == 0:
            return duration_value(sub_n, sub)
        sub_letter = _TIME_UNITS.get(sub, sub)
        if prefix == "P" and sub in _TIME_UNITS:
            return f"P{whole}{letter}T{sub_n}{sub_letter}"
        return f"{prefix}{whole}{letter}{sub_n}{sub_letter}"
    return f"{prefix}{_fmt(n)}{letter}"


def _g(m: re.Match, name: str) -> str | None:
    try:
        return m.group(name)
    except IndexError:
        return None


def _edge_mod(m: re.Match) -> str | None:
    return mod_code(_g(m, "mod"))


def _pod_code(word: str | None) -> str | None:
    if not word:
        return None
    return lexicon()["parts_of_day"].get(word.lower())


def _year4(text: str) -> int:
    if not text.isdigit():
        return year_value(text)
    y = int(text)
    return y if y >= 100 else (1900 + y if y >= 50 else 2000 + y)


_ORD_Q = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4}


def quarter_year(anchor: date, q: int) -> int:
    """A quarter named without a year: this year's, unless it lies more than one quarter ahead."""
    return anchor.year if q <= A.quarter_of(anchor) + 1 else anchor.year - 1


def _completed_quarter(a: date | None) -> tuple[int, int] | None:
    """The last quarter finished before publication: the one earnings news reports on."""
    if a is None:
        return None
    q = A.quarter_of(a) - 1
    return (a.year, q) if q else (a.year - 1, 4)


def _latest_quarter(ctx: Ctx, s: int) -> tuple[int, int] | None:
    near = ctx.quarter_near(s)
    if near:
        return near
    if ctx.anchor is None:
        return None
    a = ctx.anchor
    q = A.quarter_of(a) - 1
    return (a.year, q) if q else (a.year - 1, 4)


_UNIT_GRAIN = {"Y": "Y", "10Y": "Y", "100Y": "Y", "1000Y": "Y", "M": "M", "Q": "Q", "W": "W", "2W": "W",
               "WE": "W", "D": "D", "NIGHT": "D", "H": "D", "MIN": "D", "S": "D"}


def shifted_value(a: date, unit: str, n: float, sign: int, ctx: Ctx | None = None, s: int = 0) -> str | None:
    """The date n units before (sign -1) or after (+1) the anchor, at the unit's granularity."""
    grain = _UNIT_GRAIN.get(unit)
    if grain is None or not float(n).is_integer():
        if unit == "Y" and n == 0.5:
            return shift_value_months(a, 6 * sign)
        return None
    n = int(n)
    if unit in ("10Y", "100Y", "1000Y"):
        n *= int(unit[:-1])
    if grain == "Y":
        y = a.year + sign * n
        if ctx is not None and n == 1:
            near = ctx.quarter_near(s) if ctx.quarters else None
            if near:
                return f"{near[0] + sign}-Q{near[1]}"
        return str(y)
    if grain == "M":
        return shift_value_months(a, sign * n)
    if grain == "Q":
        d = A.shift_months(a, 3 * sign * n)
        return f"{d.year}-Q{A.quarter_of(d)}"
    if grain == "W":  # "two weeks ago" names a day, as TimeBank resolves it, not an ISO week
        return (a + timedelta(days=7 * sign * n * (2 if unit == "2W" else 1))).isoformat()
    if unit in ("H", "MIN", "S"):
        return a.isoformat()
    return (a + timedelta(days=sign * n)).isoformat()


def shift_value_months(a: date, months: int) -> str:
    d = A.shift_months(a, months)
    return f"{d.year}-{d.month:02d}"


_REL = {"this past": "last", "this coming": "next", "this": "this", "last": "last", "next": "next", "past": "last",
        "previous": "last", "coming": "next", "current": "this", "the current": "this", "the past": "last",
        "the previous": "last", "the next": "next", "the coming": "next", "the last": "last",
        "the following": "next", "the preceding": "last", "the latest": "this", "the present": "this", "the new": "next"}


def _rel(word: str) -> str:
    return _REL.get(re.sub(r"\s+", " ", word.lower()), "this")


def rel_value(a: date | None, unit: str, rel: str, ctx: Ctx, s: int) -> str | None:
    step = {"last": -1, "next": 1}.get(rel, 0)
    unit = re.sub(r"\s+", " ", unit.lower())
    seasons = lexicon()["seasons"]
    if a is None:
        return {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX", "quarter": "XXXX-QX",
                "decade": "XXX", "century": "XX"}.get(unit, f"XXXX-{seasons[unit]}" if unit in seasons else "XXXX")
    if unit in ("year", "fiscal year"):
        return str(a.year + step)
    if unit == "month":
        return shift_value_months(a, step)
    if unit == "week":
        return A.week_value(a + timedelta(days=7 * step))
    if unit == "weekend":
        base = a + timedelta(days=7 * step) if step else a
        return A.week_value(base) + "-WE"
    if unit == "quarter":
        if step == 0:
            near = _latest_quarter(ctx, s) if rel == "this" and ctx.quarters else None
            if near:
                return f"{near[0]}-Q{near[1]}"
        d = A.shift_months(a, 3 * step)
        return f"{d.year}-Q{A.quarter_of(d)}"
    if unit == "decade":
        return str(a.year // 10 + step)
    if unit == "century":
        return f"{a.year // 100 + step:02d}"
    if unit in seasons:
        return A.resolve_season(a, seasons[unit], rel)
    return None
