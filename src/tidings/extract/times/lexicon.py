"""Vocabulary and candidate patterns of the time extractor.

The words come from ``tidings/data/times/lexicon.json``; this module turns them into
regular expressions, compiled once per process. Each rule is ``(name, compiled)``;
the rule name selects the normalizer in ``normalize``.
"""
from __future__ import annotations

import json
import re
import re._constants as _sre_constants  # re's own parser: the first characters of a rule (speed)
import re._parser as _sre_parser
from functools import cache
from pathlib import Path

__all__ = ["lexicon", "word_branches", "lowers_plainly", "rules", "rule_sources", "needles", "word_needles", "case_traps", "trigger_words", "number_value", "year_value", "month_number", "weekday_number", "unit_code", "mod_code"]


@cache
def lexicon() -> dict:
    path = Path(__file__).resolve().parents[2] / "data" / "times" / "lexicon.json"
    return json.loads(path.read_text(encoding="utf-8"))


def _alt(words, *, escape=True) -> str:
    words = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w) if escape else w for w in words)


def word_branches(words) -> list[str]:
    """Pattern alternatives, one per first letter, that together match a whole word of `words` (lower-case
    letters, digits, hyphens) starting a word: the longest that fits, as a longest-first list would.

    The words are folded into a prefix tree, and every alternative starts with its literal first letter,
    so that ``re`` skips ahead to a possible first letter instead of trying the pattern at every position.
    ``(?<!\\w.)`` after the first letter is ``\\b`` before it. Use them case-sensitively, on lower-case text.
    """
    tree: dict = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return [re.escape(ch) + r"(?<!\w.)" + emit(sub) + r"\b" for ch, sub in sorted(tree.items())]


_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_ASCII_LETTER = re.compile(r"[a-z]", re.I)


def lowers_plainly(text: str) -> bool:
    """True when ``text.lower()`` lower-cases only the ASCII letters of `text` and `text` holds no non-ASCII
    digit and no character that re's IGNORECASE takes for an ASCII letter ("ſ", "K"): then a case-sensitive
    pattern of lower-case words finds over ``text.lower()``, at the same offsets, what its case-insensitive
    twin finds over `text`, and ``\\d``, ``\\w`` and ``\\b`` mean the same in both."""
    return text.isascii() or not any(map(_odd_char, set(_NON_ASCII.findall(text))))


@cache
def _odd_char(c: str) -> bool:
    return c.lower() != c or c.isdigit() or c.isdecimal() or c.isnumeric() or bool(_ASCII_LETTER.fullmatch(c))


def _spaced(word: str) -> str:
    return r"\s+".join(re.escape(part) for part in word.split())


