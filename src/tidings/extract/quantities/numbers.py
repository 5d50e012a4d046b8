"""Find number expressions in a parsed sentence and read their values.

Handles digits with separators and glued prefixes/suffixes ("$1.13bn", "PS2.7m",
"5.5kWh", "~25", "+0.3"), scale words ("1.5 million", "4 hundred million"), number
words ("two hundred and forty", "a dozen", "twenty-five"), vague multiples ("tens of
thousands", "dozens"), fractions ("a third of", "two-thirds of", "half of"),
ratios ("one in five", "9 out of 10"), "one of the …", and ranges ("15-22", "1 to 2 thousand", "between $62 and $68").
It reads token texts only; units, filters and meaning are decided by the caller.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache

from .data import cues, currencies, currency_prefix_pattern, match_currency_word, match_unit, numbers
from .starts import candidate_tokens
from .parts import and_a_half, half_a, million_before, mixed_fraction, money_scale_before_currency

__all__ = ["Num", "scan_numbers", "candidate_tokens"]  # candidate_tokens: from .starts


@dataclass(slots=True)
class Num:
    start: int  # first token (a currency prefix included)
    end: int  # token after the number (scale words and glued suffix included)
    value: float | None
    low: float | None = None
    high: float | None = None
    kind: str = "digit"  # digit | word | vague | fraction | one_of | ratio | range
    currency: str | None = None  # ISO code from a prefix ("$" → USD)
    currency_text: str | None = None  # the prefix as written, spaces removed: "US$"
    suffix: str | None = None  # glued unit text after the digits: "kWh", "pc"
    suffix_norm: str | None = None
    suffix_kind: str | None = None
    qualifier: str | None = None  # from a "~" sign or a "+" suffix
    change: str | None = None  # "up" from a "+" sign
    raw: str = ""  # the digits as written, for year detection
    scaled: bool = False
    sep: str | None = None  # range separator


@cache
def _core() -> re.Pattern:
    pre = currency_prefix_pattern().pattern
    return re.compile(
        r"^(?P<pre>" + pre + r")?(?P<sign>[-−+~≈]|minus-?)?"
        r"(?P<num>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)"
        r"(?:[/⁄](?P<den>\d+))?(?P<suf>.*)$", re.IGNORECASE)


# After a verb of change, "A to B" with bare A is a range when B is above A by at most this factor ("cut 200 to 300
# jobs", "grew 5 to 7 per cent"); a level far above the change is the new level ("fell 0.2 to 4.1 percent").
_RANGE_AFTER_CHANGE = 3
_DENOMINATORS = frozenset({2, 3, 4, 5, 6, 8, 10, 12, 16, 32, 64, 100, 128})  # of fractions written with a slash
_RANGE_TOKEN = re.compile(r"^(?P<pre>[$€£]|US\$)?(?P<a>\d[\d,]*(?:\.\d+)?)[-–](?P<b>\d[\d,]*(?:\.\d+)?)(?P<suf>[A-Za-z%]*)$")


_DIGIT = re.compile(r"\d")
_WORD_PREFIX = re.compile(r"^([a-z]+)-(?=\d)")
_HYPHEN_PREFIXES = {"sub": "at_most", "under": "at_most", "over": "at_least", "now": None, "to": None,
                    "about": "approximate", "around": "approximate", "some": "approximate", "nearly": "approximate"}


def _to_float(s: str) -> float:
    return float(s.replace(",", ""))


def _interpret_suffix(num: Num, suf: str) -> bool:
    """Apply a glued suffix to `num`; False when the token is not a quantity (ordinal, clock, decade)."""
    if not suf:
        return True
    data = numbers()
    low = suf.lower()
    if low in data["clock_suffixes"] or low.rstrip(".") in ("am", "pm", "a.m", "p.m"):
        return False
    if low[:2] in data["ordinal_suffixes"] and (len(low) == 2 or not low[2].isalpha()):
        return False
    if low in ("s", "'s", "’s"):
        return False
    if suf in ("+", "-plus", "plus"):
        num.qualifier = "at_least"
        return True
    if suf.endswith(".") and len(suf) > 1:  # "450K.", "65W.": kept whole by the tokenizer at a sentence end
        suf = suf[:-1]
        low = suf.lower()
    scale = data["scale_abbrev"].get(suf)
    if scale is None and num.currency and low in data["scale_abbrev_money_only"]:
        scale = data["scale_abbrev_money_only"][low]
    if scale is not None:
        if num.value is not None:
            num.value *= scale
        if num.low is not None and num.high is not None:
            num.low, num.high = num.low * scale, num.high * scale
        num.scaled = True
        return True
    body = suf[1:] if suf.startswith("-") else suf
    hit = match_unit(body)
    if hit is not None and hit.end == len(body):
        num.suffix, num.suffix_norm, num.suffix_kind = body, hit.normalized, hit.kind
        return True
    hit = match_currency_word(body)
    if hit is not None and hit.end == len(body):
        num.currency, num.currency_text = hit.normalized, body
        return True
    if body.isalpha() and (len(body) <= 2 or (body.isupper() and len(body) <= 3)):
        num.suffix = body
        return True
    return False


def _digit_core(doc, i: int, i_end: int | None = None) -> Num | None:
    i_end = i + 1 if i_end is None else i_end
    text = doc[i].text if i_end == i + 1 else "".join(doc[k].text for k in range(i, i_end))
    if not _DIGIT.search(text):
        return None  # every pattern below needs a digit
    m = _RANGE_TOKEN.match(text)
    if m:
        a, b = _to_float(m["a"]), _to_float(m["b"])
        num = Num(i, i_end, None, low=min(a, b), high=max(a, b), kind="range", raw=text, sep="-")
        if m["pre"]:
            num.currency = currencies()["prefix"].get(m["pre"], "USD")
            num.currency_text = m["pre"]
        if m["suf"] and not _interpret_suffix(num, m["suf"]):
            return None
        return num
    hyphen_qual = None
    m = _WORD_PREFIX.match(text)
    if m and m[1] != "minus":  # "sub-7", "now-18"
        if m[1] not in _HYPHEN_PREFIXES:
            return None
        hyphen_qual = _HYPHEN_PREFIXES[m[1]]
        text = text[m.end():]
    m = _core().match(text)
    if not m:
        return None
    value = _to_float(m["num"])
    if not math.isfinite(value) or len(m["num"]) > 30:
        return None
    if m["den"]:
        if float(m["den"]) == 0 or value >= float(m["den"]) or int(m["den"]) not in _DENOMINATORS:
            return None  # "24/7", "50/50", "9/11": not fractions
        value = value / float(m["den"])
    num = Num(i, i_end, value, raw=m["num"], qualifier=hyphen_qual)
    if m["pre"]:
        pre = m["pre"]
        table = currencies()["prefix"]
        num.currency = table.get(pre) or table.get(pre.upper())
        num.currency_text = pre.rstrip("=") if pre.upper() == "Y=" else pre
    sign = m["sign"]
    if sign:
        if sign in ("~", "≈"):
            num.qualifier = "approximate"
        elif sign == "+":
            num.change = "up"
        else:
            if sign in ("-", "−") and i > 0 and doc[i - 1].whitespace_ == "" and doc[i - 1].text.isalnum():
                return None  # "COVID-19", "TA-35" split oddly
            num.value = -value
    return num if _interpret_suffix(num, m["suf"]) else None


def _word_value(doc, i: int, end: int) -> tuple[float, int] | None:
    """Number words from token i: "two hundred and forty", "twenty-five", "a dozen", "a million"."""
    data = numbers()
    units, tens, scales, dozen = data["units"], data["tens"], data["scales"], data["dozen"]
    words: list[tuple[str, int]] = []  # (word, token index)
    j = i
    while j < end:
        low = doc[j].lower_
        parts = low.split("-") if "-" in low and low != "-" else [low]
        if all(p in units or p in tens or p in scales or p in dozen for p in parts):
            words.extend((p, j) for p in parts)
            j += 1
        elif low in ("and", "-") and words and j + 1 < end and (doc[j + 1].lower_ in units or doc[j + 1].lower_ in tens):
            j += 1
        else:
            break
    if not words:
        return None
    first = words[0][0]
    if first in scales or first in dozen:
        prev = doc[i - 1].lower_ if i > 0 else ""
        if prev not in ("a", "an", "one"):
            return None
    total, current = 0.0, 0.0
    last_tok = i
    for word, tok in words:
        if word in units:
            current += units[word]
        elif word in tens:
            current += tens[word]
        elif word in dozen:
            current = (current or 1) * dozen[word]
        elif word == "hundred":
            current = (current or 1) * 100
        else:
            total += (current or 1) * scales[word]
            current = 0.0
        last_tok = tok
    return total + current, last_tok + 1


def _vague(doc, i: int, end: int) -> Num | None:
    data = numbers()
    vague = data["vague"]
    low = doc[i].lower_
    if low not in vague:
        return None
    value = float(vague[low])
    j = i + 1
    while j + 1 < end and doc[j].lower_ == "of" and doc[j + 1].lower_ in vague and doc[j + 1].lower_ not in ("dozens", "scores"):
        value *= vague[doc[j + 1].lower_]
        j += 2
    nxt = doc[j] if j < end else None
    if nxt is None or not (nxt.lower_ in ("of", "more") or nxt.pos_ in ("NOUN", "ADJ", "PROPN")):
        return None
    return Num(i, j, value, kind="vague", qualifier="at_least", low=value)


def _fraction(doc, i: int, end: int) -> Num | None:
    data = numbers()
    fractions, heads = data["fractions"], data["fraction_heads"]
    low = doc[i].lower_
    numerator, j = None, i
    if "-" in low and low.split("-", 1)[1] in fractions:  # "two-thirds"
        head, frac = low.split("-", 1)
        numerator = data["units"].get(head, 1 if head in ("a", "one") else None)
        value, j = (numerator or 0) * fractions[frac], i + 1
    elif low in heads and i + 1 < end:
        k = i + 1
        if doc[k].text == "-" and k + 1 < end:
            k += 1
        if doc[k].lower_ in fractions:
            numerator = data["units"].get(low, 1)
            value, j = numerator * fractions[doc[k].lower_], k + 1
    elif low in fractions and i > 0 and doc[i - 1].lower_ in heads and doc[i - 1].lower_ in ("a", "one"):
        numerator, value, j = 1, fractions[low], i + 1  # "a third of" reached at "third"
        i -= 1
    elif low == "half":
        prev = doc[i - 1].lower_ if i > 0 else ""
        if prev not in ("the", "first", "second", "this", "that", "other", "a", "one", "and"):
            numerator, value, j = 1, 0.5, i + 1
    if not numerator or j >= end or doc[j].lower_ != "of":
        return None
    return Num(i, j, value, kind="fraction")


def _half_a(doc, i: int, end: int) -> Num | None:
    hit = half_a(doc, i, end)
    return Num(i, hit[1], hit[0], kind="word") if hit else None


RATIO_MAX_DENOMINATOR = 1000  # "one in five", "9 out of 10"; not "3 in 2019"


def _small_count(doc, i: int, end: int) -> tuple[float, int] | None:
    """A whole number written as one token at i ("one", "nine", "10"): (value, next token)."""
    text = doc[i].text
    if text.isdigit():
        return float(text), i + 1
    value = numbers()["units"].get(doc[i].lower_)
    return (float(value), i + 1) if value is not None else None


def _ratio(doc, i: int, end: int) -> Num | None:
    """"one in five adults", "One out of three Germans", "9 out of 10": the share, with the counted
    noun after the denominator."""
    top = _small_count(doc, i, end)
    if top is None or top[1] + 1 >= end:
        return None
    k = top[1]
    if doc[k].lower_ == "out" and k + 2 < end and doc[k + 1].lower_ == "of":
        k += 2
    elif doc[k].lower_ == "in":
        k += 1
    else:
        return None
    bottom = _small_count(doc, k, end)
    if bottom is None or not 0 < top[0] < bottom[0] <= RATIO_MAX_DENOMINATOR:
        return None
    return Num(i, bottom[1], top[0] / bottom[0], kind="ratio")


def _one_of(doc, i: int, end: int) -> Num | None:
    if doc[i].lower_ != "one" or i + 2 >= end or doc[i + 1].lower_ != "of":
        return None
    if doc[i + 2].lower_ not in ("the", "his", "her", "its", "their", "our", "my", "your", "these", "those"):
        return None
    obj = [c for c in doc[i + 1].children if c.dep_ == "pobj"]
    if not obj or obj[0].pos_ not in ("NOUN", "PROPN"):
        return None
    return Num(i, i + 1, 1.0, kind="one_of")


def _scale_words(doc, num: Num, end: int) -> None:
    """Apply following scale words/abbreviations: "30 million", "4 hundred million", "PS2.7 m"."""
    data = numbers()
    scales, abbrev, money = data["scales"], data["scale_abbrev"], data["scale_abbrev_money_only"]
    j = num.end
    while j < end and (num.value is not None or num.high is not None):
        tok = doc[j]
        low = tok.lower_
        if low.endswith(".") and len(low) > 1 and low[:-1] in money:
            low = low[:-1]
        glued = doc[j - 1].whitespace_ == ""
        if low in scales and not (low == "hundred" and num.scaled):
            factor = scales[low]
        elif glued and tok.text in abbrev:
            factor = abbrev[tok.text]
        elif low in ("bn", "mn", "mln", "tn", "trn"):
            factor = abbrev[low]
        elif glued and num.currency and low in money:
            factor = money[low]
        elif glued and tok.text == "m" and j + 1 < end and million_before(doc[j + 1], num):
            factor = money["m"]  # "1.3m units", "2m people", "3.5m tonnes": not metres
        else:
            break
        if num.value is not None:
            num.value *= factor
        else:
            num.low, num.high = num.low * factor, num.high * factor
        num.scaled = True
        j += 1
    num.end = j


def _currency_prefix(doc, i: int, end: int) -> tuple[str, str, int] | None:
    """A currency written as separate tokens before a number: "$", "US $", "HK $", "€", "USD"."""
    if i >= end or doc[i].text not in _prefix_firsts():
        return None  # no currency prefix starts with this token
    table = currencies()["prefix"]
    glued_only = set(currencies()["prefix_glued_only"])
    for n in (2, 1):
        if i + n >= end:
            continue
        text = " ".join(doc[k].text for k in range(i, i + n))
        digits = doc[i + n].text.lstrip("-−")[:1].isdigit()
        if text in table and text not in glued_only and digits:
            return table[text], text.replace(" ", ""), i + n
    return None


@cache
def _prefix_firsts() -> frozenset[str]:
    """The texts a currency prefix's first token can have: a whole prefix, or a prefix up to a space."""
    out = set()
    for key in currencies()["prefix"]:
        out.add(key)
        out.update(key[:j] for j, ch in enumerate(key) if ch == " ")
    return frozenset(out)


