"""Which words are cues: reporting verbs ("said", "tweeted", "the letter reads"), "according to X"."""
from __future__ import annotations

from .._doc import view_of
from .index import children_of, current_for, head_of, sentence_too_long
from .lexicon import document_nouns, document_verbs, platforms, speech_verbs

__all__ = ["is_cue", "according_to"]

_SUBJ = ("nsubj", "nsubjpass")

_FORMS = {"said", "says", "told", "tells", "added", "adds", "asked", "wrote", "writes", "tweeted",
          "noted", "explained", "insisted", "argued", "declared", "stated", "recalled"}
_CUE_WORDS = frozenset(_FORMS | {"according"})  # the words that can be a cue whatever their lemma


def is_cue(tok) -> bool:
    """A reporting verb ("said", "told", "tweeted"), not an auxiliary or a noun use."""
    ix = current_for(tok.doc)
    if ix is None:
        return _is_cue(tok)
    hit = ix.cue_memo.get(tok.i)
    if hit is None:
        hit = ix.cue_memo[tok.i] = _is_cue(tok)
    return hit


def _is_cue(tok) -> bool:
    if _that_said(tok):
        return False
    if tok.lower_ in document_verbs() | {"reads"} and tok.dep_ == "ROOT" and _document_subject(tok):
        return not sentence_too_long(tok)  # "“…,” the message read.": "read" tagged a noun
    if tok.lower_ in _FORMS and tok.dep_ not in ("amod", "compound", "nsubj", "dobj", "pobj"):
        return not sentence_too_long(tok)
    if tok.pos_ not in ("VERB", "AUX") and tok.tag_ not in ("VBD", "VBZ", "VBP", "VBG", "VBN", "VB"):
        return False
    lemma = tok.lemma_.lower()
    if lemma not in speech_verbs():
        if lemma in document_verbs() and _document_subject(tok) or lemma == "take" and _takes_to_platform(tok):
            return not sentence_too_long(tok)
        return False
    if tok.dep_ in ("amod", "compound"):
        return False
    if lemma in _FINDING and not _finds_a_fact(tok):
        return False
    return not sentence_too_long(tok)  # a "sentence" of hundreds of words is no prose


def _that_said(tok) -> bool:
    """"That said, the game is a joy to play": an idiom that reports nothing."""
    if tok.lower_ != "said" or tok.i < 1 or tok.i + 1 >= len(tok.doc):
        return False
    doc = view_of(tok.doc).tokens
    before, after = doc[tok.i - 1], doc[tok.i + 1]
    return before.lower_ in ("that", "this") and after.text == "," and \
        (before.i == 0 or doc[before.i - 1].is_punct or doc[before.i - 1].is_space or doc[before.i - 1].lower_ in ("but", "and"))


_FINDING = frozenset({"find"})  # "the study found that …" reports; "the boy was found clinging to …" does not


def _finds_a_fact(tok) -> bool:
    """"The review found (that) …", "I find his message chilling": an active use; not "was found"."""
    return not any(c.dep_ in ("nsubjpass", "auxpass") for c in children_of(tok))


def _document_subject(tok) -> bool:
    """"The letter reads: …" / "“…,” read the email": a document noun as the subject (or, with no
    subject, the object of an inverted verb)."""
    kids = children_of(tok)
    subs = _document_subjects(tok, kids)
    cands = subs or [c for c in kids if c.dep_ in ("dobj", "obj", "attr") and c.i > tok.i]
    if any(c.lemma_.lower() in document_nouns() or c.lower_ in document_nouns() for c in cands):
        return True
    for c in subs:
        if c.lower_ in ("that", "which") and tok.dep_ == "relcl":  # "a sign that read “…”": the sign
            ante = head_of(tok)
            return ante.lemma_.lower() in document_nouns() or ante.lower_ in document_nouns()
        if c.lower_ == "it" and c.i == tok.i - 1 and c.i > 0 and tok.doc[c.i - 1].text in _CLOSING:
            return True  # "“…,” it read.": only a document reads
    return False


_CLOSING = frozenset({"”", '"', "’", "'"})


def _document_subjects(tok, kids) -> list:
    """The subjects of a document verb; "the message read", misparsed as a compound noun, gives "message"."""
    subs = [c for c in kids if c.dep_ in _SUBJ]
    if not subs and tok.pos_ == "NOUN":
        subs = [c for c in kids if c.dep_ == "compound" and c.i < tok.i]
    return subs


def _takes_to_platform(tok) -> bool:
    """"X took to Twitter: “…”": "take to" a platform where people post."""
    for prep in children_of(tok):
        if prep.dep_ == "prep" and prep.lower_ == "to":
            return any(o.dep_ == "pobj" and o.lower_ in platforms() for o in children_of(prep))
    return False


def according_to(tok):
    """For the token "according" in "according to X": the head token of X, else None."""
    if tok.lower_ != "according" or sentence_too_long(tok):
        return None
    for child in children_of(tok):
        if child.lower_ == "to":
            for obj in children_of(child):
                if obj.dep_ == "pobj":
                    return obj
    nxt = view_of(tok.doc).nbor(tok, 1)
    if nxt is not None and nxt.lower_ == "to":
        for obj in children_of(nxt):
            if obj.dep_ == "pobj":
                return obj
    return None
