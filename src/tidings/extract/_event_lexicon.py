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

__all__ = ["Rule", "codebook", "verb_rules", "noun_rules", "families", "match_rules", "dependent_text",
           "content_of_code", "family_code", "FAMILIES", "joined_text"]

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "cameo"
FAMILIES = ("appeal", "intent", "demand", "reject", "threaten")
_SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl", "punct", "aux", "auxpass"}


@dataclass(frozen=True, slots=True)
class Rule:
    code: str  # a CAMEO code or "@family"
    any: tuple[str, ...] = ()
    prep: str | None = None
    xcomp: bool = False
    object: bool = False  # needs an object, or a clause with its own subject ("wants Germany to pay")
    target: str | None = None

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
                            target=item.get("target")))
    return tuple(out)


def _load_rules(name: str) -> dict[str, tuple[Rule, ...]]:
    raw = yaml.safe_load((DATA_DIR / name).read_text(encoding="utf-8")) or {}
    table = {str(k).lower(): _rules(v) for k, v in raw.items()}
    book = codebook()
    for key, rules in table.items():
        for rule in rules:
            if rule.family is None and rule.code not in book:
                raise ValueError(f"{name}: {key!r} has code {rule.code} that the codebook lacks")
            if rule.family is not None and rule.family not in FAMILIES:
                raise ValueError(f"{name}: {key!r} names an unknown family {rule.code}")
    return table


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


def dependent_text(tok, skip_subject: bool = True) -> str:
    """Lower-case words and lemmas of the token's dependents (not its subject), padded with spaces."""
    words: list[str] = []
    lemmas: list[str] = []
    skip = _SUBJECT_DEPS if skip_subject else {"punct", "aux", "auxpass", "expl"}
    for child in tok.children:
        if child.dep_ in skip:
            continue
        for t in child.subtree:
            words.append(t.lower_)
            lemmas.append(t.lemma_.lower())
    # compounds and adjectives on a noun event count too ("troop buildup", "phone call")
    return _joined(words, lemmas)


def _joined(words: list[str], lemmas: list[str]) -> str:
    text = " " + " ".join(words) + " | " + " ".join(lemmas) + " "
    return text.replace(" - ", "-").replace(" ’s", " 's")


def has_words(text: str, words: tuple[str, ...]) -> bool:
    return any(f" {w} " in text for w in words)


def _preps(tok) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in ("prep", "prt", "agent", "dative")}


def _has_object(tok) -> bool:
    for c in tok.children:
        if c.dep_ in ("dobj", "dative", "iobj"):
            return True
        if c.dep_ in ("xcomp", "ccomp") and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children):
            return True
    return False


def match_rules(tok, rules: tuple[Rule, ...], with_subject: bool = False) -> Rule | None:
    """The first rule that holds; `with_subject` also reads the subject ("a car bomb killed …")."""
    text = dependent_text(tok, skip_subject=not with_subject)
    preps = _preps(tok)
    has_clause = any(c.dep_ in ("xcomp", "ccomp") for c in tok.children)
    for rule in rules:
        if with_subject and not rule.any:
            return None
        if rule.any and not has_words(text, rule.any):
            continue
        if rule.prep and rule.prep.lower() not in preps:
            continue
        if rule.xcomp and not has_clause:
            continue
        if rule.object and not _has_object(tok):
            continue
        return rule
    return None


def lookup_keys(tok) -> list[str]:
    """Dictionary keys for a token, most specific first: "lemma particle", "lemma prep", "lemma"."""
    lemma = tok.lemma_.lower()
    particles, preps, compounds = [], [], []
    nominal = tok.pos_ in ("NOUN", "PROPN")
    for child in tok.children:  # one pass over the children (each access builds a Token)
        dep = child.dep_
        if dep == "prt":
            particles.append(f"{lemma} {child.lower_}")
        elif dep == "prep":
            preps.append(f"{lemma} {child.lower_}")
        elif dep == "compound" and nominal:
            compounds.append(f"{child.lemma_.lower()} {lemma}")
    keys = particles + preps + compounds
    keys.append(lemma)
    if tok.lower_ != lemma:
        keys.append(tok.lower_)
    if tok.pos_ == "VERB":  # the lemmatizer's slips ("staged" → "stag"): plain suffix stripping
        low = tok.lower_
        for suffix, add in (("ied", "y"), ("ed", ""), ("d", ""), ("ing", ""), ("ing", "e"), ("es", ""), ("s", "")):
            if low.endswith(suffix) and len(low) > len(suffix) + 2:
                keys.append(low[: -len(suffix)] + add)
    return keys


def content_of_code(code: str) -> str | None:
    table = families()["content_of_code"]
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            return table[code[:n]]
    return None


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


def joined_text(toks) -> str:
    """Words and lemmas of the subtrees of `toks`, as matched by rules and content words."""
    words, lemmas = [], []
    for t in toks:
        for s in t.subtree:
            words.append(s.lower_)
            lemmas.append(s.lemma_.lower())
    return _joined(words, lemmas)
