"""One whole article against its hand-made gold (FORMATS.md, "article").

Each section is scored found / listed, and what was not found is listed by name.
`contains` strings are located in the record's clean text (whitespace-tolerant: a run of
spaces or line breaks matches any other); a gold item marked `first_only` counts only
its first occurrence. Names are compared with whitespace collapsed and case folded.
"""
from __future__ import annotations

import re
from typing import Iterable, Sequence

from ..record import Article, Quote
from ._match import haversine_km, normalize_unit, overlap, singular, values_equal
from .result import TaskScore

__all__ = ["SECTIONS", "locate", "score_article"]

SECTIONS = ("persons", "places", "quotes", "quotes_with_speaker", "quantities", "times",
            "events_required", "events_all", "furniture_removed")
PLACE_KM = 161.0


def _norm(name: str | None) -> str:
    return " ".join((name or "").split()).casefold()


def locate(text: str, needle: str, first_only: bool = False) -> list[tuple[int, int]]:
    """Spans of `needle` in `text`, any run of whitespace matching any other."""
    words = needle.split()
    if not words:
        return []
    pattern = re.compile(r"\s+".join(map(re.escape, words)))
    spans = [(m.start(), m.end()) for m in pattern.finditer(text)]
    return spans[:1] if first_only else spans


def _hits(spans: Iterable[tuple[int, int]], locs: Sequence[tuple[int, int]]) -> bool:
    return any(overlap(s, loc) > 0 for s in spans for loc in locs)


def _entity_names(record: Article, entity_id: str | None) -> set[str]:
    e = record.entity(entity_id)
    return {_norm(n) for n in ([e.name, *e.aliases] if e else [])}


def _persons(gold: dict, record: Article):
    aliases = gold.get("aliases") or {}
    have = set()
    for e in record.entities:
        have |= {_norm(e.name), *(_norm(a) for a in e.aliases)}
    for name in gold.get("persons", []):
        wanted = {_norm(name), *(_norm(a) for a in aliases.get(name, []))}
        yield name, bool(wanted & have)


def _places(gold: dict, record: Article):
    for g in gold.get("places", []):
        want = _norm(g["text"])
        ok = False
        for p in record.places:
            names = {_norm(p.text), _norm(p.name)} | _entity_names(record, p.entity)
            if want in names and haversine_km(p.lat, p.lon, float(g["lat"]), float(g["lon"])) <= PLACE_KM:
                ok = True
                break
        yield g["text"], ok


def _speaker_ok(q: Quote, g: dict, gold: dict, record: Article) -> bool:
    speaker = g.get("speaker") or ""
    if g.get("anonymous") or speaker.startswith("anonymous:"):
        return q.speaker.anonymous is not None
    aliases = gold.get("aliases") or {}
    accepted = set()
    for name in [speaker, *g.get("accept", [])]:
        accepted |= {_norm(name), *(_norm(a) for a in aliases.get(name, []))}
    said = {_norm(q.speaker.name)} | _entity_names(record, q.speaker.entity)
    return bool((said - {""}) & accepted)


def _quotes(gold: dict, record: Article):
    for g in gold.get("quotes", []):
        locs = locate(record.text, g["contains"], bool(g.get("first_only")))
        found = [q for q in record.quotes if _hits(q.spans, locs)]
        label = f"{g['contains']!r} ({g.get('speaker')})"
        yield label, bool(found), any(_speaker_ok(q, g, gold, record) for q in found)


def _words(*phrases: str | None) -> set[str]:
    return {w for p in phrases for w in normalize_unit(p).split()}


def _quantities(gold: dict, record: Article):
    for g in gold.get("quantities", []):
        locs = locate(record.text, g["contains"], bool(g.get("first_only")))
        counted = (g.get("counted") or "").lower().split()
        head = singular(counted[-1]) if counted else None
        ok = any(_hits([(q.start, q.end)], locs) and values_equal(q.value, g.get("value"))
                 and (head is None or head in _words(q.unit, q.counted)) for q in record.quantities)
        yield f"{g['contains']!r} = {g.get('value')}", ok


