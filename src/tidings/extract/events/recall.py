"""Events the verb lexicon cannot see from the verb alone (data: data/cameo/senses.yaml).

- An organisation of states enlarged to take in new members admits them (057): "NATO has been
  widened to include Albania and Croatia" → NATO 057 ALB, NATO 057 HRV.
- A harsh judgment of an actor, reported or as "regards X as …", is criticism (111; 1122 of a rights
  record): "said Syria had an appalling rights record", "regards the ban as politically motivated".
"""
from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

from .actors import is_passive
from .assemble import Candidate
from .attitudes import _actors_of
from .attribution import accusations, alleged_parts
from .senses import senses
from .lexicon import content_of_code, families, family_code, has_words, rules_for, verb_rules
from .modality import SAY_VERBS, is_negated
from .reference import RELATIVES
from .rereading import (custody_candidates, goal_candidates, goal_intents, misparsed_accusations, necessity_appeals,
                        necessity_candidates, no_act,
                        protest_aims, protest_purpose, protest_threats, said_again, travel_warnings)

__all__ = ["adjust_verbs", "candidates", "claimed_by", "concern_about", "enlarging_body", "judgment_candidates", "newcomers", "in_verbal_complement", "received_candidates", "repeated_visits", "state_strike", "vague_intent"]

DATA = Path(__file__).resolve().parents[2] / "data" / "cameo" / "recall.yaml"


@cache
def _data() -> dict:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    return {k: tuple(v) if isinstance(v, list) else v for k, v in data.items()}


def enlarging_body(res, tok):
    """The IGO-coded actor that verb `tok` ("include", "take in") says was enlarged to take in its
    objects ("it has been widened to include Albania": NATO, with "it" resolved), or None."""
    s = _data()
    d, i = res.d, tok.i
    head = d.heads[i]
    if d.lemma[i] not in s["including_verbs"] or d.lemma[head] not in s["enlarging_verbs"]:
        return None
    if not (d.dep[i] == "xcomp" or d.dep[i] == "advcl" and any(d.lower[a] == "to" for a in d.kids[i])):
        return None  # "expanded to include …" (the parser may call the to-clause advcl)
    if not any(d.dep[c] == "dobj" for c in d.kids[i]):
        return None
    enlarged = d.tokens[head]
    for ref in (res.passive_target(enlarged) if is_passive(d, head) else res.subject(enlarged)):
        if ref is not None and ref.code and ref.code.startswith("IGO"):
            return ref
    return None


def newcomers(res, tok) -> list:
    """Who verb `tok` of `enlarging_body` takes in: its objects, and the countries of a list of dates
    that the parser hangs elsewhere ("to include Albania in 2009, Montenegro in 2017 and Finland in 2023":
    the later ones on the year or on the verb of enlargement)."""
    d = res.d
    out = list(res.objects(tok))
    seen = {r.code for r in out if r is not None}
    head = d.heads[tok.i]
    later = [c for c in d.subtree(tok.i) if c > tok.i] + [c for c in d.kids[head] if c > tok.i]
    for c in later:
        if d.pos[c] != "PROPN" or d.dep[c] not in ("npadvmod", "conj", "appos", "dobj"):
            continue
        for r in res.group(d.tokens[c]):
            if r is not None and r.code and len(r.code) == 3 and r.code not in seen:
                seen.add(r.code)
                out.append(r)
    return out


@cache  # asked once a sentence: made once
def _judgment_words() -> tuple[str, ...]:
    words = set(_data()["harsh_words"]) | set(families()["stance_words"]["111"])
    return tuple(sorted(words))


def _text(d, idxs) -> str:
    return " " + " ".join(d.lower[t] for t in sorted(idxs)) + " "


