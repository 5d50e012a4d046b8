"""An actor page's data (`actor_data`: events, quotes, counterparts, names, and for a country the split by
sector: RUS, RUSGOV, RUSMIL …), and names for actor codes, from the project's data: country names (countries.json) for codes that begin with
an ISO 3166 alpha-3 code ("RUSGOV" → Russia), organisation names (organizations.yaml) for IGO/NGO codes
("IGOUNOWFP" → World Food Program; the longest listed prefix wins)."""
from __future__ import annotations

import json
from functools import cache
from importlib import resources

import yaml

__all__ = ["actor_name", "actor_data", "sectors"]

_ORG_PREFIXES = ("IGO", "NGO")


def _data(name: str) -> str:
    return resources.files("tidings.data.actors").joinpath(name).read_text(encoding="utf-8")


@cache
def _countries() -> dict[str, str]:
    return {c["iso3"]: c["name"] for c in json.loads(_data("countries.json"))}


@cache
def _organizations() -> dict[str, str]:
    orgs = yaml.safe_load(_data("organizations.yaml")) or {}
    return {code: names[0] for code, names in orgs.items() if names}


def actor_name(code: str) -> str | None:
    """The name of an actor code (upper case), or None where the project knows none."""
    if code.startswith(_ORG_PREFIXES):
        orgs = _organizations()
        for end in range(len(code), 3, -1):
            if code[:end] in orgs:
                return orgs[code[:end]]
        return None
    return _countries().get(code[:3])


def sectors(store, code: str) -> list[dict]:
    """The codes under `code` on either side of its events (for RUS: RUS, RUSGOV, RUSMIL …, by the events'
    country; for RUSGOV: RUSGOV, RUSGOVMIL …): code, as_source, as_target, events; the busiest first."""
    from ..corpus.series import _actor_clause

    s, ps = _actor_clause("source", code)
    t, pt = _actor_clause("target", code)
    rows = store.query_dicts(
        "SELECT code, sum(src) AS as_source, sum(tgt) AS as_target FROM ("
        f"SELECT source_code AS code, 1 AS src, 0 AS tgt FROM events WHERE {s} UNION ALL "
        f"SELECT target_code AS code, 0 AS src, 1 AS tgt FROM events WHERE {t}) x "
        "GROUP BY code ORDER BY sum(src) + sum(tgt) DESC, code NULLS LAST", ps + pt)
    return [{"code": r["code"], "as_source": int(r["as_source"]), "as_target": int(r["as_target"]),
             "events": int(r["as_source"]) + int(r["as_target"])} for r in rows]


def actor_data(store, code: str) -> dict:
    from ..corpus.queries import event_sentences, find_actors, find_events, find_quotes

    counterparts = store.query_dicts(
        "SELECT CASE WHEN source_code LIKE ? THEN target_code ELSE source_code END AS code, count(*) AS count, "
        "avg(goldstein) AS goldstein_mean FROM events "
        "WHERE (source_code LIKE ? OR target_code LIKE ?) AND source_code IS NOT NULL AND target_code IS NOT NULL "
        "GROUP BY 1 ORDER BY 2 DESC LIMIT 16", [code + "%"] * 3)
    counterparts = [c for c in counterparts if c["code"] and not c["code"].startswith(code)]
    events = find_events(store, actor=code, limit=200)
    split = sectors(store, code)
    return {"events": events, "quotes": find_quotes(store, actor=code, limit=100),
            "counterparts": counterparts, "names": find_actors(store, country=code, limit=20),
            "sectors": split if len(split) > 1 or (split and split[0]["code"] != code) else [],
            "sentences": event_sentences(store, tuple((r["article_id"], r["event_id"]) for r in events))}
