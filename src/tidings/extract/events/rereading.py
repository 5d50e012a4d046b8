"""Events a first reading of the verb or noun gets wrong, read on the odd half of the dev set (docs/EVENTS.md,
"Sixth round: roots read on the odd half"; words in data/cameo/recall.yaml, with recall.py's).

- New candidates: an accusation the parser reads as an adjective ("Iraq alleged Ritter was a spy"), people
  in custody (173, by the police of the place), what a goal is said to be (an intent).
- Verb candidates recoded or dropped: a rally calling for something is the protest, an appeal to stay away
  from a country a travel warning (160); no act between actors (a body charged with a task, a state
  destroying its own arms, a thing threatened by a danger, a document calling for its terms, letting "it"
  happen, questioning as the purpose of custody), a vow that only frames the threat its clause states,
  protesting as the purpose of a demonstration.
- Nouns: a noun dating a verb ("after its invasion of Kuwait") is an event even inside a complement; a
  visit or talks after "on"/"through" are the clause subject's; "rather than a clash" is none;
  questioning with no one named is the police's.
"""
from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

from .actors import is_passive
from .assemble import Candidate
from .lexicon import (complement_content, content_of_code, families, family_code, has_words, noun_rules, rules_for,
                      subtree_text)
from .modality import is_negated, reporting_verb
from .senses import implicit_agent

__all__ = ["case_of", "contrasted", "custody_candidates", "goal_candidates", "goal_intents", "implicit_noun_agent",
           "misparsed_accusations", "names_a_unit", "necessity_appeals", "necessity_candidates", "no_act", "on_trip", "protest_aims", "protest_purpose", "protest_threats", "said_again",
           "time_adjunct", "travel_warnings"]

DATA = Path(__file__).resolve().parents[2] / "data" / "cameo" / "recall.yaml"


@cache
def _data() -> dict:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    return {k: tuple(v) if isinstance(v, list) else v for k, v in data.items()}


def _text(d, idxs) -> str:
    return " " + " ".join(d.lower[t] for t in sorted(idxs)) + " "


def time_adjunct(d, i: int) -> bool:
    """Whether noun i dates a verb: the object of "after", "since", "before" … hung on a verb
    ("the sanctions imposed after its invasion of Kuwait")."""
    head = d.heads[i]
    return d.dep[i] == "pobj" and d.lower[head] in _data()["adjunct_time_preps"] and d.pos[d.heads[head]] == "VERB"


def on_trip(res, noun, code: str) -> list:
    """Who is on a visit, tour or round of talks a noun names after "on", "through" or "during" hung on
    a verb: that verb's subject ("paid tribute to the victims on a visit to East Africa", "led his team
    on a tour of weapons sites", "refused to sign through two days of talks"); else []."""
    s = _data()
    d, i = res.d, noun.i
    head = d.heads[i]
    if d.dep[i] == "pobj" and d.lower[head] == "of" and d.lemma[d.heads[head]] in s["spell_nouns"]:
        i = d.heads[head]  # "through two days of negotiations"
        head = d.heads[i]
    if code[:2] not in s["trip_roots"] or d.lemma[noun.i] not in s["trip_nouns"] or d.dep[i] != "pobj" \
            or d.lower[head] not in s["trip_preps"]:
        return []  # not "during a town hall meeting", "agreed on an inquiry"
    if d.lemma[noun.i] in s["journey_nouns"] and not any(
            d.dep[c] == "prep" and d.lower[c] in ("to", "of") for c in d.kids[noun.i]):
        return []  # "adopted a plan on his southern trips": no trip the clause reports
    verb = d.heads[head]
    for _ in range(3):  # the parser may hang the phrase on a noun of the clause
        if d.pos[verb] == "VERB" or d.heads[verb] == verb:
            break
        verb = d.heads[verb]
    if d.pos[verb] != "VERB":
        return []
    return [r for r in res.subject(d.tokens[verb]) if r is not None]


def contrasted(d, i: int) -> bool:
    """Whether noun i is set aside as what did not happen: "rather than a quarrel between two
    states, the row is …", "instead of talks"."""
    head = d.heads[i]
    if d.dep[i] != "pobj":
        return False
    if d.lower[head] == "than":
        return any(d.lower[c] in _data()["contrast_words"] for c in d.kids[head]) or (
            head > 0 and d.lower[head - 1] in _data()["contrast_words"])
    return d.lower[head] == "of" and head > 0 and d.lower[head - 1] == "instead"


