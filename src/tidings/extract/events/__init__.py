"""Event coding: who did what to whom, in CAMEO codes, from the dependency parse.

For each sentence:
  1. match verbs (by lemma, phrasal particle and preposition) against verbs.yaml and
     nouns naming actions against nouns.yaml; a rule may require words among the
     verb's dependents ("lift" + sanctions → 085, "lift" + curfew → 0813);
  2. verbs of appeal, intent, demand, rejection and threat take their sub-code from
     their complement ("urged Uganda to repatriate …" → 021 family by content);
  3. a concrete action stated with will/would/shall is a commitment (CAMEO: "express
     intent", or a threat when the action is conflictual);
  4. source = subject (passive: the by-agent), target = object, dative, prepositional
     object or the possessor inside the object; nominal events take possessors and
     nationality adjectives as source;
  5. "said" (010) is kept only when the sentence has no other event;
  6. modality, date, place and attribution from the clause (see modality).
"""
from __future__ import annotations

import logging
from functools import cache

from .._doc import DocView
from ...record import Article, Event
from ..actors.code import info
from .actors import ActorRef, Resolver, is_passive
from .lexicon import (NO_EVENT, Rule, code_of_content, codebook, dependent_text, dictionary_code, families, petrarch_verbs, content_from_words, content_of_code,
                      family_code, joined_text, lookup_keys, match_rules, noun_rules, verb_rules)
from . import scope as article_scope
from .assemble import MAX_EVENTS_PER_SENTENCE, RECIPROCAL_ROOTS, Candidate, build_events, confirmed_headline, repeats
from .discards import token_discards
from .attitudes import feeling_candidates, intended
from .modality import governing_verb, is_negated
from .senses import (acting_sources, admitting_body, attacker_of, implicit_agent, is_modifier_participle, joined_body, perpetrators,
                     scene_target, shared_agent, senses, speaker, struck_facilities, thing_subject, verbal_attack, visit_target)
from ..actors import publication_day

__all__ = ["extract_events"]

log = logging.getLogger("tidings.events")

LIGHT_VERBS = {"make", "hold", "have", "conduct", "launch", "carry", "stage", "impose", "begin", "start", "continue",
               "mount", "announce", "order", "resume", "renew", "open", "pass", "issue", "express", "reiterate", "deliver",
               "raise", "repeat", "level", "voice", "lodge", "file", "keep", "place", "lay", "put", "give"}
_FIGHT_VERBS = {"fight", "battle", "attack", "confront", "combat", "engage"}
_OPEN_CLAUSE = {"how", "when", "whenever", "if", "whether", "unless"}
_READY = {"ready", "willing", "prepared", "determined", "eager", "keen"}
_OBLIGATION = {"must", "should"}
_WANT = {"want", "wish", "seek"}  # "wants to attack": an intent
_FLIP_TO_CRITICIZE = {"tolerate", "condone"}
_CLAIM_VERBS = {"claim", "charge", "contend"}  # "claimed that X was undermining …" accuses X
_FLIP_TO_REJECT = {"accept", "agree", "allow", "permit", "release", "lift", "support", "recognize", "meet", "end",
                   "cooperate", "approve", "comply", "yield", "negotiate"}
_VERBAL_ROOTS = {"01", "02", "03", "10", "11", "12", "13"}
_REACTION_ROOTS = {"09", "11", "14"}  # investigating, criticising, protesting what someone else did
_GIVING_ROOTS = {"05", "06", "07", "08"}  # cooperation, aid and concessions come "from" their source
_NOUN_TARGET_PREPS = {"with", "against", "on", "of", "near", "into", "over", "to", "toward", "towards", "at", "for",
                      "from", "in"}


def _is_light(tok) -> bool:
    """A verb whose object names the event ("held talks", "staged a coup"), by lemma or by the
    suffix-stripped forms lookup_keys gives for the lemmatizer's slips ("staged" → "stag")."""
    return any(k in LIGHT_VERBS for k in lookup_keys(tok))


