"""Code a noun phrase of a parsed sentence as a CAMEO-style actor: country + sector.

"Russian President Vladimir Putin" → RUSGOV, "US intelligence agencies" → USASPY,
"the government of Liberia" → LBRGOV, "NATO" → IGOWSTNAT, "Moscow" → RUS.

`DocInfo` holds per-doc token columns (dependency labels, parts of speech, lower-cased
words and lemmas …) and index lists over the doc's view, made lazily once a doc as a part of
the ``DocView`` (``view.part(DocInfo)``; ``info(doc)`` from a token's doc), so the actor and
event stages read plain lists instead of making spaCy Token objects.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import numpy
from spacy.attrs import DEP, LEMMA, LOWER, ORTH, POS
from spacy.parts_of_speech import NAMES as _POS_NAMES

from .lexicon import lexicon, norm
from .phoenix import name_keys
from .._doc import view_of

__all__ = ["PhraseCode", "phrase_tokens", "code_phrase", "compose", "DocInfo", "info"]

_MODIFIER_DEPS = {"compound", "amod", "poss", "nmod", "npadvmod", "nn", "case", "punct", "det", "predet",
                  "quantmod", "nummod", "appos"}
_SKIP_WORDS = {"the", "a", "an", "'s", "'", "its", "their", "his", "her", "our", "some", "all", "two", "both",
               "former", "ousted", "top", "senior", "new", "chief", "of", "mr", "mr.", "mrs", "ms", "dr", "dr."}
_word_norm = lru_cache(maxsize=1 << 16)(norm)
_STRING_COLUMNS = [ORTH, LOWER, LEMMA, DEP]  # the order _columns unpacks them in
_MEMO_SIZE = 1 << 16  # strings remembered by hash (the memo starts over when full: ~7 MB at most)
_STRINGS: dict[int, str] = {}  # spaCy string hash → string, as doc.vocab.strings gives it


class DocInfo:
    """Token columns and index lists of one doc (see the module doc).

    The columns (``pos``, ``dep``, ``lower``, ``lemma``, ``text``, ``idx``) and ``kids`` are plain
    attributes, read when the table is made: the actor and event stages read them some 10,000
    times a doc, and every doc that reaches them needs them. ``words`` is made on first use."""

    __slots__ = ("view", "doc", "tokens", "heads", "kids", "_phrase", "_codes", "_roots", "pos", "dep",
                 "lower", "lemma", "text", "idx", "_words", "_nchars", "memo")

    def __init__(self, view):
        self.view, self.doc = view, view.doc
        self.tokens, self.heads = view.tokens, view.heads
        self.kids: list[list[int]] = view.kids  # children indices of each token, in document order
        self._words = self._nchars = None
        self._phrase: dict[int, tuple[list[int], list]] = {}
        self._codes: dict = {}
        self._roots: dict = {}
        self.memo: dict = {}  # other modules' per-doc answers, keyed by (name, …)
        self._columns()

    def _columns(self) -> None:
        """Read the token attributes with ``doc.to_array``; strings come from spaCy's own store, each looked up once.

        ``text``, ``lower``, ``dep``: ``token.text``, ``.lower_``, ``.dep_``; ``lemma``:
        ``token.lemma_.lower()``; ``pos``: ``token.pos_``; ``idx``: ``token.idx``."""
        doc = self.doc
        n = len(doc)
        if not n:
            self.text, self.lower, self.lemma, self.dep, self.pos, self.idx = [], [], [], [], [], []
            return
        unique, inverse = numpy.unique(doc.to_array(_STRING_COLUMNS), return_inverse=True)
        strings, memo = doc.vocab.strings, _STRINGS
        if len(memo) > _MEMO_SIZE:
            memo.clear()
        found = []
        for h in unique.tolist():
            text = memo.get(h)
            if text is None:
                text = memo[h] = strings[h]
            found.append(text)
        orth, low, lemma, dep = inverse.reshape(n, 4).T.tolist()
        lowered = {j: found[j].lower() for j in set(lemma)}
        self.text = [found[j] for j in orth]
        self.lower = [found[j] for j in low]
        self.lemma = [lowered[j] for j in lemma]
        self.dep = [found[j] for j in dep]
        self.idx = self.view.starts
        self.pos = [_POS_NAMES[p] for p in doc.to_array(POS).tolist()]

    @property
    def words(self) -> list[str]:
        """``norm(token.text)`` of each token."""
        if self._words is None:
            self._words = [_word_norm(w) for w in self.text]
        return self._words

    def subtree(self, i: int) -> list[int]:
        """Indices of ``token.subtree`` (same order). Do not change the list."""
        return self.view.subtree(i)

    def ancestors(self, i: int) -> list[int]:
        """Indices of ``token.ancestors``."""
        out, heads = [], self.heads
        n = len(heads)
        while heads[i] != i and len(out) < n:
            i = heads[i]
            out.append(i)
        return out

    def token_at(self, offset: int) -> int | None:
        """The index of the token that starts at character `offset`, or None."""
        idx = self.idx
        k = bisect_right(idx, offset) - 1
        return k if k >= 0 and idx[k] == offset else None

    def expand_span(self, start: int, end: int) -> tuple[int, int] | None:
        """``doc.char_span(start, end, alignment_mode="expand")`` as (token start, token end), or None."""
        if self._nchars is None:  # len(doc.text), without rebuilding the text
            self._nchars = self.idx[-1] + len(self.tokens[-1].text_with_ws) if self.tokens else 0
        idx, n = self.idx, self._nchars
        if not (0 <= start < n and 0 <= end - 1 < n) or not idx:
            span = self.doc.char_span(start, end, alignment_mode="expand")
            return None if span is None else (span.start, span.end)
        s = bisect_right(idx, start) - 1
        e = bisect_right(idx, end - 1) - 1
        if s < 0 or e < 0:
            return None
        if start == idx[s] + len(self.text[s]):
            s += 1
        if s > e + 1:  # spaCy's own answer (or error) for a degenerate range
            span = self.doc.char_span(start, end, alignment_mode="expand")
            return None if span is None else (span.start, span.end)
        return s, e + 1

    def span_root(self, start: int, end: int):
        """``doc.char_span(start, end, alignment_mode="expand").root`` (a view token), or None."""
        key = (start, end)
        if key not in self._roots:
            span = self.doc.char_span(start, end, alignment_mode="expand")
            self._roots[key] = None if span is None else self.tokens[span.root.i]
        return self._roots[key]

    def phrase(self, h: int) -> tuple[list[int], list]:
        """(indices, tokens) of ``phrase_tokens(doc[h])``. Do not change the lists."""
        hit = self._phrase.get(h)
        if hit is not None:
            return hit
        dep = self.dep
        keep = {h}
        head_noun = None
        for c in self.kids[h]:
            d = dep[c]
            if d in _MODIFIER_DEPS:
                if d != "appos" and c <= h:
                    # "Iraq alleged Ritter was …" parsed with "alleged" as an adjective of Ritter: a
                    # participle's own subject is no modifier of the noun ("U.S.-led" keeps its "U.S.")
                    skip = {t for k in self.kids[c] if dep[k] in ("nsubj", "nsubjpass") for t in self.subtree(k)} \
                        if d == "amod" and self.pos[c] == "VERB" else ()
                    for t in self.subtree(c):
                        if (t < h or dep[t] == "case") and t not in skip:
                            keep.add(t)
            elif d == "prep" and self.lower[c] == "of":
                if head_noun is None:
                    head_noun = self.pos[h] == "NOUN"
                if head_noun:
                    sub = self.subtree(c)
                    if len(sub) <= 6:
                        pos = self.pos
                        if not any(pos[t] in ("VERB", "AUX") for t in sub):
                            keep.update(sub)  # "the government of Liberia", not "Trump of praising Putin"
        order = sorted(keep)
        tokens = self.tokens
        hit = self._phrase[h] = (order, [tokens[i] for i in order])
        return hit


def info(doc) -> DocInfo:
    """The token columns of `doc`: a part of its view (see ``_doc.DocView.part``)."""
    return view_of(doc).part(DocInfo)


@dataclass(slots=True)
class PhraseCode:
    code: str | None
    country: str | None
    sector: str | None
    org: str | None


def phrase_tokens(head) -> list:
    """The head noun with its modifiers (compounds, adjectives, possessors, "of" phrases). Do not change the list."""
    # compounds to the right of a proper-noun head ("Putin" is not right-modified, but
    # "White House" heads on "House") are already in the subtree above
    return info(head.doc).phrase(head.i)[1]


def compose(country: str | None, sector: str | None, org: str | None) -> str | None:
    if org:
        return org
    if country:
        return country + (sector or "") if sector not in (None, "IGO", "NGO") else country
    return None


def code_phrase(head, day: date | None = None, tokens: list | None = None) -> PhraseCode:
    """Code the noun phrase headed by `head` (a spaCy token)."""
    d = info(head.doc)
    if tokens is None:
        return code_index(d, head.i, day)
    return code_indices(d, head.i, [t.i for t in tokens], day)


def code_index(d: DocInfo, h: int, day: date | None = None) -> PhraseCode:
    """`code_phrase` of token `h` over its own phrase tokens (made once per doc and day). Do not change the answer."""
    key = (h, day)
    found = d._codes.get(key)
    if found is None:
        found = d._codes[key] = code_indices(d, h, d.phrase(h)[0], day)
    return found


def code_indices(d: DocInfo, h: int, idx: list[int], day: date | None = None) -> PhraseCode:
    """`code_phrase` of token `h` over the tokens at `idx`."""
    text, pos = d.text, d.pos
    # per token: 2 if a proper noun, plus 1 if not after the head
    key = (tuple([text[i] for i in idx]), tuple([(pos[i] == "PROPN") * 2 + (i <= h) for i in idx]),
           next((k for k, i in enumerate(idx) if i == h), len(idx) - 1), day, lexicon())
    return _code_words(key)


@lru_cache(maxsize=1 << 14)
def _code_words(key) -> PhraseCode:
    """The code of a phrase from (texts, proper-noun/before-head flags, head position, day, lexicon). Do not change it."""
    texts, flags, head_pos, day, lex = key
    words = [_word_norm(t) for t in texts]
    if 0 <= head_pos < len(words) and words[head_pos] in lex.no_actor_heads:
        return PhraseCode(None, None, None, None)  # "the Persian Gulf", "5 million U.S. dollars": no actor
    org, own = lex.org_with_source(words, day, [flag >= 2 for flag in flags],  # own: the user's or tidings' lists
                                   [t.islower() for t in texts])
    if not own and (caps := next((lex.acronyms[t] for t in texts if t in lex.acronyms), None)):
        org, own = caps, True  # "the INS", never "ice on the roads"
    # named people (built-in or user dictionary): try the proper-noun run around the head
    propn = [t for t, flag in zip(texts, flags) if flag == 3]
    if propn and not own:  # tidings' or the user's own organisation wins ("IRA commanders")
        names = [" ".join(propn), propn[-1], " ".join(propn[-2:])]
        # a lone word takes a dictionary person's code only from tidings' or the user's own lists: a
        # bare surname ("Mesa", "Ginsburg") is coded where the actors stage can weigh the article
        # "Mr Howard" is a lone surname too: honorifics and titles make no full name
        full = any(" " in k for k in name_keys([names[0]], lex.title_words))
        named = lex.named(names, day) if full else lex.own_named(names, day)
        if named:
            return PhraseCode(named, named[:3] if not named.startswith(("IGO", "NGO")) else None, named[3:6] or None, None)
    country = None
    i = 0
    while i < len(words):
        if words[i] in _SKIP_WORDS:
            i += 1
            continue
        if n := lex.region_at(words, i):
            i += n  # "the Latin American Patriotic Army": no American
            continue
        iso, n = lex.country_of_word(words, i)
        if iso and i > 0 and words[i - 1] in ("new", "west", "north", "south", "east") and flags[i - 1] >= 2:
            iso = None  # New Jersey, New Mexico, West Virginia: not the country
        if iso and iso != "USA" and (words[i + n:i + n + 1] == ["americans"] or words[i + n:i + n + 1] == ["american"]
                                     and (i + n + 1 == len(words) or flags[i + n + 1] < 2)):
            # "Turkish Americans", "Arab American voters": Americans of that descent (not the
            # "Cuban American National Foundation", a name)
            i += n
            continue
        if iso:
            country = country or iso
            i += n
            continue
        i += 1
    # "general" names an officer as a title or the head noun, not as an adjective ("a general proposal")
    sector_words = [w if w != "general" or f >= 2 or k == head_pos else "" for k, (w, f) in enumerate(zip(words, flags))]
    sector = lex.sector_of_words(sector_words, head_pos)
    if org and len(org) >= 6 and country and country != org[:3] and org[:3].isalpha() \
            and not org.startswith(("IGO", "NGO", "IMG", "MNC", "UAF")):
        org = country + org[3:]  # "the Labour Party of Norway", "an Egyptian Islamic Jihad group": that country's
    if org and len(org) == 6 and country is None:
        country = org[:3]
    if propn and not (org or country):  # nothing better in the phrase: a Phoenix "elite" or country code
        named = lex.named(names, day, weak=True) if full else None
        if named:
            return PhraseCode(named, named[:3] if not named.startswith(("IGO", "NGO")) else None, named[3:6] or None, None)
    return PhraseCode(compose(country, sector, org), country, sector, org)
