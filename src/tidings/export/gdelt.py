"""GDELT 2.0 Events (61 columns) and Mentions (16 columns), tab-separated, no header, GDELT's order.

One Events row per event cluster (``event_clusters``: an event across reports), one Mentions
row per report of it (``event_cluster_members``). Which columns are filled and how:
docs/EXPORTS.md.
"""
from __future__ import annotations

from collections import Counter
from itertools import groupby
from pathlib import Path

from ._fields import clean, columns, country_name, day_stamp, fips, geo_type, host, num, stamp

__all__ = ["write_events", "write_mentions", "EVENT_COLUMNS", "MENTION_COLUMNS"]

EVENT_COLUMNS = columns("gdelt_events")
MENTION_COLUMNS = columns("gdelt_mentions")

_SQL = """
SELECT c.global_id, c.cluster_id, c.event_date, c.cameo, c.root, c.quad_class, c.goldstein,
       c.num_mentions, c.num_sources, c.num_articles,
       e.source_code, e.source_name, e.source_country, e.target_code, e.target_name, e.target_country,
       e.sentence, e.source_start, e.target_start, e.action_start, e.confidence,
       a.id, a.url, a.source_name, a.tone_score, a.ingested_at, length(a.text), a.language,
       p.name, p.lat, p.lon, p.country, p.admin1, p.feature_code, p.geonameid
FROM event_cluster_members m
JOIN event_clusters c ON c.cluster_id = m.cluster_id
JOIN events e ON e.article_id = m.article_id AND e.id = m.event_id
JOIN articles a ON a.id = m.article_id
LEFT JOIN places p ON p.article_id = e.article_id AND p.id = e.place_id
ORDER BY c.global_id, a.ingest_seq, e.id
"""
_FIELDS = ("gid", "cid", "event_date", "cameo", "root", "quad", "goldstein", "n_mentions", "n_sources",
           "n_articles", "src_code", "src_name", "src_country", "tgt_code", "tgt_name", "tgt_country",
           "sentence", "src_start", "tgt_start", "act_start", "confidence", "article_id", "url", "outlet",
           "tone", "ingested_at", "doc_len", "language", "place", "lat", "lon", "place_country", "admin1",
           "feature_code", "geonameid")
_NON_STATE = {"IGO", "NGO", "MNC", "IMG", "UAF", "UIS"}


def _rows(store):
    store.ensure_clusters()
    for gid, group in groupby((dict(zip(_FIELDS, r)) for r in store.query(_SQL)), key=lambda r: r["gid"]):
        yield gid, list(group)


def _mode(values):
    c = Counter(v for v in values if v)
    return c.most_common(1)[0][0] if c else None


def _actor(code: str | None, name: str | None, country: str | None) -> list[str]:
    """Code, Name, CountryCode, KnownGroupCode, EthnicCode, Religion1, Religion2, Type1-3."""
    if not code and not name:
        return [""] * 10
    code = (code or country or "").upper()
    types: list[str] = []
    group = ""
    if country and code.startswith(country):
        rest = code[len(country):]
        types = [rest[i:i + 3] for i in range(0, len(rest), 3)]
    elif code[:3] in _NON_STATE:
        types = [code[:3]]
        group = code[3:6]
    types = (types + ["", "", ""])[:3]
    return [clean(code), clean((name or country_name(country) or "").upper()), clean(country or ""), clean(group),
            "", "", "", *map(clean, types)]


def _geo(kind: int | None, full: str, country: str | None, lat, lon, feature) -> list[str]:
    """Type, FullName, CountryCode (FIPS), ADM1Code, ADM2Code, Lat, Long, FeatureID."""
    if kind is None:
        return [""] * 8
    return [str(kind), clean(full), fips(country), fips(country) if kind in (1, 2, 5) else "", "",
            num(lat), num(lon), "" if feature is None else str(feature)]


def _actor_geo(country: str | None) -> list[str]:
    return _geo(1, country_name(country), country, None, None, None) if country and fips(country) else [""] * 8


def event_row(gid: int, ms: list[dict]) -> list[str]:
    first = ms[0]
    day = first["event_date"]
    src_country, tgt_country = _mode(m["src_country"] for m in ms), _mode(m["tgt_country"] for m in ms)
    src_code = _mode(m["src_code"] for m in ms)
    tgt_code = _mode(m["tgt_code"] for m in ms)
    tones = {m["article_id"]: m["tone"] for m in ms if m["tone"] is not None}
    cameo = first["cameo"] or ""
    placed = [m for m in ms if m["place"]]
    if placed:
        p = max(placed, key=lambda m: (geo_type(m["place_country"], m["feature_code"]) != 1, -ms.index(m)))
        names = [p["place"], p["admin1"], country_name(p["place_country"])]
        full = ", ".join(dict.fromkeys(n for n in names if n))
        action_geo = _geo(geo_type(p["place_country"], p["feature_code"]), full, p["place_country"],
                          p["lat"], p["lon"], p["geonameid"])
    else:
        action_geo = [""] * 8
    return [
        str(gid), day_stamp(day), day.strftime("%Y%m") if day else "", str(day.year) if day else "",
        f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else "",
        *_actor(src_code, _mode(m["src_name"] for m in ms), src_country),
        *_actor(tgt_code, _mode(m["tgt_name"] for m in ms), tgt_country),
        "1" if any(m["sentence"] == 0 for m in ms) else "0",
        cameo, cameo[:3], first["root"] or cameo[:2], "" if first["quad"] is None else str(first["quad"]),
        num(first["goldstein"], 1), str(first["n_mentions"]), str(first["n_sources"]), str(first["n_articles"]),
        num(sum(tones.values()) / len(tones) if tones else 0.0, 6),
        *_actor_geo(src_country), *_actor_geo(tgt_country), *action_geo,
        stamp(min(m["ingested_at"] for m in ms)), clean(first["url"] or f"tidings:article/{first['article_id']}"),
    ]


def mention_rows(gid: int, ms: list[dict]) -> list[list[str]]:
    added = stamp(min(m["ingested_at"] for m in ms))
    out = []
    for m in ms:
        out.append([
            str(gid), added, stamp(m["ingested_at"]), "1",
            clean(m["outlet"] or host(m["url"]) or "unknown"), clean(m["url"] or f"tidings:article/{m['article_id']}"),
            str((m["sentence"] or 0) + 1),
            *(str(v) if v is not None else "-1" for v in (m["src_start"], m["tgt_start"], m["act_start"])),
            "1", str(round((m["confidence"] or 0.0) * 100)), str(m["doc_len"] or 0), num(m["tone"] or 0.0, 6),
            "" if (m["language"] or "en") == "en" else f"srclc:{clean(m['language'])}", "",
        ])
    return out


def write_row(fh, row: list[str]) -> None:
    """One tab-separated line; fields are cleaned of tabs and newlines before they get here."""
    fh.write("\t".join(row))
    fh.write("\n")


def write_events(store, out: Path) -> int:
    n = 0
    with open(out, "w", encoding="utf-8", newline="") as fh:
        for gid, ms in _rows(store):
            row = event_row(gid, ms)
            assert len(row) == len(EVENT_COLUMNS)
            write_row(fh, row)
            n += 1
    return n


def write_mentions(store, out: Path) -> int:
    n = 0
    with open(out, "w", encoding="utf-8", newline="") as fh:
        for gid, ms in _rows(store):
            for row in mention_rows(gid, ms):
                assert len(row) == len(MENTION_COLUMNS)
                write_row(fh, row)
                n += 1
    return n
