"""The shared doc view gives exactly what spaCy gives, made once a doc."""
from __future__ import annotations

import pytest

from tidings.extract._parsed import parsed

TEXT = ("Russia has massed up to 175,000 soldiers near Ukraine, officials in Washington said on Tuesday.\n\n"
        "President Biden told Vladimir Putin that the United States would impose sanctions. "
        "\"We are ready,\" he said. Crimea was annexed in 2014.")


@pytest.fixture(scope="module")
def doc(nlp):
    return nlp(TEXT)


def test_views_equal_spacy(doc):
    view = parsed(doc)
    assert view.tokens == list(doc)
    assert [view.head(t) for t in doc] == [t.head for t in doc]
    assert [view.children(t) for t in doc] == [list(t.children) for t in doc]
    assert view.kids == [[c.i for c in t.children] for t in doc]
    assert [view.subtree(t.i) for t in doc] == [[s.i for s in t.subtree] for t in doc]
    assert view.sents == tuple(doc.sents)
    assert [view.sent(t) for t in doc] == [t.sent for t in doc]
    assert view.ents == doc.ents and view.ents
    assert view.noun_chunks == tuple(doc.noun_chunks) and view.noun_chunks
    assert view.text == doc.text
    assert view.nbor(doc[0], -1) is None and view.nbor(doc[0]) == doc[1]
    assert view.nbor(doc[-1]) is None


def test_one_view_a_doc(nlp, doc):
    view = parsed(doc)
    assert parsed(doc) is view
    assert view.tokens is view.tokens  # made once
    other = nlp("Kyiv is the capital.")
    assert parsed(other) is not view and parsed(other).doc is other
    assert parsed(doc) is not view  # only the latest doc is kept; a new view is made
    assert parsed(doc).tokens == view.tokens


def test_empty_doc(nlp):
    view = parsed(nlp(""))
    assert view.tokens == [] and view.heads == [] and view.sents == () and view.ents == ()