def _parse_one(doc, i: int, end: int) -> Num | None:
    ratio = _ratio(doc, i, end)
    if ratio is not None:
        return ratio
    cur = _currency_prefix(doc, i, end)
    j = cur[2] if cur else i
    num = _digit_core(doc, j)
    if num is None and j + 1 < end and doc[j].whitespace_ == "" and not doc[j].text[:1].isdigit():
        num = _digit_core(doc, j, j + 2)  # "$" + "US55,931,000", "$" + "-50.8bn"
    if num is not None:
        if cur:
            num.start, num.currency, num.currency_text = i, cur[0], cur[1]
        if i > 0 and doc[i - 1].lower_ == "minus" and num.value is not None:
            num.value = -num.value
        mixed_fraction(doc, num, end)
        money_scale_before_currency(doc, num, end)
        _scale_words(doc, num, end)
        return num
    if cur:
        return None
    for finder in (_half_a, _one_of, _fraction, _vague):
        num = finder(doc, i, end)
        if num is not None:
            return num
    word = _word_value(doc, i, end)
    if word is not None:
        value, j = word
        article_first = doc[i].lower_ in numbers()["scales"] or doc[i].lower_ in numbers()["dozen"]
        start = i - 1 if i > 0 and doc[i - 1].lower_ in ("a", "an") and article_first else i
        num = Num(start, j, value, kind="word", qualifier="approximate" if doc[i].lower_ == "couple" else None)
        and_a_half(doc, num, end)
        _scale_words(doc, num, end)
        return num
    return None


