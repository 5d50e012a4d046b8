"""Sense checks on a coded verb, from its context in the parse (data: data/cameo/senses.yaml).

- A participle used as an adjective names no event of its own: "raped women", "a wounded man".
- A verbal attack is criticism (events/figures.py, which reads the word lists here).
- A passive arrest, deportation or questioning without its agent was done by the police (or
  government) that report it, else those of the country where it happened: "six people were
  arrested in Nairobi" → KENCOP.
- Travelling to another country is a visit (042): "Albright headed to East Africa".
- Condemning (or blaming) an attack targets the attacker, never its victim: "France condemned
  the bombing of the Israeli embassy" has no target unless the attacker is named ("the
  bombing by X", "Russia's attack").
"""
from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

from ..actors.code import code_index
from ..actors.lexicon import lexicon
from .discards import in_quoted_title
from .modality import is_negated
from .refs import ActorRef

__all__ = ["senses", "is_modifier_participle", "attacker_of", "implicit_agent", "acting_sources",
           "joined_body"]

DATA = Path(__file__).resolve().parents[2] / "data" / "cameo" / "senses.yaml"


@cache
def senses() -> dict:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    return {
        "verbal_attack_verbs": frozenset(data["verbal_attack_verbs"]),
        "speaker_sectors": frozenset(data["speaker_sectors"]),
        "speaker_nouns": frozenset(data["speaker_nouns"]),
        "message_nouns": frozenset(data["message_nouns"]),
        "force_words": tuple(f" {w} " for w in data["force_words"]),
        "attack_roots": frozenset(data["attack_roots"]),
        "criticism_roots": frozenset(data["criticism_roots"]),
        "implicit_agents": {str(k): v for k, v in data["implicit_agents"].items()},
        "visit_verbs": frozenset(data["visit_verbs"]),
        "here_words": frozenset(data["here_words"]),
        "stay_verbs": frozenset(data["stay_verbs"]),
        "time_nouns": frozenset(data["time_nouns"]),
        "descriptions": dict(data["descriptions"]),
        "ending_verbs": frozenset(data["ending_verbs"]),
        "lifting_words": frozenset(data["lifting_words"]),
        "membership_verbs": frozenset(data["membership_verbs"]),
        "membership_nouns": frozenset(data["membership_nouns"]),
        "admission_verbs": frozenset(data["admission_verbs"]),
        "perpetration_verbs": frozenset(data["perpetration_verbs"]),
        "naming_verbs": frozenset(data["naming_verbs"]),
        "verbal_attack_objects": frozenset(data["verbal_attack_objects"]),
        "perpetration_adjectives": frozenset(data["perpetration_adjectives"]),
        "denial_verbs": frozenset(data["denial_verbs"]),
        "place_scene_roots": frozenset(data["place_scene_roots"]),
        "struck_facilities": frozenset(data["struck_facilities"]),
        "gerund_modified_nouns": frozenset(data["gerund_modified_nouns"]),
        "scene_targets": {root: frozenset(preps) for root, preps in data["scene_targets"].items()},
        "counterpart_roots": frozenset(data["counterpart_roots"]),
        "told_before_roots": frozenset(data["told_before_roots"]),
        "will_nouns": frozenset(data["will_nouns"]),
        "stance_phrase_nouns": frozenset(data["stance_phrase_nouns"]),
        "removal_verbs": frozenset(data["removal_verbs"]),
        "doer_roots": frozenset(data["doer_roots"]),
        "inspected_sites": frozenset(data["inspected_sites"]),
        "counterpart_min_events": int(data["counterpart_min_events"]),
        "home_government_roots": frozenset(data["home_government_roots"]),
        "home_government_sectors": frozenset(data["home_government_sectors"]),
        "opinion_holders": frozenset(data["opinion_holders"]),
        "opinion_roots": frozenset(data["opinion_roots"]),
        "own_forces_codes": tuple(data["own_forces_codes"]),
        "receiving_verbs": frozenset(data["receiving_verbs"]),
        "winning_verbs": frozenset(data["winning_verbs"]),
        "visiting_sectors": frozenset(data["visiting_sectors"]),
        "campaign_sectors": frozenset(data["campaign_sectors"]),
        "force_sectors": frozenset(data["force_sectors"]),
        "visit_preps": frozenset(data["visit_preps"]),
        "stance_participles": frozenset(data["stance_participles"]),
        "killing_verbs": frozenset(data["killing_verbs"]),
        "leader_sectors": frozenset(data["leader_sectors"]),
        "attempt_words": frozenset(data["attempt_words"]),
        "assault_source_sectors": frozenset(data["assault_source_sectors"]),
        "assault_source_prefixes": tuple(data["assault_source_prefixes"]),
        "fighting_sectors": frozenset(data["fighting_sectors"]),
        "fighter_words": frozenset(data["fighter_words"]),
        "bombing_words": frozenset(data["bombing_words"]),
        "stative_passives": frozenset(data["stative_passives"]),
        "figurative_roots": frozenset(data["figurative_roots"]),
        "figurative_objects": frozenset(data["figurative_objects"]),
        "figurative_subjects": frozenset(data["figurative_subjects"]),
        "figurative_modifiers": frozenset(data["figurative_modifiers"]),
        "race_verbs": frozenset(data["race_verbs"]),
        "taking_up_verbs": frozenset(data["taking_up_verbs"]),
        "taking_up_preps": frozenset(data["taking_up_preps"]),
        "retort_verbs": frozenset(data["retort_verbs"]),
        "retort_particles": frozenset(data["retort_particles"]),
    }


