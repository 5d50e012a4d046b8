"""Filtered reads over a store: event mentions, quotes, actors, articles. Plain functions returning dicts;
every list pages in SQL (LIMIT/OFFSET) and has a `count_*` twin for its total."""
from __future__ import annotations

import re
from datetime import date

from ..errors import ConfigError
from .series import _actor_clause, parse_dyad

__all__ = ["find_events", "date_filters", "find_quotes", "find_actors", "find_event_clusters", "list_articles", "parse_day",
           "count_events", "count_events_by_day", "count_events_by_place", "count_quotes", "count_actors",
           "count_articles", "article_sources", "event_sentences", "MODALITIES",
           "EVENT_COLUMNS", "QUOTE_COLUMNS", "ACTOR_COLUMNS", "ARTICLE_COLUMNS", "EVENT_SORTS", "ARTICLE_SORTS"]

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


def date_filters(where: list, params: list, column: str, since, until) -> None:
    """Append `column` ≥ since and ≤ until (days, checked by parse_day) to a WHERE list and its parameters."""
    if since:
        where.append(f"{column} >= CAST(? AS DATE)")
        params.append(parse_day(since, "since"))
    if until:
        where.append(f"{column} <= CAST(? AS DATE)")
        params.append(parse_day(until, "until"))


_EVENT_FROM = ("FROM events e JOIN articles a ON a.id = e.article_id "
               "LEFT JOIN places p ON p.article_id = e.article_id AND p.id = e.place_id "
               "LEFT JOIN event_cluster_members m ON m.article_id = e.article_id AND m.event_id = e.id ")
EVENT_COLUMNS = ("article_id", "event_id", "event_date", "source_code", "source_name", "source_country", "target_code",
                 "target_name", "target_country", "action_text", "cameo", "root", "name", "goldstein", "quad_class",
                 "modality", "place", "place_country", "outlet", "url", "title", "cluster_id")
# sort name → ORDER BY (a "-" prefix: descending); the tie-breakers make every order total, so pages never overlap
EVENT_SORTS = {"date": "e.event_date {d} NULLS LAST", "goldstein": "e.goldstein {d} NULLS LAST",
               "cameo": "e.cameo {d}", "source": "e.source_code {d} NULLS LAST",
               "target": "e.target_code {d} NULLS LAST", "modality": "e.modality {d}", "place": "p.name {d} NULLS LAST"}
_EVENT_TIE = "e.article_id, e.id"


def _order(sorts: dict, sort: str, tie: str) -> str:
    """`sort` ("date" ascending, "-date" descending) as an ORDER BY from the fixed `sorts` only."""
    name = sort.lstrip("-")
    if name not in sorts:
        allowed = ", ".join(sorted(sorts))
        raise ConfigError(f"cannot sort by {sort!r}", hint=f"one of {allowed} (prefix - for descending)")
    return sorts[name].format(d="DESC" if sort.startswith("-") else "ASC") + ", " + tie


def _event_where(actor, dyad, root, code, since, until, modality, place, text, directed=True,
                 at=None) -> tuple[str, list]:
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
        if directed:
            where.append(f"{s} AND {t}")
            params += ps + pt
        else:  # either way round
            s2, ps2 = _actor_clause("e.source", b)
            t2, pt2 = _actor_clause("e.target", a)
            where.append(f"(({s} AND {t}) OR ({s2} AND {t2}))")
            params += ps + pt + ps2 + pt2
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
    if at:  # one place by its whole name (the map's points)
        where.append("lower(p.name) = lower(?)")
        params.append(at.strip())
    if text:  # each article's title and text are searched once, not once per event
        where.append("(e.action_text ILIKE ? OR e.article_id IN (SELECT id FROM articles WHERE title ILIKE ? "
                     "OR text ILIKE ?))")
        params += [_like(text)] * 3
    date_filters(where, params, "e.event_date", since, until)
    return " AND ".join(where), params


