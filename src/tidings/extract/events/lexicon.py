"""The CAMEO codebook and the verb/noun pattern dictionaries, and rule matching on a token.

Data: src/tidings/data/cameo/codebook.json (facts, built by tools/build_codebook.py),
verbs.yaml, nouns.yaml and families.yaml (patterns written for tidings).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from ..actors.code import info
from .modality import QUESTION_WORDS

__all__ = ["NO_EVENT", "Rule", "codebook", "verb_rules", "noun_rules", "families", "match_rules", "dependent_text",
           "content_of_code", "family_code", "FAMILIES", "joined_text", "dictionary_code", "petrarch_verbs"]

DATA_DIR = Path(__file__).resolve().parents[2] / "data" / "cameo"
FAMILIES = ("appeal", "intent", "demand", "reject", "threaten")
_SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl", "punct", "aux", "auxpass"}
_OTHER_DEPS = {"punct", "aux", "auxpass", "expl"}


@dataclass(frozen=True, slots=True)
class Rule:
    code: str  # a CAMEO code or "@family"
    any: tuple[str, ...] = ()
    prep: str | None = None
    xcomp: bool = False
    object: bool = False  # needs an object, or a clause with its own subject ("wants Germany to pay")
    target: str | None = None
    subject: tuple[str, ...] = ()  # words of which one must occur in the verb's subject ("inspectors visited")
    question: bool = False  # the verb puts a question ("asked whether …", "asked about …", "asked a question")

    @property
    def family(self) -> str | None:
        return self.code[1:] if self.code.startswith("@") else None


@cache
def codebook() -> dict[str, dict]:
    return json.loads((DATA_DIR / "codebook.json").read_text(encoding="utf-8"))["codes"]


def _rules(raw) -> tuple[Rule, ...]:
    items = raw if isinstance(raw, list) else [raw]
    out = []
    for item in items:
        if isinstance(item, str):
            out.append(Rule(code=item))
        else:
            words = item.get("any", ())
            if not all(isinstance(w, str) for w in words) or not isinstance(item.get("prep", ""), (str, type(None))):
                raise ValueError(f"rule {item!r}: quote words YAML reads as booleans or numbers (on, off, yes, no)")
            out.append(Rule(code=str(item["code"]), any=tuple(str(w).lower() for w in item.get("any", ())),
                            prep=item.get("prep"), xcomp=bool(item.get("xcomp")), object=bool(item.get("object")),
                            target=item.get("target"), subject=tuple(str(w).lower() for w in item.get("subject", ())),
                            question=bool(item.get("question"))))
    return tuple(out)


def _load_rules(name: str) -> dict[str, tuple[Rule, ...]]:
    raw = yaml.safe_load((DATA_DIR / name).read_text(encoding="utf-8")) or {}
    table = {str(k).lower(): _rules(v) for k, v in raw.items()}
    book = codebook()
    for key, rules in table.items():
        for rule in rules:
            if rule.family is None and rule.code not in book and rule.code != NO_EVENT:
                raise ValueError(f"{name}: {key!r} has code {rule.code} that the codebook lacks")
            if rule.family is not None and rule.family not in FAMILIES:
                raise ValueError(f"{name}: {key!r} names an unknown family {rule.code}")
    return table


NO_EVENT = "none"  # a sense that codes nothing ("fought to keep the boy": a struggle, not force)


@cache
def verb_rules() -> dict[str, tuple[Rule, ...]]:
    return _load_rules("verbs.yaml")


@cache
def noun_rules() -> dict[str, tuple[Rule, ...]]:
    return _load_rules("nouns.yaml")


@cache
def families() -> dict:
    data = yaml.safe_load((DATA_DIR / "families.yaml").read_text(encoding="utf-8"))
    book = codebook()
    for fam, codes in data["codes"].items():
        for content, code in codes.items():
            if code not in book:
                raise ValueError(f"families.yaml: {fam}/{content} -> {code} not in the codebook")
    data["content_words"] = [(c, tuple(w.lower() for w in words)) for c, words in data["content_words"]]
    return data


def dependent_text(tok, skip_subject: bool = True, without: tuple[int, ...] = ()) -> str:
    """Lower-case words and lemmas of the token's dependents (not its subject, nor the children in
    `without`), padded with spaces."""
    return _dependent_text(info(tok.doc), tok.i, skip_subject, without)


def _dependent_text(d, i: int, skip_subject: bool, without: tuple[int, ...] = ()) -> str:
    key = ("dependent_text", i, skip_subject, without)
    text = d.memo.get(key)
    if text is None:
        words: list[str] = []
        lemmas: list[str] = []
        skip = _SUBJECT_DEPS if skip_subject else _OTHER_DEPS
        dep, lower, lemma = d.dep, d.lower, d.lemma
        for child in d.kids[i]:
            if dep[child] in skip or child in without:
                continue
            for t in _near_subtree(d, child):
                words.append(lower[t])
                lemmas.append(lemma[t])
        if not skip_subject and dep[i] == "conj" and not any(dep[c] in ("nsubj", "nsubjpass") for c in d.kids[i]):
            for c in d.kids[d.heads[i]]:  # "bombs killed 12 and injured 50": the subject they share
                if dep[c] in ("nsubj", "nsubjpass"):
                    for t in _near_subtree(d, c):
                        words.append(lower[t])
                        lemmas.append(lemma[t])
        if dep[i] == "acl" and d.heads[i] != i and d.tokens[i].tag_ == "VBN":
            # "the speech delivered by X": the noun a reduced passive hangs on is its object
            words.append(lower[d.heads[i]])
            lemmas.append(lemma[d.heads[i]])
        if dep[i] == "relcl" and d.heads[i] != i and any(
                dep[c] in ("dobj", "nsubjpass") and lower[c] in ("which", "that", "whom") for c in d.kids[i]):
            # "a treaty which … signed": the relative pronoun object is the noun, or one above it ("a treaty calling
            # for demarcation, which … signed")
            nouns = [d.heads[i]] + [a for a in d.ancestors(d.heads[i])[:4] if d.pos[a] == "NOUN"]
            words, lemmas = words + [lower[n] for n in nouns], lemmas + [lemma[n] for n in nouns]
        elif not skip_subject and dep[i] == "relcl" and d.heads[i] != i:
            # "the blast that killed …": the relative pronoun stands for the noun it hangs on
            head = d.heads[i]
            words.append(lower[head])
            lemmas.append(lemma[head])
        # compounds and adjectives on a noun event count too ("troop buildup", "phone call")
        text = d.memo[key] = _joined(words, lemmas)
    return text


_NESTED_CLAUSES = frozenset({"relcl", "ccomp", "parataxis", "advcl"})


def _near_subtree(d, top: int) -> list[int]:
    """The tokens under `top` in sentence order, less the clauses nested inside it ("sent signals
    … where a war has been claiming soldiers' lives": the soldiers are not what was sent)."""
    out, stack = [], [top]
    kids, dep = d.kids, d.dep
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in kids[t] if dep[c] not in _NESTED_CLAUSES)
    out.sort()
    return out