def judgment_candidates(res, sent, coded: set[int]) -> list[Candidate]:
    """Criticism (111; 1122 of a rights record) for harsh judgments of an actor: reported ("said Syria
    had an appalling rights record": Syria, the antecedent of a relative "which"; "told the minister
    that his plan was a worrying development": the one told) or "regards X as …" ("Beijing regards
    the ban as politically motivated": Beijing criticises the ban's owner, if named)."""
    s = _data()
    d = res.d
    kids, dep, lemma, tokens = d.kids, d.dep, d.lemma, d.tokens
    harsh = _judgment_words()
    out = []
    for i in range(sent.start, sent.end):
        regarding = lemma[i] in s["regarding_verbs"] and d.pos[i] == "VERB"
        if i in coded or not (regarding or dep[i] == "ccomp") or is_negated(tokens[i]):
            continue  # the cheap tests first: is_negated reads the token's children
        if regarding:
            as_phrase = [c for c in kids[i] if (dep[c] == "prep" and d.lower[c] == "as")
                         or (dep[c] in ("advcl", "oprd", "acomp") and any(d.lower[a] == "as" for a in kids[c]))]
            objects = [c for c in kids[i] if dep[c] == "dobj"]
            # the parser may hang "as …" on the object ("regards the oil embargo as politically driven")
            as_phrase += [c for o in objects for c in kids[o] if dep[c] == "prep" and d.lower[c] == "as"]
            if not as_phrase or not objects:
                continue
            if not has_words(_text(d, [t for c in as_phrase for t in d.subtree(c)]), harsh):
                continue
            sources = [r for r in res.subject(tokens[i]) if r is not None]
            if not any(r.code and not r.code.endswith(tuple(s["poll_sectors"])) for r in sources):
                continue  # "four in 10 voters see the campaign as unfair": a poll, no act
            targets = [r for o in objects for r in _owners(res, o)]
            code = "1122" if has_words(_text(d, d.subtree(objects[0])), s["rights_words"]) else "111"
            out.append(Candidate(tokens[i], code, sources, targets, (), 0.5))
            continue
        if dep[i] != "ccomp" or lemma[d.heads[i]] not in SAY_VERBS:
            continue
        said = d.heads[i]
        judged_words = [c for c in kids[i] if (lemma[i] == "have" and dep[c] == "dobj")
                        or (lemma[i] == "be" and dep[c] in ("attr", "acomp") and d.pos[c] in ("NOUN", "ADJ")
                            and any(dep[a] == "amod" for a in kids[c]))]
        if not judged_words:
            continue
        near = [a for c in judged_words for a in kids[c] if dep[a] in ("amod", "compound")] + judged_words
        if not has_words(_text(d, near), harsh):
            continue
        subjects = [c for c in kids[i] if dep[c] in ("nsubj", "nsubjpass")]
        judged = []
        for sj in subjects:
            if d.lower[sj] in RELATIVES and dep[said] == "relcl":
                judged += res.group(tokens[d.heads[said]])  # "Syria, which he said had …": Syria
            elif any(dep[p] == "poss" and d.pos[p] == "PRON" for p in kids[sj]):
                judged += res.objects(tokens[said])  # "told the minister that his plan was …": the one told
            else:
                judged += _owners(res, sj)
        judged = [r for r in judged if r is not None and r.code]
        sources = _speaker(res, said)
        if not judged or not any(r.code for r in sources):
            continue
        rights = s["rights_words"]
        code = "1122" if has_words(_text(d, near), rights) else "111"
        out.append(Candidate(tokens[i], code, sources, judged, (), 0.5))
    return out


def _owners(res, noun: int) -> list:
    """The actor a judged noun names, or its owner ("Britain's plan", "the EU's ban")."""
    d = res.d
    refs = [r for r in res.group(d.tokens[noun]) if r is not None and r.code]
    if refs:
        return refs
    return [r for c in d.kids[noun] if d.dep[c] == "poss" for r in res.group(d.tokens[c]) if r is not None and r.code]


def _speaker(res, said: int) -> list:
    """Who says what verb `said` reports: its subject, else (an unresolved "he" in "Syria, which he
    said …") the subject of the clause it hangs in."""
    d = res.d
    node = said
    for _ in range(3):
        refs = [r for r in res.subject(d.tokens[node]) if r is not None]
        if any(r.code for r in refs):
            return refs
        while d.dep[node] not in ("relcl", "ccomp", "conj", "advcl") or d.pos[node] != "VERB":
            if d.heads[node] == node:
                return []
            node = d.heads[node]
        node = d.heads[node]
        while d.pos[node] not in ("VERB", "AUX") and d.heads[node] != node:
            node = d.heads[node]
    return []


def received_candidates(res, sent, coded: set[int]) -> list[Candidate]:
    """Sharing of intelligence (064) said from the receiving side: "the police chief received
    information from Libyan agents" → the agents (source) share with the chief (target)."""
    s = _data()
    d = res.d
    kids, dep, tokens = d.kids, d.dep, d.tokens
    out = []
    for i in range(sent.start, sent.end):
        if i in coded or d.lemma[i] not in s["receiving_verbs"] or d.pos[i] != "VERB" or is_negated(tokens[i]):
            continue
        things = [c for c in kids[i] if dep[c] == "dobj" and d.lemma[c] in s["shared_things"]]
        if not things:
            continue
        givers = [r for c in kids[i] + kids[things[0]] if dep[c] == "prep" and d.lower[c] == "from"
                  for p in kids[c] if dep[p] == "pobj" for r in res.group(tokens[p]) if r is not None]
        receivers = [r for r in res.subject(tokens[i]) if r is not None]
        if givers and any(r.code for r in givers + receivers):
            out.append(Candidate(tokens[i], "064", givers, receivers, (), 0.5, reciprocal=False))
    return out


