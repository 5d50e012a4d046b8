"""Nouns that name actions ("troop buildup", "talks with Y", "the killings of X by Y") as event
candidates, and a protest "to demand" something merged into one protest event by its aim."""
from __future__ import annotations

from functools import cache

from ..actors.code import info
from .actors import Resolver, is_passive
from .assemble import RECIPROCAL_ROOTS, Candidate
from .lexicon import (NO_EVENT, codebook, complement_content, families, family_code, has_prep, is_light, lookup_keys,
                      noun_rules, rules_for)
from .modality import governing_verb
from .senses import acting_sources, perpetrators, senses, speaker, speaking_person, struck_facilities
from .attribution import attributed_to
from .recall import claimed_by, in_verbal_complement, state_strike
from .rereading import case_of, contrasted, implicit_noun_agent, names_a_unit, on_trip, time_adjunct
from .travel import host_country, inspected_host

__all__ = ["noun_candidates", "merge_protest_demands"]

_REACTION_ROOTS = {"09", "11", "14"}  # investigating, criticising, protesting what someone else did
# cooperation, aid and concessions come "from" their source, and so do criticism, opposition and threats
_GIVING_ROOTS = {"05", "06", "07", "08", "11", "13"}
_NOUN_TARGET_PREPS = {"with", "against", "on", "of", "near", "into", "over", "to", "toward", "towards", "at", "for",
                      "from", "in"}


