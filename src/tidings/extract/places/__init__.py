"""Places: place names found in the article and resolved to coordinates, offline.

Steps:
 1. mentions: the model's GPE/LOC/FAC entities and the entities stage's PLACE mentions; model
    entities with a wrong label that are exactly a well-known place ("Donbass" as a person,
    "Crimea" as an organisation); proper-noun runs the gazetteer knows well; places named inside
    organisation names ("Pakistan Army"); towns after a locative preposition in a country the
    document is about; other occurrences of names already taken (one sense per document).
    Nationality adjectives (NORP) are not places; nor are streets named after towns, a person's name
    before "'s house" or everyday words in a title-case headline; "X Parish" / "Y County" runs the
    gazetteer knows are (``filters``);
 2. qualifiers: "Alexandria, La." / "Paris, Texas" / "Washington, D.C." tie a name to a
    first-level admin area or country; the qualifier is a place of its own;
 3. resolution (``resolve``): feature type, population, capitals, then the document's
    context (countries, admin areas and nearby towns of its other places, the source's home place:
    ``focus``); villages of under 1,000 people only where the document names their state;
 4. records: one ``Place`` per mention, with the rejected candidates when the choice was close;
    then streets, buildings and villages the gazetteer lacks, placed at the document's town
    (``local``). Hints that read the whole document are in ``context``.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import partial

from spacy.symbols import PROPN

from .._doc import DocView
from ...record import Article, Place, PlaceCandidate
from .gazetteer import KIND_ADMIN, KIND_CITY, KIND_COUNTRY, KIND_REGION, Candidate, gazetteer
from .context import (Words, abbreviation_spans, hint_before, inherit_qualifiers, list_hints, list_members,
                      propagate)
from .attributive import scan_attributive, scan_division_list, scan_division_of
from .filters import (compass_before_a_place, is_personal, no_given_name, division_spans, first_names, headline_common, in_title_case_line,
                      not_a_place, person_alone, speaker, speaks, surname_alone, surnames, titled_names)
from .cues import cue_country
from .focus import area_test, backed_small_towns, home_senses, state_area
from .region import mark_town_use, townsfolk_towns, villages_abroad
from .locative import LOCAL_MIN_POPULATION, scan_local
from .qualifiers import (area_qualifiers, in_qualifier as _in_qualifier, person_qualifier, qualified as _qualified,
                         qualifier_after as _qualifier_after, qualifier_at as _qualifier_at)
from .inside import scan_inside
from .unlisted import unlisted_places
from .local import LOCAL_CONFIDENCE, LocalFeature, local_features, place_locals
from .resolve import CUE_VOTES, HOME_SUPPORT, Mention, prior, resolve

__all__ = ["extract_places"]


PLACE_LABELS = {"GPE", "LOC", "FAC"}
# model labels a well-known place name may wrongly get, and the kinds of place then accepted
MISLABELLED = {"PERSON": (KIND_COUNTRY, KIND_REGION, KIND_ADMIN, KIND_CITY), "ORG": (KIND_COUNTRY, KIND_ADMIN, KIND_CITY),
               "LANGUAGE": (KIND_COUNTRY, KIND_ADMIN, KIND_CITY), "PRODUCT": (KIND_COUNTRY, KIND_ADMIN, KIND_CITY)}
SCAN_MIN_POPULATION = 200_000  # an unlabelled proper noun counts as a city only this big
MAX_SCAN_TOKENS = 4
DATELINE_MIN_POPULATION = 20_000  # "TORRINGTON \u2014" opening a line, outside the document's countries
RELABEL_IN_COUNTRY = {"PERSON"}  # lone names the model calls persons, taken when a town of the document's countries
EMBEDDING_LABELS = {"ORG", "FAC", "EVENT", "MONEY"}  # "Pakistan Army", "Central Bank of Malta", "New York Times"
_STRIP_LEADING = ("the ", "The ")
_KIND_HINTS = {"province": KIND_ADMIN, "state": KIND_ADMIN, "region": KIND_ADMIN, "oblast": KIND_ADMIN,
               "governorate": KIND_ADMIN, "prefecture": KIND_ADMIN, "city": KIND_CITY, "town": KIND_CITY}
_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z]+)")
_DIVISION_AFTER = re.compile(r" (?:County|Parish|Borough)\b")
_DATELINE_DASH = re.compile(r"\s*(?:\u2014|\u2013|-|\(|,)")
_DESCRIPTORS = {"province", "state", "region", "city", "district", "governorate", "prefecture", "oblast",
                "area", "town", "village", "territory", "municipality"}


def extract_places(view: DocView, record: Article) -> list[Place]:
    """Place mentions of ``record.text`` (parsed as ``doc``), resolved to gazetteer entries."""
    doc = view.doc
    gaz = gazetteer()
    words = Words(doc, record.text)
    cue = cue_country(record.text)  # "Interstate 95", "the Sheriff's Office": a US story
    mentions = _mentions(words, record, gaz, {cue} if cue else set())
    home = home_senses(gaz, record.source_location, prior)
    if record.source_location and not home:
        record.warnings.append(f"source_location {record.source_location!r}: no such place known; not used")
    votes = HOME_SUPPORT
    if not home and cue:  # the cue's country votes as a home country would, twice
        home, votes = [c for c in (gaz.country_of(cue),) if c is not None], CUE_VOTES
    run = partial(resolve, home_votes=votes)
    resolutions = backed_small_towns(mentions, run(mentions, home), run, home)
    abroad = villages_abroad(mentions, resolutions)  # "Ringsted" in an Iowa story: a village the gazetteer lacks
    villages = [LocalFeature(mentions[n].start, mentions[n].end, mentions[n].text, "LCTY") for n in abroad]
    for n in abroad:
        resolutions[n] = None
    places: list[Place] = unlisted_places(  # "HOLLIDAY, Mo.": a Missouri village the gazetteer lacks
        record.text, gaz, mentions, resolutions, record.sentence_of,
        lambda s, e: any(m.start < e and s < m.end for m in mentions))
    for m, res in zip(mentions, resolutions):
        if res is None:
            continue
        c = res.choice
        places.append(Place(
            id="", start=m.start, end=m.end, text=m.text, name=c.name,
            lat=round(c.lat, 5), lon=round(c.lon, 5), country=c.country, admin1=_admin1(c),
            feature_code=c.feature, geonameid=c.geonameid, confidence=res.confidence,
            alternatives=[PlaceCandidate(name=a.name, lat=round(a.lat, 5), lon=round(a.lon, 5), country=a.country,
                                         feature_code=a.feature, geonameid=a.geonameid, score=round(s, 3))
                          for a, s in res.alternatives],
            sentence=record.sentence_of(m.start), entity=m.entity,
        ))
    places += _local_places(words, record, gaz, mentions, resolutions, villages)
    places.sort(key=lambda p: p.start)
    for n, p in enumerate(places, 1):
        p.id = f"P{n}"
    return places


def _local_places(words: Words, record: Article, gaz, mentions: list[Mention], resolutions,
                  abroad: list[LocalFeature] = ()) -> list[Place]:
    """Streets, buildings and villages the gazetteer lacks, at the document's town (``local``);
    `abroad`: mentions taken for such villages (``region.villages_abroad``)."""
    text = record.text
    taken = [False] * (len(text) + 1)
    towns, counties = [], []  # without a town in the story, its counties ("Lincoln Township" beside "Berrien County")
    for m, res in zip(mentions, resolutions):
        for i in range(m.start, m.end):
            taken[i] = True
        if res is not None and (res.choice.kind == KIND_CITY or res.choice.feature == "ADM2"):
            (towns if res.choice.kind == KIND_CITY else counties).append(
                (m.start, record.sentence_of(m.start), res.choice, res.confidence))
    people = surnames(words, lambda e: is_personal(words, e)) | first_names(words, lambda e: is_personal(words, e))
    features = local_features(words, text, taken, lambda surface: bool(gaz.lookup(surface)),
                              lambda surface: gaz.is_generic(surface) or surface in people)  # "of Pruitt": a person
    features += abroad
    out = []
    for f, town in place_locals(features, towns or counties, record.sentence_of):
        out.append(Place(id="", start=f.start, end=f.end, text=f.text, name=f.text, lat=round(town.lat, 5),
                         lon=round(town.lon, 5), country=town.country, admin1=town.admin1, feature_code=f.feature,
                         geonameid=None, confidence=LOCAL_CONFIDENCE, sentence=record.sentence_of(f.start)))
    return out


def _admin1(c: Candidate) -> str | None:
    if c.kind in (KIND_CITY, KIND_ADMIN):
        return c.admin1
    return None


# -- 1. mentions ---------------------------------------------------------------------------
def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    span = text[start:end]
    for lead in _STRIP_LEADING:
        if span.startswith(lead):
            start += len(lead)
            span = span[len(lead):]
    for tail in ("'s", "\u2019s", "'", "\u2019"):
        if span.endswith(tail):
            end -= len(tail)
            span = span[: -len(tail)]
    while span[-1:] in ("-", "\u2013", "\u2014", " ") and len(span) > 1:  # "CHARLOTTE -" of a dateline
        end -= 1
        span = span[:-1]
    return start, end


def _strong(cands: list[Candidate]) -> bool:
    """A name well enough known to be a place even where the model did not say so."""
    for c in cands:
        if c.alias:
            continue
        if c.kind in (KIND_COUNTRY, KIND_REGION):
            return True
        if c.kind == KIND_ADMIN and c.feature == "ADM1":
            return True
        if c.kind == KIND_CITY and c.population >= SCAN_MIN_POPULATION:
            return True
    return False


def _clear_abbreviation(surface: str) -> bool:
    """Abbreviations that are not also everyday initials: with periods ("B.C.") or three letters and more."""
    return "." in surface or (surface.isupper() and len(surface) >= 3)


def _lookup(gaz, text: str, from_model: bool) -> list[Candidate]:
    cands = gaz.lookup(text)
    bare = text.replace(".", "").replace(" ", "")
    if bare.isupper() and len(bare) <= 4 or text.endswith("."):
        # "LA", "NSW", "D.C.": abbreviations, not the town or province that happens to be called "La"
        cands = [c for c in cands if c.kind in (KIND_COUNTRY, KIND_REGION) or c.name.replace(".", "").isupper()]
        if from_model:
            cands += [c for c in gaz.abbreviation(text) if c not in cands]
    if gaz.is_generic(text):
        cands = [c for c in cands if c.kind in (KIND_REGION, KIND_COUNTRY)]
    if any(not c.alias and (c.kind in (KIND_COUNTRY, KIND_REGION) or c.kind == KIND_ADMIN and c.feature == "ADM1")
           for c in cands):  # a bare "Washington" or "Ontario" is not "Washington County" / "Ontario County"
        cands = [c for c in cands if not (c.alias and c.kind == KIND_ADMIN and c.feature == "ADM2")]
    named = {c.cc for c in cands if c.kind == KIND_COUNTRY and not c.alias}
    if named:  # "Mexico" is the country, not Mexico City (whose alternate names include "Mexico")
        cands = [c for c in cands if not (c.alias and c.kind == KIND_CITY and c.cc in named)]
    if not cands and from_model:
        words = text.split()
        if len(words) > 1 and words[-1].lower() in _DESCRIPTORS:  # "East Java province"
            return _lookup(gaz, " ".join(words[:-1]), from_model)
    return cands


def _mentions(words: Words, record: Article, gaz, cued: set[str] = frozenset()) -> list[Mention]:
    """The place mentions of the document; `cued`: the country its words say it is in (``cues``)."""
    text = record.text
    found: dict[tuple[int, int], Mention] = {}
    taken = [False] * (len(text) + 1)

    ents = words.ents
    texts = words.texts
    # words the document uses as persons' names ("Mayor Ryan Bingham", "Bingham said"); a lone
    # "Cairns" the model calls a person is not evidence enough, it mislabels towns that way
    person_words = Counter(texts[i] for e in ents if e.label == "PERSON" and is_personal(words, e)
                           for i in range(e.start, e.end) if texts[i][:1].isupper() and not (
                               i == e.start and e.end - e.start > 1 and gaz.has(texts[i]) and no_given_name(texts[i])))
    person_words.subtract(Counter(e.text for e in ents if e.label in PLACE_LABELS))
    last_names = surnames(words, lambda e: is_personal(words, e)) | titled_names(text)
    person_names = last_names | first_names(words, lambda e: is_personal(words, e))
    speaking: dict[str, bool] = {}

    def speaks_here(name: str) -> bool:
        if name not in speaking:
            speaking[name] = speaks(text, name)
        return speaking[name]

    def add(start: int, end: int, source: str, from_model: bool, entity: str | None = None,
            only: list[Candidate] | None = None) -> bool:
        start, end = _trim(text, start, end)
        division = _DIVISION_AFTER.match(text, end)  # "LaSalle" of "LaSalle Parish" (the model leaves "Parish" out)
        if start >= 7 and text.startswith("Little ", start - 7) and gaz.has(text[start - 7:end]):
            start -= 7  # "Little Havana", "Little Italy": the town's quarter, not the country or city
        if division and gaz.has(text[start:division.end()]):
            end = division.end()
        if end <= start or any(taken[start:end]):
            return False
        surface = text[start:end]
        if not surface[:1].isupper():
            return False
        cands = _lookup(gaz, surface, from_model) if only is None else only
        if person_words[surface] > 0 and not any(c.kind in (KIND_COUNTRY, KIND_REGION) for c in cands):
            return False  # "Bingham said": the document uses the name for a person
        if not cands or not_a_place(text, start, end, cands) or compass_before_a_place(text, start, end, gaz.has):
            return False
        if person_names and surface in person_names:
            qualified = _qualified(text, end, gaz)
            if surname_alone(text, start, end, cands, last_names, qualified) \
                    or person_alone(text, start, end, person_names, qualified, speaks_here):
                return False  # "Bingham" after "Mayor Ryan Bingham"; "Georgia" of "said Georgia"
        if speaker(text, start, end, cands):
            return False  # "Holland said"
        mention = Mention(start, end, surface, source, cands, entity=entity)
        nxt = _NEXT_WORD.match(text, end)
        if nxt:
            mention.kind_hint = _KIND_HINTS.get(nxt.group(1).lower())
        if mention.kind_hint is None:
            mention.kind_hint = hint_before(text, start, cands)
        found[(start, end)] = mention
        for i in range(start, end):
            taken[i] = True
        return True

    scan_division_list(text, gaz, add)  # "Grant and Rapides parishes": before the model calls "Grant" a town
    # entities stage mentions first (they carry the entity id), then the model's own entities
    for ent in record.entities:
        if ent.type != "PLACE":
            continue
        for men in ent.mentions:
            add(men.start, men.end, "entity", True, ent.id)
    for ent in ents:
        if ent.label in PLACE_LABELS:
            if ent.start > 0 and words.title[ent.start - 1]:  # "Democratic" + "Republic of the Congo"
                wider = words.starts[ent.start - 1]
                if gaz.has(text[wider:ent.end_char]) and add(wider, ent.end_char, "ent", True):
                    continue
            add(ent.start_char, ent.end_char, "ent", True)
    for ent in ents:
        # the small model calls some regions persons ("Donbass") and some states organisations
        allowed = MISLABELLED.get(ent.label)
        if allowed:
            s, e = _trim(text, ent.start_char, ent.end_char)
            cands = [c for c in gaz.lookup(text[s:e])
                     if c.kind in allowed or c.kind == KIND_REGION and c.country]  # "Crimea", not "Amazon"
            if _strong(cands):
                add(s, e, "ent", False)
            elif ent.label == "ORG" and _clear_abbreviation(text[s:e]) and gaz.abbreviation(text[s:e]):
                add(s, e, "ent", True)  # "NSW", "B.C." tagged as organisations
    _scan(words, text, gaz, add)
    for spans in division_spans(text):  # "Rapides Parish", "Y County" in "Y County Road 3"
        for s, e in spans:
            if any(c.kind == KIND_ADMIN and not c.alias for c in gaz.lookup(text[s:e])) and add(s, e, "scan", False):
                break
    countries = _document_countries(found.values()) | cued
    scan_inside(words, text, gaz, add, [e for e in ents if e.label in EMBEDDING_LABELS or e.label in PLACE_LABELS],
                _strong, _clear_abbreviation, countries, area_test(found.values(), lambda m: m.division))
    countries = _document_countries(found.values()) | cued  # with "Ohio" of "the Ohio State Highway Patrol"
    in_area = area_test(found.values(), lambda m: m.division)  # near "Miami County" or an unambiguous town
    scan_local(words, text, gaz, add, countries, in_area)
    before = len(found)
    scan_attributive(words, text, gaz, add, _document_countries(found.values()) | cued, _common_word,
                     state_area(found.values(), in_area))  # "a Columbia man" beside "Missouri"
    if len(found) > before:  # "Highway 12 to Baxter … the Brainerd police": look again with the towns found since
        scan_local(words, text, gaz, add, _document_countries(found.values()) | cued,
                   area_test(found.values(), lambda m: m.division))
    scan_division_of(text, gaz, add)
    for ent in ents:  # "near Liberty" beside "Clay County": an everyday word that is a town of the area
        if ent.label in PLACE_LABELS and gaz.is_generic(ent.text):
            towns = [c for c in gaz.lookup(ent.text) if in_area(c)]
            if towns:
                add(ent.start_char, ent.end_char, "ent", False, only=towns)
    _scan_relabelled(words, text, gaz, add, countries)
    _scan_qualified(words, text, gaz, add, _document_countries(found.values()) | cued)
    for s, e in abbreviation_spans(words, gaz, list(found.values()), _document_countries(found.values()) | cued):
        add(s, e, "scan", True)
    for s, e in list_members(text, list(found.values()), gaz):
        add(s, e, "scan", False)
    late = _document_countries(found.values()) | cued
    if late - countries:  # "FrontCounter BC" made it a Canadian story: "driving to Castlegar"
        scan_local(words, text, gaz, add, late, in_area)
    persons = [(e.start_char, e.end_char) for e in ents if e.label == "PERSON" and is_personal(words, e)]
    propagate(text, found, add, persons)
    mentions = sorted(found.values(), key=lambda m: m.start)
    _qualify(mentions, text, gaz, add, found, persons, person_names)
    mentions = sorted(found.values(), key=lambda m: m.start)
    area_qualifiers(mentions, text, gaz)  # "Iowa's Polk County", "Jefferson County in Colorado"
    inherit_qualifiers(mentions)
    list_hints(mentions, text)
    mark_town_use(mentions, text, area_test(mentions, lambda m: m.division))
    townsfolk_towns(mentions, text)  # "a Lebanon man": the town, not the country
    _link_entities(mentions, record)
    return mentions


def _scan(words: Words, text: str, gaz, add) -> None:
    """Proper-noun runs outside any model entity that the gazetteer knows well."""
    in_ent, pos, caps, texts, starts = words.in_ent, words.pos, words.caps, words.texts, words.starts
    i = 0
    n = words.n
    while i < n:
        if in_ent[i] or pos[i] != PROPN or not caps[i]:
            i += 1
            continue
        matched = False
        for length in range(min(MAX_SCAN_TOKENS, n - i), 0, -1):
            if any(in_ent[i:i + length]) or not all(
                    caps[j] or texts[j] in ("of", "-") for j in range(i, i + length)):
                continue
            end = words.end(i + length - 1)
            cands = gaz.lookup(text[starts[i]:end])
            if cands and _strong(cands) and add(starts[i], end, "scan", False):
                i += length
                matched = True
                break
            if length > 1 and _towns_or_admins(gaz, text[starts[i]:end]):
                break  # "ATLANTIC CITY", "Panama City": a town's name, not the ocean or country it opens with
        if not matched:
            i += 1


def _scan_relabelled(words: Words, text: str, gaz, add, countries: set[str]) -> None:
    """A lone name the model calls a person ("Cheltenham", "Migori") that is a town of 5,000 people
    and more in a country the document is about, where nothing says it is a person's name."""
    if not countries:
        return
    for ent in words.ents:
        if ent.label not in RELABEL_IN_COUNTRY or is_personal(words, ent):
            continue
        s, e = _trim(text, ent.start_char, ent.end_char)
        if any(c.cc in countries and not c.alias and (c.kind == KIND_CITY and c.population >= LOCAL_MIN_POPULATION
                                                      or c.kind == KIND_ADMIN)
               for c in gaz.lookup(text[s:e])):
            add(s, e, "ent", False)


