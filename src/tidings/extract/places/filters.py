"""What local news names that looks like a place and is not, and the divisions it names that are.

- a town's name inside a street's ("412 Dallas St.", "Boston Road", "Paris Pike") is the street:
  the name is followed by a word of ``road_words.txt`` (a county stays a place in "Y County Road 3");
- numbered roads ("County Road 3", "Highway 12 to", "State Route 9") are roads, not places:
  spans made only of ``road_designations.txt`` words, numbers and single letters;
- a name before "'s house" / "'s death" (``possessed_nouns.txt``) is a person's, and so is one before
  an age between commas ("Vernon Adkins, 40, of McKee");
- compass words before a known name ("Far North" of "Far North Queensland") are part of its name;
- a capitalised common word in a title-case headline ("Man Charged After Chase") is a word, unless
  the rest of the text uses it as a name ("Columbia Woman Dies …" and "a woman from Columbia");
- a person's surname ("Bingham" after "Mayor Ryan Bingham", "Modi" after "Narendra Modi", "Obama"
  after "President Obama") is the
  person wherever it stands alone, unless a locative preposition or a qualifier makes it a place
  ("in Bingham", "Bingham, Maine"); names of countries, regions, states and cities of
  ``SURNAME_MAX_POPULATION`` people or more stay places ("George Washington" … "Washington");
- a name that is the first or last name of a person named in full and that speaks somewhere
  ("Georgia Stevens" … "said Georgia") is the person wherever it stands alone, states and
  countries included, unless a locative or a qualifier makes it a place there;
- a one-word name with a speech verb just after or before it ("Holland said", "Brent told",
  "according to Conrad"; ``person_cues.json``) is a speaker, whatever the model's label, unless it
  is a country, region, state, capital or city of ``SURNAME_MAX_POPULATION`` or more ("Ottawa said");
- second-level divisions: a capitalised run ending in "County", "Parish" or "Borough"
  (``division_words.txt``) that the gazetteer knows is a place, wherever it stands.
"""
from __future__ import annotations

import json
import re
from functools import cache, lru_cache
from importlib import resources

from spacy.symbols import PUNCT as _PUNCT

from .._names import given_name_detector
from .gazetteer import KIND_ADMIN, KIND_COUNTRY, KIND_REGION, Candidate, name_key

__all__ = ["is_personal", "no_given_name", "not_a_place", "street_after", "road_designation", "possessed_by_person", "dwelling_of_person", "headline_word", "division_spans",
           "surnames", "surname_alone", "titled_names", "first_names", "speaks", "person_alone", "speaker", "named_elsewhere", "named_with_age", "compass_before_a_place", "headline_common", "in_title_case_line", "COMMON_HEADLINE_ZIPF", "SURNAME_MAX_POPULATION"]

COMMON_HEADLINE_ZIPF = 4.0  # wordfreq Zipf frequency from which a headline word is an everyday word
MAX_HEADLINE_CHARS = 200  # a longer line is no headline
SURNAME_MAX_POPULATION = 100_000  # a surname that is a town this big or bigger stays a place
_LOCATIVE_BEFORE = re.compile(r"(?:^|[^\w])(?:in|at|near|from|outside|into|to|toward|towards)[ \t]+$")
_DIVISION_RUN = r"((?:[A-Z][\w'\u2019.\-]*[ ]){1,3}(?:%s))\b"


@cache
def _words(name: str) -> tuple[str, ...]:
    path = resources.files("tidings.data.places").joinpath(name)
    return tuple(line.strip() for line in path.read_text(encoding="utf-8").splitlines()
                 if line.strip() and not line.startswith("#"))


@cache
def _street_pattern() -> re.Pattern:
    words = sorted(_words("road_words.txt"), key=len, reverse=True)
    return re.compile(r"[ \t]+(?:%s)(?![\w])" % "|".join(re.escape(w) for w in words))


@cache
def _division_pattern() -> re.Pattern:
    return re.compile(_DIVISION_RUN % "|".join(re.escape(w) for w in _words("division_words.txt")))


def street_after(text: str, start: int, end: int) -> bool:
    """The name at ``text[start:end]`` is part of a street's name ("Dallas" in "412 Dallas St.");
    a division ("Y County" in "Y County Road 3") is not."""
    if not _street_pattern().match(text, end):
        return False
    last = text[start:end].rsplit(None, 1)[-1]
    return last not in _words("division_words.txt")


@cache
def _designation_words() -> frozenset[str]:
    return frozenset(_words("road_designations.txt"))


@cache
def _road_directions() -> frozenset[str]:
    return frozenset(_words("road_directions.txt"))