def find_events(store, *, actor: str | None = None, dyad: str | None = None, root: str | None = None,
                code: str | None = None, since: str | None = None, until: str | None = None,
                modality: str | None = None, place: str | None = None, text: str | None = None,
                directed: bool = True, at: str | None = None, limit: int = 100, offset: int = 0,
                sort: str = "-date") -> list[dict]:
    """Event mentions (newest first by default; `sort` one of EVENT_SORTS, "-" for descending), with their
    article and cluster; rows `offset` to `offset + limit` of that order. A `dyad` is SOURCE→TARGET, or either
    way round with `directed=False`; `place` is part of a place name or a country code, `at` a whole name."""
    where, params = _event_where(actor, dyad, root, code, since, until, modality, place, text, directed, at)
    sql = ("SELECT e.article_id, e.id AS event_id, e.event_date, e.source_code, e.source_name, e.source_country, "
           "e.target_code, e.target_name, e.target_country, e.action_text, e.cameo, e.root, e.name, e.goldstein, "
           "e.quad_class, e.modality, p.name AS place, p.country AS place_country, a.source_name AS outlet, "
           "a.url, a.title, m.cluster_id "
           f"{_EVENT_FROM}WHERE {where} ORDER BY {_order(EVENT_SORTS, sort, _EVENT_TIE)} LIMIT ? OFFSET ?")
    return store.query_dicts(sql, [*params, int(limit), int(offset)])


def count_events(store, *, actor: str | None = None, dyad: str | None = None, root: str | None = None,
                 code: str | None = None, since: str | None = None, until: str | None = None,
                 modality: str | None = None, place: str | None = None, text: str | None = None,
                 directed: bool = True, at: str | None = None) -> int:
    """How many rows `find_events` has for these filters, all pages together."""
    where, params = _event_where(actor, dyad, root, code, since, until, modality, place, text, directed, at)
    return int(store.query(f"SELECT count(*) {_EVENT_FROM}WHERE {where}", params)[0][0])


_EVENT_FILTERS = ("actor", "dyad", "root", "code", "since", "until", "modality", "place", "text", "directed", "at")


def _filters_where(name: str, filters: dict) -> tuple[str, list]:
    unknown = set(filters) - set(_EVENT_FILTERS)
    if unknown:
        raise TypeError(f"{name}: unknown filters {sorted(unknown)}")
    return _event_where(*[filters.get(k, True if k == "directed" else None) for k in _EVENT_FILTERS])


def count_events_by_day(store, **filters) -> list[tuple]:
    """`count_events` per event day (undated events left out), oldest first: (day, events, QuadClass 1, 2, 3, 4,
    Goldstein sum, events with a Goldstein score) — the timeline of exactly the rows `find_events` lists."""
    where, params = _filters_where("count_events_by_day", filters)
    return store.query("SELECT e.event_date, count(*), count(*) FILTER (WHERE e.quad_class = 1), "
                       "count(*) FILTER (WHERE e.quad_class = 2), count(*) FILTER (WHERE e.quad_class = 3), "
                       "count(*) FILTER (WHERE e.quad_class = 4), sum(e.goldstein), count(e.goldstein) "
                       f"{_EVENT_FROM}WHERE {where} AND e.event_date IS NOT NULL GROUP BY 1 ORDER BY 1", params)


def count_events_by_place(store, limit: int = 500, **filters) -> list[dict]:
    """`count_events` per place with coordinates (one row per name, any case; `at=label` lists its events):
    label, lat, lon, count; the busiest first."""
    where, params = _filters_where("count_events_by_place", filters)
    return store.query_dicts("SELECT min(p.name) AS label, avg(p.lat) AS lat, avg(p.lon) AS lon, count(*) AS count "
                             f"{_EVENT_FROM}WHERE {where} AND p.lat IS NOT NULL AND p.lon IS NOT NULL "
                             "GROUP BY lower(p.name) ORDER BY 4 DESC, 1 LIMIT ?", [*params, int(limit)])


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
    date_filters(where, params, "event_date", since, until)
    return store.query_dicts(f"SELECT * FROM event_clusters WHERE {' AND '.join(where)} "
                             "ORDER BY num_articles DESC, global_id LIMIT ?", [*params, int(limit)])


