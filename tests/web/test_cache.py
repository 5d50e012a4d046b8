"""The read cache of `tidings serve`: what a write makes stale, single flight, and reads seeing a write once its POST answers."""
from __future__ import annotations

import asyncio

import pytest

from tidings.store import open_store
from tidings.store.testing import build_article
from tidings.web.cache import LRU, Freshness, ResponseCache, article_scope

from .conftest import hand_built


def test_article_paths_have_a_scope_and_lists_do_not():
    assert article_scope("/api/articles/call1") == "call1"
    assert article_scope("/articles/call1") == "call1"
    assert article_scope("/api/articles") is None
    assert article_scope("/") is None and article_scope("/events") is None


def test_a_write_makes_corpus_results_stale_and_other_articles_stay_fresh():
    fresh = Freshness()
    results = LRU(fresh, 10)
    results.put("list", fresh.generation, None, ["a"])
    results.put("a", fresh.generation, "a", {"id": "a"})
    results.put("b", fresh.generation, "b", {"id": "b"})
    fresh.wrote(["b"])
    assert results.get("list") is None  # the corpus changed
    assert results.get("a") == {"id": "a"}  # another article was written: still fresh
    assert results.get("b") is None  # this one was written again


def test_corpus_responses_are_served_until_a_newer_pass_is_published():
    fresh = Freshness()
    responses = LRU(fresh, 10, "servable")
    responses.put("list", 0, None, "old")
    fresh.wrote(["x"])
    assert responses.get("list") == "old"  # a read overlapping the write may see the corpus just before it
    assert responses.stale_corpus_keys(10) == ["list"]
    responses.put("list", 1, None, "new")
    responses.put("list", 0, None, "older")  # a slow computation started before the write does not win
    fresh.published = 1
    assert responses.get("list") == "new"
    fresh.wrote(["y"])
    fresh.published = 2
    assert responses.get("list") is None  # not re-rendered in the pass: dropped


def test_the_lru_keeps_its_size():
    fresh = Freshness()
    cache = LRU(fresh, 3)
    for i in range(5):
        cache.put(i, 0, None, i)
    assert [cache.get(i) for i in range(5)] == [None, None, 2, 3, 4]


class CountingApp:
    """An ASGI app answering `status` after a short pause, counting its calls."""

    def __init__(self, status: int = 200):
        self.calls = 0
        self.status = status

    async def __call__(self, scope, receive, send):
        self.calls += 1
        await asyncio.sleep(0.01)
        await send({"type": "http.response.start", "status": self.status,
                    "headers": [(b"content-type", b"application/json")]})
        await send({"type": "http.response.body", "body": b'{"n": %d}' % self.calls})


def _get(path: str, query: bytes = b"") -> dict:
    return {"type": "http", "method": "GET", "path": path, "query_string": query, "headers": []}


async def _call(app, scope) -> tuple[int, bytes]:
    sent = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    await app(scope, receive, send)
    return sent[0]["status"], b"".join(m.get("body", b"") for m in sent[1:])


def test_concurrent_misses_compute_once_and_hits_do_not_call_the_app():
    inner = CountingApp()
    fresh = Freshness()
    app = ResponseCache(inner, fresh, LRU(fresh, 10, "servable"))

    async def main():
        answers = await asyncio.gather(*(_call(app, _get("/api/events", b"root=13")) for _ in range(20)))
        again = await _call(app, _get("/api/events", b"root=13"))
        other = await _call(app, _get("/api/events", b"root=14"))
        return answers, again, other

    answers, again, other = asyncio.run(main())
    assert {a for a in answers} == {(200, b'{"n": 1}')} and again == (200, b'{"n": 1}')
    assert other == (200, b'{"n": 2}') and inner.calls == 2


def test_errors_are_not_cached():
    inner = CountingApp(status=404)
    fresh = Freshness()
    app = ResponseCache(inner, fresh, LRU(fresh, 10, "servable"))

    async def main():
        return [await _call(app, _get("/api/articles/nope")) for _ in range(3)]

    assert [status for status, _ in asyncio.run(main())] == [404, 404, 404] and inner.calls == 3


@pytest.fixture()
def writable(tmp_path, monkeypatch):
    """An app over its own store whose analysis is replaced by hand-built records (no model needed)."""
    from fastapi.testclient import TestClient

    from tidings.web.app import create_app

    path = tmp_path / "cache.duckdb"
    with open_store(path) as store:
        store.write_articles(hand_built())
    app = create_app(str(path), token="t")
    state = app.state.tidings
    posted = []

    def analyze(item):
        record = build_article(f"new{len(posted)}", item.text, published="2024-05-03", source="Wire C")
        record.title = item.title
        posted.append(record.id)
        return record, None

    monkeypatch.setattr(state, "analyze", analyze)
    with TestClient(app) as client:
        yield client, state


def test_reads_after_a_post_answers_see_the_write(writable):
    client, state = writable
    auth = {"Authorization": "Bearer t"}
    before = client.get("/api/articles").json()
    assert {a["id"] for a in before["items"]} == {"call1", "troops1", "hostile1"}
    assert "Springfield bridge" not in client.get("/").text
    assert client.get("/api/search?q=Springfield").json()["articles"] == []
    record = client.get("/api/articles/call1").json()
    r = client.post("/api/articles", headers=auth,
                    json={"text": "The Springfield bridge will reopen in May.", "title": "Springfield bridge"})
    assert r.status_code == 201 and r.json()["id"] == "new0"
    assert state.freshness.published == state.freshness.generation == 1
    assert "new0" in {a["id"] for a in client.get("/api/articles").json()["items"]}
    assert "Springfield bridge" in client.get("/").text
    assert [a["id"] for a in client.get("/api/search?q=Springfield").json()["articles"]] == ["new0"]
    assert client.get("/api/articles/new0").json()["title"] == "Springfield bridge"
    assert client.get("/api/articles/call1").json() == record
    assert state.responses.get("/api/articles/call1?") is not None  # kept across the write of another article


def test_a_refused_post_does_not_wait_and_changes_nothing(writable):
    client, state = writable
    client.get("/api/articles")
    r = client.post("/api/articles", json={"text": "No token."})
    assert r.status_code == 401 and state.freshness.generation == 0
    assert state.responses.get("/api/articles?") is not None
