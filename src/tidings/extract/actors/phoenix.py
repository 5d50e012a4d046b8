"""The Phoenix / PETRARCH-2 actor and agent dictionaries, compiled into data/actors/phoenix_*.tsv.

Built by tools/build_phoenix_data.py (MIT, see data/actors/NOTICE.phoenix); read lazily on
the first lookup. These tables FILL coverage: tidings' own people.csv, organizations.yaml,
countries.json and sectors.yaml and the user's `--actors` dictionary are asked first
(see _actor_lexicon.Lexicon).

- `person_code(words, day)`: a named person ("gordon brown", 2008-05-01 → GBRGOV), the
  code whose date range holds `day` (the first in dictionary order), else the entry's
  undated default, else the country alone of the nearest range ("yasser arafat", 2005 →
  PSE); with no day, the range that ends last. A surname alone ("blair") is
  coded only when the dictionary lists it as a form of its own, or when the people whose
  last name it is and who hold a dated code on that day all hold the same code (office
  codes beat "elite" …ELI codes: "Blair" in 2005 → GBRGOV); never without a day.
- `org_code(words, day, proper)`: the longest run of words naming an IGO, NGO, institution
  or armed group ("nato" → IGOWSTNAT, "hezbollah" → LBNREB); with `proper` flags, only runs
  of proper nouns, and a one-word name only when it stands alone.
- `place_country(words)`: the country (ISO3) of a country name, adjective or city, only
  when every current code of that form is in one country ("congo" → None).
- `agent_sector(noun)`: an agent noun → sector code ("police" → COP, "troops" → MIL).

A place name is never a person or a group ("Argentina" is not the KKLREB group of that
name), and the forms of data/actors/phoenix_exclude.txt (common words, generic phrases)
are no names at all. `is_weak` marks codes that say less than an article may (a country
alone, an …ELI "elite" code): the actor coder uses them only when the phrase says nothing
better ("Kenyan Foreign Minister Joseph Otieno" is KENGOV even where Phoenix lists that man as KENELI).
"""
from __future__ import annotations

import unicodedata
from datetime import date
from functools import lru_cache
from pathlib import Path

__all__ = ["person_code", "person_of_names", "is_weak", "org_code", "org_match", "place_country", "agent_sector",
           "canon", "tables", "Tables", "MAX_WORDS"]

DATA_DIR = Path(__file__).resolve().parents[2] / "data" / "actors"
ACTORS_FILE = DATA_DIR / "phoenix_actors.tsv"
AGENTS_FILE = DATA_DIR / "phoenix_agents.tsv"
EXCLUDE_FILE = DATA_DIR / "phoenix_exclude.txt"  # forms not used as names (common words, generic phrases)
MAX_WORDS = 8  # longest form looked up (words)
_OPEN_END = 10 ** 7  # ordinal after any real day
_PLACE = ("country", "city")
_FUNCTION_WORDS = {"of", "the", "and", "for", "in", "on", "de", "al", "el", "la", "&"}
_NOT_COUNTRIES = {"IGO", "NGO", "IMG", "MNC", "INT", "UAF"}  # code prefixes that name no country
_NOT_SECTORS = {"PPL", "IGO", "IMG"}  # agent codes that are no actor sector ("men" → PPL, "peacekeeping troops" → IGO)
_NOT_NAME_WORDS = {"of", "the", "and", "for", "in", "on"}  # a form with these is a title, not a name


def canon(words) -> str:
    """The lookup key of some words: lower case, ASCII, spaCy's split hyphens and "'s" joined again."""
    text = " ".join(words) if not isinstance(words, str) else words
    text = text.replace("’", "'").lower()
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    if " -" in text or "- " in text or " '" in text:
        text = text.replace(" - ", "-").replace(" 's", "'s").replace(" '", "'")
    return " ".join(text.split())


class Tables:
    """form → rows in dictionary order: (code, first day, last day, kind), days as ordinals (0 / _OPEN_END when open)."""

    __slots__ = ("names", "places", "surnames", "agents")

    def __init__(self, actors: Path = ACTORS_FILE, agents: Path = AGENTS_FILE, exclude: Path | None = EXCLUDE_FILE):
        skip = set()
        if exclude is not None and exclude.is_file():
            for line in exclude.read_text(encoding="utf-8").splitlines():
                form = line.split("#", 1)[0].strip()
                if form:
                    skip.add(form)
        names: dict[str, list] = {}
        places: dict[str, list] = {}
        surnames: dict[str, list[str]] = {}
        ordinal = _ordinal
        with open(actors, encoding="utf-8") as f:
            for line in f:
                if line[0] == "#" or line.startswith("form\t"):
                    continue
                form, code, first, last, kind = line.rstrip("\n").split("\t")
                row = (code, ordinal(first) if first else 0, ordinal(last) if last else _OPEN_END, kind)
                if kind in _PLACE:
                    places.setdefault(form, []).append(row)
                    continue
                if form in skip:
                    continue
                rows = names.get(form)
                if rows is None:
                    names[form] = rows = []
                    if kind == "person":
                        if 0 < form.count(" ") < 4 and not _NOT_NAME_WORDS.intersection(form.split()):
                            surnames.setdefault(form.rsplit(" ", 1)[1], []).append(form)
                rows.append(row)
        self.names, self.places, self.surnames = names, places, surnames
        self.agents: dict[str, str] = {}
        with open(agents, encoding="utf-8") as f:
            for line in f:
                if line[0] == "#" or line.startswith("form\t"):
                    continue
                form, code = line.rstrip("\n").split("\t")
                self.agents.setdefault(form, code)


@lru_cache(maxsize=1 << 12)
def _ordinal(iso: str) -> int:
    return date.fromisoformat(iso).toordinal()