def names_a_unit(d, i: int) -> bool:
    """Whether noun i names an office rather than an act: the first of two nouns that share an office
    noun the parser hangs on it as a conjunct ("the fraud investigation and customs departments")."""
    units = _data()["unit_nouns"]
    return any(d.dep[c] == "conj" and d.lemma[c] in units and any(d.dep[k] == "compound" for k in d.kids[c])
               for c in d.kids[i])


def case_of(d, i: int, code: str, attack_roots) -> bool:
    """Whether the attack that noun i names is only the case that suspects, a probe or a trial are about
    ("a man held as a suspect in the consulate bombing", "the inquiry into the blasts"): told before, no new mention."""
    head = d.heads[i]
    return code[:2] in attack_roots and d.dep[i] == "pobj" and d.lower[head] in ("in", "into", "of", "for", "over") \
        and d.lemma[d.heads[head]] in _data()["case_nouns"]


def implicit_noun_agent(res, noun, code: str, made: bool = False) -> list:
    """Who made an arrest or questioning a noun names with no one named doing it: the police of the
    place, or the police that report it, as for a passive arrest ("after three days of questioning",
    "more arrests had been made"); else []. `made`: the noun is the subject of a passive light verb
    ("arrests were made"), a new act told as done, whose codes are those of passive verbs (eighth round)."""
    if code[:3] not in _data()["implicit_noun_codes"] and not (made and code[:3] in _data()["made_noun_codes"]):
        return []
    agent = implicit_agent(res, noun, code)
    return [agent] if agent is not None else []


def misparsed_accusations(res, sent, coded: set[int]) -> list[Candidate]:
    """Accusations (112; 1125 of spying) the parser hides as an adjective with a subject of its own:
    "Iran alleged Smith was a British spy" ("alleged" an amod of "Smith") → IRN 1125 Smith."""
    s = _data()
    d = res.d
    out = []
    for i in range(sent.start, sent.end):
        if i in coded or d.dep[i] != "amod" or d.lemma[i] not in s["accusing_verbs"] or d.tokens[i].tag_ != "VBD":
            continue
        subjects = [c for c in d.kids[i] if d.dep[c] == "nsubj" and c < i]
        if not subjects or is_negated(d.tokens[i]):
            continue
        accused = d.heads[i]
        clause = d.heads[accused] if d.dep[accused] in ("nsubj", "nsubjpass") else accused
        code = "1125" if has_words(_text(d, d.subtree(clause)), s["espionage_words"]) else "112"
        sources = [r for r in res.group(d.tokens[subjects[0]]) if r is not None]
        if any(r.code for r in sources):
            out.append(Candidate(d.tokens[i], code, sources, res.group(d.tokens[accused]), (), 0.5))
    return out


def custody_candidates(res, sent, coded: set[int]) -> list[Candidate]:
    """People said to be or remain in custody or detention are held (173) by the police of the country
    where that is (as a passive arrest with no agent): "three men were in detention awaiting trial"."""
    s = _data()
    d = res.d
    out = []
    for i in range(sent.start, sent.end):
        if i in coded or d.lemma[i] not in s["custody_verbs"] or is_negated(d.tokens[i]):
            continue
        held = [c for c in d.kids[i] if d.dep[c] == "prep" and d.lower[c] in ("in", "into")
                and any(d.dep[p] == "pobj" and d.lower[p] in s["custody_nouns"] for p in d.kids[c])]
        subjects = [c for c in d.kids[i] if d.dep[c] in ("nsubj", "nsubjpass")]
        if not held or not subjects or d.pos[subjects[0]] not in ("NOUN", "PROPN", "PRON"):
            continue
        agent = implicit_agent(res, d.tokens[i], "173")
        if agent is not None:
            out.append(Candidate(d.tokens[i], "173", [agent], res.group(d.tokens[subjects[0]]), (), 0.45))
    return out


