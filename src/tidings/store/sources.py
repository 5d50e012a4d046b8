"""The ``sources`` table: each source's home place, given, set or inferred (a prior for places).

- written with the articles (``note_sources``, inside ``write_articles``' transaction): a source row
  per ``source_name``; an article's ``source_location`` that is neither the row's home nor its inferred
  home becomes its home (origin ``given``) unless a person set one (origin ``set``, which only
  ``set_home`` changes);
- ``infer_homes`` reads the places of the last ``INFER_ARTICLES`` articles of each source whose
  articles changed (``extract.places.home.infer_home``);
- ``homes`` gives what ingest uses for an item with a source name and no home of its own: the home,
  else the inferred home.
"""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Iterable

from ..errors import ConfigError
from ..record import Article

__all__ = ["note_sources", "infer_homes", "homes", "list_sources", "set_home", "INFER_ARTICLES"]

INFER_ARTICLES = 1000  # the latest articles of a source the inference reads
COLUMNS = ("name", "home", "home_origin", "inferred_home", "inferred_level", "inferred_share",
           "inferred_articles", "stale", "updated_at")


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def note_sources(store, records: Iterable[Article]) -> None:
    """Source rows for the sources of `records` (call inside the write transaction)."""
    given: dict[str, str | None] = {}
    for r in records:
        if r.source_name:
            loc = " ".join((r.source_location or "").split()) or None
            if loc or r.source_name not in given:
                given[r.source_name] = loc
    if not given:
        return
    known = {row[0]: row[1:] for row in store._query("SELECT name, home, home_origin, inferred_home FROM sources")}
    now = _now()
    for name, loc in given.items():
        if name not in known:
            store._execute("INSERT INTO sources (name, home, home_origin, stale, updated_at) VALUES (?, ?, ?, ?, ?)",
                           (name, loc, "given" if loc else None, True, now))
            continue
        home, origin, inferred = known[name]
        if loc and origin != "set" and loc != home and loc != inferred:
            store._execute("UPDATE sources SET home = ?, home_origin = ?, stale = ?, updated_at = ? WHERE name = ?",
                           (loc, "given", True, now, name))
        else:
            store._execute("UPDATE sources SET stale = ? WHERE name = ?", (True, name))


def infer_homes(store, *, everything: bool = False) -> int:
    """Infer the home of every source whose articles changed (all with `everything`); return how many."""
    from ..extract.places.home import infer_home

    where = "" if everything else " WHERE stale"
    names = [r[0] for r in store._query(f"SELECT name FROM sources{where} ORDER BY name")]
    for name in names:
        rows = store._query(
            "SELECT p.article_id, p.name, p.country, p.admin1, p.feature_code FROM places p WHERE p.article_id IN "
            "(SELECT id FROM articles WHERE source_name = ? ORDER BY ingest_seq DESC LIMIT ?)",
            (name, INFER_ARTICLES))
        by_article: dict[str, list[tuple]] = {}
        for aid, *place in rows:
            by_article.setdefault(aid, []).append(tuple(place))
        found = infer_home(by_article.values())
        with store._transaction():
            store._execute("UPDATE sources SET inferred_home = ?, inferred_level = ?, inferred_share = ?, "
                           "inferred_articles = ?, stale = ?, updated_at = ? WHERE name = ?",
                           (found and found.home, found and found.level, found and found.share,
                            len(by_article), False, _now(), name))
    return len(names)


def homes(store) -> dict[str, str]:
    """Source name → the home place to use for its items without one (set or given, else inferred)."""
    rows = store._query("SELECT name, home, inferred_home FROM sources")
    return {name: home or inferred for name, home, inferred in rows if home or inferred}


def list_sources(store) -> list[dict]:
    """Every source row, by name, with ``uses``: the home its next items get."""
    columns, rows = store._select(f"SELECT {', '.join(COLUMNS)} FROM sources ORDER BY name")
    out = []
    for row in rows:
        d = dict(zip(columns, row))
        d["uses"] = d["home"] or d["inferred_home"]
        out.append(d)
    return out


def set_home(store, name: str, home: str | None) -> None:
    """Set (or with None clear) a source's home by hand; a home the gazetteer does not know is refused."""
    from ..extract.places.home import known_home

    name = " ".join((name or "").split())
    if not name:
        raise ConfigError("a source needs a name", hint="give the source_name its articles carry")
    home = " ".join((home or "").split()) or None
    if home is not None and not known_home(home):
        raise ConfigError(f"no such place known: {home!r}", item=name,
                          hint="write a town, county, state or country, e.g. \"Alexandria, La.\" or \"Texas\"")
    now = _now()
    with store._transaction():
        if store._query("SELECT 1 FROM sources WHERE name = ?", (name,)):
            store._execute("UPDATE sources SET home = ?, home_origin = ?, updated_at = ? WHERE name = ?",
                           (home, "set" if home else None, now, name))
        else:
            store._execute("INSERT INTO sources (name, home, home_origin, stale, updated_at) VALUES (?, ?, ?, ?, ?)",
                           (name, home, "set" if home else None, True, now))
