"""What a number means in its sentence: is it a count at all, how sure, which way, of what.

- `not_a_quantity`: years, dates, clock times, street numbers, labels ("Game 7",
  "iPhone 11"), sports scores and decades are not quantities;
- `qualifier`: "up to" → at_most, "more than" → at_least, "about" → approximate;
- `change`: "rose 5%", "down 68p", "fell to $3" → up/down;
- `category`: GKG-style count themes (KILL, WOUND, ARREST …) from the governing verb,
  an adjective right after the number, or the counted noun;
- `governing_verb`: the clause verb a quantity belongs to, for attachment.
"""
from __future__ import annotations

import re
from functools import cache

from .data import category_lookup, cues, numbers
from .numbers import Num

__all__ = ["not_a_quantity", "age_after_name", "qualifier", "change", "category", "noun_category", "governing_verb"]

_CLIMB = frozenset({"nummod", "quantmod", "compound", "dobj", "npadvmod", "advmod", "pobj", "prep", "nmod", "attr",
                    "acomp", "appos", "nsubj", "nsubjpass", "amod", "conj", "oprd", "dative"})


@cache
def _sets() -> dict:
    c, n = cues(), numbers()
    return {
        "months": frozenset(n["month_names"]),
        "clock": frozenset(n["clock_suffixes"]),
        "address": frozenset(c["address_suffixes"]),
        "labels": frozenset(c["label_words"]),
        "up": frozenset(c["change_up"]),
        "down": frozenset(c["change_down"]),
        "intransitive": frozenset(c["intransitive"]),
        "qual_before": c["qualifier_before"],
        "qual_after": c["qualifier_after"],
        "age_nouns": frozenset(c["age_person_nouns"]),
        "service": frozenset(c["service_numbers"]),
    }


@cache
def _qual_words() -> frozenset:
    return frozenset(w for cue in _sets()["qual_before"] for w in cue.split())


def _is_month(tok) -> bool:
    return tok.lower_.rstrip(".") in _sets()["months"] and (tok.text[:1].isupper() or tok.lower_ not in ("may", "march"))


_NAME_ENTS = frozenset({"PRODUCT", "LAW", "WORK_OF_ART", "EVENT", "FAC"})
_PHONE_REST = re.compile(r"\d{3}-\d{4}(?!\d)")
_AGE_SUBJECTS = frozenset({"who", "he", "she", "i"})
_AGE_CLOSERS = frozenset({",", ")", ".", ";", ":", "and", "of", "from", "who", "was", "is", "were", "are", "has", "had"})


def age_after_name(doc, num: Num, sent_start: int, sent_end: int) -> bool:
    """A whole number 1-120 right after a person: "Maddon, 66, said", "Maria Lopez 37 of Alexandria",
    "Smith (45)", "the victim, 71," — that person's age, not a count."""
    if num.kind != "digit" or num.currency or num.scaled or num.suffix or num.value is None or not num.raw.isdigit():
        return False
    if not 1 <= num.value <= 120 or num.start <= sent_start:
        return False
    nxt = doc[num.end] if num.end < sent_end else None
    if nxt is not None and nxt.lower_ not in _AGE_CLOSERS:
        return False
    prev = doc[num.start - 1]
    if prev.lower_ in ("is", "was", "turned", "turns", "turn") and num.start - 2 >= sent_start \
            and doc[num.start - 2].lower_ in _AGE_SUBJECTS and (nxt is None or nxt.text in (",", ".", ";")):
        return True  # "Jones, who is 52, said", "she turned 40."
    if prev.text in (",", "("):
        if num.start - 2 < sent_start:
            return False
        person = doc[num.start - 2]
        closes = nxt is None or nxt.text in (",", ")", ".", ";") or (prev.text == "," and nxt.lower_ == "and")
        if prev.text == "(" and (nxt is None or nxt.text != ")"):
            return False
        return closes and (person.pos_ == "PROPN" or person.ent_type_ == "PERSON"
                           or (person.pos_ == "NOUN" and person.lemma_.lower() in _sets()["age_nouns"]))
    # no comma: "Maria Lopez 37 of Alexandria" — a name of two or more words the tagger calls a person
    return prev.pos_ == "PROPN" and prev.ent_type_ == "PERSON" and num.start - 2 >= sent_start \
        and doc[num.start - 2].ent_type_ == "PERSON" and doc[num.start - 2].pos_ == "PROPN" and nxt is not None \
        and nxt.text not in (".", ")")


