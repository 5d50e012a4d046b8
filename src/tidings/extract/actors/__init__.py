"""Actor coding: give every entity that can act a CAMEO-style code (country + sector).

Reads the entities the entity stage found and returns them with `actor_code` and
`affiliation` filled, plus new entities for actor phrases the entity stage does not
produce ("Russian troops", "US intelligence agencies", a bare country name when no
entity stage ran). Vocabularies are data files under tidings/data/actors; users add or
override actors with their own dictionary (see `use_actor_dictionary`).
"""
from __future__ import annotations

import re
from datetime import date

from .._doc import DocView
from ...clean import find_dateline
from ...record import Article, Entity, Mention, Place
from .code import code_index, code_indices, compose, info
from . import phoenix
from .lexicon import cameo_code, load_actor_dictionary, lexicon, norm, set_user_dictionary

__all__ = ["extract_actors", "use_actor_dictionary", "load_actor_dictionary", "publication_day", "dateline_place"]


def use_actor_dictionary(path) -> None:
    """Add the user's actor dictionary (CSV or YAML) to the built-in one; None removes it.

    Validates the file now (ConfigError E400 on a bad row). ``Pipeline(actors=PATH)`` (or the
    setting actors: --actors, TIDINGS_ACTORS, tidings.toml) calls this in every process that
    analyzes, the ingest workers included.
    """
    set_user_dictionary(path)


def publication_day(record: Article) -> date | None:
    try:
        return date.fromisoformat((record.published or "")[:10])
    except ValueError:
        return None


_LEADING_POS = {"DET", "PUNCT", "PART", "PRON", "NUM", "ADP", "ADV", "SYM"}  # not the start of an actor phrase
_GROUP_SECTORS = {"MIL", "SPY", "COP", "GOV", "LEG", "JUD", "REB", "OPP", "MED", "CVL", "REF", "BUS", "LAB", "NGO"}


def _span(doc, start: int, end: int):
    return doc.char_span(start, end, alignment_mode="expand")


def _spans(doc, entity: Entity):
    """The doc span of each of the entity's mentions (those the parse can hold)."""
    for mention in entity.mentions:
        span = _span(doc, mention.start, mention.end)
        if span is not None:
            yield span


def _affiliation(code: str | None) -> str | None:
    if not code or code.startswith(("IGO", "NGO", "IMG", "UAF")):
        return None
    return code[:3] if code[:3].isalpha() else None


