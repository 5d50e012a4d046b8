"""Parts of a number written apart from its digits or words: halves ("one and a half million", "half a
dozen"), mixed fractions ("1 1/2", "2 ½"), a glued money scale before a currency word ("1.5m euros") and a
glued "m" that is a million before a plural noun ("1.3m units").

Each helper reads token texts only and extends or rescales a `numbers.Num` in place (or returns a value).
"""
from __future__ import annotations

import re

from .data import cues, match_currency_word, match_unit, numbers

__all__ = ["and_a_half", "mixed_fraction", "money_scale_before_currency", "half_a", "million_before"]


def and_a_half(doc, num, end: int) -> None:
    """"one and a half million", "two and a half years": add the half."""
    j = num.end
    if num.value is not None and j + 3 <= end and [doc[k].lower_ for k in range(j, j + 3)] == ["and", "a", "half"]:
        num.value += 0.5
        num.end = j + 3


def mixed_fraction(doc, num, end: int) -> None:
    """"1 1/2 pounds", "2 ½ miles", "3 and a half": a whole number and a fraction are one number."""
    j = num.end
    if num.value is None or num.kind != "digit" or num.suffix or num.scaled or j >= end:
        return
    nxt = doc[j].text
    uni = numbers()["unicode_fractions"]
    hit = _SIMPLE_FRACTION.fullmatch(nxt)
    if hit and 0 < int(hit[1]) < int(hit[2]) and num.raw.isdigit():
        num.value += int(hit[1]) / int(hit[2])
        num.end = j + 1
    elif nxt in uni:
        num.value += uni[nxt]
        num.end = j + 1
    else:
        and_a_half(doc, num, end)


_SIMPLE_FRACTION = re.compile(r"(\d)[/⁄](\d{1,2})")


def money_scale_before_currency(doc, num, end: int) -> None:
    """"1.5m euros", "2bn dollars": the glued "m"/"b" is a scale when a currency word follows, not metres."""
    if num.currency or num.end >= end or num.value is None:
        return
    data = numbers()
    split = num.suffix is None and doc[num.end - 1].whitespace_ == "" and num.end + 1 < end  # "1.5" + "m"
    word = doc[num.end].text if split else num.suffix
    if word is None:
        return
    scale = data["scale_abbrev_money_only"].get(word.lower()) or data["scale_abbrev"].get(word)
    after = doc[num.end + 1].text if split else doc[num.end].text
    hit = match_currency_word(" " + after)
    if scale is None or hit is None or hit.end != len(after) + 1:
        return
    num.value *= scale
    num.suffix = num.suffix_norm = num.suffix_kind = None
    num.scaled = True
    num.end += 1 if split else 0


def half_a(doc, i: int, end: int) -> tuple[float, int] | None:
    """"half a million", "half a dozen": half of the scale word."""
    if doc[i].lower_ != "half" or i + 2 >= end or doc[i + 1].lower_ not in ("a", "an"):
        return None
    data = numbers()
    word = doc[i + 2].lower_
    scale = data["scales"].get(word) or data["dozen"].get(word)
    if scale is None:
        return None
    return 0.5 * scale, i + 3


def million_before(nxt, num) -> bool:
    """A glued "m" is a million before a plural noun or a unit of another kind ("1.3m units", "3.5m tonnes"); a round
    number before one stays metres ("the 400m hurdles"), as does an "m" before a singular ("a 5m wall")."""
    value = num.value if num.value is not None else num.high
    if value is None or num.scaled or (value >= 100 and value == int(value)):
        return False
    hit = match_unit(nxt.text)
    if hit is not None:
        return hit.kind != "distance" and hit.end == len(nxt.text)
    return nxt.tag_ == "NNS" and nxt.lower_ not in cues()["metre_events"]  # "the 60m hurdles": a race