def _subtree_text(toks) -> str:
    return joined_text(toks, skip_adjectives=True)


def _rules_for(tok, table, instrument_subject=False):
    """The first rule of `table` that holds for `tok`; `instrument_subject` may be a function of no
    arguments, called when first needed (only tokens with a dictionary entry need it)."""
    for key in lookup_keys(tok):
        if key in table:
            rule = match_rules(tok, table[key])
            if (rule is None or not (rule.any or rule.prep)) and instrument_subject and (
                    not callable(instrument_subject) or (instrument_subject := instrument_subject())):
                rule = match_rules(tok, table[key], with_subject=True) or rule
            if rule is not None:
                return rule
    return None


def _instrument_subject(res: Resolver, tok) -> bool:
    """A subject that is a thing, not an actor: "a car bomb killed …", "the blast destroyed …"."""
    d = res.d
    dep, pos = d.dep, d.pos
    for c in d.kids[tok.i]:
        if dep[c] in ("nsubj", "nsubjpass") and pos[c] == "NOUN":
            return not res.one(d.tokens[c])
        if dep[c] == "nsubj" and d.lower[c] in ("that", "which") and dep[tok.i] == "relcl":
            head = d.heads[tok.i]  # "the blast that killed 10 people": the blast
            return pos[head] == "NOUN"  # its rules' words say which things count
    if dep[tok.i] == "conj" and not any(dep[c] in ("nsubj", "nsubjpass") for c in d.kids[tok.i]):
        return _instrument_subject(res, d.tokens[d.heads[tok.i]])  # "bombs killed 12 and injured 50"
    return False


def _complements(d, tok) -> list:
    """Clauses and phrases that say what an appeal/promise/demand/refusal/threat is about."""
    kids, dep, lower, tokens = d.kids, d.dep, d.lower, d.tokens
    out = [tokens[c] for c in kids[tok.i] if dep[c] in ("xcomp", "ccomp")]
    for c in kids[tok.i]:
        if dep[c] == "prep" and lower[c] in ("for", "on", "upon", "to", "of"):
            for p in kids[c]:
                if dep[p] == "pobj":
                    out.append(tokens[p])
                    out.extend(tokens[a] for a in kids[p] if dep[a] in ("acl", "relcl", "xcomp"))
        if dep[c] in ("dobj", "attr"):
            out.append(tokens[c])
            out.extend(tokens[a] for a in kids[c] if dep[a] in ("acl", "xcomp"))
        if dep[c] == "acomp" and lower[c] in _READY:
            out.extend(tokens[a] for a in kids[c] if dep[a] == "xcomp")
    return out


def _content(comps, family: str) -> str | None:
    if not comps:
        return None
    content = content_from_words(_subtree_text(comps), family)
    if content:
        return content
    pos = info(comps[0].doc).pos
    for c in comps:
        table = verb_rules() if pos[c.i] in ("VERB", "AUX") else noun_rules()
        rule = _rules_for(c, table)
        if rule is not None and rule.family is None and rule.code != NO_EVENT:
            content = content_of_code(rule.code)
            if content:
                return content
    return None


def _family_target(res: Resolver, tok, family: str, comps, own: bool = True) -> list[ActorRef]:
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
        elif comp_pos == "ADJ":  # "committed to a possible strike against Iraq"
            refs = res.objects(comp)
            if refs:
                return refs
    return res.objects(tok) if own else []