def _code_person(doc, entity: Entity, day: date | None, countries: frozenset = frozenset(),
                 places: dict[int, str] | None = None, filed_in: str | None = None) -> str | None:
    lex = lexicon()
    names = [entity.name, *entity.aliases]
    raw = lex.named(names, day)
    named = _supported(lex, raw, names, day, countries)
    if named:
        return named
    country = entity.affiliation if entity.affiliation and len(entity.affiliation) == 3 else None
    sector = (lex.sectors.get(norm(entity.role)) or lex.sector_of_words(norm(entity.role).split())) if entity.role else None
    org = None
    d = info(doc)
    # someone the dictionaries know by this surname alone, when the article gives another full name
    # ("McConnell" of "Jack McConnell" is not Mitch McConnell): a mention alone must not bring them back
    # "Mark Cuban", "Steve Israel", "Douglas Holtz-Eakin": a person's own name, after a first name,
    # says nothing of a country, whatever country, capital or people its words also name
    own_name = bool(lex.given_names(names))
    others = {lex.own_named([n], day) for n in names if n and " " not in n.strip()} - {None} \
        if own_name else set()
    for span in _spans(doc, entity):
        head = span.root.i
        keep = set(d.phrase(head)[0])
        dep = d.dep
        for appos in d.kids[head]:
            if dep[appos] == "appos":
                keep.update(d.phrase(appos)[0])
        if dep[head] == "appos" and d.pos[d.heads[head]] in ("NOUN", "PROPN"):
            keep.update(d.phrase(d.heads[head])[0])  # "the head of the U.S. agency, Louis Brandt,"
        keep.update(range(span.start, span.end))
        # "Lockerbie Inquiry Chairman Tom Reid": a place that names an inquiry is not the person's country
        keep -= {k for k in keep if k + 1 < len(d.lower) and d.lower[k + 1] in _INQUIRY_WORDS}
        found = code_indices(d, head, sorted(keep), day)
        if raw and found.code == raw or found.code in others:
            continue  # the dictionary's name the article gives no support for (see _supported)
        if found.org and not org and len(found.org) >= 6:
            org = found.org
        if not org:  # "Hans Larsen of the U.N.": a name's "of" phrase naming an organisation of states
            org = next((o for c in d.kids[head] if dep[c] == "prep" and d.lower[c] == "of" for p in d.kids[c]
                        if dep[p] == "pobj" and (o := code_index(d, p, day).org) and o.startswith(("IGO", "NGO"))),
                       None)
        found_country = found.country
        if own_name and found_country and _named_by_own_name(lex, d, span, found_country):
            found_country = code_indices(d, head, sorted(keep - set(range(span.start, span.end))), day).country
        country = country or found_country
        if not country and places:
            # "Vermont Sen. Bernie Sanders", "Ohio Gov. John Kasich": a place of a known country among
            # the words right before the name that hang on it
            k = span.start - 1
            while k >= 0 and dep[k] in ("compound", "amod", "nmod") and d.heads[k] in range(k + 1, span.end):
                if d.idx[k] in places and k in keep:
                    country = places[d.idx[k]]
                    break
                k -= 1
        sector = sector or found.sector
        if country and sector:
            break
    if org and (not country or org[:3] == country) and not _seeker(doc, entity):
        return org  # "Sinn Fein leader Gerry Adams": the leader of the party, not of the country
    if country and not sector and entity.role:
        sector = "GOV"
    if not country and not org and sector in _OFFICE_SECTORS and filed_in and filed_in != "USA":
        # "JERUSALEM (AP) _ … Defense Minister Yitzhak Mordechai": an official the wire copy gives
        # no country is the dateline country's (not in U.S. copy, which names foreign ministers so)
        country = filed_in
    if country and sector in _OFFICE_SECTORS and _former(doc, entity):
        sector = "ELI"  # "former Florida Gov. Jeb Bush": an elite, no longer the office
    return (compose(country, sector, None) if country else org) or _supported(
        lex, lex.named(names, day, weak=True), names, day, countries)


def _named_by_own_name(lex, d, span, country: str) -> bool:
    """Whether a word of the person's own name is a word for `country` (its name, people or capital)."""
    words = [d.lower[t] for t in range(span.start, span.end)]
    return any(lex.country_of_word(words, k)[0] == country for k in range(len(words)))


_OFFICE_SECTORS = {"GOV", "LEG", "MIL", "JUD", "COP", "SPY"}
_INQUIRY_WORDS = {"committee", "subcommittee", "commission", "panel", "inquiry", "probe", "tribunal"}
_FORMER_WORDS = {"former", "ex", "ex-", "onetime", "one-time", "retired"}


def _former(doc, entity: Entity) -> bool:
    """Whether every mention that carries words before the name says the office is past ("former")."""
    said = []
    for span in _spans(doc, entity):
        if span.start == 0:
            continue
        before = {t.lower_ for t in doc[max(span.start - 4, 0):span.start]} | {t.lower_ for t in span}
        if before & (_TITLE_HINTS | _FORMER_WORDS):
            said.append(bool(before & _FORMER_WORDS))
    return bool(said) and all(said)


_TITLE_HINTS = {"sen.", "gov.", "rep.", "senator", "governor", "president", "minister", "secretary", "mayor",
                "congressman", "congresswoman", "general", "gen.", "ambassador", "chancellor", "premier"}


# role words that say a person wants into or stands against an organisation, not that they are
# in it: "White House hopeful Donald Trump", "Senate candidate", "Kremlin critic"
_SEEKER_WORDS = {"hopeful", "hopefuls", "candidate", "candidates", "nominee", "contender", "challenger", "critic",
                 "critics", "opponent", "opponents", "rival", "rivals", "aspirant"}