@cache
def _pieces() -> dict[str, str]:
    lx = lexicon()
    months = []
    for name in lx["months"]:
        cap = name.capitalize()
        if len(name) <= 4 and name != "june" and name != "july" and name != "may":
            months += [cap + r"\.?", name.upper() + r"\.?"]
            if name == "sept":
                months.append(r"Sept\.?")
        else:
            months += [cap, name.upper()]
    month = "(?:" + "|".join(sorted(set(months), key=len, reverse=True)) + r")(?![\w])"
    weekdays = []
    for name in lx["weekdays"]:
        weekdays += [name.capitalize(), name.upper()]
    weekday_bare = "(?:" + "|".join(weekdays) + ")"
    weekday = weekday_bare + r"(?![\w])"
    small = [w for w in lx["numbers"] if " " not in w and w not in ("a", "an", "hundred", "dozen")]
    tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    units_words = "one|two|three|four|five|six|seven|eight|nine"
    numw = (r"(?:\d+(?:\s+1/2|½)|\d+(?:[.,]\d+)?|(?:" + tens + r")(?:[- ](?:" + units_words + r"))?|" + _alt(small)
            + r"|a\s+hundred|one\s+hundred|a\s+dozen|a\s+couple\s+of|a\s+couple|couple\s+of|half\s+a|a|an)")
    vague = "(?:" + "|".join(_spaced(w) for w in sorted(lx["vague_numbers"], key=len, reverse=True)) + ")"
    unit = (r"(?:(?:trading|business|working)\s+)?(?:years?|yrs?|months?|weeks?|days?|fortnights?|hours?|hrs?|"
            r"minutes?|mins?|seconds?|secs?|decades?|century|centuries|millenni(?:um|a)|quarters?|weekends?|nights?)")
    season = "(?:" + _alt(lx["seasons"]) + ")"
    pod = "(?:" + _alt(lx["parts_of_day"]) + ")"
    ordn = "(?:" + _alt(lx["ordinals"]) + ")"
    mods = "(?:" + "|".join(_spaced(w) for w in sorted(lx["mods_before"], key=len, reverse=True)) + ")"
    edge = r"(?:early|late|mid|the\s+(?:beginning|start|end|middle|close)\s+of|the\s+(?:first|second|last)\s+half\s+of)"
    day = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d\w])"
    teens = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
    spelled = (r"(?i:(?:nineteen|eighteen|twenty)[\s-]+(?:(?:" + tens + r")(?:[\s-](?:" + units_words + r"))?|" + teens
               + r"|hundred|oh[\s-](?:" + units_words + r"))|two\s+thousand(?:\s+(?:and\s+)?(?:" + units_words + r"|" + teens + r"))?)")
    year = r"(?:1[5-9]\d\d|20\d\d|" + spelled + r")(?![\d\w])"
    tz = "(?:" + "|".join(re.escape(t) for t in lx["timezones"]) + r")(?![\w])"
    holiday = "(?:" + "|".join(_spaced(w) for w in sorted(lx["holidays"], key=len, reverse=True)) + r")(?![\w])"
    return {"MONTH": month, "WEEKDAY": weekday, "WEEKDAY_BARE": weekday_bare, "NUM": numw, "VAGUE": vague, "UNIT": unit, "SEASON": season,
            "POD": pod, "ORD": ordn, "MODS": mods, "EDGE": edge, "DAY": day, "YEAR": year, "TZ": tz,
            "HOLIDAY": holiday}


_B = r"(?<![\w$€£.-])"  # left edge: not inside a word, a number or an amount

