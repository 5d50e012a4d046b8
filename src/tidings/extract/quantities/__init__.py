"""Quantities: numbers with what they count or measure, how sure, which way, and of what.

Steps per sentence of the parsed doc (cheap: token and regex work on the existing parse):
 1. find number expressions and read their values (`numbers`): digits,
    number words, "1.5 million", "$1.13bn", "tens of thousands", fractions, ranges;
 2. read the unit right after the number (data/quantities/units.json, currencies.json),
    with a currency prefix ("$", "US$", "PS") and "per X" compounds ("$ per barrel");
 3. otherwise take the counted noun phrase from the parse ("100 tactical battalion
    groups" → unit "tactical battalion groups", counted "groups"); "56 more" borrows
    the counted noun of the quantity before it in the sentence;
 4. drop what is not a quantity: unitless numbers inside DATE/TIME expressions, years,
    dates, clock times, street numbers, labels ("Game 7"), scores, ordinals;
    ages ("a 19-year-old", "Maddon, 66, said", "Maria Lopez 37 of …") are kept as measures
    of age, never as counts; a model number after a count ("two new 737 Max jets") is a label;
 4b. spread a unit written once over several numbers ("four-, five- and six-cylinder",
    "a pick or two": `spread`);
 5. add the qualifier, the change direction, a GKG-style category for counts and the
    event or entity of the same clause.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from ...record import Article, Quantity
from .context import age_after_name, category, change, governing_verb, not_a_quantity, noun_category, qualifier
from .data import cues, match_currency_word, match_unit
from .._doc import DocView, view_of
from .numbers import Num, candidate_tokens, scan_numbers
from .spread import or_counted, spread_units, suspended_numbers

__all__ = ["extract_quantities"]

_NOUNISH = ("NOUN", "PROPN")
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "nummod", "quantmod", "npadvmod", "advmod"})
# Ages ("a 19-year-old") are never counts; they are kept as measures of age (normalized_unit
# "year of age", no counted noun, no category) because NewsQuant annotates them. False drops them.
EMIT_AGES = True
_CURRENCY_SPELLING = {"$US": "US$", "US $": "US$", "HK $": "HK$", "U.S. $": "US$", "$NZ": "NZ$"}
_GLUED_STOP = re.compile(r"\d[A-Za-z]+\.$")  # an amount token that swallowed the full stop: "450K.", "65W."
_TIME_AFTER = re.compile(r"\s+(?:earlier|ago|later|before|after)\b")  # "a year earlier": no rate
_SUBUNITS = {"cent": "cent", "cents": "cent", "pence": "pence", "penny": "pence", "sen": "sen"}


class _Unit:
    __slots__ = ("text", "norm", "kind", "end_char", "end_tok")

    def __init__(self, text, norm, kind, end_char, end_tok):
        self.text, self.norm, self.kind, self.end_char, self.end_tok = text, norm, kind, end_char, end_tok


def _tok_at(doc, char: int, lo: int, hi: int) -> int:
    """Index of the first token starting at or after `char` (within [lo, hi])."""
    k = lo
    while k < hi and doc[k].idx < char:
        k += 1
    return k


def _after_unit(doc, text: str, num: Num, sent_end: int) -> _Unit | None:
    last = doc[num.end - 1]
    begin = last.idx + len(last)
    limit = doc[sent_end - 1].idx + len(doc[sent_end - 1]) if sent_end > 0 else len(text)
    window = text[begin:min(limit, begin + 48)]
    hits = [h for h in (match_unit(window), match_currency_word(window)) if h is not None]
    if not hits:
        return None
    hit = max(hits, key=lambda h: h.end)
    end_char = begin + hit.end
    if hit.kind == "currency":
        norm = _SUBUNITS.get(hit.text.split()[-1].lower(), hit.normalized)
    else:
        norm = hit.normalized
    return _Unit(hit.text, norm, hit.kind, end_char, _tok_at(doc, end_char, num.end, sent_end))


def _per_compound(doc, text: str, unit: _Unit, sent_end: int) -> None:
    """Extend a unit with "per barrel", "a month", "/kg": "$ per barrel", "cents per share"."""
    k = unit.end_tok
    if k + 1 >= sent_end:
        return
    word = doc[k].lower_
    if word not in cues()["per_words"]:
        return
    rest = text[doc[k + 1].idx:doc[k + 1].idx + 40]
    hit = match_unit(rest)
    if hit is not None and word in ("a", "an") and _TIME_AFTER.match(rest, hit.end):
        return  # "down from 4.2% a year earlier": a time, not a rate
    if hit is not None:
        end_char = doc[k + 1].idx + hit.end
        other_norm = hit.normalized
    elif word in ("per", "each", "every", "/") and doc[k + 1].pos_ == "NOUN":
        end_char = doc[k + 1].idx + len(doc[k + 1])
        other_norm = doc[k + 1].lemma_.lower()
    else:
        return
    unit.text = unit.text + text[unit.end_char:end_char]
    unit.norm = f"{unit.norm}/{other_norm}"
    unit.end_char = end_char
    unit.end_tok = _tok_at(doc, end_char, k + 1, sent_end)


def _glued_fix(record: Article, tok) -> str | None:
    """The real word inside a glued MT token ("soldiersa" → "soldiers"): from the clean step's
    glued_word artifact when there is one, else when the token is unknown but a 1–2 letter
    shorter prefix is a common word (wordfreq)."""
    for art in record.mt_artifacts:
        if art.kind == "glued_word" and art.suggestion and art.start <= tok.idx < art.end:
            return art.suggestion.split()[0]
    word = tok.text
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is None or not nxt.text[:1].isupper() or len(word) < 6 or not word.isalpha() or not word.islower():
        return None
    from wordfreq import zipf_frequency  # local: only odd tokens pay for loading the word list

    if zipf_frequency(word, "en") > 0:
        return None
    for cut in (1, 2):
        if zipf_frequency(word[:-cut], "en") >= 3.0:
            return word[:-cut]
    return None


def _np_start(doc, heads: list[int], head, lo: int) -> int:
    """First token of the contiguous modifiers before `head`, not before `lo`."""
    start = head.i
    k = head.i - 1
    while k >= lo:
        tok = doc[k]
        if tok.pos_ in ("PUNCT", "CCONJ", "DET", "PRON", "ADP", "PART") and tok.text not in ("-",):
            break
        if heads[k] < k or heads[k] > head.i:
            break
        start = k
        k -= 1
    while start < head.i and doc[start].text == "-":
        start += 1
    return start


_TIME_DETS = frozenset({"last", "next", "this", "previous", "past", "same", "that", "coming", "following"})


def _scan_head(doc, heads: list[int], j: int, sent_end: int, skip_dets: bool):
    """The noun heading the phrase that starts at token j: "tactical battalion groups" → groups."""
    k = j
    while k < sent_end and k - j <= 8:
        tok = doc[k]
        if tok.pos_ == "PROPN" and k > j and doc[k - 1].like_num and tok.text in ("M", "B", "K", "m", "bn", "k"):
            k += 1  # "4.3M" split by the tokenizer
            continue
        if tok.pos_ in _NOUNISH and tok.dep_ == "poss" and k + 1 < sent_end and doc[k + 1].tag_ == "POS":
            k += 2  # "the town's residents": the possessor is not what is counted
            continue
        if tok.pos_ in _NOUNISH and not (tok.dep_ in ("compound", "nmod", "amod") and k < heads[k] < sent_end
                                         and heads[k] - j <= 6 and doc[heads[k]].pos_ in _NOUNISH):
            return tok
        if skip_dets and k == j and tok.lower_ in ("those", "these") and k + 1 < sent_end and doc[k + 1].tag_ == "VBN":
            return doc[k + 1]  # "a quarter of those polled"
        if ((tok.pos_ == "DET" or tok.tag_ == "PRP$") and skip_dets) or (tok.pos_ == "CCONJ" and k > j):
            k += 1
            continue
        if tok.pos_ not in _NOUNISH + ("ADJ", "VERB", "PUNCT", "NUM", "ADV") or (tok.pos_ == "PUNCT" and tok.text != "-"):
            return None
        if tok.tag_ in ("VBD", "VBZ", "VBP", "MD") or (k == j and tok.tag_ in ("JJR", "RBR")):
            return None  # "Precinct 3 reported 412 ballots"; "30k cheaper": an amount with no noun
        k += 1
    return None


def _counted(doc, heads: list[int], num: Num, sent_end: int):
    """(head token, first phrase token) of what the number counts, from the parse; None when nothing."""
    j = num.end
    if j >= sent_end:
        return None
    nxt = doc[j]
    if nxt.lower_ == "of" and (num.kind in ("vague", "fraction", "one_of") or heads[j] == num.end - 1):
        head = _scan_head(doc, heads, j + 1, sent_end, skip_dets=True)
        if head is None:
            return None
        lo = j + 1
        while lo < head.i and doc[lo].pos_ in ("DET", "NUM", "PRON") or doc[lo].text in ("-",) and lo < head.i:
            lo += 1
        start = _np_start(doc, heads, head, lo)
        return head, start
    if num.kind in ("fraction", "one_of"):
        return None
    last = doc[num.end - 1]
    head = None
    h = heads[last.i]
    if h >= j and doc[h].pos_ in _NOUNISH and h - j <= 5 and last.dep_ in _MODIFIER_DEPS | {"appos"}:
        head = doc[h]
    elif nxt.pos_ in _NOUNISH + ("ADJ", "VERB") or (
            nxt.pos_ == "NUM" and nxt.text.isdigit() and j + 1 < sent_end and doc[j + 1].text[:1].isupper()
            and doc[j + 1].pos_ in _NOUNISH):  # "35 787 Dreamliners": a model number inside the phrase
        head = _scan_head(doc, heads, j, sent_end, skip_dets=False)
    if head is None or head.i < j:
        return None
    if head.lower_ in ("of", "per") or head.like_num:
        return None
    start = _np_start(doc, heads, head, j)
    if head.tag_ != "NNS":  # "330,000 Honda Civic and CR-V vehicles": the plural the names share
        plural = next((c for c in head.children if c.dep_ == "conj" and c.tag_ == "NNS" and c.pos_ == "NOUN"
                       and 0 < c.i - head.i <= 6), None)
        if plural is not None and any(doc[k].pos_ == "CCONJ" for k in range(head.i + 1, plural.i)) \
                and not any(doc[k].like_num for k in range(head.i + 1, plural.i)):  # "one son and two daughters"
            head = plural
    if head.tag_ != "NNS" and any(doc[k].lower_ in _TIME_DETS for k in range(j, head.i)):
        return None
    return head, start


class _Links:
    """The article's events by sentence, and its entity mentions sorted by start for overlap look-ups."""

    __slots__ = ("events", "mentions", "starts", "longest")

    def __init__(self, record: Article):
        self.events: dict[int, list] = {}
        for e in record.events:
            self.events.setdefault(e.sentence, []).append(e)
        # (start, end, rank in record order: entity order, then mention order, entity id)
        flat = [(m.start, m.end, ent.id) for ent in record.entities for m in ent.mentions]
        self.mentions = sorted((s, e, rank, eid) for rank, (s, e, eid) in enumerate(flat))
        self.starts = [m[0] for m in self.mentions]
        self.longest = max((e - s for s, e, _ in flat), default=0)

    def entity_over(self, lo: int, hi: int) -> str | None:
        """The entity of the first mention (in record order) overlapping [lo, hi)."""
        best = None
        k0 = bisect_right(self.starts, lo - max(self.longest, 0))  # an overlapping mention starts after this
        for start, end, rank, eid in self.mentions[k0:bisect_left(self.starts, hi)]:
            if lo < end and (best is None or rank < best[0]):
                best = (rank, eid)
        return best[1] if best else None