def _verb_candidates(res: Resolver, sent, consumed: set[int]) -> list[Candidate]:
    cands = []
    d = res.d
    kids, dep, pos, lower, tokens, heads = d.kids, d.dep, d.pos, d.lower, d.tokens, d.heads
    table = verb_rules()
    for i in range(sent.start, sent.end):
        if pos[i] != "VERB" or i in consumed or is_modifier_participle(d, i):
            continue
        tok = tokens[i]
        if dep[i] == "pcomp" and pos[heads[heads[i]]] == "NOUN" and _rules_for(tokens[heads[heads[i]]], noun_rules()):
            continue  # "cooperation from Kenya in probing the bombings": what the noun's event is about
        admitter = admitting_body(res, tok)
        if admitter is not None:  # "were accepted as members of NATO": NATO admits them
            cands.append(Candidate(tok, _commitment(d, tok, "057"), [admitter], res.passive_target(tok), (), 0.5))
            continue
        rule = _rules_for(tok, table, lambda: _instrument_subject(res, tok))
        if rule is not None and rule.code == NO_EVENT:
            continue
        conf = 0.6 if rule is not None and (rule.any or rule.prep) else 0.5
        subject = None  # the verb's subject, worked out once when first needed
        if rule is None:
            if d.lemma[i] in senses()["visit_verbs"]:
                subject = res.subject(tok)
            visited = visit_target(res, tok, subject) if subject else None
            if visited is not None:
                cands.append(Candidate(tok, _commitment(d, tok, "042"), subject, [visited], (), 0.5))
                continue
            body = joined_body(res, tok)
            if body is not None:  # "Poland … became members of NATO"
                subject = res.subject(tok) if subject is None else subject
                cands.append(Candidate(tok, _commitment(d, tok, "057"), subject, [body], (), 0.5))
                continue
            # the PETRARCH verb dictionary fills what the hand lexicon lacks; statements (01) stay
            # with the hand lexicon, and a verb with no pattern and no code of its own is no event.
            # Its events need a coded source: look for one before reading the patterns.
            if not any(k in petrarch_verbs()[0] for k in lookup_keys(tok)):
                continue
            subject = res.subject(tok) if subject is None else subject
            if not any(r is not None and r.code for r in subject) or thing_subject(res, tok):
                continue  # no coded actor, or a thing acting ("EU farm money came to the UK")
            if _is_light(tok) and any(dep[c] in ("dobj", "attr") and _rules_for(tokens[c], noun_rules())
                                                 for c in kids[i]):
                continue  # "made a surprise trip": the event noun says what happened
            found = dictionary_code(tok)
            if found is None or found[0] is None or found[0][:2] in ("01", "00") or found[1] not in _DICT_TRUST:
                continue
            rule, conf = Rule(code=found[0]), (0.5 if found[1] == "pattern" else 0.4)
            from_dictionary = True
        else:
            from_dictionary = False
        family = rule.family
        code = rule.code
        negated = is_negated(tok)
        if negated and family is None and d.lemma[i] in _FLIP_TO_REJECT:
            family, code = "reject", None  # "did not accept …" is a rejection
        elif negated and family is None and d.lemma[i] in _FLIP_TO_CRITICIZE:
            code = "111"  # "will not tolerate attacks" is a condemnation of them (asserted, see assemble)
        comps = _complements(d, tok) if family else []
        # "X said Y must …": a demand by X on Y; "X said he was skeptical/confident …": a comment
        if family is None and code == "010":
            for c in kids[i]:
                if dep[c] != "ccomp":
                    continue
                if {lower[a] for a in kids[c] if dep[a] == "aux"} & _OBLIGATION:
                    family, comps = "demand", [tokens[c]]
                    break
                if d.lemma[i] in _CLAIM_VERBS and _conflictual(tokens[c]):
                    # "Russia has often claimed that Ukraine was undermining …": an accusation of the doer
                    subject = res.subject(tok) if subject is None else subject
                    accused = [r for a in kids[c] if dep[a] in ("nsubj", "nsubjpass") for r in res.group(tokens[a])]
                    if accused:
                        cands.append(Candidate(tok, "112", subject, accused, (tokens[c],), 0.5))
                        code = None
                        break
                mood = _stance(d, c)
                if mood == "intent":
                    family, comps = "intent", [tokens[a] for a in kids[c] if dep[a] == "acomp"]
                    comps += [tokens[x] for a in comps for x in kids[a.i] if dep[x] in ("xcomp", "prep")]
                    break
                if mood:
                    code = mood
                    if mood[:2] == "11":  # "said Mr Straw was naive": criticism of the one judged
                        subject = res.subject(tok) if subject is None else subject
                        judged = [r for a in kids[c] if dep[a] in ("nsubj", "nsubjpass") for r in res.group(tokens[a])]
                        if not judged and any(dep[p] == "poss" and pos[p] == "PRON" for a in kids[c]
                                              if dep[a] in ("nsubj", "nsubjpass") for p in kids[a]):
                            judged = res.objects(tok)  # "told the British minister that his plan was a mistake"
                        cands.append(Candidate(tok, code, subject, judged, (tokens[c],), 0.5))
                        code = None
                    break
            if code is None:
                continue
        if family:
            content = _content(comps, family)
            if content is None and code and not code.startswith("@"):
                content = content_of_code(code)
            code = family_code(family, content)
            conf += 0.15 if content else 0.0
            sources = res.subject(tok) if subject is None else subject
            if family == "threaten" and sources and sources[0].country:
                third = [r for c in comps if pos[c.i] in ("VERB", "AUX") for sj in kids[c.i]
                         if dep[sj] in ("nsubj", "nsubjpass") for r in res.group(tokens[sj])]
                if third and third[0].country and third[0].country != sources[0].country:
                    continue  # a warning about what someone else may do: the inner event is coded on its own
            for c in comps:
                if pos[c.i] in ("VERB", "AUX"):
                    consumed.update(d.subtree(c.i))
                elif pos[c.i] == "NOUN":
                    consumed.add(c.i)  # "calls for Israel's withdrawal": the withdrawal is what is asked
            targets = _family_target(res, tok, family, comps, own=rule.family is not None or family != "intent")
            if family == "demand" and code != "010" and rule.family is None:
                targets = [r for c in comps for s in kids[c.i] if dep[s] in ("nsubj", "nsubjpass")
                           for r in res.group(tokens[s])]
            home = {(r.code or "")[:3] for r in sources if r is not None}
            if content and not any(t is not None and t.code and t.code[:3] not in home for t in targets):
                # "told the cabinet Israel was willing to withdraw from southern Lebanon": where the act is aimed
                inner = code_of_content(content)
                scene = next((t for c in comps if pos[c.i] == "VERB"
                              for t in [scene_target(res, c, inner, sources)] if t is not None), None) if inner else None
                targets = [scene] if scene is not None else targets
        else:
            passive = is_passive(d, i)
            preps = (rule.target,) if rule.target else None
            sources = res.subject(tok) if subject is None else subject
            if passive and code[:2] == "15":
                # "troops are deployed against Ukraine": the deployed are the actor
                sources = sources or res.passive_target(tok)
                targets = res.objects(tok, ("against", "to", "near", "into", "on"))
            else:
                targets = res.passive_target(tok) if passive else (res.objects(tok, preps) if preps else res.objects(tok))
                if passive and not sources:
                    sources = [r for c in kids[i] if dep[c] == "prep" and lower[c] in ("in", "by")
                               for p in kids[c] if dep[p] == "pobj" for r in res.noun_source(tokens[p])]
                if passive and not sources:
                    sources = shared_agent(res, tok)
                if passive and not sources and code[:2] in ("18", "19"):
                    # "soldiers have been killed fighting Hezbollah": killed by those they fought
                    sources = [r for c in kids[i] if dep[c] in ("advcl", "xcomp") and d.lemma[c] in _FIGHT_VERBS
                               for r in res.objects(tokens[c])]
                if passive and not sources:
                    agent = implicit_agent(res, tok, code)
                    sources = [agent] if agent else []
            if preps and not passive:
                targets = _with_targets(res, tok, preps) or targets or res.objects(tok)
                if rule.prep and not any(t is not None and (t.code or t.entity) for t in targets):
                    continue  # "speaking with customary anonymity": talking with no one named is no meeting
            if rule.any and targets:  # "use force": the word the sense rests on is no target
                targets = [t for t in targets if t is None or (t.name or "").lower() not in rule.any]
            if not targets and code[:2] == "11":
                # "authorities allege the attacks were plotted by X", "claimed that Ukraine was
                # undermining …": an accusation is aimed at the doer of what it alleges
                targets = [r for c in kids[i] if dep[c] == "ccomp" for r in res.subject(tokens[c])]
            code = verbal_attack(res, tok, code, dependent_text(tok))
            if not passive:
                targets = attacker_of(res, tok, code, targets)
            if not targets:
                scene = scene_target(res, tok, code, sources)
                targets = [scene] if scene is not None else targets
            code = _commitment(d, tok, code)
        if from_dictionary and not _dictionary_actors_ok(sources, targets):
            continue
        cands.append(Candidate(tok, code, sources, targets, tuple(comps), conf,
                               negation_coded=negated and d.lemma[i] in _FLIP_TO_CRITICIZE))
    return cands