_AUXILIARIES = frozenset({"be", "have", "do", "will", "would", "shall", "should", "can", "could", "may", "might",
                          "must", "to", "ought", "need", "dare", "'ll", "’ll", "'d", "’d", "wo", "ca", "get", "used"})


def is_modifier_participle(d, i: int) -> bool:
    """A verb form that only modifies a noun ("raped women", "the wounded", "bombing victims", "a group
    called X"), or one
    the parser hung a content verb on as its auxiliary ("UK helps raped Rwandan women"): no event."""
    if d.dep[i] == "amod" or in_quoted_title(d, i):  # a title's verb: "on “Meet the Press”"
        return True
    if d.dep[i] == "acl" and d.lemma[i] in senses()["naming_verbs"] and (any(d.dep[c] == "oprd" for c in d.kids[i]) or not any(
            d.dep[c] == "prep" and d.lower[c] in ("for", "on", "upon") for c in d.kids[i])):
        return True  # "a body called the Joint Monitoring Panel" (not "a movement calling for …")
    if any(d.dep[c] == "aux" and d.lemma[c].lower() not in _AUXILIARIES for c in d.kids[i]):
        return True
    if d.dep[i] == "acl" and d.tokens[i].tag_ in ("VBN", "VBD") and d.lemma[i] in senses()["stance_participles"] \
            and not any(d.dep[c] == "agent" for c in d.kids[i]):
        return True  # "extremists opposed to the truce", "groups linked to al-Qaeda": who they are, not what they did
    nxt = i + 1
    return (d.lower[i].endswith("ing") and nxt < len(d.dep) and d.heads[nxt] == i and d.dep[nxt] == "dobj"
            and d.lower[nxt] in senses()["gerund_modified_nouns"])


def subject_token(d, i: int) -> int | None:
    node = i
    for _ in range(3):
        for c in d.kids[node]:
            if d.dep[c] in ("nsubj", "nsubjpass"):
                return c
        if d.dep[node] in ("xcomp", "conj") and d.heads[node] != node:
            node = d.heads[node]
            continue
        break
    return None


def assault_code(code: str, source: str | None, target, words) -> str:
    """180 (183 with bombs among `words`, the sentence's lower-cased words) for generic force (190)
    by a non-state armed group (the `source` code) against anyone but fighters (the `target`
    actor's code, else the words of its name); else `code`."""
    s = senses()
    if code != "190" or not source:
        return code
    if source[3:6] not in s["assault_source_sectors"] and not source.startswith(s["assault_source_prefixes"]):
        return code
    aimed = target.code if target is not None else None
    if aimed and armed(aimed):
        return code
    if not aimed and target is not None and s["fighter_words"] & set((target.name or "").lower().split()):
        return code  # "killed three soldiers": a fight
    return "183" if s["bombing_words"] & set(words) else "180"


