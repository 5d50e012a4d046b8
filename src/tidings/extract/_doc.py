"""DocView: one parsed doc and everything derived from it, made once per doc by the pipeline.

The pipeline makes one ``DocView(doc, record.text)`` per article and passes it to every
stage (``fn(view, record)``). It owns every per-doc cache:

* the token list, heads, children, subtrees, sentences, entities and noun chunks: spaCy makes
  a new ``Token`` object on every ``doc[i]``, ``token.head`` or ``token.children`` and a new
  tuple of spans on every ``doc.ents``, ``doc.sents`` or ``doc.noun_chunks`` (over eight stages
  this was some 15,000 Token objects an article); what the view gives is identical to what
  spaCy gives, only made once a doc;
* the stages' own per-doc tables, made on first use with ``view.part(Cls)`` (``Cls(view)``,
  once a doc): the actor token columns (``actors.code.DocInfo``) and the quotes' span and
  offset index (``quotes.index.DocIndex``).

Helpers deep in a stage that hold only a token reach the same view with ``view_of(tok.doc)``:
the newest view is kept in one slot (checked by identity), so nothing outlives the next doc.
"""
from __future__ import annotations

from bisect import bisect_left

__all__ = ["DocView", "view_of"]


class DocView:
    """Lazily made, cached views of one doc. Each attribute equals spaCy's own answer.

    `text` is the text the doc was parsed from (the record's), when the caller has it.
    Making a view makes it the one ``view_of`` finds for its doc.
    """

    __slots__ = ("doc", "given_text", "_parts", "_tokens", "_heads", "_kids", "_children", "_subtrees", "_sents",
                 "_sent_index", "_ents", "_noun_chunks", "_text", "_starts", "_ends")

    def __init__(self, doc, text: str | None = None):
        global _last
        self.doc = doc
        self.given_text = text
        self._parts: dict[type, object] = {}
        self._tokens = self._heads = self._kids = self._sents = None
        self._children: dict[int, list] = {}
        self._sent_index = self._ents = self._noun_chunks = self._text = None
        self._starts = self._ends = None
        self._subtrees: dict[int, list[int]] = {}
        _last = self

    def part(self, kind):
        """The stage table `kind` of this doc: ``kind(self)``, made on first use."""
        found = self._parts.get(kind)
        if found is None:
            found = self._parts[kind] = kind(self)
        return found

    def release(self) -> None:
        """Drop the stage tables once every stage is done. Each holds this view, a reference cycle
        that only the garbage collector would break: with it went every Token, list and span the
        view made (some 2,500 objects an article), traversed on each young collection until then."""
        self._parts.clear()

    def made(self, kind):
        """The stage table `kind` when it is already made, else None (never makes it)."""
        return self._parts.get(kind)

    @property
    def tokens(self) -> list:
        """``list(doc)``: index it instead of ``doc[i]``."""
        if self._tokens is None:
            self._tokens = list(self.doc)
        return self._tokens

    @property
    def text(self) -> str:
        """``doc.text`` (spaCy rebuilds the string on every call)."""
        if self._text is None:
            self._text = self.doc.text
        return self._text

    @property
    def starts(self) -> list[int]:
        """``token.idx`` of each token: its first character."""
        if self._starts is None:
            self._offsets()
        return self._starts

    @property
    def ends(self) -> list[int]:
        """``token.idx + len(token)`` of each token: the character after it."""
        if self._ends is None:
            self._offsets()
        return self._ends

    def _offsets(self) -> None:
        from spacy.attrs import IDX, LENGTH

        if len(self.doc):
            table = self.doc.to_array([IDX, LENGTH])
            self._starts, self._ends = table[:, 0].tolist(), (table[:, 0] + table[:, 1]).tolist()
        else:
            self._starts, self._ends = [], []

    @property
    def heads(self) -> list[int]:
        """The index of each token's head (a root is its own head)."""
        if self._heads is None:
            doc = self.doc
            rel = doc.to_array("HEAD").astype("int64") if len(doc) else ()  # spaCy gives offsets as uint64
            self._heads = [i + r for i, r in enumerate(rel.tolist())] if len(doc) else []
        return self._heads

    def head(self, token):
        """``token.head``."""
        return self.tokens[self.heads[token.i]]

    @property
    def kids(self) -> list[list[int]]:
        """The indices of each token's children, in document order. Do not change the lists."""
        if self._kids is None:
            kids: list[list[int]] = [[] for _ in self.heads]
            for i, h in enumerate(self.heads):
                if h != i:
                    kids[h].append(i)
            self._kids = kids
        return self._kids

    def children(self, token) -> list:
        """``list(token.children)``, in document order, made once a token (most tokens are never
        asked about). Do not change the list."""
        i = token.i
        found = self._children.get(i)
        if found is None:
            tokens = self.tokens
            found = self._children[i] = [tokens[j] for j in self.kids[i]]
        return found

    def subtree(self, i: int) -> list[int]:
        """The indices of ``doc[i].subtree``, in spaCy's order (each left child's subtree, the token,
        each right child's), made once a token. Do not change the list."""
        found = self._subtrees.get(i)
        if found is None:
            kids, out, stack = self.kids, [], [i]  # t >= 0: a subtree to open; ~t: token t to emit
            while stack:
                t = stack.pop()
                if t < 0:
                    out.append(~t)
                    continue
                below = kids[t]
                k = bisect_left(below, t)
                stack.extend(reversed(below[k:]))
                stack.append(~t)
                stack.extend(reversed(below[:k]))
            found = self._subtrees[i] = out
        return found

    def nbor(self, token, offset: int = 1):
        """``token.nbor(offset)``, or None past either end of the doc."""
        j = token.i + offset
        return self.tokens[j] if 0 <= j < len(self.tokens) else None

    @property
    def sents(self) -> tuple:
        """``tuple(doc.sents)``."""
        if self._sents is None:
            self._sents = tuple(self.doc.sents)
        return self._sents

    def sent_index(self, token) -> int:
        """The index in ``sents`` of the sentence holding `token`."""
        if self._sent_index is None:
            index: list[int] = []
            for k, sent in enumerate(self.sents):
                index.extend([k] * (sent.end - sent.start))
            self._sent_index = index
        return self._sent_index[token.i]

    def sent(self, token):
        """``token.sent``."""
        return self.sents[self.sent_index(token)]

    @property
    def ents(self) -> tuple:
        """``doc.ents``."""
        if self._ents is None:
            self._ents = self.doc.ents
        return self._ents

    @property
    def noun_chunks(self) -> tuple:
        """``tuple(doc.noun_chunks)``."""
        if self._noun_chunks is None:
            self._noun_chunks = tuple(self.doc.noun_chunks)
        return self._noun_chunks


_last: DocView | None = None


def view_of(doc) -> DocView:
    """The view of `doc`: the newest one made, when it is of this doc; else a new one (which drops the old)."""
    view = _last
    if view is None or view.doc is not doc:
        view = DocView(doc)
    return view


def current_view(doc) -> DocView | None:
    """The newest view when it is of `doc`, else None (makes nothing): for cheap optional lookups."""
    view = _last
    return view if view is not None and view.doc is doc else None
