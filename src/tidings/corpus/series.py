"""Time series of events for a dyad or an actor: counts by QuadClass, Goldstein, articles, escalation.

Escalation index of a period (documented in docs/EXPORTS.md, "Series"):

    escalation = (2·MC + VC − VC' − 2·MC') / (2·N)

with MC material conflict (QuadClass 4), VC verbal conflict (3), VC' verbal cooperation (1),
MC' material cooperation (2), and N the events with a QuadClass in the period. It runs from
−1 (only material cooperation) through 0 (balanced or nothing) to +1 (only material conflict);
material acts weigh twice verbal ones, as in the QuadClass ordering. Periods without events
are filled with zeros (escalation 0) so the series is regular.
"""
from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta

from ..errors import ConfigError

__all__ = ["series", "period_start", "next_period", "parse_dyad", "sparkline", "to_csv", "to_json", "PERIODS", "COLUMNS"]

PERIODS = ("day", "week", "month")
COLUMNS = ("period", "events", "verbal_coop", "material_coop", "verbal_conflict", "material_conflict",
           "goldstein_sum", "goldstein_mean", "articles", "escalation")
_BARS = "▁▂▃▄▅▆▇█"


def parse_dyad(text: str) -> tuple[str, str]:
    parts = [p.strip().upper() for p in text.replace(":", "-").split("-")]
    if len(parts) != 2 or not all(parts):
        raise ConfigError(f"cannot read the dyad {text!r}", hint="write it as SOURCE-TARGET, e.g. USA-RUS")
    return parts[0], parts[1]


def _actor_clause(col_prefix: str, actor: str) -> tuple[str, list]:
    if len(actor) == 3:
        return f"{col_prefix}_country = ?", [actor]
    return f"{col_prefix}_code LIKE ?", [actor + "%"]


def _where(dyad: str | None, actor: str | None, directed: bool, since, until, modality) -> tuple[list[str], list]:
    where, params = ["event_date IS NOT NULL"], []
    if dyad:
        a, b = parse_dyad(dyad)
        sa, pa = _actor_clause("source", a)
        tb, pb = _actor_clause("target", b)
        if directed:
            where.append(f"{sa} AND {tb}")
            params += pa + pb
        else:
            sb, pb2 = _actor_clause("source", b)
            ta, pa2 = _actor_clause("target", a)
            where.append(f"(({sa} AND {tb}) OR ({sb} AND {ta}))")
            params += pa + pb + pb2 + pa2
    if actor:
        s, ps = _actor_clause("source", actor.upper())
        t, pt = _actor_clause("target", actor.upper())
        where.append(f"({s} OR {t})")
        params += ps + pt
    if since:
        where.append("event_date >= CAST(? AS DATE)")
        params.append(str(since))
    if until:
        where.append("event_date <= CAST(? AS DATE)")
        params.append(str(until))
    if modality:
        where.append("modality = ?")
        params.append(modality)
    return where, params


def period_start(d: date, by: str) -> date:
    """The first day of the day, week (Monday) or month that holds `d`."""
    if by == "week":
        return d - timedelta(days=d.weekday())
    if by == "month":
        return d.replace(day=1)
    return d


def next_period(d: date, by: str) -> date:
    """The first day of the period after the one that starts on `d`."""
    if by == "day":
        return d + timedelta(days=1)
    if by == "week":
        return d + timedelta(days=7)
    return (d.replace(day=28) + timedelta(days=4)).replace(day=1)


def series(store, *, dyad: str | None = None, actor: str | None = None, by: str = "day", directed: bool = True,
           since: str | None = None, until: str | None = None, modality: str | None = None,
           fill: bool = True) -> list[dict]:
    """One row per period (``COLUMNS``), oldest first, over stored event mentions."""
    if by not in PERIODS:
        raise ConfigError(f"unknown period {by!r}", hint=f"one of {', '.join(PERIODS)}")
    if not dyad and not actor:
        raise ConfigError("a series needs a dyad or an actor", hint="pass --dyad USA-RUS or --actor USA")
    where, params = _where(dyad, actor, directed, since, until, modality)
    period = "event_date" if by == "day" else f"CAST(date_trunc('{by}', event_date) AS DATE)"
    sql = (f"SELECT {period} AS period, count(*), "
           "count(*) FILTER (WHERE quad_class = 1), count(*) FILTER (WHERE quad_class = 2), "
           "count(*) FILTER (WHERE quad_class = 3), count(*) FILTER (WHERE quad_class = 4), "
           "sum(goldstein), avg(goldstein), count(DISTINCT article_id) "
           f"FROM events WHERE {' AND '.join(where)} GROUP BY 1 ORDER BY 1")
    rows = {}
    for period_, n, q1, q2, q3, q4, gsum, gmean, arts in store.query(sql, params):
        classed = q1 + q2 + q3 + q4
        esc = (2 * q4 + q3 - q1 - 2 * q2) / (2 * classed) if classed else 0.0
        rows[period_] = {"period": period_, "events": n, "verbal_coop": q1, "material_coop": q2,
                         "verbal_conflict": q3, "material_conflict": q4,
                         "goldstein_sum": round(float(gsum or 0.0), 4),
                         "goldstein_mean": None if gmean is None else round(float(gmean), 4),
                         "articles": arts, "escalation": round(esc, 4)}
    if not rows:
        return []
    out = []
    if fill:
        d, last = period_start(min(rows), by), max(rows)
        while d <= last:
            out.append(rows.get(d) or {"period": d, "events": 0, "verbal_coop": 0, "material_coop": 0,
                                        "verbal_conflict": 0, "material_conflict": 0, "goldstein_sum": 0.0,
                                        "goldstein_mean": None, "articles": 0, "escalation": 0.0})
            d = next_period(d, by)
    else:
        out = [rows[k] for k in sorted(rows)]
    for r in out:
        r["period"] = r["period"].isoformat()
    return out


def sparkline(values: list[float]) -> str:
    if not values:
        return ""
    lo, hi = min(values), max(values)
    if hi == lo:
        return _BARS[0 if hi == 0 else 3] * len(values)
    return "".join(_BARS[int((v - lo) / (hi - lo) * (len(_BARS) - 1))] for v in values)


def to_csv(rows: list[dict]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def to_json(rows: list[dict]) -> str:
    return json.dumps(rows, indent=1)
