"""Normalizers: one function per candidate rule, turning a regex match into (type, value, mod).

A normalizer returns ``None`` to reject the candidate (a verb "may", an amount "2000 troops").
Values follow TIMEX3 (ISO-TimeML); the news conventions are documented in docs/TIME.md.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from . import _timex_anchor as A
from ._timex_lexicon import lexicon, mod_code, month_number, number_value, unit_code, weekday_number, year_value

__all__ = ["Ctx", "NORMALIZERS", "duration_value"]

Result = tuple[str, str, str | None]


@dataclass(slots=True)
class Ctx:
    text: str
    anchor: date | None
    doc: object = None  # spaCy Doc over `text`, or None (captions)
    quarters: list[tuple[int, int, int]] = field(default_factory=list)  # (offset, year, quarter) of explicit quarters

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


# -- normalizers -------------------------------------------------------------------------
def n_iso(m, ctx, s, e) -> Result | None:
    try:
        d = date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    return "DATE", d.isoformat(), None


def n_slash(m, ctx, s, e) -> Result | None:
    try:
        d = date(_year4(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    return "DATE", d.isoformat(), None


def _dayref_date(ctx: Ctx, ref: str | None, s: int, e: int) -> date | str | None:
    a = ctx.anchor
    if not ref:
        return a
    low = ref.lower()
    if low in ("today", "yesterday", "tomorrow"):
        if a is None:
            return None
        return a + timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[low])
    wd = weekday_number(ref)
    if wd:
        if a is None:
            return f"XXXX-WXX-{wd}"
        return A.resolve_weekday(a, wd, ctx.direction(s, e))
    parts = ref.split()
    mon, day = month_number(parts[0]), int(re.sub(r"\D", "", parts[-1]) or 0)
    if mon and day:
        if a is None:
            return f"XXXX-{mon:02d}-{day:02d}"
        return A.resolve_month_day(a, mon, day, ctx.direction(s, e))
    return a


def n_time(m, ctx, s, e) -> Result | None:
    h = int(m["h"])
    mi = int(m["mi"] or 0)
    ap = (m["ap"] or "").lower().replace(" ", "")
    if not ap and not m["tz"]:
        return None
    if ap.startswith("p") and h < 12:
        h += 12
    elif ap.startswith("a") and h == 12:
        h = 0
    if h > 24 or (not ap and m["mi"] is None):
        return None
    day = _dayref_date(ctx, m["dayref"], s, e)
    prefix = day if isinstance(day, str) else (day.isoformat() if day else "XXXX-XX-XX")
    mod = "APPROX" if m["mod"] and m["mod"].lower() in ("about", "around", "approximately") else None
    return "TIME", f"{prefix}T{h:02d}:{mi:02d}", mod


def n_noon(m, ctx, s, e) -> Result | None:
    day = _dayref_date(ctx, m["dayref"], s, e)
    prefix = day if isinstance(day, str) else (day.isoformat() if day else "XXXX-XX-XX")
    hour = "24:00" if m["word"].lower() == "midnight" else "12:00"
    return "TIME", f"{prefix}T{hour}", None


def _month_day(m, ctx, s, e) -> Result | None:
    mon = month_number(m["mon"])
    day = int(re.sub(r"\D", "", m["d"]))
    if not mon or not 1 <= day <= 31:
        return None
    if m["y"]:
        try:
            return "DATE", date(year_value(m["y"]), mon, day).isoformat(), _edge_mod(m)
        except ValueError:
            return None
    if ctx.anchor is None:
        return "DATE", f"XXXX-{mon:02d}-{day:02d}", _edge_mod(m)
    d = A.resolve_month_day(ctx.anchor, mon, day, ctx.direction(s, e))
    return ("DATE", d.isoformat(), _edge_mod(m)) if d else None


n_mdy = n_dmy = _month_day


def n_my(m, ctx, s, e) -> Result | None:
    mon = month_number(m["mon"])
    return ("DATE", f"{year_value(m['y'])}-{mon:02d}", _edge_mod(m)) if mon else None


def n_holiday(m, ctx, s, e) -> Result | None:
    code = lexicon()["holidays"].get(re.sub(r"\s+", " ", m["name"].lower()))
    if not code:
        return None
    if m["y"]:
        d = A.holiday_date(code, year_value(m["y"]))
        return ("DATE", d.isoformat(), None) if d else None
    if ctx.anchor is None:
        d = A.holiday_date(code, 2001)  # a non-leap year only to read month and day of fixed feasts
        return ("DATE", "XXXX-" + d.strftime("%m-%d"), None) if d and "-" in code else None
    a, way = ctx.anchor, ctx.direction(s, e)
    options = [d for d in (A.holiday_date(code, a.year + k) for k in (-1, 0, 1)) if d]
    if way < 0:
        options = [d for d in options if d <= a] or options
    elif way > 0:
        options = [d for d in options if d >= a] or options
    d = min(options, key=lambda d: abs((d - a).days))
    return "DATE", d.isoformat(), None


_ORD_Q = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4}


def quarter_year(anchor: date, q: int) -> int:
    """A quarter named without a year: this year's, unless it lies more than one quarter ahead."""
    return anchor.year if q <= A.quarter_of(anchor) + 1 else anchor.year - 1