def state_strike(code: str, lemma: str, sources) -> str:
    """190 for a strike (143) whose doer is a state's government or armed forces (a bare country code
    is too often an uncoded group of its people: "Turkish miners"):
    "the president had ordered the strikes"; else `code`."""
    s = _data()
    if code != "143" or lemma not in s["strike_nouns"]:
        return code
    coded = [r.code for r in sources if r is not None and r.code]
    if coded and all(c[3:6] in s["state_sectors"] for c in coded):
        return "190"
    return code


def in_verbal_complement(d, i: int, verb_toks: dict[int, str]) -> bool:
    """Whether noun i sits in the complement of a verbal act of the sentence (`verb_toks`: token →
    root of its coded verb events): "proposed a new round of talks", "invited them to start talks"."""
    s = _data()
    node = i
    for _ in range(int(s["content_hops"])):
        if d.dep[node] not in s["content_deps"] or d.heads[node] == node:
            return False
        if d.dep[node] == "prep" and d.pos[d.heads[node]] not in ("NOUN", "PROPN"):
            return False  # "in case of an attack, Britain would reassure its partners": an adverbial, no content
        node = d.heads[node]
        if verb_toks.get(node) in s["content_roots"]:
            return True
    return False


def claimed_by(res, noun, code: str) -> list:
    """Who claims an attack named by `noun`: the subject of "claimed responsibility for the bombing"."""
    s = _data()
    d, i = res.d, noun.i
    if code[:2] not in ("18", "19", "20") or d.dep[i] != "pobj" or d.lower[d.heads[i]] != "for":
        return []
    resp = d.heads[d.heads[i]]
    if d.lemma[resp] not in s["responsibility_nouns"] or d.dep[resp] != "dobj":
        return []
    verb = d.heads[resp]
    return res.subject(d.tokens[verb]) if d.lemma[verb] in s["claiming_verbs"] else []


def repeated_visits(events: list, d) -> list:
    """`events` less the visits a noun names again after a visit by the same source (to the same
    country, or to none named) was coded in an earlier sentence."""
    s = _data()
    seen: list = []
    out = []
    for e in events:
        if e.cameo in s["visit_codes"] and e.source is not None and e.source.code:
            key = (e.source.code[:3], (e.target.code or "")[:3] if e.target is not None else "")
            i = d.token_at(e.action.start) if e.action is not None else None
            nominal = i is not None and d.pos[i] == "NOUN" and d.lower[i] in s["visit_nouns"] and (
                d.dep[i] in ("nsubj", "nsubjpass") or d.dep[i] == "pobj" and d.lower[d.heads[i]] in s["time_preps"])
            if nominal and any(sent < e.sentence and src == key[0] and key[1] in (tgt, "") for sent, src, tgt in seen):
                continue
            seen.append((e.sentence, key[0], key[1]))
        out.append(e)
    return out


def open_to(res, nouns: list) -> None:
    """Turn the noun events that someone is said to be open to into intents, in place: "Iran is
    open to talks with the United States" → IRN 036 USA (negated when "not open")."""
    s = _data()
    d = res.d
    for cand in nouns:
        i = cand.tok.i
        prep = d.heads[i]
        adj = d.heads[prep]
        if d.dep[i] != "pobj" or d.lower[prep] != "to" or d.lower[adj] not in s["openness_words"] or d.dep[adj] != "acomp":
            continue
        content = content_of_code(cand.code)
        cand.code = family_code("intent", content) if content else "030"
        cand.noun = False
        owners = [r for r in res.subject(d.tokens[d.heads[adj]]) if r is not None]
        if owners:
            cand.sources = owners
        cand.negated = is_negated(d.tokens[adj]) or is_negated(d.tokens[d.heads[adj]])


