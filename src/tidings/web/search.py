"""The /search page: whole words, best matches first, each hit shown in a snippet of its text.

Every word of the query must occur as a whole word (case-insensitive) in the title or the text of an article
(in the speaker or the text of a quote). Candidates come from SQL (`ILIKE` on each word), the whole-word test
and the score run in Python, the same on DuckDB and PostgreSQL. Score: the whole phrase 10, a word in the
title 5, a word in the text 1 a time (at most 20 a word), so that a long article that names a word once does
not beat a headline; ties newest first.
"""
from __future__ import annotations

import re

__all__ = ["search_articles", "search_quotes", "words_of", "CANDIDATES"]

CANDIDATES = 5000  # rows read from SQL at most per section
SNIPPET_SIDE = 90  # characters either side of the first hit


def words_of(q: str) -> list[str]:
    return re.findall(r"\w+", q, flags=re.UNICODE)[:8]


def _like(word: str) -> str:
    return "%" + word.replace("\\", "").replace("%", "").replace("_", " ") + "%"


def _pattern(words: list[str]) -> re.Pattern:
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.IGNORECASE)


def _phrase(words: list[str]) -> re.Pattern:
    return re.compile(r"(?<!\w)" + r"\W+".join(re.escape(w) for w in words) + r"(?!\w)", re.IGNORECASE)


def snippet(text: str, words: list[str]) -> list[tuple[str, bool]]:
    """Pieces of `text` around its first hit: (text, is a hit) in order, "…" where cut."""
    pattern, phrase = _pattern(words), _phrase(words)
    first = phrase.search(text) or pattern.search(text)
    if first is None:
        return [(text[:2 * SNIPPET_SIDE] + ("…" if len(text) > 2 * SNIPPET_SIDE else ""), False)]
    start, end = max(0, first.start() - SNIPPET_SIDE), min(len(text), first.end() + SNIPPET_SIDE)
    if start:
        start = text.find(" ", start, first.start()) + 1 or start
    if end < len(text):
        cut = text.rfind(" ", first.end(), end)
        end = cut if cut > 0 else end
    window = " ".join(text[start:end].split())
    pieces, at = [("…" if start else "", False)], 0
    for m in pattern.finditer(window):
        pieces += [(window[at:m.start()], False), (m.group(0), True)]
        at = m.end()
    pieces += [(window[at:], False), ("…" if end < len(text) else "", False)]
    return [p for p in pieces if p[0]]


def _score(title: str, text: str, words: list[str]) -> int | None:
    """The relevance of a row, or None when a word is missing as a whole word."""
    score = 10 * len(_phrase(words).findall(title + "\n" + text)) if len(words) > 1 else 0
    for w in words:
        one = _pattern([w])
        in_title, in_text = len(one.findall(title)), len(one.findall(text))
        if not in_title and not in_text:
            return None
        score += 5 * in_title + min(in_text, 20)
    return score


def _where(columns: tuple[str, ...], words: list[str]) -> tuple[str, list]:
    where, params = [], []
    for w in words:
        where.append("(" + " OR ".join(f"{c} ILIKE ?" for c in columns) + ")")
        params += [_like(w)] * len(columns)
    return " AND ".join(where), params


def search_articles(store, q: str, *, limit: int = 30) -> tuple[int, list[dict]]:
    """(how many articles match, the best `limit`): id, title, published, source_name, score, snippet."""
    words = words_of(q)
    if not words:
        return 0, []
    where, params = _where(("a.title", "a.text"), words)
    found = []
    for aid, title, published, source, text in store.query(
            f"SELECT a.id, a.title, a.published, a.source_name, a.text FROM articles a WHERE {where} "
            "ORDER BY a.published_date DESC NULLS LAST, a.id LIMIT ?", [*params, CANDIDATES]):
        score = _score(title or "", text or "", words)
        if score is not None:
            found.append({"id": aid, "title": title, "published": published, "source_name": source, "score": score,
                          "snippet": snippet(text or "", words)})
    found.sort(key=lambda r: -r["score"])  # stable: newest first among equals
    return len(found), found[:limit]


def search_quotes(store, q: str, *, limit: int = 30) -> tuple[int, list[dict]]:
    """(how many quotes match, the best `limit`): article_id, quote_id, speaker, text, published_date, snippet."""
    words = words_of(q)
    if not words:
        return 0, []
    where, params = _where(("q.text", "q.speaker_name"), words)
    found = []
    for aid, qid, speaker, text, published in store.query(
            "SELECT q.article_id, q.id, coalesce(q.speaker_name, q.speaker_anonymous), q.text, a.published_date "
            f"FROM quotes q JOIN articles a ON a.id = q.article_id WHERE {where} "
            "ORDER BY a.published_date DESC NULLS LAST, q.article_id, q.id LIMIT ?", [*params, CANDIDATES]):
        score = _score(speaker or "", text or "", words)
        if score is not None:
            found.append({"article_id": aid, "quote_id": qid, "speaker": speaker, "text": text,
                          "published_date": published, "score": score, "snippet": snippet(text or "", words)})
    found.sort(key=lambda r: -r["score"])
    return len(found), found[:limit]
