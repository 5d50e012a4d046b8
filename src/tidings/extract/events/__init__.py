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
from dataclasses import dataclass, field
from functools import cache

from .._doc import DocView
from ...record import Article, Event, EventActor, Plover, SpanRef
from ..actors.code import info
from .actors import ActorRef, Resolver, is_passive
from .lexicon import (NO_EVENT, Rule, codebook, dependent_text, dictionary_code, families, petrarch_verbs, content_from_words, content_of_code,
                      family_code, joined_text, lookup_keys, match_rules, noun_rules, verb_rules)
from .discards import token_discards
from . import scope as article_scope
from .senses import (acting_sources, admitting_body, attacker_of, host_country, implicit_agent, is_modifier_participle,
                     joined_body, scene_target, senses, struck_facilities, verbal_attack, visit_target)
from .modality import event_date, event_place, governing_verb, is_negated, modality, reporting_verb
from ..actors import publication_day

__all__ = ["extract_events"]

log = logging.getLogger("tidings.events")

LIGHT_VERBS = {"make", "hold", "have", "conduct", "launch", "carry", "stage", "impose", "begin", "start", "continue",
               "mount", "announce", "order", "resume", "renew", "open", "pass", "issue", "express", "reiterate", "deliver"}
_READY = {"ready", "willing", "prepared", "determined", "eager", "keen"}
_OBLIGATION = {"must", "should"}
_WANT = {"want", "wish", "seek"}  # "wants to attack": an intent
_FLIP_TO_REJECT = {"accept", "agree", "allow", "permit", "release", "lift", "support", "recognize", "meet", "end",
                   "cooperate", "approve", "comply", "yield", "negotiate"}
_VERBAL_ROOTS = {"01", "02", "03", "10", "11", "12", "13"}
MAX_EVENTS_PER_SENTENCE = 8
# An event needs at least one actor (coded, or a named person/organisation, or a group
# such as "rebels"): "he asked a question" is not a political event. Requiring a coded
# actor, as GDELT does, cost 7 points of root accuracy on the CAMEO manual examples.
REQUIRE_ACTOR = True
_RECIPROCAL_ROOTS = {"03", "04", "05", "06", "19"}  # "X and Y clashed": each against the other
_MUTUAL_CODES = {"040", "046"}  # consultations and negotiations take two
_GIVING_ROOTS = {"05", "06", "07", "08"}  # cooperation, aid and concessions come "from" their source
_NOUN_TARGET_PREPS = {"with", "against", "on", "of", "near", "into", "over", "to", "toward", "towards", "at", "for",
                      "from", "in"}


@dataclass(slots=True)
class _Cand:
    tok: object
    code: str
    sources: list[ActorRef] = field(default_factory=list)
    targets: list[ActorRef] = field(default_factory=list)
    extra: tuple = ()  # complement tokens (their clause counts for modality)
    confidence: float = 0.5
    noun: bool = False
    reciprocal: bool = True  # "X and Y met" pairs X and Y; "cooperation from X and Y" does not


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


def _family_target(res: Resolver, tok, family: str, comps) -> list[ActorRef]:
    d = res.d
    kids, dep, pos, tokens = d.kids, d.dep, d.pos, d.tokens
    for c in kids[tok.i]:
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
    return res.objects(tok)