# Which readings of the PETRARCH verb dictionary are trusted where the hand lexicon has no entry:
# a matched pattern only. A verb's own or its block's default code was measured on the whole-
# article dev set (tools/events_dev.py) to add about as many false events as true ones.
_DICT_TRUST = {"pattern"}


def _dictionary_actors_ok(sources, targets) -> bool:
    """A verb only the PETRARCH dictionary knows is coded when both its source and its target are
    coded actors of different countries (precision first: the dictionary's patterns are read
    loosely off the parse)."""
    src = {r.code[:3] for r in sources if r is not None and r.code}
    tgt = {r.code[:3] for r in targets if r is not None and r.code}
    return bool(src) and bool(tgt - src)  # "the 747 she had flown in from Washington": no American acts on America


def _has_prep(d, i: int, word: str) -> bool:
    return any(d.dep[c] == "prep" and d.lower[c] == word for c in d.kids[i])


def _with_targets(res: Resolver, tok, preps: tuple[str, ...]) -> list[ActorRef]:
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


def _stance(d, clause: int) -> str | None:
    """The comment a copular clause makes: "he was skeptical" → 012, "confident" → 013, "committed to" → intent."""
    dep, lemma = d.dep, d.lemma
    words = {lemma[a] for a in d.kids[clause] if dep[a] in ("acomp", "attr")}
    if lemma[clause] in ("be", "remain", "feel") or words:
        stances = families()["stance_words"]
        for mood, lemmas in stances.items():
            if words & set(lemmas):
                return mood
    return None


