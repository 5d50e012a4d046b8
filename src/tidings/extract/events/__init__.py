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
from ..actors.lexicon import cameo_code
from .actors import Resolver, is_passive
from .lexicon import (NO_EVENT, Rule, code_of_content, complement_content, dictionary_code, dependent_text,
                      families, family_code, is_light, lookup_keys, noun_rules, petrarch_verbs, content_of_code,
                      rules_for, verb_rules)
from . import scope as article_scope
from .assemble import MAX_EVENTS_PER_SENTENCE, Candidate, build_events, confirmed_headline, repeats
from .discards import token_discards
from .aims import clause_targets, definite_nouns, family_target, with_targets
from .context import context_actors
from .attitudes import (OBLIGATION, READY, asked_family, feeling_candidates, intended, obliged_in_quote, penalties,
                        penalty_if, readiness)
from .nouns import merge_protest_demands, noun_candidates
from . import recall
from .modality import is_negated
from .senses import (admitting_body, attacker_of, implicit_agent, implicit_agents, is_modifier_participle, joined_body, senses, shared_agent,
                     thing_subject)
from .figures import verbal_attack
from .travel import is_visit_verb, scene_target, visit_target
from ..actors import publication_day

__all__ = ["extract_events"]

log = logging.getLogger("tidings.events")

_FIGHT_VERBS = {"fight", "battle", "attack", "confront", "combat", "engage"}
_WANT = {"want", "wish", "seek"}  # "wants to attack": an intent
_FLIP_TO_CRITICIZE = {"tolerate", "condone", "justify"}  # "cannot be justified": a condemnation
_CLAIM_VERBS = {"claim", "charge", "contend"}  # "claimed that X was undermining …" accuses X
_FLIP_TO_REJECT = {"accept", "agree", "allow", "permit", "release", "lift", "support", "recognize", "meet", "end",
                   "cooperate", "approve", "comply", "yield", "negotiate"}
_CLAUSE_BREAKS = {"-", "–", "—", ";", "--"}
_VERBAL_ROOTS = {"01", "02", "03", "10", "11", "12", "13"}


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
    # a clause set off before the verb by a dash or semicolon is a sentence of its own ("X want … -
    # the Commission has urged an increase"), not what it asks for; a quote before it is ("'Compare
    # him to Hillary,' Gorka urged")
    out = [tokens[c] for c in kids[tok.i] if dep[c] in ("xcomp", "ccomp")
           and not (c < tok.i and any(d.text[k] in _CLAUSE_BREAKS for k in range(c + 1, tok.i)))]
    for c in kids[tok.i]:
        if dep[c] == "prep" and lower[c] in ("for", "on", "upon", "to", "of"):
            for p in kids[c]:
                if dep[p] == "pobj":
                    out.append(tokens[p])
                    out.extend(tokens[a] for a in kids[p] if dep[a] in ("acl", "relcl", "xcomp"))
                elif dep[p] == "pcomp":  # "looked forward to visiting Kenya", "insisted on returning"
                    out.append(tokens[p])
        if dep[c] in ("dobj", "attr"):
            out.append(tokens[c])
            out.extend(tokens[a] for a in kids[c] if dep[a] in ("acl", "xcomp"))
        if dep[c] == "acomp" and lower[c] in READY:
            out.extend(tokens[a] for a in kids[c] if dep[a] == "xcomp")
    return out


