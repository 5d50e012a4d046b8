"""Modality, date and place of an event, read from the clause around its action word.

Modality, first rule that holds wins:
  negated      a negation on the action or its auxiliary ("did not attack", "never")
  conditional  an if/unless clause on the action, the action inside one, or
               "in the event of" / "in case of" on it
  future       will/shall/'ll/"going to" on the action, or the action the complement of
               plan/intend/expect/schedule/hope/aim/be set to/be due to; or its date
               after publication
  historical   its date ends more than HISTORICAL_DAYS before publication
  claimed      inside what a claim verb (claim, allege, warn, fear, suspect …) reports,
               or a reported clause with could/may/might, when the reporter is not the
               event's own source
  asserted     otherwise
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import cache
from pathlib import Path

import yaml

from ...record import Article, EventDate, TimeExpr
from ..actors.code import info

__all__ = ["modality", "event_date", "event_place", "governing_verb", "held_responsible", "HISTORICAL_DAYS", "laid_on",
           "reporting_verb"]

HISTORICAL_DAYS = 365  # an event dated this long before publication is "historical" (CAMEO coders use the lead's own dates)
_NEG = {"not", "n't", "never", "no", "nt"}
_COND_MARKS = {"if", "unless", "provided", "whether"}
_FUTURE_AUX = {"will", "shall", "'ll", "’ll", "wo"}
_FUTURE_HEADS = {"plan", "intend", "expect", "schedule", "hope", "aim", "set", "due", "prepare", "going"}
_POSSIBLE = {"could", "may", "might"}
_HEDGES = {"probably", "possibly", "perhaps", "maybe", "likely", "presumably", "potentially"}
_PRESUME = {"presume", "fear"}
CLAIM_VERBS = {"claim", "allege", "warn", "fear", "suspect", "believe", "suggest", "speculate", "rumor", "rumour",
               "assert", "insist", "contend", "think"}
SAY_VERBS = {"say", "tell", "state", "announce", "report", "add", "note", "declare", "confirm", "write", "insist",
             "explain", "disclose", "reveal"} | CLAIM_VERBS


def _aux(d, i: int) -> set[str]:
    dep, lower = d.dep, d.lower
    return {lower[c] for c in d.kids[i] if dep[c] in ("aux", "auxpass")}


_HOLDING_BACK = {"refrain", "abstain", "desist", "shy", "hold", "stop", "keep"}  # … from doing it


def is_negated(tok) -> bool:
    d, i = info(tok.doc), tok.i
    kids, dep, lower = d.kids, d.dep, d.lower
    if any(dep[c] == "neg" or (lower[c] in _NEG and dep[c] in ("advmod", "det")) for c in kids[i]):
        return True
    if any(dep[c] == "advmod" and lower[c] in ("longer", "more") and any(lower[n] == "no" for n in kids[c])
           for c in kids[i]):
        return True  # "can no longer be justified", "will no longer cooperate"
    # "No group has admitted …"
    if any(dep[c] in ("nsubj", "nsubjpass") and any(dep[g] == "det" and lower[g] == "no" for g in kids[c])
           for c in kids[i]):
        return True
    # "did not want to attack": the negation sits on the governing verb of an infinitive
    head = d.heads[i]
    if dep[i] == "pcomp" and head != i and lower[head] == "from" and d.lemma[d.heads[head]] in _HOLDING_BACK:
        return True  # "refrained from attacking her opponents", "stopped short of criticizing"
    if dep[i] == "pcomp" and head != i and lower[head] == "of" and lower[d.heads[head]] == "short":
        return True
    if dep[i] == "xcomp" and head != i and d.tokens[head].lemma_ in ("want", "plan", "intend", "try", "seek", "dare"):
        return any(dep[c] == "neg" for c in kids[head])
    return False


def _has_cond_mark(d, i: int) -> bool:
    dep, lower = d.dep, d.lower
    return any(dep[m] == "mark" and lower[m] in _COND_MARKS for m in d.kids[i])


def is_conditional(tok) -> bool:
    d = info(tok.doc)
    kids, dep, heads = d.kids, d.dep, d.heads
    node = tok.i
    for _ in range(3):
        for c in kids[node]:
            if dep[c] == "advcl" and _has_cond_mark(d, c):
                return True
            if dep[c] == "prep" and d.lower[c] == "in":
                for p in kids[c]:
                    if dep[p] == "pobj" and d.lemma[p] in ("event", "case"):
                        return True
        if dep[node] in ("advcl", "ccomp", "pcomp") and _has_cond_mark(d, node):
            return True  # "if he invades", the open question of "we don't know if he decided", "comment on whether"
        if dep[node] in ("xcomp", "conj") and heads[node] != node:
            node = heads[node]
            continue
        break
    return _in_yes_no_question(d, tok.i)


QUESTION_WORDS = {"what", "who", "whom", "whose", "which", "why", "how", "when", "where"}
_OPENING_MARKS = {"“", '"', "``", "‘", "'"}


def _in_yes_no_question(d, i: int) -> bool:
    """"“You think Comey would like to indict her?”": an event put as a yes/no question is open; one
    under a wh-question ("Why did Russia attack?") is presupposed, as it is."""
    sent = d.view.sent(d.tokens[i])
    end = next((k for k in range(i + 1, sent.end) if d.text[k] == "?"), None)
    if end is None:
        return False
    start = next((k for k in range(i - 1, sent.start - 1, -1) if d.text[k] in _OPENING_MARKS), sent.start)
    return not any(d.lower[k] in QUESTION_WORDS for k in range(start, i))


def _looks_forward(d, i: int) -> bool:
    return d.lower[i] == "forward" or any(d.lower[c] == "forward" for c in d.kids[i])


def is_future(tok) -> bool:
    d = info(tok.doc)
    node = tok.i
    aux = _aux(d, node)
    if aux & _FUTURE_AUX:
        return True
    if "going" in aux:
        return True
    dep, heads = d.dep, d.heads
    for _ in range(3):  # "was scheduled to lay flowers … and meet with Moi": through conj and xcomp
        if dep[node] in ("xcomp",) and d.lemma[heads[node]] in _FUTURE_HEADS:
            return True
        if dep[node] == "pcomp" and d.lower[heads[node]] == "to" and _looks_forward(d, heads[heads[node]]):
            return True  # "looked forward to visiting Kenya"
        if dep[node] in ("conj", "xcomp") and heads[node] != node:
            node = heads[node]
            if _aux(d, node) & _FUTURE_AUX:
                return True
            continue
        break
    return False


def reporting_verb(tok):
    """The speech or claim verb whose reported clause holds `tok`, if any."""
    d = info(tok.doc)
    dep, heads = d.dep, d.heads
    node = tok.i
    for _ in range(6):
        head = heads[node]
        if head == node:
            return None
        if dep[node] in ("ccomp", "xcomp", "parataxis") and d.lemma[head] in SAY_VERBS:
            return d.tokens[head]
        if dep[node] == "ROOT":
            return None
        node = head
    return None


def possibility(tok) -> bool:
    """could/may/might on the action, a hedging adverb ("probably killed"), or a verb of
    presumption over it ("presumed killed", "believed to have been killed")."""
    d, i = info(tok.doc), tok.i
    if _aux(d, i) & _POSSIBLE:
        return True
    if any(d.dep[c] == "advmod" and d.lower[c] in _HEDGES for c in d.kids[i]):
        return True
    head = d.heads[i]
    return head != i and d.dep[i] in ("xcomp", "oprd", "ccomp", "conj") and d.lemma[head] in _PRESUME


def governing_verb(tok):
    """The nearest verb at or above a token (the token itself when it is a verb)."""
    d = info(tok.doc)
    return d.tokens[_governing_verb(d, tok.i)]


def _governing_verb(d, node: int) -> int:
    pos, dep, heads = d.pos, d.dep, d.heads
    for _ in range(8):
        if pos[node] in ("VERB", "AUX") and dep[node] != "aux":
            return node
        if heads[node] == node:
            return node
        node = heads[node]
    return node


def _date_range(value: str) -> tuple[date, date] | None:
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value or "")
    if not m:
        return None
    year = int(m.group(1))
    if m.group(3):
        d = date(year, int(m.group(2)), int(m.group(3)))
        return d, d
    if m.group(2):
        month = int(m.group(2))
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    return date(year, 1, 1), date(year, 12, 31)


def event_date(tok, sent, record: Article, times_by_sentence: dict[int, list[TimeExpr]], sent_index: int,
               doc) -> EventDate:
    """The date of the time expression governed by the event's verb, else the publication date."""
    d = info(doc)
    verb = _governing_verb(d, tok.i)
    # the event's own clause first, then the clause it hangs on ("were killed fighting X since 1985")
    verbs = [verb]
    if d.dep[verb] in ("advcl", "xcomp", "conj") and d.heads[verb] != verb:
        verbs.append(_governing_verb(d, d.heads[verb]))
    for v in verbs:
        for t in times_by_sentence.get(sent_index, []):
            if t.type not in ("DATE", "TIME", "DURATION"):
                continue
            value = t.value if t.type != "DURATION" else _ago(t, record)
            if value is None:
                continue
            root = d.span_root(t.start, t.end)
            if root is None:
                continue
            if _governing_verb(d, root.i) == v or (v == verb and d.heads[root.i] == tok.i) \
                    or _when_clause_of(d, v, root.i):
                return EventDate(value=value, basis="time", time=t.id)
    if not record.times:
        # no time stage: a plain year governed by the verb ("In 2014 Russia annexed …")
        for ent in sent.ents:
            if ent.label_ == "DATE" and (_governing_verb(d, ent.root.i) == verb or d.heads[ent.root.i] == tok.i):
                m = re.search(r"\b(1[89]\d\d|20\d\d)\b", ent.text)
                if m:
                    return EventDate(value=m.group(1), basis="time")
    if record.published:
        return EventDate(value=record.published[:10], basis="published")
    return EventDate(value=None, basis="none")


