"""Vocabularies of the quote extractor, loaded lazily from data/quotes/."""
from __future__ import annotations

import json
from functools import cache
from importlib import resources

__all__ = ["speech_verbs", "anonymous_nouns", "document_nouns", "pronoun_class", "demonym_code",
           "noun_cues", "core_verbs", "title_gender", "title_words",
           "headline_speaker_nouns", "document_verbs", "platforms", "is_country_name", "work_nouns"]


def _lines(name: str) -> frozenset[str]:
    text = resources.files("tidings.data.quotes").joinpath(name).read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines()
                     if line.strip() and not line.lstrip().startswith("#"))


def _json(name: str) -> dict:
    return json.loads(resources.files("tidings.data.quotes").joinpath(name).read_text(encoding="utf-8"))


@cache
def speech_verbs() -> frozenset[str]:
    return _lines("speech_verbs.txt")


@cache
def noun_cues() -> frozenset[str]:
    return _lines("noun_cues.txt")


@cache
def core_verbs() -> frozenset[str]:
    return _lines("core_verbs.txt")


@cache
def headline_speaker_nouns() -> frozenset[str]:
    """Common nouns that can say a headline's claim ("Poll: …")."""
    return _lines("headline_speakers.txt")


@cache
def document_verbs() -> frozenset[str]:
    """Verbs that report a document's words when the document is their subject ("the letter reads")."""
    return _lines("document_verbs.txt")


@cache
def work_nouns() -> frozenset[str]:
    """Nouns for named works and shows ("book", "show", "anthem"): a title quoted after one is a name."""
    return _lines("work_nouns.txt")


@cache
def platforms() -> frozenset[str]:
    """Words naming where people post ("took to Twitter")."""
    return _lines("platforms.txt")


@cache
def _country_names() -> frozenset[str]:
    """Country names and aliases from the places gazetteer's files (read only), lower-case, no periods."""
    places = resources.files("tidings.data.places")
    names = set()
    rows = places.joinpath("countries.tsv").read_text(encoding="utf-8").splitlines()[1:]
    for row in rows:
        cols = row.split("\t")
        if len(cols) > 8:
            names.update(n for n in (cols[2], *cols[8].split("|")) if n)
    for row in places.joinpath("country_aliases.tsv").read_text(encoding="utf-8").splitlines():
        cols = row.split("\t")
        if len(cols) == 2 and not row.startswith("#"):
            names.add(cols[1])
    return frozenset(n.lower().replace(".", "").strip() for n in names)


def is_country_name(text: str) -> bool:
    """ "South Korea", "the U.S.", "Russia": a country's name (not a city's, not a region's)."""
    key = text.lower().replace(".", "").strip()
    if key.startswith("the "):
        key = key[4:]
    return key in _country_names()


@cache
def anonymous_nouns() -> frozenset[str]:
    return _lines("anonymous_nouns.txt")


@cache
def document_nouns() -> frozenset[str]:
    return _lines("document_nouns.txt")


@cache
def _pronouns() -> dict[str, str]:
    return _json("pronouns.json")


def pronoun_class(word: str) -> str | None:
    """male|female|thing|plural|group|self|addressee for a personal pronoun, else None."""
    return _pronouns().get(word.lower())


@cache
def _demonyms() -> dict[str, str]:
    return _json("demonyms.json")


def demonym_code(word: str) -> str | None:
    return _demonyms().get(word.lower().strip())


@cache
def title_gender() -> dict[str, str]:
    """Courtesy title → gender ("mrs" → "female")."""
    return dict(_json("titles.json")["title_gender"])


@cache
def title_words() -> frozenset[str]:
    """Titles skipped before a first name ("President Joe Biden" → Joe)."""
    return frozenset(_json("titles.json")["title_words"])
