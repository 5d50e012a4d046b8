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

from ._doc import DocView
from ..record import Article, Event, Tone

__all__ = ["extract_tone", "sentence_tone"]

_WORD = re.compile(r"\w+(?:['’]\w+)?")


@cache
def _analyzer():
    from vaderSentiment.vaderSentiment import BOOSTER_DICT, NEGATE, N_SCALAR, SentimentIntensityAnalyzer, SentiText

    negate = frozenset(NEGATE)

    def negated(word: str) -> bool:  # vaderSentiment.negated([word]) of one word
        word = str(word).lower()
        return word in negate or "n't" in word

    class Analyzer(SentimentIntensityAnalyzer):
        """VADER's own scores, with two short cuts that change no score (tests/extract/test_tone.py checks).

        VADER first rebuilds the text a character at a time to spell out emoji; a sentence with
        no emoji skips that. A sentence with no lexicon word has no valence to modify: it is
        scored as all neutral without running the per-word rules. The negation check lower-cases
        the few words it reads, not the whole sentence for each word it checks.
        """

        def __init__(self):
            super().__init__()
            self.emoji_chars = frozenset(self.emojis)

        def polarity_scores(self, text):
            if not text.isascii() and not self.emoji_chars.isdisjoint(text):
                return super().polarity_scores(text)
            text = text.strip()
            sentitext = SentiText(text)
            words = sentitext.words_and_emoticons
            lexicon = self.lexicon
            if not any(w.lower() in lexicon for w in words):
                return self.score_valence([0] * len(words), text)
            sentiments: list[float] = []
            last = len(words) - 1
            for i, item in enumerate(words):  # as in SentimentIntensityAnalyzer.polarity_scores
                lower = item.lower()
                if lower in BOOSTER_DICT or (i < last and lower == "kind" and words[i + 1].lower() == "of"):
                    sentiments.append(0)
                    continue
                if lower in lexicon:
                    sentiments = self.sentiment_valence(0, sentitext, item, i, sentiments)
                else:  # what sentiment_valence gives a word outside the lexicon
                    sentiments.append(0)
            sentiments = self._but_check(words, sentiments)
            return self.score_valence(sentiments, text)

        @staticmethod
        def _negation_check(valence, words_and_emoticons, start_i, i):
            """VADER's own check, word for word (it lower-cased every word of the sentence on each call)."""
            def low(k):
                return str(words_and_emoticons[k]).lower()

            if start_i == 0:
                if negated(low(i - (start_i + 1))):  # 1 word preceding lexicon word (w/o stopwords)
                    valence = valence * N_SCALAR
            if start_i == 1:
                if low(i - 2) == "never" and (low(i - 1) == "so" or low(i - 1) == "this"):
                    valence = valence * 1.25
                elif low(i - 2) == "without" and low(i - 1) == "doubt":
                    valence = valence
                elif negated(low(i - (start_i + 1))):  # 2 words preceding the lexicon word position
                    valence = valence * N_SCALAR
            if start_i == 2:
                if low(i - 3) == "never" and (low(i - 2) == "so" or low(i - 2) == "this") or \
                        (low(i - 1) == "so" or low(i - 1) == "this"):
                    valence = valence * 1.25
                elif low(i - 3) == "without" and (low(i - 2) == "doubt" or low(i - 1) == "doubt"):
                    valence = valence
                elif negated(low(i - (start_i + 1))):  # 3 words preceding the lexicon word position
                    valence = valence * N_SCALAR
            return valence

    return Analyzer()


def sentence_tone(text: str) -> tuple[float, float, int]:
    """(positive %, negative %, word count) of one sentence."""
    words = len(_WORD.findall(text))
    if not words:
        return 0.0, 0.0, 0
    scores = _analyzer().polarity_scores(text)
    return 100.0 * scores["pos"], 100.0 * scores["neg"], words


def extract_tone(view: DocView | None, record: Article) -> tuple[Tone, list[Event]]:
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