def _seeker(doc, entity: Entity) -> bool:
    """Whether a mention of the person carries a role word of one seeking or opposing an office."""
    for span in _spans(doc, entity):
        head = span.root
        if any(t.lower_ in _SEEKER_WORDS for t in head.children) or any(
                t.lower_ in _SEEKER_WORDS for t in doc[max(span.start - 3, 0):span.start]):
            return True
    return False


def _org_inside(lex, name: str) -> str | None:
    """The code of the longest run of words of `name` that tidings' organisation list names, when
    the name holds one and no country word qualifies it ("IRA commanders"; not "Egyptian Islamic Jihad")."""
    words = norm(name).split()
    for n in range(len(words) - 1, 0, -1):
        for i in range(len(words) - n + 1):
            key = " ".join(words[i:i + n])
            if key in lex.orgs:
                rest = words[:i] + words[i + n:]
                if lex.names_country(rest):
                    return None
                return lex.orgs[key]
    return None


def _supported(lex, code: str | None, names: list[str], day: date | None, countries: frozenset) -> str | None:
    """A dictionary code for a person known by one word only when the article names that person's
    country ("Ginsburg" in a U.S. story is not Costa Rica's Luis Liberman Ginsburg; "Blair" in a
    story about Britain is Tony Blair); tidings' and the user's own lists are trusted as they are."""
    if not code or code.startswith(("IGO", "NGO")) or not _surname_only(lex, names) or code[:3] in countries:
        return code
    return code if lex.own_named(names, day) else None


def _surname_only(lex, names: list[str]) -> bool:
    """Whether the dictionaries can only know this person by one word (titles and honorifics aside):
    the forms they would look up hold no full name."""
    return not any(" " in key for key in phoenix.name_keys(names, lex.title_words))


def _mentioned_countries(record: Article) -> frozenset:
    """The countries an article names: its places' countries and its country and demonym entities."""
    lex = lexicon()
    found = {p.country for p in record.places if p.country}
    for e in record.entities:
        if e.type in ("PLACE", "NORP"):
            key = norm(e.name)
            found.update(t[key] for t in (lex.country_names, lex.demonyms, lex.capitals) if key in t)
    return frozenset(found)


def _code_entity(doc, entity: Entity, day: date | None, countries: frozenset = frozenset(),
                 places: dict[int, str] | None = None, filed_in: str | None = None) -> str | None:
    lex = lexicon()
    if entity.type == "PERSON":
        return _code_person(doc, entity, day, countries, places, filed_in)
    if entity.type == "NORP" and _names_feature(doc, entity, lex):
        return None  # "the Persian gulf": part of a place's name, no actor
    if entity.type == "NORP" and norm(entity.name).split()[-1:] in (["americans"], ["american"]) \
            and lex.names_country(norm(entity.name).split()[:-1]):
        return "USA"  # "Polish Americans": Americans of that descent
    names = [entity.name, *entity.aliases]
    names = [n for n in names if not (n.islower() and " " not in n.strip())]  # "conservatives": a common noun
    for name in names:  # tidings' own organisation list wins over the dictionaries' named actors
        if norm(name) in lex.orgs and entity.type in ("PLACE", "NORP", "ORG", "OTHER"):
            return lex.orgs[norm(name)]
        if name.strip() in lex.acronyms and entity.type in ("ORG", "OTHER"):
            return lex.acronyms[name.strip()]
    if entity.type == "ORG":
        inner = _org_inside(lex, entity.name)  # "IRA commanders": the IRA's men
        if inner:
            return inner
    named = _supported(lex, lex.named(names, day), names, day, countries)
    if named:
        return named
    for name in names:
        key = norm(name)
        if entity.type in ("PLACE", "NORP", "ORG", "OTHER"):
            if key in lex.orgs:
                return lex.orgs[key]
            for table in (lex.country_names, lex.demonyms, lex.capitals):
                if key in table and entity.type != "ORG":
                    return table[key]
            if key.startswith("the ") and key[4:] in lex.country_names:
                return lex.country_names[key[4:]]
            if entity.type == "PLACE" and (iso := lex.place_country(key)):
                return iso  # a city or region of the Phoenix dictionaries: "Basra" → IRQ
    if entity.type == "ORG":
        for span in _spans(doc, entity):
            found = code_indices(info(doc), span.root.i, list(range(span.start, span.end)), day)
            if found.code:
                return found.code
        return None  # a surname alone is a person's: "Ford" the company is not Gerald Ford
    return _supported(lex, lex.named(names, day, weak=True), names, day, countries)