_TABLES: list[Tables] = []


def tables() -> Tables:
    """The compiled tables, read on first use."""
    if not _TABLES:
        _TABLES.append(Tables())
    return _TABLES[0]


def _pick(rows: list, day: date | None) -> str | None:
    """The code of `day` among one form's rows (see the module doc)."""
    if day is None:
        dated = [r for r in rows if r[1] or r[2] != _OPEN_END]
        if dated:
            return max(dated, key=lambda r: (r[2], r[1]))[0]
        return rows[0][0]
    n = day.toordinal()
    default = None
    for code, first, last, _kind in rows:
        if first == 0 and last == _OPEN_END:
            default = default or code
        elif first <= n <= last:
            return code
    if default is None:  # outside every range: the person's country still holds ("Yasser Arafat" in 2005 → PSE)
        near = min(rows, key=lambda r: r[1] - n if r[1] > n else n - r[2])[0][:3]
        if near.isalpha() and near not in _NOT_COUNTRIES:
            return near
    return default


def _dated_on(rows: list, n: int) -> str | None:
    for code, first, last, _kind in rows:
        if (first or last != _OPEN_END) and first <= n <= last:
            return code
    return None


def person_code(name_words, day: date | None = None) -> str | None:
    """The code of a named person (full name, or a surname as the module doc says), or None."""
    t = tables()
    key = canon(name_words)
    if not key or key in t.places:  # "Argentina" is the country, not the armed group of that name
        return None
    rows = t.names.get(key)
    if rows is not None:
        return _pick(rows, day)
    if " " in key or day is None:
        return None
    forms = t.surnames.get(key)
    if not forms:
        return None
    n = day.toordinal()
    codes = {code for f in forms if (code := _dated_on(t.names[f], n))}
    if len(codes) > 1:  # "Blair" in 2005: the prime minister (GBRGOV), not an "elite" (…ELI) of that day
        codes = {c for c in codes if not c.endswith("ELI")}
    return next(iter(codes)) if len(codes) == 1 else None


HONORIFICS = _HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "lord", "lady", "sheikh", "gen.",
               "gen", "col.", "lt.", "sen.", "rep.", "gov.", "prof."}


def is_weak(code: str | None) -> bool:
    """A code that says less than the article may: a country alone or an "elite" (…ELI) code."""
    return bool(code) and (len(code) == 3 or code.endswith("ELI"))


def name_keys(names, titles=frozenset()) -> set[str]:
    """The forms `person_of_names` looks up: each name canonical, leading honorifics and `titles`
    words dropped. None with a space: the person is known by a surname alone."""
    keys = set()
    for name in names:
        words = canon(name).split() if name else []
        while len(words) > 1 and (words[0] in _HONORIFICS or words[0] in titles):
            words = words[1:]
        if words:
            keys.add(" ".join(words))
    return keys


def person_of_names(names, day: date | None = None, titles=frozenset()) -> str | None:
    """The code of a person known by several names (longest first, leading honorifics and
    `titles` words dropped). A surname alone is tried only when no name gives a first
    name: "Carla Menezes" is not Fradique de Menezes, but "Mr Blair" may be Tony Blair."""
    t = tables()
    keys = name_keys(names, titles)
    full = sorted((k for k in keys if " " in k), key=lambda k: (-k.count(" "), k))
    for key in full:
        rows = t.names.get(key)
        if rows is not None and key not in t.places:
            return _pick(rows, day)
    if full:
        return None
    for key in sorted(keys):
        code = person_code(key, day)
        if code:
            return code
    return None


def org_match(words, day: date | None = None, proper=None) -> tuple[str, int, int] | None:
    """(code, start, length) of the longest run of `words` naming an organisation or group, or None.

    `proper`, one flag per word, limits matches to runs whose content words are all proper
    nouns (so "dawn", "car" or "falcon" in running text are not the groups of those names),
    and a one-word match to a proper noun standing alone (not part of a longer name).
    A form that is also a place name is a place, not an organisation.
    """
    t = tables()
    words = [canon(w) for w in words]
    names, places = t.names, t.places
    for n in range(min(MAX_WORDS, len(words)), 0, -1):
        for i in range(0, len(words) - n + 1):
            key = " ".join(words[i:i + n])
            rows = names.get(key)
            if rows is None or rows[0][3] not in ("org", "group") or key in places:
                continue
            if n == 1 and len(key) < 3:
                continue
            if proper is not None and not all(proper[k] or words[k] in _FUNCTION_WORDS for k in range(i, i + n)):
                continue
            if proper is not None and n == 1 and ((i > 0 and proper[i - 1]) or (i + 1 < len(words) and proper[i + 1])):
                continue  # one word inside a longer name: "Ana Bonnin" is no member of ANA (MKDREB)
            code = _pick(rows, day)
            if code:
                return code, i, n
    return None


def org_code(words, day: date | None = None, proper=None) -> str | None:
    """The code of the longest run of `words` naming an organisation or group (leftmost first), or None."""
    if isinstance(words, str):
        words = words.split()
    found = org_match(words, day, proper)
    return found[0] if found else None


def place_country(words) -> str | None:
    """The country (ISO3) of a country name, adjective or city, when all its current codes agree."""
    rows = tables().places.get(canon(words))
    if not rows:
        return None
    current = {r[0][:3] for r in rows if r[2] == _OPEN_END}  # undated or "from …": the present-day codes
    return next(iter(current)) if len(current) == 1 else None


def agent_sector(noun) -> str | None:
    """The sector code of an agent noun or phrase ("police" → COP, "troops" → MIL), or None."""
    code = tables().agents.get(canon(noun))
    return None if code is None or code[:3] in _NOT_SECTORS else code
