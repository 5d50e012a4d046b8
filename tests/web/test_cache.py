"""The read cache of `tidings serve`: what a write makes stale, single flight, and reads seeing a write once its POST answers."""
from __future__ import annotations

import asyncio

import pytest

from tidings.store import open_store
from tidings.store.testing import build_article
from tidings.web.cache import LRU, Freshness, ResponseCache, article_scope, cache_key

from .conftest import hand_built


def test_article_paths_have_a_scope_and_lists_do_not():
    assert article_scope("/api/articles/call1") == "call1"
    assert article_scope("/articles/sport/424.txt") == "sport/424.txt"
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


def test_a_write_makes_corpus_responses_stale_at_once_and_an_older_computation_does_not_win():
    fresh = Freshness()
    responses = LRU(fresh, 10)
    responses.put("list", 0, None, "old")
    fresh.wrote(["x"])
    assert responses.get("list") is None  # a read that starts after the write sees it
    responses.put("list", 1, None, "new")
    responses.put("list", 0, None, "older")  # a slow computation started before the write does not win
    assert responses.get("list") == "new"


def test_the_lru_is_bounded_in_bytes():
    fresh = Freshness()
    cache = LRU(fresh, 1000, max_bytes=1000, weigh=len)
    for i in range(10):
        cache.put(i, 0, None, "x" * 300)
    assert cache.bytes <= 1000 and [i for i in range(10) if cache.get(i)] == [7, 8, 9]
    cache.put("huge", 0, None, "x" * 5000)  # over the bound alone: not kept, nothing evicted for it
    assert cache.get("huge") is None and cache.get(9) is not None


def test_cache_keys_keep_known_parameters_only_sorted():
    known = frozenset({"q", "limit"})
    assert cache_key("/api/articles", b"limit=5&q=a&junk=1", known) == cache_key("/api/articles", b"q=a&limit=5", known)
    assert cache_key("/api/articles", b"junk=" + b"x" * 1000, known) == "/api/articles?"
    assert cache_key("/api/articles", b"q=a", known) != cache_key("/api/articles", b"q=b", known)
    assert cache_key("/x", b"b=1&a=2", None) == "/x?a=2&b=1"


def test_junk_parameters_neither_fill_nor_defeat_the_response_cache(client):
    state = client.app.state.tidings
    client.get("/api/articles?limit=2")
    entries, size = len(state.responses), state.responses.bytes
    for i in range(20):
        assert client.get(f"/api/articles?limit=2&junk{i}={'x' * 500}").status_code == 200
    assert len(state.responses) == entries and state.responses.bytes == size


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
    app = ResponseCache(inner, fresh, LRU(fresh, 10))

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
    app = ResponseCache(inner, fresh, LRU(fresh, 10))

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
    assert state.freshness.generation == 1
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


def test_a_post_does_not_wait_for_cached_responses_to_be_re_rendered(writable, monkeypatch):
    import time

    from tidings.web import api

    client, state = writable
    slow = {"on": False}
    real = api.list_articles

    def list_articles(store, **kw):
        if slow["on"]:
            time.sleep(1.5)
        return real(store, **kw)

    list_articles.__qualname__ = "slow_list_articles"
    monkeypatch.setattr(api, "list_articles", list_articles)
    client.get("/api/articles?limit=5")
    slow["on"] = True
    began = time.monotonic()
    r = client.post("/api/articles", headers={"Authorization": "Bearer t"}, json={"text": "A new bridge opened."})
    took = time.monotonic() - began
    assert r.status_code == 201 and took < 1.0, took  # the re-rendering (1.5 s) goes on after the answer
    assert "new0" in {a["id"] for a in client.get("/api/articles?limit=5").json()["items"]}