def _joined(words: list[str], lemmas: list[str]) -> str:
    text = " " + " ".join(words) + " | " + " ".join(lemmas) + " "
    return text.replace(" - ", "-").replace(" ’s", " 's")


def has_words(text: str, words: tuple[str, ...]) -> bool:
    """Whether one of `words` occurs in `text` (padded with spaces, as ``_joined`` makes it) as a whole word or phrase."""
    padded = _PADDED.get(words) if type(words) is tuple else None
    if padded is None:
        padded = tuple(f" {w} " for w in words)
        if type(words) is tuple:
            if len(_PADDED) >= 4096:  # the lists are the lexicons' own: a few hundred
                _PADDED.clear()
            _PADDED[words] = padded
    return any(w in text for w in padded)


_PADDED: dict[tuple[str, ...], tuple[str, ...]] = {}  # has_words: each word list, padded once (rules' and the families' lists)


def _preps(d, i: int) -> set[str]:
    dep, lower = d.dep, d.lower
    return {lower[c] for c in d.kids[i] if dep[c] in ("prep", "prt", "agent", "dative")}


def _has_object(d, i: int) -> bool:
    dep, kids = d.dep, d.kids
    for c in kids[i]:
        if dep[c] in ("dobj", "dative", "iobj", "nsubjpass"):  # a passive subject is the logical object
            return True
        if dep[c] in ("xcomp", "ccomp") and any(dep[g] in ("nsubj", "nsubjpass") for g in kids[c]):
            return True
    return False