def _commitment(d, tok, code: str) -> str:
    """A concrete action stated with will/would/shall, as ready/willing to, or wanted/planned ("wants to
    attack") is a commitment or threat."""
    if code[:2] in _VERBAL_ROOTS or d.lemma[tok.i] in _performative():
        return code  # "I want to thank you": a thanks, not an intent to thank
    i, dep, lower = tok.i, d.dep, d.lower
    aux = {lower[c] for c in d.kids[i] if dep[c] == "aux"}
    ready = dep[i] == "xcomp" and (lower[d.heads[i]] in _READY or d.lemma[d.heads[i]] in _WANT)
    if not (aux & {"will", "would", "shall", "'ll", "’ll", "wo"} or ready):
        return code
    content = content_of_code(code)
    return family_code("intent", content) if content else code


@cache
def _performative() -> frozenset[str]:
    return frozenset(families()["performative_verbs"])


def _noun_candidates(res: Resolver, sent, consumed: set[int], verb_toks: dict[int, str]) -> list[Candidate]:
    """Nouns naming actions; `verb_toks`: the verb events of the sentence, token → root."""
    cands = []
    d = res.d
    kids, dep, pos, lower, heads, tokens = d.kids, d.dep, d.pos, d.lower, d.heads, d.tokens
    table = noun_rules()
    for i in range(sent.start, sent.end):
        if pos[i] not in ("NOUN",) or i in consumed or dep[i] == "compound":
            continue
        tok = tokens[i]
        rule = _rules_for(tok, table)
        if rule is None or rule.code == NO_EVENT:
            continue
        if rule.code == "057" and dep[i] == "pobj":
            continue  # "complies with the agreement", "under the accord": an agreement referred to, not made
        if rule.code[:2] == "16" and d.lemma[heads[i]] in senses()["lifting_words"]:
            continue  # "plans to end the EU's arms embargo": the embargo is what would end, not imposed now
        head = heads[i]
        light = dep[i] in ("dobj", "attr") and _is_light(tokens[head])
        # "protested the killings … by Serb police": the parser often hangs the noun's by-agent on the verb
        misplaced_by = dep[i] == "dobj" and not _has_prep(d, i, "by") and _has_prep(d, head, "by") \
            and not is_passive(d, head)
        if head in verb_toks and (not light or verb_toks[head] in (rule.code[:2], "02", "03", "10", "12", "13")) \
                and not (verb_toks[head] in _REACTION_ROOTS and (_has_prep(d, i, "by") or misplaced_by)):
            # the verb's event ("held talks" coded on "held", "wants to renew talks") is this one; not
            # so for what is protested or investigated with its doer named ("protested the killings … by Serb police")
            continue
        sources, struck = struck_facilities(rule.code, acting_sources(res, rule.code, res.noun_source(tok)))
        agent_prep = None
        if not sources:
            # "attacks by Hun Sen's troops", "cooperation from Kenya": the agent in a phrase
            for c in kids[i] + ([k for k in kids[head] if dep[k] == "prep" and lower[k] == "by"] if misplaced_by else []):
                if dep[c] == "prep" and (lower[c] == "by" or (lower[c] == "from" and rule.code[:2] in _GIVING_ROOTS)):
                    sources = [r for p in kids[c] if dep[p] == "pobj" for r in res.group(tokens[p])]
                    if sources:
                        agent_prep = c
                        break
        pair = res.premodifier_pair(tok)
        if not sources and pair:
            sources = pair[:1]
        if not sources and light:
            sources = res.subject(tokens[head])
        if not sources:
            sources = perpetrators(res, tok, rule.code)  # "the group planned the attacks"
        if not sources and rule.code[:2] in RECIPROCAL_ROOTS:
            # "talks between Israel and Syria", "clashes between police and protesters": both sides
            sides = [r for c in kids[i] if dep[c] == "prep" and lower[c] == "between"
                     for p in kids[c] if dep[p] == "pobj" for r in res.group(tokens[p]) if r is not None]
            sources = sides if len(sides) >= 2 else []
        if not sources and rule.code[:2] in RECIPROCAL_ROOTS and _has_prep(d, i, "with"):
            # "kept his party out pending meetings with Blair": the clause's subject meets
            sources = res.subject(governing_verb(tok))
        if not sources and not struck:
            continue
        targets = list(struck)  # "the U.S. Embassy bombings": the building hit
        for c in () if targets else kids[i]:
            if c != agent_prep and dep[c] == "prep" and lower[c] in _NOUN_TARGET_PREPS:
                for p in kids[c]:
                    if dep[p] == "pobj":
                        targets = res.group(tokens[p]) or res._inside(tokens[p])
                if targets:
                    break
        if not targets and light:  # "placed the blame on Munero": the light verb's phrase
            targets = [r for r in res.objects(tokens[head], ("on", "against", "at", "with", "to")) if r is not None]
        if not targets and rule.code[:2] == "11":
            # "accusations that the government had mistreated the boy": aimed at the doer of what they allege
            targets = [r for c in kids[i] if dep[c] in ("acl", "ccomp") for r in res.subject(tokens[c])]
        code = rule.code
        if rule.family:
            comps = [tokens[p] for c in kids[i] if dep[c] == "prep" for p in kids[c] if dep[p] == "pobj"]
            code = family_code(rule.family, _content(comps, rule.family))
        if code[:2] in ("18", "19") and light and d.lemma[i] in senses()["verbal_attack_verbs"] \
                and not _has_prep(d, i, "by") and any(
                dep[c] == "nsubj" and speaker(res, c) for c in kids[head]):
            code = "111"  # "Trump launched an attack against Obama, calling him …": words
        if code[:2] == "04" and dep[i] in ("nsubj", "nsubjpass", "dobj") and d.lemma[head] in senses()["ending_verbs"]:
            code = "164"  # "talks have been cut off": negotiations halted, not held
        if pair and not targets:  # "Israel-Syrian talks": the two sides
            sources, targets = (pair, []) if code[:2] in RECIPROCAL_ROOTS else (pair[:1], pair[1:2])
        cands.append(Candidate(tok, code, sources, targets, (), 0.45, noun=True, reciprocal=agent_prep is None))
    return cands


