"""Resolve a speaker mention ("he", "the official", "Psaki") to a record entity or an anonymous source."""
from __future__ import annotations

import bisect
import difflib
from dataclasses import dataclass
from typing import NamedTuple

from ...record import AnonymousSource, Article, Speaker, SpanRef
from .._doc import view_of
from .._names import first_name_gender
from .cues import is_cue
from .chunks import anonymous_chunks
from .index import children_of, head_of, index_of, lefts_of, rights_of
from .lexicon import (anonymous_nouns, demonym_code, document_nouns, is_country_name, title_gender,
                      title_words, pronoun_class)

__all__ = ["SpeakerResolver", "mention_span"]

_DETS = {"a", "an", "the", "another", "one", "two", "three", "several", "some", "other", "many",
         "this", "that", "these", "those", "both", "all", "most", "few", "multiple"}
_AUTHOR_VERBS = {"write", "sign", "send", "author", "draft", "issue", "pen", "compose", "address"}
_BAD_ENT = {"GPE", "LOC", "FAC", "DATE", "TIME", "ORDINAL", "MONEY"}


def mention_span(tok) -> tuple[int, int]:
    """Character span of the noun phrase headed by `tok`, as written, without relative clauses."""
    tokens = view_of(tok.doc).tokens
    left = tokens[tok.left_edge.i]
    while left.i < tok.i and (left.is_punct or left.is_space):
        left = tokens[left.i + 1]
    lo = left.idx
    hi = tok.idx + len(tok)
    for child in rights_of(tok):
        if child.dep_ in ("compound", "flat", "nummod") or (
                child.dep_ == "prep" and child.lower_ == "of" and tok.pos_ == "NOUN"):
            hi = max(hi, child.right_edge.idx + len(child.right_edge))
        else:
            break
    return lo, hi


@dataclass
class _Cand:
    start: int
    end: int
    kind: str  # PERSON | ORG | ANON | DOC
    gender: str | None  # male|female|None
    plural: bool
    subject: bool
    speaker: Speaker | _Who  # read only for its entity, name and anonymous fields


class _Who(NamedTuple):
    """A candidate's entity, name and anonymous source: a Speaker's fields, without building one
    for every mention of the document (only a resolved pronoun makes a Speaker from it)."""
    entity: str | None = None
    name: str | None = None
    anonymous: AnonymousSource | None = None