def _when_clause_of(d, verb: int, time_root: int) -> bool:
    """"in 1974, when Turkey invaded Cyprus", "Since 1979 _ when the Soviets moved in …": a when-clause
    hung on the time (or on the word the time modifies) happened then."""
    if d.dep[verb] != "relcl" or not any(d.dep[c] == "advmod" and d.lower[c] == "when" for c in d.kids[verb]):
        return False
    head = d.heads[verb]
    return head == time_root or d.heads[time_root] == head


_AGO = re.compile(r"\b(ago|earlier|before)\s*$", re.I)
_PERIOD = re.compile(r"^P(\d+)([YMWD])$")


def _ago(t: TimeExpr, record: Article) -> str | None:
    """The date of "two years ago" (a duration back from publication): 1998-03 → "1996"; else None."""
    m = _PERIOD.match(t.value or "")
    if not m or not record.published or not _AGO.search(t.text):
        return None
    try:
        pub = date.fromisoformat(record.published[:10])
    except ValueError:
        return None
    n, unit = int(m.group(1)), m.group(2)
    if unit == "Y":
        return f"{pub.year - n:04d}"
    if unit == "M":
        month = pub.year * 12 + pub.month - 1 - n
        return f"{month // 12:04d}-{month % 12 + 1:02d}"
    return (pub - timedelta(days=n * (7 if unit == "W" else 1))).isoformat()


