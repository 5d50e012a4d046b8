"""Server-side SVG charts: the world map, the events timeline and the counterpart network.

Charts are drawn on the server as plain SVG so the dashboard works offline with no
JavaScript charting library to vendor, and a browser test can count what was drawn.
"""
from __future__ import annotations

import json
import math
from functools import cache
from importlib import resources

from markupsafe import escape

__all__ = ["world_paths", "map_svg", "timeline_svg", "network_svg", "QUAD_COLORS", "QUAD_NAMES"]

MAP_W, MAP_H = 960, 480
QUAD_COLORS = {1: "#4c9f70", 2: "#2f6f9f", 3: "#e0a030", 4: "#c8423b"}
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


def project(lat: float, lon: float) -> tuple[float, float]:
    """Equirectangular projection onto the MAP_W × MAP_H canvas."""
    return (lon + 180.0) * MAP_W / 360.0, (90.0 - lat) * MAP_H / 180.0


@cache
def world_paths() -> tuple[tuple[str, str], ...]:
    """(country name, SVG path) for each country of the vendored Natural Earth 1:110m TopoJSON."""
    topo = json.loads(resources.files("tidings.web").joinpath("static/world/countries-110m.json").read_text("utf-8"))
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append(project(y * sy + ty, x * sx + tx))
        arcs.append(points)

    def ring(indexes: list[int]) -> str:
        points: list[tuple[float, float]] = []
        for i in indexes:
            seq = arcs[i] if i >= 0 else arcs[~i][::-1]
            points.extend(seq if not points else seq[1:])
        return "M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in points) + "Z"

    out = []
    for geom in topo["objects"]["countries"]["geometries"]:
        polys = geom.get("arcs") or []
        if geom["type"] == "Polygon":
            polys = [polys]
        elif geom["type"] != "MultiPolygon":
            continue
        d = "".join(ring(r) for poly in polys for r in poly)
        out.append((geom.get("properties", {}).get("name", ""), d))
    return tuple(out)


def cluster_points(points: list[dict], cell_deg: float) -> list[dict]:
    """Merge points falling in the same cell of `cell_deg` degrees; count and labels add up."""
    cells: dict[tuple[int, int], dict] = {}
    for p in points:
        key = (math.floor(p["lat"] / cell_deg), math.floor(p["lon"] / cell_deg))
        c = cells.setdefault(key, {"lat": 0.0, "lon": 0.0, "count": 0, "labels": []})
        n = p.get("count", 1)
        c["lat"] += p["lat"] * n
        c["lon"] += p["lon"] * n
        c["count"] += n
        if len(c["labels"]) < 5:
            c["labels"].append(p.get("label", ""))
    return [{"lat": c["lat"] / c["count"], "lon": c["lon"] / c["count"], "count": c["count"],
             "label": "; ".join(x for x in c["labels"] if x)} for c in cells.values()]


def map_svg(points: list[dict], *, cluster_over: int = 150) -> str:
    """A world map with a circle per place (lat, lon, count, label); dense maps are clustered."""
    if len(points) > cluster_over:
        points = cluster_points(points, 3.0)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {MAP_W} {MAP_H}" class="map" role="img" '
             f'aria-label="map of places">', f'<rect width="{MAP_W}" height="{MAP_H}" class="sea"/>', '<g class="countries">']
    for name, d in world_paths():
        parts.append(f'<path d="{d}"><title>{escape(name)}</title></path>')
    parts.append('</g><g class="points">')
    for p in sorted(points, key=lambda p: -p.get("count", 1)):
        x, y = project(p["lat"], p["lon"])
        r = 3 + 2.5 * math.sqrt(p.get("count", 1))
        parts.append(f'<circle class="point" cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" data-count="{int(p.get("count", 1))}">'
                     f'<title>{escape(p.get("label", ""))} ({int(p.get("count", 1))})</title></circle>')
    parts.append("</g></svg>")
    return "".join(parts)