def _document_countries(mentions) -> set[str]:
    """Countries the document's places so far lie in: named countries, and names with one country."""
    out: set[str] = set()
    for m in mentions:
        ccs = {c.cc for c in m.candidates if c.cc}
        if len(ccs) == 1 or any(c.kind == KIND_COUNTRY for c in m.candidates):
            out |= {c.cc for c in m.candidates if c.cc and (len(ccs) == 1 or c.kind == KIND_COUNTRY)}
    return out


def _common_word(name: str) -> bool:
    return " " not in name and headline_common(name)


def _scan_qualified(words: Words, text: str, gaz, add, countries: set[str]) -> None:
    """Names the model missed or mislabelled that a qualifier places ("Klamath Falls, Oregon",
    "PLEASANTON, Calif.", "HORRY COUNTY, SC"), and datelines ("TORRINGTON \u2014")."""
    texts, starts, caps, n = words.texts, words.starts, words.caps, words.n
    for i in range(n):
        if not caps[i] or i > 0 and caps[i - 1] and texts[i - 1].isalpha():
            continue
        line_start = i == 0 or "\n" in texts[i - 1] or starts[i] == 0 or text[starts[i] - 1] == "\n"
        run = 1  # tokens from i on that are capitalised or "." (longer spans are not tried)
        while run < 3 and i + run < n and (caps[i + run] or texts[i + run] == "."):
            run += 1
        for length in range(run, 0, -1):
            end = words.end(i + length - 1)
            span_text = text[starts[i]:end]
            cands = _towns_or_admins(gaz, span_text)
            if not cands:
                continue
            quals = _qualifier_after(text, end + 2, gaz) if text[end:end + 2] == ", " else []
            if _in_qualifier_any(cands, quals):  # (an everyday name too: "LIBERTY, Mo." is the town there)
                if add(starts[i], end, "scan", False, only=[c for c in cands if _in_qualifier(c, quals)]
                       if gaz.is_generic(span_text) else None):
                    break
            elif line_start and span_text.isupper() and _DATELINE_DASH.match(text, end, end + 3) \
                    and any(c.kind == KIND_CITY and (c.cc in countries or c.population >= DATELINE_MIN_POPULATION)
                            for c in cands):
                if add(starts[i], end, "scan", False):
                    break


