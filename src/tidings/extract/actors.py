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

from ..record import Article, Entity, Mention
from ._actor_code import code_phrase, compose, phrase_tokens
from ._actor_lexicon import load_actor_dictionary, lexicon, norm, set_user_dictionary

__all__ = ["extract_actors", "use_actor_dictionary", "load_actor_dictionary", "publication_day"]


def use_actor_dictionary(path) -> None:
    """Add the user's actor dictionary (CSV or YAML) to the built-in one; None removes it.

    Validates the file now (ConfigError E400 on a bad row). Setting the environment
    variable TIDINGS_ACTORS=PATH before the first article has the same effect, and also
    reaches worker processes.
    """
    set_user_dictionary(path)


def publication_day(record: Article) -> date | None:
    try:
        return date.fromisoformat((record.published or "")[:10])
    except ValueError:
        return None


_GROUP_SECTORS = {"MIL", "SPY", "COP", "GOV", "LEG", "JUD", "REB", "OPP", "MED", "CVL", "REF", "BUS", "LAB", "NGO"}


def _span(doc, start: int, end: int):
    return doc.char_span(start, end, alignment_mode="expand")


def _affiliation(code: str | None) -> str | None:
    if not code or code.startswith(("IGO", "NGO", "IMG")):
        return None
    return code[:3] if code[:3].isalpha() else None


def _code_person(doc, entity: Entity, day: date | None) -> str | None:
    lex = lexicon()
    named = lex.named([entity.name, *entity.aliases], day)
    if named:
        return named
    country = entity.affiliation if entity.affiliation and len(entity.affiliation) == 3 else None
    sector = lex.sectors.get(norm(entity.role)) if entity.role else None
    org = None
    for mention in entity.mentions:
        span = _span(doc, mention.start, mention.end)
        if span is None:
            continue
        head = span.root
        tokens = {t.i: t for t in phrase_tokens(head)}
        for appos in (c for c in head.children if c.dep_ == "appos"):
            tokens.update({t.i: t for t in phrase_tokens(appos)})
        for t in span:
            tokens[t.i] = t
        found = code_phrase(head, day, [tokens[i] for i in sorted(tokens)])
        if found.org and not org and len(found.org) >= 6:
            org = found.org
        country = country or found.country
        sector = sector or found.sector
        if country and sector:
            break
    if org and not country:
        return org
    if country and not sector and entity.role:
        sector = "GOV"
    return compose(country, sector, None) if country else org


def _code_entity(doc, entity: Entity, day: date | None) -> str | None:
    lex = lexicon()
    if entity.type == "PERSON":
        return _code_person(doc, entity, day)
    names = [entity.name, *entity.aliases]
    named = lex.named(names, day)
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
    if entity.type == "ORG":
        for mention in entity.mentions:
            span = _span(doc, mention.start, mention.end)
            if span is not None:
                found = code_phrase(span.root, day, list(span))
                if found.code:
                    return found.code
    return None


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
    for tok in doc:
        if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ in ("compound", "amod"):
            continue
        if tok.idx in covered:
            continue
        toks = [t for t in phrase_tokens(tok) if t.i <= tok.i]
        while toks and (toks[0].pos_ in ("DET", "PUNCT", "PART", "PRON", "NUM", "ADP", "ADV", "SYM")
                        or toks[0].dep_ in ("quantmod", "nummod")):
            toks = toks[1:]
        if not toks:
            continue
        words = [norm(t.text) for t in toks]
        is_group = lex.sector_of_words(words, len(words) - 1) in _GROUP_SECTORS and (
            norm(tok.text) in lex.sectors or tok.lemma_.lower() in lex.sectors or
            " ".join(words[-2:]) in lex.sectors)
        is_country = tok.pos_ == "PROPN" and not have_entities
        if not (is_group or is_country):
            continue
        found_code = code_phrase(tok, day, toks)
        if is_group and not (found_code.country and found_code.sector):
            continue
        if not is_group and not (found_code.code and found_code.sector is None):
            continue
        start, end = toks[0].idx, tok.idx + len(tok.text)
        if any(i in covered for i in range(start, end)):
            continue
        text = record.text[start:end]
        key = (found_code.code, tok.lemma_.lower())
        found.setdefault(key, []).append((start, end, text))
        names.setdefault(key, text)
    return [(names[k], k[0], spans) for k, spans in found.items()]


def extract_actors(doc, record: Article) -> list[Entity]:
    """Return record.entities with actor codes and affiliations, plus actor phrases it missed."""
    day = publication_day(record)
    entities = [e.model_copy(deep=True) for e in record.entities]
    for entity in entities:
        try:
            code = _code_entity(doc, entity, day)
        except Exception:  # odd text must not stop the stage
            code = None
        if code:
            entity.actor_code = code
            if not entity.affiliation:
                entity.affiliation = _affiliation(code)
    next_id = 1 + max((int(m.group(1)) for e in entities if (m := re.fullmatch(r"E(\d+)", e.id))), default=0)
    for name, code, spans in _extra_actors(doc, record, day):
        kind = "PLACE" if len(code) == 3 and not code.startswith(("IGO", "NGO")) else "ORG"
        mentions = [Mention(start=s, end=e, text=t, sentence=record.sentence_of(s) if record.sentences else 0)
                    for s, e, t in spans]
        entities.append(Entity(id=f"E{next_id}", name=name, type=kind, actor_code=code,
                               affiliation=_affiliation(code), mentions=mentions))
        next_id += 1
    return entities
