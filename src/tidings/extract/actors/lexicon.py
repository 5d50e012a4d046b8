"""Actor vocabularies (countries, sectors, organisations, people) and phrase coding.

Everything here is data-driven: src/tidings/data/actors/ holds the vocabularies, loaded
once. `code_words` turns the words of a noun phrase into a CAMEO-style actor code.
"""
from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

import yaml

from ...errors import ConfigError
from . import phoenix as _phoenix
from .._names import first_name_gender

__all__ = ["ActorEntry", "Lexicon", "lexicon", "load_actor_dictionary", "set_user_dictionary",
           "user_dictionary_path", "norm"]

MAX_PHRASE = 6  # longest phrase (in words) looked up in the vocabularies
_MEMO_SIZE = 1 << 15  # phrases whose sector is remembered (the memo starts over when full)


def norm(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").replace("`", "'").split())


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One row of an actor dictionary: a named actor with its code and validity dates."""
    name: str
    aliases: tuple[str, ...]
    code: str
    valid_from: date | None = None
    valid_to: date | None = None

    def valid_on(self, day: date | None) -> bool:
        if day is None:
            return True
        if self.valid_from and day < self.valid_from:
            return False
        if self.valid_to and day >= self.valid_to:
            return False
        return True


DATA_DIR = Path(__file__).resolve().parents[2] / "data" / "actors"


def _data(name: str) -> Path:
    return DATA_DIR / name


def _lines(name: str) -> list[str]:
    """The lines of a data file, stripped, without blank lines and `#` comments."""
    return [line.strip() for line in _data(name).read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def _parse_date(value, where: str) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise ConfigError(f"{where}: cannot read the date {value!r}", hint="write dates as YYYY-MM-DD") from None


def _rows_to_entries(rows: list[dict], source: str) -> list[ActorEntry]:
    entries = []
    for n, row in enumerate(rows, start=1):
        where = f"{source}: entry {n}"
        if not isinstance(row, dict):
            raise ConfigError(f"{where}: expected a mapping with name and code", hint="see docs/EVENTS.md, 'Actor dictionaries'")
        name = str(row.get("name") or "").strip()
        code = str(row.get("code") or "").strip().upper()
        if not name:
            raise ConfigError(f"{where}: the name is missing", hint="every entry needs name and code")
        if not code or not code.isalnum() or len(code) < 3:
            raise ConfigError(f"{where} ({name}): the code {code!r} is not an actor code",
                              hint="use a CAMEO-style code such as USAGOV or IGOUNO")
        aliases = row.get("aliases") or []
        if isinstance(aliases, str):
            aliases = [a for a in (p.strip() for p in aliases.split("|")) if a]
        valid_from = _parse_date(row.get("valid_from"), where)
        valid_to = _parse_date(row.get("valid_to"), where)
        if valid_from and valid_to and valid_to <= valid_from:
            raise ConfigError(f"{where} ({name}): valid_to is not after valid_from")
        entries.append(ActorEntry(name, tuple(str(a) for a in aliases), code, valid_from, valid_to))
    return entries


def load_actor_dictionary(path: str | Path) -> list[ActorEntry]:
    """Read a user actor dictionary (CSV or YAML) and validate every row.

    CSV columns: name, aliases (separated by "|"), code, valid_from, valid_to (YYYY-MM-DD,
    optional). YAML: a list of mappings with the same keys (aliases may be a list).
    Raises ConfigError (E400) naming the file and the entry when something is wrong.
    """
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"actor dictionary {str(path)!r} not found", hint="pass an existing CSV or YAML file to --actors")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read actor dictionary {str(path)!r}: {exc}") from None
    if path.suffix.lower() in (".yaml", ".yml"):
        try:
            rows = yaml.safe_load(text) or []
        except yaml.YAMLError as exc:
            raise ConfigError(f"{path}: not valid YAML ({exc})") from None
        if isinstance(rows, dict) and "actors" in rows:
            rows = rows["actors"]
        if not isinstance(rows, list):
            raise ConfigError(f"{path}: expected a list of actors", hint="see docs/EVENTS.md, 'Actor dictionaries'")
    elif path.suffix.lower() in (".csv", ".tsv"):
        reader = csv.DictReader(text.splitlines(), delimiter="\t" if path.suffix.lower() == ".tsv" else ",")
        missing = {"name", "code"} - set(reader.fieldnames or [])
        if missing:
            raise ConfigError(f"{path}: missing column(s) {', '.join(sorted(missing))}",
                              hint="columns: name, aliases, code, valid_from, valid_to")
        rows = list(reader)
    else:
        raise ConfigError(f"{path}: unknown actor dictionary format", hint="use a .csv or .yaml file")
    return _rows_to_entries(rows, str(path))


_USER_PATH: list[str | None] = [None]


def set_user_dictionary(path: str | Path | None) -> None:
    """Use the actor dictionary at `path` (validated now) on top of the built-in one; None resets."""
    if path is not None:
        load_actor_dictionary(path)  # fail early, with the file's own error
    _USER_PATH[0] = str(path) if path is not None else None
    lexicon.cache_clear()


def user_dictionary_path() -> str | None:
    """The user dictionary in use: set by ``set_user_dictionary`` (the pipeline's `actors` argument or setting)."""
    return _USER_PATH[0]


def _form_index(entries: list[ActorEntry]) -> dict[str, list[int]]:
    """Normalised name or alias → positions of the entries carrying it, in order."""
    index: dict[str, list[int]] = {}
    for i, e in enumerate(entries):
        for form in {norm(e.name), *(norm(a) for a in e.aliases)}:
            index.setdefault(form, []).append(i)
    return index


class Lexicon:
    """Phrase → country / sector / organisation code, plus named people with dates."""

    def __init__(self, user_path: str | None):
        countries = json.loads(_data("countries.json").read_text(encoding="utf-8"))
        self.country_names: dict[str, str] = {}
        self.capitals: dict[str, str] = {}
        self.demonyms: dict[str, str] = {}
        for c in countries:
            for name in [c["name"], *c["aliases"]]:
                self.country_names.setdefault(norm(name), c["iso3"])
                if name.lower().startswith("the "):
                    self.country_names.setdefault(norm(name[4:]), c["iso3"])
            for cap in c["capitals"]:
                self.capitals.setdefault(norm(cap), c["iso3"])
            for dem in c["demonyms"]:
                key = norm(dem)
                self.demonyms.setdefault(key, c["iso3"])
                self.demonyms.setdefault(key + "s", c["iso3"])  # "Palestinians", "Afghans"
        self.country_name_of = {c["iso3"]: c["name"] for c in countries}
        self.regions: dict[str, str] = {r["word"]: r["code"] for r in csv.DictReader(_lines("regions.csv"))}
        self.region_codes = frozenset(self.regions.values())
        self.kin_nouns = frozenset(_lines("kin_nouns.txt"))
        self.generic_roles = frozenset(_lines("generic_roles.txt"))
        self.feature_nouns = frozenset(_lines("feature_nouns.txt"))
        # heads of phrases that name a place or an amount, no actor ("the Persian Gulf", "U.S. dollars")
        self.no_actor_heads = self.feature_nouns | frozenset(_lines("money_nouns.txt"))
        sectors = yaml.safe_load(_data("sectors.yaml").read_text(encoding="utf-8"))
        self.sectors: dict[str, str] = {}
        for sector, words in sectors.items():
            for w in words:
                self.sectors.setdefault(norm(w), sector)
        # last words of the sector phrases of two or more words ("intelligence agencies" → "agencies")
        self.sector_tails = {key.rsplit(" ", 1)[1] for key in self.sectors if " " in key}
        self.title_words = frozenset(w for key in self.sectors for w in key.split())  # "prime", "minister" …
        orgs = yaml.safe_load(_data("organizations.yaml").read_text(encoding="utf-8"))
        self.orgs: dict[str, str] = {}
        for code, names in orgs.items():
            for n in names:
                self.orgs.setdefault(norm(n), code)
                if n.lower().startswith("the "):
                    self.orgs.setdefault(norm(n[4:]), code)
        acronyms = yaml.safe_load(_data("acronyms.yaml").read_text(encoding="utf-8"))
        self.acronyms: dict[str, str] = {n: code for code, names in acronyms.items() for n in names}  # exact text
        text = _data("people.csv").read_text(encoding="utf-8")
        self.people: list[ActorEntry] = _rows_to_entries(list(csv.DictReader(text.splitlines())), "people.csv")
        self.user: list[ActorEntry] = load_actor_dictionary(user_path) if user_path else []
        self._people_index = _form_index(self.people)
        self._user_index = _form_index(self.user)
        self._sector_memo: dict[tuple, str | None] = {}

    # -- named actors -----------------------------------------------------------------
    def named(self, names: list[str], day: date | None, weak: bool = False) -> str | None:
        """The code of a named actor (user dictionary first), valid on `day`. A Phoenix code
        that says less than the article may (a country alone, an …ELI code) only with `weak`."""
        code = self.own_named(names, day)
        if code:
            return code
        code = _phoenix.person_of_names(names, day, self.title_words)  # the Phoenix dictionaries fill what ours lack
        if code and code[:3] in self.region_codes and (country := self.country_in_name(names)):
            code = country + code[3:]
        return code if weak or not _phoenix.is_weak(code) else None

    def region_at(self, words: list[str], i: int) -> int:
        """How many words of a region word start at words[i] ("latin american"), else 0."""
        return next((n for n in (2, 1) if " ".join(words[i:i + n]) in self.regions), 0)

    def country_in_name(self, names: list[str]) -> str | None:
        """The one country a name holds, passing over region words ("Kosovo Liberation Army" → KSV;
        none in "Latin American Patriotic Army" or in a name holding two countries). Phoenix codes
        many armed groups by world region (EEUREB, WEUREB), which no country's series counts."""
        found, words, i = set(), norm(names[0]).split() if names else [], 0
        while i < len(words):
            n = self.region_at(words, i)
            if not n:
                iso, n = self.country_of_word(words, i)
                if iso:
                    found.add(iso)
            i += max(n, 1)
        return found.pop() if len(found) == 1 else None

    def own_named(self, names: list[str], day: date | None) -> str | None:
        """The code of a named actor in the user's dictionary or tidings' own people list, or None."""
        keys = {norm(n) for n in names if n}
        firsts = None
        for entries, index in ((self.user, self._user_index), (self.people, self._people_index)):
            fallback = None
            hits = sorted({i for k in keys for i in index.get(k, ())})  # entries naming a key, in file order
            if hits and firsts is None:
                firsts = self.given_names(names)  # only when some entry is named: most names hit none
            for e in (entries[i] for i in hits):
                if firsts and not _same_first_name(e, firsts, keys):
                    continue  # "Jack McConnell" (or "Mr McConnell" of him) is not Mitch McConnell
                if e.valid_on(day):
                    return e.code
                fallback = fallback or e
            if entries is self.user and fallback is not None:
                return fallback.code  # a user entry outside its dates still beats nothing
        return None

    def given_names(self, names: list[str]) -> set[str]:
        """The first names of the full names among `names` ("jack" of "Jack McConnell"): a first
        word that first-name dictionaries know and that no listed person goes by alone ("Clinton
        Ally", a headline's run of capitals, gives none)."""
        out = set()
        for key in _phoenix.name_keys(names, self.title_words):
            first = key.split()[0] if " " in key else None
            if first and first_name_gender(first) and first not in self._people_index and first not in self._user_index:
                out.add(first)
        return out

    def user_phrases(self, day: date | None) -> dict[str, str]:
        out: dict[str, str] = {}
        for e in self.user:
            if e.valid_on(day):
                for form in (e.name, *e.aliases):
                    out.setdefault(norm(form), e.code)
        return out

    # -- words of a noun phrase → code ---------------------------------------------
    def names_country(self, words: list[str]) -> bool:
        """Whether some word of `words` starts a country name, demonym or capital ("Lebanese troops")."""
        return any(self.country_of_word(words, i)[0] for i in range(len(words)))

    def country_of_word(self, words: list[str], i: int) -> tuple[str | None, int]:
        """Longest country name, demonym or capital starting at words[i]: (iso3, length)."""
        for n in range(min(MAX_PHRASE, len(words) - i), 0, -1):
            key = " ".join(words[i:i + n])
            for table in (self.country_names, self.demonyms, self.capitals):
                if key in table:
                    return table[key], n
        return None, 0

    def sector_of_words(self, words: list[str], head: int | None = None) -> str | None:
        """The sector of a phrase: a phrase covering the head wins, else the last one found."""
        key = (tuple(words), head)
        memo = self._sector_memo
        if key in memo:
            return memo[key]
        if len(memo) >= _MEMO_SIZE:
            memo.clear()
        sector = memo[key] = self._sector_of_words(words, head)
        return sector

    def _sector_of_words(self, words: list[str], head: int | None) -> str | None:
        found: list[tuple[int, int, str]] = []
        i = 0
        while i < len(words):
            for n in range(min(MAX_PHRASE, len(words) - i), 0, -1):
                key = " ".join(words[i:i + n])
                if key not in self.sectors and key.endswith("s") and not self._in_country_name(words, i + n - 1):
                    # "leaders", "police officers": the word lists name the singular
                    key = " ".join(words[i:i + n - 1] + [_singular(words[i + n - 1])])
                if key in self.sectors:
                    found.append((i, n, self.sectors[key]))
                    i += n - 1
                    break
            i += 1
        if not found:
            return self._agent_sector(words, head)
        if head is not None:
            for i, n, sector in found:
                if i <= head < i + n:
                    if n == 1 and (words[i] in self.generic_roles or _singular(words[i]) in self.generic_roles) \
                            and "of" in words[i + 1:]:
                        # "leaders of the state Senate": the body they head gives the sector
                        after = [s for j, _, s in found if j > words.index("of", i + 1)]
                        if after:
                            return after[0]
                    return sector
        return found[-1][2]

    def _in_country_name(self, words: list[str], i: int) -> bool:
        """Whether words[i] is part of a country's name ("the United States")."""
        for j in range(max(0, i - 3), i + 1):
            iso, n = self.country_of_word(words, j)
            if iso and j <= i < j + n:
                return True
        return False

    @staticmethod
    def _agent_sector(words: list[str], head: int | None) -> str | None:
        """The Phoenix agent noun (3-letter sector) of the longest phrase ending on the head ("policemen" → COP)."""
        end = (len(words) - 1 if head is None else head) + 1
        for i in range(max(0, end - MAX_PHRASE), end):
            code = _phoenix.agent_sector(words[i:end])
            if code:
                return code[:3]
        return None

    def place_country(self, name: str) -> str | None:
        """The country of a place name (Phoenix cities and regions: "Basra" → IRQ), unless ambiguous."""
        return _phoenix.place_country(name)

    def org_of_words(self, words: list[str], day: date | None = None, proper: list[bool] | None = None) -> str | None:
        """The organisation named in `words`: the user's and tidings' own lists, then (with
        `proper`, one flag per word) the Phoenix dictionaries over proper-noun runs."""
        return self.org_with_source(words, day, proper)[0]

    def org_with_source(self, words: list[str], day: date | None = None,
                        proper: list[bool] | None = None, lower: list[bool] | None = None) -> tuple[str | None, bool]:
        """(`org_of_words`, whether the code comes from the user's or tidings' own lists); `lower`
        marks words written in lower case, which never make a one-word name ("an amnesty bill")."""
        user = self.user_phrases(day)
        for n in range(min(MAX_PHRASE, len(words)), 0, -1):
            for i in range(0, len(words) - n + 1):
                key = " ".join(words[i:i + n])
                if key in user:
                    return user[key], True
                if key in self.orgs and not (n == 1 and lower is not None and lower[i]):
                    return self.orgs[key], True
        return (_phoenix.org_code(words, day, proper) if proper is not None else None), False


@cache
def _lexicon(user_path: str | None) -> Lexicon:
    return Lexicon(user_path)


def lexicon() -> Lexicon:
    return _lexicon(user_dictionary_path())


lexicon.cache_clear = _lexicon.cache_clear  # type: ignore[attr-defined]


def _same_first_name(entry: ActorEntry, firsts: set[str], keys: set[str]) -> bool:
    """Whether a dictionary entry matched by some form may be the person an article names in full:
    it matched a full name, or one of its full forms begins with the same first name."""
    forms = [norm(f) for f in (entry.name, *entry.aliases) if f]
    if any(f in keys and " " in f for f in forms):
        return True
    return any(f.split()[0] in firsts for f in forms if " " in f)


def _singular(word: str) -> str:
    """The singular of a regular English plural ("leaders" → "leader", "parties" → "party")."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    return word[:-1]


# ISO 3166 codes that CAMEO writes otherwise (Phoenix/PETRARCH dictionaries and the CAMEO codebook)
_CAMEO_COUNTRY = {"XKX": "KSV", "IMG": "UAF"}


def cameo_code(code: str | None) -> str | None:
    """An actor code with CAMEO's country code in front ("XKXCVL" → "KSVCVL": Kosovo is KSV in CAMEO).
    An armed group of no country, which Phoenix files under IMG (al-Qaeda IMGMUSALQ), is UAF, as
    the annotation guide codes it, with the rest of its code kept (UAFMUSALQ)."""
    if code and code[:3] in _CAMEO_COUNTRY:
        return _CAMEO_COUNTRY[code[:3]] + code[3:]
    return code
