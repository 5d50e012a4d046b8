"""Normalizers for durations, frequencies, offsets ("two years ago"), weekdays and reference words.

Each ``n_<rule>`` turns a match of that rule into (type, value, mod), or rejects it with None.
"""
from __future__ import annotations

import re
from datetime import timedelta

from . import anchor as A
from .base import _UNIT_GRAIN, Ctx, Result, _fmt, _pod_code, duration_value, rel_value, shifted_value
from .lexicon import lexicon, mod_code, month_number, number_value, unit_code, weekday_number

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
        if sign > 0:
            return "DURATION", duration_value(None, unit), mod  # "a few days later"
        return "DATE", "PAST_REF", mod
    if sign > 0 or (m["mod"] and mod in ("APPROX", "MORE_THAN", "LESS_THAN", "EQUAL_OR_MORE", "EQUAL_OR_LESS")) \
            or (direction == "earlier" and unit in ("D", "H", "MIN", "S", "W")):
        return "DURATION", duration_value(n, unit), mod  # "three days later", "about two years ago"
    if ctx.anchor is None:
        grain = _UNIT_GRAIN.get(unit, "D")
        return "DATE", {"Y": "XXXX", "M": "XXXX-XX", "Q": "XXXX-QX", "W": "XXXX-WXX"}.get(grain, "XXXX-XX-XX"), mod
    value = shifted_value(ctx.anchor, unit, n, sign, ctx, s)
    return ("DATE", value, mod) if value else None


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
        pod = lexicon()["parts_of_day"].get(what.lower())
        return ("SET", f"XXXX-XX-XXT{pod}", None) if pod else None  # "every morning"
    n = number_value(m["num"]) if m["num"] else 1.0
    if m["other"] and not m["num"]:
        n = 2.0  # "every other week": every second one
    if unit == "Q":
        return "SET", f"P{_fmt(n or 1)}Q", None
    if unit == "WE":
        return "SET", "XXXX-WXX-WE", None
    return "SET", duration_value(n or 1.0, unit), None


def n_weekends(m, ctx, s, e) -> Result | None:
    """ "open weekends", "on weekends": every weekend ("two weekends" is a duration, a longer match)."""
    if re.search(r"(?:\bthe|\bthose|\bthese|\bthree-day|\blong)\s+$", ctx.text[max(0, s - 12):s], re.I):
        return None
    return "SET", "XXXX-WXX-WE", None


def n_freq(m, ctx, s, e) -> Result | None:
    """"twice a year", "three times a week": the period (TimeML writes the count as freq)."""
    unit = unit_code(m["unit"])
    return ("SET", duration_value(1.0, unit), None) if unit else None


def n_set_word(m, ctx, s, e) -> Result | None:
    tok = ctx.token(s, e)
    if tok is not None and tok.pos_ in ("NOUN", "PROPN"):
        return None  # "the Communist Party daily": a newspaper
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
    if m["pl"] or m["podpl"]:  # "on Tuesdays", "Tuesday nights": every such day
        return "SET", f"XXXX-WXX-{wd}" + (f"T{pod}" if pod else ""), None
    if not m["pod"] and (shared := _SHARED_PLURAL.match(ctx.text, e)):  # "Monday and Tuesday nights"
        shared_pod = _pod_code(shared["pod"]) if shared["pod"] else None
        return "SET", f"XXXX-WXX-{wd}" + (f"T{shared_pod}" if shared_pod else ""), None
    tok = ctx.token(m.start("wd"), m.end("wd"))
    if tok is not None and tok.ent_type_ in ("ORG", "WORK_OF_ART") and tok.ent_iob_ != "B":
        return None  # "the Sunday Times", "Bloody Sunday"
    mod = mod_code(m["mod"])
    if ctx.anchor is None:
        value = f"XXXX-WXX-{wd}"
    else:
        # "earlier Sunday", "later Monday" go back to a day the story has already reached
        way = -1 if (m["mod"] or "").lower() in ("earlier", "later") else ctx.direction(s, e)
        if way == 0 and _present_be(ctx.token(m.start("wd"), m.end("wd"))):
            way = 1  # "the meeting is Tuesday", "the funeral is Friday": an appointment ahead (same day allowed)
        value = A.resolve_weekday(ctx.anchor, wd, way).isoformat()
    if pod and pod not in ("NI", "MO"):
        return "TIME", f"{value}T{pod}", mod
    return "DATE", value, mod


# After a weekday: more weekdays ending in a plural one ("Monday and Tuesday nights", "Monday, Wednesday and Fridays")
_SHARED_PLURAL = re.compile(r"(?:,?\s+(?:and|or)\s+|,\s*)(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?:,?\s+(?:and|or)\s+|,\s*))*"
                            r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?:s|\s+(?P<pod>morning|afternoon|evening|night)s)(?![\w])")


def _present_be(tok) -> bool:
    """The weekday hangs on a present "is"/"are" that is the clause's own verb ("the meeting is Tuesday")."""
    if tok is None:
        return False
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head  # "the vote is on Tuesday"
    return head.lemma_ == "be" and head.tag_ in ("VBZ", "VBP") and head.dep_ in ("ROOT", "ccomp", "conj") \
        and not any(c.dep_ in ("aux", "auxpass") for c in head.children)


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