_QUOTE_FROM = ("FROM quotes q JOIN articles a ON a.id = q.article_id "
               "LEFT JOIN entities en ON en.article_id = q.article_id AND en.id = q.speaker_entity ")
QUOTE_COLUMNS = ("article_id", "quote_id", "published_date", "kind", "text", "speaker", "speaker_affiliation",
                 "cue_lemma", "confidence", "outlet", "url")


def _quote_where(speaker, actor, since, until, text) -> tuple[str, list]:
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
    date_filters(where, params, "a.published_date", since, until)
    return " AND ".join(where), params


def find_quotes(store, *, speaker: str | None = None, actor: str | None = None, since: str | None = None,
                until: str | None = None, text: str | None = None, limit: int = 100, offset: int = 0) -> list[dict]:
    """Quotes with their speaker and article, newest first. `actor` matches the speaker's affiliation."""
    where, params = _quote_where(speaker, actor, since, until, text)
    sql = ("SELECT q.article_id, q.id AS quote_id, a.published_date, q.kind, q.text, "
           "coalesce(q.speaker_name, q.speaker_anonymous) AS speaker, q.speaker_affiliation, q.cue_lemma, "
           "q.confidence, a.source_name AS outlet, a.url "
           f"{_QUOTE_FROM}WHERE {where} ORDER BY a.published_date DESC NULLS LAST, q.article_id, q.id LIMIT ? OFFSET ?")
    return store.query_dicts(sql, [*params, int(limit), int(offset)])


def count_quotes(store, *, speaker: str | None = None, actor: str | None = None, since: str | None = None,
                 until: str | None = None, text: str | None = None) -> int:
    where, params = _quote_where(speaker, actor, since, until, text)
    return int(store.query(f"SELECT count(*) {_QUOTE_FROM}WHERE {where}", params)[0][0])


ACTOR_COLUMNS = ("name", "type", "affiliation", "actor_code", "articles", "mentions", "first_seen", "last_seen")
_ACTOR_GROUP = "GROUP BY en.name, en.type, en.affiliation, en.actor_code"


def _actor_where(name, type, country, since, until) -> tuple[str, list]:
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
    date_filters(where, params, "a.published_date", since, until)
    return " AND ".join(where), params


def find_actors(store, *, name: str | None = None, type: str | None = None, country: str | None = None,
                since: str | None = None, until: str | None = None, limit: int = 100, offset: int = 0) -> list[dict]:
    """Entities across articles, grouped by name, type, affiliation and actor code; most reported first."""
    where, params = _actor_where(name, type, country, since, until)
    sql = ("SELECT en.name, en.type, en.affiliation, en.actor_code, count(DISTINCT en.article_id) AS articles, "
           "sum(en.n_mentions) AS mentions, min(a.published_date) AS first_seen, max(a.published_date) AS last_seen "
           f"FROM entities en JOIN articles a ON a.id = en.article_id WHERE {where} {_ACTOR_GROUP} "
           "ORDER BY articles DESC, mentions DESC, en.name, en.type, en.affiliation NULLS FIRST, "
           "en.actor_code NULLS FIRST LIMIT ? OFFSET ?")
    return store.query_dicts(sql, [*params, int(limit), int(offset)])


def count_actors(store, *, name: str | None = None, type: str | None = None, country: str | None = None,
                 since: str | None = None, until: str | None = None) -> int:
    where, params = _actor_where(name, type, country, since, until)
    return int(store.query(f"SELECT count(*) FROM (SELECT 1 AS x FROM entities en JOIN articles a "
                           f"ON a.id = en.article_id WHERE {where} {_ACTOR_GROUP}) t", params)[0][0])


ARTICLE_COLUMNS = ("id", "title", "published", "source_name", "url", "n_events", "n_quotes", "tone_score")
ARTICLE_SORTS = {"date": "a.published_date {d} NULLS LAST", "source": "a.source_name {d} NULLS LAST",
                 "title": "a.title {d} NULLS LAST"}
_ARTICLE_TIE = "a.ingest_seq DESC"


