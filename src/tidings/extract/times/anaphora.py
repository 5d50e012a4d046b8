"""Anaphoric days, weeks and months ("the day before", "the next day", "the following week",
"that morning"), and terms of office ("her tenure", "his first term", "his two terms").

An anaphoric expression is counted from the time of the preceding time expression of the text,
not from publication: "On Oct. 23, 1998 … the next day" is 1998-10-24. The normalizer can not
see that expression (candidates are normalized longest first), so it returns a placeholder value
``ANA:<grain>:<shift>:<part of day>`` that ``resolve`` replaces once every expression is known,
walking the text in order (an anaphor resolved there is itself the reference of the next one).
With no calendar expression before it, the publication date is the reference; with neither,
the value stays unresolved (``XXXX-XX-XX``, ``XXXX-WXX``, ``XXXX-XX``).
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from . import anchor as A
from .base import Ctx, Result
from .lexicon import lexicon, mod_code, weekday_number

__all__ = ["n_anaphor", "n_ana_wd", "n_term", "resolve", "PLACEHOLDER"]

PLACEHOLDER = "ANA:"

# "the day before" / "the week after" stand alone only before a pause; "the day before the vote"
# counts from an event, not from a time, and is left out.
_PAUSE_AFTER = re.compile(r"\s*(?:[.,;:!?)\]\"'\u201d\u2019\u2014]|$|\s(?:and|but|when|as|he|she|they|it)\b)")
# Bare "that day/week/month" is anaphoric after a preposition or opening a sentence; elsewhere it is
# mostly generic ("trades made that day"), as TimeBank leaves it.
_BARE_BEFORE = re.compile(r"(?:\b(?:on|by|until|till|since|from|during|throughout|for|at|of)\s+|(?:^|[.!?\n]\s*))$", re.I)


def n_anaphor(m, ctx: Ctx, s: int, e: int) -> Result | None:
    phrase = re.sub(r"\s+", " ", m["phrase"].lower())
    grain, shift, pod = lexicon()["anaphors"][phrase]
    if phrase.endswith(("before", "after")) and not _PAUSE_AFTER.match(ctx.text, e):
        return None
    if phrase in ("that day", "that week", "that month") and not m["mod"] \
            and not _BARE_BEFORE.search(ctx.text[max(0, s - 16):s]):
        return None
    typ = "TIME" if pod else "DATE"
    return typ, f"{PLACEHOLDER}{grain}:{shift}:{pod or ''}", mod_code(m["mod"])


def n_ana_wd(m, ctx: Ctx, s: int, e: int) -> Result | None:
    """ "the previous Friday", "the following Monday": the weekday before or after the story's last day."""
    wd = weekday_number(m["wd"])
    if not wd:
        return None
    sign = -1 if m["dir"].lower() in ("previous", "preceding") else 1
    return "DATE", f"{PLACEHOLDER}WD:{sign * wd}:", None


def n_term(m, ctx: Ctx, s: int, e: int) -> Result | None:
    """ "his first term", "her tenure", "their two terms": a stretch of office counted in years, of unknown length."""
    noun = "pl" if m["pl"] else "sg"
    tok = ctx.token(m.start(noun), m.end(noun))
    if tok is not None and tok.pos_ not in ("NOUN",):
        return None  # "her term paper" parses the same; "term" as a verb is not a time
    if re.match(r"\s*(?:paper|limits?|sheet|loans?|deposits?|debt|bonds?)\b", ctx.text[e:e + 10], re.I):
        return None
    return "DURATION", "P" + "X" + lexicon()["term_words"][m[noun].lower()], None


_DAY = re.compile(r"(\d{4})-(\d\d)-(\d\d)")
_WEEK = re.compile(r"(\d{4})-W(\d\d)")
_MONTH = re.compile(r"(\d{4})-(\d\d)(?!\d|-\d)")
_YEAR = re.compile(r"(\d{4})(?!\d)")


def _reference(value: str):
    """(kind, point) of a calendar value: ("D", date), ("W", its Monday), ("M", (year, month)), ("Y", year); None if none."""
    if (hit := _DAY.match(value)):
        try:
            return "D", date(int(hit[1]), int(hit[2]), int(hit[3]))
        except ValueError:
            return None
    if (hit := _WEEK.match(value)):
        try:
            return "W", date.fromisocalendar(int(hit[1]), int(hit[2]), 1)
        except ValueError:
            return None
    if (hit := _MONTH.match(value)) and 1 <= int(hit[2]) <= 12:
        return "M", (int(hit[1]), int(hit[2]))
    if (hit := _YEAR.match(value)):
        return "Y", int(hit[1])
    return None


def _value(ref, grain: str, shift: int, pod: str) -> str:
    value = _calendar_value(ref, grain, shift)
    return value + f"T{pod}" if pod and grain == "D" else value


def _calendar_value(ref, grain: str, shift: int) -> str:
    kind, at = ref if ref is not None else (None, None)
    if grain == "WD":  # shift: the ISO weekday, negative for the one before the reference day
        wd = abs(shift)
        if kind != "D":
            return f"XXXX-WXX-{wd}"
        if shift > 0:
            return (at + timedelta(days=(wd - at.isoweekday()) % 7 or 7)).isoformat()
        return (at - timedelta(days=(at.isoweekday() - wd) % 7 or 7)).isoformat()
    if kind == "W" and grain == "D":
        return f"{at.isocalendar()[0]}-XX-XX"  # a day of a week: which one is not known
    if kind in ("D", "W"):
        if grain == "D":
            return (at + timedelta(days=shift)).isoformat()
        if grain == "W":
            return A.week_value(at + timedelta(weeks=shift))
        return A.shift_months(at, shift).isoformat()[:7]
    if kind == "M":
        y, mo = at
        if grain == "M":
            return A.shift_months(date(y, mo, 1), shift).isoformat()[:7]
        return f"{y}-{mo:02d}-XX" if grain == "D" else f"{y}-WXX"
    if kind == "Y":
        return {"D": f"{at}-XX-XX", "W": f"{at}-WXX", "M": f"{at}-XX"}[grain]
    return {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX"}[grain]


_FINENESS = {"D": 0, "WD": 0, "W": 1, "M": 2, "Y": 3}
RECENT_REFERENCES = 3  # how far back a day anaphor looks past a coarser date ("since 2019") for a day


def _fit(refs: list, grain: str, anchor: date | None):
    """The reference for an anaphor of `grain`: the latest date, unless it is a bare year and one of the few dates
    before it is fine enough ("met on Jan. 3 … since 2019 … the following day" counts from Jan. 3)."""
    if not refs:
        return ("D", anchor) if anchor is not None else None
    if refs[-1][0] != "Y" or grain == "Y":
        return refs[-1]  # a month stands ("last October … that same day" is a day of that October)
    for ref in reversed(refs[-RECENT_REFERENCES:]):
        if _FINENESS[ref[0]] <= _FINENESS[grain]:
            return ref
    return refs[-1]


def resolve(found: list[tuple], anchor: date | None) -> list[tuple]:
    """`found` (start, end, type, value, mod) in document order, anaphoric placeholders replaced by values."""
    out = []
    refs: list = []
    for s, e, typ, value, mod in found:
        if value.startswith(PLACEHOLDER):
            grain, shift, pod = value[len(PLACEHOLDER):].split(":")
            value = _value(_fit(refs, grain, anchor), grain, int(shift), pod)
        if typ in ("DATE", "TIME") and (ref := _reference(value)) is not None:
            refs.append(ref)
        out.append((s, e, typ, value, mod))
    return out
