"""Targets a verb's own clauses name: the target of an appeal, intent, demand, rejection or
threat (`family_target`), the targets in a verb's own prepositional phrases (`with_targets`), and,
when its objects name none:

- "officials claim the bombings were planned by X", "claimed that Kosovo was weakening …": an
  accusation (11) is aimed at the doer of what it alleges;
- "lifted the curfew to give the truckers a chance": easing something (07 aid, 08 yield)
  in order to give or let someone … is aimed at them;
- "they will appeal the decision" (after "the INS decision was announced"): a definite decision,
  ruling or verdict an act is aimed at stands for whoever made it, the nearest one before that
  names its maker;
- "troops will remain until Iraq complies", "sanctions stay unless Iraq complies": pressure kept
  up until someone yields (13 threats, 15 posture, 16 reduced relations, 17 coercion) is aimed at
  that someone.
"""
from __future__ import annotations

from ...record import Event
from .refs import ActorRef

__all__ = ["clause_targets", "definite_nouns", "family_target", "sanction_owner", "with_targets"]

_PRESSING_ROOTS = {"13", "15", "16", "17"}
_EASING_ROOTS = {"07", "08"}
_GIVING = {"give", "allow", "let", "enable", "help", "spare", "grant"}
_DEFINITE = {"the", "these", "those", "this", "that"}
_DECISION_NOUNS = {"decision", "ruling", "verdict", "order", "judgment", "judgement"}
_DECISION_VERBS = {"decide", "rule", "order"}
_LOOK_BACK = 300  # tokens: about a dozen sentences
_LIFTING = {"lift", "end", "ease", "remove", "scrap", "drop", "relax", "raise"}
_SANCTIONS = {"embargo", "sanction", "ban", "blockade", "boycott"}


def clause_targets(res, i: int, code: str) -> list[ActorRef]:
    """The target the clauses of verb `i` name for an event of `code` (see the module doc), or []."""
    d, tokens = res.d, res.tokens
    kids, dep = d.kids, d.dep
    decided = decider(res, i)
    if decided:
        return decided
    if code[:2] == "11":
        return [r for c in kids[i] if dep[c] == "ccomp" for r in res.subject(tokens[c])]
    if code[:2] in _EASING_ROOTS:
        return [r for c in kids[i] if dep[c] in ("advcl", "xcomp") and d.lemma[c] in _GIVING
                for o in kids[c] if dep[o] in ("dative", "dobj") for r in res.group(tokens[o]) if r.code][:1]
    if code[:2] in _PRESSING_ROOTS:
        return [r for c in kids[i] if dep[c] == "advcl" and _until(d, c)
                for a in kids[c] if dep[a] == "nsubj" for r in res.group(tokens[a])]
    return []


def _until(d, clause: int) -> bool:
    return any(d.dep[m] == "mark" and d.lower[m] in ("until", "unless", "till") for m in d.kids[clause])


def definite_nouns(d, events: list[Event]) -> frozenset:
    """The action offsets of events named by a definite noun ("the attacks"): told before (context.py)."""
    return frozenset(e.action.start for e in events if (i := d.token_at(e.action.start)) is not None
                     and d.pos[i] == "NOUN" and any(d.dep[c] == "det" and d.lower[c] in _DEFINITE for c in d.kids[i]))


def decider(res, i: int) -> list[ActorRef]:
    """Whoever made "the decision" (ruling, verdict, order) that verb `i` acts on: the coded maker of
    the nearest decision named before it (its compound or possessor, its by-agent, or the subject of
    "decided", "ruled", "ordered"), or []."""
    d, tokens = res.d, res.tokens
    obj = next((c for c in d.kids[i] if d.dep[c] == "dobj" and d.lemma[c] in _DECISION_NOUNS
                and any(d.dep[k] == "det" and d.lower[k] in _DEFINITE for k in d.kids[c])
                and not any(d.dep[k] in ("poss", "compound", "prep") for k in d.kids[c])), None)
    if obj is None:
        return []
    for t in range(obj - 1, max(-1, obj - _LOOK_BACK), -1):
        if d.lemma[t] in _DECISION_NOUNS and d.pos[t] == "NOUN":
            refs = [r for r in res.one(tokens[t]) if r.code] or res._noun_agent(t)
        elif d.lemma[t] in _DECISION_VERBS and d.pos[t] == "VERB":
            refs = [r for r in res.subject(tokens[t]) if r is not None and r.code]
        else:
            continue
        if refs:
            return refs[:1]
    return []