def _attach(doc, v, links: _Links, sent_idx: int, anchor, span: tuple[int, int]) -> str | None:
    verb = governing_verb(anchor, doc, v.heads)
    events = links.events.get(sent_idx)
    if events:
        ancestors = _ancestors(v.heads, anchor.i)
        for ev in events:
            if verb is not None and ev.action.start <= verb.idx < ev.action.end:
                return ev.id
        for ev in events:
            if any(ev.action.start <= doc[i].idx < ev.action.end for i in ancestors):
                return ev.id
    if links.mentions:
        subj = None
        if verb is not None:
            subj = next((c for c in v.children(verb) if c.dep_ in ("nsubj", "nsubjpass") and c.i != anchor.i), None)
        eid = links.entity_over(span[0], span[1])
        if eid is None and subj is not None:
            eid = links.entity_over(subj.idx, subj.idx + 1)
        if eid is not None:
            return eid
    return None


def _ancestors(heads: list[int], i: int) -> set[int]:
    """Indices of ``doc[i].ancestors``."""
    out = set()
    while heads[i] != i:
        i = heads[i]
        out.add(i)
    return out


def _quantities_in_sentence(doc, v, record: Article, sent, sent_idx: int, blocked: list[tuple[int, int]],
                            candidates: set[int], links: _Links) -> list[dict]:
    text = record.text
    heads = v.heads
    out: list[dict] = []
    prev_counted: tuple[str, str] | None = None
    for num in scan_numbers(doc, sent.start, sent.end, candidates):
        first = doc[num.start]
        last = doc[num.end - 1]
        n_start, n_end = first.idx, last.idx + len(last)
        in_time = any(s < n_end and n_start < e for s, e in blocked)
        unit: _Unit | None = None
        if num.suffix:
            unit = _Unit(num.suffix, num.suffix_norm or num.suffix, num.suffix_kind or "other", n_end, num.end)
        elif num.kind not in ("fraction", "one_of", "vague"):
            unit = _after_unit(doc, text, num, sent.end)
        if unit is None and num.start >= sent.start + 1 and (doc[num.start - 1].lower_ in ("aged", "age", "ages") or (
                num.start >= sent.start + 2 and doc[num.start - 2].lower_ == "age" and doc[num.start - 1].lower_ == "of")):
            unit = _Unit("age", "year of age", "age", n_end, num.end)
        elif unit is None and age_after_name(doc, num, sent.start, sent.end):
            unit = _Unit("age", "year of age", "age", n_end, num.end)  # "Maddon, 66, said"
        if num.currency:
            cur_text = _CURRENCY_SPELLING.get(num.currency_text, num.currency_text or "$")
            if unit is not None and unit.kind == "currency":  # "US$ 5 dollars": the word wins
                unit = _Unit(unit.text, unit.norm, "currency", unit.end_char, unit.end_tok)
            elif unit is None:
                unit = _Unit(cur_text, num.currency, "currency", n_end, num.end)
        if in_time and unit is None:
            continue  # a day, year or clock time of a DATE/TIME expression ("1520 sq m" keeps its unit)
        if unit is not None:
            _per_compound(doc, text, unit, sent.end)
        counted = None if unit is not None else _counted(doc, heads, num, sent.end)
        head = counted[0] if counted else None
        reason = not_a_quantity(doc, num, sent.start, sent.end, unit is not None, head)
        if reason is not None:
            continue
        unit_text, counted_word, end_char, end_tok = None, None, n_end, num.end
        if unit is not None:
            unit_text, end_char, end_tok = unit.text, unit.end_char, unit.end_tok
        elif head is not None:
            fix = _glued_fix(record, doc[counted[1]]) if counted[1] < head.i else None
            if fix:
                unit_text, counted_word = fix, fix
                end_char = doc[counted[1]].idx + len(fix)
            else:
                unit_text = text[doc[counted[1]].idx:head.idx + len(head)]
                counted_word = head.text
                end_char = head.idx + len(head)
            end_tok = head.i + 1
        elif num.end < sent.end and doc[num.end].lower_ in cues()["borrow_counted"] and prev_counted:
            unit_text, counted_word = prev_counted  # "killed 13 soldiers and wounded 56 more"
            end_char = doc[num.end].idx + len(doc[num.end])
            end_tok = num.end + 1
        elif prev_counted and num.kind in ("digit", "word") and last.dep_ in ("nsubj", "nsubjpass") and not num.currency:
            unit_text, counted_word = prev_counted  # "37 people died and 120 were injured"
        if unit_text is None and head is None and unit is None:
            counted_word = unit_text = or_counted(doc, num, sent.start)  # "another pick or two"
        if unit_text is None and (num.kind in ("word", "one_of", "vague")
                                  or (num.kind == "fraction" and doc[num.end].lower_ != "of")):
            continue  # "the two of them", "one": pronoun-like, not a quantity
        if unit_text is not None and unit is None:
            prev_counted = (unit_text, counted_word)
        qual, qual_start = qualifier(doc, num, sent.start, end_tok, sent.end)
        qual = qual or num.qualifier or ("at_least" if num.kind == "vague" else None) or "exact"
        anchor = head if head is not None else last
        direction = change(doc, heads, num, last, qual_start, sent.start, end_tok, sent.end)
        is_money = unit is not None and unit.kind == "currency"
        is_age = unit is not None and unit.kind == "age"
        if is_age and not EMIT_AGES:
            continue
        cat = None if is_age else category(doc, v, num, head, last, sent.start, sent.end, is_money, unit is not None)
        if cat is None and counted_word and unit is None:
            cat = noun_category(counted_word)
        value = num.value
        low, high = num.low, num.high
        if value is not None and num.kind == "vague":
            low = value
        out.append({
            "start": n_start, "end": max(end_char, n_end), "value": value, "low": low, "high": high,
            "unit": unit_text, "counted": counted_word if not is_age else None,
            "normalized_unit": unit.norm if unit is not None else None,
            "qualifier": qual, "change": direction, "category": cat,
            "attached_to": _attach(doc, v, links, sent_idx, anchor, (n_start, end_char)),
            "sentence": sent_idx,
            "_s": num.start, "_e": end_tok, "_q": qual_start,
        })
    out = spread_units(doc, out, suspended_numbers(doc, sent.start, sent.end))
    return _merge_ranges(doc, out, sent.start)


