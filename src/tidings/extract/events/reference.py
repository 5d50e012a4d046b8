"""Reference: pronouns, descriptions, "the two leaders" and quoted speakers, resolved to the actor
they stand for (the Resolver's methods for reference; events/actors.py has the rest).
"""
from __future__ import annotations

from ...record import Entity
from .._names import first_name_gender
from .modality import SAY_VERBS
from .refs import ActorRef
from .senses import senses

__all__ = ["References"]

PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}
_PRONOUN_GENDER = {"he": "male", "him": "male", "his": "male", "himself": "male",
                   "she": "female", "her": "female", "hers": "female", "herself": "female"}
GROUP_PRONOUNS = {"it", "they", "them", "its", "their", "itself", "themselves"}
SPEAKER_PRONOUNS = {"i", "me", "my", "we", "us", "our"}
_NOT_SELF = {"warn", "fear", "suspect", "allege", "worry", "accuse"}
RELATIVES = {"that", "which", "who", "whom"}
_BODIES = {"government", "ministry", "department", "company", "agency", "office", "council", "court", "army",
           "police", "committee", "party", "group", "administration", "embassy", "team", "board", "union"}


class References:
    """Mixed into Resolver: needs its d, view, tokens, text, record, quotes, mentions, countries,
    tok_entity and its one(), group() and subject()."""
    def _speaker_of(self, tok) -> ActorRef | None:
        """The coded speaker of the quote that holds `tok`; in a quotation with no speaker of its own
        that follows a quote within two sentences, that quote's speaker ("``…,'' said Eitan. ``No one
        wants to stay; we think it better to withdraw.''")."""
        idx = self.d.idx[tok.i]
        before = None
        for q in self.quotes:
            if any(s <= idx < e for s, e in q.spans):
                return self._coded_speaker(q)
            if q.spans and q.spans[-1][1] <= idx:
                before = q
        if before is None or not self._in_quotation(tok):
            return None
        k = self.view.sent_index(tok)
        first = self.view.sents[max(0, k - 2)].start_char
        return self._coded_speaker(before) if before.spans[-1][1] >= first else None

    def _direct_speaker(self, tok) -> ActorRef | None:
        """The coded speaker of a direct quote holding `tok` (in indirect speech "he" may be the speaker)."""
        idx = self.d.idx[tok.i]
        for q in self.quotes:
            if q.kind == "direct" and any(s <= idx < e for s, e in q.spans):
                return self._coded_speaker(q)
        return None

    def _coded_speaker(self, q) -> ActorRef | None:
        ent = self.record.entity(q.speaker.entity) if q.speaker and q.speaker.entity else None
        if ent is not None and ent.actor_code:
            return ActorRef(ent.actor_code, ent.id, ent.name, None, None)
        return None

    def _in_quotation(self, tok) -> bool:
        """Whether an opening quotation mark before `tok` in its sentence is not closed before it."""
        sent = self.view.sent(tok)
        text = self.text[sent.start_char:self.d.idx[tok.i]]
        opens = text.count("``") + text.count("\u201c")
        closes = text.count("''") + text.count("\u201d")
        if opens == 0 and closes == 0:
            opens = text.count('"') % 2
        return opens > closes

    def pronoun(self, tok) -> ActorRef | None:
        d, i = self.d, tok.i
        lower = d.lower[i]
        if lower in SPEAKER_PRONOUNS:
            return self._speaker_of(tok)
        banned: set[int] = set()
        if lower in GROUP_PRONOUNS:
            heads, dep = d.heads, d.dep
            if dep[i] == "poss":
                # "Syria had indicated its interest": the possessor is the subject of its own clause
                verb = heads[heads[i]]
                if dep[heads[i]] in ("dobj", "attr") and d.pos[verb] in ("VERB", "AUX"):
                    found = self._group_subject(verb, coded=True)
                    if found is not None:
                        return found
            # "Turkey said it had asked …": the subject of the verb that governs this clause,
            # except after warn/fear/suspect/allege, whose pronoun is rarely the warner
            node = heads[i]
            while heads[node] != node:
                up = heads[node]
                if dep[node] in ("relcl", "acl", "pcomp", "pobj", "appos"):
                    break  # "… territory, which it did in 2014": the clause hangs on a noun, not on a speaker
                if dep[node] == "advcl" and d.pos[up] == "VERB" and any(
                        dep[m] == "mark" and d.lower[m] in ("unless", "until") for m in d.kids[node]):
                    # "would strike Iraq unless it gave …": the one pressed to give is the one struck
                    pressed = next((c for c in d.kids[up] if dep[c] == "dobj" and d.pos[c] != "PRON"), None)
                    refs = self.one(self.tokens[pressed]) if pressed is not None else []
                    entity = self.record.entity(refs[0].entity) if refs and refs[0].entity else None
                    if refs and refs[0].code and not (entity is not None and entity.type == "PERSON"):
                        return refs[0]
                if dep[node] in ("ccomp", "xcomp", "advcl", "conj") and d.lemma[up] in _NOT_SELF:
                    banned = {t for c in d.kids[up] if dep[c] in ("nsubj", "nsubjpass") for t in d.subtree(c)}
                    break
                if dep[node] in ("ccomp", "xcomp", "advcl", "conj"):
                    found = self._group_subject(up, coded=False, skip=i)
                    if found is not None:
                        return found  # "Turkey said it …"; "it" is never a person
                node = up
        want_person = lower in PERSON_PRONOUNS
        if want_person and lower in ("he", "she"):
            said = self._reporter_of(tok)  # "the FBI chief said that he is satisfied": the chief
            if said is not None and _agrees(lower, said.name):
                return said
            kept = self._subject_kept(tok)  # "He met Bush in Washington. He flies to London next": the first "he"
            if kept is not None:
                return kept
        # "he" inside a quote is not its speaker ("We don't know if he decided to attack," said Blinken)
        speaker = self._direct_speaker(tok) if want_person else None
        sent_start = self.view.sent(tok).start
        window = max(0, sent_start - 120)
        for start, end, e in reversed(self.mentions):
            if start >= i or start < window or start in banned:
                continue
            if speaker is not None and e.id == speaker.entity:
                continue
            if want_person != (e.type == "PERSON"):
                continue
            if want_person and not _agrees(lower, e.name):
                continue  # "Castro said she had been kidnapped": "she" is not Fidel Castro
            if not want_person and e.type == "NORP":
                continue
            if not want_person and e.type == "PLACE" and e.id not in self.countries:
                continue  # a town does not speak or act: "they" is not Surin
            return ActorRef(e.actor_code, e.id, e.name, None, None)
        return None

    def _others_owner(self, noun, pronoun) -> list[ActorRef]:
        """The coded actors "their" stands for, when none of them is the subject of the clause that holds
        `noun` (else the pronoun points back to the doer: "they stated their position"); else []."""
        d = self.d
        refs = [r for r in self.one(pronoun) if r.code]
        verb = noun.i
        while d.pos[verb] not in ("VERB", "AUX") and d.heads[verb] != verb:
            verb = d.heads[verb]
        doers = {r.code[:3] for r in self.subject(self.tokens[verb]) if r.code}
        if refs and not doers & {r.code[:3] for r in refs}:
            return refs
        subj = next((c for c in d.kids[verb] if d.dep[c] == "nsubj"), None)
        if subj is None or self.tokens[subj].tag_ not in ("NN", "NNP") or any(d.dep[c] == "conj" for c in d.kids[subj]):
            return []
        # "the upper house voted for their inclusion": one body is no "their"; a list named before it is
        return [r for r in self.listed_before(pronoun) if r.code[:3] not in doers]

    def _relative_head(self, i: int) -> int | None:
        """The noun a relative pronoun stands for when it is the object in its relative clause ("the rebels,
        whom troops attacked", "a dissident on whom police kept a file"), or None."""
        d = self.d
        if d.dep[i] not in ("dobj", "pobj"):
            return None
        node = d.heads[i]
        for _ in range(3):
            if d.dep[node] == "relcl" and d.heads[node] != node and d.pos[d.heads[node]] in ("NOUN", "PROPN"):
                return d.heads[node]
            if d.heads[node] == node or d.dep[node] not in ("prep", "xcomp", "conj"):
                return None
            node = d.heads[node]
        return None

    def listed_before(self, tok) -> list[ActorRef]:
        """The coded members of the nearest list of two or more actors joined by "and" named before `tok`
        in its sentence ("Chile, Peru and Bolivia" are the three), or []."""
        d = self.d
        first = self.view.sent(tok).start
        seen: set[str] = set()
        for start, end, entity in reversed(self.mentions):
            if not first <= start < tok.i or entity.id in seen:
                continue  # an actor is judged by its mention nearest before `tok`
            seen.add(entity.id)
            head = next((t for t in range(start, end) if not start <= d.heads[t] < end or d.heads[t] == t), start)
            root = head
            while d.dep[root] == "conj" and d.heads[root] != root:
                root = d.heads[root]
            if root == head and not any(d.dep[c] == "conj" for c in d.kids[head]):
                continue  # a mention in no list
            refs = [r for r in self.group(self.tokens[root]) if r.code]
            if len({r.code for r in refs}) >= 2:
                return refs
        return []

    def _subject_kept(self, tok) -> ActorRef | None:
        """For "he"/"she" as the subject of its sentence's main clause, before any other person in the
        sentence: the person the previous sentence's main clause has as its subject (named, or a "he"/"she"
        resolved in turn), when the pronoun agrees; a story keeps its subject from one sentence to the next."""
        d, i = self.d, tok.i
        if d.dep[i] not in ("nsubj", "nsubjpass") or d.dep[d.heads[i]] != "ROOT":
            return None
        k = self.view.sent_index(tok)
        if k == 0 or any(e.type == "PERSON" for t in range(self.view.sents[k].start, i)
                         if (e := self.tok_entity.get(t)) is not None):
            return None
        prev = self.view.sents[k - 1]
        root = next((t for t in range(prev.start, prev.end) if d.dep[t] == "ROOT"), None)
        subj = next((c for c in d.kids[root] if d.dep[c] in ("nsubj", "nsubjpass")), None) if root is not None else None
        if subj is None or self._in_quotation(tok) or self._in_quotation(self.tokens[subj]):
            return None  # a quotation's "he" is the speaker's to say, not the story's subject
        if d.lower[subj] in ("he", "she"):  # resolved in turn, through one()'s memo: each "he" once
            return next(iter(self.one(self.tokens[subj])), None) if d.lower[subj] == d.lower[i] else None
        entity = self.tok_entity.get(subj)
        if entity is None or entity.type != "PERSON" or not _agrees(d.lower[i], entity.name):
            return None
        return ActorRef(entity.actor_code, entity.id, entity.name, None, None)

    def _group_subject(self, verb: int, coded: bool, skip: int | None = None) -> ActorRef | None:
        """The actor a verb's first non-pronoun subject names, when that actor is no person (what "it",
        "its", "they" can stand for); with `coded`, only a coded one."""
        d = self.d
        for c in d.kids[verb]:
            if d.dep[c] in ("nsubj", "nsubjpass") and d.lower[c] in RELATIVES and d.dep[verb] == "relcl" \
                    and d.heads[verb] != verb and d.pos[d.heads[verb]] in ("NOUN", "PROPN") and c != skip:
                # "delegates who have said they back her": they are the delegates
                refs = self.one(self.tokens[d.heads[verb]])
                entity = self.record.entity(refs[0].entity) if refs and refs[0].entity else None
                if refs and (refs[0].code or not coded) and not (entity is not None and entity.type == "PERSON"):
                    return refs[0]
                if not coded and not refs:  # a group no one can code: not someone named before
                    head = d.heads[verb]
                    return ActorRef(None, None, d.text[head], d.idx[head], d.idx[head] + len(d.text[head]))
                return None
            if d.dep[c] in ("nsubj", "nsubjpass") and d.pos[c] != "PRON" and c != skip:
                refs = self.one(self.tokens[c])
                entity = self.record.entity(refs[0].entity) if refs and refs[0].entity else None
                if refs and (refs[0].code or not coded) and not (entity is not None and entity.type == "PERSON"):
                    return refs[0]
        return None

    def _reporter_of(self, tok) -> ActorRef | None:
        """For "he"/"she" as the subject of a clause reported by a verb of saying, whose own subject is
        one person (a coded name or a singular description: "the FBI chief said that he …"), that
        person; else None. Not for the clauses of warn, fear or allege, whose "he" is rarely the speaker."""
        d, i = self.d, tok.i
        if d.dep[i] not in ("nsubj", "nsubjpass") or self._direct_speaker(tok) is not None:
            return None
        clause = d.heads[i]
        if d.dep[clause] != "ccomp" or d.heads[clause] == clause:
            return None
        verb = d.heads[clause]
        if d.lemma[verb] in _NOT_SELF or d.lemma[verb] not in SAY_VERBS:
            return None
        for c in d.kids[verb]:
            if d.dep[c] == "nsubj" and d.pos[c] in ("NOUN", "PROPN") and self.tokens[c].tag_ in ("NN", "NNP"):
                refs = self.one(self.tokens[c])
                entity = self.record.entity(refs[0].entity) if refs and refs[0].entity else None
                # a person: a named one, or a role ("the minister"), not an organisation's name
                if refs and refs[0].code and (entity is None or entity.type == "PERSON"
                                              or (self.tokens[c].tag_ == "NN" and d.lemma[c] not in _BODIES)):
                    return refs[0]
        return None

    def description(self, tok) -> ActorRef | None:
        """A definite description ("the group", "the country") → the nearest coded organisation or
        country named before it in this or the previous sentences (data/cameo/senses.yaml)."""
        d, i = self.d, tok.i
        want = senses()["descriptions"].get(d.lemma[i])
        if want == "ISSUER":
            return self._issuer(tok)
        if want is None or not any(d.dep[c] == "det" and d.lower[c] == "the" for c in d.kids[i]):
            return None
        if any(d.dep[c] in ("amod", "compound", "poss", "prep") for c in d.kids[i]):
            return None  # "the rebel group", "the group of experts": described, not referred back
        window = max(0, self.view.sent(tok).start - 120)
        for start, end, e in reversed(self.mentions):
            if start >= i or start < window or not e.actor_code:
                continue
            if want.startswith("ORG") and e.type == "ORG" and _holds_part(e.actor_code, want) \
                    or want == "COUNTRY" and e.id in self.countries:
                return ActorRef(e.actor_code, e.id, e.name, d.idx[i], d.idx[i] + len(d.text[i]))
        return None

    def _issuer(self, tok) -> ActorRef | None:
        """A document with no author in its own phrase ("that resolution", "an accompanying
        statement") → the coded organisation or person named nearest before it, in this or the
        previous sentence."""
        d, i = self.d, tok.i
        if d.dep[i] != "nsubj":
            return None  # only a document that says or does something speaks for its issuer
        if any(d.dep[c] in ("poss", "prep", "relcl") or (d.dep[c] == "compound" and d.pos[c] != "NUM") for c in d.kids[i]):
            return None  # "the army's statement", "a statement by …": its own phrase says whose
        if not any(d.dep[c] == "det" for c in d.kids[i]) and not (
                i > 0 and d.lower[i - 1] in ("that", "this") or i > 1 and d.lower[i - 2] in ("that", "this")):
            return None  # "That 1978 resolution": the parser may take "that" for a conjunction
        sents = self.view.sents
        k = self.view.sent_index(tok)
        window = sents[k - 1].start if k > 0 else sents[k].start
        for t in range(i - 1, window - 1, -1):  # "U.N. Resolution 425 … That resolution": the same document, named
            if d.lemma[t] == d.lemma[i] and (named := self.noun_source(self.tokens[t])):
                return ActorRef(named[0].code, named[0].entity, named[0].name, d.idx[i], d.idx[i] + len(d.text[i]))
        for start, end, e in reversed(self.mentions):
            if start >= i or start < window or not e.actor_code:
                continue
            if e.type in ("ORG", "PERSON"):
                return ActorRef(e.actor_code, e.id, e.name, d.idx[i], d.idx[i] + len(d.text[i]))
        return None

    def pair(self, tok, n: int = 2) -> list[ActorRef]:
        """"The two leaders", "the three countries": the last `n` people (or actors) of different
        countries named before."""
        persons = self.d.lemma[tok.i] in ("leader", "president", "minister")
        countries = senses()["descriptions"].get(self.d.lemma[tok.i]) == "COUNTRY"  # "the three countries"
        i = tok.i
        if countries and n > 2 and (listed := self._listed_countries(i, n)):
            return listed
        seen: list[Entity] = []
        for start, end, e in reversed(self.mentions):
            if start >= i:
                continue
            if (persons and e.type != "PERSON") or not e.actor_code or (countries and e.id not in self.countries):
                continue
            if e.type == "NORP":
                continue
            if all(e.actor_code[:3] != s.actor_code[:3] for s in seen):
                seen.append(e)
            if len(seen) == n:
                break
        if len(seen) < n:
            return []
        first = {e.id: min(m.start for m in e.mentions) for e in seen}
        seen.sort(key=lambda e: first[e.id])
        return [ActorRef(e.actor_code, e.id, e.name, None, None) for e in seen]

    def _listed_countries(self, before: int, n: int) -> list[ActorRef]:
        """The last list of exactly `n` countries joined by "and" before token `before` ("Chile,
        Peru and Bolivia … the three Andean countries")."""
        d = self.d
        for t in range(before - 1, -1, -1):
            e = self.tok_entity.get(t)
            if e is None or e.id not in self.countries or d.dep[t] == "conj" or not e.actor_code:
                continue
            members, stack = [e], [t]
            while stack:
                k = stack.pop()
                for c in d.kids[k]:
                    if d.dep[c] == "conj" and (m := self.tok_entity.get(c)) is not None and m.id in self.countries:
                        members.append(m)
                        stack.append(c)
            codes = {m.actor_code for m in members if m.actor_code}
            if len(members) > 1 and len(codes) == n:
                unique = {m.id: m for m in members}.values()
                return [ActorRef(m.actor_code, m.id, m.name, None, None) for m in unique]
        return []


def _holds_part(code: str, want: str) -> bool:
    """Whether an actor code has one of the three-letter parts an "ORG:A|B" description asks for."""
    if ":" not in want:
        return True
    parts = {code[k:k + 3] for k in range(0, len(code), 3)}
    return bool(parts & set(want.split(":", 1)[1].split("|")))


def _agrees(pronoun: str, name: str | None) -> bool:
    """Whether a personal pronoun can stand for the person `name`: not when the first name says the
    other gender ("she" is not Fidel Castro); a surname alone, or a first name given to both ("Kim"), agrees."""
    want = _PRONOUN_GENDER.get(pronoun)
    parts = (name or "").split()
    if want is None or len(parts) < 2:
        return True
    said = first_name_gender(parts[0], strict=True)
    return said is None or said == want
