"""Calendar arithmetic against the publication date, and the tense that decides past or next.

All functions take ``anchor`` (a ``datetime.date``, the publication date) and return
TIMEX3 value strings. When there is no anchor the callers build ``XXXX-…`` values
instead of calling these.
"""
from __future__ import annotations

import calendar
from datetime import date, timedelta

from .lexicon import lexicon

__all__ = ["parse_anchor", "day_value", "week_value", "shift_months", "resolve_weekday", "resolve_month",
           "resolve_month_day", "season_of", "resolve_season", "quarter_of", "easter", "holiday_date",
           "direction"]


def parse_anchor(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(str(published)[:10])
    except ValueError:
        return None


def day_value(d: date) -> str:
    return d.isoformat()


def week_value(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def shift_months(d: date, months: int) -> date:
    total = d.year * 12 + (d.month - 1) + months
    y, m = divmod(total, 12)
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def resolve_weekday(anchor: date, wd: int, direction: int, *, strict: bool = False) -> date:
    """Weekday 1..7 nearest the anchor: back when direction <= 0, forward when > 0; same day allowed unless strict."""
    diff = (wd - anchor.isoweekday()) % 7
    if direction > 0:
        return anchor + timedelta(days=diff if diff or not strict else 7)
    back = (anchor.isoweekday() - wd) % 7
    if back == 0 and strict:
        back = 7
    return anchor - timedelta(days=back)


# A month (or month and day) named without a year is the latest one at or before publication,
# unless the next one comes soon enough: within FUTURE_WINDOW[direction] days, and nearer than
# the past one. A future tense always takes the next one. Tuned on the TimeBank/AQUAINT dev
# files (211 of 223 months right; nearest-whatever-the-tense gets 200): news looks back.
FUTURE_WINDOW = {-1: 60, 0: 120, -2: 0}
DONE = -2  # a past verb with "in January": the month is over, never the next one
PAST_WINDOW = 31  # a future tense still takes a date less than a month gone ("by Jan. 14", written Jan. 15)


def _pick(anchor: date, past: date, future: date, direction: int) -> date:
    back, ahead = (anchor - past).days, (future - anchor).days
    if back == 0 or ahead == 0:
        return anchor if back == 0 else future
    if direction > 0:
        return past if back <= PAST_WINDOW and back < ahead else future
    return future if ahead <= FUTURE_WINDOW[direction] and ahead < back else past


def resolve_month(anchor: date, month: int, direction: int) -> int:
    """Year of a month named without one (see FUTURE_WINDOW)."""
    if month == anchor.month:
        return anchor.year
    past = date(anchor.year if month < anchor.month else anchor.year - 1, month, 15)
    future = date(anchor.year if month > anchor.month else anchor.year + 1, month, 15)
    return _pick(anchor, past, future, max(DONE, min(1, direction))).year


def resolve_month_day(anchor: date, month: int, day: int, direction: int) -> date | None:
    def make(y: int) -> date | None:
        try:
            return date(y, month, day)
        except ValueError:
            return None

    this = make(anchor.year)
    if this is None:
        this = make(anchor.year - 1) or make(anchor.year + 1)  # 29 February
        return this
    past = this if this <= anchor else make(anchor.year - 1)
    future = this if this >= anchor else make(anchor.year + 1)
    if past is None or future is None:
        return past or future
    return _pick(anchor, past, future, max(DONE, min(1, direction)))


def season_of(d: date) -> tuple[int, str]:
    """(year, code) of the season holding d; winter belongs to the year of its December."""
    m = d.month
    if m in (12, 1, 2):
        return (d.year if m == 12 else d.year - 1, "WI")
    return (d.year, {3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(m, "FA"))


_SEASON_ORDER = ("SP", "SU", "FA", "WI")


def resolve_season(anchor: date, code: str, rel: str) -> str:
    """rel: "this", "last", "next" or "" (nearest, past preferred)."""
    cy, cc = season_of(anchor)
    ci, ti = _SEASON_ORDER.index(cc), _SEASON_ORDER.index(code)
    if rel == "this":
        y = cy if ti >= ci or cc != "WI" else cy
        if cc == "WI" and ti < ci and anchor.month in (1, 2):
            y = cy + 1
        return f"{y}-{code}"
    past_y = cy if ti < ci else cy - 1  # most recent finished one
    if rel == "last":
        return f"{past_y}-{code}"
    next_y = cy if ti > ci else cy + 1
    if rel == "next":
        return f"{next_y}-{code}"
    if ti == ci:
        return f"{cy}-{code}"
    return f"{past_y}-{code}"


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def easter(year: int) -> date:
    from dateutil.easter import easter as _easter

    return _easter(year)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """n-th (1-based; -1 = last) ISO weekday of a month."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    last = date(year, month, calendar.monthrange(year, month)[1])
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)


def holiday_date(code: str, year: int) -> date | None:
    if code == "THANKSGIVING":
        return _nth_weekday(year, 11, 4, 4)
    if code == "EASTER":
        return easter(year)
    if code == "GOODFRIDAY":
        return easter(year) - timedelta(days=2)
    if code == "LABORDAY":
        return _nth_weekday(year, 9, 1, 1)
    if code == "MEMORIALDAY":
        return _nth_weekday(year, 5, 1, -1)
    if code == "MLKDAY":
        return _nth_weekday(year, 1, 1, 3)
    if code == "PRESIDENTSDAY":
        return _nth_weekday(year, 2, 1, 3)
    if code == "COLUMBUSDAY":
        return _nth_weekday(year, 10, 1, 2)
    if code == "BLACKFRIDAY":
        return _nth_weekday(year, 11, 4, 4) + timedelta(days=1)
    try:
        m, d = code.split("-")
        return date(year, int(m), int(d))
    except ValueError:
        return None


# -- tense ---------------------------------------------------------------------------
_FUTURE_BEFORE = None


def _future_before() -> tuple[str, ...]:
    global _FUTURE_BEFORE
    if _FUTURE_BEFORE is None:
        _FUTURE_BEFORE = tuple(w + " " for w in lexicon()["future_words_before"])
    return _FUTURE_BEFORE


def direction(doc, text: str, start: int, end: int) -> int:
    """-1 when the verb governing text[start:end] is past, +1 when it is future or planned, 0 when unknown.

    Future: an auxiliary will/would/shall/'ll, a to-infinitive ("set to resume Monday"),
    a present progressive ("is meeting Tuesday"), a planning verb (scheduled, expected, due),
    or a cue just before the expression ("as soon as", "until", "by"). Past: VBD/VBN.
    A noun met on the way up ("the call on Monday") leaves the tense unknown.
    """
    before = text[max(0, start - 16):start].lower()
    if any(before.endswith(cue) for cue in _future_before()):
        return 1
    if before.endswith(("since ", "as of ")):
        return -1
    tense = _tense(doc, start, end)
    if tense == 0 and before.endswith(DEADLINE_CUES):
        return 1  # "the road is closed through May", "repairs are done by May": a deadline ahead
    return tense


PRESENT_BE = frozenset({"is", "are", "am", "'s", "'re", "'m"})
DEADLINE_CUES = ("through ", "thru ", "by ")  # before a month or day in a present or unknown tense: ahead


def _tense(doc, start: int, end: int) -> int:
    """The tense of the verb governing doc's text[start:end]: -1 past, +1 future, 0 unknown (see direction)."""
    if doc is None:
        return 0
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return 0
    tok = span.root
    lx = lexicon()
    future_aux = set(lx["future_auxiliaries"])
    future_verbs = set(lx["future_verbs"])
    node = tok
    for _ in range(8):
        head = node.head
        if head is node:
            break
        node = head
        if node.pos_ in ("NOUN", "PROPN") and node.dep_ not in ("ROOT",) and node.i != tok.i:
            if node.lemma_.lower() in ("plan", "schedule"):
                return 1
            return 0
        if node.pos_ not in ("VERB", "AUX") and not (node.pos_ == "ADJ" and node.dep_ in ("ROOT", "acomp", "ccomp")):
            continue
        auxes = [c for c in node.children if c.dep_ in ("aux", "auxpass")]
        aux_words = {c.lower_ for c in auxes}
        if aux_words & future_aux:
            return 1
        if node.lemma_.lower() in future_verbs and node.tag_ in ("VBN", "JJ") and aux_words & {"is", "are", "'s", "'re", "be"}:
            return 1
        if node.lower_ in ("due", "scheduled", "slated", "set", "expected") and aux_words:
            # "the vote is scheduled for Monday"; a bare participle ("a record set on Aug. 6") is past
            return 1 if node.tag_ in ("VBN", "JJ") and not (aux_words & {"was", "were", "had"}) else -1
        if node.tag_ == "VB" and "to" in aux_words:
            if node.dep_ in ("xcomp", "ccomp", "acl", "ROOT", "relcl"):
                return 1
            continue  # a purpose clause ("staged … to mark X on Friday") takes its head's tense
        if node.tag_ in ("VBZ", "VBP") and not auxes and node.lemma_.lower() in lx["scheduled_verbs"]:
            return 1  # "voting begins in March", "the council meets Tuesday": a timetable
        if node.tag_ == "VBN" and "to" in aux_words and node.dep_ in ("xcomp", "ccomp", "acl", "ROOT", "relcl"):
            return 1  # "expect the deal to be completed by Dec. 15", "guidelines to be published in November"
        if node.tag_ == "VBG" and aux_words & {"is", "are", "'s", "'re", "am"}:
            return 1
        if node.tag_ == "VBN" and aux_words and aux_words <= PRESENT_BE:
            return 0  # "the road is closed": a state now, no past
        if node.tag_ in ("VBD", "VBN"):
            return -1
        if aux_words & {"did", "had", "has", "have", "was", "were"}:
            return -1
        return 0
    return 0
