"""Time expressions: find them, type them and resolve them against the publication date.

``extract_times(doc, record)`` returns ``record.times``: every DATE, TIME, DURATION and
SET expression of the clean text, and of caption lines the clean step removed, with its
TIMEX3 value ("2021-12-07", "2021-W48", "P2H", "PRESENT_REF", "XXXX-12-25" …) and modifier.

Steps:
1. candidates: rule patterns (``lexicon``) run over the stretches of text around
   trigger words (months, weekdays, units, reference words, year-like numbers); no parse;
2. normalize: one normalizer per rule (``normalize``) gives (type, value, mod), or rejects;
   relative expressions are anchored on ``record.published`` and, for weekdays, months and
   holidays, on the tense of the governing verb in ``doc``;
3. select: longest accepted candidate first, no overlaps, document order;
4. captions: the same over removed lines whose reason is "caption" (no parse there).
Without a publication date relative values stay unresolved (``XXXX-…``). Rules: docs/TIME.md.
"""
from __future__ import annotations

import logging
import re
from functools import cache

from .._doc import DocView
from ...record import Article, TimeExpr
from .anaphora import resolve as resolve_anaphors
from .anchor import parse_anchor
from .lexicon import case_traps, needles, rules, trigger_words, weekday_number, word_needles, year_value
from .normalize import NORMALIZERS, Ctx

__all__ = ["extract_times", "find_times"]

log = logging.getLogger("tidings.times")