_PROTEST_AIMS = {"leadership": "1", "policy": "2", "reform": "2", "rights": "3", "institutions": "4"}


@cache
def _content_of_codes() -> dict[str, str]:
    """The content word of each appeal and demand code (read-only)."""
    return {code: content for fam in ("appeal", "demand") for content, code in families()["codes"][fam].items()}


def _merge_protest_demands(cands: list[Candidate]) -> list[Candidate]:
    """A protest "to demand" something is one protest event, sub-coded by its aim (1411 … 1454)."""
    content_of = _content_of_codes()
    book = codebook()
    ancestors = info(cands[0].tok.doc).ancestors if cands else None
    dropped: set[int] = set()
    for c in cands:
        if c.code[:2] != "14" or c.code == "140":
            continue
        for d in cands:
            if d is c or d.code[:2] not in ("02", "10") or id(d) in dropped:
                continue
            if c.tok.i not in ancestors(d.tok.i):
                continue
            aim = _PROTEST_AIMS.get(content_of.get(d.code, ""))
            if aim and len(c.code) == 3 and c.code + aim in book:
                c.code = c.code + aim
            c.targets = c.targets or d.targets
            dropped.add(id(d))
    return [c for c in cands if id(c) not in dropped]


def _depth(heads: list[int], i: int) -> int:
    d = 0
    while heads[i] != i and d < 30:
        i, d = heads[i], d + 1
    return d


