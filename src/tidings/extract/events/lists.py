"""Actors listed in one phrase: the same group in each country of a list.

"the police in Ghana and Togo" → GHACOP and TGOCOP; "officials from Britain, France and
Germany" → GBRGOV, FRAGOV, DEUGOV; "investigators from the FBI, Ghana and Togo" → USASPY,
GHASPY, TGOSPY, also where the small parser takes the countries after the comma for a second
subject of the verb.
"""
from __future__ import annotations

from ..actors.lexicon import lexicon
from .refs import ActorRef


class Lists:
    """Mixed into Resolver: needs its d (DocInfo), tokens, tok_entity and group()."""

    def _other_countries(self, tok, ref: ActorRef) -> list[ActorRef]:
        """The same group in the other countries of an "in/from/of X and Y" phrase or of conjoined
        country words before it: "the police in Ghana and Togo" → GHACOP and TGOCOP; X may be
        the group's own body ("investigators from the FBI, Ghana and Togo" → GHASPY, TGOSPY)."""
        d = self.d
        lex = lexicon()
        for c in d.kids[tok.i]:
            if d.dep[c] in ("amod", "compound", "nmod") and lex.country_of_word([d.lower[c]], 0)[0] == ref.code[:3]:
                # "the British and Irish governments", "U.S. and Japanese officials": each country's
                more = [ActorRef(iso + ref.code[3:], None, d.text[q], d.idx[q], d.idx[q] + len(d.text[q]))
                        for q in d.kids[c] if d.dep[q] == "conj"
                        and (iso := lex.country_of_word([d.lower[q]], 0)[0]) and iso != ref.code[:3]]
                if more:
                    return more
            if d.dep[c] != "prep" or d.lower[c] not in ("in", "from", "of"):
                continue
            for p in d.kids[c]:
                if d.dep[p] != "pobj":
                    continue
                first, _ = lex.country_of_word([d.lower[p]], 0)
                if first != ref.code[:3]:
                    body = self.tok_entity.get(p)  # "investigators from the FBI, Ghana and Togo"
                    if body is None or body.actor_code != ref.code:
                        continue
                return self._listed_after(p, ref.code, tok)
        return []

    def _split_list(self, verb: int, subject: int) -> list[ActorRef]:
        """"Investigators from the FBI, Ghana and Togo have been working": the parser takes the
        countries after the comma for a second subject; they are the same group's, in each country."""
        d = self.d
        second = next((c for c in d.kids[verb] if d.dep[c] == "nsubj" and c > subject + 1
                       and d.lower[c - 1] == "," and d.heads[c - 1] != c - 1), None)
        if second is None or not lexicon().country_of_word([d.lower[second]], 0)[0]:
            return []
        refs = [r for r in self.group(self.tokens[subject]) if r.code and len(r.code) >= 6]
        if len(refs) != 1:
            return []
        return self._listed_after(second, refs[0].code, self.tokens[subject], include_first=True)

    def _listed_after(self, first: int, code: str, noun, include_first: bool = False) -> list[ActorRef]:
        """The same group in each country conjoined after token `first` ("from Britain, France and
        Germany": the parser chains each on the one before). The sector is the group's own, or the
        group noun's when the group is an organisation of states ("diplomats from the EU, Russia")."""
        d, lex = self.d, lexicon()
        sector = code[3:6] if not code.startswith(("IGO", "NGO")) else (
            lex.sector_of_words([d.lemma[noun.i]]) or "")
        more, seen, q = [], {code[:3]}, first
        while (q := q if include_first else next((c for c in d.kids[q] if d.dep[c] == "conj"), None)) is not None:
            include_first = False
            words = [d.lower[k] for k in d.kids[q] if k < q and d.dep[k] == "compound"] + [d.lower[q]]
            iso, _ = lex.country_of_word(words, 0)  # "South Korea"
            if iso and iso not in seen:
                seen.add(iso)
                more.append(ActorRef(iso + sector, None, d.text[q], d.idx[q], d.idx[q] + len(d.text[q])))
        return more
