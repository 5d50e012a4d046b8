"""Shared checks for the places tests."""
from __future__ import annotations

from tidings.extract.places.resolve import distance_km


def near(place, lat: float, lon: float, km: float = 161.0) -> bool:
    """Whether a resolved place lies within `km` of (lat, lon)."""
    return distance_km(place.lat, place.lon, lat, lon) <= km


def named(found, text: str):
    """The places of `found` whose text is `text` (failing the test when there is none)."""
    hits = [p for p in found if p.text == text]
    assert hits, f"{text!r} not found among {[p.text for p in found]}"
    return hits