def match_rules(tok, rules: tuple[Rule, ...], with_subject: bool = False) -> Rule | None:
    """The first rule that holds; `with_subject` also reads the subject ("a car bomb killed …")."""
    d, i = info(tok.doc), tok.i
    text = preps = has_clause = None  # each worked out when a rule first needs it
    for rule in rules:
        if with_subject and not rule.any:
            return None
        if rule.any:
            if text is None:
                text = _dependent_text(d, i, not with_subject)
            if not has_words(text, rule.any):
                continue
        if rule.prep:
            if preps is None:
                preps = _preps(d, i)
            if rule.prep.lower() not in preps:
                continue
        if rule.xcomp:
            if has_clause is None:
                dep = d.dep
                # a that- or to-clause, including a purpose clause the parser calls advcl ("fought to keep")
                has_clause = any(dep[c] in ("xcomp", "ccomp") or dep[c] == "advcl" and any(
                    dep[a] == "aux" and d.lower[a] == "to" for a in d.kids[c]) for c in d.kids[i])
            if not has_clause:
                continue
        if rule.object and not _has_object(d, i):
            continue
        if rule.question and not _puts_question(d, i):
            continue
        if rule.subject and not has_words(_subject_text(d, i), rule.subject):
            continue
        return rule
    return None


_WH = QUESTION_WORDS | {"whether", "if"}


def _puts_question(d, i: int) -> bool:
    """Whether verb i asks a question rather than for something: a clause opening with whether/if or a
    wh-word, an "about" phrase, "a question" as object, or a quotation ending in a question mark."""
    for c in d.kids[i]:
        dep = d.dep[c]
        if dep in ("ccomp", "xcomp", "advcl", "dobj"):
            first = min(d.subtree(c))
            if d.lower[first] in _WH or any(d.dep[m] == "mark" and d.lower[m] in ("whether", "if") for m in d.kids[c]):
                return True
            if dep == "dobj" and d.lemma[c] == "question":
                return True
        if dep == "prep" and d.lower[c] == "about":
            return True
    sent = d.view.sent(d.tokens[i])
    return "?" in d.text[sent.start:sent.end]


_SUFFIXES = (("ied", "y"), ("ed", ""), ("d", ""), ("ing", ""), ("ing", "e"), ("es", ""), ("s", ""))


_ADVERB_PARTICLES = {"away", "off", "down", "out", "back"}


def lookup_keys(tok) -> list[str]:
    """Dictionary keys for a token, most specific first: "lemma particle", "lemma prep", "lemma". Do not change the list."""
    d, i = info(tok.doc), tok.i
    key = ("lookup_keys", i)
    keys = d.memo.get(key)
    if keys is not None:
        return keys
    lemma = d.lemma[i]
    particles, preps, compounds = [], [], []
    pos = d.pos[i]
    nominal = pos in ("NOUN", "PROPN", "X")  # "coup d'etat": the tagger calls "d'etat" X
    dep_of, lower = d.dep, d.lower
    for child in d.kids[i]:
        dep = dep_of[child]
        if dep == "prt" or (dep == "advmod" and child == i + 1 and lower[child] in _ADVERB_PARTICLES):
            particles.append(f"{lemma} {lower[child]}")  # "backed away": the parser's advmod is a particle
        elif dep == "prep":
            preps.append(f"{lemma} {lower[child]}")
        elif dep == "compound" and nominal:
            compounds.append(f"{d.lemma[child]} {lemma}")
    keys = particles + preps + compounds
    keys.append(lemma)
    low = lower[i]
    if low != lemma:
        keys.append(low)
    if pos == "VERB":  # the lemmatizer's slips ("staged" → "stag"): plain suffix stripping
        for suffix, add in _SUFFIXES:
            if low.endswith(suffix) and len(low) > len(suffix) + 2:
                keys.append(low[: -len(suffix)] + add)
    d.memo[key] = keys
    return keys


def content_of_code(code: str) -> str | None:
    table = families()["content_of_code"]
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            return table[code[:n]]
    return None


