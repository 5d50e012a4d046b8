"""Code a noun phrase of a parsed sentence as a CAMEO-style actor: country + sector.

"Russian President Vladimir Putin" → RUSGOV, "US intelligence agencies" → USASPY,
"the government of Liberia" → LBRGOV, "NATO" → IGOWSTNAT, "Moscow" → RUS.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ._actor_lexicon import lexicon, norm

__all__ = ["PhraseCode", "phrase_tokens", "code_phrase", "compose"]

_MODIFIER_DEPS = {"compound", "amod", "poss", "nmod", "npadvmod", "nn", "case", "punct", "det", "predet",
                  "quantmod", "nummod", "appos"}
_SKIP_WORDS = {"the", "a", "an", "'s", "'", "its", "their", "his", "her", "our", "some", "all", "two", "both",
               "former", "ousted", "top", "senior", "new", "chief", "of", "mr", "mr.", "mrs", "ms", "dr", "dr."}


@dataclass(slots=True)
class PhraseCode:
    code: str | None
    country: str | None
    sector: str | None
    org: str | None


def phrase_tokens(head) -> list:
    """The head noun with its modifiers (compounds, adjectives, possessors, "of" phrases)."""
    keep = {head.i: head}

    def add_left(tok, depth=0):
        for child in tok.children:
            if child.dep_ in _MODIFIER_DEPS and child.dep_ != "appos" and child.i < head.i + 1:
                for t in child.subtree:
                    if t.i < tok.i or t.dep_ in ("case",):
                        keep[t.i] = t
            if child.dep_ == "prep" and child.lower_ == "of" and depth == 0 and head.pos_ == "NOUN":
                sub = list(child.subtree)
                if len(sub) <= 6 and not any(t.pos_ in ("VERB", "AUX") for t in sub):
                    for t in sub:  # "the government of Liberia", not "Trump of praising Putin"
                        keep[t.i] = t
    add_left(head)
    # compounds to the right of a proper-noun head ("Putin" is not right-modified, but
    # "White House" heads on "House") are already in the subtree above
    return [keep[i] for i in sorted(keep)]


def compose(country: str | None, sector: str | None, org: str | None) -> str | None:
    if org:
        return org
    if country:
        return country + (sector or "") if sector not in (None, "IGO", "NGO") else country
    return None


def code_phrase(head, day: date | None = None, tokens: list | None = None) -> PhraseCode:
    """Code the noun phrase headed by `head` (a spaCy token)."""
    lex = lexicon()
    toks = tokens if tokens is not None else phrase_tokens(head)
    words = [norm(t.text) for t in toks]
    head_pos = next((k for k, t in enumerate(toks) if t.i == head.i), len(toks) - 1)
    org = lex.org_of_words(words, day)
    # named people (built-in or user dictionary): try the proper-noun run around the head
    propn = [t.text for t in toks if t.pos_ == "PROPN" and t.i <= head.i]
    if propn:
        names = [" ".join(propn), propn[-1], " ".join(propn[-2:])]
        named = lex.named(names, day)
        if named:
            return PhraseCode(named, named[:3] if not named.startswith(("IGO", "NGO")) else None, named[3:6] or None, None)
    country = None
    i = 0
    while i < len(words):
        if words[i] in _SKIP_WORDS:
            i += 1
            continue
        iso, n = lex.country_of_word(words, i)
        if iso and i > 0 and words[i - 1] in ("new", "west", "north", "south", "east") and toks[i - 1].pos_ == "PROPN":
            iso = None  # New Jersey, New Mexico, West Virginia: not the country
        if iso:
            country = country or iso
            i += n
            continue
        i += 1
    sector_words = [w for w in words]
    sector = lex.sector_of_words(sector_words, head_pos)
    if org and len(org) == 6 and country is None:
        country = org[:3]
    return PhraseCode(compose(country, sector, org), country, sector, org)
