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

from ..record import Article, EventDate, TimeExpr

__all__ = ["modality", "event_date", "event_place", "governing_verb", "HISTORICAL_DAYS", "reporting_verb"]

HISTORICAL_DAYS = 365  # an event dated this long before publication is "historical" (CAMEO coders use the lead's own dates)
_NEG = {"not", "n't", "never", "no", "nt"}
_COND_MARKS = {"if", "unless", "provided", "whether"}
_FUTURE_AUX = {"will", "shall", "'ll", "’ll", "wo"}
_FUTURE_HEADS = {"plan", "intend", "expect", "schedule", "hope", "aim", "set", "due", "prepare", "going", "want", "seek"}
_POSSIBLE = {"could", "may", "might"}
CLAIM_VERBS = {"claim", "allege", "warn", "fear", "suspect", "believe", "suggest", "speculate", "rumor", "rumour",
               "assert", "insist", "contend", "think"}
SAY_VERBS = {"say", "tell", "state", "announce", "report", "add", "note", "declare", "confirm", "write", "insist",
             "explain", "disclose", "reveal"} | CLAIM_VERBS


def _aux(tok) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}


def is_negated(tok) -> bool:
    if any(c.dep_ == "neg" or (c.lower_ in _NEG and c.dep_ in ("advmod", "det")) for c in tok.children):
        return True
    # "No group has admitted …"
    if any(c.dep_ in ("nsubj", "nsubjpass") and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
           for c in tok.children):
        return True
    # "did not want to attack": the negation sits on the governing verb of an infinitive
    head = tok.head
    if tok.dep_ == "xcomp" and head.i != tok.i and head.lemma_ in ("want", "plan", "intend", "try", "seek", "dare"):
        return any(c.dep_ == "neg" for c in head.children)
    return False


def is_conditional(tok) -> bool:
    node = tok
    for _ in range(3):
        for c in node.children:
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _COND_MARKS for m in c.children):
                return True
            if c.dep_ == "prep" and c.lower_ == "in":
                for p in c.children:
                    if p.dep_ == "pobj" and p.lemma_.lower() in ("event", "case"):
                        return True
        if node.dep_ in ("advcl", "ccomp") and any(m.dep_ == "mark" and m.lower_ in _COND_MARKS for m in node.children):
            return True  # "if he invades", and the open question of "we don't know if he decided"
        if node.dep_ in ("xcomp", "conj") and node.head.i != node.i:
            node = node.head
            continue
        break
    return False


def is_future(tok) -> bool:
    if _aux(tok) & _FUTURE_AUX:
        return True
    if "going" in _aux(tok):
        return True
    node = tok
    for _ in range(2):
        if node.dep_ in ("xcomp",) and node.head.lemma_.lower() in _FUTURE_HEADS:
            return True
        if node.dep_ == "conj":
            node = node.head
            if _aux(node) & _FUTURE_AUX:
                return True
            continue
        break
    return False


def reporting_verb(tok):
    """The speech or claim verb whose reported clause holds `tok`, if any."""
    node = tok
    for _ in range(6):
        if node.head.i == node.i:
            return None
        if node.dep_ in ("ccomp", "xcomp", "parataxis") and node.head.lemma_.lower() in SAY_VERBS:
            return node.head
        if node.dep_ == "ROOT":
            return None
        node = node.head
    return None


def possibility(tok) -> bool:
    return bool(_aux(tok) & _POSSIBLE)


def governing_verb(tok):
    """The nearest verb at or above a token (the token itself when it is a verb)."""
    node = tok
    for _ in range(8):
        if node.pos_ in ("VERB", "AUX") and node.dep_ != "aux":
            return node
        if node.head.i == node.i:
            return node
        node = node.head
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
    verb = governing_verb(tok)
    for t in times_by_sentence.get(sent_index, []):
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None or t.type not in ("DATE", "TIME"):
            continue
        if governing_verb(span.root) == verb or span.root.head == tok:
            return EventDate(value=t.value, basis="time", time=t.id)
    if not record.times:
        # no time stage: a plain year governed by the verb ("In 2014 Russia annexed …")
        for ent in sent.ents:
            if ent.label_ == "DATE" and (governing_verb(ent.root) == verb or ent.root.head == tok):
                m = re.search(r"\b(1[89]\d\d|20\d\d)\b", ent.text)
                if m:
                    return EventDate(value=m.group(1), basis="time")
    if record.published:
        return EventDate(value=record.published[:10], basis="published")
    return EventDate(value=None, basis="none")


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
_NOUN_FUTURE = {"planned", "proposed", "upcoming", "scheduled", "expected", "impending", "forthcoming"}
_NOUN_CLAIMED = {"alleged", "reported", "suspected", "purported", "claimed"}


def _noun_modality(tok) -> str | None:
    """Modality carried by a nominal event's own words or frame: "a possible invasion", "in the event of an invasion"."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    mods = {c.lower_ for c in tok.children if c.dep_ in ("amod", "advmod")}
    if mods & _NOUN_HYPOTHETICAL:
        return "conditional"
    if mods & _NOUN_FUTURE:
        return "future"
    if mods & _NOUN_CLAIMED:
        return "claimed"
    node = tok
    for _ in range(4):
        if node.head.i == node.i:
            break
        if node.lemma_.lower() in ("event", "case") and node.dep_ == "pobj" and node.head.lower_ == "in":
            return "conditional"
        node = node.head
    return None


def modality(tok, when: EventDate, record: Article, *, source_code: str | None, reporter_code: str | None,
             extra_tokens=()) -> str:
    toks = (tok, *extra_tokens)
    if is_negated(tok):
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
        if reporter.lemma_.lower() in CLAIM_VERBS or possibility(tok):
            return "claimed"
    return "asserted"


def event_place(tok, record: Article, sent_index: int, doc) -> str | None:
    """A place of the same clause: a place whose governing verb is the event's verb."""
    verb = governing_verb(tok)
    for p in record.places:
        if p.sentence != sent_index:
            continue
        span = doc.char_span(p.start, p.end, alignment_mode="expand")
        if span is not None and governing_verb(span.root) == verb:
            return p.id
    return None