def is_historical(when: EventDate, record: Article) -> bool:
    if when.basis != "time" or not record.published:
        return False
    rng = _date_range(when.value or "")
    pub = _date_range(record.published)
    if not rng or not pub:
        return False
    return rng[1] < pub[0] - timedelta(days=HISTORICAL_DAYS)


def is_after_publication(when: EventDate, record: Article) -> bool:
    if when.basis != "time" or not record.published:
        return False
    rng = _date_range(when.value or "")
    pub = _date_range(record.published)
    return bool(rng and pub and rng[0] > pub[1])


_NOUN_HYPOTHETICAL = {"possible", "potential", "likely", "feared", "prospective", "hypothetical", "eventual"}
_NOUN_FUTURE = {"planned", "proposed", "upcoming", "scheduled", "expected", "impending", "forthcoming", "set", "due"}
_NOUN_CLAIMED = {"alleged", "reported", "suspected", "purported", "claimed"}


def _noun_modality(tok) -> str | None:
    """Modality carried by a nominal event's own words or frame: "a possible invasion", "in the event of an invasion"."""
    d, i = info(tok.doc), tok.i
    if d.pos[i] not in ("NOUN", "PROPN"):
        return None
    dep, lower, heads = d.dep, d.lower, d.heads
    mods = {lower[c] for c in d.kids[i] if dep[c] in ("amod", "advmod")}
    # "a summit set for April", "talks due next week", "the talks scheduled for Monday"
    mods |= {lower[c] for c in d.kids[i] if dep[c] == "acl" and lower[c] in ("set", "due", "scheduled", "planned")}
    if mods & _NOUN_HYPOTHETICAL:
        return "conditional"
    if mods & _NOUN_FUTURE:
        return "future"
    if mods & _NOUN_CLAIMED:
        return "claimed"
    if laid_on(d, i):
        return "claimed"  # "killings blamed on the IRA": who did it is a claim
    node = i
    for _ in range(4):
        if heads[node] == node:
            break
        if d.lemma[node] in ("event", "case") and dep[node] == "pobj" and lower[heads[node]] == "in":
            return "conditional"
        node = heads[node]
    return None