def road_designation(span: str) -> bool:
    """"County Road 3", "Highway 12 to", "U.S. 50", "Route C": road words, numbers and single letters
    (a trailing lower-case word the model took along is allowed), with at least one road word."""
    tokens = span.split()
    while tokens and (tokens[-1].islower() or tokens[-1] in _road_directions()) and len(tokens) > 1:
        tokens.pop()  # "Highway 12 to", "Interstate 49 South"
    words = _designation_words()
    if not tokens or tokens[0] not in words and not re.fullmatch(r"[A-Z]{1,2}-\d{1,3}", tokens[0]):
        return False  # ("I-40", "US-71" open a designation too)
    return all(t in words or t.rstrip(".").isdigit() or re.fullmatch(r"\d+[A-Za-z]?|[A-Z]|[A-Z]?-?\d+", t)
               for t in tokens)


@cache
def _possessed() -> frozenset[str]:
    return frozenset(_words("possessed_nouns.txt"))


_POSSESSIVE = re.compile(r"['\u2019]s[ \t]+([a-z]+)(?:[ \t]+([a-z]+))?")


def dwelling_of_person(text: str, end: int) -> bool:
    """"Jordan's house", "Georgia's apartment", "Jordan's home in Clarksville" (``dwelling_nouns.txt``):
    a person's, even where the name is a country's or a state's."""
    hit = _POSSESSIVE.match(text, end)
    return bool(hit) and (hit.group(1) in _dwellings() or f"{hit.group(1)} {hit.group(2)}" in _dwellings())


@cache
def _dwellings() -> frozenset[str]:
    return frozenset(_words("dwelling_nouns.txt"))


def possessed_by_person(text: str, end: int) -> bool:
    """"Kunz's house", "Jaqueline's death", "Smith's former home", "Austin's house on Paris Road": a
    person's name before them."""
    hit = _POSSESSIVE.match(text, end)
    return bool(hit) and (hit.group(1) in _possessed() or hit.group(2) in _possessed())


def _line(text: str, start: int) -> str:
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", start)
    return text[a:b if b >= 0 else len(text)]


def in_title_case_line(text: str, k: int) -> bool:
    """Whether the line holding ``text[k]`` is a title-case headline."""
    return _title_case(_line(text, k))


def _title_case(line: str) -> bool:
    """A headline written in title case: four words and more, nearly all of the longer ones capitalised."""
    if len(line) > MAX_HEADLINE_CHARS or line.rstrip().endswith("."):
        return False  # (paragraphs are long lines: no need to read their words)
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'\u2019]*", line)]
    long = [w for w in words if len(w) > 3]
    return len(words) >= 4 and len(long) >= 3 and sum(w[0].isupper() for w in long) >= 0.8 * len(long) \
        and not line.isupper() and not line.rstrip().endswith(".")


def headline_common(word: str) -> bool:
    """An everyday English word (wordfreq Zipf ``COMMON_HEADLINE_ZIPF`` and more): "Man", "Mobile"."""
    return _common(word)


@lru_cache(maxsize=4096)
def _common(word: str) -> bool:
    from wordfreq import zipf_frequency  # the pipeline's cleaner and quantities load it already

    return zipf_frequency(word.lower(), "en") >= COMMON_HEADLINE_ZIPF


def headline_word(text: str, start: int, end: int) -> bool:
    """A one-word name that is an everyday English word, in a title-case line ("Man Charged …"),
    unless the text outside that line uses the word as a name ("… a woman from Columbia died")."""
    surface = text[start:end]
    if " " in surface or not surface.isalpha() or not _common(surface):
        return False
    line = _line(text, start)
    return _title_case(line) and not named_elsewhere(text, surface, text.rfind("\n", 0, start) + 1, len(line))


def named_elsewhere(text: str, word: str, line_start: int, line_length: int) -> bool:
    """Whether `word` stands capitalised inside a sentence outside the line at `line_start`
    ("from Columbia", "Columbia, Mo."), after a lower-case word or a comma: used as a name there."""
    for hit in re.finditer(r"(?<=[a-z,;] )%s\b" % re.escape(word), text):
        if not line_start <= hit.start() < line_start + line_length:
            return True
    return False


def division_spans(text: str) -> list[list[tuple[int, int]]]:
    """Capitalised runs ending in "County", "Parish" or "Borough" ("Rapides Parish", "Y County" in
    "Y County Road 3"): for each, its spans from the longest to the shortest (one to three words
    before the division word), for the caller to keep the first the gazetteer knows."""
    if not any(w in text for w in _words("division_words.txt")):
        return []
    out = []
    for hit in _division_pattern().finditer(text):
        s, e = hit.span(1)
        starts = [s] + [m.end() for m in re.finditer(r"[ ]", text[s:e])][:-1]
        spans = []
        for k in starts:
            k = k if k == s else s + k
            if not text.startswith("The ", k):
                spans.append((k, e))
        out.append(spans)
    return out


