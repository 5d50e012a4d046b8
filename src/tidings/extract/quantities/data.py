"""Lazily loaded vocabularies of the quantity extractor (data/quantities/*.json).

Number words, units, currencies and cue words live in data files; this module
turns them into lookup tables and compiled patterns once per process.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

__all__ = ["numbers", "cues", "units", "currencies", "UnitHit", "match_unit", "match_currency_word",
           "currency_prefix_pattern", "category_lookup"]


@cache
def _load(name: str) -> dict:
    text = resources.files("tidings").joinpath("data", "quantities", name).read_text("utf-8")
    return json.loads(text)


def numbers() -> dict:
    return _load("numbers.json")


def cues() -> dict:
    return _load("cues.json")


def units() -> dict:
    return _load("units.json")


def currencies() -> dict:
    return _load("currencies.json")


@dataclass(frozen=True, slots=True)
class UnitHit:
    text: str  # as written (hyphens, spaces kept; "per cent" becomes "percent")
    normalized: str  # "km", "percent", "USD" …
    kind: str  # "distance", "currency", "age" …
    end: int  # character offset (into the searched string) where the unit ends


def _alternation(forms: list[str]) -> str:
    parts = []
    for form in sorted(set(forms), key=len, reverse=True):
        words = [re.escape(w) for w in form.split(" ")]
        parts.append(r"\s+".join(words))
    return "|".join(parts)


# A unit starts right after the number: glued, after spaces, or after a hyphen ("two-hour").
_LEAD = r"(?:\s{0,3}|-)"
_TAIL = r"(?![A-Za-z0-9]|-\d|\.[A-Za-z])"  # not "F" of "F-150", not "p" of "7 p.m."


@cache
def _unit_patterns() -> tuple[re.Pattern, re.Pattern, dict, dict]:
    ci_forms: dict[str, tuple[str, str]] = {}
    cs_forms: dict[str, tuple[str, str]] = {}
    for norm, spec in units().items():
        if norm.startswith("_"):
            continue
        for form in spec.get("forms", []):
            ci_forms[form.lower()] = (norm, spec["kind"])
        for form in spec.get("cs", []):
            cs_forms[form] = (norm, spec["kind"])
    ci = re.compile(_LEAD + "(" + _alternation(list(ci_forms)) + ")" + _TAIL, re.IGNORECASE)
    cs = re.compile(_LEAD + "(" + _alternation(list(cs_forms)) + ")" + _TAIL)
    return ci, cs, ci_forms, cs_forms


@cache
def _currency_word_pattern() -> re.Pattern:
    cur = currencies()
    nat = _alternation(list(cur["nationality"]))
    words = _alternation(list(cur["words"]))
    syms = _alternation(list(cur["suffix_symbols"]))
    return re.compile(r"\s{0,3}(?:((?:" + nat + r")\s+)?(" + words + r")" + _TAIL + r"|(" + syms + r")(?![A-Za-z]))",
                      re.IGNORECASE)


def match_unit(text: str) -> UnitHit | None:
    """A measurement unit at the start of `text` (longest form, case rules from units.json)."""
    ci, cs, ci_forms, cs_forms = _unit_patterns()
    best: UnitHit | None = None
    for pattern, table, fold in ((ci, ci_forms, True), (cs, cs_forms, False)):
        m = pattern.match(text)
        if not m:
            continue
        written = m.group(1)
        key = re.sub(r"\s+", " ", written)
        norm, kind = table[key.lower() if fold else key]
        if key.lower() in ("per cent", "per-cent"):
            written = "percent"
        hit = UnitHit(written, norm, kind, m.end())
        if best is None or hit.end > best.end:
            best = hit
    return best


def match_currency_word(text: str) -> UnitHit | None:
    """A currency named after the number: "dollars", "Australian dollars", "€", "kn"."""
    m = _currency_word_pattern().match(text)
    if not m:
        return None
    cur = currencies()
    if m.group(3):
        sym = m.group(3)
        code = cur["suffix_symbols"].get(sym) or cur["suffix_symbols"].get(sym.upper())
        if code is None:
            return None
        return UnitHit(sym, code, "currency", m.end())
    word = m.group(2).lower()
    code = cur["words"][word]
    if m.group(1):
        code = cur["nationality"].get(re.sub(r"\s+", " ", m.group(1).strip().lower()), code)
    written = (m.group(1) or "") + m.group(2)
    return UnitHit(re.sub(r"\s+", " ", written), code, "currency", m.end())


@cache
def currency_prefix_pattern() -> re.Pattern:
    """Currency written before the number, possibly glued: "$", "US$", "HK $", "PS", "Y=", "€"."""
    forms = list(currencies()["prefix"])
    return re.compile("(" + _alternation(forms) + ")")


@cache
def category_lookup() -> tuple[dict, dict, dict, list, frozenset]:
    """verb lemma -> category, noun lemma -> category, adjective -> category, priority, money-only categories."""
    data = cues()["categories"]
    verbs: dict[str, str] = {}
    nouns: dict[str, str] = {}
    adjs: dict[str, str] = {}
    for cat in cues()["category_priority"]:
        spec = data[cat]
        for v in spec.get("verbs", []):
            verbs.setdefault(v, cat)
        for n in spec.get("nouns", []):
            nouns.setdefault(n, cat)
        for a in spec.get("adjs", []):
            adjs.setdefault(a, cat)
    money_only = frozenset(c for c, s in data.items() if s.get("money_only"))
    return verbs, nouns, adjs, list(cues()["category_priority"]), money_only