def _names_feature(doc, entity: Entity, lex) -> bool:
    """Whether every mention of a nationality word modifies a water or landform noun ("the Persian gulf")."""
    spans = list(_spans(doc, entity))
    return bool(spans) and all(span.root.dep_ in ("amod", "compound") and span.root.head.i >= span.end
                               and span.root.head.lower_ in lex.feature_nouns for span in spans)


def _extra_actors(doc, record: Article, day: date | None) -> list[tuple[str, str, list[tuple[int, int, str]]]]:
    """Actor phrases no entity covers: (name, code, [(start, end, text)])."""
    lex = lexicon()
    covered = set()
    for e in record.entities:
        if e.type in ("PERSON", "ORG"):
            for m in e.mentions:
                covered.update(range(m.start, m.end))
    have_entities = bool(record.entities)
    found: dict[tuple[str, str], list[tuple[int, int, str]]] = {}
    names: dict[tuple[str, str], str] = {}
    d = info(doc)
    pos, dep, idx, words, sectors = d.pos, d.dep, d.idx, d.words, lex.sectors
    for i, p in enumerate(pos):
        if p not in ("NOUN", "PROPN") or dep[i] in ("compound", "amod"):
            continue
        if idx[i] in covered:
            continue
        word = words[i]
        if not (p == "PROPN" and not have_entities or word in sectors or d.lemma[i] in sectors
                or word in lex.sector_tails or " " in word):
            continue  # neither a group (its last words name no sector) nor a country
        toks = [t for t in d.phrase(i)[0] if t <= i]
        k = 0
        while k < len(toks) and (pos[toks[k]] in _LEADING_POS or dep[toks[k]] in ("quantmod", "nummod")):
            k += 1
        toks = toks[k:]
        if not toks:
            continue
        phrase = [words[t] for t in toks]
        is_group = lex.sector_of_words(phrase, len(phrase) - 1) in _GROUP_SECTORS and (
            words[i] in sectors or d.lemma[i] in sectors or " ".join(phrase[-2:]) in sectors)
        is_country = p == "PROPN" and not have_entities
        if not (is_group or is_country):
            continue
        found_code = code_indices(d, i, toks, day)
        if is_group and not (found_code.country and found_code.sector):
            continue
        if is_group and (org := code_index(d, i, day).org) and org.startswith("IGO"):
            continue  # "an American leader of a U.N. inspection team" is the U.N.'s, as its whole phrase says
        if not is_group and not (found_code.code and found_code.sector is None):
            continue
        start, end = idx[toks[0]], idx[i] + len(d.text[i])
        if any(c in covered for c in range(start, end)):
            continue
        text = record.text[start:end]
        key = (found_code.code, d.lemma[i])
        found.setdefault(key, []).append((start, end, text))
        names.setdefault(key, text)
    return [(names[k], k[0], spans) for k, spans in found.items()]


def _place_country(record: Article, entity: Entity) -> str | None:
    """The country the places stage put this place entity in (its own link, else a mention's span)."""
    spans = {(m.start, m.end) for m in entity.mentions}
    for place in record.places:
        if place.country and (place.entity == entity.id or (place.start, place.end) in spans) \
                and not entity.name.startswith(place.text + " of "):  # not "Gulf" (a province) for "Gulf of Venezuela"
            return place.country
    return None


def dateline_place(record: Article, line) -> Place | None:
    """The place of the wire dateline `line` (`clean.find_dateline` of the text; None: none) that has
    a country ("NAIROBI, Kenya (AP) _" → Nairobi, KEN)."""
    if line is None:
        return None
    return next((p for p in record.places if p.country and line.start <= p.start < line.end), None)


