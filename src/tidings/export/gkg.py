"""GDELT Global Knowledge Graph 2.1 (27 columns), tab-separated, one row per article, GKG's sub-field syntax.

Which columns are filled and how: docs/EXPORTS.md.
"""
from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from pathlib import Path

from ..record import Article
from ._fields import clean, columns, country_name, fips, geo_type, host, num, stamp
from .gdelt import write_row

__all__ = ["write_gkg", "gkg_row", "GKG_COLUMNS"]

GKG_COLUMNS = columns("gkg")
_SUB = "#;,|<>"  # never inside a sub-field value
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def _n(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else num(value, 6)


def _loc(article: Article, place_id: str | None, *, enhanced: bool) -> list[str]:
    place = next((p for p in article.places if p.id == place_id), None) if place_id else None
    if place is None:
        return ["0", "", "", "", *([""] if enhanced else []), "", "", ""]
    kind = geo_type(place.country, place.feature_code)
    full = ", ".join(dict.fromkeys(n for n in (place.name, place.admin1, country_name(place.country)) if n))
    code = fips(place.country)
    return [str(kind), clean(full, "#;|"), code, code if kind in (1, 2, 5) else "",
            *([""] if enhanced else []), num(place.lat), num(place.lon),
            "" if place.geonameid is None else str(place.geonameid)]


def _counts(article: Article, enhanced: bool) -> str:
    events = {e.id: e for e in article.events}
    blocks = []
    for q in article.quantities:
        if not q.category or q.value is None:
            continue
        event = events.get(q.attached_to or "")
        fields = [clean(q.category, _SUB), _n(q.value), clean(q.counted or q.unit, _SUB),
                  *_loc(article, event.place if event else None, enhanced=False)]
        if enhanced:
            fields.append(str(q.start))
        blocks.append("#".join(fields))
    return ";".join(blocks)


@cache
def _theme_map() -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    data = json.loads(resources.files("tidings").joinpath("data", "export", "gkg_themes.json").read_text("utf-8"))
    return data["cameo"], data["quantity"]


def _theme_hits(article: Article) -> list[tuple[str, int]]:
    """(GDELT theme, char offset) for each event code and quantity category that maps to themes."""
    by_code, by_category = _theme_map()
    hits = set()
    for event in article.events:
        code = event.cameo or event.root or ""
        for end in range(2, len(code) + 1):
            hits.update((theme, event.action.start) for theme in by_code.get(code[:end], ()))
    for q in article.quantities:
        hits.update((theme, q.start) for theme in by_category.get(q.category or "", ()))
    return sorted(hits, key=lambda h: (h[1], h[0]))


def _themes(article: Article, enhanced: bool) -> str:
    hits = _theme_hits(article)
    if enhanced:
        return ";".join(f"{theme},{offset}" for theme, offset in hits)
    return ";".join(dict.fromkeys(theme for theme, _ in hits))


def _locations(article: Article, enhanced: bool) -> str:
    blocks = []
    seen = set()
    for p in article.places:
        fields = _loc(article, p.id, enhanced=enhanced)
        if enhanced:
            blocks.append("#".join([*fields, str(p.start)]))
        elif tuple(fields) not in seen:
            seen.add(tuple(fields))
            blocks.append("#".join(fields))
    return ";".join(blocks)


def _names(article: Article, types: tuple[str, ...], enhanced: bool) -> str:
    if not enhanced:
        names = dict.fromkeys(clean(e.name, _SUB).lower() for e in article.entities if e.type in types)
        return ";".join(n for n in names if n)
    pairs = sorted((m.start, clean(m.text, _SUB)) for e in article.entities if e.type in types for m in e.mentions)
    return ";".join(f"{text},{start}" for start, text in pairs if text)


def _dates(article: Article) -> str:
    blocks = []
    for t in article.times:
        m = _DATE.match(t.value or "")
        if t.type != "DATE" or not m or t.removed_line is not None:
            continue
        year, month, day = m[1], m[2], m[3]
        resolution = 4 if day else 2 if month else 1
        blocks.append(f"{resolution}#{int(month or 0)}#{int(day or 0)}#{int(year)}#{t.start}")
    return ";".join(blocks)


def _tone(article: Article) -> str:
    words = len(article.text.split())
    if article.tone is None:
        return f"0,0,0,0,0,0,{words}"
    t = article.tone
    activity = 100.0 * len(article.events) / words if words else 0.0
    return ",".join([num(t.score, 6), num(t.positive, 6), num(t.negative, 6), num(t.positive + t.negative, 6),
                     num(activity, 6), "0", str(words)])


def _quotes(article: Article) -> str:
    blocks = []
    for q in article.quotes:
        if not q.spans:
            continue
        start, end = q.spans[0][0], q.spans[-1][1]
        blocks.append("|".join([str(start), str(end - start), clean(q.cue.text if q.cue else "", "#|"),
                                clean(q.text, "#|")]))
    return "#".join(blocks)


def _amounts(article: Article) -> str:
    blocks = [f"{_n(q.value)},{clean(q.counted or q.unit or q.normalized_unit, _SUB)},{q.start}"
              for q in article.quantities if q.value is not None]
    return ";".join(blocks)


def gkg_row(article: Article, n: int) -> list[str]:
    when = stamp(article.published) if article.published else ""
    title = clean(article.title, "<>") if article.title else ""
    return [
        f"{when or '00000000000000'}-{'T' if article.language != 'en' else ''}{n}", when, "1",
        clean(article.source_name or host(article.url) or "unknown"), clean(article.url or f"tidings:article/{article.id}"),
        _counts(article, False), _counts(article, True), _themes(article, False), _themes(article, True),
        _locations(article, False), _locations(article, True),
        _names(article, ("PERSON",), False), _names(article, ("PERSON",), True),
        _names(article, ("ORG",), False), _names(article, ("ORG",), True),
        _tone(article), _dates(article), f"wc:{len(article.text.split())}", "", "", "", "", _quotes(article),
        _names(article, ("PERSON", "ORG", "NORP", "EVENT", "OTHER"), True), _amounts(article),
        "" if article.language == "en" else f"srclc:{clean(article.language, _SUB)}",
        f"<PAGE_TITLE>{title}</PAGE_TITLE>" if title else "",
    ]


def write_gkg(articles, out: Path) -> int:
    n = 0
    with open(out, "w", encoding="utf-8", newline="") as fh:
        for n, article in enumerate(articles, start=1):
            row = gkg_row(article, n)
            assert len(row) == len(GKG_COLUMNS)
            write_row(fh, row)
    return n