def noun_candidates(res: Resolver, sent, consumed: set[int], verb_toks: dict[int, str]) -> list[Candidate]:
    """Nouns naming actions; `verb_toks`: the verb events of the sentence, token → root."""
    cands = []
    d = res.d
    kids, dep, pos, lower, heads, tokens = d.kids, d.dep, d.pos, d.lower, d.heads, d.tokens
    table = noun_rules()
    for i in range(sent.start, sent.end):
        refused = i in consumed and _refused_request(verb_toks.get(heads[i], ""), None, dep[i])
        if (i in consumed and not time_adjunct(d, i) and not refused) or dep[i] == "compound" or (pos[i] != "NOUN" and not (
                pos[i] in ("PROPN", "X") and any(" " in k and k in table for k in lookup_keys(tokens[i])))):
            continue  # a noun; or a tagged-odd head of a multi-word event noun ("coup d'etat"); a noun that
            # dates a clause another verb's complement holds is an event of its own ("will not lift the
            # sanctions imposed after its invasion of Kuwait": the invasion)
        tok = tokens[i]
        rule = rules_for(tok, table)
        if rule is None or rule.code == NO_EVENT or (refused and not _refused_request("12", rule.code, dep[i])):
            continue
        if case_of(d, i, rule.code, senses()["attack_roots"]):
            continue  # "a man held as a suspect in the consulate bombing": the case, told before
        if rule.code == "057" and dep[i] == "pobj":
            continue  # "complies with the agreement", "under the accord": an agreement referred to, not made
        if rule.code[:2] == "16" and d.lemma[heads[i]] in senses()["lifting_words"]:
            continue  # "plans to end the EU's arms embargo": the embargo is what would end, not imposed now
        head = heads[i]
        # "more arrests were made": the passive's subject is the light verb's object (eighth round)
        made = dep[i] == "nsubjpass" and is_passive(d, head) and is_light(tokens[head])
        light = made or (dep[i] in ("dobj", "attr") and is_light(tokens[head]))
        # "protested the killings … by Serb police": the parser often hangs the noun's by-agent on the verb
        misplaced_by = dep[i] == "dobj" and not has_prep(d, i, "by") and has_prep(d, head, "by") \
            and not is_passive(d, head)
        if head in verb_toks and (not light or verb_toks[head] in (rule.code[:2], "02", "03", "10", "12", "13")) \
                and not (verb_toks[head] in _REACTION_ROOTS and (has_prep(d, i, "by") or misplaced_by)) \
                and not _refused_request(verb_toks[head], rule.code, dep[i]):
            # the verb's event ("held talks" coded on "held", "wants to renew talks") is this one; not
            # so for what is protested or investigated with its doer named ("protested the killings … by Serb police")
            continue
        if in_verbal_complement(d, i, verb_toks) or contrasted(d, i) or names_a_unit(d, i):
            continue  # "proposed a new round of talks": what is proposed, not held; "rather than a clash";
            # "the fraud investigation and customs departments": an office
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
        received_by = []
        if not sources and dep[i] == "dobj" and d.lemma[head] in senses()["receiving_verbs"]:
            # "Israel drew criticism from Egypt": the from-phrase on the verb gives, the subject receives
            sources = [r for c in kids[head] if dep[c] == "prep" and lower[c] == "from"
                       for p in kids[c] if dep[p] == "pobj" for r in res.group(tokens[p])]
            if sources:
                received_by = [r for r in res.subject(tokens[head]) if r is not None and r.code]
        pair = res.premodifier_pair(tok)
        if not sources and pair:
            sources = pair[:1]
        if not sources and light:
            sources = res.subject(tokens[head])
        if not sources:
            sources = perpetrators(res, tok, rule.code) or claimed_by(res, tok, rule.code) or attributed_to(
                res, tok, rule.code, senses()["attack_roots"])  # "the group planned the attacks", "blamed on X"
        if not sources and rule.code[:2] in RECIPROCAL_ROOTS:
            # "talks between Israel and Syria", "clashes between police and protesters": both sides
            sides = [r for c in kids[i] if dep[c] == "prep" and lower[c] in ("between", "among")
                     for p in kids[c] if dep[p] == "pobj" for r in res.group(tokens[p]) if r is not None]
            sources = sides if len(sides) >= 2 else []
        if not sources and rule.code[:2] in RECIPROCAL_ROOTS and has_prep(d, i, "with"):
            # "kept her party away pending talks with Merkel": the clause's subject meets
            sources = res.subject(governing_verb(tok))
        relative = None if sources else _relative_light_verb(d, i)
        if relative is not None:  # "the good cooperation we had with Ghana": the relative clause's subject
            sources = res.subject(tokens[relative])
        if not sources and not struck:
            sources = implicit_noun_agent(res, tok, rule.code, made)  # "after three days of questioning": the police
        trip = [] if sources else on_trip(res, tok, rule.code)
        if trip:  # "paid tribute … on a brief tour of West Africa": the one paying tribute visits
            sources = trip
        if not sources and not struck:
            continue
        targets = list(struck) or received_by  # "the U.S. Embassy bombings": the building hit
        for c in () if targets else kids[i]:
            if c != agent_prep and dep[c] == "prep" and lower[c] in _NOUN_TARGET_PREPS:
                for p in kids[c]:
                    if dep[p] == "pobj":
                        targets = res.group(tokens[p]) or res._inside(tokens[p])
                if targets:
                    break
        if not targets and light:  # "placed the blame on Munero": the light verb's phrase
            targets = [r for r in res.objects(tokens[head], ("on", "against", "at", "with", "to")) if r is not None]
        if not targets and relative is not None and sources:
            targets = [r for r in res.objects(tokens[relative], ("with", "to", "on", "against")) if r is not None]
        if trip and not targets and rule.code == "042" and has_prep(d, i, "to"):
            targets = [r for r in [host_country(res, trip[0])] if r is not None]  # "a visit to East Africa": where filed
        if not targets and rule.code[:2] == "09":
            targets = inspected_host(res, tok, sources)  # "led his team on a tour of two depots" (filed abroad)
        if not targets and rule.code[:2] == "11":
            # "accusations that the government had mistreated the boy": aimed at the doer of what they allege
            targets = [r for c in kids[i] if dep[c] in ("acl", "ccomp") for r in res.subject(tokens[c])]
        if not targets and rule.code[:2] == "13":
            # "warnings from Moscow that US strikes would harm relations": the one warned is the doer of what
            # the warning foresees, when another country's (not "threats that Iran would close the strait")
            home = {(r.code or "")[:3] for r in sources if r is not None}
            verb = governing_verb(tok).i  # the parser often hangs the that-clause on the verb over the noun
            clauses = [c for c in kids[i] if dep[c] in ("acl", "ccomp")] + [
                c for c in kids[verb] if dep[c] == "ccomp" and c > i and any(
                    dep[m] == "mark" and lower[m] == "that" for m in kids[c])]
            targets = [r for c in clauses for r in res.subject(tokens[c])
                       if r is not None and r.code and r.code[:3] not in home][:1]
        code = rule.code
        if rule.family:
            comps = [tokens[p] for c in kids[i] if dep[c] == "prep" for p in kids[c] if dep[p] == "pobj"]
            code = family_code(rule.family, complement_content(comps, rule.family))
        if code[:2] in ("18", "19") and d.lemma[i] in senses()["verbal_attack_verbs"] and not has_prep(d, i, "by") \
                and d.lemma[head] not in senses()["perpetration_verbs"] and (  # "ordered an attack": force
                (light and any(dep[c] == "nsubj" and speaker(res, c) for c in kids[head]))
                or (relative is not None and any(dep[c] == "nsubj" and (speaker(res, c) or _campaigner(res, c))
                                                 for c in kids[relative]))  # "an attack he leveled at X"
                or any(dep[c] == "poss" and _campaigner(res, c) for c in kids[i])):
            code = "111"  # "Trump launched an attack against Obama", "Clinton's gun control offensive": words
        code = state_strike(code, d.lemma[i], sources)  # "the president had ordered the strikes": force
        if code[:2] == "04" and dep[i] in ("nsubj", "nsubjpass", "dobj") and d.lemma[head] in senses()["ending_verbs"]:
            code = "164"  # "talks have been cut off": negotiations halted, not held
        if pair and not targets:  # "Israel-Syrian talks": the two sides
            sources, targets = (pair, []) if code[:2] in RECIPROCAL_ROOTS else (pair[:1], pair[1:2])
        cands.append(Candidate(tok, code, sources, targets, (), 0.45, noun=True, reciprocal=agent_prep is None))
    return cands