def _local_people(doc, filed_in: str | None, places: dict[int, str]) -> str:
    """The code of a private person the article gives no country, none, role or organisation: the
    civilians of the dateline country in foreign wire copy ("HAVANA (AP) -- … her uncle, Rigoberto,
    told journalists" → CUBCVL). Not in U.S.-filed copy, whose people come from everywhere, and not where
    the article introduces someone of another country by description ("An American leader of a U.N.
    team …", "a British mine expert"): the person named next is likely that one. '' for none."""
    if not filed_in or filed_in == "USA":
        return ""
    lex = lexicon()
    for tok in doc:
        if tok.dep_ in ("amod", "compound") and tok.head.tag_ == "NN" and tok.i < tok.head.i:
            country = lex.demonyms.get(norm(tok.text))
            if country and country != filed_in and any(c.dep_ == "det" and c.lower_ in ("a", "an")
                                                       for c in tok.head.children):
                return ""
    return compose(filed_in, "CVL", None)


_ACRONYM = re.compile(r"\s*\(([A-Z][A-Za-z.]{1,7})\)")


def _acronym_mentions(record: Article, entities: list[Entity]) -> None:
    """"the Democratic Unionist Party (DUP) … talks with the DUP": an acronym given in
    brackets after a coded organisation's name stands for it wherever it recurs; its later uses
    become mentions (and an alias) of that organisation, where no other entity holds them."""
    taken = {k for e in entities for m in e.mentions for k in range(m.start, m.end)}
    for entity in entities:
        if entity.type != "ORG" or not entity.actor_code:
            continue
        for m in list(entity.mentions):
            found = _ACRONYM.match(record.text, m.end)
            if not found or found.group(1) in record.text[m.start:m.end]:
                continue
            acronym = found.group(1)
            again = re.compile(r"(?<![\w.])" + re.escape(acronym) + r"(?!\w)")
            extra = [Mention(start=a.start(), end=a.end(), text=acronym, sentence=record.sentence_of(a.start()))
                     for a in again.finditer(record.text, found.end())
                     if not any(k in taken for k in range(a.start(), a.end()))]
            if extra:
                entity.mentions = sorted(entity.mentions + extra, key=lambda x: x.start)
                entity.aliases = entity.aliases + ([acronym] if acronym not in entity.aliases else [])
                taken.update(k for x in extra for k in range(x.start, x.end))


def _introduced(doc, record: Article, entities: list[Entity], day: date | None) -> tuple[Entity, str] | None:
    """The wire lead that describes before it names: "A German chief of a U.N. mine team returned to
    work on Monday. Klaus Ostermann took his crew …" — the person first named as the subject of
    one of the next two sentences, whom nothing else codes, is the one the lead's indefinite subject
    describes, and takes that description's code (IGOUNO). (entity, code) or None."""
    d, lex = info(doc), lexicon()
    sents = d.view.sents[:4]  # the doc's sentences, made once for every stage
    for k, sent in enumerate(sents[:-1]):
        subj = next((c for c in d.kids[sent.root.i] if d.dep[c] == "nsubj" and d.pos[c] == "NOUN"), None)
        if subj is None or not any(d.dep[c] == "det" and d.lower[c] in ("a", "an") for c in d.kids[subj]):
            continue
        described = code_index(d, subj, day).code
        if not described or len(described) < 6 and not lex.sectors.get(d.lemma[subj]):
            return None  # "A fire broke out": no one of a known country or body
        first = sorted(((min(m.start for m in e.mentions), e) for e in entities if e.type == "PERSON"
                        and e.mentions), key=lambda x: x[0])
        later = [(start, e) for start, e in first if start >= sent.end_char]
        if not later or any(sent.start_char <= start < sent.end_char for start, _ in first):
            return None
        start, entity = later[0]
        if entity.actor_code or start >= sents[min(k + 2, len(sents) - 1)].end_char:
            return None
        tok = doc.char_span(start, start + 1, alignment_mode="expand")
        head = tok.root if tok is not None else None
        while head is not None and d.dep[head.i] == "compound":
            head = head.head
        if head is None or d.dep[head.i] not in ("nsubj", "nsubjpass"):
            return None
        return entity, cameo_code(described)
    return None


