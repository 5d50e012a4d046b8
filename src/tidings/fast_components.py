"""The model's attribute ruler and rule lemmatizer, doing the same work over arrays.

spaCy's ``attribute_ruler`` runs a general token Matcher of ~180 patterns over every token
and then makes a Span for each match (7 ms an article of the ~75 ms parse); its
``lemmatizer`` sets each lemma through a Token object (3 ms). Both results depend on a few
attributes of a token only, so here they are worked out once for each distinct combination of
those attributes and written to the doc as arrays: the same tags, parts of speech, morphology,
dependency labels and lemmas (a test compares them with the model's own components), in
about a tenth of the time.

``install(nlp)`` puts these in place of the model's two components, under the same names,
when the model's rules are of the kinds handled here (single attribute equality, IN, NOT_IN,
REGEX on TAG, LOWER, DEP, IS_SPACE; fixed-length patterns; the rule lemmatizer); otherwise it
leaves the model as it is. ``TIDINGS_SPACY_COMPONENTS=model`` keeps the model's own.
"""
from __future__ import annotations

import re

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language

__all__ = ["install", "FastAttributeRuler", "FastLemmatizer"]

_READ = ("TAG", "LOWER", "DEP", "IS_SPACE")  # token features a rule may test (the columns read)
_OPS = frozenset({"IN", "NOT_IN", "REGEX"})
_WRITE = (POS, TAG, DEP, MORPH, LEMMA)  # what a rule may set (the columns written)
_WRITE_COL = {attr: i for i, attr in enumerate(_WRITE)}
CACHE_LIMIT = 50_000  # entries a memo holds before it is emptied (a long run meets ever more words; ~10 MB)


class Unsupported(Exception):
    """A rule this module does not reproduce: the model's own component stays."""


def _conditions(key: str, value) -> list[tuple[str, object]]:
    """(operator, argument) pairs for one attribute of a token pattern, as the Matcher reads them."""
    if key == "IS_SPACE":
        if not isinstance(value, bool):
            raise Unsupported(f"IS_SPACE {value!r}")
        return [("EQ", value)]
    if isinstance(value, str):
        return [("EQ", value)]
    if not (isinstance(value, dict) and value and set(value) <= _OPS):
        raise Unsupported(f"{key} {value!r}")
    out = []
    for op, arg in value.items():
        if op == "REGEX":
            if not isinstance(arg, str):
                raise Unsupported(f"REGEX {arg!r}")
            out.append((op, re.compile(arg)))
        else:
            if not isinstance(arg, (list, tuple)) or not all(isinstance(a, str) for a in arg):
                raise Unsupported(f"{op} {arg!r}")
            out.append((op, frozenset(arg)))
    return out


def _holds(op: str, arg, value) -> bool:
    if op == "EQ":
        return value == arg
    if op == "IN":
        return value in arg
    if op == "NOT_IN":
        return value not in arg
    return bool(arg.search(value))  # REGEX


