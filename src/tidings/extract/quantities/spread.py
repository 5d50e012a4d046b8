"""Numbers whose unit is written once for several of them.

- suspended hyphens: "two-, three- and four-door cars", "2- and 3-bedroom homes" — the
  numbers before the last one borrow its hyphenated unit;
- "a pick or two", "a day or two": the number after "or" counts the noun before it.
"""
from __future__ import annotations

from .data import numbers

__all__ = ["suspended_numbers", "spread_units", "or_counted"]

_LINKS = frozenset({",", "and", "or", "to", "-", "–"})


def _word_or_digits(stem: str) -> float | None:
    if stem.isdigit():
        return float(stem)
    data = numbers()
    value = data["units"].get(stem, data["tens"].get(stem))
    return float(value) if value is not None else None


def suspended_numbers(doc, start: int, end: int) -> list[tuple[int, float]]:
    """(token index, value) of every "four-" / "2-" token left hanging before a link word."""
    out = []
    for k in range(start, end - 1):
        text = doc[k].text
        if len(text) < 2 or not text.endswith("-") or doc[k + 1].lower_ not in _LINKS:
            continue
        value = _word_or_digits(text[:-1].lower())
        if value is not None:
            out.append((k, value))
    return out


def spread_units(doc, found: list[dict], hanging: list[tuple[int, float]]) -> list[dict]:
    """Copies of the first following hyphen-unit quantity ("six-cylinder") for each hanging number."""
    if not hanging:
        return found
    extra = []
    for k, value in hanging:
        target = next((q for q in found if k < q["_s"] <= k + 6 and q["unit"] and q["value"] is not None), None)
        if target is None or not ("-" in doc[target["_s"]].text or doc[target["_s"] + 1].text == "-"):
            continue
        if any(doc[j].lower_ not in _LINKS and not doc[j].text.endswith("-") for j in range(k + 1, target["_s"])):
            continue
        tok = doc[k]
        q = dict(target, value=value, low=None, high=None, start=tok.idx, end=tok.idx + len(tok) - 1, _s=k, _e=k + 1)
        extra.append(q)
    return sorted(found + extra, key=lambda q: q["start"])


def or_counted(doc, num, sent_start: int) -> str | None:
    """The noun a number after "or" counts: "another pick or two" → "pick"."""
    if num.kind != "word" or num.start - 2 < sent_start or doc[num.start - 1].lower_ != "or":
        return None
    noun = doc[num.start - 2]
    if noun.pos_ != "NOUN" or noun.tag_ != "NN":
        return None
    det = doc[noun.i - 1] if noun.i - 1 >= sent_start else None
    if det is None or det.lower_ not in ("a", "an", "another", "one"):
        return None
    return noun.text