def modality(tok, when: EventDate, record: Article, *, source_code: str | None, reporter_code: str | None,
             extra_tokens=()) -> str:
    toks = (tok, *extra_tokens)
    if is_negated(tok) or denied_report(tok):
        return "negated"
    noun = _noun_modality(tok)
    if noun in ("conditional", "future"):
        return noun
    if any(is_conditional(t) for t in toks):
        return "conditional"
    if any(is_future(t) for t in toks) or is_after_publication(when, record):
        return "future"
    if is_historical(when, record):
        return "historical"
    if noun == "claimed":
        return "claimed"
    reporter = reporting_verb(tok)
    if reporter is not None and (reporter_code is None or source_code is None or reporter_code[:3] != source_code[:3]):
        if info(tok.doc).lemma[reporter.i] in CLAIM_VERBS or possibility(tok):
            return "claimed"
    if any(possibility(t) for t in toks):
        return "conditional"  # "Iran may sue": a possible event, not a fact
    return "asserted"


def event_place(tok, record: Article, sent_index: int, doc) -> str | None:
    """A place of the same clause: a place whose governing verb is the event's verb."""
    d = info(doc)
    verb = _governing_verb(d, tok.i)
    for p in record.places:
        if p.sentence != sent_index:
            continue
        root = d.span_root(p.start, p.end)
        if root is not None and _governing_verb(d, root.i) == verb:
            return p.id
    return None


_DATA = Path(__file__).resolve().parents[2] / "data" / "cameo"


@cache
def _blame_words() -> dict:
    """The words of blame and attribution (data/cameo/recall.yaml) and of fighters (senses.yaml)."""
    recall = yaml.safe_load((_DATA / "recall.yaml").read_text(encoding="utf-8"))
    fighters = yaml.safe_load((_DATA / "senses.yaml").read_text(encoding="utf-8"))["fighter_words"]
    return {"verbs": frozenset(recall["attribution_verbs"]), "preps": frozenset(recall["attribution_preps"]),
            "adjectives": frozenset(recall["responsibility_adjectives"]), "fighters": frozenset(fighters)}


