"""Force words that code no force: an attack in words by a speaker (111: "the senator attacked the
president" is criticism, "troops attacked the town" stays 190 — the subject decides, a person, an
official or a body that speaks, against an armed or unnamed agent), a politician "capturing" a
state, and figures of speech ("kill a bill", "market forces wrecking farms", "beat the governor" in a
race, "seized on the gaffe", "fired back at critics"). Word lists in data/cameo/senses.yaml."""
from __future__ import annotations

from ..actors.code import code_index
from .lexicon import NO_EVENT, dependent_text as dependent_text_of
from .senses import subject_token, armed, senses, speaker, speaking_person

__all__ = ["verbal_attack", "figurative"]


def verbal_attack(res, tok, code: str, dependent_text: str) -> str:
    """111 for an attack verb whose subject is a speaker rather than a fighter; NO_EVENT for
    a speaker seizing something with no force named ("Clinton captured Iowa"); else `code`."""
    s = senses()
    d, i = res.d, tok.i
    # "attacked him for being soft on guns": the reason given "for" is what the words are about, no weapon
    reasons = tuple(c for c in d.kids[i] if d.dep[c] == "prep" and d.lower[c] == "for"
                    and any(d.dep[k] == "pcomp" for k in d.kids[c]))
    if reasons:
        dependent_text = dependent_text_of(tok, without=reasons)
    if figurative(res, tok, code, dependent_text):
        return NO_EVENT
    if code[:2] not in s["attack_roots"] or any(w in dependent_text for w in s["force_words"]):
        return code
    subj = subject_token(d, i)
    if d.lemma[i] in s["winning_verbs"] and subj is not None and d.dep[subj] == "nsubj" and (speaker(res, subj) or (
            d.pos[subj] == "PRON" and _speaking_subjects(res, tok))):
        return NO_EVENT  # "Clinton captured Iowa", "he captured Vermont": a politician wins a state, no one is seized
    retort = d.lemma[i] in s["retort_verbs"] and any(d.dep[c] in ("advmod", "prt") and d.lower[c] in s["retort_particles"]
                                                      for c in d.kids[i])  # "fired back at her critics"
    if d.lemma[i] not in s["verbal_attack_verbs"] and not retort:
        return code
    for c in d.kids[i]:  # attacking a country is force ("Putin decided to attack Ukraine"), a decision criticism
        if d.dep[c] != "dobj":
            continue
        entity = res.tok_entity.get(c)
        if entity is not None and entity.type == "PLACE":
            return code
        if d.lemma[c] in s["verbal_attack_objects"] or d.lower[c] in s["verbal_attack_objects"]:
            return "111"
    if subj is not None and d.dep[subj] == "nsubjpass":
        # "Clinton has been attacked … by Sanders": the by-agent speaks; "children are … attacked": no one
        subj = next((p for a in d.kids[i] if d.dep[a] == "agent" for p in d.kids[a] if d.dep[p] == "pobj"), None)
    node = i
    while d.dep[node] == "conj" and d.heads[node] != node:  # "ads backing Smith and attacking Jones"
        node = d.heads[node]
    if subj is None and d.dep[node] in ("acl", "relcl") and d.lemma[d.heads[node]] in s["message_nouns"]:
        return "111"  # "ads attacking Jones": words, not force
    if subj is None:  # "Smith refrained from attacking her opponents": the one the verb's clause belongs to
        return "111" if _speaking_subjects(res, tok) else code
    if d.pos[subj] == "PRON":  # "then she attacked the president for being soft": who "she" is
        return "111" if _speaking_subjects(res, tok) else code
    return "111" if speaker(res, subj) else code


def figurative(res, tok, code: str, dependent_text: str) -> bool:
    """Whether a verb of coercion or force is a figure of speech: its object (or passive subject) an
    abstract noun ("kill a bill", "fight climate change", "occupying the bottom tier"), its subject a
    thing that is no actor ("market forces wrecking family farms"), a politician beaten in a race
    ("she alone can beat the governor") or something seized "on" as an argument. Force words among
    its dependents ("troops", "rockets") keep the force reading."""
    s = senses()
    d, i = res.d, tok.i
    if code[:2] not in s["figurative_roots"] or any(w in dependent_text for w in s["force_words"]):
        return False
    lemma = d.lemma[i]
    if lemma in s["taking_up_verbs"] and any(d.dep[c] == "prep" and d.lower[c] in s["taking_up_preps"]
                                             for c in d.kids[i]):
        return True  # "aides pounced on the gaffe"
    for c in d.kids[i]:
        if d.dep[c] not in ("dobj", "nsubjpass") or res.tok_entity.get(c) is not None:
            continue
        if d.lemma[c] in s["figurative_objects"] or d.lower[c] in s["figurative_objects"]:
            # "slammed the plan" stays criticism (111, verbal_attack); "killed the plan" is none
            if not (lemma in s["verbal_attack_verbs"] and (d.lemma[c] in s["verbal_attack_objects"]
                                                            or d.lower[c] in s["verbal_attack_objects"])):
                return True
    subj = subject_token(d, i)
    active = subj is not None and d.dep[subj] == "nsubj"
    if active and d.lower[subj] in ("that", "which") and d.dep[i] == "relcl":
        subj = d.heads[i]  # "the forces that are wrecking …": the forces
    if active and res.tok_entity.get(subj) is None:
        if d.lemma[subj] in s["figurative_subjects"] or d.lower[subj] in s["figurative_subjects"]:
            return True  # "a poll that killed his hopes"
        if d.pos[subj] == "NOUN" and any(d.dep[m] in ("amod", "compound") and d.lower[m] in s["figurative_modifiers"]
                                         for m in d.kids[subj]):
            return True  # "market forces wrecking family farms"
    return lemma in s["race_verbs"] and _race_opponent(res, i, subj)


def _race_opponent(res, i: int, subj: int | None) -> bool:
    """Whether verb i beats a politician (a person whose code is a leader's) with no armed subject."""
    s = senses()
    d = res.d
    if subj is not None:
        named = res.tok_entity.get(subj)
        if armed(code_index(d, subj, res.day).code or "") or armed(getattr(named, "actor_code", None) or "") \
                or d.lower[subj] in s["fighter_words"]:
            return False
    for c in d.kids[i]:
        if d.dep[c] != "dobj":
            continue
        entity = res.tok_entity.get(c)
        if entity is not None and entity.type == "PERSON" and entity.actor_code \
                and entity.actor_code[3:6] in s["leader_sectors"]:
            return True
    return False


def _speaking_subjects(res, tok) -> bool:
    """Whether the actors the verb's subject resolves to (a pronoun's or a clause's) are all speaking persons."""
    who = [r for r in res.subject(tok) if r is not None and r.entity is not None]
    return bool(who) and all(speaking_person(res.record.entity(r.entity), r.code) for r in who)
