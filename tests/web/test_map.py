"""The map for analysis (issue #19 item 7): points that lead to their events, events vs mentions, filters, a size
legend, no stripes across the map, and the world outline as one cached file instead of inlined on every page."""
from __future__ import annotations

import re
from html import unescape

import pytest

from tidings.web.svg import MAP_W, world_paths, world_url

from .conftest import hand_built


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    """The hand-built store with its events placed: call1's two at Moscow, troops1's at Ukraine."""
    from fastapi.testclient import TestClient

    from tidings.store import open_store
    from tidings.web.app import create_app

    records = hand_built()
    for record in records[:2]:
        for event in record.events:
            event.place = "P1"
    path = tmp_path_factory.mktemp("map") / "map.duckdb"
    with open_store(path) as store:
        store.write_articles(records)
    with TestClient(create_app(str(path))) as c:
        yield c


def test_no_country_edge_runs_across_the_map():
    """A ring over the antimeridian (Russia, Fiji) used to jump 960 px in one segment: a stripe over the map."""
    longest = 0.0
    for _, d in world_paths():
        for ring in d.split("M")[1:]:
            xs = [float(p.split(",")[0]) for p in ring.rstrip("Z").split("L")]
            longest = max([longest] + [abs(b - a) for a, b in zip(xs, xs[1:])])
    assert longest < MAP_W / 4, longest
    russia = dict(world_paths())["Russia"]
    assert "M-" in russia or ",-" not in russia  # its far east is drawn again left of the date line


def test_article_minimap_points_to_one_cached_outline(client):
    page = client.get("/articles/call1").text
    assert page.count(f'href="{world_url()}"') == 1 and "<path" not in page
    assert len(page.encode()) < 40_000  # the outline alone was about 135 KB
    assert '<a href="/events?at=Moscow" data-place="Moscow">' in page  # its point leads to the events there
    outline = client.get(world_url())
    assert outline.status_code == 200 and outline.headers["content-type"].startswith("image/svg+xml")
    assert "immutable" in outline.headers["cache-control"] and outline.text.count("<path") > 150


def _points(page: str) -> list[tuple[str, str, int]]:
    return [(unescape(h), unescape(label), int(n)) for h, label, n in
            re.findall(r'<a href="([^"]*)" data-place="([^"]*)"><circle class="point"[^>]*data-count="(\d+)"', page)]


def test_map_points_by_events_link_to_exactly_their_events(client):
    points = _points(client.get("/map").text)
    assert [(label, n) for _, label, n in points] == [("Moscow", 2), ("Ukraine", 1)]
    for href, label, n in points:
        assert href.startswith("/events?at=")
        listed = client.get(href).text
        assert f"{n} event{'s' if n != 1 else ''} where place is {label}" in listed


def test_map_mentions_date_and_actor_filters_and_legend(client):
    page = client.get("/map?count=mentions").text
    points = _points(page)
    assert {label for _, label, _ in points} == {"Moscow", "Ukraine"}
    assert all(h.startswith("/articles?at=") for h, _, _ in points)
    assert 'class="size-legend"' in page and "mentions per place" in page
    moscow = next(h for h, label, _ in points if label == "Moscow")
    assert "1 article where place is Moscow" in client.get(moscow).text
    later = _points(client.get("/map?count=mentions&since=2021-12-08").text)
    assert [label for _, label, _ in later] == ["Ukraine"]
    by_actor = _points(client.get("/map?count=mentions&actor=Ukraine").text)
    assert [label for _, label, _ in by_actor] == ["Ukraine"]
    assert [label for _, label, _ in _points(client.get("/map?actor=USA").text)] == ["Moscow"]
    assert _points(client.get("/map?since=2021-12-10").text) == []
