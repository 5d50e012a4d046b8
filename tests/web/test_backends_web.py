"""The new dashboard queries (timeline, map, sectors, search) on both stores: DuckDB, and PostgreSQL when
$TIDINGS_TEST_PG is set (`eval "$(.ci/postgres.sh start)"`; skipped otherwise)."""
from __future__ import annotations

import re

import pytest

from tidings.store.testing import BACKENDS, fresh_store

from .conftest import hand_built


@pytest.fixture(params=BACKENDS)
def client(request, tmp_path):
    from fastapi.testclient import TestClient

    from tidings.web.app import create_app

    store = fresh_store(request.param, tmp_path)
    records = hand_built()
    for record in records[:2]:
        for event in record.events:
            event.place = "P1"
    store.write_articles(records)
    with TestClient(create_app("unused", store=store)) as c:
        yield c


def test_new_pages_agree_on_both_stores(client):
    page = client.get("/events?dyad=RUS-USA&directed=false&by=day").text
    assert "2 events where" in page
    assert [int(n) for n in re.findall(r'<a class="bar" [^>]*data-count="(\d+)"', page)] == [2]
    assert "1 event where" in client.get("/events?code=13").text
    points = re.findall(r'data-place="([^"]+)"><circle class="point"[^>]*data-count="(\d+)"', client.get("/map").text)
    assert points == [("Moscow", "2"), ("Ukraine", "1")]
    assert '<a href="/actors/RUSMIL">RUSMIL</a></td><td>1</td><td>0</td>' in client.get("/actors/RUS").text
    search = client.get("/search?q=troops").text
    assert "<mark>troops</mark>" in search and '<span class="count muted">1</span>' in search
    assert "1 article where place is moscow" in client.get("/articles?at=moscow").text
    assert sum(r["events"] for r in client.get("/api/series?dyad=USA-RUS&modality=all").json()["items"]) == 2
