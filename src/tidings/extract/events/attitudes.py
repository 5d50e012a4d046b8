"""Attitudes as events. Feelings toward an actor: "he was heartened by help from Ghana"
praises Ghana (051); "Chilean officials are frustrated by Morales's refusal" criticises Morales (110).
Intentions: "Jordan voiced its interest in reopening negotiations" is Jordan's intent to meet (036),
not negotiations held. Obligations in a speaker's quote: "``All Baltic governments must coordinate …,''
she was quoted as saying" is his appeal to them. Warnings of penalties: "there would be serious economic
consequences if Putin invades" threatens Putin. The words are data (families.yaml)."""
from __future__ import annotations

from functools import cache

from .assemble import Candidate
from .lexicon import content_of_code, families, family_code, rules_for, verb_rules
from .modality import is_negated, reporting_verb

READY = {"ready", "willing", "prepared", "determined", "eager", "keen"}
OBLIGATION = {"must", "should"}

_OPEN_CLAUSE = {"how", "when", "whenever", "if", "whether", "unless"}
_CAUSE_INSIDE = ("from", "with", "of", "by", "in", "among", "between")  # "cooperation from Kenya", "talks with Iran"


@cache
def _words() -> tuple[dict[str, str], frozenset[str]]:
    data = families()
    by_word = {w: code for code, words in data["feeling_words"].items() for w in words}
    return by_word, frozenset(data["feeling_preps"])


@cache
def penalties() -> tuple[frozenset[str], frozenset[str]]:
    """(verbs of undergoing, penalty nouns): "Iran would face serious consequences" (families.yaml)."""
    data = families()
    return frozenset(data["undergo_verbs"]), frozenset(data["penalty_nouns"])


@cache
def _intent_nouns() -> frozenset[str]:
    return frozenset(families()["intent_nouns"])


def intended(res, cands: list[Candidate]) -> None:
    """Recode, in place, the verb events a noun of intent governs ("plans to withdraw its troops"):
    an intent of the noun's owner, or of the subject of the verb the noun hangs on."""
    d = res.d
    dep, heads, lower, tokens = d.dep, d.heads, d.lower, d.tokens
    nouns = _intent_nouns()
    for cand in cands:
        i = cand.tok.i
        if cand.code[:2] in ("01", "02", "03", "10", "11", "12", "13"):
            continue
        noun = heads[i]
        if dep[i] == "pcomp" and lower[noun] in ("in", "of", "to", "for"):
            noun = heads[noun]  # "interest in resuming", "intention of withdrawing"
        elif dep[i] not in ("acl", "xcomp"):
            continue
        if noun == i or d.pos[noun] != "NOUN" or lower[noun] not in nouns:
            continue
        owners = [r for c in d.kids[noun] if dep[c] == "poss" for r in res.group(tokens[c])]
        if not owners and dep[noun] in ("dobj", "attr", "nsubj") and heads[noun] != noun:
            owners = res.subject(tokens[heads[noun]])  # "Iran expressed willingness to …", "has no intention of …"
        owners = [r for r in owners if r is not None]
        if not owners:
            continue
        if not any(r.code for r in cand.sources):
            cand.sources = owners
        content = content_of_code(cand.code)
        cand.code = family_code("intent", content) if content else "030"
        cand.negated = any(dep[c] == "det" and lower[c] == "no" for c in d.kids[noun]) or is_negated(tokens[heads[noun]])


def feeling_candidates(res, sent, coded: set[int]) -> list[Candidate]:
    """Events of praise or criticism for the feelings the sentence states about a named actor."""
    by_word, preps = _words()
    d = res.d
    kids, dep, lower, tokens = d.kids, d.dep, d.lower, d.tokens
    out = []
    for i in range(sent.start, sent.end):
        code = by_word.get(lower[i])
        if code is None or i in coded or is_negated(tokens[i]):
            continue
        if dep[i] == "acomp":
            sources = res.subject(tokens[d.heads[i]])  # "he is satisfied with …": the copula's subject
        elif d.pos[i] == "VERB" and any(dep[c] == "auxpass" for c in kids[i]):
            # "she was heartened by …": the one the passive is said of
            sources = [r for c in kids[i] if dep[c] == "nsubjpass" for r in res.group(tokens[c])]
        else:
            continue
        causes = [p for c in kids[i] if dep[c] in ("prep", "agent") and lower[c] in preps
                  for p in kids[c] if dep[p] == "pobj"]
        targets = [r for p in causes for r in _actors_of(res, tokens[p])]
        if not targets and any(lower[p] in families()["second_person"] for p in causes):
            targets = _addressees(res, tokens[i])  # "``we are proud of you,'' she told the staff": the staff
        if not targets:
            continue
        if not sources or all(s is None for s in sources):
            continue
        out.append(Candidate(tokens[i], code, sources, targets, (), 0.5))
    return out


def _addressees(res, tok) -> list:
    """The actors a verb of telling addresses ("she told the staffers"), when `tok` is in what it reports."""
    verb = reporting_verb(tok)
    d = res.d
    if verb is None or d.lemma[verb.i] not in families()["addressing_verbs"]:
        return []
    return [r for c in d.kids[verb.i] if d.dep[c] == "dobj" for r in res.group(d.tokens[c]) if r is not None and r.code]