def n_quarter(m, ctx, s, e) -> Result | None:
    q = _ORD_Q.get(m["ord"].lower())
    if not q:
        return None
    pre = (m["pre"] or "").lower()
    year = None
    if m["y"]:
        year = year_value(m["y"])
    else:
        found = re.search(r"(1[5-9]\d\d|20\d\d)", pre)
        if found:
            year = int(found.group(1))
    a = ctx.anchor
    if year is None:
        if a is None:
            return "DATE", f"XXXX-Q{q}", None
        year = quarter_year(a, q)
        if any(w in pre for w in ("year-ago", "year-earlier", "last year's")):
            year -= 1
        elif "next year's" in pre:
            year += 1
    return "DATE", f"{year}-Q{q}", None


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


def n_quarter_ref(m, ctx, s, e) -> Result | None:
    det = re.sub(r"\s+", " ", m["det"].lower())
    year_ago = any(w in det for w in ("year-ago", "year-earlier", "last year's"))
    if m["noun"].lower() == "period" and not (year_ago or m["yr"] or "latest" in det or "comparable" in det):
        return None  # "the period" alone is too vague
    latest = _latest_quarter(ctx, s) if det in ("that", "the same", "the") else _completed_quarter(ctx.anchor)
    if latest is None:
        return "DATE", "XXXX-QX", None
    y, q = latest
    if m["yr"]:
        y = year_value(m["yr"])
    elif year_ago:
        y -= 1
    return "DATE", f"{y}-Q{q}", None


def n_yearago(m, ctx, s, e) -> Result | None:
    if ctx.anchor is None:
        return "DATE", "XXXX", None
    return "DATE", shifted_value(ctx.anchor, "Y", 1, -1, ctx, s), None


def n_weekend(m, ctx, s, e) -> Result | None:
    a = ctx.anchor
    if a is None:
        return "DATE", "XXXX-WXX-WE", None
    way = ctx.direction(s, e)
    d = A.resolve_weekday(a, 6, way)
    return "DATE", A.week_value(d) + "-WE", None


def n_month_rel_year(m, ctx, s, e) -> Result | None:
    mon = month_number(m["mon"])
    step = {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]
    if not mon:
        return None
    day = int(re.sub(r"\D", "", m["d"])) if m["d"] else None
    if ctx.anchor is None:
        return "DATE", f"XXXX-{mon:02d}-{day:02d}" if day else f"XXXX-{mon:02d}", None
    y = ctx.anchor.year + step
    if day:
        try:
            return "DATE", date(y, mon, day).isoformat(), None
        except ValueError:
            return None
    return "DATE", f"{y}-{mon:02d}", None


def n_the_year(m, ctx, s, e) -> Result | None:
    if re.match(r"\s+(?:ended|ending|to)\b", ctx.text[e:e + 8]):
        return "DURATION", "P1Y", None  # "the year ended Sept. 30": a fiscal year, not the calendar one
    before = ctx.text[max(0, s - 12):s].lower()
    if re.search(r"\b(?:during|over|throughout)\s+$", before):
        return "DURATION", "P1Y", None
    return "DATE", str(ctx.anchor.year) if ctx.anchor else "XXXX", None


def n_half(m, ctx, s, e) -> Result | None:
    h = 1 if m["ord"].lower() in ("first", "1st") else 2
    if m["y"]:
        return "DATE", f"{year_value(m['y'])}-H{h}", None
    if ctx.anchor is None:
        return "DATE", f"XXXX-H{h}", None
    return "DATE", f"{ctx.anchor.year}-H{h}", None