class FastAttributeRuler:
    """The same annotations as a spaCy AttributeRuler (built from one with ``compile``).

    A token's rules depend on its tag, dependency label, whether it is a space, and which of
    the rules' LOWER conditions its lower-case form meets (its *word class*, remembered per
    word). The rules met by each (tag, word class, label, space) are worked out once.
    """

    def __init__(self, nlp: Language | None = None, name: str = "attribute_ruler"):
        self.name = name
        self.vocab = nlp.vocab if nlp is not None else None
        self.specs: list[list[tuple[str, str, object]]] = []  # one distinct token spec: [(attribute, op, arg)]
        self.singles: list[tuple[int, int]] = []  # (spec, rule) of one-token patterns
        self.multis: list[tuple[tuple[int, ...], int, int]] = []  # (specs, rule, target offset) of longer ones
        self.attrs: list[dict[int, int]] = []  # rule → {attribute id: value}, as the model's ruler holds them
        self._lower_conds: list[tuple[str, object]] = []  # distinct LOWER conditions
        self._by_word: dict[str, list[int]] = {}  # word → its EQ and IN conditions
        self._other_conds: list[int] = []  # NOT_IN and REGEX conditions: tested on each new word
        self._word_class: dict[int, frozenset] = {}  # lower-case hash → conditions it meets
        self._classes: dict[frozenset, frozenset] = {}
        self._token: dict[tuple, tuple] = {}  # (tag, word class, dep, space) → what matches there

    def compile(self, ruler) -> "FastAttributeRuler":
        """Take the rules of `ruler` (a spaCy AttributeRuler); raises Unsupported for rules it cannot reproduce."""
        self.vocab = ruler.vocab
        spec_ids: dict[str, int] = {}
        cond_ids: dict[tuple, int] = {}

        def lower_cond(op, arg) -> int:
            key = (op, arg.pattern if op == "REGEX" else arg)
            if key not in cond_ids:
                cond_ids[key] = len(self._lower_conds)
                self._lower_conds.append((op, arg))
            return cond_ids[key]

        def spec_id(spec) -> int:
            if not isinstance(spec, dict) or not spec:
                raise Unsupported(f"token pattern {spec!r}")
            if any(k not in _READ for k in spec):
                raise Unsupported(f"token pattern {spec!r}")
            key = repr(sorted(spec.items()))
            if key not in spec_ids:
                items = []
                for attr, value in spec.items():
                    for op, arg in _conditions(attr, value):
                        items.append((attr, "COND", lower_cond(op, arg)) if attr == "LOWER" else (attr, op, arg))
                spec_ids[key] = len(self.specs)
                self.specs.append(items)
            return spec_ids[key]

        for rule, attrs in enumerate(ruler.attrs):
            if not set(attrs) <= set(_WRITE):
                raise Unsupported(f"rule {rule} sets {sorted(attrs)}")
            entry = ruler.matcher.get(str(rule))
            if entry is None:
                raise Unsupported(f"rule {rule} has no patterns")
            index = ruler.indices[rule]
            for pattern in entry[1]:
                if not isinstance(pattern, list) or not pattern:
                    raise Unsupported(f"rule {rule}: pattern {pattern!r}")
                target = index if index >= 0 else len(pattern) + index
                if not 0 <= target < len(pattern):
                    raise Unsupported(f"rule {rule}: index {index} outside {pattern!r}")
                ids = tuple(spec_id(spec) for spec in pattern)
                if len(ids) == 1:
                    self.singles.append((ids[0], rule))
                else:
                    self.multis.append((ids, rule, target))
        for c, (op, arg) in enumerate(self._lower_conds):
            if op == "EQ":
                self._by_word.setdefault(arg, []).append(c)
            elif op == "IN":
                for word in arg:
                    self._by_word.setdefault(word, []).append(c)
            else:
                self._other_conds.append(c)
        self.attrs = [dict(a) for a in ruler.attrs]
        return self

    def _class_of(self, lower: int) -> frozenset:
        """The LOWER conditions a word meets."""
        word = self.vocab.strings[lower]
        met = set(self._by_word.get(word, ()))
        for c in self._other_conds:
            op, arg = self._lower_conds[c]
            if _holds(op, arg, word):
                met.add(c)
        met = frozenset(met)
        met = self._classes.setdefault(met, met)
        if len(self._word_class) >= CACHE_LIMIT:
            self._word_class.clear()
        self._word_class[lower] = met
        return met

    def _matches(self, key: tuple) -> tuple:
        """For a token of this (tag, word class, dep, space): (the (column, value) pairs its one-token
        rules leave, those rules, the multi-token patterns it may start, the specs it meets)."""
        strings = self.vocab.strings
        f = {"TAG": strings[key[0]], "DEP": strings[key[2]], "IS_SPACE": bool(key[3])}
        word_class = key[1]
        met = frozenset(s for s, items in enumerate(self.specs)
                        if all((arg in word_class) if op == "COND" else _holds(op, arg, f[attr])
                               for attr, op, arg in items))
        rules = tuple(sorted({rule for spec, rule in self.singles if spec in met}))
        starts = tuple(m for m, (ids, _, _) in enumerate(self.multis) if ids[0] in met)
        out = (self._merge(rules), rules, starts, met)
        self._token[key] = out
        return out

    def _merge(self, rules: tuple[int, ...]) -> tuple[tuple[int, int], ...]:
        """The (column, value) pairs left by applying `rules` in order (a later rule wins, as in spaCy)."""
        merged: dict[int, int] = {}
        for rule in rules:
            for attr, value in self.attrs[rule].items():
                merged[_WRITE_COL[attr]] = value
        return tuple(sorted(merged.items()))

    def __call__(self, doc):
        n = len(doc)
        if n == 0:
            return doc
        table = doc.to_array([TAG, LOWER, DEP, IS_SPACE])
        word_class, classify, memo, matches = self._word_class, self._class_of, self._token, self._matches
        found = []
        for tag, lower, dep, space in zip(*(table[:, j].tolist() for j in range(4))):
            met = word_class.get(lower)
            key = (tag, classify(lower) if met is None else met, dep, space)
            found.append(memo.get(key) or matches(key))
        extra: dict[int, list[int]] = {}  # token → rules of multi-token matches aimed at it
        for i, hit in enumerate(found):
            for m in hit[2]:
                ids, rule, target = self.multis[m]
                if i + len(ids) <= n and all(ids[j] in found[i + j][3] for j in range(1, len(ids))):
                    extra.setdefault(i + target, []).append(rule)
        columns = doc.to_array(list(_WRITE)).T.tolist()
        for i, hit in enumerate(found):
            pairs = hit[0] if i not in extra else self._merge(tuple(sorted(set(hit[1]) | set(extra[i]))))
            for col, value in pairs:
                columns[col][i] = value
        if len(memo) >= CACHE_LIMIT:
            memo.clear()
        doc.from_array(list(_WRITE), numpy.array(columns, dtype=numpy.uint64).T)
        return doc