def _verb_candidates(res: Resolver, sent, consumed: set[int]) -> list[Candidate]:
    cands = []
    d = res.d
    kids, dep, pos, lower, tokens, heads = d.kids, d.dep, d.pos, d.lower, d.tokens, d.heads
    table = verb_rules()
    for i in range(sent.start, sent.end):
        copula = pos[i] == "AUX" and d.lemma[i] == "be" and dep[i] not in ("aux", "auxpass")  # "was in Tokyo"
        if (pos[i] != "VERB" and not copula) or i in consumed or is_modifier_participle(d, i):
            continue
        tok = tokens[i]
        if copula:
            if not is_visit_verb(d, i):
                continue  # only "X was in <a place>" can be a visit: the subject is worked out after that
            subject = res.subject(tok)
            visited = visit_target(res, tok, subject) if subject else []
            if visited:
                cands.append(Candidate(tok, _commitment(d, tok, "042"), subject, visited, (), 0.5))
            continue
        if dep[i] == "pcomp" and pos[heads[heads[i]]] == "NOUN" and rules_for(tokens[heads[heads[i]]], noun_rules()):
            continue  # "cooperation from Kenya in probing the bombings": what the noun's event is about
        admitter = admitting_body(res, tok)
        if admitter is not None:  # "were accepted as members of NATO": NATO admits them
            cands.append(Candidate(tok, _commitment(d, tok, "057"), [admitter], res.passive_target(tok), (), 0.5))
            continue
        if (enlarged := recall.enlarging_body(res, tok)) is not None:  # "NATO was expanded to include Greece"
            cands.append(Candidate(tok, _commitment(d, tok, "057"), [enlarged], recall.newcomers(res, tok), (), 0.5))
            continue
        rule = rules_for(tok, table, lambda: _instrument_subject(res, tok))
        if rule is not None and rule.code == NO_EVENT:
            continue
        conf = 0.6 if rule is not None and (rule.any or rule.prep) else 0.5
        subject = None  # the verb's subject, worked out once when first needed
        if rule is None:
            if is_visit_verb(d, i):
                subject = res.subject(tok)
            visited = visit_target(res, tok, subject) if subject else []
            if visited:
                cands.append(Candidate(tok, _commitment(d, tok, "042"), subject, visited, (), 0.5))
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
            if is_light(tok) and any(dep[c] in ("dobj", "attr") and rules_for(tokens[c], noun_rules())
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
        asked_of = obliged_in_quote(res, tok, family, code)
        if asked_of is not None:  # "``All European states must cooperate,'' he said": he appeals to them
            speaker_ref, obliged = asked_of
            subject = [speaker_ref]
            family = asked_family(tok)
            code = None if code.startswith("@") else code
        comps = ([tok] if asked_of is not None else _complements(d, tok)) if family else []
        # "X said Y must …": a demand by X on Y; "X said he was skeptical/confident …": a comment
        if family is None and code == "010":
            for c in kids[i]:
                if dep[c] != "ccomp":
                    continue
                if {lower[a] for a in kids[c] if dep[a] == "aux"} & OBLIGATION:
                    family, comps = "demand", [tokens[c]]
                    break
                warned = penalty_if(d, c)
                if warned is not None:  # "said there would be serious economic consequences if Putin invades"
                    penalty, doer = warned
                    subject = res.subject(tok) if subject is None else subject
                    content = complement_content([tokens[penalty]], "threaten")
                    cands.append(Candidate(tok, family_code("threaten", content), subject, res.group(tokens[doer]),
                                           (tokens[c], tokens[heads[doer]]), 0.5))  # the if-clause makes it conditional
                    consumed.add(penalty)
                    code = None
                    break
                if d.lemma[i] in _CLAIM_VERBS and _conflictual(tokens[c]):
                    # "Serbia has long claimed that Kosovo was weakening …": an accusation of the doer
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
                            judged = res.objects(tok)  # "told the French envoy that her proposal was an error"
                        cands.append(Candidate(tok, code, subject, judged, (tokens[c],), 0.5))
                        code = None
                    break
            if code is None:
                continue
        targets_of_warning = []
        if family:
            content = complement_content(comps, family)
            if content is None and code and not code.startswith("@"):
                content = content_of_code(code)
            code = family_code(family, content)
            conf += 0.15 if content else 0.0
            sources = res.subject(tok) if subject is None else subject
            if family == "threaten":
                subjects = [sj for c in comps if pos[c.i] in ("VERB", "AUX") for sj in kids[c.i]
                            if dep[sj] in ("nsubj", "nsubjpass", "expl")]
                third = [r for sj in subjects for r in res.group(tokens[sj])]
                undergo, penalty = penalties()
                punished = [c for c in comps if d.lemma[c.i] in undergo and any(
                    dep[o] == "dobj" and d.lemma[o] in penalty for o in kids[c.i])]
                if punished and third:
                    targets_of_warning = third  # "warned that Iran would face serious consequences": a threat to Iran
                elif sources and sources[0].country and third and third[0].country and third[0].country != sources[0].country:
                    continue  # a warning about what someone else may do: the inner event is coded on its own
                if subjects and not third and all(pos[sj] not in ("PRON", "PROPN") for sj in subjects):
                    code = "012"  # "warned that the number killed could rise": a gloomy forecast, no threat
            for c in comps:
                if pos[c.i] in ("VERB", "AUX"):
                    consumed.update(d.subtree(c.i))
                elif pos[c.i] == "NOUN":
                    consumed.add(c.i)  # "calls for Israel's withdrawal": the withdrawal is what is asked
            targets = obliged if asked_of is not None else family_target(res, tok, family, comps,
                                                                own=rule.family is not None or family != "intent")
            if family == "threaten" and targets_of_warning:
                targets = targets_of_warning
            if family == "demand" and code != "010" and rule.family is None and asked_of is None:
                targets = [r for c in comps for s in kids[c.i] if dep[s] in ("nsubj", "nsubjpass")
                           for r in res.group(tokens[s])]
            home = {(r.code or "")[:3] for r in sources if r is not None}
            if content and not any(t is not None and t.code and t.code[:3] not in home for t in targets):
                # "told parliament Turkey was ready to pull out of northern Syria": where the act is aimed
                inner = code_of_content(content)
                scene = next((t for c in comps if pos[c.i] == "VERB"
                              for t in [scene_target(res, c, inner, sources)] if t), []) if inner else []
                targets = scene or targets
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
                if passive and code[:2] in _GIVEN_TO_ROOTS and not any(t is not None and t.code for t in targets):
                    # "three suspects were handed over to Spain": the receiver
                    targets = [r for c in kids[i] if dep[c] == "prep" and lower[c] == "to" for p in kids[c]
                               if dep[p] == "pobj" for r in res.group(tokens[p]) if r.code] or targets
                if passive and not sources:
                    sources = [r for c in kids[i] if dep[c] == "prep" and lower[c] in ("in", "by")
                               for p in kids[c] if dep[p] == "pobj" for r in res.noun_source(tokens[p])]
                if passive and not sources and d.lemma[i] in senses()["removal_verbs"]:
                    # "was expelled from the Labour party": the body one is put out of did it
                    sources = [r for c in kids[i] if dep[c] == "prep" and lower[c] == "from" for p in kids[c]
                               if dep[p] == "pobj" for r in res.group(tokens[p]) if r.code and len(r.code) >= 6]
                if passive and not sources:
                    sources = shared_agent(res, tok)
                if passive and not sources and code[:2] in ("18", "19"):
                    # "troops have died fighting the Taliban": killed by those they fought
                    sources = [r for c in kids[i] if dep[c] in ("advcl", "xcomp") and d.lemma[c] in _FIGHT_VERBS
                               for r in res.objects(tokens[c])]
                if passive and not sources:
                    sources = implicit_agents(res, tok, code)
                if not passive and sources and _pronoun_outsider(res, i, sources, code):
                    # "Police found explosives in a shed. They arrested two men": an arrest is the police's
                    agent = implicit_agent(res, tok, code)
                    sources = [agent] if agent else sources
            if preps and not passive:
                targets = with_targets(res, tok, preps) or targets or res.objects(tok)
                if rule.prep and not any(t is not None and (t.code or t.entity) for t in targets):
                    continue  # "speaking with customary anonymity": talking with no one named is no meeting
            if rule.any and targets:  # "use force": the word the sense rests on is no target
                targets = [t for t in targets if t is None or (t.name or "").lower() not in rule.any]
            if not targets:
                targets = clause_targets(res, i, code)
            code = verbal_attack(res, tok, code, dependent_text(tok))
            if code == NO_EVENT:
                continue
            if not passive:
                targets = attacker_of(res, tok, code, targets)
            if not targets:
                targets = scene_target(res, tok, code, sources)
            code = _commitment(d, tok, code)
            if code[:2] == "03" and code != rule.code and thing_subject(res, tok):
                continue  # "a deal that would allow the coast guard …": a thing commits no one
        if from_dictionary and not _dictionary_actors_ok(sources, targets):
            continue
        cands.append(Candidate(tok, code, sources, targets, tuple(comps), conf,
                               negation_coded=negated and d.lemma[i] in _FLIP_TO_CRITICIZE))
    return cands


# acts of giving whose passive names the receiver in a "to" phrase (material cooperation, aid, yielding)
_GIVEN_TO_ROOTS = {"06", "07", "08"}


def _pronoun_outsider(res, i: int, sources, code: str) -> bool:
    """Whether a pronoun subject of an arrest, a search or an expulsion stands for someone who
    cannot make one (rebels, civilians: "they" picked the wrong noun)."""
    d = res.d
    return code[:3] in ("173", "174", "091") and any(d.dep[c] == "nsubj" and d.pos[c] == "PRON" for c in d.kids[i]) \
        and all(r is not None and r.code and not r.code.startswith("IGO")
                and (r.code[3:6] or "GOV") not in _STATE_SECTORS for r in sources)


_STATE_SECTORS = {"GOV", "COP", "MIL", "SPY", "JUD", "LEG"}


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
    return bool(src) and bool(tgt - src)  # "the airliner she arrived on from Washington": no American acts on America


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
    ready = dep[i] == "xcomp" and (lower[d.heads[i]] in READY or d.lemma[d.heads[i]] in _WANT)
    if not (aux & {"will", "would", "shall", "'ll", "’ll", "wo"} or ready):
        return code
    content = content_of_code(code)
    return family_code("intent", content) if content else code


@cache
def _performative() -> frozenset[str]:
    return frozenset(families()["performative_verbs"])


def _depth(heads: list[int], i: int) -> int:
    d = 0
    while heads[i] != i and d < 30:
        i, d = heads[i], d + 1
    return d


def _conflictual(verb) -> bool:
    """Whether a clause's verb names a hostile act (a sense of roots 11–20 in the hand lexicon or the
    dictionary's patterns): "was undermining", "had attacked"."""
    rule = rules_for(verb, verb_rules())
    if rule is not None and rule.family is None and rule.code != NO_EVENT:
        return "11" <= rule.code[:2] <= "20"
    found = dictionary_code(verb) if any(k in petrarch_verbs()[0] for k in lookup_keys(verb)) else None
    return bool(found and found[0] and "11" <= found[0][:2] <= "20")


def _sentence_events(res: Resolver, record: Article, doc, sent, si: int, times) -> list[Event]:
    consumed: set[int] = set()
    # family verbs first, so their complements are not coded twice
    verbs = _verb_candidates(res, sent, consumed)
    verbs = [c for c in verbs if c.tok.i not in consumed or c.code[:2] in ("02", "10", "12", "13")]
    intended(res, verbs)
    verbs = recall.adjust_verbs(res, verbs)  # concern about what an actor does is disapproval; vague intents go
    # a verb whose own event has no coded source does not stand for the noun it governs ("talks
    # between Israel and Syria resumed": the talks are the event, with their two sides)
    nouns = noun_candidates(res, sent, consumed, {c.tok.i: c.code[:2] for c in verbs
                                                   if any(r is not None and r.code for r in c.sources)})
    recall.open_to(res, nouns)  # "Iran is open to talks": an intent, not a meeting
    coded = {c.tok.i for c in verbs}
    cands = merge_protest_demands(verbs + nouns + readiness(res, sent, consumed, coded)
                                   + feeling_candidates(res, sent, coded | consumed)
                                   + recall.candidates(res, sent, coded | consumed))
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
    events = recall.repeated_visits(events, d)  # "Albright's visit … was designed to …": reported before
    events = context_actors(events, record, definite_nouns(d, events))
    for n, event in enumerate(events, start=1):
        event.id = f"V{n}"
        for actor in (event.source, event.target):
            if actor is not None and actor.code:
                actor.code = cameo_code(actor.code)  # "XKX…" → "KSV…"
    return events