_WITH_AGE = re.compile(r"(?:[ \t]+[A-Z][\w'\u2019-]*\.?){0,2},[ \t]+\d{1,3},")


def named_with_age(text: str, end: int) -> bool:
    """"Vernon Adkins, 40, of McKee": a name followed by up to two more names and an age between commas
    is a person's."""
    return bool(_WITH_AGE.match(text, end))


COMPASS_WORDS = frozenset({"North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central",
                           "Far", "Upper", "Lower", "Mid", "Northeast", "Northwest", "Southeast", "Southwest",
                           "North-East", "North-West", "South-East", "South-West", "Northeastern", "Northwestern",
                           "Southeastern", "Southwestern"})
_NEXT_NAME = re.compile(r"[ \t]+([A-Z][\w'\u2019.-]*(?:[ \t]+[A-Z][\w'\u2019.-]*)?)")


def compass_before_a_place(text: str, start: int, end: int, known) -> bool:
    """"Far North" of "Far North Queensland", "North West" of "North West England": compass words
    before a name the gazetteer knows (`known(name)`) are part of that place's name, not a place of
    their own (Cameroon's Far North, South Africa's North West)."""
    if not all(w in COMPASS_WORDS for w in text[start:end].split()):
        return False
    hit = _NEXT_NAME.match(text, end)
    if not hit:
        return False
    name = hit.group(1)
    return known(name) or " " in name and known(name.split()[0])


def not_a_place(text: str, start: int, end: int, cands: list[Candidate]) -> bool:
    """Streets named after towns ("412 Dallas St."), a person's name before "'s house", an everyday
    word in a title-case headline ("Man Charged …"); countries, regions and states are kept in the
    last two."""
    if street_after(text, start, end) or named_with_age(text, end) or without_its_article(text, start, end) \
            or storm_name(text, start) or us_route(text, start, end) or publication(text, start, end):
        return True
    if any(c.kind in (KIND_COUNTRY, KIND_REGION) or c.kind == KIND_ADMIN and c.feature == "ADM1" for c in cands):
        return dwelling_of_person(text, end)  # "Jordan's home in Clarksville"
    if person_group(text, start, end) and not any(c.feature == "PPLC" or c.population >= 1_000_000 for c in cands):
        return True  # "the Kennedy family", "the Lincoln campaign"
    return possessed_by_person(text, end) or headline_word(text, start, end)


@cache
def _storm_before() -> re.Pattern:
    words = sorted(_words("storm_words.txt"), key=len, reverse=True)
    return re.compile(r"(?:^|[^\w-])(?:%s)[ \t]+(?:[A-Z][\w'-]*(?:,[ \t]+and[ \t]+|,[ \t]+|[ \t]+and[ \t]+|[ \t]+or[ \t]+))*$"
                      % "|".join(re.escape(w).replace(r"\ ", r"[ \t]+") for w in words))


_ROUTE_NUMBER = re.compile(r"[ \t]+\d{1,3}[A-Z]?(?=[ \t]*(?:[,;:)]|\.(?!\d)|$)|[ \t]+(?:north|south|east|west|northbound|"
                           r"southbound|eastbound|westbound|near|at|in|and|to|between|from|outside|Business|Bypass)\b)")


def us_route(text: str, start: int, end: int) -> bool:
    """"U.S. 412", "US 59 north of Livingston": a numbered US highway, not the country."""
    return text[start:end] in ("U.S.", "US") and bool(_ROUTE_NUMBER.match(text, end))


_THE_BEFORE_NAME = re.compile(r"\b[Tt]he[ \t]+$")
_NOUN_AFTER = re.compile(r"[ \t]+([a-z]+)\b")


def person_group(text: str, start: int, end: int) -> bool:
    """"the Kennedy family", "the Castro regime" (``person_group_nouns.txt``): a one-word name between
    "the" and such a noun is a person's."""
    after = _NOUN_AFTER.match(text, end)
    return bool(after) and " " not in text[start:end] and after.group(1) in _words("person_group_nouns.txt") \
        and bool(_THE_BEFORE_NAME.search(text, max(0, start - 5), start))


_CAPITAL_THE_MID_SENTENCE = re.compile(r"\b(?:by|for|in|to|from|with|at|of|told|tells|said|says|wrote|writes|"
                                       r"published|reported|reports)[ \t]+The[ \t]+$")


