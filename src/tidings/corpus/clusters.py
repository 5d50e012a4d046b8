"""Events across reports: event mentions from different articles → one event with its mentions.

Two mentions are the same real event when they have the same source and target actors at
country level (``events.source_country`` / ``target_country``; the actor code when no country
is known), the same CAMEO root, event days at most ``WINDOW_DAYS`` from the first day of
the cluster, and compatible places: a city-level place at most ``PLACE_KM`` from the
cluster's city-level places, or a country-level / missing place in the same country.
Mentions are taken in day order and each joins the nearest compatible cluster (greedy,
deterministic: the same store always gives the same clusters and ids).

Per cluster we keep its mentions (``event_cluster_members``), ``num_mentions``,
``num_articles``, ``num_sources`` (distinct outlets), ``num_stories`` (distinct duplicate
groups, i.e. independent reports), first and last seen (publication days of the reports),
modality counts — the event counts as ``asserted`` when any report asserts it — and in
``details`` the spread of what the reports say: numbers attached to the event (min, max,
each value with its article), Goldstein and day ranges, and the CAMEO codes used.
"""
from __future__ import annotations

import hashlib
import json
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

__all__ = ["WINDOW_DAYS", "PLACE_KM", "Mention", "load_mentions", "build_clusters", "key_sql",
           "TOUCHED_KEYS_SQL", "keep_global_ids"]

WINDOW_DAYS = 2  # reports resolve "yesterday"/"on Monday" a day apart; wire follow-ups come within two
PLACE_KM = 50.0  # a city and its suburbs; two cities of one country are further apart


@dataclass
class Mention:
    article_id: str
    event_id: str
    source: str | None
    target: str | None
    root: str | None
    cameo: str | None
    quad_class: int | None
    goldstein: float | None
    modality: str | None
    day: date | None
    published: date | None
    outlet: str
    story: str
    place_country: str | None = None
    place_name: str | None = None
    lat: float | None = None
    lon: float | None = None
    specific: bool = False  # a place below country level
    quantities: list[dict] = field(default_factory=list)


# The block a mention is clustered in: source and target at country level (the code otherwise) and root.
def key_sql(e: str = "e") -> str:
    """SQL of a mention's block key over the events table aliased `e` (one string, both dialects)."""
    return (f"coalesce({e}.source_country, {e}.source_code, '') || '|' || "
            f"coalesce({e}.target_country, {e}.target_code, '') || '|' || coalesce({e}.root, '')")


# The blocks that events of articles written after a given ingest_seq fall in (parameter: the seq).
TOUCHED_KEYS_SQL = (f"SELECT {key_sql('e2')} FROM events e2 JOIN articles a2 ON a2.id = e2.article_id "
                    "WHERE a2.ingest_seq > ?")

_MENTIONS_SQL = """
SELECT e.article_id, e.id, coalesce(e.source_country, e.source_code), coalesce(e.target_country, e.target_code),
       e.root, e.cameo, e.quad_class, e.goldstein, e.modality, e.event_date, a.published_date,
       coalesce(a.source_name, a.url, a.id), coalesce(st.story_id, a.id),
       p.country, p.name, p.lat, p.lon, p.feature_code, e.sentence
FROM events e
JOIN articles a ON a.id = e.article_id
LEFT JOIN stories st ON st.article_id = e.article_id
LEFT JOIN places p ON p.article_id = e.article_id AND p.id = e.place_id
{where}
ORDER BY e.event_date, a.ingest_seq, e.id
"""
_QUANTITIES_SQL = """
SELECT article_id, attached_to, sentence, value, low, high, counted, normalized_unit, category, text
FROM quantities WHERE (value IS NOT NULL OR low IS NOT NULL) {where}
"""


def _country_level(feature_code: str | None) -> bool:
    return not feature_code or feature_code.startswith(("PCL", "CONT", "RGN", "AREA"))


def load_mentions(store, *, since_seq: int | None = None) -> list[Mention]:
    """The stored event mentions with what clustering needs (one query, plus the quantities).

    With `since_seq`, only the mentions in the blocks (see ``key_sql``) that events of articles
    written after that ``ingest_seq`` fall in: all that an incremental update must rebuild.
    """
    if since_seq is None:
        where, params = "", ()
        q_where = ""
    else:
        where, params = f"WHERE {key_sql('e')} IN ({TOUCHED_KEYS_SQL})", (since_seq,)
        q_where = f"AND article_id IN (SELECT e.article_id FROM events e {where})"
    rows = store.query(_MENTIONS_SQL.format(where=where), params)
    by_article: dict[str, list[tuple]] = defaultdict(list)
    for q in store.query(_QUANTITIES_SQL.format(where=q_where), params):
        by_article[q[0]].append(q)
    out = []
    for (aid, vid, src, tgt, root, cameo, quad, gold, modality, day, pub, outlet, story,
         pcountry, pname, lat, lon, fcode, sentence) in rows:
        m = Mention(aid, vid, src, tgt, root, cameo, quad, gold, modality, day, pub, outlet, story,
                    pcountry, pname, lat, lon, specific=pname is not None and not _country_level(fcode))
        for (_, attached, qsent, value, low, high, counted, unit, category, text) in by_article.get(aid, ()):
            if attached == vid or (attached is None and qsent == sentence):
                m.quantities.append({"value": value, "low": low, "high": high, "counted": counted,
                                     "unit": unit, "category": category, "text": text})
        out.append(m)
    return out


def _km(a: Mention, b: Mention) -> float:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return 0.0 if a.place_name == b.place_name else math.inf
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