def _goal(res, i: int):
    """(owners, negated) when verb i states what a noun of intent is ("our goal is to reunite the boy
    and his father", "the aim is to end the fighting"): the noun's owner; else None."""
    d = res.d
    head = d.heads[i]
    if d.dep[i] not in ("xcomp", "attr") or d.lemma[head] != "be" or head == i:
        return None
    nouns = set(families()["intent_nouns"]) | set(_data()["goal_nouns"])
    subjects = [c for c in d.kids[head] if d.dep[c] == "nsubj" and d.lower[c] in nouns]
    if not subjects:
        return None
    poss = [c for c in d.kids[subjects[0]] if d.dep[c] == "poss"]
    owners = [r for c in poss for r in res.group(d.tokens[c]) if r is not None]
    if not owners and poss and d.lower[poss[0]] in ("our", "my"):  # "'Our goal is …,' the minister said"
        said = reporting_verb(d.tokens[head])
        owners = [r for r in res.subject(said) if r is not None] if said is not None else []
    return (owners, is_negated(d.tokens[head])) if owners else None


def goal_candidates(res, sent, coded: set[int]) -> list[Candidate]:
    """An intent (03, by the act's content) for an act that a noun of intent is said to be, when no
    verb rule codes the act: "our goal is to reunite the boy and his father" → 030 by "our"."""
    d = res.d
    out = []
    for i in range(sent.start, sent.end):
        if i in coded or d.pos[i] != "VERB":
            continue
        found = _goal(res, i)
        if found is None:
            continue
        owners, negated = found
        content = complement_content([d.tokens[i]], "intent")
        out.append(Candidate(d.tokens[i], family_code("intent", content) if content else "030", owners,
                             res.objects(d.tokens[i]), (), 0.45, negated=negated))
    return out


def goal_intents(res, verbs: list) -> None:
    """Recode, in place, a coded act that a noun of intent is said to be as its owner's intent: "our
    aim is to withdraw the troops" → 0356 (an intent, not a withdrawal)."""
    for cand in verbs:
        if cand.code[:2] in ("01", "02", "03", "10", "11", "12", "13"):
            continue
        found = _goal(res, cand.tok.i)
        if found is None:
            continue
        owners, negated = found
        content = content_of_code(cand.code)
        cand.code = family_code("intent", content) if content else "030"
        cand.sources = cand.sources if any(r is not None and r.code for r in cand.sources) else owners
        cand.negated = negated


def said_again(d, cand, verbs: list) -> bool:
    """Whether a generic intent (030) only frames the promise or threat its clause states: "vowed they
    would block any attempt …" is the threat coded on "block" (133), not a second, empty intent."""
    if cand.code != "030":
        return False
    i = cand.tok.i
    clauses = {c for c in d.kids[i] if d.dep[c] in ("ccomp", "xcomp")}
    if d.dep[i] == "xcomp":  # "continued to vow they would block …": the parser hangs the clause on "continued"
        clauses |= {c for c in d.kids[d.heads[i]] if d.dep[c] == "ccomp" and c > i}
    return any(o is not cand and o.tok.i in clauses and o.code[:2] in ("03", "13") for o in verbs)


def protest_purpose(d, cand, verbs: list) -> bool:
    """Whether a verb of protesting (11) only says what a demonstration coded on the verb it hangs on is
    for: "marched …, burning flags to protest the killings" is the demonstration (141), not criticism too."""
    i = cand.tok.i
    if cand.code[:2] != "11" or d.lemma[i] not in _data()["protest_verbs"] or d.dep[i] not in ("advcl", "xcomp"):
        return False
    return any(o.tok.i == d.heads[i] and o.code[:2] == "14" for o in verbs)