def not_a_quantity(doc, num: Num, sent_start: int, sent_end: int, has_unit: bool, head) -> str | None:
    """A reason when `num` is a year, date, time, address, label or score; None when it is a quantity."""
    s = _sets()
    value = num.value
    plain = num.kind == "digit" and not num.currency and not num.scaled and value is not None
    prev = doc[num.start - 1] if num.start > sent_start else None
    nxt = doc[num.end] if num.end < sent_end else None
    if num.kind == "range" and not has_unit and not num.currency and num.low is not None and num.high is not None \
            and len(num.raw) == 4 and num.raw.isdigit():
        if all(v == int(v) and 1000 <= v <= 2100 for v in (num.low, num.high)):
            return "year"
    if plain and not has_unit:
        integer = value == int(value) and "," not in num.raw and "." not in num.raw
        plural_head = head is not None and head.tag_ == "NNS" and head.i == num.end
        if integer and len(num.raw) == 4 and (1900 <= value <= 2050 or (1000 <= value <= 2200 and not plural_head)) \
                and not _amount_context(doc, num, sent_start, prev, plural_head):
            return "year"
        if prev is not None and nxt is not None and prev.text == "," and nxt.text == "," and 1 <= value <= 120 and integer \
                and num.start - 2 >= sent_start and doc[num.start - 2].pos_ == "PROPN":
            return "age"  # "Maddon, 66, said": an age in apposition, not a count
        if integer and 1 <= value <= 31 and ((prev is not None and _is_month(prev)) or (nxt is not None and _is_month(nxt))):
            return "date"
        if nxt is not None and (nxt.lower_ in s["clock"] or nxt.text in (":",)):
            return "time"
        if prev is not None and prev.text == ":" and num.start - 2 >= sent_start and doc[num.start - 2].like_num:
            return "time"
        if prev is not None and prev.whitespace_ == "" and prev.text[:1].isalpha() and prev.pos_ in ("PROPN", "NOUN") \
                and not prev.text.islower():
            return "label"
        if prev is not None and (prev.lower_ in s["labels"] or (
                prev.text == "." and num.start - 2 >= sent_start and doc[num.start - 2].lower_ + "." in s["labels"])):
            return "label"  # "Room 201", "No. 3" (also when the tokenizer splits "No" and ".")
        if num.raw in s["service"]:
            return "label"  # "a 911 call"
        if prev is not None and prev.text == "(" and nxt is not None and nxt.text == ")" and len(num.raw) == 3 \
                and _PHONE_REST.match("".join(doc[k].text for k in range(num.end + 1, min(num.end + 4, sent_end)))):
            return "phone"  # "(318) 555-0199"
        named_prev = prev is not None and (
            (prev.pos_ == "PROPN" and prev.ent_type_ not in ("NORP", "GPE", "PERSON", "DATE", "CARDINAL"))
            or (any(c.isupper() for c in prev.text) and prev.i > sent_start and prev.lower_ not in _qual_words()))
        if named_prev:  # "iPhone 11", "Big 12", "S&P 500"
            if prev.ent_type_ in _NAME_ENTS:
                return "label"  # "Windows 10 users", "Section 8 vouchers": the number belongs to the name
            if head is None or head.pos_ == "PROPN" or (nxt is not None and (nxt.pos_ == "PROPN" or nxt.text[:1].isupper())):
                return "label"
        if head is not None and nxt is not None and nxt.pos_ == "PROPN" and any(
                c.dep_ == "nummod" and c.i < num.start and c.like_num for c in head.children):
            return "label"  # "two new 737 Max jets": the count comes first, the model number after it
        counts_named = head is not None and head.tag_ == "NNS" and head.pos_ == "NOUN" and len(num.raw) >= 4 \
            and not any(c.dep_ == "nummod" and c.i < num.start for c in head.children)
        if integer and (value >= 100 or (head is not None and head.pos_ == "PROPN")) and nxt is not None \
                and nxt.text[:1].isupper() and nxt.pos_ in ("PROPN", "NOUN", "ADJ") \
                and nxt.ent_type_ not in ("NORP", "GPE", "PERSON") and not counts_named:
            return "label"  # "737 Max jets", "90049 ZIP Code"
    if num.kind == "digit" and not has_unit and not num.currency and value is not None and value > 0:
        if num.raw.isdigit() and len(num.raw) <= 5:
            for k in range(num.end, min(num.end + 5, sent_end)):
                tok = doc[k]
                if tok.lower_ in s["address"] and tok.text[:1].isupper():
                    return "address"
                if not (tok.text[:1].isupper() or tok.like_num or tok.text in (".",)):
                    break
    if num.kind == "range" and not has_unit and num.sep in ("-", "–") and head is None:
        return "score"
    if num.kind == "range" and not has_unit and nxt is not None:
        for k in range(num.end, min(num.end + 5, sent_end)):
            tok = doc[k]
            if tok.lower_ in s["address"] and tok.text[:1].isupper():
                return "address"
            if not tok.text[:1].isupper():
                break
    if num.kind == "digit" and not has_unit and nxt is not None and nxt.lower_ == "-" and num.end + 1 < sent_end \
            and doc[num.end + 1].like_num:
        return "score"
    return None


