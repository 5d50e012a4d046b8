"""The padded-word cache of events.lexicon.has_words (speed) gives the answers of the plain test."""
from __future__ import annotations

from tidings.extract.events.lexicon import has_words


def _plain(text: str, words) -> bool:
    return any(f" {w} " in text for w in words)


def test_has_words_cache_changes_no_answer():
    texts = [" lift the sanctions | lift the sanction ", " troop buildup | troop buildup ", " ", "",
             " sanctions-busting | sanction-bust ", " use force against x | use force against x "]
    lists = [("sanctions", "curfew"), ("sanction",), ("force",), ("troop buildup",), (), ("x", "against x"),
             ["sanctions", "force"], ("buildup", "sanctions-busting")]
    for _ in range(2):  # the second round reads the cached forms
        for text in texts:
            for words in lists:
                assert has_words(text, words) == _plain(text, words), (text, words)


def test_has_words_equal_tuples_share_an_answer_not_a_mistake():
    a = ("curfew",)
    b = tuple(["curfew"])  # an equal tuple, made apart
    assert has_words(" impose a curfew ", a) and has_words(" impose a curfew ", b)
    assert not has_words(" impose curfews ", b)
