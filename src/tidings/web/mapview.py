"""The /map page's data: places sized by their events or by their mentions, for a date range and an actor.

Events: `corpus.queries.count_events_by_place` over the events list's own filters, so a point's number is
the number of rows its link (`/events?at=PLACE&…`) lists. Mentions: place mentions in articles published in
the range (and naming the actor, by code or affiliation), linked to the articles that name the place.
"""
from __future__ import annotations

from urllib.parse import urlencode

from ..corpus.queries import count_events_by_place, date_filters

__all__ = ["map_data", "place_mentions", "MAP_POINTS"]

MAP_POINTS = 500  # the busiest places drawn; the table says when there are more


def place_mentions(store, *, since: str | None = None, until: str | None = None, actor: str | None = None,
                   limit: int = MAP_POINTS) -> list[dict]:
    """label, lat, lon, count (mentions), articles per place name (any case), the most mentioned first."""
    where, params = ["p.lat IS NOT NULL", "p.lon IS NOT NULL"], []
    date_filters(where, params, "a.published_date", since, until)
    if actor:
        where.append("p.article_id IN (SELECT article_id FROM entities WHERE actor_code LIKE ? OR affiliation = ?)")
        params += [actor.upper() + "%", actor.upper()]
    return store.query_dicts("SELECT min(p.name) AS label, avg(p.lat) AS lat, avg(p.lon) AS lon, count(*) AS count, "
                             "count(DISTINCT p.article_id) AS articles FROM places p JOIN articles a "
                             f"ON a.id = p.article_id WHERE {' AND '.join(where)} GROUP BY lower(p.name) "
                             "ORDER BY 4 DESC, 1 LIMIT ?", [*params, int(limit)])


def map_data(store, *, measure: str, since: str | None, until: str | None, actor: str | None) -> dict:
    """Points for the map (the chosen measure) and a table row per place with both measures and links."""
    events = count_events_by_place(store, actor=actor, since=since, until=until, limit=MAP_POINTS)
    mentions = place_mentions(store, since=since, until=until, actor=actor)
    rows: dict[str, dict] = {}
    for r in mentions:
        rows[r["label"].lower()] = {"label": r["label"], "lat": float(r["lat"]), "lon": float(r["lon"]),
                                    "mentions": int(r["count"]), "articles": int(r["articles"]), "events": 0}
    for r in events:
        row = rows.setdefault(r["label"].lower(), {"label": r["label"], "lat": float(r["lat"]),
                                                   "lon": float(r["lon"]), "mentions": 0, "articles": 0})
        row["events"] = int(r["count"])
    common = {k: v for k, v in (("actor", actor), ("since", since), ("until", until)) if v}
    for row in rows.values():
        row["events_href"] = "/events?" + urlencode({"at": row["label"], **common})
        row["articles_href"] = "/articles?" + urlencode({"at": row["label"], **{k: v for k, v in common.items()
                                                                                 if k != "actor"}})
    table = sorted(rows.values(), key=lambda r: (-r[measure], r["label"]))
    points = [{"label": r["label"], "lat": r["lat"], "lon": r["lon"], "count": r[measure],
               "href": r["events_href"] if measure == "events" else r["articles_href"]}
              for r in table if r[measure]]
    return {"points": points, "table": table}