# (name, pattern, case-insensitive?) in priority order: on equal spans the earlier rule wins.
_RULES: tuple[tuple[str, str, bool], ...] = (
    ("iso", _B + r"(?P<y>{YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?![\d])", False),
    ("slash", _B + r"(?P<m>0?[1-9]|1[0-2])/(?P<d>0?[1-9]|[12]\d|3[01])/(?P<y>(?:19|20)?\d\d)(?![\d/])", False),
    ("time", _B + r"(?:(?P<mod>(?i:about|around|approximately|shortly\s+(?:before|after)|just\s+(?:before|after)))\s+)?"
             r"(?P<h>[01]?\d|2[0-4])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>(?i:a\.m\.?|p\.m\.?|am|pm|o'clock)(?![\w])|(?=\s+{TZ}))"
             r"(?:\s+(?P<tz>{TZ}))?(?:(?:\s*\([^()\n]{{1,24}}\))?,?\s+(?:(?i:on)\s+)?(?P<dayref>{WEEKDAY}(?:,?\s+{MONTH}\s+{DAY}(?:,?\s+{YEAR})?)?|(?i:today|yesterday|tomorrow)(?![\w])|{MONTH}\s+{DAY}(?:,?\s+{YEAR})?))?", False),
    ("noon", _B + r"(?P<word>(?i:noon|midday|midnight))(?:\s+(?P<tz>{TZ}))?(?:,?\s+(?:(?i:on)\s+)?(?P<dayref>{WEEKDAY}|(?i:today|yesterday|tomorrow)(?![\w])))?", False),
    ("mdy", _B + r"(?:(?P<mod>(?i:{EDGE}))[\s-]*)?(?:(?P<wd>{WEEKDAY}),?\s+)?(?:(?i:the)\s+)?(?P<mon>{MONTH})\s+(?P<d>{DAY})(?:,?\s+(?P<y>{YEAR}))?", False),
    ("dmy", _B + r"(?:(?P<wd>{WEEKDAY}),?\s+)?(?:(?i:the)\s+)?(?P<d>{DAY})(?:\s+(?i:of))?\s+(?P<mon>{MONTH})(?:,?\s+(?P<y>{YEAR}))?", False),
    ("my", _B + r"(?:(?P<mod>(?i:{EDGE}))[\s-]*)?(?P<mon>{MONTH}),?\s+(?:(?i:of)\s+)?(?P<y>{YEAR})", False),
    ("holiday", _B + r"(?P<name>(?i:{HOLIDAY}))(?:\s+(?P<y>{YEAR}))?", False),
    ("quarter", _B + r"(?:(?i:the|this|that|its)\s+)?(?P<pre>(?:(?i:fiscal|year-ago|year-earlier|latest|current|comparable|same|flat|"
                r"this\s+year's|last\s+year's|next\s+year's|fiscal\s+{YEAR}|{YEAR})[\s-]+)*)"
                r"(?P<ord>(?i:first|second|third|fourth|final|1st|2nd|3rd|4th))[\s-]+(?:(?i:fiscal)[\s-]+)?(?i:quarters?)(?![\w])"
                r"(?:\s+(?i:of)\s+(?:(?i:fiscal)\s+)?(?P<y>{YEAR}))?", False),
    ("quarter_ref", _B + r"(?P<det>(?i:the\s+latest|the\s+current|the\s+same|this|the|that|latest|current|the\s+(?:comparable\s+)?year-ago|"
                    r"the\s+(?:comparable\s+)?year-earlier|year-ago|year-earlier|last\s+year's|this\s+year's)(?:\s+(?P<yr>{YEAR}))?)"
                    r"\s+(?P<noun>(?i:quarter|period))(?![\w-])", False),
    ("yearago", _B + r"(?P<w>(?i:year-(?:earlier|ago)))(?![\w-])", False),
    ("weekend", _B + r"(?i:the\s+weekend)(?![\w-])", False),
    ("weekends", _B + r"(?i:weekends)(?![\w-])", False),
    ("month_rel_year", _B + r"(?P<mon>{MONTH})(?:\s+(?P<d>{DAY}))?,?\s+(?P<rel>(?i:this|last|next))\s+(?i:year)(?![\w-])", False),
    ("the_year", _B + r"(?i:the\s+(?:full\s+|(?:current\s+|latest\s+|new\s+)?fiscal\s+)?year)(?![\w-])(?!\s+(?:\d|two|nineteen|before|after|earlier|ago|of|in\b|when|that|to\b))", False),
    ("half", _B + r"(?:(?i:the)\s+)?(?P<ord>(?i:first|second|last|1st|2nd))[\s-]+(?i:half)\s+(?i:of)\s+(?P<y>{YEAR})", False),
    ("century", _B + r"(?:(?i:the)\s+)?(?:(?P<mod>(?i:early|mid|late))[\s-]+)?(?P<ord>(?i:{ORD}|\d{{1,2}}(?:st|nd|rd|th)))[\s-]+(?i:century)(?![\w])", False),
    ("decade", _B + r"(?:(?i:the)\s+)?(?:(?P<mod>(?i:early|mid|late))[\s-]+)?(?:(?P<cent>1[5-9]|20)(?P<dec>\d)0'?s|'(?P<dec2>\d)0s|(?P<dec3>[2-9])0s|(?P<decw>(?i:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)))(?![\w])", False),
    ("season_year", _B + r"(?:(?P<mod>(?i:{EDGE}))[\s-]*)?(?:(?i:the)\s+)?(?P<season>(?i:{SEASON}))(?:\s+(?i:of))?\s+(?P<y>{YEAR})", False),
    ("fiscal", _B + r"(?:(?i:the)\s+)?(?i:fiscal)(?:\s+(?i:year))?\s+(?P<y>{YEAR}|\d\d)(?![\w])", False),
    ("year", _B + r"(?:(?P<mod>(?i:{EDGE}))[\s-]*)?(?:(?i:calendar|the\s+year)\s+)?(?P<y>{YEAR})", False),
    ("offset", _B + r"(?:(?P<mod>{MODS})\s+(?!(?:the|this|its|their|his|her)\s))?(?P<num>{NUM}|{VAGUE})(?:\s+or\s+(?:so|more|two|three))?[\s-]+(?P<unit>{UNIT})"
               r"(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|later|before\s+that|after\s+that|from\s+now|hence|back|previously|since)(?![\w])", True),
    ("ana_wd", _B + r"(?i:the)\s+(?P<dir>(?i:previous|preceding|following|next))\s+(?-i:(?P<wd>{WEEKDAY}))", False),
    ("rel_wd", _B + r"(?:(?P<mod>{EDGE})\s+)?(?P<rel>this\s+past|this\s+coming|this|last|next|coming|past)\s+(?-i:(?P<wd>{WEEKDAY}))(?:\s+(?P<pod>{POD}))?", True),
    ("rel_month", _B + r"(?:(?P<mod>{EDGE})[\s-]+)?(?P<rel>this\s+past|this\s+coming|this|last|next|coming|past)\s+(?-i:(?P<mon>{MONTH}))(?!\s*\d)", True),
    ("rel", _B + r"(?:(?P<mod>{MODS}|earlier|later)[\s-]+)?(?P<rel>this\s+past|this\s+coming|this|last|next|past|previous|coming|current|"
            r"the\s+current|the\s+past|the\s+previous|the\s+next|the\s+coming|the\s+last|"
            r"the\s+latest|the\s+present|the\s+new)\s+(?P<unit>week|month|year|quarter|weekend|decade|century|fiscal\s+year|"
            r"{SEASON})(?:'s)?(?![\w-])(?:\s+(?P<pod>{POD}))?", True),
    ("that_year", _B + r"(?:(?P<mod>earlier|later|early|late)\s+(?:in\s+)?)?(?P<det>that|the\s+same|the\s+following|the\s+previous|"
                  r"the\s+preceding)\s+year(?![\w-])", True),
    ("anaphor", _B + r"(?:(?P<mod>earlier|later|early|late)\s+(?:on\s+|in\s+)?)?(?P<phrase>{ANAPHORS})(?![\w-])", True),
    ("term", _B + r"(?:his|her|their)\s+(?:(?:first|second|third|fourth|fifth|final|last|current|previous|entire|whole|full|"
             r"brief|short|long|lengthy|new)\s+)*(?:(?:two|three|four|five|six|both|[2-9])\s+(?:(?:consecutive|full)\s+)?"
             r"(?P<pl>terms)|(?P<sg>term|tenure))(?![\w-])", True),
    ("edge_the", _B + r"(?P<mod>{EDGE}|earlier|later)\s+(?:in\s+)?the\s+(?P<unit>year|month|week|decade|century)(?![\w-])", True),
    ("yearend", _B + r"(?P<txt>year-end|year\s+end|year's\s+end|end\s+of\s+the\s+year|the\s+end\s+of\s+the\s+year)(?![\w-])", True),
    ("set", _B + r"(?P<q>every|each)\s+(?:(?P<other>other)\s+)?(?:(?P<num>{NUM})\s+)?(?P<what>{UNIT}|(?-i:{WEEKDAY}|{MONTH})|{SEASON}|{POD})(?![\w-])", True),
    ("freq", _B + r"(?P<times>once|twice|thrice|(?:{NUM})\s+times)\s+(?:a|an|per|each|every)\s+(?P<unit>year|month|week|day|"
             r"decade|quarter)(?![\w-])", True),
    ("set_word", _B + r"(?P<word>{SETS})(?![\w-])", True),
    ("duration", _B + r"(?:(?P<mod>{MODS})\s+(?!(?:the|this|its|their|his|her)\s))?(?:(?:the|a|an|its|their|his|her|this)\s+)?(?:(?P<rel>past|last|next|coming|first|latest|"
                 r"previous|following|final|remaining|initial|preceding|ensuing|subsequent|full|entire|whole|same|additional|further|"
                 r"further|extra|other)\s+)?(?P<num>{NUM}|{VAGUE})(?:\s+(?:to|or|and)\s+(?P<num2>{NUM}))?[\s-]+(?:more\s+)?"
                 r"(?:(?:straight|consecutive|successive)\s+)?(?P<unit>{UNIT})(?P<suf>-old|-long)?(?![\w])(?:\s+(?P<half>and\s+a\s+half|or\s+so|or\s+more))?", True),
    ("vague_plural", _B + r"(?:(?<=\bfor\s)(?=(?:days|hours|minutes)\b)|(?=(?:years|months|weeks)\b))"
                     r"(?P<word>years|months|weeks|days|hours|minutes)(?![\w-])", True),
    ("wd", _B + r"(?:(?P<mod>early|late|earlier|later|mid)\s+)?(?-i:(?P<wd>{WEEKDAY_BARE}))(?:(?P<pl>s)(?![\w'])|(?![\w]))(?:'s)?"
           r"(?:\s+(?P<pod>{POD})(?P<podpl>s)?(?![\w]))?", True),
    ("tod_rel", _B + r"(?:(?P<mod>early|late|earlier|later)\s+)?(?P<rel>this|last|tomorrow|yesterday|tonight|today)\s+(?P<pod>{POD})(?![\w])", True),
    ("pod_ref", _B + r"(?:(?P<mod>early|late|earlier|later|mid)[\s-]+)?(?P<pod>morning|afternoon|evening)\s+(?P<rel>yesterday|today|tomorrow)(?![\w])", True),
    ("ref", _B + r"(?:(?P<mod>early|late|earlier|later)\s+)?(?P<word>{REFS})(?![\w-])", True),
    ("month", _B + r"(?:(?P<mod>(?i:{EDGE}))[\s-]*)?(?P<mon>{MONTH})", False),
    ("season", _B + r"(?:(?P<mod>{EDGE})[\s-]+)?(?:the\s+)?(?P<season>{SEASON})(?![\w-])", True),
)


