"""Tone in GDELT's convention (negative = hostile), per article and per event sentence."""
from __future__ import annotations

from tidings.extract.tone import extract_tone, sentence_tone
from tidings.record import Article, Event, Sentence, SpanRef


def _record(text, sentences, events=()):
    return Article(id="t", text=text, sentences=[Sentence(start=s, end=e) for s, e in sentences], events=list(events))


def _event(sentence):
    return Event(id=f"V{sentence + 1}", sentence=sentence, action=SpanRef(start=0, end=1, text="x"), cameo="010", root="01")


def test_sentence_tone_sign():
    pos, neg, words = sentence_tone("The leaders praised the warm and friendly talks.")
    assert pos > neg and words == 8
    pos, neg, _ = sentence_tone("Troops killed and wounded dozens in a brutal, horrific attack.")
    assert neg > pos
    assert sentence_tone("") == (0.0, 0.0, 0)


def test_negation_is_handled():
    plain, _, _ = sentence_tone("The talks were good.")
    negated_pos, negated_neg, _ = sentence_tone("The talks were not good.")
    assert negated_pos < plain


def test_article_and_event_tone():
    hostile = "Troops killed dozens in a brutal attack."
    friendly = "The leaders praised the warm and friendly talks."
    text = hostile + " " + friendly
    record = _record(text, [(0, len(hostile)), (len(hostile) + 1, len(text))], [_event(0), _event(1)])
    tone, events = extract_tone(None, record)
    assert events[0].tone < 0 < events[1].tone
    assert tone.score == round(tone.positive - tone.negative, 2)
    assert min(events[0].tone, events[1].tone) < tone.score < max(events[0].tone, events[1].tone)
    assert record.events[0].tone is None  # the input record is not mutated
    assert tone.method.startswith("vader")


def test_no_sentences_no_events():
    record = _record("Quiet day.", [])
    tone, events = extract_tone(None, record)
    assert events == [] and -100 <= tone.score <= 100


def test_short_cuts_give_vaders_own_scores():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from tidings.extract.tone import _analyzer

    plain, fast = SentimentIntensityAnalyzer(), _analyzer()
    sentences = ["VADER is smart, handsome, and funny!", "Not bad at all", "The book was only kind of good.",
                 "Make sure you :) or :D today!", "Catch utf-8 emoji such as 💘 and 💋 and 😁", "No good",
                 "It was kind of bad, but NOT TERRIBLE!!!", "  ", "", "At least it isn't a horrible book.",
                 "very", "😁", "The ministry said on Tuesday that 40 people were killed.", "Kyiv — Moscow",
                 "He was not the least bit happy??", "The deal is sort of good, but the kind of talks were not.",
                 # the negation check (tone.py reads only the words it needs): each of its branches
                 "It was never so good", "It was never this bad", "Without doubt a fine day", "without a doubt great",
                 "It is not really good", "It isn't very good at all", "He hasn't been kind", "so good", "this bad",
                 "It was NEVER SO bad", "uh-uh good", "Rarely a good deal", "despite the fine result it failed",
                 "He did not say it was not bad, and nor was it good", "never", "good", "not good", "Don’t be sad"]
    for sentence in sentences:
        assert fast.polarity_scores(sentence) == plain.polarity_scores(sentence), sentence