def no_act(res, cand) -> bool:
    """Whether a verb candidate names no act between actors: a body charged with a task ("charged the
    monitors with checking …", not "charged with murdering"), a state destroying its own arms
    ("Iraq has destroyed its missiles"), something threatened by a thing ("the vote is threatened by
    violence": the violence is the event), a document calling for something ("an accord calling for
    prisoner exchanges": its terms)."""
    s = _data()
    d, i = res.d, cand.tok.i
    kids, dep = d.kids, d.dep
    if cand.code[:3] == "173" and d.lemma[i] in s["tasking_verbs"]:
        tasks = [p for c in kids[i] if dep[c] == "prep" and d.lower[c] == "with" for p in kids[c]
                 if dep[p] in ("pcomp", "pobj")]
        return bool(tasks) and all(d.lower[p] in s["task_gerunds"] for p in tasks)
    if cand.code in s["property_codes"]:
        return any(dep[o] == "dobj" and any(dep[p] == "poss" and d.lower[p] in s["own_words"] for p in kids[o])
                   for o in kids[i])
    if cand.code[:2] == "13" and is_passive(d, i):
        agents = [p for c in kids[i] if dep[c] == "agent" for p in kids[c] if dep[p] == "pobj"]
        return bool(agents) and all(d.lemma[p] in s["danger_nouns"] or any(
            dep[q] == "prep" and d.lower[q] == "of" and any(d.lemma[o] in s["danger_nouns"] for o in kids[q])
            for q in kids[p]) for p in agents)
    if cand.code[:2] in ("02", "10") and dep[i] == "acl":
        return d.lemma[d.heads[i]] in s["document_nouns"]
    if cand.code[:2] == "08" and d.lemma[i] in s["letting_verbs"]:  # "allow it to slip away": no one let in
        return any(dep[c] in ("ccomp", "xcomp") and any(dep[a] == "nsubj" and d.lower[a] == "it" for a in kids[c])
                   for c in kids[i])
    if cand.code[:2] in s["event_subject_roots"] and not any(r is not None and r.code for r in cand.sources):
        # "the blasts will not stop Egypt from seeking closer ties": an event, no one, prevents
        table = noun_rules()
        return any(dep[c] == "nsubj" and getattr(rules_for(d.tokens[c], table), "code", "none") not in ("none", None)
                   for c in kids[i])
    if cand.code[:2] == "09" and dep[i] == "pcomp" and d.lower[d.heads[i]] == "for":
        # "held in custody for questioning", "arrested for questioning": the purpose of the arrest
        held = d.heads[d.heads[i]]
        return d.lemma[held] in s["holding_verbs"] or any(
            dep[c] == "prep" and any(d.lower[p] in s["custody_nouns"] for p in kids[c]) for c in kids[held])
    return False


def protest_aims(res, verbs: list) -> None:
    """Make an appeal or demand hung on a protest noun the protest, in place: "rallies calling for the
    return of the boy" → 141 (the rally, its aim what it calls for), not an appeal by no one."""
    d = res.d
    for cand in verbs:
        i = cand.tok.i
        if cand.code[:2] not in ("02", "10") or d.dep[i] != "acl" or d.pos[d.heads[i]] != "NOUN":
            continue
        rule = rules_for(d.tokens[d.heads[i]], noun_rules())
        if rule is not None and rule.family is None and rule.code[:2] == "14":
            asked = next((content for fam in ("appeal", "demand") for content, code in families()["codes"][fam].items()
                          if code == cand.code), "")
            aim = _data()["protest_aims"].get(asked)
            cand.code = rule.code + aim if aim and len(rule.code) == 3 else rule.code


def travel_warnings(res, verbs: list) -> None:
    """Make an appeal to people to stay away from or avoid a country a travel warning, in place: it
    reduces relations with that country (160), as "warned against all travel to X" does: "urged
    Americans to stay away from Kenya and Tanzania" → 160 KEN, 160 TZA."""
    s = _data()
    d = res.d
    kids, dep = d.kids, d.dep
    for cand in verbs:
        if cand.code[:2] != "02":
            continue
        places = []
        for c in kids[cand.tok.i]:
            if dep[c] != "xcomp" or d.lemma[c] not in s["avoiding_verbs"]:
                continue
            holders = [c] + [a for a in kids[c] if dep[a] == "advmod" and d.lower[a] == "away"]
            objs = [o for h in holders for o in kids[h] if dep[o] == "dobj"]
            objs += [p for h in holders for q in kids[h] if dep[q] == "prep" and d.lower[q] == "from"
                     for p in kids[q] if dep[p] == "pobj"]
            places += [r for o in objs for r in res.group(d.tokens[o]) if r is not None and r.code and len(r.code) == 3]
        if places:
            cand.code, cand.targets = "160", places


