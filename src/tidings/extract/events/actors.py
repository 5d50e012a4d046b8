"""Who does what to whom: source and target actors of an event token, from the parse.

Subjects (with passives and conjoined or infinitive verbs), objects, prepositional
targets, possessors of nominal events; pronouns and "the two leaders" resolved to the
nearest fitting actor before them (events/reference.py).
"""
from __future__ import annotations

from datetime import date
from ...clean import find_dateline
from ...record import Article, Entity
from ..actors import dateline_place
from ..actors.code import code_index, info
from ..actors.lexicon import lexicon, norm
from ..actors.phoenix import HONORIFICS
from .refs import ActorRef
from .lists import Lists
from .whereabouts import INSTITUTIONS, Whereabouts
from .reference import GROUP_PRONOUNS, PERSON_PRONOUNS, RELATIVES, SPEAKER_PRONOUNS, References
from .senses import senses

__all__ = ["ActorRef", "Resolver", "is_passive", "article_country"]

TARGET_PREPS = ("to", "with", "against", "on", "upon", "at", "into", "toward", "towards", "over", "near", "of", "from",
                "for", "onto", "across", "inside")
_LOCAL_SECTORS = {"MIL", "CVL", "COP", "GOV", "REF", "LAB", "EDU", "HLH", "MED", "BUS"}
# a named institution without a country in its name ("the 11th Circuit Court of Appeals", "the
# Supreme Court", "the Interior Ministry") is the article's country's
_NO_COUNTRY_SECTORS = {"IGO", "NGO", "UAF", "MNC"}
# sectors an unnamed group takes the article's country for ("police", "protesters", "the court");
# not armed groups, criminals or spies, who are as often foreign
_HOME_SECTORS = {"RAD", "COP", "CVL", "JUD", "LEG", "GOV", "MIL", "OPP", "LAB", "EDU", "HLH", "MED", "BUS", "REL", "ELI",
                 "PTY", "REF", "AGR", "DEV", "ENV"}
_ALL_PRONOUNS = PERSON_PRONOUNS | GROUP_PRONOUNS | SPEAKER_PRONOUNS
_AMOUNTS = {"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "million", "millions", "score", "scores",
            "number", "handful", "group", "crowd", "crowds", "tens"}
_MANY_COUNTRIES = {"states", "nations", "countries", "governments"}
_HELD_NOUNS = {"detainee", "prisoner", "inmate", "captive", "hostage", "internee"}
_HOW_MANY = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5}  # "the three countries"
_ONWARD_PREPS = {"against", "on", "to", "toward", "towards", "into", "for"}  # "a warning against travel to Kenya"
_PAIR_NOUNS = {"leader", "side", "president", "country", "nation", "minister", "government", "party", "neighbour",
               "neighbor", "ally"}


def is_passive(d, i: int) -> bool:
    """A passive verb: a passive subject or auxiliary, or a past participle modifying a noun
    ("an expert kidnapped by guerrillas")."""
    if any(d.dep[c] in ("nsubjpass", "auxpass") for c in d.kids[i]):
        return True
    if d.dep[i] in ("conj", "xcomp") and d.tokens[i].tag_ == "VBN" and d.heads[i] != i \
            and not any(d.dep[c] in ("nsubj", "aux", "dobj") for c in d.kids[i]):
        # "was abducted and later murdered", "were reported killed": passive like the verb they hang on
        return is_passive(d, d.heads[i])
    return d.dep[i] == "acl" and d.tokens[i].tag_ == "VBN" and not any(d.dep[c] in ("nsubj", "aux") for c in d.kids[i])


def article_country(record: Article) -> str | None:
    """The country an article is about: the country of its places, those of the first sentence
    (the dateline) counting twice; None when no place has a country."""
    counts: dict[str, int] = {}
    first_end = record.sentences[0].end if record.sentences else 0
    for p in record.places:
        if p.country:
            counts[p.country] = counts.get(p.country, 0) + (2 if p.start < first_end else 1)
    if not counts:
        return None
    top, n = max(counts.items(), key=lambda kv: kv[1])
    return top if n * 2 > sum(counts.values()) else None  # a story about several countries has none