def timeline_svg(rows: list[dict], *, width: int = 900, height: int = 260) -> str:
    """Stacked bars of events per period by QuadClass (keys q1..q4) and a line of mean Goldstein (`goldstein_mean`)."""
    pad_l, pad_r, pad_t, pad_b = 40, 40, 10, 40
    plot_w, plot_h = width - pad_l - pad_r, height - pad_t - pad_b
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" class="timeline" role="img" '
             f'aria-label="events over time">']
    if not rows:
        parts.append(f'<text x="{width / 2}" y="{height / 2}" text-anchor="middle" class="empty">no events</text></svg>')
        return "".join(parts)
    totals = [sum(int(r.get(f"q{q}", 0) or 0) for q in (1, 2, 3, 4)) for r in rows]
    top = max(max(totals), 1)
    bar_w = plot_w / len(rows)
    parts.append(f'<line x1="{pad_l}" y1="{pad_t + plot_h}" x2="{pad_l + plot_w}" y2="{pad_t + plot_h}" class="axis"/>')
    parts.append(f'<text x="{pad_l - 6}" y="{pad_t + 10}" text-anchor="end" class="tick">{top}</text>')
    parts.append(f'<text x="{pad_l - 6}" y="{pad_t + plot_h}" text-anchor="end" class="tick">0</text>')
    label_every = max(1, len(rows) // 8)
    for i, row in enumerate(rows):
        x = pad_l + i * bar_w
        y = pad_t + plot_h
        for q in (1, 2, 3, 4):
            n = int(row.get(f"q{q}", 0) or 0)
            if not n:
                continue
            h = n / top * plot_h
            y -= h
            parts.append(f'<rect class="bar q{q}" x="{x + 1:.1f}" y="{y:.1f}" width="{max(bar_w - 2, 1):.1f}" '
                         f'height="{h:.1f}" fill="{QUAD_COLORS[q]}"><title>{escape(str(row.get("period")))}: '
                         f'{n} {QUAD_NAMES[q]}</title></rect>')
        if i % label_every == 0:
            parts.append(f'<text x="{x + bar_w / 2:.1f}" y="{height - pad_b + 16}" text-anchor="middle" class="tick">'
                         f'{escape(str(row.get("period"))[:10])}</text>')
    line = []
    for i, row in enumerate(rows):
        g = row.get("goldstein_mean")
        if g is None:
            continue
        x = pad_l + (i + 0.5) * bar_w
        y = pad_t + plot_h / 2 - float(g) / 10.0 * (plot_h / 2)
        line.append(f"{x:.1f},{y:.1f}")
    if line:
        parts.append(f'<polyline class="goldstein" points="{" ".join(line)}" fill="none" stroke="#222" stroke-width="2"/>')
        parts.append(f'<text x="{width - pad_r + 4}" y="{pad_t + 10}" class="tick">+10</text>'
                     f'<text x="{width - pad_r + 4}" y="{pad_t + plot_h}" class="tick">−10</text>')
    parts.append("</svg>")
    return "".join(parts)


def network_svg(center: str, counterparts: list[dict], *, size: int = 420) -> str:
    """The actor in the middle, each counterpart (code, count, goldstein_mean) on a circle around it."""
    c = size / 2
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" class="network" role="img" '
             f'aria-label="counterparts of {escape(center)}">']
    shown = counterparts[:16]
    top = max([p.get("count", 1) for p in shown] or [1])
    for i, p in enumerate(shown):
        angle = 2 * math.pi * i / max(len(shown), 1)
        x, y = c + 0.38 * size * math.cos(angle), c + 0.38 * size * math.sin(angle)
        g = p.get("goldstein_mean") or 0.0
        color = QUAD_COLORS[1] if g >= 0 else QUAD_COLORS[4]
        w = 1 + 6 * p.get("count", 1) / top
        parts.append(f'<line x1="{c}" y1="{c}" x2="{x:.1f}" y2="{y:.1f}" stroke="{color}" stroke-width="{w:.1f}" class="edge"/>')
        parts.append(f'<a href="/actors/{escape(p["code"])}"><circle cx="{x:.1f}" cy="{y:.1f}" r="18" class="node"/>'
                     f'<text x="{x:.1f}" y="{y + 4:.1f}" text-anchor="middle">{escape(p["code"])}</text>'
                     f'<title>{escape(p["code"])}: {p.get("count", 1)} events, mean Goldstein {g:+.1f}</title></a>')
    parts.append(f'<circle cx="{c}" cy="{c}" r="26" class="node center"/><text x="{c}" y="{c + 4}" '
                 f'text-anchor="middle" class="center-label">{escape(center)}</text></svg>')
    return "".join(parts)