@cache
def rules() -> tuple[tuple[str, re.Pattern], ...]:
    """(name, compiled pattern) per rule, each with a look-ahead for its first characters (speed)."""
    return tuple((name, re.compile(_with_first_chars(source, flags), flags)) for name, source, flags in rule_sources())


@cache
def rule_sources() -> tuple[tuple[str, str, int], ...]:
    """(name, pattern source, flags) per rule, as written."""
    pieces = dict(_pieces())
    refs = [w for w in lexicon()["references"]]
    pieces["REFS"] = "|".join(_spaced(w) for w in sorted(refs, key=len, reverse=True))
    pieces["SETS"] = _alt(lexicon()["sets"])
    pieces["ANAPHORS"] = "|".join(_spaced(w) for w in sorted(lexicon()["anaphors"], key=len, reverse=True))
    return tuple((name, pattern.format(**pieces), re.I if insensitive else 0) for name, pattern, insensitive in _RULES)


def _with_first_chars(source: str, flags: int) -> str:
    """`source` with a look-ahead for the characters a match can start with, put after the left edge `_B`:
    the same matches, but re rejects most positions at once instead of trying every alternative there."""
    if not source.startswith(_B):
        return source
    first = _first(_sre_parser.parse(source, flags), bool(flags & re.I))
    if first is None or first[3]:
        return source
    cased, folded, digit, _ = first
    parts = ([r"(?-i:[" + "".join(map(re.escape, sorted(cased))) + "])"] if cased else []) \
        + ([r"(?i:[" + "".join(map(re.escape, sorted(folded))) + "])"] if folded else []) + ([r"\d"] if digit else [])
    if not parts:
        return source
    return _B + "(?=" + "|".join(parts) + ")" + source[len(_B):]