def _join_range(doc, a: Num, end: int) -> Num:
    """"1 to 2 thousand", "between $62 and $68", "three or four", "from 4.8 to 4.7"."""
    j = a.end
    if a.value is None or j + 1 >= end or a.kind not in ("digit", "word"):
        return a
    sep = doc[j].lower_
    before = doc[a.start - 1].lower_ if a.start > 0 else ""
    if a.raw.isdigit() and len(a.raw) == 4 and 1000 <= a.value <= 2200 and not a.currency:
        nxt_raw = doc[j + 1].text.replace(",", "")
        if not (nxt_raw.isdigit() and len(nxt_raw) == 4):
            return a  # "in 2008 to 29 mpg": a year, not the low end of a range
    if sep.startswith("to-") and sep[3:4].isdigit():  # "200,000 to-260,000"
        b = _digit_core(doc, j)
        if b is not None and b.value is not None:
            a.end, a.low, a.high, a.kind, a.sep = b.end, min(a.value, b.value), max(a.value, b.value), "range", "to"
            a.value = None
            a.suffix, a.suffix_norm, a.suffix_kind = b.suffix, b.suffix_norm, b.suffix_kind
        return a
    if sep in ("to", "-", "–", "—"):
        if (before == "by" and (a.currency or a.scaled or a.suffix)) or (sep != "to" and a.kind != "digit"):
            return a
    elif sep == "and":
        if before != "between":
            return a
    elif sep == "or":
        if a.currency or a.suffix:
            return a
    else:
        return a
    after_change = sep != "and" and a.start > 0 and doc[a.start - 1].lemma_.lower() in _change_lemmas()
    if after_change and (a.currency or a.suffix or a.scaled):
        return a  # "gained $4 to $1,301": the change, then the new level
    b = _parse_one(doc, j + 1, end)
    if b is None or b.value is None or b.kind not in ("digit", "word"):
        return a
    if after_change and not 0 < a.value < b.value <= _RANGE_AFTER_CHANGE * a.value:
        return a  # "fell 0.2 to 4.1 percent": the change, then the level; "grew 5 to 7 per cent" is a range
    a_unit, b_unit = a.currency or a.suffix_norm, b.currency or b.suffix_norm
    if a_unit and b_unit and a_unit != b_unit:
        return a
    lo, hi = a.value, b.value
    if not a.scaled and b.scaled:
        factor = b.value / float(b.raw.replace(",", "") or 1) if b.raw else 1.0
        if factor > 1 and lo * factor <= hi * 1.0001:
            lo *= factor
    a.end, a.value, a.kind, a.sep = b.end, None, "range", sep
    a.low, a.high = min(lo, hi), max(lo, hi)
    a.currency = a.currency or b.currency
    a.currency_text = a.currency_text or b.currency_text
    a.suffix, a.suffix_norm, a.suffix_kind = b.suffix or a.suffix, b.suffix_norm or a.suffix_norm, b.suffix_kind or a.suffix_kind
    return a


def scan_numbers(doc, start: int, end: int, candidates: set[int] | None = None) -> list[Num]:
    """Every number expression among tokens [start, end) (one sentence), left to right."""
    found: list[Num] = []
    if candidates is None:
        candidates = candidate_tokens(doc)
    i = start
    while i < end:
        if i not in candidates:
            i += 1
            continue
        num = _parse_one(doc, i, end)
        if num is None:
            i += 1
            continue
        num = _join_range(doc, num, end)
        found.append(num)
        i = max(num.end, i + 1)
    return found


@cache
def _change_lemmas() -> frozenset:
    c = cues()
    return frozenset(c["change_up"]) | frozenset(c["change_down"])