class FastLemmatizer:
    """The lemmas of a spaCy rule Lemmatizer (``overwrite`` off), looked up by (text, POS, morphology)."""

    def __init__(self, nlp: Language | None = None, name: str = "lemmatizer"):
        self.name = name
        self.inner = None
        self._lemma: dict[tuple[int, int, int], int] = {}

    def wrap(self, lemmatizer) -> "FastLemmatizer":
        if getattr(lemmatizer, "mode", None) != "rule" or getattr(lemmatizer, "overwrite", True):
            raise Unsupported(f"lemmatizer mode {getattr(lemmatizer, 'mode', None)!r}")
        self.inner = lemmatizer
        _index_as_sets(lemmatizer)
        return self

    def __call__(self, doc):
        if len(doc) == 0:
            return doc
        table = doc.to_array([ORTH, POS, MORPH, LEMMA])
        rows = table.tolist()
        cache = self._lemma
        lemmas = table[:, 3].copy()
        changed = False
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma:
                continue
            key = (orth, pos, morph)
            value = cache.get(key)
            if value is None:
                value = self._lemmatize(doc[i], key)
            lemmas[i] = value
            changed = True
        if changed:
            doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc

    def _lemmatize(self, token, key) -> int:
        inner = self.inner
        if not inner._validated:
            inner._validate_tables()
        value = inner.vocab.strings.add(inner.lemmatize(token)[0])
        if len(self._lemma) >= CACHE_LIMIT:
            self._lemma.clear()
        self._lemma[key] = value
        return value


def _index_as_sets(lemmatizer) -> None:
    """The rule lemmatizer asks ``form in index`` of its word lists (58,000 nouns): a list scan, 70 µs
    a new word. The same words as sets answer the same. The model's component is out of the pipeline
    by then; this wrapper alone calls it."""
    from spacy.lookups import Lookups, Table

    if "lemma_index" not in lemmatizer.lookups.tables:
        return
    index = lemmatizer.lookups.get_table("lemma_index")
    if all(isinstance(v, frozenset) for v in index.values()):
        return
    lookups = Lookups()
    for name in lemmatizer.lookups.tables:
        table = lemmatizer.lookups.get_table(name)
        if name == "lemma_index":  # sized by its data: a Table made empty sizes its Bloom filter for 10^6 keys (18 MB)
            table = Table(name=name, data={key: frozenset(words) for key, words in table.items()})
        lookups.set_table(name, table)
    lemmatizer.lookups = lookups


@Language.factory("tidings_fast_attribute_ruler")
def _make_ruler(nlp: Language, name: str):
    return FastAttributeRuler(nlp, name)


@Language.factory("tidings_fast_lemmatizer")
def _make_lemmatizer(nlp: Language, name: str):
    return FastLemmatizer(nlp, name)


def install(nlp: Language) -> list[str]:
    """Put the array versions in place of the model's attribute ruler and lemmatizer (same names); returns those replaced."""
    from . import settings

    if settings.value("spacy_components") == "model":
        return []
    done = []
    for name, factory, build in (("attribute_ruler", "tidings_fast_attribute_ruler", "compile"),
                                 ("lemmatizer", "tidings_fast_lemmatizer", "wrap")):
        if name not in nlp.pipe_names:
            continue
        old = nlp.get_pipe(name)
        if isinstance(old, (FastAttributeRuler, FastLemmatizer)):
            continue
        try:  # a trial build first: the model's component stays when its rules are not ones handled here
            getattr(_make_ruler(nlp, name) if build == "compile" else _make_lemmatizer(nlp, name), build)(old)
        except Unsupported:
            continue
        getattr(nlp.replace_pipe(name, factory), build)(old)
        done.append(name)
    return done

