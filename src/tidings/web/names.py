"""What the events form offers by name: CAMEO roots and codes (the codebook in data/cameo/codebook.json) and
actor names read as codes (country names, aliases and demonyms from data/actors/countries.json, organisations
from organizations.yaml, people from people.csv): "Russia" → RUS, "NATO" → IGOWSTNAT, "Putin" → RUSGOV."""
from __future__ import annotations

import csv
import io
import json
import re
from functools import cache
from importlib import resources

import yaml

__all__ = ["cameo_choices", "cameo_name", "actor_suggestions", "resolve_actor", "resolve_dyad", "Resolved"]

_CODE = re.compile(r"[A-Z0-9]{3,12}")


def _data(package: str, name: str) -> str:
    return resources.files(package).joinpath(name).read_text(encoding="utf-8")


@cache
def _codebook() -> dict[str, dict]:
    return json.loads(_data("tidings.data.cameo", "codebook.json"))["codes"]


@cache
def cameo_choices() -> tuple[tuple[str, str, int], ...]:
    """(code, label, level) in codebook order: each root ("14 — Protest") before its codes, indented by level."""
    out = []
    for code, entry in sorted(_codebook().items(), key=lambda kv: kv[0]):
        name = entry["name"].capitalize() if entry["level"] == 0 else entry["name"]
        out.append((code, f"{code} — {name}" + (" (all)" if entry["level"] == 0 else ""), int(entry["level"])))
    return tuple(out)


def cameo_name(code: str) -> str | None:
    entry = _codebook().get(code)
    return entry["name"] if entry else None


@cache
def _names() -> dict[str, tuple[str, ...]]:
    """lower-case name → actor codes (first: the likeliest)."""
    names: dict[str, list[str]] = {}

    def add(name: str, code: str) -> None:
        key = " ".join(str(name).lower().split())
        if key and code not in names.setdefault(key, []):
            names[key].append(code)

    for c in json.loads(_data("tidings.data.actors", "countries.json")):
        for name in [c["name"], *c.get("aliases", []), *c.get("demonyms", [])]:
            add(name, c["iso3"])
    for code, listed in (yaml.safe_load(_data("tidings.data.actors", "organizations.yaml")) or {}).items():
        for name in listed or []:
            add(name, code)
    rows = list(csv.DictReader(io.StringIO(_data("tidings.data.actors", "people.csv"))))
    rows.sort(key=lambda r: r.get("valid_from") or "", reverse=True)  # the latest role first,
    rows.sort(key=lambda r: r["code"][3:6] in ("ELI", "BUS"))  # an office before the years out of it
    for row in rows:
        for name in [row["name"], *(row.get("aliases") or "").split("|")]:
            add(name, row["code"])
    return {k: tuple(v) for k, v in names.items()}


@cache
def actor_suggestions() -> tuple[str, ...]:
    """Names offered as the actor fields are typed in: countries and organisations (their first names)."""
    countries = [c["name"] for c in json.loads(_data("tidings.data.actors", "countries.json"))]
    orgs = [names[0] for names in (yaml.safe_load(_data("tidings.data.actors", "organizations.yaml")) or {}).values()
            if names]
    return tuple(sorted(set(countries + orgs)))


class Resolved:
    """How the form's actor text was read: `code` to query, `name` matched (None: taken as a code), `others`."""

    def __init__(self, given: str, code: str, name: str | None = None, others: tuple[str, ...] = ()):
        self.given, self.code, self.name, self.others = given, code, name, others

    @property
    def note(self) -> str | None:
        if self.name is None:
            return None
        more = f" (also: {', '.join(self.others)})" if self.others else ""
        return f"“{self.given}” read as {self.code}{more}"


def resolve_actor(text: str | None) -> Resolved | None:
    """A name the package knows → its code; otherwise the text upper-cased as a code (e.g. USAGOV)."""
    if not text or not text.strip():
        return None
    given = " ".join(text.split())
    codes = _names().get(given.lower())
    if codes and not _is_code(given):  # "USA" and "RUSGOV" stay codes; "Russia", "UAE", "NATO" are names
        return Resolved(given, codes[0], given, codes[1:])
    return Resolved(given, given.upper().replace(" ", ""))


def _is_code(text: str) -> bool:
    """Written in capitals and beginning with a country code (RUS, RUSGOV) or an organisation's (IGO…, NGO…)."""
    from .actors import _countries

    return bool(_CODE.fullmatch(text)) and text.isupper() and (text[:3] in _countries() or text[:3] in ("IGO", "NGO"))


def resolve_dyad(text: str | None) -> tuple[str | None, list[str]]:
    """"Russia-Ukraine" → ("RUS-UKR", notes); codes stay as they are; a text that is no dyad is returned as is."""
    if not text or not text.strip():
        return None, []
    parts = re.split(r"\s*[-:>]\s*", text.strip()) if "-" in text or ":" in text or ">" in text else [text]
    if len(parts) > 2:  # a name with a hyphen ("Guinea-Bissau-Senegal"): the cut where both sides are names
        cuts = [("-".join(parts[:k]), "-".join(parts[k:])) for k in range(1, len(parts))]
        named = [c for c in cuts if all(_names().get(side.lower()) or _is_code(side) for side in c)]
        if len(named) != 1:
            return text, []
        parts = list(named[0])
    if len(parts) != 2:
        return text, []
    sides = [resolve_actor(p) for p in parts]
    if not all(sides):
        return text, []
    return f"{sides[0].code}-{sides[1].code}", [s.note for s in sides if s.note]
