"""Who does what to whom: source and target actors of an event token, from the parse.

Subjects (with passives and conjoined or infinitive verbs), objects, prepositional
targets, possessors of nominal events; pronouns and "the two leaders" resolved to the
nearest fitting actor before them.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..record import Article, Entity
from ._actor_code import code_phrase, phrase_tokens
from ._actor_lexicon import lexicon

__all__ = ["ActorRef", "Resolver"]

TARGET_PREPS = ("to", "with", "against", "on", "upon", "at", "into", "toward", "towards", "over", "near", "of", "from",
                "for", "onto", "across", "inside")
_PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}
_GROUP_PRONOUNS = {"it", "they", "them", "its", "their", "itself", "themselves"}
_SPEAKER_PRONOUNS = {"i", "me", "my", "we", "us", "our"}
_LOCAL_SECTORS = {"MIL", "CVL", "COP", "GOV", "REF", "LAB", "EDU", "HLH", "MED", "BUS"}
_NOT_SELF = {"warn", "fear", "suspect", "allege", "worry", "accuse"}
_PAIR_NOUNS = {"leader", "side", "president", "country", "nation", "minister", "government", "party", "neighbour",
               "neighbor", "ally"}


@dataclass(slots=True)
class ActorRef:
    code: str | None
    entity: str | None
    name: str | None
    start: int | None
    end: int | None

    @property
    def country(self) -> str | None:
        return self.code[:3] if self.code else None


class Resolver:
    def __init__(self, doc, record: Article, day: date | None):
        self.doc, self.record, self.day = doc, record, day
        self.text = record.text  # the doc is parsed over record.text; doc.text is rebuilt on each access
        self.tok_entity: dict[int, Entity] = {}
        self.mentions: list[tuple[int, int, Entity]] = []  # (token start, token end, entity) for coded entities
        for e in record.entities:
            for m in e.mentions:
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is None:
                    continue
                for t in span:
                    old = self.tok_entity.get(t.i)
                    if old is None or (old.type in ("PLACE", "NORP") and e.type in ("PERSON", "ORG")):
                        self.tok_entity[t.i] = e
                if e.actor_code or e.type in ("PERSON", "ORG"):
                    self.mentions.append((span.start, span.end, e))
        self.mentions.sort(key=lambda x: x[0])
        self.quotes = record.quotes

    # -- one noun phrase ------------------------------------------------------------
    def _ref(self, tok, code: str | None, entity: Entity | None) -> ActorRef:
        toks = [t for t in phrase_tokens(tok) if t.i <= tok.i and t.dep_ not in ("det",)] or [tok]
        start = toks[0].idx
        end = tok.idx + len(tok.text)
        if entity is not None and entity.mentions:
            for m in entity.mentions:
                if m.start <= tok.idx < m.end:
                    start, end = min(start, m.start), max(end, m.end)
        return ActorRef(code, entity.id if entity else None, entity.name if entity else self.text[start:end],
                        start, end)

    def one(self, tok) -> list[ActorRef]:
        lower = tok.lower_
        if tok.pos_ == "PRON" or (tok.pos_ != "PROPN" and tok.text != "US"
                                  and lower in _PERSON_PRONOUNS | _GROUP_PRONOUNS | _SPEAKER_PRONOUNS):
            if lower not in _PERSON_PRONOUNS | _GROUP_PRONOUNS | _SPEAKER_PRONOUNS:
                return []  # anyone, something, each other: no actor
            ref = self.pronoun(tok)
            return [ref] if ref else []
        if tok.lemma_.lower() in _PAIR_NOUNS and any(c.lower_ in ("two", "both") for c in tok.children):
            pair = self.pair(tok)
            if pair:
                return pair
        entity = self.tok_entity.get(tok.i)
        if entity is not None and entity.type in ("PERSON", "ORG") and entity.actor_code:
            return [self._ref(tok, entity.actor_code, entity)]
        found = code_phrase(tok, self.day)
        code = found.code
        if code is None and entity is not None and entity.actor_code:
            code = entity.actor_code
        if code is None and found.sector in _LOCAL_SECTORS and tok.pos_ == "NOUN":
            country = self.clause_country(tok)  # "killed 13 soldiers … in central Turkey"
            code = country + found.sector if country else None
        if code is None:
            # a named person or organisation, or a group such as "rebels", without a country:
            # kept as an uncoded actor (name and span, no code)
            if entity is not None and entity.type in ("PERSON", "ORG"):
                return [self._ref(tok, None, entity)]
            if found.sector and tok.pos_ in ("NOUN", "PROPN"):
                return [self._ref(tok, None, None)]
            return []
        if entity is None or (entity.actor_code and entity.actor_code[:3] != code[:3]):
            entity = next((e for t in phrase_tokens(tok) if (e := self.tok_entity.get(t.i)) and e.actor_code == code), entity)
        return [self._ref(tok, code, entity)]

    def group(self, tok) -> list[ActorRef]:
        """The actor(s) of a noun phrase and of the phrases conjoined with it ("X and Y")."""
        out = list(self.one(tok))
        for child in tok.children:
            if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN", "PRON"):
                out.extend(self.group(child))
        return out

    def clause_country(self, tok) -> str | None:
        """The country of a place named in an "in/near/at" phrase of the same sentence."""
        sent = tok.sent
        for p in self.record.places:
            if p.country and sent.start_char <= p.start < sent.end_char:
                return p.country
        lex = lexicon()
        for t in sent:
            if t.dep_ == "pobj" and t.head.lower_ in ("in", "near", "at") and t.pos_ == "PROPN":
                iso, _ = lex.country_of_word([t.lower_], 0)
                if iso and t.lower_ not in lex.demonyms:
                    return iso
        return None

    # -- reference --------------------------------------------------------------------
    def _speaker_of(self, tok) -> ActorRef | None:
        for q in self.quotes:
            if any(s <= tok.idx < e for s, e in q.spans) and q.speaker and q.speaker.entity:
                ent = self.record.entity(q.speaker.entity)
                if ent is not None and ent.actor_code:
                    return ActorRef(ent.actor_code, ent.id, ent.name, None, None)
        return None

    def pronoun(self, tok) -> ActorRef | None:
        lower = tok.lower_
        if lower in _SPEAKER_PRONOUNS:
            return self._speaker_of(tok)
        banned: set[int] = set()
        if lower in _GROUP_PRONOUNS:
            # "Turkey said it had asked …": the subject of the verb that governs this clause,
            # except after warn/fear/suspect/allege, whose pronoun is rarely the warner
            node = tok.head
            while node.head.i != node.i:
                if node.dep_ in ("ccomp", "xcomp", "advcl", "conj") and node.head.lemma_.lower() in _NOT_SELF:
                    banned = {t.i for c in node.head.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
                    break
                if node.dep_ in ("ccomp", "xcomp", "advcl", "conj"):
                    for c in node.head.children:
                        if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON" and c.i != tok.i:
                            refs = self.one(c)
                            if refs:
                                return refs[0]
                node = node.head
        want_person = lower in _PERSON_PRONOUNS
        sent_start = tok.sent.start
        window = max(0, sent_start - 120)
        for start, end, e in reversed(self.mentions):
            if start >= tok.i or start < window or start in banned:
                continue
            if want_person != (e.type == "PERSON"):
                continue
            if not want_person and e.type == "NORP":
                continue
            return ActorRef(e.actor_code, e.id, e.name, None, None)
        return None

    def pair(self, tok) -> list[ActorRef]:
        """"The two leaders": the last two people (or actors) of different countries named before."""
        persons = tok.lemma_.lower() in ("leader", "president", "minister")
        seen: list[Entity] = []
        for start, end, e in reversed(self.mentions):
            if start >= tok.i:
                continue
            if (persons and e.type != "PERSON") or not e.actor_code:
                continue
            if e.type == "NORP":
                continue
            if all(e.actor_code[:3] != s.actor_code[:3] for s in seen):
                seen.append(e)
            if len(seen) == 2:
                break
        if len(seen) < 2:
            return []
        first = {e.id: min(m.start for m in e.mentions) for e in seen}
        seen.sort(key=lambda e: first[e.id])
        return [ActorRef(e.actor_code, e.id, e.name, None, None) for e in seen]

    # -- roles around an event token ------------------------------------------------
    def subject(self, verb) -> list[ActorRef]:
        node, hops = verb, 0
        while hops < 5:
            for c in node.children:
                if c.dep_ == "agent":
                    for p in c.children:
                        if p.dep_ == "pobj":
                            return self.group(p)
            passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in node.children)
            if not passive:
                for c in node.children:
                    if c.dep_ in ("nsubj", "csubj"):
                        return self.group(c)
            elif node.i != verb.i:
                return []
            if node.dep_ in ("relcl", "acl") and node.head.pos_ in ("NOUN", "PROPN", "PRON"):
                return self.group(node.head) if not passive else []
            if node.dep_ in ("xcomp", "conj", "advcl", "ccomp", "acomp", "pcomp", "prep") and node.head.i != node.i:
                if passive:
                    return []
                node = node.head
                hops += 1
                continue
            return []
        return []

    def passive_target(self, verb) -> list[ActorRef]:
        for c in verb.children:
            if c.dep_ == "nsubjpass":
                return self.group(c)
        return []

    def objects(self, tok, preps: tuple[str, ...] = TARGET_PREPS) -> list[ActorRef]:
        """Target of an event word: object, dative, prepositional object, or the possessor of the object."""
        for c in tok.children:
            if c.dep_ in ("dobj", "dative", "iobj", "attr") and c.pos_ in ("NOUN", "PROPN", "PRON"):
                refs = self.group(c)
                if refs:
                    return refs
        for c in tok.children:
            if (c.dep_ == "prep" and c.lower_ in preps) or (c.dep_ == "dative" and c.pos_ == "ADP"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        refs = self.group(p) or self._inside(p)
                        if refs:
                            return refs
        for c in tok.children:
            if c.dep_ in ("dobj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN"):
                refs = self._inside(c)
                if refs:
                    return refs
        return []

    def _inside(self, noun) -> list[ActorRef]:
        """An actor inside a non-actor phrase: "Ukraine's bid", "Israeli settlements", "border with Serbia"."""
        for c in noun.children:
            if c.dep_ in ("poss", "amod", "compound") and c.pos_ in ("PROPN", "ADJ", "NOUN", "PRON"):
                refs = self.one(c)
                if refs and refs[0].code:
                    return refs
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ in TARGET_PREPS:
                for p in c.children:
                    if p.dep_ == "pobj":
                        refs = self.group(p)
                        if refs:
                            return refs
        return []

    def noun_source(self, noun) -> list[ActorRef]:
        for c in noun.children:
            if c.dep_ in ("poss", "amod", "compound", "nmod") and c.i < noun.i:
                refs = self.one(c)
                if refs and refs[0].code:
                    return refs
        return []
