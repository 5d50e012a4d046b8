"""tidings.fast_components: the array attribute ruler and lemmatizer set what the model's own components set."""
from __future__ import annotations

import numpy
import pytest
import spacy
from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG

from tidings import fast_components
from tidings.fast_components import FastAttributeRuler, FastLemmatizer, Unsupported, install

COLUMNS = [TAG, POS, DEP, MORPH, LEMMA]

# Written for this test: contractions and the multi-token rules of the English model's ruler
# ("ai n't", "gon na", "got ta", "let 's", "y' all", "c'm on", "nothin'"), expletive "there",
# pronouns as subject and object, auxiliaries, blank lines and double spaces.
TEXTS = [
    "The minister said on Tuesday that the talks ain't over and that she's gonna return.\n\n"
    "Y'all know it,  said one farmer. Let's see whether they've got ta sign it before it rains.",
    "There are  three reasons.\n\nNothin' was decided, and I told you it would not be. C'mon, did they?",
    "Officials in the northern province have said that the bridges, which were damaged in 2019, "
    "will be rebuilt once the money that parliament approved arrives; critics doubt it.",
    "",
    "  ",
]


def _stock_and_fast():
    from tidings.pipeline import MODEL_CANDIDATES

    for name in MODEL_CANDIDATES:
        if spacy.util.is_package(name):
            stock, fast = spacy.load(name), spacy.load(name)
            return stock, fast
    pytest.skip("no English spaCy model installed")


@pytest.fixture(scope="module")
def models():
    stock, fast = _stock_and_fast()
    assert install(fast) == ["attribute_ruler", "lemmatizer"]
    return stock, fast


def _same(a, b) -> None:
    assert len(a) == len(b)
    assert numpy.array_equal(a.to_array(COLUMNS), b.to_array(COLUMNS))
    assert [(t.pos_, t.tag_, t.dep_, t.lemma_, str(t.morph)) for t in a] == \
        [(t.pos_, t.tag_, t.dep_, t.lemma_, str(t.morph)) for t in b]


def test_model_components_replaced_under_their_names(models):
    stock, fast = models
    assert fast.pipe_names == stock.pipe_names
    assert isinstance(fast.get_pipe("attribute_ruler"), FastAttributeRuler)
    assert isinstance(fast.get_pipe("lemmatizer"), FastLemmatizer)
    index = fast.get_pipe("lemmatizer").inner.lookups.get_table("lemma_index")
    assert index.values() and all(isinstance(words, frozenset) for words in index.values())
    assert len(index.bloom.to_bytes()) < 100_000  # sized by its data, not spaCy's default of 10^6 keys (18 MB)
    assert all(isinstance(words, list) for words in stock.get_pipe("lemmatizer").lookups.get_table("lemma_index").values())


def test_same_annotations_as_the_model(models):
    stock, fast = models
    for text in TEXTS:
        _same(stock(text), fast(text))
    # twice: the second pass reads the memos filled by the first
    for a, b in zip(stock.pipe(TEXTS), fast.pipe(TEXTS)):
        _same(a, b)


def test_same_annotations_when_the_memos_are_emptied(models, monkeypatch):
    stock, fast = models
    monkeypatch.setattr(fast_components, "CACHE_LIMIT", 3)
    for text in TEXTS:
        _same(stock(text), fast(text))


def _ruler(nlp, patterns):
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(patterns)
    return ruler


# Rules over LOWER and IS_SPACE only, so that a blank pipeline (no tagger, no parser) can run them:
# equality, IN, NOT_IN, REGEX, a two-token pattern aimed at its second token (index 1 and -1),
# and overlapping rules where the later one wins.
BLANK_PATTERNS = [
    {"patterns": [[{"LOWER": {"NOT_IN": ["the", "a"]}}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
    {"patterns": [[{"LOWER": {"IN": ["the", "a"]}}]], "attrs": {"POS": "DET"}},
    {"patterns": [[{"LOWER": {"REGEX": "^run"}}]], "attrs": {"POS": "VERB", "LEMMA": "run"}},
    {"patterns": [[{"LOWER": "big"}, {"LOWER": "dogs"}]], "attrs": {"LEMMA": "dog", "MORPH": "Number=Plur"},
     "index": 1},
    {"patterns": [[{"LOWER": "the"}, {"LOWER": "cat"}]], "attrs": {"LEMMA": "kitty"}, "index": -1},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"POS": "SPACE", "TAG": "_SP", "MORPH": "_"}},
    {"patterns": [[{"LOWER": "cat"}], [{"LOWER": "cats"}]], "attrs": {"POS": "PROPN"}},
]


def test_blank_pipeline_rules_match_spacy():
    text = "The cat runs after big dogs;  the dogs run.\n\nA runner, the cat, cats and big cats."
    stock, fast = spacy.blank("en"), spacy.blank("en")
    _ruler(stock, BLANK_PATTERNS)
    _ruler(fast, BLANK_PATTERNS)
    assert install(fast) == ["attribute_ruler"]
    a, b = stock(text), fast(text)
    _same(a, b)
    assert b[2].lemma_ == "run" and b[5].lemma_ == "dog" and b[1].lemma_ == "kitty"


def test_rules_it_cannot_reproduce_keep_the_model_component():
    nlp = spacy.blank("en")
    _ruler(nlp, [{"patterns": [[{"LOWER": "big", "OP": "+"}]], "attrs": {"POS": "ADJ"}}])
    with pytest.raises(Unsupported):
        FastAttributeRuler().compile(nlp.get_pipe("attribute_ruler"))
    assert install(nlp) == []
    assert not isinstance(nlp.get_pipe("attribute_ruler"), FastAttributeRuler)


def test_setting_model_keeps_the_model_components(monkeypatch):
    stock, _ = _stock_and_fast()
    monkeypatch.setenv("TIDINGS_SPACY_COMPONENTS", "model")
    assert install(stock) == []
    assert not isinstance(stock.get_pipe("attribute_ruler"), FastAttributeRuler)


def test_record_is_the_same_with_the_model_components(pipeline):
    """The whole record of a small text, with the array components (default) and with the model's own."""

    text = TEXTS[0] + "\n\n" + TEXTS[2]
    fast = pipeline(text).as_dict()
    stock, _ = _stock_and_fast()
    stock.add_pipe("tidings_paragraphs", before="parser")
    saved = pipeline.nlp
    try:
        pipeline.nlp = stock
        model = pipeline(text).as_dict()
    finally:
        pipeline.nlp = saved
    assert isinstance(saved.get_pipe("attribute_ruler"), FastAttributeRuler)
    assert fast == model