def n_century(m, ctx, s, e) -> Result | None:
    word = m["ord"].lower()
    n = lexicon()["ordinals"].get(word)
    if n is None:
        digits = re.sub(r"\D", "", word)
        n = int(digits) if digits else None
    if not n or n > 21:
        return None
    return "DATE", f"{n - 1:02d}", _edge_mod(m)


def n_decade(m, ctx, s, e) -> Result | None:
    if m["cent"]:
        return "DATE", f"{m['cent']}{m['dec']}", _edge_mod(m)
    if m["decw"]:
        if not m.group(0).lower().startswith("the"):
            return None
        digit = lexicon()["decade_words"][m["decw"].lower()]
    else:
        digit = int(m["dec2"] or m["dec3"])
    if m["dec3"] and not (m.group(0).lower().startswith("the") or m["mod"]):
        return None  # "in their 80s" is an age
    century = 19
    if ctx.anchor is not None and digit * 10 <= ctx.anchor.year % 100 and ctx.anchor.year >= 2000:
        century = 20
    return "DATE", f"{century}{digit}", _edge_mod(m)


def n_season_year(m, ctx, s, e) -> Result | None:
    code = lexicon()["seasons"][m["season"].lower()]
    return "DATE", f"{year_value(m['y'])}-{code}", _edge_mod(m)


def n_fiscal(m, ctx, s, e) -> Result | None:
    return "DATE", str(_year4(m["y"])), None


_TEMPORAL_NOUNS = {"period", "quarter", "year", "season", "level", "levels", "figure", "figures", "budget", "election",
                   "elections", "census", "model", "edition", "session", "campaign", "summer", "spring", "fall",
                   "winter", "autumn", "war", "games", "olympics", "cup", "results", "first", "half"}


def n_year(m, ctx, s, e) -> Result | None:
    y = year_value(m["y"])
    after = ctx.text[e:e + 12]
    if re.match(r"\s*(?:%|percent|per\s+cent)|\.\d", after, re.I):
        return None  # a share of something, or an index level "1678.5"
    before = ctx.text[max(0, s - 12):s].lower()
    if re.search(r"(?:no\.|number|#|flight|route|room|resolution|article|model|page|chapter)\s*$", before):
        return None
    tok = ctx.token(m.start("y"), m.end("y"))
    if tok is not None:
        head = tok.head
        if (tok.dep_ == "nummod" and head.pos_ == "NOUN" and head.lower_ not in _TEMPORAL_NOUNS
                and head.tag_ == "NNS"):
            return None
        if tok.ent_type_ in ("MONEY", "CARDINAL", "QUANTITY", "PERCENT") and tok.dep_ == "nummod" and head.tag_ == "NNS":
            return None
    if ctx.anchor is not None and y > ctx.anchor.year + 60:
        return None
    return "DATE", str(y), _edge_mod(m)


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
    if grain == "W":
        return A.week_value(a + timedelta(days=7 * sign * n * (2 if unit == "2W" else 1)))
    if unit in ("H", "MIN", "S"):
        return a.isoformat()
    return (a + timedelta(days=sign * n)).isoformat()


def shift_value_months(a: date, months: int) -> str:
    d = A.shift_months(a, months)
    return f"{d.year}-{d.month:02d}"


_PAST_DIRS = ("ago", "earlier", "before that", "back", "previously", "since")


def n_offset(m, ctx, s, e) -> Result | None:
    unit = unit_code(m["unit"])
    if unit is None:
        return None
    direction = m["dir"].lower()
    sign = -1 if any(direction.startswith(d) for d in _PAST_DIRS) else 1
    n = number_value(m["num"])
    mod = mod_code(m["mod"])
    if "or so" in m.group(0).lower():
        mod = "APPROX"
    if n is None:
        return "DATE", ("PAST_REF" if sign < 0 else "FUTURE_REF"), mod
    if sign > 0 or mod in ("APPROX", "MORE_THAN", "LESS_THAN", "EQUAL_OR_MORE", "EQUAL_OR_LESS") \
            or (direction == "earlier" and unit in ("D", "H", "MIN", "S", "W")):
        return "DURATION", duration_value(n, unit), mod  # "three days later", "about two years ago"
    if ctx.anchor is None:
        grain = _UNIT_GRAIN.get(unit, "D")
        return "DATE", {"Y": "XXXX", "M": "XXXX-XX", "Q": "XXXX-QX", "W": "XXXX-WXX"}.get(grain, "XXXX-XX-XX"), mod
    value = shifted_value(ctx.anchor, unit, n, sign, ctx, s)
    return ("DATE", value, mod) if value else None