def _first(items, ignore_case: bool):
    """(case-sensitive chars, case-insensitive chars, a digit, can be empty) a match of the parsed
    sequence `items` can start with; None when that is not known (any other construct)."""
    cased: set[str] = set()
    folded: set[str] = set()
    digit = False
    for op, av in items:
        got = _first_op(op, av, ignore_case)
        if got is None:
            return None
        cased |= got[0]
        folded |= got[1]
        digit = digit or got[2]
        if not got[3]:
            return cased, folded, digit, False
    return cased, folded, digit, True


def _first_op(op, av, ignore_case: bool):
    c = _sre_constants
    if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
        return set(), set(), False, True  # zero-width
    if op is c.LITERAL:
        return (set(), {chr(av)}, False, False) if ignore_case else ({chr(av)}, set(), False, False)
    if op is c.IN:
        chars, digit = set(), False
        for o, a in av:
            if o is c.LITERAL:
                chars.add(chr(a))
            elif o is c.RANGE:
                chars.update(chr(x) for x in range(a[0], a[1] + 1))
            elif o is c.CATEGORY and a is c.CATEGORY_DIGIT:
                digit = True
            else:
                return None
        return (set(), chars, digit, False) if ignore_case else (chars, set(), digit, False)
    if op is c.BRANCH:
        cased, folded, digit, empty = set(), set(), False, False
        for alt in av[1]:
            got = _first(alt, ignore_case)
            if got is None:
                return None
            cased |= got[0]
            folded |= got[1]
            digit, empty = digit or got[2], empty or got[3]
        return cased, folded, digit, empty
    if op is c.SUBPATTERN:
        _, add, remove, sub = av
        return _first(sub, (ignore_case or bool(add & re.I)) and not remove & re.I)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT):
        got = _first(av[2], ignore_case)
        return None if got is None else (got[0], got[1], got[2], got[3] or av[0] == 0)
    return None


