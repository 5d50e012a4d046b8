"""Filtered reads over a store: event mentions, quotes, actors. Plain functions returning dicts."""
from __future__ import annotations

import re
from datetime import date

from ..errors import ConfigError
from .series import _actor_clause, parse_dyad

__all__ = ["find_events", "find_quotes", "find_actors", "find_event_clusters", "list_articles", "parse_day",
           "MODALITIES"]

MODALITIES = ("asserted", "negated", "conditional", "future", "historical", "claimed")


def _like(text: str) -> str:
    return "%" + text.replace("\\", "").replace("%", "").replace("_", " ").strip() + "%"


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_day(text, name: str = "date") -> str:
    """`text` if it is a real calendar day written YYYY-MM-DD, else a ConfigError naming `name`."""
    value = str(text).strip()
    try:
        if _DAY.fullmatch(value):
            return date.fromisoformat(value).isoformat()
    except ValueError:
        pass
    raise ConfigError(f"{name} {str(text)[:40]!r} is not a day", hint="write it as YYYY-MM-DD, e.g. 2022-02-28")


def _dates(where: list, params: list, column: str, since, until) -> None:
    if since:
        where.append(f"{column} >= CAST(? AS DATE)")
        params.append(parse_day(since, "since"))
    if until:
        where.append(f"{column} <= CAST(? AS DATE)")
        params.append(parse_day(until, "until"))


def find_events(store, *, actor: str | None = None, dyad: str | None = None, root: str | None = None,
                code: str | None = None, since: str | None = None, until: str | None = None,
                modality: str | None = None, place: str | None = None, text: str | None = None,
                limit: int = 100) -> list[dict]:
    """Event mentions, newest first, with their article and cluster."""
    where, params = ["1 = 1"], []
    if actor:
        s, ps = _actor_clause("e.source", actor.upper())
        t, pt = _actor_clause("e.target", actor.upper())
        where.append(f"({s} OR {t})")
        params += ps + pt
    if dyad:
        a, b = parse_dyad(dyad)
        s, ps = _actor_clause("e.source", a)
        t, pt = _actor_clause("e.target", b)
        where.append(f"{s} AND {t}")
        params += ps + pt
    if root:
        where.append("e.root = ?")
        params.append(root.zfill(2))
    if code:
        where.append("e.cameo LIKE ?")
        params.append(code + "%")
    if modality:
        if modality not in MODALITIES:
            raise ConfigError(f"unknown modality {modality!r}", hint=f"one of {', '.join(MODALITIES)}")
        where.append("e.modality = ?")
        params.append(modality)
    if place:
        where.append("(p.name ILIKE ? OR p.country = ?)")
        params += [_like(place), place.upper()]
    if text:  # each article's title and text are searched once, not once per event
        where.append("(e.action_text ILIKE ? OR e.article_id IN (SELECT id FROM articles WHERE title ILIKE ? "
                     "OR text ILIKE ?))")
        params += [_like(text)] * 3
    _dates(where, params, "e.event_date", since, until)
    sql = ("SELECT e.article_id, e.id AS event_id, e.event_date, e.source_code, e.source_name, e.source_country, "
           "e.target_code, e.target_name, e.target_country, e.action_text, e.cameo, e.root, e.name, e.goldstein, "
           "e.quad_class, e.modality, p.name AS place, p.country AS place_country, a.source_name AS outlet, "
           "a.url, a.title, m.cluster_id "
           "FROM events e JOIN articles a ON a.id = e.article_id "
           "LEFT JOIN places p ON p.article_id = e.article_id AND p.id = e.place_id "
           "LEFT JOIN event_cluster_members m ON m.article_id = e.article_id AND m.event_id = e.id "
           f"WHERE {' AND '.join(where)} ORDER BY e.event_date DESC, e.article_id, e.id LIMIT ?")
    return store.query_dicts(sql, [*params, int(limit)])