def publication(text: str, start: int, end: int) -> bool:
    """"A video by The Atlantic", "told The Atlantic": a place name of ``publication_names.txt`` after a
    capital "The" that follows a preposition or a verb of saying is the publication."""
    return text[start:end] in _words("publication_names.txt") and bool(
        _CAPITAL_THE_MID_SENTENCE.search(text, max(0, start - 8), start))


def storm_name(text: str, start: int) -> bool:
    """The name of a storm: "Hurricane Florence", "Tropical Storm Bill", "hurricanes Laura and Delta"."""
    return bool(_storm_before().search(text, max(0, start - 80), start))


@cache
def _article_names() -> frozenset[str]:
    """The keys of the other names written with their article in ``country_aliases.tsv`` ("the States")."""
    path = resources.files("tidings.data.places").joinpath("country_aliases.tsv")
    rows = (line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line and line[0] != "#")
    return frozenset(name_key(row[1]) for row in rows if len(row) > 1 and row[1].lower().startswith("the "))


_THE_BEFORE = re.compile(r"\bthe[ \t]+$", re.I)


def without_its_article(text: str, start: int, end: int) -> bool:
    """A name that is a place only with its article ("the States") written without it: "Member
    States", "the party States", "155 States" are no country."""
    return name_key(text[start:end]) in _article_names() and not _THE_BEFORE.search(text, max(0, start - 6), start)


@lru_cache(maxsize=4096)
def no_given_name(word: str) -> bool:
    """Whether a capitalised word is no one's first name ("Seattle" of "Seattle Seahawks", "Riverdale" of a
    gas station the model calls a person; not "Victoria", "Austin", "Paris")."""
    return given_name_detector().get_gender(word) == "unknown"


def surnames(words, personal) -> frozenset[str]:
    """The last names of the document's persons named with two names or more ("Ryan Bingham"):
    `words` is context.Words, `personal(ent)` whether a PERSON entity reads as a person."""
    texts = words.texts
    return frozenset(texts[e.end - 1] for e in words.ents
                     if e.label == "PERSON" and e.end - e.start >= 2 and texts[e.start][:1].isupper()
                     and texts[e.end - 1][:1].isupper() and texts[e.end - 1].isalpha() and personal(e))


@cache
def _titled_pattern() -> re.Pattern:
    cues = json.loads(resources.files("tidings.data.places").joinpath("person_cues.json").read_text("utf-8"))
    titles = "|".join(sorted((t[:1].upper() + t[1:] for t in cues["honorifics"]), key=len, reverse=True))
    return re.compile(r"\b(?:%s)\.?[ \t]+((?:[A-Z][a-z]+[ \t]+){0,2}[A-Z][a-z]+)\b" % titles)


def titled_names(text: str) -> frozenset[str]:
    """The last names written after a title ("President Obama's", "Mayor Ryan Bingham", "Sen. Kelly Ayotte")."""
    if not any(c.isupper() for c in text):
        return frozenset()
    return frozenset(hit.group(1).split()[-1] for hit in _titled_pattern().finditer(text))


def first_names(words, personal) -> frozenset[str]:
    """The first names of the document's persons named with two names or more ("Georgia Stevens")."""
    texts = words.texts
    return frozenset(texts[e.start] for e in words.ents
                     if e.label == "PERSON" and e.end - e.start >= 2 and texts[e.start][:1].isupper()
                     and texts[e.start + 1][:1].isupper() and texts[e.start].isalpha() and personal(e))


def speaks(text: str, name: str) -> bool:
    """Whether some lone occurrence of `name` speaks ("said Georgia", "Georgia told")."""
    after, before = _speech_patterns()
    for hit in re.finditer(r"(?<![\w-])%s(?![\w-])" % re.escape(name), text):
        s, e = hit.span()
        if after.match(text, e) or before.search(text, max(0, s - 16), s) and not re.match(r"[ \t]+[A-Z]", text[e:e + 2]):
            return True
    return False


def person_alone(text: str, start: int, end: int, names: frozenset[str], qualified: bool, speaking) -> bool:
    """A lone name that is the first or last name of a person the document names in full ("Georgia
    Stevens", "Ryan Bingham") and that speaks somewhere in the document ("said Georgia"): the person,
    whatever places bear the name ("Georgia's top six finish"), unless a locative or qualifier makes
    it a place here. `speaking(name)` is ``speaks`` over the document (cached by the caller)."""
    name = text[start:end]
    if name not in names or qualified or _placed_here(text, start, end):
        return False
    return bool(_WHO_AFTER.match(text, end)) or speaking(name)