# Words of multi-word entries that are too common to trigger a look on their own: each of those
# entries holds another, rarer trigger ("more recently" → "recently", "the near future" → "future").
_FUNCTION_WORDS = {"a", "an", "the", "at", "as", "in", "of", "on", "to", "by", "this", "that", "last", "next", "s",
                   "new", "more", "after", "before", "trading", "business", "working", "these", "right", "near",
                   "possible", "good", "eve", "st", "day"}


# What every match of each rule holds, so that a rule runs only over the windows (see
# times._windows) that hold it: the same matches at a fraction of the cost. Per rule: lower-case
# strings (looked for in the lower-cased window; the rule part they stand for is case-insensitive or
# wider) and strings looked for as written (case-sensitive month and weekday names, time zones).
# "@months" etc. expand to the lexicon list (the longest word of each entry, lower-cased). A rule
# changed so that its matches can lack all of its strings must change its entry here too.
_NEEDLES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "iso": (("-0", "-1"), ()), "slash": (("/",), ()),
    "time": (("am", "pm", "a.m", "p.m", "clock"), ("@timezones",)), "noon": (("noon", "midday", "midnight"), ()),
    "mdy": ((), ("@months",)), "dmy": ((), ("@months",)), "my": ((), ("@months",)), "holiday": (("@holidays",), ()),
    "quarter": (("quarter",), ()), "quarter_ref": (("quarter", "period"), ()), "yearago": (("year-",), ()),
    "weekend": (("weekend",), ()), "weekends": (("weekends",), ()), "month_rel_year": ((), ("@months",)), "the_year": (("year",), ()),
    "half": (("half",), ()), "century": (("century",), ()), "decade": (("0s", "0's", "ties"), ()),
    "season_year": (("@seasons",), ()), "fiscal": (("fiscal",), ()),
    "year": (("1", "2", "nineteen", "eighteen", "twenty", "thousand"), ()),
    "offset": (("ago", "earlier", "later", "that", "now", "hence", "back", "previously", "since"), ()),
    "rel_wd": ((), ("@weekdays",)), "ana_wd": ((), ("@weekdays",)), "rel_month": ((), ("@months",)),
    "rel": (("week", "month", "year", "quarter", "decade", "century", "@seasons"), ()),
    "that_year": (("year",), ()), "edge_the": (("year", "month", "week", "decade", "century"), ()),
    "anaphor": (("day", "week", "month", "morning", "afternoon", "evening", "night"), ()),
    "term": (("term", "tenure"), ()),
        "yearend": (("year",), ()), "set": (("every", "each"), ()), "freq": (("once", "twice", "thrice", "times"), ()), "set_word": (("@sets",), ()),
    "duration": (("yr", "year", "month", "week", "day", "fortnight", "hour", "hr", "min", "sec", "decade", "centur",
                  "millenni", "quarter", "night"), ()),
    "vague_plural": (("years", "months", "weeks", "days", "hours", "minutes"), ()), "wd": ((), ("@weekdays",)),
    "tod_rel": (("@parts_of_day",), ()), "pod_ref": (("morning", "afternoon", "evening"), ()),
    "ref": (("@references",), ()), "month": ((), ("@months",)), "season": (("@seasons",), ()),
}


