"""Near-duplicate articles → stories, found at ingest.

Two tests, either one groups an article with a stored one:

1. wording: MinHash (datasketch) over word 3-shingles of the text, LSH candidates checked
   against ``TEXT_THRESHOLD`` (estimated Jaccard) — syndicated copies and light rewrites;
2. signature: the set of numbers (separators and "thousand"/"million" normalized), actor
   codes and name heads the article mentions — a fingerprint that survives machine
   translation, whose wording differs from the original. Candidates come from a second LSH;
   exact Jaccard must reach ``SIGNATURE_THRESHOLD`` over at least ``SIGNATURE_MIN`` tokens,
   with at least ``SIGNATURE_MIN_NUMBERS`` numbers shared and ``NUMBERS_THRESHOLD`` of all
   the numbers in common, and publication days (when both known) at most ``MAX_DAYS_APART``
   apart. Tuned on the 2,225 BBC articles of ../shared/corpus (no dates there): at 0.6 the
   signature test grouped 13 pairs, most of them follow-up stories on one topic (sharing
   0.6-0.78 of their names and figures); at 0.8 / 0.75 it groups none of those.

Each copy stays a stored article (a mention of the story); the story id is the id of the
first article stored in the group.
"""
from __future__ import annotations

import re
import unicodedata
from datetime import date
from functools import cache

import numpy as np
from datasketch import MinHash, MinHashLSH

from ..record import Article

__all__ = ["Deduper", "shingles", "signature", "TEXT_THRESHOLD", "SIGNATURE_THRESHOLD"]

NUM_PERM = 64
SCHEME = "affine32"  # datasketch hashing scheme; stored hash values are only comparable within one
SHINGLE = 3
TEXT_THRESHOLD = 0.5  # estimated Jaccard of 3-shingles; rewrites of one wire story measure 0.55-0.9
SIGNATURE_THRESHOLD = 0.8  # same-topic follow-ups share 0.6-0.78 of names and figures (BBC corpus)
SIGNATURE_MIN = 5
SIGNATURE_MIN_NUMBERS = 2  # a translation keeps every figure; follow-up stories share names, not figures
NUMBERS_THRESHOLD = 0.75  # Jaccard of the number tokens alone
MAX_DAYS_APART = 3

_WORD = re.compile(r"\w+", re.UNICODE)
_NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:[ ,.\u00a0\u202f]\d{3})+|\d+(?:[.,]\d+)?)(?:\s+(thousand|million|billion))?",
                     re.IGNORECASE)
_CAP = re.compile(r"\b([A-Z][a-z]{2,})\b")
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9}


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


def shingles(text: str) -> set[bytes]:
    words = _WORD.findall(_norm(text))
    if len(words) < SHINGLE:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i:i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}


def _number(raw: str, scale: str | None) -> str | None:
    digits = raw.replace("\u00a0", " ").replace("\u202f", " ")
    if re.fullmatch(r"\d{1,3}(?:[ ,.]\d{3})+", digits):
        value = float(re.sub(r"[ ,.]", "", digits))
    else:
        try:
            value = float(digits.replace(",", "."))
        except ValueError:
            return None
    if scale:
        value *= _SCALE[scale.lower()]
    if value < 10 or (re.fullmatch(r"(19|20)\d\d", digits) and not scale):  # small counts, years: not telling
        return None
    return f"#{value:g}"


def signature(article: Article) -> set[str]:
    """Numbers and names the article mentions, in a form translation does not change."""
    tokens: set[str] = set()
    for m in _NUMBER.finditer(article.text):
        tok = _number(m[1], m[2])
        if tok:
            tokens.add(tok)
    for q in article.quantities:
        if q.value is not None and not (1900 <= q.value <= 2100) and q.value >= 10:
            tokens.add(f"#{q.value:g}")
    if article.entities:
        for e in article.entities:
            if e.actor_code:
                tokens.add(f"@{e.actor_code.lower()}")
            if e.type in ("PERSON", "ORG", "PLACE") and e.name:
                tokens.add(f"${_norm(e.name.split()[-1])}")
    else:  # no extractor ran: capitalized words not opening a sentence
        for m in _CAP.finditer(article.text):
            before = article.text[max(0, m.start() - 2):m.start()]
            if before and not re.search(r"[.!?\"“]\s*$", before):
                tokens.add(f"${m[1].lower()}")
    return tokens


