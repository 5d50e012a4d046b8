"""Names for actor codes, from the project's data: country names (countries.json) for codes that begin with
an ISO 3166 alpha-3 code ("RUSGOV" → Russia), organisation names (organizations.yaml) for IGO/NGO codes
("IGOUNOWFP" → World Food Program; the longest listed prefix wins)."""
from __future__ import annotations

import json
from functools import cache
from importlib import resources

import yaml

__all__ = ["actor_name"]

_ORG_PREFIXES = ("IGO", "NGO")


def _data(name: str) -> str:
    return resources.files("tidings.data.actors").joinpath(name).read_text(encoding="utf-8")


@cache
def _countries() -> dict[str, str]:
    return {c["iso3"]: c["name"] for c in json.loads(_data("countries.json"))}


@cache
def _organizations() -> dict[str, str]:
    orgs = yaml.safe_load(_data("organizations.yaml")) or {}
    return {code: names[0] for code, names in orgs.items() if names}


def actor_name(code: str) -> str | None:
    """The name of an actor code (upper case), or None where the project knows none."""
    if code.startswith(_ORG_PREFIXES):
        orgs = _organizations()
        for end in range(len(code), 3, -1):
            if code[:end] in orgs:
                return orgs[code[:end]]
        return None
    return _countries().get(code[:3])
