"""Who did an attack that a noun names, read off the words that lay it at someone's door (docs/EVENTS.md,
"Seventh round: roots read on the even half"; words in data/cameo/recall.yaml):

- a part in it: "the suspects had a central role in the car bombings" → the men;
- blame, links and attribution: "killings blamed on the IRA", "evidence linking the blasts to bin
  Laden", "the police linked the attack to a Basque group" → the one it is laid on;
- being behind it: "the IRA was behind the bombing" → the IRA.

These name who did it as a claim: the modality stage reads the claim around them (`modality.laid_on`).
Saying that someone is responsible for or behind an attack accuses them (112, `accusations`).
"""
from __future__ import annotations

from .assemble import Candidate
from .lexicon import noun_rules, rules_for
from .modality import held_responsible, reporting_verb
from .rereading import _data
from .senses import denied, senses

__all__ = ["accusations", "alleged_parts", "attributed_to"]


def _pobjs(res, head: int, preps) -> list:
    d = res.d
    return [r for c in d.kids[head] if d.dep[c] == "prep" and d.lower[c] in preps
            for p in d.kids[c] if d.dep[p] == "pobj" for r in res.group(d.tokens[p]) if r is not None]


def attributed_to(res, noun, code: str, attack_roots) -> list:
    """The actors an attack named by `noun` is laid on (a part in it, blame, a link), or []."""
    if code[:2] not in attack_roots:
        return []
    s = _data()
    d, i = res.d, noun.i
    head = d.heads[i]
    if d.dep[i] == "pobj" and d.lower[head] == "in":
        # "played a key role in the attacks": the parser hangs "in" on the noun of the part or on its verb
        above = d.heads[head]
        part = above if d.lemma[above] in s["part_nouns"] else next(
            (c for c in d.kids[above] if d.dep[c] == "dobj" and d.lemma[c] in s["part_nouns"]), None)
        verb = d.heads[part] if part is not None and d.dep[part] == "dobj" else None
        if verb is not None and d.lemma[verb] in s["part_verbs"] and not denied(d, verb):
            return res.subject(d.tokens[verb])  # not "played no part in the bombing"
        return []
    if d.dep[i] == "pobj" and d.lower[head] == "behind" and d.lemma[d.heads[head]] == "be":
        # "the IRA was behind the bombing"; not "denied it was behind the bombing"
        return [] if denied(d, d.heads[head]) else res.subject(d.tokens[d.heads[head]])
    preps = s["attribution_preps"]
    if d.dep[i] in ("dobj", "nsubjpass") and d.lemma[head] in s["attribution_verbs"]:
        # "linked the attack to X", "the killings were blamed on X"; the parser may hang "to X" on the noun
        return _pobjs(res, head, preps) or (_pobjs(res, i, preps) if d.dep[i] == "dobj" else [])
    for c in d.kids[i]:  # "killings blamed on the IRA", "evidence linking the blasts to X" (the noun's own clause)
        if d.dep[c] == "acl" and d.lemma[c] in s["attribution_verbs"]:
            return _pobjs(res, c, preps)
    return []


def accusations(res, sent, coded: set[int], attack_roots) -> list[Candidate]:
    """Saying that someone is responsible for or behind an attack accuses them (112): "the ministry says rebel
    leaders are responsible for the car bombings", "police believe the group was behind the
    bombing". Not where the clause is negated (a denial) or no one is named as the doer."""
    d = res.d
    table = noun_rules()

    def attack(j: int) -> bool:
        rule = rules_for(d.tokens[j], table)
        return rule is not None and rule.code[:2] in attack_roots

    out = []
    for i in range(sent.start, sent.end):
        if i in coded:
            continue
        copula = held_responsible(d, i, attack)
        if copula is None or denied(d, copula):
            continue
        reporter = reporting_verb(d.tokens[copula])
        accused = [r for r in res.subject(d.tokens[copula]) if r is not None]
        if reporter is None or not accused:
            continue
        out.append(Candidate(d.tokens[i], "112", res.subject(reporter), accused, (), 0.45))
    return out


def alleged_parts(res, sent, coded: set[int]) -> list[Candidate]:
    """Someone's alleged part in something, told by an actor, accuses them (112, eighth round): "Greek
    ministers spoke to the press about Turkey's suspected role in the riots" → Greece accuses Turkey. The one
    accused is the noun's possessor; the accuser, the subject of the verb the noun hangs on (through a
    preposition: "spoke about Syria's alleged role"). Not where the accused tells it ("Turkey rejected its
    suspected role") or the clause is negated or a denial."""
    s = _data()
    d = res.d
    out = []
    for i in range(sent.start, sent.end):
        word = next((c for c in d.kids[i] if d.dep[c] == "amod" and d.lower[c] in s["alleged_words"]), None)
        if i in coded or word is None or word in coded or d.lemma[i] not in s["involvement_nouns"]:
            continue
        accused = [r for c in d.kids[i] if d.dep[c] == "poss"
                   for r in res.group(d.tokens[c]) if r is not None and r.code]
        head = d.heads[i]
        if d.dep[i] == "pobj" and d.pos[head] == "ADP":
            head = d.heads[head]
        if not accused or d.dep[i] not in ("dobj", "pobj") or d.pos[head] != "VERB" or denied(d, head) \
                or d.lemma[head] in senses()["denial_verbs"]:
            continue
        accusers = [r for r in res.subject(d.tokens[head]) if r is not None and r.code]
        if accusers and all((a.code or "")[:3] != (b.code or "")[:3] for a in accusers for b in accused):
            # on "alleged": the accusing is told as done; the part alleged, not the accusation, is the claim
            out.append(Candidate(d.tokens[word], "112", accusers, accused, (), 0.45))
    return out