def _article_where(q, since, until, source, at=None) -> tuple[str, list]:
    where, params = ["1 = 1"], []
    if at:  # articles naming one place (its whole name)
        where.append("a.id IN (SELECT article_id FROM places WHERE lower(name) = lower(?))")
        params.append(at.strip())
    if q:
        where.append("(a.title ILIKE ? OR a.text ILIKE ?)")
        params += [_like(q)] * 2
    if source:
        where.append("a.source_name = ?")
        params.append(source)
    date_filters(where, params, "a.published_date", since, until)
    return " AND ".join(where), params


def list_articles(store, *, q: str | None = None, since: str | None = None, until: str | None = None,
                  source: str | None = None, at: str | None = None, limit: int = 50, offset: int = 0,
                  sort: str = "-date") -> list[dict]:
    """Stored articles, newest first by default (undated ones last); `q` matches the title or the text, `at`
    a place's whole name; `sort` one of ARTICLE_SORTS ("-" for descending)."""
    where, params = _article_where(q, since, until, source, at)
    sql = ("SELECT a.id, a.title, a.published, a.source_name, a.url, a.n_events, a.n_quotes, a.tone_score "
           f"FROM articles a WHERE {where} ORDER BY {_order(ARTICLE_SORTS, sort, _ARTICLE_TIE)} LIMIT ? OFFSET ?")
    return store.query_dicts(sql, [*params, int(limit), int(offset)])


def count_articles(store, *, q: str | None = None, since: str | None = None, until: str | None = None,
                   source: str | None = None, at: str | None = None) -> int:
    where, params = _article_where(q, since, until, source, at)
    return int(store.query(f"SELECT count(*) FROM articles a WHERE {where}", params)[0][0])


def article_sources(store) -> list[str]:
    """The outlets of the stored articles, for a source picker."""
    return [r[0] for r in store.query("SELECT DISTINCT source_name FROM articles WHERE source_name IS NOT NULL "
                                      "ORDER BY 1 LIMIT 1000")]


SENTENCE_SIDE = 160  # characters of a sentence shown on each side of the action at most


def event_sentences(store, keys: tuple[tuple[str, str], ...]) -> dict[tuple[str, str], tuple[str, str, str]]:
    """(article id, event id) → the event's source sentence as (before, action, after), from each record's
    `sentences` and `text` (one read per article); each side cut to SENTENCE_SIDE characters ("…" marks a cut).
    Events or articles no longer stored are left out."""
    from ..store.rows import unpack_record

    wanted: dict[str, set[str]] = {}
    for article_id, event_id in keys:
        wanted.setdefault(article_id, set()).add(event_id)
    out: dict[tuple[str, str], tuple[str, str, str]] = {}
    ids = sorted(wanted)
    for chunk in (ids[i:i + 200] for i in range(0, len(ids), 200)):
        marks = ", ".join("?" * len(chunk))
        for article_id, blob, text in store.query(f"SELECT id, record, text FROM articles WHERE id IN ({marks})", chunk):
            record = unpack_record(blob, text)
            for v in record.events:
                if v.id in wanted[article_id]:
                    out[(article_id, v.id)] = _sentence_of(record, v)
    return out


def _sentence_of(record, event) -> tuple[str, str, str]:
    text, start, end = record.text, event.action.start, event.action.end
    s_start, s_end = max(0, start - SENTENCE_SIDE), min(len(text), end + SENTENCE_SIDE)
    if 0 <= event.sentence < len(record.sentences):
        sentence = record.sentences[event.sentence]
        if sentence.start <= start and end <= sentence.end:
            s_start, s_end = sentence.start, sentence.end
    before, after = text[s_start:start], text[end:s_end]
    if len(before) > SENTENCE_SIDE:
        before = "…" + before[-SENTENCE_SIDE:].split(" ", 1)[-1]
    if len(after) > SENTENCE_SIDE:
        after = after[:SENTENCE_SIDE].rsplit(" ", 1)[0] + "…"
    return before.lstrip(), text[start:end], after.rstrip()