def armed(code: str) -> bool:
    """Whether an actor code names fighters: an armed sector (MIL, REB, COP …) or an armed group's prefix (IMG, UAF)."""
    s = senses()
    return code[3:6] in s["fighting_sectors"] or code.startswith(s["assault_source_prefixes"])


def crowd_code(code: str, source: str | None, target: str | None) -> str:
    """Force (19, and 18 from civilians) between police and civilians: the police's is repression
    (175), the civilians' a violent protest (145), as CAMEO codes a clash of protesters and police."""
    if code[:2] not in ("18", "19") or not source or not target:
        return code
    if source[3:6] == "COP" and target[3:6] == "CVL" and code[:2] == "19":
        return "175"
    if source[3:6] == "CVL" and target[3:6] == "COP":
        return "145"
    return code


def assassination_code(res, tok, code: str, target) -> str:
    """186 (assassinate) for killing a named leader (a person whose code's sector is a leader's),
    185 for trying or plotting to ("attempts to kill President Castro"); else `code`."""
    s = senses()
    d, i = res.d, tok.i
    if code[:2] not in ("18", "19") or d.lemma[i] not in s["killing_verbs"]:
        return code
    head = d.heads[i]
    tried = d.dep[i] in ("xcomp", "acl") and head != i and d.lower[head] in s["attempt_words"]
    if code == "186":  # the lexicon's "killed the minister": an attempt when only tried
        return "185" if tried else code
    if target is None or not target.code:
        return code
    entity = res.record.entity(target.entity) if target.entity else None
    if entity is None or entity.type != "PERSON" or target.code[3:6] not in s["leader_sectors"]:
        return code
    return "185" if tried else "186"


def speaking_person(entity, code: str | None) -> bool:
    """A person whose code is no armed group's: "bin Laden attacked …" is force, a politician's attack is words."""
    return entity is not None and entity.type == "PERSON" and not (code and armed(code))


def speaker(res, subj: int) -> bool:
    """Whether the subject token names someone who speaks rather than fights: a person with no armed
    group's code, a speaker noun ("critics"), or a speaking sector (government, parties, media …)."""
    s = senses()
    d = res.d
    entity = res.tok_entity.get(subj)
    if entity is not None and entity.type == "PERSON":
        return speaking_person(entity, entity.actor_code)
    if d.lemma[subj] in s["speaker_nouns"]:
        return True
    return code_index(d, subj, res.day).sector in s["speaker_sectors"]


def attacker_of(res, tok, code: str, targets: list) -> list:
    """The target of criticising an attack or an act of coercion (senses.yaml `doer_roots`): its doer named
    with it, else none."""
    s = senses()
    if code[:2] not in s["criticism_roots"]:
        return targets
    d = res.d
    from .lexicon import lookup_keys, noun_rules

    table = noun_rules()
    for c in d.kids[tok.i]:
        if d.dep[c] != "dobj" or d.pos[c] != "NOUN":
            continue
        rules = next((table[k] for k in lookup_keys(d.tokens[c]) if k in table), None)
        if not rules or not any((r.code or "")[:2] in s["doer_roots"] for r in rules):
            continue
        for p in d.kids[c]:  # "the bombing by X"
            if d.dep[p] == "prep" and d.lower[p] == "by":
                for o in d.kids[p]:
                    if d.dep[o] == "pobj":
                        return res.group(d.tokens[o])
        return res.noun_source(d.tokens[c])  # "Russia's attack", "Israeli strikes"; else no target
    return targets


def shared_agent(res, tok) -> list:
    """The by-agent a passive verb shares with the passive joined after it: "was abducted and later
    murdered by rebels", "an engineer seized and feared killed by militants" → the rebels, the
    militants."""
    d, i = res.d, tok.i
    joined = [c for c in d.kids[i] if d.dep[c] == "conj"]
    if d.dep[i] == "acl":  # "an expert kidnapped and … killed by X": both hang on the noun
        joined += [c for c in d.kids[d.heads[i]] if c > i and d.dep[c] == "acl" and d.tokens[c].tag_ == "VBN"]
    for j in joined:
        for k in [j] + [x for x in d.kids[j] if d.dep[x] in ("xcomp", "conj")]:
            for a in d.kids[k]:
                if d.dep[a] == "agent":
                    refs = [r for p in d.kids[a] if d.dep[p] == "pobj" for r in res.group(d.tokens[p])]
                    if refs:
                        return refs
    return []