def _verb_candidates(res: Resolver, sent, consumed: set[int]) -> list[_Cand]:
    cands = []
    d = res.d
    kids, dep, pos, lower, tokens = d.kids, d.dep, d.pos, d.lower, d.tokens
    table = verb_rules()
    for i in range(sent.start, sent.end):
        if pos[i] != "VERB" or i in consumed or is_modifier_participle(d, i):
            continue
        tok = tokens[i]
        admitter = admitting_body(res, tok)
        if admitter is not None:  # "were accepted as members of NATO": NATO admits them
            cands.append(_Cand(tok, _commitment(d, tok, "057"), [admitter], res.passive_target(tok), (), 0.5))
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
                cands.append(_Cand(tok, _commitment(d, tok, "042"), subject, [visited], (), 0.5))
                continue
            body = joined_body(res, tok)
            if body is not None:  # "Poland … became members of NATO"
                subject = res.subject(tok) if subject is None else subject
                cands.append(_Cand(tok, _commitment(d, tok, "057"), subject, [body], (), 0.5))
                continue
            # the PETRARCH verb dictionary fills what the hand lexicon lacks; statements (01) stay
            # with the hand lexicon, and a verb with no pattern and no code of its own is no event.
            # Its events need a coded source: look for one before reading the patterns.
            if not any(k in petrarch_verbs()[0] for k in lookup_keys(tok)):
                continue
            subject = res.subject(tok) if subject is None else subject
            if not any(r is not None and r.code for r in subject):
                continue
            if d.lemma[i] in LIGHT_VERBS and any(dep[c] in ("dobj", "attr") and _rules_for(tokens[c], noun_rules())
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
        comps = _complements(d, tok) if family else []
        # "X said Y must …": a demand by X on Y; "X said he was skeptical/confident …": a comment
        if family is None and code == "010":
            for c in kids[i]:
                if dep[c] != "ccomp":
                    continue
                if {lower[a] for a in kids[c] if dep[a] == "aux"} & _OBLIGATION:
                    family, comps = "demand", [tokens[c]]
                    break
                mood = _stance(d, c)
                if mood == "intent":
                    family, comps = "intent", [tokens[a] for a in kids[c] if dep[a] == "acomp"]
                    comps += [tokens[x] for a in comps for x in kids[a.i] if dep[x] in ("xcomp", "prep")]
                    break
                if mood:
                    code = mood
                    break
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
            targets = _family_target(res, tok, family, comps)
            if family == "demand" and code != "010" and rule.family is None:
                targets = [r for c in comps for s in kids[c.i] if dep[s] in ("nsubj", "nsubjpass")
                           for r in res.group(tokens[s])]
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
                    agent = implicit_agent(res, tok, code)
                    sources = [agent] if agent else []
            if preps and not passive:
                targets = _with_targets(res, tok, preps) or targets or res.objects(tok)
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
        cands.append(_Cand(tok, code, sources, targets, tuple(comps), conf))
    return cands


# Which readings of the PETRARCH verb dictionary are trusted where the hand lexicon has no entry:
# a matched pattern only. A verb's own or its block's default code was measured on the whole-
# article dev set (tools/events_dev.py) to add about as many false events as true ones.
_DICT_TRUST = {"pattern"}


def _dictionary_actors_ok(sources, targets) -> bool:
    """A verb only the PETRARCH dictionary knows is coded when both its source and its target are
    coded actors (precision first: the dictionary's patterns are read loosely off the parse)."""
    return any(r is not None and r.code for r in sources) and any(r is not None and r.code for r in targets)


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
    if code[:2] in _VERBAL_ROOTS:
        return code
    i, dep, lower = tok.i, d.dep, d.lower
    aux = {lower[c] for c in d.kids[i] if dep[c] == "aux"}
    ready = dep[i] == "xcomp" and (lower[d.heads[i]] in _READY or d.lemma[d.heads[i]] in _WANT)
    if not (aux & {"will", "would", "shall", "'ll", "’ll", "wo"} or ready):
        return code
    content = content_of_code(code)
    return family_code("intent", content) if content else code


def _noun_candidates(res: Resolver, sent, consumed: set[int], verb_toks: dict[int, str]) -> list[_Cand]:
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
        head = heads[i]
        light = dep[i] in ("dobj", "attr") and d.lemma[head] in LIGHT_VERBS
        if head in verb_toks and (not light or verb_toks[head] == rule.code[:2]):
            continue  # the verb's event ("held talks" coded on "held") is this one
        sources, struck = struck_facilities(rule.code, acting_sources(res, rule.code, res.noun_source(tok)))
        agent_prep = None
        if not sources:
            # "attacks by Hun Sen's troops", "cooperation from Kenya": the agent in a phrase
            for c in kids[i]:
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
        if not sources and rule.code[:2] in _RECIPROCAL_ROOTS and _has_prep(d, i, "with"):
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
        code = rule.code
        if rule.family:
            comps = [tokens[p] for c in kids[i] if dep[c] == "prep" for p in kids[c] if dep[p] == "pobj"]
            code = family_code(rule.family, _content(comps, rule.family))
        if code[:2] == "04" and dep[i] in ("nsubj", "nsubjpass", "dobj") and d.lemma[head] in senses()["ending_verbs"]:
            code = "164"  # "talks have been cut off": negotiations halted, not held
        if pair and not targets:  # "Israel-Syrian talks": the two sides
            sources, targets = (pair, []) if code[:2] in _RECIPROCAL_ROOTS else (pair[:1], pair[1:2])
        cands.append(_Cand(tok, code, sources, targets, (), 0.45, noun=True, reciprocal=agent_prep is None))
    return cands


_PROTEST_AIMS = {"leadership": "1", "policy": "2", "reform": "2", "rights": "3", "institutions": "4"}


@cache
def _content_of_codes() -> dict[str, str]:
    """The content word of each appeal and demand code (read-only)."""
    return {code: content for fam in ("appeal", "demand") for content, code in families()["codes"][fam].items()}


def _merge_protest_demands(cands: list[_Cand]) -> list[_Cand]:
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


def _attribution(res: Resolver, record: Article, tok) -> tuple[str | None, str | None]:
    """(attributed_to, reporter's code): the quote holding the action, or the subject of its reporting verb."""
    idx = res.d.idx[tok.i]
    quote = None
    for q in record.quotes:
        if any(s <= idx < e for s, e in q.spans):
            ent = record.entity(q.speaker.entity) if q.speaker and q.speaker.entity else None
            if ent is not None and ent.actor_code:
                return q.id, ent.actor_code
            quote = q.id  # a speaker with no code: the reporting verb's subject may have one
            break
    reporter = reporting_verb(tok)
    if reporter is not None:
        subj = res.subject(reporter)
        if subj:
            return quote or subj[0].entity, subj[0].code
    return quote, None


def _build(res: Resolver, record: Article, doc, sent, si: int, cand: _Cand, times) -> list[Event]:
    book = codebook()
    entry = book.get(cand.code) or {}
    tok = cand.tok
    when = event_date(tok, sent, record, times, si, doc)
    attributed, reporter_code = _attribution(res, record, tok)
    if not cand.sources and cand.code[:2] in ("01", "11", "12") and reporting_verb(tok) is not None:
        cand.sources = res.subject(reporting_verb(tok))  # "officials say it bears the hallmarks of X"
    place = event_place(tok, record, si, doc)
    start, text = res.d.idx[tok.i], res.d.text[tok.i]
    action = SpanRef(start=start, end=start + len(text), text=text)
    sources = cand.sources or [None]
    targets = [t for t in cand.targets if t is not None] or [None]
    if targets == [None] and cand.code == "042" and len(cand.sources) == 1:
        targets = [host_country(res, cand.sources[0])]  # "during his state visit": the host
    pairs = [(src, tgt) for src in sources[:6] for tgt in targets[:6]][:MAX_EVENTS_PER_SENTENCE]
    if cand.reciprocal and len(cand.sources) >= 2 and cand.code[:2] in _RECIPROCAL_ROOTS and (
            targets == [None] or all(t.country in {s.country for s in cand.sources} for t in targets)):
        # "X and Y met": two reciprocal events, as CAMEO codes them
        pairs = [(a, b) for a in cand.sources[:3] for b in cand.sources[:3] if a is not b and a.country != b.country]
    mirrored = cand.code in _MUTUAL_CODES and len(pairs) == 1 and all(a is not None and a.code for a in pairs[0]) \
        and pairs[0][0].code[:3] != pairs[0][1].code[:3]
    if mirrored:
        pairs.append((pairs[0][1], pairs[0][0]))  # "X held talks with Y": Y held talks with X too
    out = []
    if REQUIRE_ACTOR and not any(a is not None or b is not None for a, b in pairs):
        return out
    for src, tgt in pairs:
        if src is not None and tgt is not None and src.code and src.code == tgt.code:
            if src.entity == tgt.entity or len(pairs) > 1:
                continue
            tgt = None  # an actor acting on its own kind: no target
        conf = cand.confidence + (0.15 if src is not None and src.code else -0.1) + (0.1 if tgt is not None and tgt.code else 0.0)
        mod = modality(tok, when, record, source_code=src.code if src else None, reporter_code=reporter_code,
                       extra_tokens=cand.extra)
        if mod == "negated" and cand.code[:2] == "12" and is_negated(tok):
            mod = "asserted"  # the negation was coded as the rejection itself
        if mod == "asserted" and src is not None and src.code and reporter_code \
                and reporter_code[:3] != src.code[:3] and reporting_verb(tok) is not None:
            # "Ukrainian officials said Russian troops attacked …": one side's account of what another did
            mod = "claimed"
        if mirrored and out:
            mod = out[0].modality  # one meeting, one modality, whichever side is named first
        out.append(Event(
            id="", sentence=si, action=action, cameo=cand.code, root=cand.code[:2], name=entry.get("name"),
            goldstein=entry.get("goldstein"), quad_class=entry.get("quad_class"),
            plover=Plover(type=entry["plover_type"], mode=entry.get("plover_mode")) if entry.get("plover_type") else None,
            source=_actor(src), target=_actor(tgt), modality=mod, attributed_to=attributed, date=when, place=place,
            confidence=round(max(0.05, min(conf, 0.95)), 2)))
    return out


def _actor(ref: ActorRef | None) -> EventActor | None:
    if ref is None:
        return None
    return EventActor(entity=ref.entity, code=ref.code, name=ref.name, start=ref.start, end=ref.end)


def _sentence_events(res: Resolver, record: Article, doc, sent, si: int, times) -> list[Event]:
    consumed: set[int] = set()
    # family verbs first, so their complements are not coded twice
    verbs = _verb_candidates(res, sent, consumed)
    verbs = [c for c in verbs if c.tok.i not in consumed or c.code[:2] in ("02", "10", "12", "13")]
    nouns = _noun_candidates(res, sent, consumed, {c.tok.i: c.code[:2] for c in verbs})
    cands = _merge_protest_demands(verbs + nouns)
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
    for cand in cands:
        events.extend(_build(res, record, doc, sent, si, cand, times))
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
    events = _confirmed_headline(events, record, res.view.sents)
    for n, event in enumerate(events, start=1):
        event.id = f"V{n}"
    return events


def _confirmed_headline(events: list[Event], record: Article, sents) -> list[Event]:
    """A headline's events stand only where the body reports an event of the same root: a
    headline is too short to parse reliably, and the story under it says what happened."""
    if not sents or not events:
        return events
    first = record.text[sents[0].start_char:sents[0].end_char].strip()
    title = (record.title or "").strip()
    headline = (title and first.startswith(title[:40])) or (first and first[-1] not in '.!?"\'”’)' and "\n\n" in
                                                            record.text[sents[0].start_char:sents[0].end_char + 2])
    if not headline:
        return events
    body_roots = {e.root for e in events if e.sentence > 0}
    return [e for e in events if e.sentence > 0 or e.root in body_roots]