_FILTERED: dict[str, tuple[Candidate, ...]] = {}  # _towns_or_admins memo (the same names recur across articles)


def _towns_or_admins(gaz, text: str) -> tuple[Candidate, ...]:
    """The towns and admin areas named `text`, not through an alternate name."""
    found = _FILTERED.get(text)
    if found is None:
        if len(_FILTERED) >= 50_000:
            _FILTERED.clear()
        found = _FILTERED[text] = tuple(c for c in gaz.lookup(text) if c.kind in (KIND_CITY, KIND_ADMIN)
                                        and not c.alias)  # mostly (), which is not a new object
    return found


def _in_qualifier_any(cands: list[Candidate], quals: list[Candidate]) -> bool:
    return bool(quals) and any(_in_qualifier(c, quals) for c in cands)


def _qualify(mentions: list[Mention], text: str, gaz, add, found, persons=(), names=frozenset()) -> None:
    """"Alexandria, La.": the name after the comma qualifies the one before it (not the first name of a
    person: "in Lagos, Peter Okafor in Accra"; `persons`: their spans)."""
    by_start = {m.start: m for m in mentions}
    for m in mentions:
        j = m.end
        if text[j:j + 2] != ", ":
            continue
        k = j + 2
        if any(s <= k < e for s, e in persons):
            continue
        quals, cand_text = _qualifier_at(text, k, gaz)
        if not quals or person_qualifier(text, k, cand_text, names) or (not any(c.kind == KIND_CITY for c in m.candidates) and m.source != "entity"):
            continue
        if text[k + len(cand_text):k + len(cand_text) + 2] in ("'s", "\u2019s"):
            continue  # "Iowa's Polk County, Wisconsin's Brown County": the state owns the next name
        if any(c.kind == KIND_COUNTRY and not c.alias for c in m.candidates):
            continue  # "in Russia, U.S. officials said": a country is not a town the next name qualifies
        m.qualifiers = quals
        end = k + len(cand_text)
        if k in by_start:
            other = by_start[k]
            other.candidates = [c for c in other.candidates if c in quals] or quals
        elif not any((s, e2) for (s, e2) in found if s < end and k < e2):
            found[(k, end)] = Mention(k, end, cand_text, "qualifier", quals)


def _link_entities(mentions: list[Mention], record: Article) -> None:
    spans = []
    for ent in record.entities:
        for men in ent.mentions:
            spans.append((men.start, men.end, ent.id, ent.type == "PLACE"))
    if not spans:
        return
    for m in mentions:
        if m.entity:
            continue
        best = None
        for s, e, eid, is_place in spans:
            if s < m.end and m.start < e:
                if best is None or (is_place and not best[1]):
                    best = (eid, is_place)
        if best:
            m.entity = best[0]