def implicit_agent(res, tok, code: str):
    """The unnamed agent of a passive arrest/deportation/questioning, as an actor, or None."""
    agents = implicit_agents(res, tok, code)
    return agents[0] if agents else None


def implicit_agents(res, tok, code: str) -> list:
    """`implicit_agent`, with every policing body that reports it ("the FBI and Kenyan police said a
    suspect was questioned": both), as a list."""
    agents = senses()["implicit_agents"]
    sector = next((agents[code[:n]] for n in range(len(code), 1, -1) if code[:n] in agents), None)
    if sector is None:
        return []
    from .modality import reporting_verb

    reporter = reporting_verb(tok)  # "Tanzanian police said six people were rounded up": the police did
    if reporter is not None:
        # the FBI's director saying "hundreds of people have been interviewed": the FBI did
        kin = _POLICING if sector in _POLICING else {sector}
        said = [r for r in res.subject(reporter) if r is not None and r.code and r.code[3:6] in kin]
        if said:
            return said
    country = res.local_country(tok)
    if not country:
        return []
    return [ActorRef(country + sector, None, None, None, None)]


_POLICING = {"COP", "SPY"}  # police and a national investigating agency (the FBI is coded …SPY) do the same work


def opinion_only(code: str, src, tgt) -> bool:
    """Whether an act is only opinion or press work: voters or a poll backing or rejecting someone
    (`opinion_holders`), or a meeting or call with reporters no one names ("a conference call with
    reporters")."""
    rules = senses()
    if src is not None and src.name and code[:2] in rules["opinion_roots"] \
            and src.name.split()[-1].lower() in rules["opinion_holders"]:
        return True
    return code[:2] == "04" and tgt is not None and (tgt.code or "")[3:6] == "MED" and tgt.entity is None


def campaign_rally(code: str, src, tgt) -> bool:
    """Whether a rally (141) with no target is a named politician's or party's campaign event ("Trump
    rallies", "her victory rally"), no protest against anyone."""
    return code == "141" and tgt is None and src is not None and src.entity is not None \
        and (src.code or "")[3:6] in senses()["campaign_sectors"]


def own_forces(code: str, src, tgt) -> bool:
    """Whether `tgt` is the source's own armed forces moved by a yield or posture act ("withdraw its
    troops", "Russia massed its forces"): what is moved, not the event's target. Troops a side moves
    without saying whose ("willing to withdraw troops": no country word) are its own too."""
    rules = senses()
    return code.startswith(rules["own_forces_codes"]) and src is not None and tgt is not None and bool(src.code) \
        and bool(tgt.code) and tgt.code[3:6] in rules["force_sectors"] and (
            src.country == tgt.country or (tgt.entity is None and not lexicon().names_country((tgt.name or "").lower().split())))


def thing_subject(res, tok) -> bool:
    """Whether the verb's subject is a common noun that names no actor ("money", "the plan"), even
    if an actor word modifies it ("EU farm money")."""
    d = res.d
    subj = subject_token(d, tok.i)
    if subj is not None and d.lower[subj] in ("that", "which") and d.dep[tok.i] == "relcl":
        subj = d.heads[tok.i]  # "an agreement that would permit …": the agreement
    return subj is not None and d.pos[subj] == "NOUN" and res.tok_entity.get(subj) is None \
        and code_index(d, subj, res.day).sector is None


def acting_sources(res, code: str, sources: list) -> list:
    """The sources of a nominal event less the places named as where it happened."""
    out = []
    for ref in sources:
        entity = res.record.entity(ref.entity) if ref is not None and ref.entity else None
        if entity is not None and entity.type == "PLACE":
            if entity.id not in res.countries or code[:2] in senses()["place_scene_roots"]:
                continue
        out.append(ref)
    return out


