"""Which country a local story is in when it names none: "Interstate 95", "the Sheriff's Office", "RCMP".

A small-town story may name only its own town ("A Frankfort man was charged …, Frankfort police
said") or a town and a road; nothing then says which country its towns lie in, and the town rules
that need one (``locative``, ``attributive``) take nothing, while the famous namesake ("Florence",
Italy) wins the resolution. Words of ``country_cues.tsv`` (numbered US roads, sheriffs, state
troopers, the RCMP) say the country; one country only (a story with cues of two says nothing).
"""
from __future__ import annotations

import re
from functools import cache
from importlib import resources

__all__ = ["cue_country", "parse_cues"]


@cache
def _cues() -> tuple[tuple[str, str, re.Pattern], ...]:
    return parse_cues(resources.files("tidings.data.places").joinpath("country_cues.tsv").read_text(encoding="utf-8"))


def parse_cues(source: str) -> tuple[tuple[str, str, re.Pattern], ...]:
    """The rows of a ``country_cues.tsv`` text; a malformed row raises ValueError naming its line."""
    out = []
    for n, line in enumerate(source.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3 or len(parts[0]) != 2 or not parts[0].isupper() or not parts[1]:
            raise ValueError(f"country_cues.tsv line {n}: expected 'ISO2<TAB>string<TAB>pattern', got {line!r}")
        out.append((parts[0], parts[1], re.compile(parts[2])))
    return tuple(out)


def cue_country(text: str) -> str | None:
    """The ISO alpha-2 code of the one country the words of `text` say the story is in, else None."""
    found = {cc for cc, needle, pattern in _cues() if needle in text and pattern.search(text)}
    return found.pop() if len(found) == 1 else None