def _untitled(doc, entity: Entity) -> bool:
    """Whether no mention of the person carries a word of an office in its phrase or apposition
    ("Head of the U.S. Drug Enforcement Administration Louis Brandt", "Brandt, a senator", are officials)."""
    lex = lexicon()
    if lex.sector_of_words(norm(entity.name).split()):
        return False  # "Terrorist bombings at …" tagged as a person: a role word, not a name
    d = info(doc)
    for span in _spans(doc, entity):
        head = span.root.i
        phrases = [head] + [c for c in d.kids[head] if d.dep[c] == "appos"] + (
            [d.heads[head]] if d.dep[head] == "appos" else [])  # "the agency's chief, Louis Brandt"
        if any(lex.sector_of_words([norm(d.text[i]) for i in d.phrase(h)[0]]) in _TITLED_SECTORS for h in phrases):
            return False
        if d.dep[head] == "nsubj" and any(d.dep[c] == "nsubj" and c < span.start for c in d.kids[d.heads[head]]):
            return False  # two subjects of one verb: the parser split a title from the name ("Head of … Louis Brandt told")
    return True


_TITLED_SECTORS = _OFFICE_SECTORS | {"ELI", "BUS", "MED", "NGO", "EDU", "REL", "HLH", "OPP", "REB", "PTY", "IGO"}


def _at_place(entity: Entity, places: dict[int, str]) -> bool:
    """Whether the places stage read a mention of this "person" as a place ("Anlong Veng")."""
    return any(m.start in places for m in entity.mentions)


def extract_actors(view: DocView, record: Article) -> list[Entity]:
    """Return record.entities with actor codes and affiliations, plus actor phrases it missed."""
    doc = view.doc
    day = publication_day(record)
    entities = [e.model_copy() for e in record.entities]  # only top-level fields change: a shallow copy is enough
    countries = _mentioned_countries(record)
    places = {p.start: p.country for p in record.places if p.country}  # start offset → country
    filed = dateline_place(record, find_dateline(record.text))
    filed_in = filed.country if filed is not None else None
    local_people = None  # the code of people the article gives no country (see _local_people), found once
    for entity in entities:
        try:
            code = _code_entity(doc, entity, day, countries, places, filed_in)
        except Exception:  # odd text must not stop the stage
            code = None
        if not code and entity.type == "PLACE":
            code = _place_country(record, entity)  # a town the gazetteer placed: "Belfast" → GBR
        if not code and entity.type == "PERSON" and local_people is None:
            local_people = _local_people(doc, filed_in, places)
        if not code and entity.type == "PERSON" and local_people and not _at_place(entity, places) \
                and not entity.role and _untitled(doc, entity) \
                and not lexicon().named([entity.name, *entity.aliases], day, weak=True):
            # "LIMA (AP) -- … the boy's aunt, Rosa, told journalists"; not a surname the
            # dictionaries know ("Albright was due to meet Moi", with no country named for her)
            code = local_people
        if code:
            entity.actor_code = code = cameo_code(code)
            if not entity.affiliation:
                entity.affiliation = _affiliation(code)
    _acronym_mentions(record, entities)
    introduced = _introduced(doc, record, entities, day)
    if introduced is not None:
        entity, code = introduced
        entity.actor_code, entity.affiliation = code, entity.affiliation or _affiliation(code)
    next_id = 1 + max((int(m.group(1)) for e in entities if (m := re.fullmatch(r"E(\d+)", e.id))), default=0)
    for name, code, spans in _extra_actors(doc, record, day):
        code = cameo_code(code)
        kind = "PLACE" if len(code) == 3 and not code.startswith(("IGO", "NGO")) else "ORG"
        mentions = [Mention(start=s, end=e, text=t, sentence=record.sentence_of(s) if record.sentences else 0)
                    for s, e, t in spans]
        entities.append(Entity(id=f"E{next_id}", name=name, type=kind, actor_code=code,
                               affiliation=_affiliation(code), mentions=mentions))
        next_id += 1
    return entities