def code_of_content(content: str) -> str | None:
    """The shortest code whose content is `content` ("deescalate" → "087"), or None."""
    codes = [code for code, c in families()["content_of_code"].items() if c == content]
    return min(codes, key=len) if codes else None


def family_code(family: str, content: str | None) -> str:
    data = families()
    codes = data["codes"]
    if content and family in data["conflict_to_threat"] and content in codes["threaten"]:
        return codes["threaten"][content]
    if content and content in codes[family]:
        return codes[family][content]
    return codes[family]["generic"]


def content_from_words(text: str, family: str) -> str | None:
    data = families()
    allowed = set(data["codes"][family])
    if family in data["conflict_to_threat"]:
        allowed |= set(data["codes"]["threaten"])
    for content, words in data["content_words"]:
        if content in allowed and has_words(text, words):
            return content
    return None


def joined_text(toks, skip_adjectives: bool = False) -> str:
    """Words and lemmas of the subtrees of `toks`, as matched by rules and content words;
    `skip_adjectives` leaves out adjectives that modify a noun ("free access" is about access)."""
    words: list[str] = []
    lemmas: list[str] = []
    if toks:
        d = info(toks[0].doc)
        lower, lemma, dep, pos = d.lower, d.lemma, d.dep, d.pos
        for t in toks:
            for s in d.subtree(t.i):
                if skip_adjectives and dep[s] == "amod" and pos[s] == "ADJ":
                    continue
                words.append(lower[s])
                lemmas.append(lemma[s])
    return _joined(words, lemmas)


@cache
def petrarch_verbs() -> tuple[dict, list]:
    """The compiled PETRARCH-2 CAMEO verb dictionary (tools/build_cameo_verbs.py): (verbs, blocks)."""
    data = json.loads((DATA_DIR / "petrarch_verbs.json").read_text(encoding="utf-8"))
    book = codebook()
    blocks = [[(code if code in book else None, tuple(tuple(a) for a in pre), tuple(tuple(a) for a in post))
               for code, pre, post in block] for block in data["blocks"]]
    return data["verbs"], blocks


def _anchor(alt: str) -> str:
    return alt.split()[0].rstrip("_") if alt.strip() else alt


@cache
def _block_index(block: int) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
    """Patterns of a block by an anchor word (a first word of their first slot after the verb, or
    before it when none follows): ({anchor: [pattern index]} after, {anchor: [...]} before)."""
    after: dict[str, list[int]] = {}
    before: dict[str, list[int]] = {}
    for n, (_, pre, post) in enumerate(petrarch_verbs()[1][block]):
        table, slot = (after, post[0]) if post else (before, pre[0])
        for alt in slot:
            table.setdefault(_anchor(alt), []).append(n)
    return after, before


def _candidates(table: dict[str, list[int]], text: str) -> set[int]:
    """Patterns whose anchor is a word of `text` or (for stems of 4+ letters) a prefix of one."""
    out: set[int] = set()
    for word in set(text.split()):
        hit = table.get(word)
        if hit:
            out.update(hit)
        for k in range(4, len(word)):
            hit = table.get(word[:k])
            if hit:
                out.update(hit)
    return out


def _slot_holds(text: str, alts: tuple[str, ...]) -> bool:
    for alt in alts:
        if alt.endswith("_") or len(alt) < 4:
            if f" {alt.rstrip('_')} " in text:
                return True
        elif f" {alt}" in text:  # a stem: "troop" holds for "troops"
            return True
    return False


def _subject_text(d, i: int) -> str:
    """Lower-case words and lemmas of the verb's subject (active, passive or clausal), padded with
    spaces; read by the dictionary's patterns and by lexicon rules with `subject:`."""
    key = ("subject_text", i)
    text = d.memo.get(key)
    if text is None:
        toks = [t for c in d.kids[i] if d.dep[c] in ("nsubj", "nsubjpass", "csubj") for t in d.subtree(c)]
        if not toks and d.dep[i] == "xcomp":  # "warplanes are poised to intervene": the controller's subject
            toks = [t for c in d.kids[d.heads[i]] if d.dep[c] in ("nsubj", "nsubjpass") for t in d.subtree(c)]
        elif (d.dep[i] == "relcl" and [d.lower[t] for t in toks] in (["who"], ["that"], ["which"])) or (
                not toks and d.dep[i] == "acl" and d.tokens[i].tag_ == "VBG"):  # "a treaty calling for …"
            toks = [t for t in d.phrase(d.heads[i])[0]]  # "detectives who had been looking": the officers
        text = d.memo[key] = _joined([d.lower[t] for t in toks], [d.lemma[t] for t in toks])
    return text