def family_target(res, tok, family: str, comps, own: bool = True) -> list[ActorRef]:
    """The target of an appeal, intent, demand, rejection or threat: the verb's object or phrase
    (`own`; not for a verb of saying whose clause states the intent: "told reporters Israel was
    willing to withdraw" aims at no reporter), else what the complement acts on."""
    d = res.d
    kids, dep, pos, tokens = d.kids, d.dep, d.pos, d.tokens
    for c in kids[tok.i] if own else ():
        if dep[c] in ("dobj", "dative", "iobj") and pos[c] in ("PROPN", "NOUN", "PRON"):
            refs = res.group(tokens[c])
            if refs:
                return refs
        if dep[c] == "prep" and d.lower[c] in ("on", "upon", "to", "with", "from", "against"):
            for p in kids[c]:
                if dep[p] == "pobj":
                    refs = res.group(tokens[p])
                    if refs:
                        return refs
    for comp in comps:
        comp_pos = pos[comp.i]
        if family in ("demand", "appeal") and (owner := sanction_owner(res, comp.i)):
            return owner  # "the French want the embargo lifted": whoever imposed it is asked
        if comp_pos in ("VERB", "AUX"):
            for c in kids[comp.i]:
                if dep[c] in ("nsubj", "nsubjpass"):
                    refs = res.group(tokens[c])
                    if refs and family in ("demand", "appeal"):
                        return refs
            refs = res.objects(comp)
            if refs:
                return refs
        elif comp_pos in ("NOUN", "PROPN"):
            refs = res._inside(comp)
            if refs:
                return refs
        elif comp_pos == "ADJ":  # "committed to a possible raid on Syria"
            refs = res.objects(comp)
            if refs:
                return refs
    return res.objects(tok) if own else []


def sanction_owner(res, verb: int) -> list[ActorRef]:
    """For a verb of lifting or ending (`_LIFTING`) whose subject or object is a sanction (`_SANCTIONS`):
    who imposed it. Its own possessor or compound actor ("the EU's embargo", "U.N. sanctions"), else, for
    "it" or "the embargo", the one the nearest such sanction named before it has; or []."""
    d = res.d
    if d.lemma[verb] not in _LIFTING:
        return []
    noun = next((c for c in d.kids[verb] if d.dep[c] in ("nsubj", "nsubjpass", "dobj")
                 and (d.lemma[c] in _SANCTIONS or d.lower[c] == "it")), None)
    if noun is None:
        return []
    if d.lower[noun] != "it" and (own := _imposer(res, noun)):
        return own
    for t in range(noun - 1, max(-1, noun - _LOOK_BACK), -1):
        if d.lemma[t] in _SANCTIONS and d.pos[t] == "NOUN" and (own := _imposer(res, t)):
            return own
    return []


def _imposer(res, noun: int) -> list[ActorRef]:
    """The coded possessor or actor modifier of a sanction noun, or the subject of "imposed" with it as object."""
    d, tokens = res.d, res.tokens
    for c in d.kids[noun]:
        if d.dep[c] in ("poss", "compound", "amod") and c < noun:
            refs = [r for r in res.one(tokens[c]) if r.code]
            if refs:
                return refs[:1]
    head = d.heads[noun]
    if d.dep[noun] == "dobj" and d.lemma[head] == "impose":
        return [r for r in res.subject(tokens[head]) if r is not None and r.code][:1]
    return []


def with_targets(res, tok, preps: tuple[str, ...]) -> list[ActorRef]:
    """Targets in the verb's own prepositional phrases, in phrases of that preposition the parser
    hung on a governing verb after it ("planned to speak with A and, later, with B") or on its
    object ("use force against X")."""
    out: list[ActorRef] = []
    d = res.d
    kids, dep, lower, heads = d.kids, d.dep, d.lower, d.heads
    holders = [tok.i]
    node = tok.i
    for _ in range(2):
        if heads[node] == node:
            break
        node = heads[node]
        holders.append(node)
    holders += [c for c in kids[tok.i] if dep[c] == "dobj"]  # "use force against X"
    for holder in holders:
        for c in kids[holder]:
            if dep[c] == "prep" and lower[c] in preps and (holder == tok.i or c > tok.i):
                for p in kids[c]:
                    if dep[p] == "pobj":
                        out.extend(r for r in res.group(d.tokens[p]) if r.code)
    return out