class SpeakerResolver:
    """Holds the document's entity mentions and earlier speakers; resolves mentions in text order."""

    def __init__(self, doc, record: Article):
        self.doc = doc
        self.record = record
        self.text = record.text
        self.index = index_of(doc)
        self.view = self.index.view
        self.mentions: list[tuple[int, int, object]] = []  # (start, end, Entity)
        for ent in record.entities:
            for m in ent.mentions:
                self.mentions.append((m.start, m.end, ent))
        self.mentions.sort(key=lambda x: x[0])
        self._mention_starts = [m[0] for m in self.mentions]
        self._longest = max((e - s for s, e, _ in self.mentions), default=0)
        self._genders: dict[int, str | None] = {}
        self._names = None
        self._variants = {a.start: a.suggestion for a in record.mt_artifacts
                          if a.kind == "name_variant" and a.suggestion}
        self.last_doc_speaker: Speaker | None = None
        self.anon_seen: dict[str, AnonymousSource] = {}
        try:
            self.cands = self._candidates()
        except Exception:  # odd parses must not stop the stage: pronouns stay unresolved
            self.cands = []

    # -- candidates for pronouns ----------------------------------------------------
    def _candidates(self) -> list[_Cand]:
        out: list[_Cand] = []
        covered = set()
        for s, e, ent in self.mentions:
            if ent.type not in ("PERSON", "ORG"):
                continue
            tok = self.index.token_covering(s)
            gender = self._gender(ent) if ent.type == "PERSON" else None
            out.append(_Cand(s, e, ent.type, gender, False, _is_subject(tok),
                             _Who(entity=ent.id, name=ent.name)))
            covered.update(range(s, e))
        for ent in self.view.ents:  # entities the record lacks (entities stage missing or partial)
            if ent.label_ not in ("PERSON", "ORG") or ent.start_char in covered:
                continue
            gender = first_name_gender(ent[0].text) if ent.label_ == "PERSON" and len(ent) > 1 else None
            out.append(_Cand(ent.start_char, ent.end_char, ent.label_, gender, False,
                             _is_subject(ent.root), _Who(name=ent.text)))
        if self.doc.has_annotation("DEP") and not self.index.has_lower(anonymous_nouns()):
            chunks = ()  # no anonymous-source noun anywhere: no chunk can be one
        else:
            chunks = anonymous_chunks(self.view, anonymous_nouns())
        tokens = self.view.tokens
        for start, end in chunks:
            head = tokens[end - 1]
            if not any(t.pos_ == "PROPN" for t in tokens[start:end]):
                start_char, end_char = tokens[start].idx, head.idx + len(head)
                anon = self._anonymous(head, start_char, end_char)
                out.append(_Cand(start_char, end_char, "ANON", None,
                                 head.tag_ in ("NNS", "NNPS"), _is_subject(head),
                                 _Who(name=anon.description, anonymous=anon)))
        out.sort(key=lambda c: c.start)
        return out

    def _gender(self, ent) -> str | None:
        key = id(ent)
        if key not in self._genders:
            self._genders[key] = _entity_gender(ent)
        return self._genders[key]

    def _near(self, s: int, e: int):
        """Mentions that may overlap [s, e), in start order (no mention is longer than the longest)."""
        lo = bisect.bisect_right(self._mention_starts, s - self._longest - 1)
        hi = bisect.bisect_left(self._mention_starts, e)
        return self.mentions[lo:hi]

    # -- resolution ---------------------------------------------------------------------
    def resolve(self, head, content: tuple[tuple[int, int], ...] = ()) -> Speaker | None:
        """Speaker for the mention headed by token `head`; None when it must not speak (place, date).
        A pronoun never resolves to someone the quote's `content` spans name ("He said Tomas wants …")."""
        if head is None:
            return None
        if head.lower_ in ("who", "which", "that") and head_of(head).dep_ == "relcl" and \
                head_of(head_of(head)).i != head_of(head).i:
            # "X, who said …": the mention is the relative pronoun as written, the speaker its antecedent
            ante = self.resolve(head_of(head_of(head)))
            if ante is None:
                return None
            rel = SpanRef(start=head.idx, end=head.idx + len(head), text=head.text)
            return Speaker(mention=rel, entity=ante.entity, name=ante.name, anonymous=ante.anonymous)
        start, end = mention_span(head)
        mention = SpanRef(start=start, end=end, text=self.text[start:end])
        pclass = pronoun_class(head.text) if head.pos_ == "PRON" else None
        if pclass is not None:
            return self._pronoun(head, pclass, mention, self._named_in(content))
        ent = self._entity_at(head.idx, head.idx + len(head))
        if ent is not None:
            if ent.type in ("PLACE",) or (ent.type not in ("PERSON", "ORG", "NORP") and head.ent_type_ in _BAD_ENT):
                if _country_speaks(head):
                    return Speaker(mention=mention, entity=ent.id, name=ent.name)
                person = self._person_by_word(head)
                if person is not None:  # "“…,” Lena continues." after "Lena Marsh": not the town
                    return Speaker(mention=mention, entity=person.id, name=person.name)
                if _person_name(head):  # "says Barclays analyst Tom Reed": a first name, then a name
                    return Speaker(mention=mention, name=_strip_det(self.text[_name_start(head):head.idx + len(head)]))
                return None
            return Speaker(mention=mention, entity=ent.id, name=ent.name)
        if head.ent_type_ in _BAD_ENT:
            if _country_speaks(head):
                return Speaker(mention=mention, name=_strip_det(mention.text))
            return None
        lower = head.lower_
        if lower in document_nouns() or head.lemma_.lower() in document_nouns():
            issuer = self._entity_in(start, end, exclude=(head.idx, head.idx + len(head)))
            if issuer is not None and issuer.type in ("PERSON", "ORG", "NORP"):
                sp = Speaker(mention=mention, entity=issuer.id, name=issuer.name)
            elif (author := self._author(head)) is not None:
                sp = Speaker(mention=mention, entity=author.id, name=author.name)
            elif (earlier := self._earlier_issuer(head)) is not None:
                sp = Speaker(mention=mention, entity=earlier.id, name=earlier.name)
            elif self.last_doc_speaker is not None and self.last_doc_speaker.entity:
                sp = Speaker(mention=mention, entity=self.last_doc_speaker.entity, name=self.last_doc_speaker.name)
            else:
                issuer_txt = _propn_prefix(head)
                sp = Speaker(mention=mention, name=issuer_txt or _strip_det(mention.text))
            self.last_doc_speaker = sp
            return sp
        if head.pos_ != "PROPN" and (lower in anonymous_nouns() or head.lemma_.lower() in anonymous_nouns()):
            # "a Green Party spokesman" (indefinite) is someone new, not the spokesman named before
            role_ent = None if _indefinite(head) else self._role_entity(head, start)
            if role_ent is not None:
                return Speaker(mention=mention, entity=role_ent.id, name=role_ent.name)
            anon = self._anonymous(head, start, end)
            return Speaker(mention=mention, name=anon.description, anonymous=anon)
        if head.pos_ == "PROPN" or head.is_title:  # a title-cased headline tags names as nouns
            fuzzy = self._fuzzy_entity(head)
            if fuzzy is not None:
                return Speaker(mention=mention, entity=fuzzy.id, name=fuzzy.name)
            if _strip_det(mention.text).lower() == head.lower_ and (titled := self._only_with_role(head)) is not None:
                return Speaker(mention=mention, entity=titled.id, name=titled.name)  # "Mayor on floods: “…”"
            if head.pos_ == "PROPN":
                return Speaker(mention=mention, name=_strip_det(mention.text))
        role_ent = self._role_entity(head, start)
        if role_ent is not None:
            return Speaker(mention=mention, entity=role_ent.id, name=role_ent.name)
        return Speaker(mention=mention, name=_strip_det(mention.text))

    def _author(self, head):
        """ "the memo, written by X" / "the email, which was sent by X" / "a letter from X": X."""
        owners = []
        for c in children_of(head):
            if c.dep_ == "prep" and c.lower_ in ("from", "by"):
                owners += [o for o in children_of(c) if o.dep_ == "pobj"]
            elif c.dep_ in ("acl", "relcl") and c.lemma_.lower() in _AUTHOR_VERBS:
                for agent in children_of(c):
                    if agent.dep_ == "agent":
                        owners += [o for o in children_of(agent) if o.dep_ == "pobj"]
        for owner in owners:
            ent = self._entity_at(owner.idx, owner.idx + len(owner))
            if ent is not None and ent.type in ("PERSON", "ORG", "NORP"):
                return ent
        return None

    def _earlier_issuer(self, head):
        """ "X issued a statement … The statement said": X, from the earlier mention of that document."""
        lemma = head.lemma_.lower()
        tok = self.index.previous_noun(lemma, head.i)
        if tok is not None:
            owners = [c for c in children_of(tok) if c.dep_ in ("poss", "compound")]
            if tok.dep_ in ("dobj", "obj") or tok.dep_ == "pobj":
                verb = head_of(tok) if tok.dep_ != "pobj" else head_of(head_of(tok))
                owners += [c for c in children_of(verb) if c.dep_ in ("nsubj", "nsubjpass")]
            for owner in owners:
                ent = self._entity_at(owner.idx, owner.idx + len(owner))
                if ent is not None and ent.type in ("PERSON", "ORG", "NORP"):
                    return ent
        return None

    def _entity_at(self, s: int, e: int):
        best = None
        for ms, me, ent in self._near(s, e):
            if me > s:
                if best is None or ent.type in ("PERSON", "ORG"):
                    best = ent
        return best

    def _entity_in(self, s: int, e: int, exclude: tuple[int, int]):
        for ms, me, ent in self._near(s, e):
            if me > s and not (ms >= exclude[0] and me <= exclude[1]):
                return ent
        return None

    def _person_by_word(self, head):
        """The one PERSON entity whose name has `head` (a capitalised word standing alone) as its first
        or last word, else None."""
        if head.pos_ != "PROPN" or any(c.dep_ in ("compound", "flat") for c in children_of(head)):
            return None
        word = head.text.lower()
        hits = {ent.id: ent for ent in self.record.entities if ent.type == "PERSON" and len(ent.name.split()) > 1
                and word in (ent.name.split()[0].lower(), ent.name.split()[-1].lower())}
        return next(iter(hits.values())) if len(hits) == 1 else None

    def _fuzzy_entity(self, head):
        """An MT-garbled name ("Blinking" for "Blinken") matched to a PERSON entity."""
        suggestion = self._variants.get(head.idx)
        if self._names is None:
            exact: dict[str, object] = {}  # a name or its last word → the first entity with it
            by_prefix: dict[str, list] = {}  # the last word's first three letters → (last word, entity)
            for ent in self.record.entities:
                if ent.type != "PERSON":
                    continue
                for n in [ent.name, *ent.aliases]:
                    last = n.split()[-1] if n.split() else n
                    exact.setdefault(n.lower(), ent)
                    exact.setdefault(last.lower(), ent)
                    by_prefix.setdefault(last[:3].lower(), []).append((last, ent))
            self._names = (exact, by_prefix)
        exact, by_prefix = self._names
        word = suggestion or head.text
        if word.lower() in exact:
            return exact[word.lower()]
        if len(word) >= 5:
            for last, ent in by_prefix.get(word[:3].lower(), ()):
                if difflib.SequenceMatcher(None, word.lower(), last.lower()).ratio() >= 0.75:
                    return ent
        return None

    def _role_entity(self, head, before: int):
        """ "the secretary of state" → the last PERSON entity before it whose role names that title."""
        noun = head.lemma_.lower()
        best = None
        for ent in self.record.entities:
            if ent.type != "PERSON" or not ent.role:
                continue
            role = ent.role.lower()
            if noun in role.split() or role.endswith(noun):
                first = min((m.start for m in ent.mentions), default=before + 1)
                if first < before and (best is None or first > best[0]):
                    best = (first, ent)
        return best[1] if best else None

    def _only_with_role(self, head):
        """A bare title as the speaker ("Mayor" in a headline): the article's one PERSON whose role it names."""
        noun = head.lower_
        hits = [ent for ent in self.record.entities if ent.type == "PERSON" and ent.role
                and (noun in ent.role.lower().split() or ent.role.lower().endswith(noun))]
        return hits[0] if len(hits) == 1 else None

    def _anonymous(self, head, start: int, end: int) -> AnonymousSource:
        desc_words = [t for t in self.view.tokens[head.left_edge.i:head.i + 1] if t.lower_ not in _DETS and not t.is_punct]
        description = " ".join(t.text for t in desc_words).lower() or head.lower_
        key = head.lemma_.lower()
        lefts = lefts_of(head)
        is_definite = any(t.lower_ in ("the", "this", "that") for t in lefts)
        if is_definite and len(desc_words) <= 1 and key in self.anon_seen:
            return self.anon_seen[key]
        affiliation = None
        for t in lefts:
            code = demonym_code(t.text)
            if code:
                affiliation = code
                break
            if t.pos_ == "PROPN":
                phrase = self.text[t.left_edge.idx:t.idx + len(t)]
                affiliation = demonym_code(phrase) or phrase
                break
        if affiliation is None:
            for child in rights_of(head):
                if child.dep_ == "prep" and child.lower_ in ("of", "from", "at", "in"):
                    objs = [c for c in children_of(child) if c.dep_ == "pobj"]
                    if objs:
                        o = objs[0]
                        phrase = _strip_det(self.text[o.left_edge.idx:o.idx + len(o)])
                        affiliation = demonym_code(phrase) or phrase
        anon = AnonymousSource(description=description, affiliation=affiliation)
        if key not in self.anon_seen or len(description.split()) >= len(self.anon_seen[key].description.split()):
            self.anon_seen[key] = anon
        return anon

    def _named_in(self, spans) -> set[str]:
        """Ids of the entities with a mention inside `spans`."""
        out = set()
        for a, b in spans:
            k = bisect.bisect_left(self._mention_starts, a)
            while k < len(self.mentions) and self.mentions[k][0] < b:
                if self.mentions[k][1] <= b:
                    out.add(self.mentions[k][2].id)
                k += 1
        return out

    def _pronoun(self, head, pclass: str, mention: SpanRef, named: set[str] = frozenset()) -> Speaker:
        pos = head.idx
        want = {"male": ("PERSON", "ANON"), "female": ("PERSON", "ANON"), "thing": ("ORG", "DOC"),
                "plural": ("ORG", "ANON"), "group": ("ORG", "ANON")}.get(pclass)
        if want is None:  # I, you: the speaker is whoever the text names; leave unresolved
            return Speaker(mention=mention)
        best = None
        k = bisect.bisect_left(self.cands, pos, key=lambda c: c.start)  # candidates before the pronoun
        for j in range(k - 1, -1, -1):
            cand = self.cands[j]
            if pos - cand.start > 2500:
                break
            if cand.kind not in want or cand.speaker.entity is not None and cand.speaker.entity in named:
                continue
            penalty = 0.0
            if pclass in ("male", "female"):
                if cand.gender not in (None, pclass) or (cand.kind == "ANON" and cand.plural):
                    continue
                if cand.gender is None:
                    penalty = 0.75
            if pclass == "plural" and cand.kind == "ANON" and not cand.plural:
                continue
            # same-sentence mentions (other than subjects of an earlier clause) rarely antecedents
            score = -(pos - cand.start) / 400.0 + (1.5 if cand.subject else 0.0) - penalty
            if best is None or score > best[0]:
                best = (score, cand)
        if best is None:
            if pclass == "thing" and self.last_doc_speaker is not None:
                d = self.last_doc_speaker
                return Speaker(mention=mention, entity=d.entity, name=d.name, anonymous=d.anonymous)
            return Speaker(mention=mention)
        sp = best[1].speaker
        return Speaker(mention=mention, entity=sp.entity, name=sp.name, anonymous=sp.anonymous)

    def note_speaker(self, head, speaker: Speaker) -> None:
        """Record a resolved speaker so later pronouns prefer it (speakers are salient)."""
        if speaker is None or speaker.mention is None or head is None or head.pos_ == "PRON":
            return
        kind = "ANON" if speaker.anonymous else "PERSON"
        if speaker.entity:
            ent = self.record.entity(speaker.entity)
            kind = ent.type if ent is not None and ent.type in ("PERSON", "ORG") else kind
            gender = self._gender(ent) if ent is not None and ent.type == "PERSON" else None
        else:
            gender = first_name_gender(head.left_edge.text) if head.pos_ == "PROPN" and head.left_edge.i < head.i else None
        cand = _Cand(speaker.mention.start, speaker.mention.end, kind, gender,
                     head.tag_ in ("NNS", "NNPS"), True, speaker)
        bisect.insort_right(self.cands, cand, key=lambda c: c.start)  # after equal starts, as a stable sort


