"""Out-of-scope text: stories and sentences that code no event (data/cameo/discards.json).

The PETRARCH-2 discard list names sports, entertainment and other phrases: a story that holds a
story-level phrase ("Champions League") codes no event at all, a sentence that holds a
sentence-level phrase ("bronze medal") codes none of its own. Matching is on whole words,
case-insensitive, in one pass over the words of the text (an index by first word, not a
regular expression of some 400 alternatives, which costs more than the rest of the stage).
"""
from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

__all__ = ["story_discard", "sentence_discard", "discard_spans", "token_discards", "in_quoted_title"]

DATA = Path(__file__).resolve().parents[2] / "data" / "cameo" / "discards.json"
_WORD = re.compile(r"\w+(?:[-'.]\w+)*")


@cache
def _index() -> dict[str, list[tuple[tuple[str, ...], bool]]]:
    """First word → [(the phrase's words, story-level?)], longest phrases first."""
    data = json.loads(DATA.read_text(encoding="utf-8"))
    index: dict[str, list[tuple[tuple[str, ...], bool]]] = {}
    for story, phrases in ((True, data["story"]), (False, data["sentence"])):
        for phrase in phrases:
            words = tuple(_WORD.findall(phrase.lower()))
            if words:
                index.setdefault(words[0], []).append((words, story))
    for entries in index.values():
        entries.sort(key=lambda e: -len(e[0]))
    return index


def discard_spans(text: str) -> list[tuple[int, int, str, bool]]:
    """Every discard phrase of `text`: (start, end, phrase, story-level?)."""
    found = [(m.start(), m.group()) for m in _WORD.finditer(text)]
    return token_discards([w.lower() for _, w in found], [s for s, _ in found], [w for _, w in found])


def token_discards(lower: list[str], starts: list[int], words: list[str]) -> list[tuple[int, int, str, bool]]:
    """The same over words already split: a parse's lower-case tokens, their offsets and texts."""
    index = _index()
    out = []
    for i, word in enumerate(lower):
        entries = index.get(word)
        if not entries:
            continue
        for phrase, story in entries:
            n = len(phrase)
            if tuple(lower[i:i + n]) == phrase:
                last = i + n - 1
                out.append((starts[i], starts[last] + len(words[last]), " ".join(phrase), story))
                break
    return out


def story_discard(text: str) -> str | None:
    """The story-level discard phrase the text holds, if any."""
    return next((p for _, _, p, story in discard_spans(text) if story), None)


def sentence_discard(text: str) -> str | None:
    """The sentence-level discard phrase the sentence holds, if any."""
    return next((p for _, _, p, story in discard_spans(text) if not story), None)


_OPEN_QUOTES = frozenset({'"', "“", "‘", "'", "«"})
_CLOSE_QUOTES = frozenset({'"', "”", "’", "'", "»"})
_TITLE_LEAD_POS = frozenset({"ADP", "DET", "PART", "PROPN", "NOUN"})


def in_quoted_title(d, i: int, reach: int = 6) -> bool:
    """Whether token i is a capitalised word inside a short quoted title after a preposition or a
    name ("on “Meet the Press”", "NBC's 'Face the Nation'"): a show, book or film, no event. A
    quotation of speech is no title: it follows a verb or a colon, or holds lower-case words."""
    if not d.text[i][:1].isupper() or d.tokens[i].is_sent_start:
        return False
    sent = d.tokens[i].sent
    lo, hi = max(sent.start, i - reach), min(sent.end, i + reach + 1)
    start = next((j for j in range(i - 1, lo - 1, -1) if d.text[j] in _OPEN_QUOTES), None)
    end = next((j for j in range(i + 1, hi) if d.text[j] in _CLOSE_QUOTES), None)
    if start is None or end is None or start == sent.start or d.pos[start - 1] not in _TITLE_LEAD_POS:
        return False
    inner = range(start + 1, end)
    if any(d.tokens[j].is_punct and j != end - 1 for j in inner):
        return False  # a clause broken by punctuation is speech
    return all(d.text[j][:1].isupper() for j in inner if len(d.text[j]) > 3 and d.text[j].isalpha())
