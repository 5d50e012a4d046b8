"""The first-name dictionary (gender-guesser, pinned in pyproject), loaded once for every stage that
asks whether a word is someone's first name (quotes, places, actors)."""
from __future__ import annotations

from functools import cache


@cache
def given_name_detector():
    """gender-guesser's case-insensitive detector, or None when the package is missing."""
    try:
        import gender_guesser.detector as gd
    except ImportError:
        return None
    return gd.Detector(case_sensitive=False)