# Whole words (lower-case) that every match of the costliest rules holds, one of each group at least.
# The unit of "three years", "two days ago", "next week" and the direction word of "ago", "before that"
# stand between a space (or hyphen) and a non-word character in those rules, so each is a word ("\\w+" run)
# of the window. Spelled out from the UNIT, dir and unit alternatives of the rules above: change together.
_UNIT_WORDS = ("year", "years", "yr", "yrs", "month", "months", "week", "weeks", "day", "days", "fortnight",
               "fortnights", "hour", "hours", "hr", "hrs", "minute", "minutes", "min", "mins", "second", "seconds",
               "sec", "secs", "decade", "decades", "century", "centuries", "millennium", "millennia", "quarter",
               "quarters", "weekend", "weekends", "night", "nights")
_WORD_NEEDLES: dict[str, tuple[tuple[str, ...], ...]] = {
    "duration": (_UNIT_WORDS,),
    "offset": (_UNIT_WORDS, ("ago", "earlier", "later", "before", "after", "from", "hence", "back", "previously", "since")),
    "rel": (("week", "month", "year", "quarter", "weekend", "decade", "century", "@seasons"),),
}


@cache
def word_needles() -> dict[str, tuple[frozenset[str], ...]]:
    """Rule name → groups of lower-case words: every match of the rule holds a word of each group."""
    lx = lexicon()
    out = {}
    for name, groups in _WORD_NEEDLES.items():
        sets = []
        for group in groups:
            words: set[str] = set()
            for item in group:
                if item.startswith("@"):
                    words.update(e.lower().split()[-1] for e in lx[item[1:]])
                else:
                    words.add(item)
            sets.append(frozenset(words))
        out[name] = tuple(sets)
    return out


@cache
def needles() -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """Rule name → (lower-case strings, case-sensitive strings) one of which every match of the rule holds."""
    lx = lexicon()
    out = {}
    for name, (lower, cased) in _NEEDLES.items():
        low: set[str] = set()
        for item in lower:
            if item.startswith("@"):
                low.update(max(e.lower().split(), key=len) for e in lx[item[1:]])
            else:
                low.add(item)
        exact: set[str] = set()
        for item in cased:
            if item == "@timezones":
                exact.update(lx["timezones"])
            elif item.startswith("@"):  # month and weekday names: Capitalized or UPPER (see _pieces)
                exact.update(v for e in lx[item[1:]] for v in (e.capitalize(), e.upper()))
            else:
                exact.add(item)
        out[name] = (tuple(sorted(low)), tuple(sorted(exact)))
    return out


