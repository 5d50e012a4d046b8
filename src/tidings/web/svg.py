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

__all__ = ["world_paths", "world_svg", "world_url", "map_svg", "timeline_svg", "network_svg", "QUAD_COLORS", "QUAD_NAMES"]

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
        # a ring across the antimeridian (Russia's far east, Fiji) jumps by the map's width: keep it whole
        # (x beyond the edge) and draw it again a map's width over, instead of a stripe across the map
        shift, unwrapped = 0.0, []
        for k, (x, y) in enumerate(points):
            if k and abs(x + shift - unwrapped[-1][0]) > MAP_W / 2:
                shift += MAP_W if x + shift < unwrapped[-1][0] else -MAP_W
            unwrapped.append((x + shift, y))
        copies = [0.0]
        if min(x for x, _ in unwrapped) < -0.5:
            copies.append(MAP_W)
        if max(x for x, _ in unwrapped) > MAP_W + 0.5:
            copies.append(-MAP_W)
        return "".join("M" + "L".join(f"{x + dx:.1f},{y:.1f}" for x, y in unwrapped) + "Z" for dx in copies)

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


@cache
def world_svg() -> str:
    """The world outline as one SVG file, served once at WORLD_URL and cached by the browser."""
    paths = "".join(f'<path d="{d}"><title>{escape(name)}</title></path>' for name, d in world_paths())
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {MAP_W} {MAP_H}" width="{MAP_W}" height="{MAP_H}">'
            f'<rect width="{MAP_W}" height="{MAP_H}" fill="#eaf2f8"/>'
            f'<g fill="#d9dee3" stroke="#fff" stroke-width=".5">{paths}</g></svg>')


@cache
def world_url() -> str:
    """The outline's address; the content's hash in it, so it may be cached for good."""
    import hashlib

    return "/assets/world-110m.svg?v=" + hashlib.sha256(world_svg().encode("utf-8")).hexdigest()[:12]


def _radius(count: int, top: int) -> float:
    return 2.5 + 17.5 * math.sqrt(count / max(top, 1))


def map_svg(points: list[dict], *, legend: str | None = None) -> str:
    """The world outline (one cached file, WORLD_URL) and a circle per place (lat, lon, count, label; `href`:
    the circle is a link), the largest drawn first; with `legend` ("events"), a size legend in the corner."""
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {MAP_W} {MAP_H}" class="map" role="img" '
             f'aria-label="map of places"><image href="{world_url()}" x="0" y="0" width="{MAP_W}" height="{MAP_H}" '
             'class="world"/><g class="points">']
    top = max([int(p.get("count", 1)) for p in points] or [1])
    for p in sorted(points, key=lambda p: -p.get("count", 1)):
        x, y = project(p["lat"], p["lon"])
        n = int(p.get("count", 1))
        circle = (f'<circle class="point" cx="{x:.1f}" cy="{y:.1f}" r="{_radius(n, top):.1f}" data-count="{n}">'
                  f'<title>{escape(p.get("label", ""))} ({n}{" " + escape(legend) if legend else ""})</title></circle>')
        if p.get("href"):
            circle = f'<a href="{escape(p["href"])}" data-place="{escape(p.get("label", ""))}">{circle}</a>'
        parts.append(circle)
    parts.append("</g>")
    if legend and points:
        sizes = sorted({top, max(top // 4, 1), 1}, reverse=True)
        box_h = 2 * _radius(top, top) + 36
        parts.append(f'<g class="size-legend" transform="translate(8 {MAP_H - box_h - 8:.0f})">'
                     f'<rect width="150" height="{box_h:.0f}" rx="4" class="legend-box"/>'
                     f'<text x="8" y="14" class="legend-title">{escape(legend)} per place</text>')
        cy = 24 + _radius(top, top)
        x = 14.0
        for n in sizes:
            r = _radius(n, top)
            x += r
            parts.append(f'<circle class="point" cx="{x:.1f}" cy="{cy:.1f}" r="{r:.1f}"/>'
                         f'<text x="{x:.1f}" y="{cy + _radius(top, top) + 10:.1f}" text-anchor="middle" '
                         f'class="legend-n">{n}</text>')
            x += r + 10
        parts.append("</g>")
    parts.append("</svg>")
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


def _tone_color(g: float) -> str:
    return QUAD_COLORS[1] if g >= 1.0 else QUAD_COLORS[4] if g <= -1.0 else "#9aa3ad"


def network_svg(center: str, counterparts: list[dict], *, size: int = 420) -> str:
    """The actor in the middle, each counterpart (code, count, goldstein_mean) on a circle around it; edge colour
    is the mean Goldstein of their events, edge width the number of events; a legend below says so."""
    c = size / 2
    legend_h = 64
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size + legend_h}" class="network" '
             f'role="img" aria-label="counterparts of {escape(center)}">']
    shown = counterparts[:16]
    top = max([p.get("count", 1) for p in shown] or [1])
    for i, p in enumerate(shown):
        angle = 2 * math.pi * i / max(len(shown), 1)
        x, y = c + 0.38 * size * math.cos(angle), c + 0.38 * size * math.sin(angle)
        g = p.get("goldstein_mean") or 0.0
        w = 1 + 6 * p.get("count", 1) / top
        parts.append(f'<line x1="{c}" y1="{c}" x2="{x:.1f}" y2="{y:.1f}" stroke="{_tone_color(g)}" '
                     f'stroke-width="{w:.1f}" class="edge" data-count="{p.get("count", 1)}"/>')
        parts.append(f'<a href="/actors/{escape(p["code"])}"><circle cx="{x:.1f}" cy="{y:.1f}" r="18" class="node"/>'
                     f'<text x="{x:.1f}" y="{y + 4:.1f}" text-anchor="middle">{escape(p["code"])}</text>'
                     f'<title>{escape(p["code"])}: {p.get("count", 1)} events, mean Goldstein {g:+.1f}</title></a>')
    parts.append(f'<circle cx="{c}" cy="{c}" r="26" class="node center"/><text x="{c}" y="{c + 4}" '
                 f'text-anchor="middle" class="center-label">{escape(center)}</text>')
    y0 = size + 8
    parts.append(f'<g class="network-legend" transform="translate(8 {y0})"><text x="0" y="10">edge colour: mean Goldstein'
                 '</text>')
    for k, (label, g) in enumerate((("≥ +1 cooperative", 5.0), ("−1 … +1", 0.0), ("≤ −1 hostile", -5.0))):
        x = k * 135
        parts.append(f'<line x1="{x}" y1="22" x2="{x + 22}" y2="22" stroke="{_tone_color(g)}" stroke-width="4"/>'
                     f'<text x="{x + 27}" y="26">{label}</text>')
    parts.append('<text x="0" y="46">width: events</text>')
    for k, n in enumerate(sorted({1, top})):
        x = 90 + k * 90
        parts.append(f'<line x1="{x}" y1="42" x2="{x + 22}" y2="42" stroke="#667" stroke-width="{1 + 6 * n / top:.1f}"/>'
                     f'<text x="{x + 27}" y="46">{n}</text>')
    parts.append("</g></svg>")
    return "".join(parts)
