"""Tone of an article and of each event's sentence, in GDELT's convention.

Method (docs/EVENTS.md): each sentence is scored with VADER (vaderSentiment 3.3.2),
whose `pos` and `neg` are the shares of the sentence's sentiment-weighted words that
are positive and negative, after VADER's handling of negation, intensifiers and "but".
As in GDELT, positive and negative are percentages of words: a sentence's positive
score is 100 × pos, its negative score 100 × neg, and its tone positive − negative
(−100 … +100; negative = hostile). The article's positive and negative scores are the
word-count-weighted means over its sentences; its tone is their difference. An
event's tone is the tone of its sentence.
"""
from __future__ import annotations

import re
from functools import cache

from ..record import Article, Event, Tone

__all__ = ["extract_tone", "sentence_tone"]

_WORD = re.compile(r"\w+(?:['’]\w+)?")


@cache
def _analyzer():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def sentence_tone(text: str) -> tuple[float, float, int]:
    """(positive %, negative %, word count) of one sentence."""
    words = len(_WORD.findall(text))
    if not words:
        return 0.0, 0.0, 0
    scores = _analyzer().polarity_scores(text)
    return 100.0 * scores["pos"], 100.0 * scores["neg"], words


def extract_tone(doc, record: Article) -> tuple[Tone, list[Event]]:
    """The article's Tone and its events with `tone` set from their sentence."""
    spans = [(s.start, s.end) for s in record.sentences] or [(0, len(record.text))]
    per_sentence: list[float] = []
    pos_sum = neg_sum = 0.0
    n_words = 0
    for start, end in spans:
        pos, neg, words = sentence_tone(record.text[start:end])
        per_sentence.append(round(pos - neg, 2))
        pos_sum += pos * words
        neg_sum += neg * words
        n_words += words
    positive = pos_sum / n_words if n_words else 0.0
    negative = neg_sum / n_words if n_words else 0.0
    tone = Tone(score=round(positive - negative, 2), positive=round(positive, 2), negative=round(negative, 2),
                method="vader-3.3.2 sentence pos/neg as percent of words (GDELT convention)")
    events = []
    for event in record.events:
        e = event.model_copy()
        e.tone = per_sentence[event.sentence] if 0 <= event.sentence < len(per_sentence) else None
        events.append(e)
    return tone, events