def dictionary_code(tok) -> tuple[str | None, str] | None:
    """The PETRARCH verb dictionary's reading of a verb token: (code, how: "pattern", "verb" for
    the verb's own code, "block" for its block's), or None
    when the verb is not in the dictionary. The pattern with most words that all occur among
    the verb's dependents wins (words before the verb in the subject, words after it among the
    other dependents); a pattern coded `---` gives code None (a sense that is no event); with no
    pattern, the verb's own or its block's code."""
    verbs, blocks = petrarch_verbs()
    for key in lookup_keys(tok):
        entry = verbs.get(key)
        if entry is None:
            continue
        default, block, own = entry
        d = info(tok.doc)
        text = _dependent_text(d, tok.i, True)
        subject = None
        best, best_n = None, 0
        if block is None:
            return (default if default in codebook() else None), ("verb" if own else "block")
        after, before = _block_index(block)
        picks = _candidates(after, text)
        if before:
            subject = _subject_text(d, tok.i)
            picks |= _candidates(before, subject)
        patterns = blocks[block]
        for k in sorted(picks):  # the dictionary's order breaks ties
            code, pre, post = patterns[k]
            n = len(pre) + len(post)
            if n <= best_n or not all(_slot_holds(text, alts) for alts in post):
                continue
            if pre:
                subject = _subject_text(d, tok.i) if subject is None else subject
                if not all(_slot_holds(subject, alts) for alts in pre):
                    continue
            best, best_n = code, n
        if best_n:
            return best, "pattern"
        return (default if default in codebook() else None), ("verb" if own else "block")
    return None

LIGHT_VERBS = {"make", "hold", "have", "conduct", "launch", "carry", "stage", "impose", "begin", "start", "continue",
               "mount", "announce", "order", "resume", "renew", "open", "pass", "issue", "express", "reiterate", "deliver",
               "raise", "repeat", "level", "voice", "lodge", "file", "keep", "place", "lay", "put", "give", "offer"}


def is_light(tok) -> bool:
    """A verb whose object names the event ("held talks", "staged a coup"), by lemma or by the
    suffix-stripped forms lookup_keys gives for the lemmatizer's slips ("staged" → "stag")."""
    return any(k in LIGHT_VERBS for k in lookup_keys(tok))


def subtree_text(toks) -> str:
    return joined_text(toks, skip_adjectives=True)


def rules_for(tok, table, instrument_subject=False):
    """The first rule of `table` that holds for `tok`; `instrument_subject` may be a function of no
    arguments, called when first needed (only tokens with a dictionary entry need it)."""
    for key in lookup_keys(tok):
        if key in table:
            rule = match_rules(tok, table[key])
            if (rule is None or not (rule.any or rule.prep)) and instrument_subject and (
                    not callable(instrument_subject) or (instrument_subject := instrument_subject())):
                rule = match_rules(tok, table[key], with_subject=True) or rule
            if rule is not None:
                return rule
    return None


def complement_content(comps, family: str) -> str | None:
    """What an appeal, intent, demand, rejection or threat is about: a content word of its
    complements, else the content of the code their own words take."""
    if not comps:
        return None
    pos = info(comps[0].doc).pos
    if any(pos[c.i] in ("VERB", "AUX") and getattr(rules_for(c, verb_rules()), "code", None) == NO_EVENT for c in comps):
        return None  # "refused to release his taxes": the complement's sense frees no one
    content = content_from_words(subtree_text(comps), family)
    if content:
        return content
    for c in comps:
        table = verb_rules() if pos[c.i] in ("VERB", "AUX") else noun_rules()
        rule = rules_for(c, table)
        if rule is not None and rule.family is None and rule.code != NO_EVENT:
            content = content_of_code(rule.code)
            if content:
                return content
    return None


def has_prep(d, i: int, word: str) -> bool:
    return any(d.dep[c] == "prep" and d.lower[c] == word for c in d.kids[i])