_RANGE_SEPS = frozenset({"to", "-", "–", "—", "and", "or"})


def _merge_ranges(doc, found: list[dict], sent_start: int) -> list[dict]:
    """"1 per cent to 1.5 per cent", "from 208 pounds to 193", "between 5% and 6%" → one range."""
    out: list[dict] = []
    for q in found:
        prev = out[-1] if out else None
        if prev is not None and prev["value"] is not None and q["value"] is not None and q["_s"] == prev["_e"] + 1:
            sep = doc[prev["_e"]].lower_
            before = doc[prev["_q"] - 1].lower_ if prev["_q"] > sent_start else ""
            same_unit = q["normalized_unit"] is None or prev["normalized_unit"] is None \
                or q["normalized_unit"] == prev["normalized_unit"]
            both = prev["unit"] is not None and q["unit"] is not None
            ok = sep in _RANGE_SEPS and same_unit and before != "by" and (sep != "and" or before == "between") \
                and (before in ("from", "between") or both) \
                and (sep != "or" or prev["unit"] == q["unit"]) and (prev["unit"] is not None or q["unit"] is not None)
            if ok:
                lo, hi = sorted((prev["value"], q["value"]))
                prev.update(value=None, low=lo, high=hi, end=max(prev["end"], q["end"]), _e=q["_e"],
                            unit=prev["unit"] or q["unit"], normalized_unit=prev["normalized_unit"] or q["normalized_unit"],
                            counted=prev["counted"] or q["counted"])
                continue
        out.append(q)
    return out