def _country_speaks(head) -> bool:
    """"Russia insisted that …", "South Korea accused Kim of “…”": a country (its government) as the
    subject of a reporting verb speaks; a city ("Paris said") or a place anywhere else does not."""
    if head.ent_type_ != "GPE" or head.dep_ != "nsubj" or not is_cue(head_of(head)):
        return False
    start, end = mention_span(head)
    return is_country_name(index_of(head.doc).text[start:end])


def _name_start(head) -> int:
    run = head
    for t in reversed(lefts_of(head)):
        if t.dep_ in ("compound", "flat") and t.pos_ == "PROPN" and t.i == run.i - 1:
            run = t
        else:
            break
    return run.idx


def _person_name(head) -> bool:
    """A place-typed name that reads as a person's: "Tom Reed" (a known first name before it)
    as the subject of a reporting verb."""
    if head.pos_ != "PROPN" or head.dep_ != "nsubj" or not is_cue(head_of(head)):
        return False
    first = index_of(head.doc).view.tokens[head.i - 1] if head.i > 0 else None
    return first is not None and first.pos_ == "PROPN" and first.dep_ in ("compound", "flat") and \
        first_name_gender(first.text) is not None


def _indefinite(head) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("a", "an", "another", "one", "some") for c in children_of(head))


def _is_subject(tok) -> bool:
    return tok is not None and tok.dep_ in ("nsubj", "nsubjpass")




def _entity_gender(ent) -> str | None:
    """Gender from a courtesy title (Mr, Mrs) or a first name, over the name, aliases and mentions."""
    names = [ent.name, *ent.aliases, *(m.text for m in ent.mentions)]
    for name in names:
        for word in name.replace(".", " ").split():
            g = title_gender().get(word.lower())
            if g:
                return g
    for name in names:
        parts = [p for p in name.replace(".", " ").split() if p[:1].isupper() and len(p) > 1]
        parts = [p for p in parts if p.lower() not in title_words()]
        if len(parts) >= 2:
            g = first_name_gender(parts[0])
            if g:
                return g
    return None




def _strip_det(text: str) -> str:
    words = text.split()
    while words and words[0].lower() in _DETS:
        words = words[1:]
    return " ".join(words) or text


def _propn_prefix(head) -> str | None:
    toks = [t for t in lefts_of(head) if t.pos_ == "PROPN" or t.dep_ == "compound" and t.text[:1].isupper()]
    if not toks:
        return None
    return head.doc[toks[0].left_edge.i:toks[-1].i + 1].text
