"""The events page's timeline: the same events as the table below it, per day, week or month, as SVG.

The bars are counted by `corpus.queries.count_events_by_day` over the very filters of the table (direction,
modality, text, place …), so a bar's height is the number of rows its link lists: each bar links to the
events page with the same filters and `since`/`until` set to its period (cut to the range asked for).
Undated events are in the table but on no bar; the page says how many. The mean-Goldstein line is broken
where a period has no scored event, and a lone scored period is a dot.
"""
from __future__ import annotations

from datetime import date, timedelta
from urllib.parse import urlencode

from markupsafe import escape

from ..corpus.series import next_period, period_start
from .svg import QUAD_COLORS, QUAD_NAMES

__all__ = ["periods", "pick_by", "timeline_svg", "BY_WORDS"]

BY_WORDS = {"day": "day", "week": "week (from Monday)", "month": "month"}
OTHER_COLOR = "#9aa3ad"  # events with no QuadClass


def pick_by(days: list[date], by: str | None) -> str:
    """`by` when given; else day for up to 92 days of events, week up to 3 years, month beyond."""
    if by:
        return by
    if not days:
        return "day"
    span = (max(days) - min(days)).days
    return "day" if span <= 92 else "week" if span <= 3 * 366 else "month"


def periods(day_rows: list[tuple], by: str, *, since: str | None = None, until: str | None = None) -> list[dict]:
    """Rows of `count_events_by_day` summed per period, oldest first, empty periods in between filled in:
    {start, end (the days a link asks for), events, q1..q4, other, goldstein_mean (None: nothing scored)}."""
    if not day_rows:
        return []
    acc: dict[date, dict] = {}
    for day, n, q1, q2, q3, q4, gsum, gn in day_rows:
        day = day if isinstance(day, date) else date.fromisoformat(str(day)[:10])
        p = acc.setdefault(period_start(day, by), {"events": 0, "q1": 0, "q2": 0, "q3": 0, "q4": 0, "gsum": 0.0, "gn": 0})
        p["events"] += int(n)
        for key, value in (("q1", q1), ("q2", q2), ("q3", q3), ("q4", q4)):
            p[key] += int(value or 0)
        p["gsum"] += float(gsum or 0.0)
        p["gn"] += int(gn or 0)
    lo, hi = (date.fromisoformat(x) if x else None for x in (since, until))
    out, d, last = [], min(acc), max(acc)
    while d <= last:
        p = acc.get(d) or {"events": 0, "q1": 0, "q2": 0, "q3": 0, "q4": 0, "gsum": 0.0, "gn": 0}
        end = next_period(d, by) - timedelta(days=1)
        out.append({"start": max(d, lo).isoformat() if lo else d.isoformat(),
                    "end": min(end, hi).isoformat() if hi else end.isoformat(),
                    "period": d.isoformat(), "events": p["events"], "q1": p["q1"], "q2": p["q2"], "q3": p["q3"],
                    "q4": p["q4"], "other": p["events"] - p["q1"] - p["q2"] - p["q3"] - p["q4"],
                    "goldstein_mean": round(p["gsum"] / p["gn"], 4) if p["gn"] else None})
        d = next_period(d, by)
    return out


def bar_href(path: str, filters: dict, row: dict) -> str:
    """The list of exactly this bar's events: the same filters, the period as the date range."""
    params = {k: v for k, v in filters.items() if v not in (None, "") and k not in ("since", "until", "offset")}
    params.update(since=row["start"], until=row["end"])
    return path + "?" + urlencode(params)