_AMOUNT_PREPS = frozenset({"by", "to", "than"})


def _amount_context(doc, num: Num, sent_start: int, prev, plural_head: bool) -> bool:
    """A year-like number that is an amount: after a qualifier ("an average of 2000", "more than 1950 people")
    or counting a plural right after "by", "to" or "than" ("fell by 1950 students", "rose to 2015 units"); not
    after a bare verb ("reported 2019 earnings" is a year)."""
    table = _sets()["qual_before"]
    if any(_phrase_before(doc, num.start, sent_start, n) in table for n in (1, 2, 3) if num.start - n >= sent_start):
        return True
    return plural_head and prev is not None and prev.lower_ in _AMOUNT_PREPS


def _phrase_before(doc, idx: int, lo: int, n: int) -> str:
    return " ".join(doc[k].lower_ for k in range(max(lo, idx - n), idx))


def qualifier(doc, num: Num, sent_start: int, unit_end_tok: int, sent_end: int) -> tuple[str | None, int]:
    """The qualifier cue before (or after) the number, and the token where the cue starts."""
    table = _sets()["qual_before"]
    for n in (4, 3, 2, 1):
        if num.start - n < sent_start:
            continue
        words = _phrase_before(doc, num.start, sent_start, n)
        if words in table:
            return table[words], num.start - n
    after = _sets()["qual_after"]
    if unit_end_tok < sent_end:
        one = doc[unit_end_tok].lower_
        two = one + " " + doc[unit_end_tok + 1].lower_ if unit_end_tok + 1 < sent_end else ""
        if two in after:
            return after[two], num.start
        if one in after:
            return after[one], num.start
    return None, num.start


def governing_verb(tok, doc, heads: list[int], max_steps: int = 5):
    """The nearest verb above `tok` through noun-phrase and prepositional links (`doc` indexes the
    tokens, `heads` their head indices). A root's dep ROOT ends the climb."""
    cur = tok
    for _ in range(max_steps):
        if cur.pos_ in ("VERB", "AUX") and cur is not tok:
            return cur
        if cur.dep_ not in _CLIMB:
            return cur if cur.pos_ in ("VERB", "AUX") else None
        cur = doc[heads[cur.i]]
    return cur if cur.pos_ in ("VERB", "AUX") else None


