"""The doc view gives exactly what spaCy gives, made once a doc, and owns the stages' per-doc tables."""
from __future__ import annotations

import pytest

from tidings.extract._doc import DocView, current_view, view_of

TEXT = ("Russia has massed up to 175,000 soldiers near Ukraine, officials in Washington said on Tuesday.\n\n"
        "President Biden told Vladimir Putin that the United States would impose sanctions. "
        "\"We are ready,\" he said. Crimea was annexed in 2014.")


@pytest.fixture(scope="module")
def doc(nlp):
    return nlp(TEXT)


def test_views_equal_spacy(doc):
    view = view_of(doc)
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
    view = view_of(doc)
    assert view_of(doc) is view
    assert view.tokens is view.tokens  # made once
    other = nlp("Kyiv is the capital.")
    assert view_of(other) is not view and view_of(other).doc is other
    assert view_of(doc) is not view  # only the latest doc is kept; a new view is made
    assert view_of(doc).tokens == view.tokens


def test_empty_doc(nlp):
    view = view_of(nlp(""))
    assert view.tokens == [] and view.heads == [] and view.sents == () and view.ents == ()


def test_a_view_owns_the_stage_tables(nlp, doc):
    """The actor columns and the quote index are parts of the view: made once a doc, found from a token."""
    from tidings.extract.actors.code import DocInfo, info
    from tidings.extract.quotes.index import DocIndex, current_for, index_of

    view = DocView(doc, TEXT)
    assert view_of(doc) is view and current_view(doc) is view  # the newest view is the one helpers find
    assert view.made(DocIndex) is None and current_for(doc) is None  # nothing made before it is asked for
    assert info(doc) is view.part(DocInfo) is view.made(DocInfo)
    assert index_of(doc) is view.part(DocIndex) is current_for(doc)
    assert view.part(DocIndex).text == TEXT
    other = DocView(nlp("Kyiv is the capital."))
    assert current_view(doc) is None and current_for(doc) is None and info(doc) is not other.part(DocInfo)