_REL = {"this past": "last", "this coming": "next", "this": "this", "last": "last", "next": "next", "past": "last",
        "previous": "last", "coming": "next", "current": "this", "the current": "this", "the past": "last",
        "the previous": "last", "the next": "next", "the coming": "next", "the last": "last",
        "the following": "next", "the preceding": "last", "the latest": "this", "the present": "this", "the new": "next"}


def _rel(word: str) -> str:
    return _REL.get(re.sub(r"\s+", " ", word.lower()), "this")


def n_rel_wd(m, ctx, s, e) -> Result | None:
    wd = weekday_number(m["wd"])
    rel = _rel(m["rel"])
    pod = _pod_code(m["pod"])
    if ctx.anchor is None:
        value = f"XXXX-WXX-{wd}"
    else:
        way = {"last": -1, "next": 1}.get(rel) or (ctx.direction(s, e) or 1)
        d = A.resolve_weekday(ctx.anchor, wd, way, strict=rel in ("last", "next"))
        value = d.isoformat()
    if pod:
        return "TIME", f"{value}T{pod}", _edge_mod(m)
    return "DATE", value, _edge_mod(m)


def n_rel_month(m, ctx, s, e) -> Result | None:
    mon = month_number(m["mon"])
    rel = _rel(m["rel"])
    a = ctx.anchor
    if a is None:
        return "DATE", f"XXXX-{mon:02d}", _edge_mod(m)
    if rel == "last":
        y = a.year if mon < a.month else a.year - 1
    elif rel == "next":
        y = a.year if mon > a.month else a.year + 1
    else:
        y = a.year
    return "DATE", f"{y}-{mon:02d}", _edge_mod(m)


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


def n_rel(m, ctx, s, e) -> Result | None:
    rel = _rel(m["rel"])
    value = rel_value(ctx.anchor, m["unit"], rel, ctx, s)
    if value is None:
        return None
    mod = mod_code(m["mod"])
    if mod in ("APPROX", "MORE_THAN", "LESS_THAN", "EQUAL_OR_MORE", "EQUAL_OR_LESS"):
        mod = mod if m["mod"].lower() not in ("over", "under", "within", "some") else None
    pod = _pod_code(m["pod"])
    if pod and "W" not in value:
        return "TIME", f"{value}T{pod}", mod
    return "DATE", value, mod


def n_edge_the(m, ctx, s, e) -> Result | None:
    value = rel_value(ctx.anchor, m["unit"], "this", ctx, s) if m["unit"].lower() != "day" else (
        ctx.anchor.isoformat() if ctx.anchor else "XXXX-XX-XX")
    return ("DATE", value, mod_code(m["mod"])) if value else None


def n_yearend(m, ctx, s, e) -> Result | None:
    a = ctx.anchor
    if a is None:
        return "DATE", "XXXX", "END"
    return "DATE", str(a.year - 1 if a.month <= 2 else a.year), "END"


def n_set(m, ctx, s, e) -> Result | None:
    what = m["what"]
    wd = weekday_number(what) if what[:1].isupper() else None
    if wd:
        return "SET", f"XXXX-WXX-{wd}", None
    mon = month_number(what) if what[:1].isupper() else None
    if mon:
        return "SET", f"XXXX-{mon:02d}", None
    season = lexicon()["seasons"].get(what.lower())
    if season:
        return "SET", f"XXXX-{season}", None
    unit = unit_code(what)
    if unit is None:
        return None
    n = number_value(m["num"]) if m["num"] else 1.0
    if unit == "Q":
        return "SET", f"P{_fmt(n or 1)}Q", None
    if unit == "WE":
        return "SET", "XXXX-WXX-WE", None
    return "SET", duration_value(n or 1.0, unit), None


def n_set_word(m, ctx, s, e) -> Result | None:
    return "SET", lexicon()["sets"][m["word"].lower()], None


_RATE_BEFORE = re.compile(r"(?:\d|\b(?:million|billion|thousand|hundred|percent|cents?|dollars?))\s+$", re.I)