@cache
def _permutations(seed: int):
    """datasketch draws a MinHash's permutations from its seed on every construction; draw them once."""
    return MinHash(num_perm=NUM_PERM, seed=seed, scheme=SCHEME).permutations


def _minhash(items, seed: int = 1) -> MinHash:
    mh = MinHash(num_perm=NUM_PERM, seed=seed, scheme=SCHEME, permutations=_permutations(seed))
    if items:
        mh.update_batch([i if isinstance(i, bytes) else i.encode() for i in items])
    return mh


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


class Deduper:
    """In-memory LSH indexes over the stored articles; ``assign`` groups new ones."""

    def __init__(self) -> None:
        self.text_lsh = MinHashLSH(threshold=TEXT_THRESHOLD, num_perm=NUM_PERM)
        self.sig_lsh = MinHashLSH(threshold=SIGNATURE_THRESHOLD * 0.75, num_perm=NUM_PERM)
        self.text_mh: dict[str, MinHash] = {}
        self.sigs: dict[str, frozenset[str]] = {}
        self.story: dict[str, str] = {}
        self.days: dict[str, date | None] = {}

    def _add(self, aid: str, mh: MinHash, sig: frozenset[str], story: str, day: date | None) -> None:
        self.text_lsh.insert(aid, mh, check_duplication=False)
        self.text_mh[aid] = mh
        if len(sig) >= SIGNATURE_MIN:
            self.sig_lsh.insert(aid, _minhash(sig, seed=2), check_duplication=False)
        self.sigs[aid] = sig
        self.story[aid] = story
        self.days[aid] = day

    def load(self, rows) -> None:
        """Rows of (article_id, minhash bytes, signature text, story id) from the store."""
        for aid, blob, sig_text, story in rows:
            if aid in self.story or blob is None:
                continue
            mh = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME, hashvalues=np.frombuffer(bytes(blob), dtype=np.uint64),
                         permutations=_permutations(1))
            parts = (sig_text or "").split("\t")
            day = _day(parts[0]) if parts else None
            self._add(aid, mh, frozenset(p for p in parts[1:] if p), story, day)

    def match(self, article: Article, mh: MinHash, sig: frozenset[str]) -> tuple[str, float, str] | None:
        """The stored article this one copies: (article id, similarity, method), or None."""
        best: tuple[str, float, str] | None = None
        for cand in self.text_lsh.query(mh):
            sim = mh.jaccard(self.text_mh[cand])
            if sim >= TEXT_THRESHOLD and (best is None or sim > best[1]):
                best = (cand, sim, "text")
        if best is None and len(sig) >= SIGNATURE_MIN:
            day = _day(article.published)
            for cand in self.sig_lsh.query(_minhash(sig, seed=2)):
                other = self.sigs[cand]
                inter = sig & other
                sim = len(inter) / len(sig | other)
                numbers = sum(1 for t in inter if t.startswith("#"))
                all_numbers = sum(1 for t in sig | other if t.startswith("#"))
                cday = self.days.get(cand)
                if day and cday and abs((day - cday).days) > MAX_DAYS_APART:
                    continue
                if numbers < SIGNATURE_MIN_NUMBERS or numbers / all_numbers < NUMBERS_THRESHOLD:
                    continue
                if sim >= SIGNATURE_THRESHOLD and (best is None or sim > best[1]):
                    best = (cand, sim, "signature")
        return best

    def assign(self, records: list[Article]) -> tuple[list[tuple], list[tuple]]:
        """Story rows (article_id, story_id, similarity, method) and signature rows for new records."""
        stories, signatures = [], []
        for r in records:
            mh = _minhash(shingles(r.text))
            sig = frozenset(signature(r))
            hit = self.match(r, mh, sig)
            if hit:
                story, sim, method = self.story[hit[0]], hit[1], hit[2]
            else:
                story, sim, method = r.id, None, "original"
            self._add(r.id, mh, sig, story, _day(r.published))
            stories.append((r.id, story, sim, method))
            signatures.append((r.id, mh.hashvalues.astype(np.uint64).tobytes(),
                               "\t".join([r.published or "", *sorted(sig)])))
        return stories, signatures