_WORD = re.compile(r"\w+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_REACH = 64  # characters a match may extend before its first or after its last trigger word


def _windows(text: str) -> list[tuple[int, int]]:
    """Stretches of text around trigger words; the rule patterns run only there (speed).

    Every rule's match holds a trigger (a month, weekday, unit, reference word, a year-like
    number, a clock time …), so text without one can hold no time expression.
    """
    words = trigger_words()
    spans: list[tuple[int, int]] = []
    n = len(text)
    for m in _WORD.finditer(text):
        w = m.group()
        if w.lower() in words:
            pass
        elif w[0].isdigit():
            if not (_YEARLIKE.fullmatch(w) or w.endswith("s") or text[m.end():m.end() + 1] in (":", "/", "-")
                    or _CLOCK_AFTER.match(text, m.end())):
                continue
        else:
            continue
        ws, we = max(0, m.start() - _REACH), min(n, m.end() + _REACH)
        if spans and ws <= spans[-1][1]:
            spans[-1] = (spans[-1][0], we)
        else:
            spans.append((ws, we))
    out = []
    for ws, we in spans:  # widen to whitespace so no word is cut
        while ws > 0 and not text[ws - 1].isspace():
            ws -= 1
        while we < n and not text[we].isspace():
            we += 1
        out.append((ws, we))
    return out


_YEARLIKE = re.compile(r"1[5-9]\d\d|20\d\d|\d{1,2}(?:st|nd|rd|th)|\d0s")
_CLOCK_AFTER = re.compile(r"\s*(?:[ap]\.?m\b|o'clock|[.:]\d)", re.I)


def _candidates(text: str) -> list[tuple[int, int, int, str, object]]:
    found = []
    windows = _windows(text)
    # Rules run only over the windows holding one of their needles (and a word of each of their word
    # groups); not when the text holds a character that case-insensitive patterns fold oddly.
    filtered = text.isascii() or case_traps().isdisjoint(_NON_ASCII.findall(text))
    active: list = [None] * len(windows)  # per window: the rules one of whose needles it holds
    words: list = [None] * len(windows)  # per window: its lower-cased words, made when first needed
    if filtered:
        (all_low, rules_low), (all_exact, rules_exact) = _all_needles()
        for k, (ws, we) in enumerate(windows):
            chunk = text[ws:we]
            lowered = chunk.lower()
            names: set[str] = set()
            for x in all_low:
                if x in lowered:
                    names |= rules_low[x]
            for x in all_exact:
                if x in chunk:
                    names |= rules_exact[x]
            active[k] = names
    needle_sets, word_sets = _needle_sets(), word_needles()
    for priority, (name, pattern) in enumerate(rules()):
        gated = filtered and name in needle_sets
        groups = word_sets.get(name) if filtered else None
        for k, (ws, we) in enumerate(windows):
            if gated and name not in active[k]:
                continue  # the window holds nothing every match of this rule holds: no match there (speed)
            if groups is not None:
                if words[k] is None:
                    words[k] = {w.lower() for w in _WORD.findall(text, ws, we)}
                if any(g.isdisjoint(words[k]) for g in groups):
                    continue
            for m in pattern.finditer(text, ws, we):
                s, e = m.span()
                while e > s and text[e - 1] in " \t\n,;:-":
                    e -= 1
                if e > s:
                    found.append((s, e, priority, name, m))
    return found


@cache
def _needle_sets() -> dict[str, tuple[frozenset, frozenset]]:
    """Rule name → (lower-case needles, case-sensitive needles) as sets, for rules that have them."""
    return {name: (frozenset(low), frozenset(exact)) for name, (low, exact) in needles().items() if exact is not None}


@cache
def _all_needles() -> tuple[tuple[tuple[str, ...], dict[str, frozenset[str]]], ...]:
    """(every lower-case needle, the rules of each), then the same for the case-sensitive needles."""
    out = []
    for kind in (0, 1):
        rules_of: dict[str, set[str]] = {}
        for name, sets in _needle_sets().items():
            for x in sets[kind]:
                rules_of.setdefault(x, set()).add(name)
        out.append((tuple(sorted(rules_of)), {x: frozenset(r) for x, r in rules_of.items()}))
    return tuple(out)


def _quarters(ctx: Ctx, cands) -> list[tuple[int, int, int]]:
    """Explicit quarters ("the third quarter", "fourth-quarter of 1990") in document order."""
    out = []
    for s, e, _, name, m in cands:
        if name != "quarter":
            continue
        try:
            result = NORMALIZERS["quarter"](m, ctx, s, e)
        except Exception:  # a malformed quarter is simply not a reference point
            continue
        if result and result[1][:4].isdigit():
            out.append((s, int(result[1][:4]), int(result[1][-1])))
    return sorted(out)


# Rules whose words are also common in titles and names; capitalized mid-sentence they are skipped.
_NAME_PRONE = frozenset({"ref", "rel", "season", "noon", "tod_rel", "set_word", "vague_plural", "the_year", "weekend"})


def _sentence_start(text: str, start: int, doc) -> bool:
    if doc is not None:
        span = doc.char_span(start, start + 1, alignment_mode="expand")
        if span is not None and len(span) and span[0].is_sent_start:
            return True
    before = text[:start].rstrip(" \t\"'`“‘(")
    return not before or before[-1] in ".!?:\n" or text[start - 1:start] == "\n"


_YEAR_RULES = frozenset({"iso", "mdy", "dmy", "my", "year", "season_year", "month_rel_year"})


def _years(cands) -> list[tuple[int, int]]:
    """Years written out ("in 1995", "May 22, 1995"), in document order, for "that year"."""
    out = []
    for s, _, _, name, m in cands:
        if name in _YEAR_RULES and "y" in m.re.groupindex and m["y"]:
            try:
                out.append((s, year_value(m["y"])))
            except (KeyError, ValueError):
                continue
    return sorted(out)


def find_times(text: str, published: str | None = None, doc=None) -> list[tuple[int, int, str, str, str | None]]:
    """(start, end, type, value, mod) of every time expression in `text`, in document order."""
    if not text:
        return []
    ctx = Ctx(text=text, anchor=parse_anchor(published), doc=doc)
    cands = _candidates(text)
    ctx.quarters = _quarters(ctx, cands)
    ctx.years = _years(cands)
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken: list[tuple[int, int]] = []
    out = []
    for s, e, _, name, m in cands:
        if any(s < te and ts < e for ts, te in taken):
            continue
        if name in _NAME_PRONE and text[s].isupper() and not _sentence_start(text, s, doc):
            continue  # "ABC's This Week", "VOA Today", "High Noon": part of a name
        try:
            result = NORMALIZERS[name](m, ctx, s, e)
        except Exception as exc:  # odd text must never stop the article
            log.debug("time rule %s failed on %r: %s", name, text[s:e], exc)
            result = None
        if result is None:
            continue
        taken.append((s, e))
        out.append((s, e, *result))
    out += _range_ends(text, out)
    out.sort()
    return resolve_anaphors(_clock_on_day_before(text, _weekday_sets(text, out)), ctx.anchor)


_WEEKDAY_SET = re.compile(r"XXXX-WXX-[1-7]")
_LIST_GAP = re.compile(r",?\s+(?:and|or|&)\s+|,\s+|\s*/\s*")


def _weekday_sets(text: str, found: list[tuple]) -> list[tuple]:
    """A bare weekday listed after a weekly set ("every Tuesday and Thursday", "each Monday, Wednesday and Friday") is
    the same kind of set, not one date."""
    out = list(found)
    for k in range(1, len(out)):
        s, e, typ, value, mod = out[k]
        ps, pe, ptyp, pvalue, _ = out[k - 1]
        if ptyp != "SET" or not _WEEKDAY_SET.match(pvalue) or typ != "DATE" or not _LIST_GAP.fullmatch(text[pe:s]):
            continue
        try:
            wd = weekday_number(text[s:e])
        except (KeyError, ValueError):
            continue
        if wd:
            out[k] = (s, e, "SET", f"XXXX-WXX-{wd}{pvalue[10:]}", mod)
    return out


_AT_GAP = re.compile(r",?\s+(?:at|from)\s+$")
_NAMES_DAY = re.compile(r"(?i)(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|yesterday|tomorrow|tonight|"
                        r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d")
_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d$")


def _clock_on_day_before(text: str, found: list[tuple]) -> list[tuple]:
    """A clock time right after a day ("Feb. 14 at 6 p.m.", "Tuesday, Feb. 21, at 6 p.m.") is on that day, not on
    the publication day its own words would give."""
    out = list(found)
    for k in range(1, len(out)):
        s, e, typ, value, mod = out[k]
        ps, pe, ptyp, pvalue, _ = out[k - 1]
        if typ != "TIME" or ptyp != "DATE" or "T" not in value or not _DAY_VALUE.match(pvalue):
            continue
        if _NAMES_DAY.search(text[s:e]) or not _AT_GAP.fullmatch(text[pe:s]):
            continue
        out[k] = (s, e, typ, pvalue + value[value.index("T"):], mod)
    return out


_YEAR_RANGE = re.compile(r"(?<![\w.,])((?:1[5-9]|20)\d\d)(?:[-\u2013/]|\s[-\u2013]\s)(?:['\u2019](?=\d\d\b))?"
                         r"((?:1[5-9]|20)\d\d|\d\d)(?![\w%-])")
MAX_RANGE_YEARS = 30  # "2011-2012", "1961-62": a span of years; "1950-2049" is not one


def _range_ends(text: str, found: list[tuple]) -> list[tuple[int, int, str, str, None]]:
    """The second year of a year range whose first year ends a time expression: "2012" of "2011-2012" and of
    "fiscal 2011-2012", "62" of "1961-62" and "1961-'62" (1962). TimeML marks both ends as dates."""
    if "-" not in text and "\u2013" not in text and "/" not in text:
        return []
    ends = {e: s for s, e, *_ in found}
    out = []
    for hit in _YEAR_RANGE.finditer(text):
        if ends.get(hit.end(1), hit.end(1)) > hit.start(1) or any(s < hit.end(2) and hit.start(2) < e for s, e, *_ in found):
            continue
        first, second = int(hit.group(1)), hit.group(2)
        end = int(second) if len(second) == 4 else first - first % 100 + int(second)
        if len(second) == 2 and end <= first:
            end += 100  # "1999-00": 2000
        if first < end <= first + MAX_RANGE_YEARS:
            out.append((hit.start(2), hit.end(2), "DATE", str(end), None))
    return out


def extract_times(view: DocView | None, record: Article) -> list[TimeExpr]:
    """Time expressions of the article body and of its captions, ids T1, T2, … in order (`view` may be None: no tense)."""
    doc = view.doc if view is not None else None
    times: list[TimeExpr] = []
    for s, e, typ, value, mod in find_times(record.text, record.published, doc):
        times.append(TimeExpr(id=f"T{len(times) + 1}", start=s, end=e, text=record.text[s:e], type=typ,
                              value=value, mod=mod, sentence=record.sentence_of(s) if record.sentences else 0))
    for line in record.removed_lines:
        if line.reason != "caption":
            continue
        for s, e, typ, value, mod in find_times(line.text, record.published, None):
            times.append(TimeExpr(id=f"T{len(times) + 1}", start=s, end=e, text=line.text[s:e], type=typ,
                                  value=value, mod=mod, sentence=0, removed_line=line.line))
    return times