def _is_rate(ctx: Ctx, s: int) -> bool:
    """ "a year" after an amount or a counted plural: "$1.76 a year", "four flights a week"."""
    if _RATE_BEFORE.search(ctx.text[max(0, s - 24):s]):
        return True
    tok = ctx.token(s, s + 1)
    if tok is None or tok.i == 0:
        return False
    prev = tok.doc[tok.i - 1]
    return prev.tag_ in ("NNS", "CD") or prev.lower_ in ("times", "twice", "once")


def n_duration(m, ctx, s, e) -> Result | None:
    unit = unit_code(m["unit"])
    if unit is None:
        return None
    num_text = re.sub(r"\s+", " ", m["num"].lower())
    n = number_value(num_text)
    plural = m["unit"].lower().endswith("s")
    if n is None and not plural and num_text not in ("a", "an"):
        return None
    if num_text in ("a", "an", "one") and unit in ("S", "Q", "WE", "NIGHT"):
        return None  # "a second time", "a quarter of", "one weekend"
    if num_text in ("a", "an") and _is_rate(ctx, s):
        return None  # a rate, not a time: "$500 million a year", "four flights a week"
    if (m["suf"] or "").lower() == "-old" or re.match(r"\s+old\b", ctx.text[e:e + 6]):
        return None  # ages: "a 6-year-old", "52 years old"
    if unit == "Q" and "-" in m.group(0):
        return None  # "three-quarters"
    if unit == "WE":
        return "DURATION", f"P{_fmt(n)}WE" if n else "PXWE", None
    if re.fullmatch(r"1[5-9]\d\d|20\d\d", num_text):
        return None  # "the 1988 quarter" is a date, not 1,988 quarters
    if n is None and num_text.startswith("recent") and unit == "Y":
        return "DATE", "PAST_REF", None
    mod = mod_code(m["mod"])
    half = (m["half"] or "").lower()
    if half.startswith("and") and n is not None:
        n += 0.5
    elif half == "or so":
        mod = "APPROX"
    elif half == "or more":
        mod = "EQUAL_OR_MORE"
    if unit == "Q":
        return "DURATION", f"P{_fmt(n)}Q" if n else "PXQ", mod
    return "DURATION", duration_value(n, unit), mod


def n_vague_plural(m, ctx, s, e) -> Result | None:
    unit = unit_code(m["word"])
    before = ctx.text[max(0, s - 12):s].lower()
    if re.search(r"(?:\d|\bthe|\bthose|\bthese|\bearly|\blater|\bgolden)\s*$", before):
        return None
    after = ctx.text[e:e + 8].lower()
    if re.match(r"\s+(?:old|of age)", after):
        return None
    return "DURATION", duration_value(None, unit), None


def n_wd(m, ctx, s, e) -> Result | None:
    wd = weekday_number(m["wd"])
    if not wd:
        return None
    pod = _pod_code(m["pod"])
    if m["pl"]:
        return "SET", f"XXXX-WXX-{wd}" + (f"T{pod}" if pod else ""), None
    tok = ctx.token(m.start("wd"), m.end("wd"))
    if tok is not None and tok.ent_type_ in ("ORG", "WORK_OF_ART") and tok.ent_iob_ != "B":
        return None  # "the Sunday Times", "Bloody Sunday"
    mod = mod_code(m["mod"])
    if ctx.anchor is None:
        value = f"XXXX-WXX-{wd}"
    else:
        # "earlier Sunday", "later Monday" go back to a day the story has already reached
        way = -1 if (m["mod"] or "").lower() in ("earlier", "later") else ctx.direction(s, e)
        value = A.resolve_weekday(ctx.anchor, wd, way).isoformat()
    if pod and pod != "NI":
        return "TIME", f"{value}T{pod}", mod
    return "DATE", value, mod


_DAY_SHIFT = {"today": 0, "tonight": 0, "this": 0, "yesterday": -1, "last": -1, "tomorrow": 1}


def n_tod_rel(m, ctx, s, e) -> Result | None:
    rel = m["rel"].lower()
    pod = _pod_code(m["pod"])
    shift = _DAY_SHIFT[rel]
    if rel == "last" and pod != "NI":
        shift = -1
    if ctx.anchor is None:
        return "TIME", f"XXXX-XX-XXT{pod}", mod_code(m["mod"])
    return "TIME", f"{(ctx.anchor + timedelta(days=shift)).isoformat()}T{pod}", mod_code(m["mod"])