def struck_facilities(code: str, sources: list) -> tuple[list, list]:
    """(sources, targets) of a nominal attack whose named "source" is a building that was hit
    ("the U.S. Embassy bombings" → target the embassy's actor)."""
    s = senses()
    if code[:2] not in s["attack_roots"]:
        return sources, []
    hit = [r for r in sources if r is not None and r.name and r.name.split()
           and r.name.split()[-1].lower() in s["struck_facilities"]]
    return [r for r in sources if r not in hit], hit


def denied(d, verb: int) -> bool:
    """Whether the clause of `verb` is negated or denied ("said it was not responsible", "denied it was
    behind the attack", "played no part in it"): it names no doer."""
    return is_negated(d.tokens[verb]) or (d.dep[verb] in ("ccomp", "xcomp") and d.lemma[d.heads[verb]] in
                                          senses()["denial_verbs"]) or any(
        d.dep[c] in ("dobj", "attr") and any(d.dep[n] == "det" and d.lower[n] == "no" for n in d.kids[c])
        for c in d.kids[verb])


def perpetrators(res, noun, code: str) -> list:
    """Who did an attack named by a noun, read off the clause around it: the subject of the verb
    that plans or carries it out ("the group planned the attacks"), or of "be responsible for"."""
    s = senses()
    if code[:2] not in s["attack_roots"]:
        return []
    d, i = res.d, noun.i
    head = d.heads[i]
    if d.dep[i] == "dobj" and d.lemma[head] in s["perpetration_verbs"]:
        return res.subject(d.tokens[head])
    if d.dep[i] == "nsubjpass" and d.lemma[head] in s["perpetration_verbs"]:
        return res.subject(d.tokens[head])  # "the attacks were plotted by bin Laden": the by-agent
    if d.dep[i] == "pobj" and d.lower[head] == "for":
        adj = d.heads[head]
        if d.lemma[adj] in s["perpetration_adjectives"] and d.dep[adj] == "acomp" \
                and not denied(d, d.heads[adj]):  # "Hamas said it was not responsible": a denial
            return res.subject(d.tokens[d.heads[adj]])
    return []


def admitting_body(res, tok):
    """The organisation of states that a passive verb of admission names as the admitter ("were
    accepted as members of NATO", "admitted into the EU"), as an actor with an IGO code, or None."""
    s = senses()
    d, i = res.d, tok.i
    if d.lemma[i] not in s["admission_verbs"] or not any(d.dep[c] == "nsubjpass" for c in d.kids[i]):
        return None
    for c in d.kids[i]:
        if d.dep[c] != "prep" or d.lower[c] not in ("as", "into", "to"):
            continue
        for p in d.kids[c]:
            if d.dep[p] != "pobj" or (d.lower[c] == "as" and d.lemma[p] not in s["membership_nouns"]):
                continue  # "accepted as members of NATO", "admitted into NATO"; not "accepted as a partner"
            body = _organisation_of(res, p)
            if body is not None:
                return body
    return None


def joined_body(res, tok):
    """The organisation of states a verb of membership joins ("joined NATO", "became members of
    NATO"), as an actor with an IGO code, or None."""
    s = senses()
    d, i = res.d, tok.i
    if d.lemma[i] not in s["membership_verbs"]:
        return None
    for h in d.kids[i]:
        if d.dep[h] not in ("dobj", "attr"):
            continue
        if d.lemma[i] == "become" and d.lemma[h] not in s["membership_nouns"]:
            continue  # "became president": no membership
        body = _organisation_of(res, h)
        if body is not None:
            return body
    return None


def _organisation_of(res, noun: int):
    """The IGO-coded actor a noun names, or that "members of/in X" names; else None."""
    d = res.d
    cands = [noun]
    if d.lemma[noun] in senses()["membership_nouns"]:
        cands = [p for c in d.kids[noun] if d.dep[c] == "prep" and d.lower[c] in ("of", "in")
                 for p in d.kids[c] if d.dep[p] == "pobj"]
    for t in cands:
        refs = [r for r in res.group(d.tokens[t]) if r.code and r.code.startswith("IGO")]
        if refs:
            return refs[0]
    return None