def _blocked_spans(record: Article) -> list[tuple[int, int]]:
    """Character spans of dates and clock times found by the times stage (durations and sets such as
    "every 33 years" hold real quantities)."""
    return [(t.start, t.end) for t in record.times if t.type in ("DATE", "TIME") and t.removed_line is None]


def extract_quantities(view: DocView, record: Article) -> list[Quantity]:
    """Every quantity in the article, with value, unit or counted noun, qualifier, change, category."""
    doc = view.doc
    blocked = _blocked_spans(record)
    found: list[dict] = []
    candidates = candidate_tokens(doc, record.text)
    ordered = sorted(candidates)
    v = view_of(doc)
    toks = v.tokens  # indexed like the doc, without a new Token object on every access
    links = _Links(record)
    for sent_idx, sent in enumerate(v.sents):
        k = bisect_left(ordered, sent.start)
        if k == len(ordered) or ordered[k] >= sent.end:
            continue
        idx = record.sentence_of(sent.start_char) if record.sentences else sent_idx
        found.extend(_quantities_in_sentence(toks, v, record, sent, idx, blocked, candidates, links))
    quantities = []
    for n, q in enumerate(found, 1):
        q = {k: v for k, v in q.items() if not k.startswith("_")}
        if _GLUED_STOP.search(record.text, q["start"], q["end"]):
            q["end"] -= 1  # "450K." kept whole by the tokenizer: the full stop is not the amount's
        q["text"] = record.text[q["start"]:q["end"]]
        quantities.append(Quantity(id=f"N{n}", **q))
    return quantities