class _Cluster:
    def __init__(self, first: Mention):
        self.members = [first]
        self.first_day = first.day

    def place_distance(self, m: Mention) -> float | None:
        """0..km when compatible, None when the places rule the merge out."""
        countries = {x.place_country for x in self.members if x.place_country}
        if m.place_country and countries and m.place_country not in countries:
            return None
        specific = [x for x in self.members if x.specific]
        if not m.specific or not specific:
            return 0.0
        best = min(_km(m, x) for x in specific)
        return best if best <= PLACE_KM else None


def _group_key(q: dict) -> str:
    if q["category"]:
        return q["category"]
    if q["counted"]:
        word = q["counted"].lower()
        return word[:-1] if word.endswith("s") and not word.endswith("ss") else word
    return q["unit"] or "number"


def _details(members: list[Mention]) -> dict:
    groups: dict[str, list[dict]] = defaultdict(list)
    for m in members:
        for q in m.quantities:
            groups[_group_key(q)].append({**q, "article_id": m.article_id, "outlet": m.outlet})
    numbers = []
    for key, qs in sorted(groups.items()):
        vals = [v for q in qs for v in (q["value"], q["low"], q["high"]) if v is not None]
        numbers.append({"what": key, "min": min(vals), "max": max(vals), "reports": len({q["article_id"] for q in qs}),
                        "values": [{"value": q["value"], "low": q["low"], "high": q["high"], "text": q["text"],
                                    "article_id": q["article_id"], "outlet": q["outlet"]} for q in qs]})
    golds = [m.goldstein for m in members if m.goldstein is not None]
    days = [m.day for m in members if m.day]
    return {
        "numbers": numbers,
        "goldstein": {"min": min(golds), "max": max(golds)} if golds else None,
        "event_days": {"min": min(days).isoformat(), "max": max(days).isoformat()} if days else None,
        "cameo": ({members[0].cameo: 1} if len(members) == 1 and members[0].cameo else
                  dict(Counter(m.cameo for m in members if m.cameo).most_common())),
    }


def _mode(values):
    vals = [v for v in values if v is not None]
    if len(vals) < 2:
        return vals[0] if vals else None
    c = Counter(vals)
    top = max(c.values())
    return min(v for v, n in c.items() if n == top)


def build_clusters(mentions: list[Mention], *, window_days: int | None = None) -> tuple[list[tuple], list[tuple]]:
    """Rows for ``event_clusters`` and ``event_cluster_members`` (columns as in the schema)."""
    window = WINDOW_DAYS if window_days is None else window_days
    blocks: dict[tuple, list[_Cluster]] = defaultdict(list)
    clusters: list[_Cluster] = []
    for m in sorted(mentions, key=lambda x: (x.day or date.max, x.article_id, x.event_id)):
        if m.day is None or (m.source is None and m.target is None):
            c = _Cluster(m)  # nothing to match on: an event of its own
            clusters.append(c)
            continue
        key = (m.source, m.target, m.root)
        active = blocks[key]
        if active and (m.day - active[0].first_day).days > window:  # mentions come in day order: drop old ones
            active[:] = [c for c in active if (m.day - c.first_day).days <= window]
        best, best_score = None, None
        for c in active:
            gap = abs((m.day - c.first_day).days)
            dist = c.place_distance(m)
            if dist is None:
                continue
            score = (gap, dist)
            if best_score is None or score < best_score:
                best, best_score = c, score
        if best is None:
            best = _Cluster(m)
            blocks[key].append(best)
            clusters.append(best)
        else:
            best.members.append(m)
    rows, members = [], []
    keyed = []
    for c in clusters:  # named after its first mention: a cluster keeps its id as later reports join it
        first = c.members[0]
        cid = "C" + hashlib.sha1(f"{first.article_id}/{first.event_id}".encode()).hexdigest()[:16]
        keyed.append((c.first_day or date.max, cid, c))
    keyed.sort(key=lambda t: (t[0], t[1]))
    for gid, (_, cid, c) in enumerate(keyed, start=1):
        ms = c.members
        seen = [m.published or m.day for m in ms if (m.published or m.day)]
        golds = [m.goldstein for m in ms if m.goldstein is not None]
        modalities = {ms[0].modality or "asserted": 1} if len(ms) == 1 else Counter(m.modality or "asserted" for m in ms)
        specific = [m.place_name for m in ms if m.specific]
        rows.append((
            cid, gid, ms[0].source, ms[0].target, ms[0].root, _mode(m.cameo for m in ms),
            _mode(m.quad_class for m in ms), sum(golds) / len(golds) if golds else None,
            min(seen) if seen else None, max(seen) if seen else None, _mode(m.day for m in ms),
            len(ms), len({m.article_id for m in ms}), len({m.outlet for m in ms}), len({m.story for m in ms}),
            modalities.get("asserted", 0) > 0, json.dumps(dict(sorted(modalities.items()))),
            _mode(m.place_country for m in ms), _mode(specific) if specific else _mode(m.place_name for m in ms),
            json.dumps(_details(ms), default=str),
        ))
        members.extend((m.article_id, m.event_id, cid) for m in ms)
    return rows, members


def keep_global_ids(rows: list[tuple], old: dict[str, int], next_id: int) -> list[tuple]:
    """Give each cluster row the global id its cluster already had, new clusters fresh ids from `next_id`
    (rows come in first-day order, so fresh ids grow with time). GDELT's GlobalEventID stays put."""
    out = []
    for row in rows:
        gid = old.get(row[0])
        if gid is None:
            gid, next_id = next_id, next_id + 1
        out.append((row[0], gid, *row[2:]))
    return out
