"""Article scope: sports, entertainment and business between companies code no events.

Event data counts political actions; the annotators' guide leaves out "sports matches,
business deals between companies (unless a government is party)". Two rules, both driven by
``data/cameo/scope.yaml``:

* ``out_of_scope(view, record)``: one pass over the parse's words counts the cue words of each
  article type (sports, entertainment, business) and of a government being party (government
  words, and the mentions of entities whose actor code has a government sector). The type with
  the most hits makes the article out of scope when its hits, their density per 100 words and
  their lead over the government count pass the type's thresholds (see the data file). A
  politics story that mentions a match keeps its events: few sports cues, many government ones.
  ``codes_nothing(type)``: a sports or entertainment article codes no event; a business article
  keeps only the events with a government party (``event_out_of_scope(event, record, type)``).
* ``between_companies(event, record)``: an event whose source and target are both companies
  (a BUS/MNC actor code, a company's name such as "… Inc" or "… Airlines", or a bare "the
  firm") and neither a government party codes nothing, whatever the article.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from ...record import Article, Event, EventActor
from ..actors.code import info

__all__ = ["out_of_scope", "codes_nothing", "event_out_of_scope", "between_companies", "article_scores"]

DATA = Path(__file__).resolve().parents[2] / "data" / "cameo" / "scope.yaml"
_WORD = re.compile(r"\w+(?:[-'.]\w+)*")
_GOV = "government"
_THRESHOLDS = ("min_hits", "min_density", "dominance", "max_government")


@dataclass(frozen=True, slots=True)
class _Rules:
    words: dict[str, tuple[tuple[str, float], ...]]  # word → ((kind, weight), …)
    phrases: dict[str, tuple[tuple[tuple[str, ...], str, float], ...]]  # first word → longest first
    types: dict[str, dict[str, float]]  # type → thresholds
    codes: dict[str, str]  # type → what its articles still code: "nothing" or "government"
    title_weight: float
    gov_sectors: frozenset[str]
    company_sectors: frozenset[str]
    company_names: frozenset[str]
    not_names: tuple[str, ...]
    company_nouns: frozenset[str]
    alone_roots: frozenset[str]


def _fail(reason: str):
    raise ValueError(f"{DATA}: {reason}")


@cache
def _rules() -> _Rules:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    words: dict[str, dict[str, float]] = {}
    phrases: dict[str, dict[tuple[str, ...], tuple[str, float]]] = {}

    def add(cues, kind: str, weight: float) -> None:
        if not isinstance(cues, list):
            _fail(f"cues of {kind!r} must be a list, not {type(cues).__name__}")
        for cue in cues:
            toks = tuple(_WORD.findall(str(cue).lower()))
            if not toks:
                _fail(f"empty cue {cue!r} in {kind!r}")
            if len(toks) == 1:
                found = words.setdefault(toks[0], {})
                found[kind] = max(found.get(kind, 0.0), weight)
            else:
                found = phrases.setdefault(toks[0], {})
                if found.get(toks, (kind, 0.0))[1] <= weight:
                    found[toks] = (kind, weight)

    types, codes = {}, {}
    for kind, spec in (data.get("types") or {}).items():
        missing = [k for k in _THRESHOLDS if k not in spec]
        if missing:
            _fail(f"type {kind!r} lacks {', '.join(missing)}")
        types[kind] = {k: float(spec[k]) for k in _THRESHOLDS}
        codes[kind] = spec.get("codes", "nothing")
        if codes[kind] not in ("nothing", "government"):
            _fail(f"type {kind!r}: codes must be 'nothing' or 'government', not {codes[kind]!r}")
        add(spec.get("strong") or [], kind, 1.0)
        add(spec.get("weak") or [], kind, 0.5)
    if not types:
        _fail("no article types")
    gov = data.get("government") or _fail("no 'government' section")
    add(gov.get("words") or [], _GOV, 1.0)
    comp = data.get("companies") or _fail("no 'companies' section")
    return _Rules(
        words={w: tuple(k.items()) for w, k in words.items()},
        phrases={w: tuple(sorted(((p, kind, wt) for p, (kind, wt) in v.items()), key=lambda e: -len(e[0])))
                 for w, v in phrases.items()},
        types=types, codes=codes, title_weight=float(data.get("title_weight", 1)),
        gov_sectors=frozenset(gov.get("sectors") or []), company_sectors=frozenset(comp.get("sectors") or []),
        company_names=frozenset(str(w).lower() for w in comp.get("name_words") or []),
        not_names=tuple(str(w).lower() for w in comp.get("not_names") or []),
        company_nouns=frozenset(str(w).lower() for w in comp.get("nouns") or []),
        alone_roots=frozenset(str(r) for r in comp.get("alone_roots") or []))


def _count(lower: list[str], lemma: list[str], hits: dict[str, float], weight: float = 1.0) -> int:
    """Add the cues of the words to `hits` (phrases first, then a word's lemma or its form); returns
    how many words were read."""
    rules = _rules()
    words, phrases = rules.words, rules.phrases
    i, n, read = 0, len(lower), 0
    while i < n:
        w = lower[i]
        if not w[:1].isalnum():
            i += 1
            continue
        read += 1
        entries = phrases.get(w)
        if entries:
            for toks, kind, wt in entries:
                k = len(toks)
                if tuple(lower[i:i + k]) == toks:
                    hits[kind] = hits.get(kind, 0.0) + wt * weight
                    i += k
                    break
            else:
                entries = None
            if entries:
                continue
        found = words.get(lemma[i]) or words.get(w)
        if found:
            for kind, wt in found:
                hits[kind] = hits.get(kind, 0.0) + wt * weight
        i += 1
    return read


def _has_sector(code: str | None, sectors: frozenset[str]) -> bool:
    return bool(code) and any(code[i:i + 3] in sectors for i in range(0, len(code), 3))


def article_scores(view, record: Article) -> tuple[dict[str, float], float, int]:
    """The figures `out_of_scope` decides on: (cue hits by type, the government count, words read)."""
    d = info(view.doc)
    return _scores(d.lower, d.lemma, record)


def _scores(lower: list[str], lemma: list[str], record: Article) -> tuple[dict[str, float], float, int]:
    rules = _rules()
    hits: dict[str, float] = {}
    n_words = _count(lower, lemma, hits)
    if record.title:
        title = [w.lower() for w in _WORD.findall(record.title)]
        singular = [w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in title]
        _count(title, singular, hits, rules.title_weight)
    gov = hits.pop(_GOV, 0.0)
    for e in record.entities:
        if _has_sector(e.actor_code, rules.gov_sectors):
            gov += max(1, len(e.mentions))
    return hits, gov, n_words


def out_of_scope(view, record: Article) -> str | None:
    """The article type that puts the whole article out of scope for event coding
    ("sports", "entertainment", "business"), or None."""
    d = info(view.doc)
    return _decide(*_scores(d.lower, d.lemma, record))


def _decide(hits: dict[str, float], gov: float, n_words: int) -> str | None:
    rules = _rules()
    if not hits:
        return None
    kind = max(rules.types, key=lambda k: hits.get(k, 0.0))
    score, limits = hits.get(kind, 0.0), rules.types[kind]
    if (score >= limits["min_hits"] and 100.0 * score / max(n_words, 1) >= limits["min_density"]
            and score >= limits["dominance"] * gov and gov <= limits["max_government"]):
        return kind
    return None


def codes_nothing(scope: str | None) -> bool:
    """True when an article of type `scope` (from `out_of_scope`) codes no event at all."""
    return scope is not None and _rules().codes.get(scope) == "nothing"


def _party(actor: EventActor | None, record: Article) -> str | None:
    """"government" (a government sector in the actor code, or a country itself), "company" or None."""
    if actor is None:
        return None
    rules = _rules()
    entity = record.entity(actor.entity) if actor.entity else None
    codes = [c for c in (actor.code, entity.actor_code if entity else None) if c]
    if any(_has_sector(c, rules.gov_sectors) for c in codes):
        return "government"
    if any(_has_sector(c, rules.company_sectors) for c in codes):
        return "company"
    if any(len(c) == 3 for c in codes) and (entity is None or entity.type in ("PLACE", "NORP")):
        return "government"  # "India signed a deal": the country itself (not "London Stock Exchange" → GBR)
    name = ((entity.name if entity else actor.name) or "").lower()
    if not name or any(n in name for n in rules.not_names):
        return None
    words = _WORD.findall(name)
    if entity is None or entity.type != "ORG":
        return "company" if words and len(words) <= 3 and words[-1] in rules.company_nouns else None  # "the firm"
    if any(_GOV in dict(rules.words.get(w, ())) for w in words):
        return None  # "Oil Ministry", "Federal Trade Commission"
    return "company" if any(w in rules.company_names for w in words) else None


def between_companies(event: Event, record: Article) -> bool:
    """True when the event's source and target are both companies (neither a government party), or
    when one side is a company and the other names no actor at all in a root of dealing
    (scope.yaml `companies.alone_roots`: "Exxon signed preliminary agreements"): business news."""
    source, target = _party(event.source, record), _party(event.target, record)
    if source == "company" and target == "company":
        return True
    return "company" in (source, target) and (_nobody(event.source) or _nobody(event.target)) \
        and event.root in _rules().alone_roots


def _nobody(actor: EventActor | None) -> bool:
    return actor is None or (not actor.code and not actor.entity and not actor.name)


def event_out_of_scope(event: Event, record: Article, scope: str | None = None) -> str | None:
    """Why `event` codes nothing ("business"), or None. `scope` is the article's type from
    `out_of_scope`: an article whose type codes only government events keeps an event only when
    its source or target is a government party."""
    if between_companies(event, record):
        return "business"
    if scope is not None and _rules().codes.get(scope) == "government" and "government" not in (
            _party(event.source, record), _party(event.target, record)):
        return scope
    return None