def _conflictual(verb) -> bool:
    """Whether a clause's verb names a hostile act (a sense of roots 11–20 in the hand lexicon or the
    dictionary's patterns): "was undermining", "had attacked"."""
    rule = _rules_for(verb, verb_rules())
    if rule is not None and rule.family is None and rule.code != NO_EVENT:
        return "11" <= rule.code[:2] <= "20"
    found = dictionary_code(verb) if any(k in petrarch_verbs()[0] for k in lookup_keys(verb)) else None
    return bool(found and found[0] and "11" <= found[0][:2] <= "20")


def _readiness(res: Resolver, sent, consumed: set[int], coded: set[int]) -> list[Candidate]:
    """"Israel was willing to modify its goals", "we are ready to talk": an intent (030) to do what
    no event word of the sentence names, by the one who is willing, toward the object of the act."""
    d = res.d
    kids, dep, lower, tokens = d.kids, d.dep, d.lower, d.tokens
    out = []
    for i in range(sent.start, sent.end):
        if lower[i] not in _READY or dep[i] != "acomp" or is_negated(tokens[i]) or is_negated(tokens[d.heads[i]]):
            continue
        acts = [c for c in kids[i] if dep[c] == "xcomp" and c not in coded and c not in consumed]
        head = d.heads[i]
        if not acts or any(lower[t] in _OPEN_CLAUSE for t in d.subtree(head) if t < i):
            continue  # "how far they are willing to go", "when a company is ready to sell": no act stated
        sources = res.subject(tokens[d.heads[i]])
        if sources:
            out.append(Candidate(tokens[acts[0]], "030", sources, res.objects(tokens[acts[0]]), (), 0.45))
    return out


