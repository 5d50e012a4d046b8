"""Events the verb lexicon cannot see from the verb alone (data: data/cameo/senses.yaml).

- An organisation of states enlarged to take in new members admits them (057): "NATO has been
  expanded to include Greece and Turkey" → NATO 057 GRC, NATO 057 TUR.
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
from .lexicon import (complement_content, content_of_code, families, family_code, has_words, noun_rules, rules_for,
                      verb_rules)
from .modality import SAY_VERBS, is_negated, reporting_verb
from .reference import RELATIVES
from .senses import implicit_agent

__all__ = ["adjust_verbs", "candidates", "claimed_by", "concern_about", "contrasted", "custody_candidates", "enlarging_body", "implicit_noun_agent", "goal_candidates", "goal_intents", "judgment_candidates", "misparsed_accusations", "on_trip", "time_adjunct", "newcomers", "in_verbal_complement", "received_candidates", "repeated_visits", "state_strike", "vague_intent"]

DATA = Path(__file__).resolve().parents[2] / "data" / "cameo" / "recall.yaml"


@cache
def _data() -> dict:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    return {k: tuple(v) if isinstance(v, list) else v for k, v in data.items()}


def enlarging_body(res, tok):
    """The IGO-coded actor that verb `tok` ("include", "take in") says was enlarged to take in its
    objects ("it has been expanded to include Greece": NATO, with "it" resolved), or None."""
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
    that the parser hangs elsewhere ("to include Greece in 1952, Germany in 1955 and Spain in 1982":
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
            return False  # "in the event of an invasion, the US would reassure allies": an adverbial, no content
        node = d.heads[node]
        if verb_toks.get(node) in s["content_roots"]:
            return True
    return False


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
    """Whether noun i is set aside as what did not happen: "rather than a clash between two
    governments, the dispute is …", "instead of talks"."""
    head = d.heads[i]
    if d.dep[i] != "pobj":
        return False
    if d.lower[head] == "than":
        return any(d.lower[c] in _data()["contrast_words"] for c in d.kids[head]) or (
            head > 0 and d.lower[head - 1] in _data()["contrast_words"])
    return d.lower[head] == "of" and head > 0 and d.lower[head - 1] == "instead"


def implicit_noun_agent(res, noun, code: str) -> list:
    """Who made an arrest or questioning a noun names with no one named doing it: the police of the
    place, or the police that report it, as for a passive arrest ("after three days of questioning",
    "more arrests had been made"); else []."""
    if code[:3] not in _data()["implicit_noun_codes"]:
        return []
    agent = implicit_agent(res, noun, code)
    return [agent] if agent is not None else []


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
    at = {d.idx[i]: i for i in range(len(d.idx))}
    seen: list = []
    out = []
    for e in events:
        if e.cameo in s["visit_codes"] and e.source is not None and e.source.code:
            key = (e.source.code[:3], (e.target.code or "")[:3] if e.target is not None else "")
            i = at.get(e.action.start) if e.action is not None else None
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
    forward to a general election fight"): such a candidate is dropped."""
    return cand.code == "030" and res.d.lemma[cand.tok.i] in _data()["content_needed_verbs"]


def _hostile(verb) -> bool:
    """Whether a clause's verb names a hostile act in the hand lexicon (roots 11–20)."""
    rule = rules_for(verb, verb_rules())
    return rule is not None and rule.family is None and "11" <= rule.code[:2] <= "20"


def misparsed_accusations(res, sent, coded: set[int]) -> list[Candidate]:
    """Accusations (112; 1125 of spying) the parser hides as an adjective with a subject of its own:
    "Iraq alleged Ritter was an American spy" ("alleged" an amod of "Ritter") → IRQ 1125 Ritter."""
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
    where that is (as a passive arrest with no agent): "six people were in custody for questioning"."""
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


def candidates(res, sent, coded: set[int]) -> list[Candidate]:
    """This module's events of a sentence that no verb or noun rule codes: judgments, intelligence
    received and misparsed accusations."""
    return (judgment_candidates(res, sent, coded) + received_candidates(res, sent, coded)
            + misparsed_accusations(res, sent, coded) + custody_candidates(res, sent, coded)
            + goal_candidates(res, sent, coded))


def adjust_verbs(res, verbs: list) -> list:
    """The verb candidates with concern about what an actor does made disapproval, attacks that forces are
    poised to make a show of force (150), less vague intents and habits."""
    concern_about(res, verbs)
    poised(res, verbs)
    protest_aims(res, verbs)
    travel_warnings(res, verbs)
    goal_intents(res, verbs)
    return [c for c in verbs if not vague_intent(res, c) and not habitual(res.d, c.tok.i) and not no_act(res, c)
            and not said_again(res.d, c, verbs) and not protest_purpose(res.d, c, verbs)]


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
    inspectors with verifying …", not "charged with murdering"), a state destroying its own arms
    ("Iraq has destroyed its missiles"), something threatened by a thing ("the vote is threatened by
    violence": the violence is the event), a document calling for something ("a treaty calling for
    border demarcation": its terms)."""
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
