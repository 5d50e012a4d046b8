"""The first-name dictionary (gender-guesser, pinned in pyproject), loaded once for every stage that
asks whether a word is someone's first name, and of whom (quotes, places, actors)."""
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


@cache
def first_name_gender(name: str, strict: bool = False) -> str | None:
    """'male' or 'female' from a first name when the dictionary is sure enough; else None. `strict`:
    only names the dictionary gives one gender ("Bernie", "Lindsey", "Kim" are mostly female there)."""
    det = given_name_detector()
    if det is None or not name or not name[:1].isalpha():
        return None
    try:
        guess = det.get_gender(name)
    except Exception:
        return None
    if guess == "male" or (guess == "mostly_male" and not strict):
        return "male"
    if guess == "female" or (guess == "mostly_female" and not strict):
        return "female"
    return None