@cache
def _denials() -> tuple[frozenset, frozenset]:
    recall = yaml.safe_load((_DATA / "recall.yaml").read_text(encoding="utf-8"))
    return frozenset(recall["denying_verbs"]), frozenset(recall["report_nouns"])


def denied_report(tok) -> bool:
    """Whether the act is what a denial denies (eighth round): "denied press claims that six students were
    held", "denied that its troops fired" (recall.yaml denying_verbs, report_nouns)."""
    d, node = info(tok.doc), tok.i
    verbs, nouns = _denials()
    for _ in range(4):  # from the act up to the clause a report noun or a denial verb holds
        head = d.heads[node]
        if head == node:
            return False
        if d.dep[node] in ("ccomp", "acl", "xcomp") and d.lemma[head] in verbs and d.pos[head] == "VERB":
            return not is_negated(d.tokens[head])
        if d.dep[node] in ("acl", "ccomp") and d.lemma[head] in nouns:
            return d.dep[head] == "dobj" and d.lemma[d.heads[head]] in verbs and not is_negated(d.tokens[d.heads[head]])
        if d.dep[node] not in ("nsubjpass", "nsubj", "dobj", "pobj", "prep", "conj"):
            return False  # the act's own noun or verb, up to its clause
        node = head
    return False


def held_responsible(d, i: int, attack) -> int | None:
    """The copula of "X is responsible for <attack>" / "X was behind <attack>" when token `i` is
    "responsible" or "behind" there, else None; `attack(j)` says whether token j names an attack."""
    if d.dep[i] == "acomp" and d.lemma[i] in _blame_words()["adjectives"]:
        preps = [c for c in d.kids[i] if d.dep[c] == "prep" and d.lower[c] == "for"]
    elif d.dep[i] == "prep" and d.lower[i] == "behind":
        preps = [i]
    else:
        return None
    copula = d.heads[i]
    if d.lemma[copula] != "be" or not any(d.dep[p] == "pobj" and attack(p) for c in preps for p in d.kids[c]):
        return None
    return copula


def _doer(d, p: int) -> bool:
    """Whether token p can name who did an attack: a name, a pronoun, a named group or fighters."""
    return d.pos[p] in ("PROPN", "PRON") or d.lower[p] in _blame_words()["fighters"] or any(
        d.dep[c] in ("compound", "amod", "poss") and d.pos[c] == "PROPN" for c in d.kids[p])


def laid_on(d, i: int) -> bool:
    """Whether the attack noun at `i` is laid at someone's door by blame, a link or attribution
    ("killings blamed on the IRA", "linked the attack to X"), or said to be someone's doing ("police
    say the IRA was behind the bombing"): who did it is a claim (modality `claimed`). Not where it is
    linked to another thing ("the raid is not linked with the probe")."""
    w = _blame_words()
    head = d.heads[i]
    if d.dep[i] == "pobj" and (d.lower[head] == "behind" or d.lower[head] == "for" and d.dep[d.heads[head]] == "acomp") \
            and held_responsible(d, head if d.lower[head] == "behind" else d.heads[head], lambda j: j == i) is not None:
        return reporting_verb(d.tokens[i]) is not None
    verb = head if d.dep[i] in ("dobj", "nsubjpass") and d.lemma[head] in w["verbs"] else next(
        (c for c in d.kids[i] if d.dep[c] == "acl" and d.lemma[c] in w["verbs"]), None)
    if verb is None:
        return False
    # the verb's phrase, or "to X" the parser hangs on the noun ("linked the attack to X"), not its target
    preps = [c for c in d.kids[verb] if d.dep[c] == "prep" and d.lower[c] in w["preps"]] + [
        c for c in d.kids[i] if d.dep[c] == "prep" and d.lower[c] == "to" and verb == head]
    return any(d.dep[p] == "pobj" and _doer(d, p) for c in preps for p in d.kids[c])