def surname_alone(text: str, start: int, end: int, cands: list[Candidate], names: frozenset[str],
                  qualified: bool) -> bool:
    """A lone surname of a person of the document ("Bingham said", "Modi's cabinet") where nothing
    makes it a place: no locative preposition before it, no qualifier after it, and no sense of the
    name a country, region, state or city of SURNAME_MAX_POPULATION people or more."""
    if text[start:end] not in names or qualified:
        return False
    if _WHO_AFTER.match(text, end):
        return True  # "Paris, who once worked for a senator": places take "which" (whatever their size)
    if not _small_town(cands):
        return False
    return not _placed_here(text, start, end)


_WHO_AFTER = re.compile(r",[ \t]+who(?:se|m)?\b")  # "Scott, who was shot": a person, not a place


_POSSESSIVE_AFTER = re.compile(r"['\u2019]s?(?![\w'\u2019])")


def _placed_here(text: str, start: int, end: int) -> bool:
    """A locative preposition before a person's name makes it a place ("in Bingham"), unless the
    name owns what follows: "in Obama's Cabinet", "in Scott's district" (the preposition governs
    the owned noun)."""
    return bool(_LOCATIVE_BEFORE.search(text, max(0, start - 12), start)) and not _POSSESSIVE_AFTER.match(text, end)


_IRREGULAR = {"say": ("said",), "tell": ("told",), "write": ("wrote", "written")}


@cache
def _speech_patterns() -> tuple[re.Pattern, re.Pattern]:
    cues = json.loads(resources.files("tidings.data.places").joinpath("person_cues.json").read_text("utf-8"))
    forms = set()
    for verb in cues["speech_verbs"]:
        forms.update((verb, verb + "s", verb + "d" if verb.endswith("e") else verb + "ed", *_IRREGULAR.get(verb, ())))
    alt = "|".join(sorted(forms, key=len, reverse=True))
    return (re.compile(r"[ \t]+(?:%s)\b" % alt),
            re.compile(r"(?:^|\W)(?:(?:%s)|according[ \t]+to)[ \t]+$" % alt, re.IGNORECASE))


def _small_town(cands: list[Candidate]) -> bool:
    return not any(c.kind in (KIND_COUNTRY, KIND_REGION) or c.kind == KIND_ADMIN and c.feature == "ADM1"
                   or c.feature == "PPLC" or c.population >= SURNAME_MAX_POPULATION for c in cands)


def speaker(text: str, start: int, end: int, cands: list[Candidate]) -> bool:
    """A one-word name that speaks ("Holland said", "said Holland", "according to Conrad") and is
    no country, region, state, capital or big city ("Ottawa said" is the government)."""
    if " " in text[start:end] or not _small_town(cands):
        return False
    after, before = _speech_patterns()
    if after.match(text, end) or _WHO_AFTER.match(text, end):  # "Holland said", "Holland, who"
        return not _LOCATIVE_BEFORE.search(text, max(0, start - 12), start)  # "who was from Dewsbury said"
    return bool(before.search(text, max(0, start - 16), start)) and not re.match(r"[ \t]+[A-Z]", text[end:end + 2])


_PERSON_CUES = json.loads(resources.files("tidings.data.places").joinpath("person_cues.json").read_text("utf-8"))
_HONORIFICS = frozenset(_PERSON_CUES["honorifics"])  # "Mr Washington": a person
_SPEECH_VERBS = frozenset(_PERSON_CUES["speech_verbs"])  # "Jordan said": a person


def _personal(words, ent) -> bool:
    """A PERSON entity that reads as a person: two names and more, a title before it, or "said" after it."""
    texts, pos, doc = words.texts, words.pos, words.doc
    if sum(1 for i in range(ent.start, ent.end) if texts[i][:1].isupper() and pos[i] != _PUNCT) >= 2 \
            and not in_title_case_line(words.text, ent.start_char):  # "Victoria Man Arrested" of a headline
        return True
    before = doc[ent.start - 1] if ent.start > 0 else None
    after = doc[ent.end].lemma_.lower() if ent.end < words.n else ""
    if before is not None and (before.text.rstrip(".").lower() in _HONORIFICS or before.lemma_.lower() in _SPEECH_VERBS
                               or before.lower_ == "to" and ent.start > 1
                               and words.lower(ent.start - 2) == "according"):
        return True  # "Mayor Bingham", "said Noma", "according to Yap"
    return after in _SPEECH_VERBS


def is_personal(words, ent) -> bool:
    """`_personal`, kept on the entity (worked out once)."""
    if ent.personal is None:
        ent.personal = _personal(words, ent)
    return ent.personal