def concern_about(res, verbs: list) -> None:
    """Turn a comment of concern (012) about what a named actor does into disapproval of that actor
    (110, 111 for anger), in place: "France voiced concern over Russia's treatment of civilians" →
    FRA 110 RUS; "voiced concern that the rights situation in Cuba has not improved" → … CUB."""
    s = _data()
    d = res.d
    kids, dep, tokens = d.kids, d.dep, d.tokens
    for cand in verbs:
        i = cand.tok.i
        if not cand.code.startswith("01") or d.lemma[i] not in s["concern_verbs"]:
            continue
        nouns = [c for c in kids[i] if dep[c] == "dobj" and d.lower[c] in s["concern_nouns"]]
        if not nouns:
            continue
        noun = nouns[0]
        targets = []
        for c in kids[noun] + kids[i]:
            if dep[c] == "prep" and d.lower[c] in s["concern_preps"]:
                # what an actor does ("Russia's treatment of civilians"), not a bare name: concern
                # "about Ukraine" is about its plight, not against it
                targets += [r for p in kids[c] if dep[p] == "pobj" and d.pos[p] == "NOUN" for r in _doers(res, p)]
            elif dep[c] in ("acl", "ccomp") and c in kids[noun] and (is_negated(tokens[c]) or _hostile(tokens[c])):
                # "concern that the rights situation in Cuba has not improved", "… that Iran had attacked";
                # not "concern that the auditors had qualified the accounts" (the auditors did their job)
                for sj in kids[c]:
                    if dep[sj] in ("nsubj", "nsubjpass"):
                        targets += _actors_of(res, tokens[sj])
        targets = [r for r in targets if r is not None and r.code]
        if targets:
            cand.code = s["concern_nouns"][d.lower[noun]]
            cand.targets = targets


def _doers(res, noun: int) -> list:
    """Who does what an action noun names: its possessor ("Russia's treatment") or its by-agent."""
    d = res.d
    return [r for c in d.kids[noun] if d.dep[c] == "poss" or (d.dep[c] == "prep" and d.lower[c] == "by")
            for t in ([c] if d.dep[c] == "poss" else [p for p in d.kids[c] if d.dep[p] == "pobj"])
            for r in res.group(d.tokens[t]) if r is not None]


def vague_intent(res, cand) -> bool:
    """Whether `cand` is a generic intent (030) of a verb that says nothing of its own ("looking
    forward to a busy campaign season"): such a candidate is dropped."""
    return cand.code == "030" and res.d.lemma[cand.tok.i] in _data()["content_needed_verbs"]


def _hostile(verb) -> bool:
    """Whether a clause's verb names a hostile act in the hand lexicon (roots 11–20)."""
    rule = rules_for(verb, verb_rules())
    return rule is not None and rule.family is None and "11" <= rule.code[:2] <= "20"


def candidates(res, sent, coded: set[int]) -> list[Candidate]:
    """This module's events of a sentence that no verb or noun rule codes: judgments, intelligence
    received and misparsed accusations."""
    return (judgment_candidates(res, sent, coded) + received_candidates(res, sent, coded)
            + misparsed_accusations(res, sent, coded) + custody_candidates(res, sent, coded)
            + goal_candidates(res, sent, coded) + accusations(res, sent, coded, senses()["attack_roots"])
            + necessity_candidates(res, sent, coded) + alleged_parts(res, sent, coded))


def adjust_verbs(res, verbs: list) -> list:
    """The verb candidates with concern about what an actor does made disapproval, attacks that forces are
    poised to make a show of force (150), less vague intents and habits."""
    concern_about(res, verbs)
    poised(res, verbs)
    protest_aims(res, verbs)
    travel_warnings(res, verbs)
    protest_threats(res, verbs)
    necessity_appeals(res, verbs)
    goal_intents(res, verbs)
    return [c for c in verbs if not vague_intent(res, c) and not habitual(res.d, c.tok.i) and not no_act(res, c)
            and not said_again(res.d, c, verbs) and not protest_purpose(res.d, c, verbs)]


def poised(res, verbs: list) -> None:
    """Make the attacks that someone is poised to make a show of force (150), in place."""
    s = _data()
    d = res.d
    for cand in verbs:
        i = cand.tok.i
        head = d.heads[i]
        if cand.code[:2] in s["posture_roots"] and d.dep[i] == "xcomp" and d.lower[head] in s["poised_words"]:
            cand.code = "150"


def habitual(d, i: int) -> bool:
    """Whether verb i is said of a habit: "Orangemen march each July", "they meet every year"."""
    s = _data()
    for c in d.kids[i]:
        if d.dep[c] in ("npadvmod", "advmod", "obl", "dobj") and d.lower[c] in s["habit_times"] \
                and any(d.lower[a] in s["habit_determiners"] for a in d.kids[c] if d.dep[a] == "det"):
            return True
    return False