def find_event_clusters(store, *, dyad: str | None = None, root: str | None = None, since: str | None = None,
                        until: str | None = None, asserted: bool | None = None, limit: int = 100) -> list[dict]:
    """Events across reports (run ``store.ensure_clusters()`` first)."""
    where, params = ["1 = 1"], []
    if dyad:
        a, b = parse_dyad(dyad)
        where.append("source_country = ? AND target_country = ?")
        params += [a, b]
    if root:
        where.append("root = ?")
        params.append(root.zfill(2))
    if asserted is not None:
        where.append("asserted = ?")
        params.append(asserted)
    _dates(where, params, "event_date", since, until)
    return store.query_dicts(f"SELECT * FROM event_clusters WHERE {' AND '.join(where)} "
                             "ORDER BY num_articles DESC, global_id LIMIT ?", [*params, int(limit)])


def find_quotes(store, *, speaker: str | None = None, actor: str | None = None, since: str | None = None,
                until: str | None = None, text: str | None = None, limit: int = 100) -> list[dict]:
    """Quotes with their speaker and article, newest first. `actor` matches the speaker's affiliation."""
    where, params = ["1 = 1"], []
    if speaker:
        where.append("(q.speaker_name ILIKE ? OR q.speaker_anonymous ILIKE ?)")
        params += [_like(speaker)] * 2
    if actor:
        where.append("(q.speaker_affiliation = ? OR en.actor_code LIKE ?)")
        params += [actor.upper(), actor.upper() + "%"]
    if text:
        where.append("q.text ILIKE ?")
        params.append(_like(text))
    _dates(where, params, "a.published_date", since, until)
    sql = ("SELECT q.article_id, q.id AS quote_id, a.published_date, q.kind, q.text, "
           "coalesce(q.speaker_name, q.speaker_anonymous) AS speaker, q.speaker_affiliation, q.cue_lemma, "
           "q.confidence, a.source_name AS outlet, a.url "
           "FROM quotes q JOIN articles a ON a.id = q.article_id "
           "LEFT JOIN entities en ON en.article_id = q.article_id AND en.id = q.speaker_entity "
           f"WHERE {' AND '.join(where)} ORDER BY a.published_date DESC, q.article_id, q.id LIMIT ?")
    return store.query_dicts(sql, [*params, int(limit)])


def find_actors(store, *, name: str | None = None, type: str | None = None, country: str | None = None,
                since: str | None = None, until: str | None = None, limit: int = 100) -> list[dict]:
    """Entities across articles, grouped by name, type, affiliation and actor code; most reported first."""
    where, params = ["1 = 1"], []
    if name:
        where.append("(en.name ILIKE ? OR en.aliases ILIKE ?)")
        params += [_like(name)] * 2
    if type:
        where.append("en.type = ?")
        params.append(type.upper())
    if country:
        where.append("(en.affiliation = ? OR en.actor_code LIKE ?)")
        params += [country.upper(), country.upper() + "%"]
    _dates(where, params, "a.published_date", since, until)
    sql = ("SELECT en.name, en.type, en.affiliation, en.actor_code, count(DISTINCT en.article_id) AS articles, "
           "sum(en.n_mentions) AS mentions, min(a.published_date) AS first_seen, max(a.published_date) AS last_seen "
           "FROM entities en JOIN articles a ON a.id = en.article_id "
           f"WHERE {' AND '.join(where)} GROUP BY en.name, en.type, en.affiliation, en.actor_code "
           "ORDER BY articles DESC, mentions DESC, en.name LIMIT ?")
    return store.query_dicts(sql, [*params, int(limit)])


def list_articles(store, *, q: str | None = None, since: str | None = None, until: str | None = None,
                  source: str | None = None, limit: int = 50, offset: int = 0) -> list[dict]:
    """Stored articles, newest first; `q` matches the title or the text."""
    where, params = ["1 = 1"], []
    if q:
        where.append("(a.title ILIKE ? OR a.text ILIKE ?)")
        params += [_like(q)] * 2
    if source:
        where.append("a.source_name = ?")
        params.append(source)
    _dates(where, params, "a.published_date", since, until)
    sql = ("SELECT a.id, a.title, a.published, a.source_name, a.url, a.n_events, a.n_quotes, a.tone_score "
           f"FROM articles a WHERE {' AND '.join(where)} "
           "ORDER BY a.published_date DESC NULLS LAST, a.ingest_seq DESC LIMIT ? OFFSET ?")
    return store.query_dicts(sql, [*params, int(limit), int(offset)])