def protest_threats(res, verbs: list) -> None:
    """Make a pledge or vow to hold or join protests a threat of protest (133), in place: the intent
    family reads protest words as easing dissent (0352), which only a pledge to end or call off the
    protests is ("vowed to stage protests against the government" → 133; "pledged to call off the
    strike" stays 0352)."""
    s = _data()
    d = res.d
    for cand in verbs:
        if cand.code != "0352" or d.lemma[cand.tok.i] not in s["protest_pledge_verbs"]:
            continue  # "agreed to march only along the agreed route": a concession, not a threat
        comps = [d.tokens[c] for c in d.kids[cand.tok.i] if d.dep[c] in ("xcomp", "ccomp")]
        if comps and not has_words(subtree_text(comps), s["easing_dissent_words"]):
            cand.code = "133"


def _necessity(d, i: int) -> tuple[int, int] | None:
    """(the adjective, the clause) when token i is "it is essential/vital … that X does Y", or its
    pseudo-cleft "what is essential (for me) is that X does Y" / "the important thing is that X does
    Y" (eighth round), else None."""
    if d.lemma[i] != "be":
        return None
    words = _data()["necessity_words"]
    if any(d.dep[c] in ("nsubj", "expl") and d.lower[c] == "it" for c in d.kids[i]):
        adj = next((c for c in d.kids[i] if d.dep[c] == "acomp" and d.lower[c] in words), None)
    else:
        adj = next((a for c in d.kids[i] for a in d.kids[c] if (
            d.dep[c] == "csubj" and d.lemma[c] == "be" and d.dep[a] == "acomp" and d.lower[a] in words
            and any(d.dep[w] == "nsubj" and d.lower[w] == "what" for w in d.kids[c])) or (
            d.dep[c] == "nsubj" and d.lemma[c] in _data()["necessity_heads"] and d.dep[a] == "amod"
            and d.lower[a] in words)), None)
    clause = next((c for c in d.kids[i] if d.dep[c] == "ccomp" and any(
        d.dep[m] == "mark" and d.lower[m] == "that" for m in d.kids[c])), None) if adj is not None else None
    return (adj, clause) if clause is not None and not is_negated(d.tokens[i]) else None


def _appeal_roles(res, be: int, clause: int) -> tuple[list, list]:
    """(speaker, the one appealed to) of "it is essential that X does Y" at copula `be`."""
    d = res.d
    reporter = reporting_verb(d.tokens[be])
    sources = [r for r in res.subject(reporter) if r is not None] if reporter is not None else []
    if not sources and res._in_quotation(d.tokens[be]):  # a quote's own sentence: its speaker says it
        speaker = res._direct_speaker(d.tokens[be]) or res._speaker_of(d.tokens[be])
        sources = [speaker] if speaker is not None and speaker.code else []
    # only an active clause: in "vital that young people are informed" they are not the ones asked
    if any(d.dep[c] == "nsubj" and d.lower[c] in _data()["first_person"] for c in d.kids[clause]):
        return sources, []  # "the vital thing is that we hold firm": the speaker's own aim, no appeal
    targets = [r for c in d.kids[clause] if d.dep[c] == "nsubj" for r in res.group(d.tokens[c]) if r is not None]
    return sources, targets


def necessity_appeals(res, verbs: list) -> None:
    """Saying "it is essential/vital that X does Y" appeals to X for Y (02, by Y's content), by the
    speaker: an act coded in the that-clause becomes the appeal, in place ("it is vital that Syria
    withdraws its troops" → 0256, not Syria's withdrawal)."""
    d = res.d
    for cand in verbs:
        i = cand.tok.i
        found = _necessity(d, d.heads[i]) if d.dep[i] == "ccomp" else None
        if found is None or found[1] != i or cand.code[:2] in ("01", "02", "10"):
            continue
        sources, targets = _appeal_roles(res, d.heads[i], i)
        if sources and targets:
            code = family_code("appeal", content_of_code(cand.code))
            cand.tok, cand.code, cand.sources, cand.targets = d.tokens[found[0]], code, sources, targets


def necessity_candidates(res, sent, coded: set[int]) -> list[Candidate]:
    """A generic appeal (020) for "it is essential that X does Y" whose clause no rule codes: "it is
    essential that Spain keeps its farm subsidies", said by an opposition leader."""
    d = res.d
    out = []
    for i in range(sent.start, sent.end):
        found = _necessity(d, i)
        if found is None or found[1] in coded or found[0] in coded:
            continue
        sources, targets = _appeal_roles(res, i, found[1])
        if sources and targets:
            out.append(Candidate(d.tokens[found[0]], "020", sources, targets, (), 0.45))
    return out