def _scale(n: int) -> tuple[int, int]:
    """(top, step): at most 5 round steps (1, 2, 5, 10, 20, 50 …) that reach `n`."""
    step = 1
    while -(-n // step) > 5:
        step = step * 5 // 2 if str(step)[0] == "2" else step * 2
    return -(-n // step) * step, step


def timeline_svg(rows: list[dict], *, by: str = "day", href=None, width: int = 900, height: int = 280) -> str:
    """Stacked bars of events per period by QuadClass (grey: none), each a link (`href(row)`), the mean
    Goldstein line on its own axis (broken across periods with nothing scored), both axes labelled."""
    pad_l, pad_r, pad_t, pad_b = 56, 56, 14, 48
    plot_w, plot_h = width - pad_l - pad_r, height - pad_t - pad_b
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" class="timeline" role="img" '
             f'aria-label="events per {escape(by)}">']
    if not rows:
        parts.append(f'<text x="{width / 2}" y="{height / 2}" text-anchor="middle" class="empty">no dated events'
                     '</text></svg>')
        return "".join(parts)
    top, step = _scale(max(max(r["events"] for r in rows), 1))
    bar_w = plot_w / len(rows)
    base = pad_t + plot_h
    parts.append(f'<line x1="{pad_l}" y1="{base}" x2="{pad_l + plot_w}" y2="{base}" class="axis"/>'
                 f'<line x1="{pad_l}" y1="{pad_t}" x2="{pad_l}" y2="{base}" class="axis"/>')
    for v in range(0, top + 1, step):  # left axis: events
        y = base - v / top * plot_h
        parts.append(f'<text x="{pad_l - 5}" y="{y + 3:.1f}" text-anchor="end" class="tick">{v}</text>')
        if v:
            parts.append(f'<line x1="{pad_l}" y1="{y:.1f}" x2="{pad_l + plot_w}" y2="{y:.1f}" class="grid"/>')
    parts.append(f'<text class="axis-label" transform="translate(14 {pad_t + plot_h / 2}) rotate(-90)" '
                 f'text-anchor="middle">events per {escape(by)}</text>')
    parts.append(f'<text class="axis-label" x="{pad_l + plot_w / 2}" y="{height - 6}" text-anchor="middle">'
                 f'{escape(BY_WORDS.get(by, by))}</text>')
    label_every = max(1, -(-len(rows) // 8))
    for i, row in enumerate(rows):
        x = pad_l + i * bar_w
        if i % label_every == 0:
            parts.append(f'<text x="{x + bar_w / 2:.1f}" y="{base + 15}" text-anchor="middle" class="tick">'
                         f'{escape(row["period"][:7] if by == "month" else row["period"])}</text>')
        if not row["events"]:
            continue
        what = ", ".join(f'{row[f"q{q}"]} {QUAD_NAMES[q]}' for q in (1, 2, 3, 4) if row[f"q{q}"])
        if row["other"]:
            what += (", " if what else "") + f'{row["other"]} unclassified'
        g = row["goldstein_mean"]
        title = (f'{row["start"]}' + (f' – {row["end"]}' if row["end"] != row["start"] else "") +
                 f': {row["events"]} events ({what})' + (f", mean Goldstein {g:+.1f}" if g is not None else ""))
        link = escape(href(row)) if href else ""
        parts.append(f'<a class="bar" href="{link}" data-count="{row["events"]}" data-since="{row["start"]}" '
                     f'data-until="{row["end"]}"><title>{escape(title)}</title>')
        parts.append(f'<rect class="hit" x="{x:.1f}" y="{pad_t}" width="{bar_w:.1f}" height="{plot_h}" '
                     'fill="transparent"/>')  # the whole column is the link, not only the coloured part
        y = base
        for key, color in (("q1", QUAD_COLORS[1]), ("q2", QUAD_COLORS[2]), ("q3", QUAD_COLORS[3]),
                           ("q4", QUAD_COLORS[4]), ("other", OTHER_COLOR)):
            n = row[key]
            if not n:
                continue
            h = n / top * plot_h
            y -= h
            parts.append(f'<rect class="seg {key}" x="{x + 1:.1f}" y="{y:.1f}" width="{max(bar_w - 2, 1):.1f}" '
                         f'height="{h:.1f}" fill="{color}"/>')
        parts.append("</a>")
    # the mean Goldstein line: right axis −10…+10; a new piece after every period with nothing scored
    pieces, piece = [], []
    for i, row in enumerate(rows):
        g = row["goldstein_mean"]
        if g is None:
            if piece:
                pieces.append(piece)
            piece = []
            continue
        piece.append((pad_l + (i + 0.5) * bar_w, pad_t + plot_h / 2 - float(g) / 10.0 * (plot_h / 2)))
    if piece:
        pieces.append(piece)
    if pieces:
        mid = pad_t + plot_h / 2
        parts.append(f'<line x1="{pad_l}" y1="{mid}" x2="{pad_l + plot_w}" y2="{mid}" class="zero"/>')
        d = "".join("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in p) for p in pieces if len(p) > 1)
        if d:
            parts.append(f'<path class="goldstein" d="{d}" fill="none" stroke="#222" stroke-width="2"/>')
        for p in pieces:
            if len(p) == 1:
                parts.append(f'<circle class="goldstein-dot" cx="{p[0][0]:.1f}" cy="{p[0][1]:.1f}" r="3" fill="#222"/>')
        rx = pad_l + plot_w
        parts.append(f'<line x1="{rx}" y1="{pad_t}" x2="{rx}" y2="{base}" class="axis"/>')
        for v in (10, 0, -10):
            y = pad_t + plot_h / 2 - v / 10 * (plot_h / 2)
            parts.append(f'<text x="{rx + 5}" y="{y + 3:.1f}" class="tick">{v:+d}</text>'.replace("+0", "0"))
        parts.append(f'<text class="axis-label" transform="translate({width - 10} {pad_t + plot_h / 2}) rotate(90)" '
                     'text-anchor="middle">mean Goldstein</text>')
    parts.append("</svg>")
    return "".join(parts)