def _sentence_events(res: Resolver, record: Article, doc, sent, si: int, times) -> list[Event]:
    consumed: set[int] = set()
    # family verbs first, so their complements are not coded twice
    verbs = _verb_candidates(res, sent, consumed)
    verbs = [c for c in verbs if c.tok.i not in consumed or c.code[:2] in ("02", "10", "12", "13")]
    intended(res, verbs)
    # a verb whose own event has no coded source does not stand for the noun it governs ("talks
    # between Israel and Syria resumed": the talks are the event, with their two sides)
    nouns = _noun_candidates(res, sent, consumed, {c.tok.i: c.code[:2] for c in verbs
                                                   if any(r is not None and r.code for r in c.sources)})
    coded = {c.tok.i for c in verbs}
    cands = _merge_protest_demands(verbs + nouns + _readiness(res, sent, consumed, coded)
                                   + feeling_candidates(res, sent, coded | consumed))
    if len([c for c in cands if c.code != "010"]) > 0:
        cands = [c for c in cands if c.code != "010"]
    tree = res.d.heads
    cands.sort(key=lambda c: (c.noun, _depth(tree, c.tok.i), c.tok.i))
    heads = {c.tok.i for c in cands}
    for c in cands:
        # the main clause's event outranks the subordinate ones: an event nested under another
        # event word of the sentence, or deeper in the parse, is less likely the sentence's point
        c.confidence -= min(0.15, 0.03 * _depth(tree, c.tok.i))
        if any(a in heads for a in res.d.ancestors(c.tok.i)):
            c.confidence -= 0.1
    events: list[Event] = []
    built: list[tuple[int, Event]] = []
    for cand in cands:
        for event in build_events(res, record, doc, sent, si, cand, times):
            if not repeats(res.d, cand.tok.i, event, built):
                events.append(event)
                built.append((cand.tok.i, event))
        if len(events) >= MAX_EVENTS_PER_SENTENCE:
            break
    return events[:MAX_EVENTS_PER_SENTENCE]


def extract_events(view: DocView, record: Article) -> list[Event]:
    """The events each sentence asserts, with actors, codes, modality, date, place and confidence."""
    doc = view.doc
    d = info(doc)
    discards = token_discards(d.lower, d.idx, d.text)
    phrase = next((p for _, _, p, story in discards if story), None)
    if phrase:  # sports, entertainment …: out of scope for event data
        log.debug("%s: no events coded (discard phrase %r)", record.id, phrase)
        return []
    scope = article_scope.out_of_scope(view, record)  # sports, entertainment, business or None
    if article_scope.codes_nothing(scope):
        log.debug("%s: no events coded (a %s article)", record.id, scope)
        return []
    out_of_scope = [start for start, _, _, story in discards if not story]
    res = Resolver(doc, record, publication_day(record))
    times: dict[int, list] = {}
    filed = res.dateline_span  # "BRUSSELS, December 2 (Xinhua) --": when the story was filed, not when things happened
    for t in record.times:
        if t.removed_line is None and not (filed and filed[0] <= t.start < filed[1]):
            times.setdefault(t.sentence, []).append(t)
    events: list[Event] = []
    for si, sent in enumerate(res.view.sents):
        if out_of_scope and any(sent.start_char <= at < sent.end_char for at in out_of_scope):
            continue
        try:
            events.extend(_sentence_events(res, record, doc, sent, si, times))
        except Exception as exc:  # one odd sentence must not lose the article's events
            log.warning("event coding failed on sentence %d of %s: %s", si, record.id, exc)
    events = [e for e in events if not article_scope.event_out_of_scope(e, record, scope)]  # business between companies
    events = confirmed_headline(events, record, res.view.sents)
    for n, event in enumerate(events, start=1):
        event.id = f"V{n}"
    return events