def _times(gold: dict, record: Article):
    for g in gold.get("times", []):
        value = str(g.get("value"))
        ok = False
        places = [(record.text, None)]
        if not locate(record.text, g["contains"]):  # e.g. a date in a photo caption the cleaner removed
            places = [(r.text, r.line) for r in record.removed_lines]
        for text, line in places:
            for loc in locate(text, g["contains"], bool(g.get("first_only"))):
                spans = [(loc[0] + s, loc[0] + e) for s, e in locate(text[loc[0]:loc[1]], g["text"])] or [loc]
                if any(t.removed_line == line and t.value == value and _hits([(t.start, t.end)], spans)
                       for t in record.times):
                    ok = True
        yield f"{g['text']!r} in {g['contains']!r} = {value}", ok


def _country(actor, want: str | None) -> bool:
    if not want:
        return True
    code = actor.code if actor is not None else None
    return bool(code) and code[:3].upper() == want[:3].upper()


def _events(gold: dict, record: Article):
    for g in gold.get("events", []):
        locs = locate(record.text, g["contains"], bool(g.get("first_only")))
        roots = {str(g["root"]), *map(str, g.get("accept_roots", []))}
        ok = False
        for e in record.events:
            if not 0 <= e.sentence < len(record.sentences):
                continue
            s = record.sentences[e.sentence]
            if (_hits([(s.start, s.end)], locs) and (e.root or e.cameo[:2]) in roots
                    and _country(e.source, g.get("source")) and _country(e.target, g.get("target"))
                    and ("modality" not in g or e.modality == g["modality"])):
                ok = True
                break
        label = f"{g.get('source') or '-'} {g['root']} {g.get('target') or '-'} at {g['contains']!r}"
        yield label, bool(g.get("required")), ok


def _furniture(gold: dict, record: Article):
    lines = {_norm(line) for line in record.text.split("\n")}
    removed = {_norm(r.text) for r in record.removed_lines}
    for line in gold.get("not_article_text", []):
        yield line, _norm(line) not in lines and _norm(line) in removed


def score_article(docs: Sequence[tuple[dict, Article | None]]) -> TaskScore:
    sections = {name: {"found": 0, "listed": 0} for name in SECTIONS}
    missed: list[str] = []
    notes: list[str] = []

    by_doc: dict[str, dict[str, dict[str, int]]] = {}

    def count(doc: str, section: str, label: str, ok: bool) -> None:
        own = by_doc.setdefault(doc, {name: {"found": 0, "listed": 0} for name in SECTIONS})
        for table in (sections, own):
            table[section]["listed"] += 1
            table[section]["found"] += bool(ok)
        if not ok:
            missed.append(f"{doc}: {section}: {label}")

    for gold, record in docs:
        doc = str(gold.get("id"))
        by_doc.setdefault(doc, {name: {"found": 0, "listed": 0} for name in SECTIONS})
        if record is None:
            notes.append(f"{doc}: not analyzed")
            record = Article(id=doc, text="")
        for label, ok in _persons(gold, record):
            count(doc, "persons", label, ok)
        for label, ok in _places(gold, record):
            count(doc, "places", label, ok)
        for label, found, with_speaker in _quotes(gold, record):
            count(doc, "quotes", label, found)
            count(doc, "quotes_with_speaker", label, with_speaker)
        for label, ok in _quantities(gold, record):
            count(doc, "quantities", label, ok)
        for label, ok in _times(gold, record):
            count(doc, "times", label, ok)
        for label, required, ok in _events(gold, record):
            if required:
                count(doc, "events_required", label, ok)
            count(doc, "events_all", label, ok)
        for label, ok in _furniture(gold, record):
            count(doc, "furniture_removed", label, ok)
    metrics = {name: (v["found"] / v["listed"] if v["listed"] else None) for name, v in sections.items()}
    return TaskScore("article", metrics, len(docs), notes=notes, sections=sections, missed=missed, by_doc=by_doc)