@cache
def case_traps() -> frozenset[str]:
    """Non-ASCII characters that a case-insensitive pattern takes for an ASCII letter ("ſ" for "s", "K" for
    "k"): in a text holding one, the lower-case needles are not used."""
    letter = re.compile(r"[a-z]", re.I)
    return frozenset(chr(c) for c in range(0x80, 0x10000) if letter.fullmatch(chr(c)))


@cache
def trigger_words() -> frozenset[str]:
    """Lower-case words one of which every time expression holds (see times._windows)."""
    lx = lexicon()
    words: set[str] = set()
    for key in ("months", "weekdays", "seasons", "parts_of_day", "decade_words", "sets", "references", "holidays",
                "units", "term_words"):
        for phrase in lx[key]:
            words.update(re.findall(r"\w+", phrase.lower()))
    words.update(w + "s" for w in list(lx["units"]) + list(lx["weekdays"]))
    words.update({"days", "centuries", "millennia", "year", "years", "quarter", "quarters", "half", "century", "decade",
                  "decades", "fiscal", "weekend", "noon", "midday", "midnight", "nineteen", "eighteen", "twenty",
                  "thousand", "m", "am", "pm", "clock", "mid"})
    words -= _FUNCTION_WORDS
    words.discard("second")  # an ordinal far more often than a unit; "seconds" stays
    return frozenset(words | {"day"})


_NUM_SPLIT = re.compile(r"[\s-]+")


def number_value(text: str) -> float | None:
    """1, 2.5, "two", "twenty-four", "a couple of" → a number; vague words → None."""
    t = re.sub(r"\s+", " ", text.lower().strip())
    nums = lexicon()["numbers"]
    if t in nums:
        return float(nums[t])
    frac = re.fullmatch(r"(\d+)(?:\s+1/2|½)", t)
    if frac:
        return float(frac.group(1)) + 0.5
    if re.fullmatch(r"\d+(?:\.\d+)?", t):
        return float(t)
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", t):
        return float(t.replace(",", ""))
    parts = _NUM_SPLIT.split(t)
    if len(parts) == 2 and parts[0] in nums and parts[1] in nums and nums[parts[0]] >= 20 and nums[parts[1]] < 10:
        return float(nums[parts[0]] + nums[parts[1]])
    return None


def year_value(text: str) -> int:
    """"1996", "nineteen ninety-six", "two thousand" → the year."""
    t = re.sub(r"[\s-]+", " ", text.lower().strip())
    if t.isdigit():
        return int(t)
    nums = lexicon()["numbers"]
    if t.startswith("two thousand"):
        rest = t[len("two thousand"):].replace("and", "").strip()
        return 2000 + int(nums.get(rest, 0)) if rest else 2000
    head, _, rest = t.partition(" ")
    century = int(nums[head]) * 100
    if rest == "hundred":
        return century
    if rest.startswith("oh "):
        return century + int(nums[rest[3:]])
    value = number_value(rest)
    return century + int(value or 0)


def month_number(text: str) -> int | None:
    return lexicon()["months"].get(text.lower().rstrip(".").strip())


def weekday_number(text: str) -> int | None:
    t = text.lower().strip()
    if t.endswith("'s"):
        t = t[:-2]
    return lexicon()["weekdays"].get(t) or lexicon()["weekdays"].get(t.rstrip("s"))


def unit_code(text: str) -> str | None:
    """"years" → "Y", "trading days" → "D", "centuries" → "100Y" (see lexicon units)."""
    t = re.sub(r"\s+", " ", text.lower().strip())
    units = lexicon()["units"]
    if t in units:
        return units[t]
    if t.endswith("ies") and t[:-3] + "y" in units:
        return units[t[:-3] + "y"]
    if t.endswith("s") and t[:-1] in units:
        return units[t[:-1]]
    last = t.split(" ")[-1]
    if last != t:
        return unit_code(last)
    return None


def mod_code(text: str | None) -> str | None:
    if not text:
        return None
    t = re.sub(r"[\s-]+", " ", text.lower().strip())
    mods = lexicon()["mods_before"]
    if t in mods:
        return mods[t]
    return mods.get(t.replace(" the ", " "), None)
