"""Where an unnamed group belongs: the place its own phrase or its sentence names, the body it
serves in, the embassy it works for.

"met leaders in Baghdad" → IRQGOV; "investigators from the FBI" → the FBI's; officials "in the
X administration" → X's government; "police arrested six Protestants" in a Belfast story → GBRCOP;
"embassy staffers" after "the U.S. embassy" → American.
"""
from __future__ import annotations

from ...record import Entity
from ..actors.code import code_index
from ..actors.lexicon import lexicon

INSTITUTIONS = {"JUD", "LEG", "COP", "GOV", "MIL"}  # sectors of a state body
_MISSIONS = {"embassy", "embassies", "consulate", "consulates"}
_MISSION_PEOPLE = {"staff", "staffer", "official", "diplomat", "employee", "worker", "personnel", "spokesman",
                   "spokeswoman", "guard", "officer", "attache"}


class Whereabouts:
    """Mixed into Resolver: needs its d (DocInfo), view, record, day, tok_entity, place_countries,
    dateline_place, home and _clause_country."""

    def local_country(self, tok) -> str | None:
        """Where the unnamed agent of a passive arrest or questioning acts: a place of the sentence,
        else the wire dateline's country, else the country the article is about."""
        country = self.clause_country(tok)
        if country is None and self.dateline_place is not None:
            country = self.dateline_place.country
        return country or self.home

    def located_country(self, tok) -> str | None:
        """The country of a place the sentence puts something "in", "at" or "near" ("in north Belfast")."""
        d = self.d
        sent = self.view.sents[self.view.sent_index(tok)]
        return next((country for t in range(sent.start, sent.end)
                     if d.dep[t] == "pobj" and d.lower[d.heads[t]] in ("in", "at", "near")
                     and (country := self._place_in(t))), None)

    def _place_in(self, pobj: int) -> str | None:
        """The country of the first place the places stage found in the phrase of `pobj`."""
        d, places = self.d, self.place_countries
        return next((places[d.idx[k]] for k in d.phrase(pobj)[0] if d.idx[k] in places), None)

    def _body_from(self, tok) -> tuple[str, Entity | None] | None:
        """(code, entity) of the coded organisation a group noun comes "from" or serves "in"
        ("investigators from the FBI", officials "in the X administration"), or None."""
        d = self.d
        for c in d.kids[tok.i]:
            if d.dep[c] == "prep" and d.lower[c] in ("from", "in", "within"):
                for p in d.kids[c]:
                    e = self.tok_entity.get(p) if d.dep[p] == "pobj" else None
                    if e is not None and e.type == "ORG" and e.actor_code and len(e.actor_code) >= 6:
                        return e.actor_code, e
                    if d.dep[p] == "pobj" and e is None and d.pos[p] == "NOUN" and lexicon().sectors.get(d.lemma[p]) in INSTITUTIONS \
                            and (code := code_index(d, p, self.day).code) and len(code) >= 6:
                        return code, None  # "in the Obama administration": the administration's
        return None

    def own_place_country(self, tok) -> str | None:
        """The country of a place in an "in", "at" or "from" phrase of the noun itself ("met leaders in
        Baghdad", "officials from Kenya"): where the group is, before any other place of the sentence."""
        d = self.d
        return next((country for c in d.kids[tok.i] if d.dep[c] == "prep" and d.lower[c] in ("in", "at", "from")
                     for p in d.kids[c] if d.dep[p] == "pobj" and (country := self._place_in(p))), None)

    def clause_country(self, tok) -> str | None:
        """The country of a place named in an "in/near/at" phrase of the same sentence."""
        k = self.view.sent_index(tok)
        if k not in self._clause_country:
            self._clause_country[k] = self._sentence_country(self.view.sents[k])
        return self._clause_country[k]

    def _sentence_country(self, sent) -> str | None:
        start_char, end_char = sent.start_char, sent.end_char
        d = self.d
        for p in self.record.places:
            if p.country and start_char <= p.start < end_char and not self._destination(p.start, p.end):
                return p.country
        lex = lexicon()
        dep, pos, lower, heads = d.dep, d.pos, d.lower, d.heads
        for t in range(sent.start, sent.end):
            if dep[t] == "pobj" and lower[heads[t]] in ("in", "near", "at") and pos[t] == "PROPN":
                iso, _ = lex.country_of_word([lower[t]], 0)
                if iso and lower[t] not in lex.demonyms:
                    return iso
        return None

    def _destination(self, start: int, end: int) -> bool:
        """Whether the place at these offsets is where someone or something is sent ("deported the
        Libyan to Tripoli"): no place where the act happened."""
        d = self.d
        span = d.expand_span(start, end)
        if span is None:
            return False
        head = max(range(*span), key=lambda t: d.heads[t] not in range(*span))
        return d.dep[head] == "pobj" and d.lower[d.heads[head]] in ("to", "toward", "towards", "into")

    def _mission_country(self, tok) -> str | None:
        """The country of an embassy a group's phrase names without a country ("embassy staffers"):
        the sending country of the embassy or consulate the article named last before it (an
        embassy is its own country's government, never the host's)."""
        d = self.d
        if d.lemma[tok.i] not in _MISSION_PEOPLE or not any(d.lemma[t] in _MISSIONS for t in d.phrase(tok.i)[0]):
            return None  # people of the mission, not "the embassy blast"
        at = d.idx[tok.i]
        named = [(m.start, e.actor_code) for e in self.record.entities if e.actor_code and len(e.actor_code) >= 3
                 and any(w in e.name.lower() for w in _MISSIONS) for m in e.mentions if m.start < at]
        return max(named)[1][:3] if named else None
