"""Normalizers: one function per candidate rule, turning a regex match into (type, value, mod).

A normalizer returns ``None`` to reject the candidate (a verb "may", an amount "2000 troops").
Values follow TIMEX3 (ISO-TimeML); the news conventions are documented in docs/TIME.md.
This module holds the calendar rules (dates, months, quarters, years, seasons); durations,
sets, offsets, weekdays and reference words are in ``relative``.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache

from . import anchor as A
from . import anaphora, relative
from .base import (_ORD_Q, Ctx, Result, _completed_quarter, _edge_mod, _latest_quarter, _pod_code, _rel, _year4,
                   duration_value, quarter_year, rel_value, shifted_value)
from .lexicon import lexicon, mod_code, month_number, weekday_number, year_value

__all__ = ["Ctx", "NORMALIZERS", "duration_value"]

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
    parts = ref.replace(",", " ").split()
    if parts and weekday_number(parts[0]):
        parts = parts[1:]  # "Monday, Jan. 9": the date decides
    year = _year4(parts[-1]) if len(parts) == 3 and parts[-1].isdigit() and len(parts[-1]) == 4 else None
    mon, day = month_number(parts[0]), int(re.sub(r"\D", "", parts[1] if len(parts) > 1 else "") or 0)
    if mon and day and year:
        try:
            return date(year, mon, day)
        except ValueError:
            return None
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
    d = A.resolve_month_day(ctx.anchor, mon, day, _month_way(ctx, s, e, day=True))
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


def n_that_year(m, ctx, s, e) -> Result | None:
    """ "that year", "the following year": the story's own year, the last one written out before."""
    before = [y for at, y in ctx.years if at < s]
    det = re.sub(r"\s+", " ", m["det"].lower())
    step = {"the following": 1, "the previous": -1, "the preceding": -1}.get(det, 0)
    if not before:
        if step and ctx.anchor is not None:
            return "DATE", str(ctx.anchor.year + step), mod_code(m["mod"])
        return None
    return "DATE", str(before[-1] + step), mod_code(m["mod"])


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


@cache
def _amount_before() -> re.Pattern:
    words = sorted(lexicon()["amount_before_year"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(r"\s+".join(map(re.escape, w.split())) for w in words) + r")\s+$", re.I)


def n_year(m, ctx, s, e) -> Result | None:
    y = year_value(m["y"])
    after = ctx.text[e:e + 12]
    if re.match(r"\s*(?:%|percent|per\s+cent)|\.\d", after, re.I):
        return None  # a share of something, or an index level "1678.5"
    before = ctx.text[max(0, s - 12):s].lower()
    if re.search(r"(?:no\.|number|#|flight|route|room|resolution|article|model|page|chapter)\s*$", before):
        return None
    if _amount_before().search(ctx.text[max(0, s - 24):s]):
        return None  # "up by an average of 2000", "more than 1950": an amount
    tok = ctx.token(m.start("y"), m.end("y"))
    if tok is not None:
        head = tok.head
        counts = tok.dep_ == "nummod" and head.tag_ == "NNS" and head.i > tok.i  # "2000 troops"; not "the years 2019"
        if counts and head.pos_ == "NOUN" and head.lower_ not in _TEMPORAL_NOUNS:
            return None
        if counts and tok.ent_type_ in ("MONEY", "CARDINAL", "QUANTITY", "PERCENT"):
            return None
    if ctx.anchor is not None and y > ctx.anchor.year + 60:
        return None
    return "DATE", str(y), _edge_mod(m)


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
    y = A.resolve_month(ctx.anchor, mon, _month_way(ctx, s, e))
    return "DATE", f"{y}-{mon:02d}", _edge_mod(m)


_DONE_IN = re.compile(r"(?:\bin|\bduring|\bsince|\bearlier\s+in|\bback\s+in)\s+(?:(?:early|late|mid|mid-)\s*)?$", re.I)


_PERFECT = frozenset({"has", "have", "had", "was", "were", "been"})
_DONE_ON = re.compile(r"\bon\s+$", re.I)


def _month_way(ctx, s: int, e: int, day: bool = False) -> int:
    """The tense for a month (or month and `day`) without a year; A.DONE (a date that is over) when it hangs on a
    past verb — through "in", "during", "back in" ("the board voted in January" written in November is last
    January), or for a day also through "on" or directly ("voted Dec. 12") — unless the clause speaks of
    something still ahead: "warned of a possible invasion already in January" (lexicon `ahead_cues`)."""
    way = ctx.direction(s, e)
    if way >= 0 or ctx.doc is None:
        return way
    lo = max(0, s - 20)
    hit = _DONE_IN.search(ctx.text[lo:s]) or (_DONE_ON.search(ctx.text[lo:s]) if day else None)
    if hit is not None:
        near = ctx.token(lo + hit.start(), lo + hit.start() + 2)
    elif day:
        near = ctx.token(s, e)
        if near is not None and near.dep_ not in ("npadvmod", "obl", "tmod"):
            near = None
    else:
        near = None
    verb = near.head if near is not None else None
    if verb is None or verb.i > near.i or verb.dep_ in ("acl", "amod", "relcl") or not (verb.tag_ == "VBD" or (
            verb.tag_ == "VBN" and any(c.lower_ in _PERFECT for c in verb.children if c.dep_ in ("aux", "auxpass")))):
        return way  # "a summit set for Washington in April", "ads reserved in December": no past event
    lead = verb.head if verb.dep_ == "conj" else verb  # "may backfire and cost … on March 13": the modal rules both
    if any(c.dep_ in ("aux", "auxpass") and c.tag_ == "MD" for c in (*verb.children, *lead.children)):
        return way
    ahead = set(lexicon()["ahead_cues"])
    if any(t.lower_ in ahead for t in ctx.doc[verb.i:near.i + 1]):
        return way
    return A.DONE


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


NORMALIZERS = {name[2:]: fn for module in (globals(), vars(relative), vars(anaphora)) for name, fn in module.items()
               if name.startswith("n_") and callable(fn)}