def _actors_of(res, noun) -> list:
    """The actor a cause names: itself ("with Ghana"), its owner ("Morales's refusal") or the actor in
    a phrase inside it ("help from Ghana", "the help we have received from officials in Ghana")."""
    refs = [r for r in res.group(noun) if r is not None and (r.code or r.entity)]
    if refs:
        return refs
    d = res.d
    for c in d.kids[noun.i]:
        if d.dep[c] == "poss" or (d.dep[c] in ("compound", "amod") and d.pos[c] == "PROPN"):
            refs = [r for r in res.one(d.tokens[c]) if r is not None and r.code]
            if refs:
                return refs
    for c in d.kids[noun.i]:
        if d.dep[c] == "prep" and d.lower[c] in _CAUSE_INSIDE:
            refs = [r for p in d.kids[c] if d.dep[p] == "pobj" for r in res.group(d.tokens[p]) if r is not None and r.code]
            if refs:
                return refs
        if d.dep[c] == "relcl":  # "the help we have received from officials in Ghana"
            for pr in d.kids[c]:
                if d.dep[pr] == "prep" and d.lower[pr] in _CAUSE_INSIDE:
                    refs = [r for p in d.kids[pr] if d.dep[p] == "pobj" for r in _actors_of(res, d.tokens[p])]
                    if refs:
                        return refs
    return []


def readiness(res, sent, consumed: set[int], coded: set[int]) -> list[Candidate]:
    """"Israel was willing to modify its goals", "we are ready to talk": an intent (030) to do what
    no event word of the sentence names, by the one who is willing, toward the object of the act."""
    d = res.d
    kids, dep, lower, tokens = d.kids, d.dep, d.lower, d.tokens
    out = []
    for i in range(sent.start, sent.end):
        if lower[i] not in READY or dep[i] != "acomp" or is_negated(tokens[i]) or is_negated(tokens[d.heads[i]]):
            continue
        acts = [c for c in kids[i] if dep[c] == "xcomp" and c not in coded and c not in consumed]
        head = d.heads[i]
        if not acts or any(lower[t] in _OPEN_CLAUSE for t in d.subtree(head) if t < i):
            continue  # "how far they are willing to go", "when a company is ready to sell": no act stated
        sources = res.subject(tokens[d.heads[i]])
        if sources:
            out.append(Candidate(tokens[acts[0]], "030", sources, res.objects(tokens[acts[0]]), (), 0.45))
    return out


_COOPERATIVE_ROOTS = {"03", "04", "05", "06", "07", "08"}
_SAYING = {"say", "tell", "add", "insist", "stress", "argue", "declare", "write", "state"}
_FIRST_PERSON = {"we", "i", "us", "me"}


def asked_family(verb) -> str:
    """What saying that someone must do `verb` is: an appeal for a cooperative act (02), else a demand (10)."""
    rule = rules_for(verb, verb_rules())
    return "appeal" if rule is not None and rule.code and rule.code[:2] in _COOPERATIVE_ROOTS else "demand"


def obliged_in_quote(res, tok, family, code) -> tuple | None:
    """(speaker, the obliged) when a speaker's own quote says others must or should do this act: "All
    Baltic governments must coordinate in building a shared air defence," she said."""
    d, i = res.d, tok.i
    if d.dep[i] == "ccomp" and d.lemma[d.heads[i]] in _SAYING:
        return None  # "``… must cooperate,'' he said": the verb of saying carries the appeal (below)
    if family is not None or not code or code[:2] in ("01", "02", "10") or d.pos[i] != "VERB" \
            or not any(d.dep[c] == "aux" and d.lower[c] in OBLIGATION for c in d.kids[i]):
        return None
    subj = [c for c in d.kids[i] if d.dep[c] == "nsubj"]
    if not subj or d.lower[subj[0]] in _FIRST_PERSON or not res._in_quotation(tok):
        return None
    speaker = res._direct_speaker(tok) or res._speaker_of(tok)
    obliged = res.group(res.tokens[subj[0]])
    if speaker is None or not speaker.code or any(r.code == speaker.code for r in obliged if r):
        return None
    return speaker, obliged


def penalty_if(d, clause: int) -> tuple[int, int] | None:
    """(penalty noun, doer) of "there would be consequences if X does Y": a conditional threat to X."""
    if d.lemma[clause] != "be" or not any(d.dep[c] == "expl" for c in d.kids[clause]):
        return None
    penalty = next((c for c in d.kids[clause] if d.dep[c] in ("attr", "nsubj") and d.lemma[c] in penalties()[1]), None)
    doer = next((s for c in d.subtree(clause) if d.dep[c] == "advcl" and any(  # also "a price to pay if …"
        d.dep[m] == "mark" and d.lower[m] in ("if", "unless") for m in d.kids[c])
        for s in d.kids[c] if d.dep[s] == "nsubj"), None)
    return (penalty, doer) if penalty is not None and doer is not None else None