_TIME_PREPS = {"after", "before", "while", "upon", "since", "without"}


class Resolver(References, Lists, Whereabouts):
    def __init__(self, doc, record: Article, day: date | None):
        self.doc, self.record, self.day = doc, record, day
        self.text = record.text  # the doc is parsed over record.text; doc.text is rebuilt on each access
        d = self.d = info(doc)  # token columns over the shared view: no Token objects made per access
        self.view, self.tokens = d.view, d.tokens
        self.tok_entity: dict[int, Entity] = {}
        self.mentions: list[tuple[int, int, Entity]] = []  # (token start, token end, entity) for coded entities
        self._clause_country: dict[int, str | None] = {}
        self._memo: dict[tuple[str, int], tuple[ActorRef, ...]] = {}  # one() and subject() by token
        for e in record.entities:
            for m in e.mentions:
                span = d.expand_span(m.start, m.end)
                if span is None:
                    continue
                for i in range(*span):
                    old = self.tok_entity.get(i)
                    if old is None or (old.type in ("PLACE", "NORP") and e.type in ("PERSON", "ORG")):
                        self.tok_entity[i] = e
                if e.actor_code or e.type in ("PERSON", "ORG"):
                    self.mentions.append((span[0], span[1], e))
        self.mentions.sort(key=lambda x: x[0])
        self.quotes = record.quotes
        self.home = article_country(record)
        dl = find_dateline(self.text)
        self.dateline_span = (dl.start, dl.end) if dl is not None else None  # names no actor
        self.dateline_place = dateline_place(record, dl)  # "NAIROBI, Kenya (AP) _": Nairobi
        self.countries = {p.entity for p in record.places if p.entity and (p.feature_code or "").startswith("PCL")}
        self.place_countries = {p.start: p.country for p in record.places if p.country}  # start offset → country

    # -- one noun phrase ------------------------------------------------------------
    def _ref(self, tok, code: str | None, entity: Entity | None) -> ActorRef:
        d, h = self.d, tok.i
        dep = d.dep
        first = next((t for t in d.phrase(h)[0] if t <= h and dep[t] != "det"), h)
        start = d.idx[first]
        idx = d.idx[h]
        end = idx + len(d.text[h])
        if entity is not None and entity.mentions:
            for m in entity.mentions:
                if m.start <= idx < m.end:
                    start, end = min(start, m.start), max(end, m.end)
        return ActorRef(code, entity.id if entity else None, entity.name if entity else self.text[start:end],
                        start, end)

    def one(self, tok) -> list[ActorRef]:
        """The actor a noun phrase's head names (a pronoun or description resolved), as a list."""
        key = ("one", tok.i)
        if key not in self._memo:
            self._memo[key] = tuple(self._one(tok))
        return list(self._memo[key])

    def _one(self, tok) -> list[ActorRef]:
        d, i = self.d, tok.i
        if self.dateline_span is not None and self.dateline_span[0] <= d.idx[i] < self.dateline_span[1]:
            return []  # "NAIROBI, Kenya (AP) _" says where the story was filed, not who acted
        lower, pos = d.lower[i], d.pos[i]
        if pos == "PRON" or (pos != "PROPN" and lower in _ALL_PRONOUNS and d.text[i] != "US"):
            if lower in ("who", "whom") and (owner := self._relative_head(i)) is not None:
                return self.one(self.tokens[owner])  # "the rebels, whom the troops attacked": the rebels
            if lower not in _ALL_PRONOUNS:
                return []  # anyone, something, each other: no actor
            ref = self.pronoun(tok)
            return [ref] if ref else []
        if d.lemma[i] in lexicon().kin_nouns and pos == "NOUN" and not any(
                d.dep[c] == "appos" and self.tok_entity.get(c) is not None for c in d.kids[i]):
            # (not "Clinton's husband, Bill Clinton": the name says who)
            # "Elian's father", "the minister's wife": a private person of the possessor's country
            for c in d.kids[i]:
                if d.dep[c] == "poss" and d.pos[c] == "PROPN":
                    owner = next(iter(self._state_refs(self.tokens[c])), None)
                    if owner is not None:  # where the phrase puts them wins: "Elian's relatives in Miami"
                        return [self._ref(tok, (self.own_place_country(tok) or owner.code[:3]) + "CVL", None)]
        if lower in _MANY_COUNTRIES and not any(d.lower[c] in _HOW_MANY for c in d.kids[i]):
            # "all European states", "the Balkan countries": the region's states (CAMEO region codes);
            # "the three central Asian states" are the three named before (below)
            words = " ".join(d.lower[c] for c in d.kids[i] if d.dep[c] in ("amod", "compound") and c < i)
            region = lexicon().regions.get(words)
            if region:
                return [self._ref(tok, region, None)]
        if d.lemma[i] in _AMOUNTS:  # "thousands of marchers", "dozens of police": the people counted
            counted = [p for c in d.kids[i] if d.dep[c] == "prep" and d.lower[c] == "of"
                       for p in d.kids[c] if d.dep[p] == "pobj"]
            if counted:
                return self.one(self.tokens[counted[0]])
        if d.lemma[i] in _PAIR_NOUNS and (n := next((_HOW_MANY[d.lower[c]] for c in d.kids[i] if d.lower[c] in _HOW_MANY), 0)):
            pair = self.pair(tok, n)
            if pair:
                return pair
        entity = self.tok_entity.get(i)
        if entity is not None and entity.type in ("PERSON", "ORG") and entity.actor_code:
            return [self._ref(tok, entity.actor_code, entity)]
        found = code_index(d, i, self.day)
        code = found.code
        if code is None and found.sector and found.sector not in _NO_COUNTRY_SECTORS:
            owners = [r for c in d.kids[i] if d.dep[c] == "poss" and d.lemma[c] in _PAIR_NOUNS
                      for r in self.one(self.tokens[c]) if r.code and len(r.code) == 3]
            if len(owners) > 1:  # "the two nations' defence chiefs": each country's
                return [self._ref(tok, r.code + found.sector, None) for r in owners]
        if entity is not None and not entity.actor_code and pos == "PROPN" and all(
                self.tok_entity.get(t) is entity for t in d.phrase(i)[0] if d.dep[t] != "det" and d.lower[t] not in HONORIFICS):
            code = None  # the actors stage found no code for this bare name ("Ginsburg", "Mr McConnell"): keep it so
        if code is None and entity is not None and entity.actor_code:
            code = entity.actor_code
        institution = pos == "PROPN" and entity is not None and entity.type == "ORG" and found.sector in INSTITUTIONS
        # "militant Protestants", "Shiites": a religious or ethnic group the parser takes for a name
        people = pos == "PROPN" and entity is not None and entity.type == "NORP" and found.sector == "CVL"
        if code is None and found.sector and found.sector not in _NO_COUNTRY_SECTORS and (pos == "NOUN" or institution or people) \
                and lower not in _MANY_COUNTRIES:  # "the Balkan states", "governments": not the home government
            # "killed 13 soldiers … in central Turkey"; else the country the article is about
            # ("Police arrested six Protestants" in a Belfast story)
            if people:  # a faith or people is local only where the sentence puts it ("clashed in Belfast")
                country = self.located_country(tok)
            elif (body := self._body_from(tok)) is not None:
                return [self._ref(tok, *body)]  # "investigators from the FBI": the FBI's
            elif (owner := self._owner_country(tok)) is not None:
                country = owner  # "Havana urged its citizens to rally in Miami": Cuba's citizens
            elif (each := self._of_counted(tok)):
                # "officials in the two African countries": each country's officials
                return [self._ref(tok, r.code[:3] + found.sector, None) for r in each]
            elif d.lemma[i] in _HELD_NOUNS:
                country = None  # "a former prisoner held at Bagram": where someone is held says nothing of them
            elif (mission := self._mission_country(tok)) is not None:
                country = mission  # "embassy staffers" in Nairobi after "the U.S. embassy": American
            else:
                country = self.own_place_country(tok) or (
                    self.clause_country(tok) if found.sector in _LOCAL_SECTORS else None)
                if country is None and found.sector in _HOME_SECTORS:
                    country = self.home
            code = country + found.sector if country else None
        if code is None and entity is None and pos == "NOUN":
            ref = self.description(tok)  # "the group" → the organisation named before it
            if ref is not None:
                return [ref]
        if code is None:
            # a named person or organisation, or a group such as "rebels", without a country:
            # kept as an uncoded actor (name and span, no code)
            if entity is not None and entity.type in ("PERSON", "ORG"):
                return [self._ref(tok, None, entity)]
            if found.sector and pos in ("NOUN", "PROPN"):
                return [self._ref(tok, None, None)]
            return []
        if entity is None or (entity.actor_code and entity.actor_code[:3] != code[:3]):
            entity = next((e for t in d.phrase(i)[0] if (e := self.tok_entity.get(t)) and e.actor_code == code), entity)
        return [self._ref(tok, code, entity)]

    def _owner_country(self, tok) -> str | None:
        """The country of a group's possessor ("its citizens", "Cuba's people"): a pronoun resolved, or
        a named state; None when the possessor names no country or is a person."""
        d = self.d
        for c in d.kids[tok.i]:
            if d.dep[c] == "poss" and (d.lower[c] in ("its", "their") or d.pos[c] == "PROPN"):
                refs = self._state_refs(self.tokens[c])
                entity = self.record.entity(refs[0].entity) if refs and refs[0].entity else None
                if refs and not (entity is not None and entity.type == "PERSON"):
                    return refs[0].code[:3]
        return None

    def _state_refs(self, tok) -> list[ActorRef]:
        """The actors a phrase names whose code begins with a state's (no organisation of states, no
        NGO, no armed group without a country)."""
        return [r for r in self.one(tok) if r.code and r.code[:3].isalpha()
                and not r.code.startswith(("IGO", "NGO", "IMG", "UAF"))]

    def _of_counted(self, tok) -> list[ActorRef]:
        """The countries of a counted pair noun in the group's own in/of/from phrase ("in the two
        countries", "of both nations"), each a coded country, or []."""
        d = self.d
        for c in d.kids[tok.i]:
            if d.dep[c] == "prep" and d.lower[c] in ("in", "of", "from"):
                for p in d.kids[c]:
                    n = next((_HOW_MANY[d.lower[k]] for k in d.kids[p] if d.lower[k] in _HOW_MANY), 0)
                    if d.dep[p] == "pobj" and d.lemma[p] in _PAIR_NOUNS and n:
                        refs = [r for r in self.pair(self.tokens[p], n) if r.code and len(r.code) == 3]
                        if len(refs) == n:
                            return refs
        return []

    def group(self, tok) -> list[ActorRef]:
        """The actor(s) of a noun phrase and of the phrases conjoined with it ("X and Y"); an
        apposition names them when the phrase itself has no code ("14 people, six Iraqis and a Turk")."""
        out = list(self.one(tok))
        d = self.d
        for c in d.kids[tok.i]:
            if d.dep[c] == "conj" and (d.pos[c] in ("NOUN", "PROPN", "PRON") or (
                    (e := self.tok_entity.get(c)) is not None and e.actor_code)):  # "five Iraqis and a Libyan"
                out.extend(self.group(self.tokens[c]))
            elif d.dep[c] == "prep" and d.lower[c] == "of" and out and out[0].entity is not None:
                # "Kuchma of Ukraine and Yeltsin of Russia": the parser hangs the second person on
                # the first one's country; a conjoined person or organisation is a second actor
                for p in d.kids[c]:
                    for q in d.kids[p]:
                        if d.dep[q] == "conj" and (e := self.tok_entity.get(q)) is not None and e.type in ("PERSON", "ORG"):
                            out.extend(self.group(self.tokens[q]))
        for c in d.kids[tok.i]:
            if d.dep[c] == "appos" and out:
                # "his Greek counterpart, Nikos Petrou, and the Cypriot leader, Andreas Kyprianou": the
                # parser hangs the second person on the first one's apposition
                seen = {r.code[:3] for r in out if r.code}
                out.extend(r for q in d.kids[c] if d.dep[q] == "conj" and d.pos[q] in ("NOUN", "PROPN")
                           for r in self.group(self.tokens[q]) if r.code and r.code[:3] not in seen)
        head = self.tok_entity.get(tok.i)
        if out and head is not None and head.type == "NORP":
            # "four Syrians, two Libyans, an Afghan citizen and a Greek": nationalities listed as appositions
            seen = {r.country for r in out}
            out.extend(r for c in d.kids[tok.i] if d.dep[c] == "appos" for r in self.group(self.tokens[c])
                       if r.code and r.country not in seen)
        if not any(r.code for r in out):
            named = [r for c in d.kids[tok.i] if d.dep[c] == "appos" and d.pos[c] in ("NOUN", "PROPN")
                     for r in self.group(self.tokens[c]) if r.code]
            if named:
                return named
        if len(out) == 1 and out[0].code and len(out[0].code) >= 6 and d.pos[tok.i] == "NOUN":
            out.extend(self._other_countries(tok, out[0]))
        return out

    # -- roles around an event token ------------------------------------------------
    def subject(self, verb) -> list[ActorRef]:
        """Who does what a verb says: its subject, a passive's by-agent, or the subject of the verb
        it depends on (xcomp, conj, advcl …), as a list of actors."""
        key = ("subject", verb.i)
        if key not in self._memo:
            self._memo[key] = tuple(self._subject(verb))
        return list(self._memo[key])

    def _subject(self, verb) -> list[ActorRef]:
        d, tokens = self.d, self.tokens
        kids, dep, heads = d.kids, d.dep, d.heads
        node, hops, came_by = verb.i, 0, None
        while hops < 5:
            for c in kids[node]:
                if dep[c] == "agent":
                    for p in kids[c]:
                        if dep[p] == "pobj":
                            return self.group(tokens[p])
            passive = is_passive(d, node) and d.lemma[node] not in senses()["stative_passives"]
            if not passive:
                for c in kids[node]:
                    if dep[c] in ("nsubj", "csubj", "nsubjpass") and not (d.lower[c] == "it" and came_by == "xcomp" and d.pos[node] == "ADJ"):
                        # ("we think it better to withdraw": "it" stands for the clause, not an actor)
                        if d.lower[c] in RELATIVES and dep[node] == "relcl" and heads[node] != node:
                            return self.group(tokens[heads[node]])  # "the government that killed …"
                        if d.pos[c] == "VERB" and (fronted := self._fronted_subject(node)) is not None:
                            return self.group(tokens[fronted])
                        return self.group(tokens[c]) + self._split_list(node, c)
                if (fronted := self._fronted_subject(node)) is not None:
                    return self.group(tokens[fronted])
            elif node != verb.i:
                if came_by in ("advcl", "xcomp"):  # "soldiers were killed fighting Hezbollah": the soldiers fought
                    return self.passive_target(tokens[node])
                if came_by == "conj" and verb.tag_ == "VB" and any(dep[c] == "xcomp" for c in kids[node]):
                    # "she was scheduled to lay flowers, talk to workers and meet Moi": the parser hangs the
                    # later infinitives on "scheduled"; they are hers too
                    return self.passive_target(tokens[node])
                return []
            up = heads[node]
            if dep[node] in ("relcl", "acl") and d.pos[up] in ("NOUN", "PROPN", "PRON"):
                if passive:
                    return []
                refs = self.group(tokens[up])
                # "the decision by Russia to withdraw", "Russia's decision to withdraw": the noun's agent
                if any(r.code for r in refs) or dep[node] != "acl" or d.lower[up] not in senses()["will_nouns"]:
                    return refs
                return self._noun_agent(up) or refs
            if dep[node] == "prep" and d.lower[node] in _TIME_PREPS and d.pos[up] == "NOUN" \
                    and dep[up] == "dobj" and came_by == "pcomp":
                # "allowed the extension after rejecting the order": the parser hangs the gerund on
                # the object; whoever does the main verb does it
                node, hops = heads[up], hops + 1
                continue
            if dep[node] == "pcomp" and d.lower[up] == "for" and dep[up] == "prep" and not passive:
                # "assailed Ukraine for holding exercises", "thanked Kenya for helping": the one judged did it
                judged = [r for c in kids[heads[up]] if dep[c] == "dobj" for r in self.group(tokens[c]) if r.code]
                if judged:
                    return judged
            if dep[node] in ("xcomp", "conj", "advcl", "ccomp", "acomp", "pcomp", "prep") and up != node:
                if passive:
                    return []
                came_by = dep[node]
                node = up
                hops += 1
                continue
            return []
        return []

    def _fronted_subject(self, verb: int) -> int | None:
        """"Turkey, worried about war in Kosovo spreading to the whole region, urged …": the small
        parser takes the participle for the verb's subject, or for a clause of its own with Turkey
        as its subject; the noun before the comma is the verb's subject."""
        d = self.d
        for c in d.kids[verb]:
            if c < verb and d.pos[c] == "VERB" and d.dep[c] in ("nsubj", "advcl"):
                inner = next((k for k in d.kids[c] if d.dep[k] == "nsubj" and k < c), None)
                if inner is not None and d.lower[inner + 1] == "," and d.pos[inner] in ("PROPN", "NOUN"):
                    return inner
        return None

    def _noun_agent(self, noun: int) -> list[ActorRef]:
        """The coded possessor or by-agent of a noun ("Russia's decision", "the ruling by the INS")."""
        d = self.d
        for c in d.kids[noun]:
            if d.dep[c] == "poss":
                refs = [r for r in self.group(self.tokens[c]) if r is not None and r.code]
                if refs:
                    return refs
            if d.dep[c] == "prep" and d.lower[c] == "by":
                refs = [r for p in d.kids[c] if d.dep[p] == "pobj" for r in self.group(self.tokens[p]) if r and r.code]
                if refs:
                    return refs
        return []

    def passive_target(self, verb) -> list[ActorRef]:
        d = self.d
        up = d.heads[verb.i]
        for c in d.kids[verb.i]:
            if d.dep[c] == "nsubjpass":
                if d.lower[c] in RELATIVES and d.dep[verb.i] == "relcl" and up != verb.i:
                    while d.dep[up] == "conj" and d.heads[up] != up:  # "five Iraqis and a Libyan, who …": all
                        up = d.heads[up]
                    return self.group(self.tokens[up])  # "two Britons who were kidnapped": the Britons
                return self.group(self.tokens[c])
        if d.dep[verb.i] == "acl" and up != verb.i and d.pos[up] in ("NOUN", "PROPN"):
            return self.group(self.tokens[up])  # "an expert kidnapped by guerrillas": the expert
        if d.dep[verb.i] in ("conj", "xcomp") and up != verb.i and d.pos[up] == "VERB" \
                and not any(d.dep[c] in ("nsubj", "csubj") for c in d.kids[verb.i]):
            # "was abducted and later murdered", "51 people were reported killed": the abducted, the killed
            return self.passive_target(self.tokens[up])
        return []

    def objects(self, tok, preps: tuple[str, ...] = TARGET_PREPS) -> list[ActorRef]:
        """Target of an event word: object, dative, prepositional object, or the possessor of the object."""
        d, tokens = self.d, self.tokens
        kids, dep, pos = d.kids[tok.i], d.dep, d.pos
        for c in kids:
            if dep[c] in ("dobj", "dative", "iobj", "attr") and (pos[c] in ("NOUN", "PROPN", "PRON") or (
                    pos[c] == "ADJ" and (e := self.tok_entity.get(c)) is not None and e.type == "NORP")) or (
                    dep[c] == "oprd" and (e := self.tok_entity.get(c)) is not None and e.type == "PERSON"):
                # "deported the Libyan": the tagger calls a nationality used as a noun an adjective;
                # "called Munero -- who … -- a ruffian": the parser takes the person named for the predicate
                refs = self.group(tokens[c])
                if refs:
                    return refs
        for c in kids:
            if (dep[c] == "prep" and d.lower[c] in preps) or (dep[c] == "dative" and pos[c] == "ADP"):
                for p in d.kids[c]:
                    if dep[p] == "pobj":
                        refs = self.group(tokens[p]) or self._inside(tokens[p])
                        if refs:
                            return refs
        for c in kids:  # "voted in favour of their inclusion": the ones it is for
            for p in (p for p in d.kids[c] if dep[c] == "prep" and d.lower[c] == "in" and dep[p] == "pobj"
                      and d.lemma[p] in senses()["stance_phrase_nouns"]):
                for q in (q for o in d.kids[p] if dep[o] == "prep" and d.lower[o] == "of" for q in d.kids[o]
                          if dep[q] == "pobj"):
                    refs = self.group(tokens[q]) or self._inside(tokens[q], depth=0) or next(
                        (self._others_owner(tokens[q], tokens[o]) for o in d.kids[q] if dep[o] == "poss"
                         and d.lower[o] == "their"), [])  # "in favour of their inclusion": the ones included
                    if refs:
                        return refs
        for c in kids:
            if dep[c] in ("dobj", "nsubjpass") and pos[c] in ("NOUN", "PROPN"):
                refs = self._inside(tokens[c], depth=0)  # the object's phrases, two down
                if refs:
                    return refs
        return []

    def _inside(self, noun, depth: int = 1) -> list[ActorRef]:
        """An actor inside a non-actor phrase: "Ukraine's bid", "Israeli settlements", "border with Serbia",
        "a warning against travel to Kenya" (two phrases down)."""
        d, tokens = self.d, self.tokens
        kids, dep, pos = d.kids[noun.i], d.dep, d.pos
        if d.lower[noun.i] in lexicon().no_actor_heads:
            return []  # "in the Persian gulf", "U.S. dollars": a place or money, not Iran's or America's
        for c in kids:
            # "its arms ban on China": a possessive pronoun points back to the doer, not the target
            if dep[c] in ("poss", "amod", "compound") and pos[c] in ("PROPN", "ADJ", "NOUN"):
                refs = self.one(tokens[c])
                if refs and refs[0].code:
                    return refs
        for c in kids:
            # "dismissed suggestions by U.S. politicians": whoever made them
            if dep[c] in ("prep", "agent") and (d.lower[c] in TARGET_PREPS or d.lower[c] == "by"):
                for p in d.kids[c]:
                    if dep[p] == "pobj":
                        refs = self.group(tokens[p])
                        if not refs and depth == 0 and pos[p] == "NOUN" and d.lower[c] in _ONWARD_PREPS:
                            refs = self._inside(tokens[p])
                        if refs:
                            return refs
        return []

    def premodifier_pair(self, noun) -> list[ActorRef]:
        """Two or more countries (or organisations of states) named before a nominal event
        ("Israel-Syrian talks", "China-UK tourism deal", "U.N.-Iraq accord"), in order; else []."""
        d, i = self.d, noun.i
        lex = lexicon()
        found: list[ActorRef] = []
        seen: set[str] = set()
        for c in d.kids[i]:
            if c > i or d.dep[c] not in ("poss", "amod", "compound", "nmod", "npadvmod"):
                continue
            for t in d.subtree(c):
                parts = d.text[t].split("-") if "-" in d.text[t] else [d.text[t]]
                for part in parts:
                    iso, _ = lex.country_of_word([part.lower()], 0)
                    iso = iso or (lex.orgs.get(norm(part)) if part[:1].isupper() else None)  # "U.N.-Iraq accord"
                    if iso and iso not in seen:
                        seen.add(iso)
                        found.append(ActorRef(iso, None, part, d.idx[t], d.idx[t] + len(d.text[t])))
        return found if len(found) >= 2 else []

    def noun_source(self, noun) -> list[ActorRef]:
        d, i = self.d, noun.i
        for c in d.kids[i]:
            if d.dep[c] in ("poss", "amod", "compound", "nmod") and c < i:
                refs = self.one(self.tokens[c])
                if refs and refs[0].code:
                    return refs
        return []
