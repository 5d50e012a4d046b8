"""Noun chunks headed by given words, read over the doc's integer arrays (the speaker resolver's anonymous
sources: "an official", "a senior diplomat")."""
from __future__ import annotations

from .index import word_ids

__all__ = ["anonymous_chunks"]

_NP_LABELS = ("oprd", "nsubj", "dobj", "nsubjpass", "pcomp", "pobj", "dative", "appos", "attr", "ROOT")


def anonymous_chunks(view, words: frozenset[str]) -> list[tuple[int, int]]:
    """(start, end) token bounds of the doc's noun chunks whose root's lower form is in `words`.

    The same chunks, in the same order, as spaCy's English ``doc.noun_chunks`` (whose walk
    this repeats over integer arrays), without making a Span for every chunk of the doc.
    """
    from spacy.symbols import NOUN, PRON, PROPN

    doc = view.doc
    if not doc.has_annotation("DEP"):
        raise ValueError("noun chunks need a dependency parse")  # what doc.noun_chunks raises
    if not len(doc):
        return []
    strings = doc.vocab.strings
    np_deps = {strings.add(label) for label in _NP_LABELS}
    conj = strings.add("conj")
    table = doc.to_array(["POS", "DEP", "LOWER"])
    poses, deps, lowers = (table[:, k].tolist() for k in range(3))  # flat lists: no list per token
    heads = view.heads
    tokens = view.tokens
    nominal = (NOUN, PROPN, PRON)
    wanted = word_ids(words)
    out = []
    prev_end = -1
    for i, pos in enumerate(poses):
        if pos not in nominal:
            continue
        left = tokens[i].left_edge.i
        if left <= prev_end:  # no nested chunks
            continue
        dep = deps[i]
        if dep not in np_deps:
            if dep != conj:
                continue
            h = heads[i]
            while deps[h] == conj and heads[h] < h:
                h = heads[h]
            if deps[h] not in np_deps:  # coordinated to a noun phrase: one too
                continue
        prev_end = i
        if lowers[i] in wanted:
            out.append((left, i + 1))
    return out