def change(doc, heads: list[int], num: Num, anchor, qual_start: int, sent_start: int, unit_end_tok: int,
           sent_end: int) -> str | None:
    """"up"/"down" where the text states a direction for this amount."""
    s = _sets()
    if num.change:
        return num.change
    k = qual_start - 1
    if k >= sent_start and doc[k].lower_ == "by":
        k -= 1
    if k >= sent_start and doc[k].lower_ in ("up", "down", "higher", "lower", "+"):
        return "up" if doc[k].lower_ in ("up", "higher", "+") else "down"
    if unit_end_tok < sent_end and doc[unit_end_tok].lower_ in ("higher", "lower"):
        return "up" if doc[unit_end_tok].lower_ == "higher" else "down"
    cur = anchor
    for _ in range(4):  # (a root is its own head: climbing on stays there)
        parent = doc[heads[cur.i]]
        if cur.dep_ == "pobj" and parent.lower_ not in ("by", "to"):
            return None
        cur = parent
        if cur.pos_ in ("VERB", "AUX", "ADV", "ADJ"):
            lemma = cur.lemma_.lower()
            if lemma in s["up"]:
                return "up"
            if lemma in s["down"]:
                return "down"
            if cur.pos_ in ("VERB", "AUX"):
                return None
        elif cur.pos_ in ("NOUN", "PROPN", "SYM") and cur.dep_ not in ("pobj",) and not (num.start <= cur.i < unit_end_tok):
            return None
    return None


def category(doc, v, num: Num, head, anchor, sent_start: int, sent_end: int, is_money: bool, has_unit: bool) -> str | None:
    """A GKG-style theme for counts (and AID for money) from verbs, adjectives and counted nouns."""
    verbs, nouns, adjs, priority, money_only = category_lookup()
    s = _sets()
    if has_unit and not is_money:
        return None
    found: set[str] = set()
    if not is_money:
        if num.end < sent_end and doc[num.end].lower_ in adjs:
            found.add(adjs[doc[num.end].lower_])
        heads = v.heads
        base = head if head is not None else anchor
        cur = base
        for _ in range(4):  # (at a root, dep ROOT ends the climb)
            dep = cur.dep_
            parent = doc[heads[cur.i]]
            if parent.pos_ in ("VERB", "AUX"):
                lemma = parent.lemma_.lower()
                cat = verbs.get(lemma)
                if cat and (dep in ("dobj", "nsubjpass", "pobj", "conj", "appos", "npadvmod", "attr", "oprd")
                            or (dep == "nsubj" and lemma in s["intransitive"])):
                    found.add(cat)
                if cat or parent.pos_ == "VERB":
                    break
            if dep not in _CLIMB:
                break
            cur = parent
        if head is not None:
            for tok in v.children(head):  # head.lefts
                if tok.i >= head.i:
                    break
                if tok.i >= num.end and tok.lemma_.lower() in nouns:
                    found.add(nouns[tok.lemma_.lower()])
            lemma = head.lemma_.lower()
            if lemma in nouns:
                found.add(nouns[lemma])
            elif head.lower_ in nouns:
                found.add(nouns[head.lower_])
        tok = anchor
        for _ in range(3):  # "a death toll of 44" (a root is its own head: climbing on stays there)
            tok = doc[heads[tok.i]]
            if tok.pos_ == "NOUN" and tok.lemma_.lower() in ("toll", "death", "casualty", "fatality"):
                found.add(nouns[tok.lemma_.lower()])
                break
        found -= money_only
    else:
        lo, hi = max(sent_start, num.start - 8), min(sent_end, num.end + 8)
        for k in range(lo, hi):
            lemma = doc[k].lemma_.lower()
            cat = nouns.get(lemma) if doc[k].pos_ == "NOUN" else None
            if cat in money_only:
                found.add(cat)
    for cat in priority:
        if cat in found:
            return cat
    return None


def noun_category(word: str) -> str | None:
    """Category of a counted noun by itself ("soldiers" → MOBILIZE), money-only themes excluded."""
    _, nouns, _, _, money_only = category_lookup()
    low = word.lower()
    for form in (low, low[:-1] if low.endswith("s") else low, low[:-2] if low.endswith("es") else low):
        cat = nouns.get(form)
        if cat and cat not in money_only:
            return cat
    return None