def _relative_light_verb(d, i: int) -> int | None:
    """The light verb of a relative clause whose object is the noun at `i` ("the cooperation we have
    had with Kenya", "the talks they held in May"), or None."""
    for c in d.kids[i]:
        if d.dep[c] == "relcl" and is_light(d.tokens[c]) and not any(
                d.dep[k] in ("dobj", "attr", "ccomp", "xcomp") for k in d.kids[c]):
            return c
    return None


def _refused_request(verb_root: str, code: str | None, dep: str) -> bool:
    """A demand or appeal that a refusal turns down, told as the clause's subject, was made: "the U.S.
    demand for his extradition was refused by the Taliban" codes the demand as well as the refusal. As
    the refusal's object ("Iran rejected the American demand") it is only the refusal's target."""
    return verb_root == "12" and (code is None or code[:2] in ("02", "10") or code in ("@appeal", "@demand")) \
        and dep in ("nsubj", "nsubjpass")


def _campaigner(res: Resolver, tok: int) -> bool:
    """A named person who campaigns rather than commands: no government, military or armed code
    ("her relentless attacks on the senator": whom "her" stands for)."""
    e = res.tok_entity.get(tok)
    if e is None and res.d.pos[tok] == "PRON":
        ref = res.pronoun(res.tokens[tok])
        e = res.record.entity(ref.entity) if ref is not None and ref.entity else None
    return speaking_person(e, e.actor_code if e else None) and (e.actor_code or "")[3:6] not in ("GOV", "MIL", "COP", "SPY")


_PROTEST_AIMS = {"leadership": "1", "policy": "2", "reform": "2", "rights": "3", "institutions": "4"}


@cache
def _content_of_codes() -> dict[str, str]:
    """The content word of each appeal and demand code (read-only)."""
    return {code: content for fam in ("appeal", "demand") for content, code in families()["codes"][fam].items()}


def merge_protest_demands(cands: list[Candidate]) -> list[Candidate]:
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