def n_pod_ref(m, ctx, s, e) -> Result | None:
    pod = _pod_code(m["pod"])
    shift = _DAY_SHIFT[m["rel"].lower()]
    if ctx.anchor is None:
        return "TIME", f"XXXX-XX-XXT{pod}", mod_code(m["mod"])
    return "TIME", f"{(ctx.anchor + timedelta(days=shift)).isoformat()}T{pod}", mod_code(m["mod"])


_REF_DAYS = {"TODAY": 0, "YESTERDAY": -1, "TOMORROW": 1, "DAY-2": -2, "DAY+2": 2}


def n_ref(m, ctx, s, e) -> Result | None:
    word = re.sub(r"\s+", " ", m["word"].lower())
    typ, code = lexicon()["references"][word]
    mod = mod_code(m["mod"])
    if code.endswith("_REF"):
        tok = ctx.token(s, e)
        if word in ("current", "recent"):
            if tok is not None and tok.pos_ not in ("ADJ",):
                return None
            if re.search(r"\bthe\s+$", ctx.text[max(0, s - 5):s].lower()):
                return None  # "the current system" names a thing, not a time
        if word in ("now", "currently") and re.match(r"\s*,", ctx.text[e:e + 2]) and (
                tok is None or tok.is_sent_start):
            return None  # "Now, …" opens a turn of argument
        return typ, code, None
    a = ctx.anchor
    if code in _REF_DAYS:
        return typ, (a + timedelta(days=_REF_DAYS[code])).isoformat() if a else "XXXX-XX-XX", mod
    day = a.isoformat() if a else "XXXX-XX-XX"
    if code == "TONIGHT" or code == "OVERNIGHT":
        return typ, f"{day}TNI", mod
    if code == "LASTNIGHT":
        return typ, f"{(a - timedelta(days=1)).isoformat() if a else day}TNI", mod
    if code.startswith("T"):
        return typ, f"{day}{code}", mod
    return None


def n_month(m, ctx, s, e) -> Result | None:
    mon = month_number(m["mon"])
    if not mon:
        return None
    tok = ctx.token(m.start("mon"), m.end("mon"))
    word = m["mon"]
    if tok is not None and (tok.pos_ in ("VERB", "AUX") or tok.tag_ == "MD"):
        return None
    if word in ("May", "MAY", "March", "MARCH") and tok is None:
        nxt = ctx.text[m.end("mon"):m.end("mon") + 12]
        if not re.match(r"\s*(?:[.,;:)]|$|\s+(?:and|or|to|through|when|as|this|last|next)\b)", nxt):
            return None
    if re.match(r"\s+(?:of|for|on|to)\s+(?:the\s+)?[A-Z]", ctx.text[m.end("mon"):m.end("mon") + 14]) and word.lower() == "march":
        return None  # "the March for Life", "March on Washington"
    if len(word) <= 4 and not word.endswith(".") and word.lower() not in ("may", "june", "july"):
        return None  # "Jan" alone is a name; abbreviations stand alone only with their dot
    if ctx.anchor is None:
        return "DATE", f"XXXX-{mon:02d}", _edge_mod(m)
    y = A.resolve_month(ctx.anchor, mon, ctx.direction(s, e))
    return "DATE", f"{y}-{mon:02d}", _edge_mod(m)


def n_season(m, ctx, s, e) -> Result | None:
    word = m["season"].lower()
    tok = ctx.token(m.start("season"), m.end("season"))
    if tok is not None and tok.pos_ not in ("NOUN", "PROPN"):
        return None
    before = ctx.text[max(0, s - 10):s].lower()
    if word == "fall" and not m["mod"] and not re.search(r"(?:\bthe|\bin|\bthis|\blast|\bnext|\bby|\bthat)\s+$", before):
        return None
    code = lexicon()["seasons"][word]
    if ctx.anchor is None:
        return "DATE", f"XXXX-{code}", _edge_mod(m)
    way = ctx.direction(s, e)
    value = A.resolve_season(ctx.anchor, code, {-1: "last", 1: "next"}.get(way, ""))
    cy, cc = A.season_of(ctx.anchor)
    if cc == code and way <= 0:
        value = f"{cy}-{code}"
    return "DATE", value, _edge_mod(m)


NORMALIZERS = {name[2:]: fn for name, fn in globals().items() if name.startswith("n_") and callable(fn)}
