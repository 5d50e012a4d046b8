"""Browse everything: offset paging in SQL with a total, sorting, CSV export equal to the JSON, the list pages."""
from __future__ import annotations

import csv
import io

import pytest

from .synthetic import synthetic_store

N_ARTICLES, PER, UNDATED = 120, 3, 4  # 360 events, 124 articles, 124 quotes
LISTS = {"/api/events": {"dyad": "USA-RUS"}, "/api/articles": {"source": "Wire A"}, "/api/quotes": {"speaker": "Officials"},
         "/api/actors": {}}


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    from fastapi.testclient import TestClient

    from tidings.web.app import create_app

    db = synthetic_store(tmp_path_factory.mktemp("lists") / "big.duckdb", N_ARTICLES, PER, UNDATED)
    with TestClient(create_app(db)) as c:
        yield c


def _all(client, path, **params):
    items, offset = [], 0
    while True:
        body = client.get(path, params={**params, "limit": 50, "offset": offset}).json()
        items += body["items"]
        if not body["more"]:
            return items, body
        offset += 50


@pytest.mark.parametrize("path", sorted(LISTS))
def test_every_list_has_a_total_and_pages_cover_it_once(big, path):
    first = big.get(path, params={**LISTS[path], "limit": 7}).json()
    items, last = _all(big, path, **LISTS[path])
    assert first["total"] == len(items) == last["total"] and first["more"] is (first["total"] > 7)
    assert last["more"] is False and last["offset"] + last["count"] == last["total"]
    keys = [tuple(sorted((k, str(v)) for k, v in row.items())) for row in items]
    assert len(set(keys)) == len(keys)  # ties (many events on one day) never repeat a row across pages


def test_event_paging_goes_past_300_with_the_total(big):
    body = big.get("/api/events", params={"dyad": "USA-RUS", "limit": 50, "offset": 340}).json()
    assert body["total"] == N_ARTICLES * PER == 360 and body["count"] == 20 and body["more"] is False
    assert body["items"][-1]["event_date"] == "2020-01-01"


def test_offset_and_limit_are_in_the_sql(big, monkeypatch):
    """The rows of one page come from the database (LIMIT/OFFSET), and the total from a COUNT query."""
    store = big.app.state.tidings.store
    seen = []
    real_select = store._select
    monkeypatch.setattr(store, "_select", lambda sql, params=(): (seen.append((sql, list(params))), real_select(sql, params))[1])
    body = big.get("/api/events", params={"actor": "USA", "limit": 5, "offset": 205}).json()
    page_sql = [(s, p) for s, p in seen if "FROM events" in s and "LIMIT" in s]
    assert page_sql and "LIMIT ? OFFSET ?" in page_sql[0][0] and page_sql[0][1][-2:] == [5, 205]
    assert any(s.startswith("SELECT count(*)") for s, _ in seen)
    assert body["count"] == 5 and body["total"] == 360


def test_articles_include_undated_ones_and_sort_by_date_source_title(big):
    newest = big.get("/api/articles", params={"limit": 1}).json()
    assert newest["total"] == N_ARTICLES + UNDATED and newest["items"][0]["published"] == "2020-04-29"
    items, _ = _all(big, "/api/articles")
    assert [a["published"] for a in items[-UNDATED:]] == [None] * UNDATED  # undated last, not dropped
    oldest = big.get("/api/articles", params={"sort": "date", "limit": 1}).json()["items"][0]
    assert oldest["published"] == "2020-01-01"
    titles = [a["title"] for a in _all(big, "/api/articles", sort="title")[0]]
    assert titles == sorted(titles)
    sources = [a["source_name"] for a in _all(big, "/api/articles", sort="-source")[0]]
    assert sources == sorted(sources, reverse=True)


def test_article_filters_by_source_and_date_range(big):
    body = big.get("/api/articles", params={"source": "Wire B", "since": "2020-01-01", "until": "2020-01-10"}).json()
    assert body["total"] == 3 and {a["source_name"] for a in body["items"]} == {"Wire B"}
    assert {a["published"] for a in body["items"]} == {"2020-01-02", "2020-01-05", "2020-01-08"}


def test_events_sort_by_a_fixed_list_only(big):
    values = [e["goldstein"] for e in big.get("/api/events", params={"sort": "goldstein", "limit": 500}).json()["items"]]
    assert values == sorted(values) and values[0] < values[-1]
    down = [e["goldstein"] for e in big.get("/api/events", params={"sort": "-goldstein", "limit": 500}).json()["items"]]
    assert down == sorted(values, reverse=True)
    for path, bad in (("/api/events", "goldstein; DROP TABLE events"), ("/api/events", "e.id"), ("/api/articles", "cameo")):
        r = big.get(path, params={"sort": bad})
        assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_parameter"
        assert "sort" in r.json()["error"]["message"]
    assert big.get("/events", params={"sort": "nope"}).status_code == 422


def _csv_rows(response):
    return list(csv.DictReader(io.StringIO(response.text)))


def _as_cells(item: dict) -> dict:
    def cell(v):
        return "" if v is None else ("true" if v is True else "false" if v is False else str(v))
    return {k: cell(v) for k, v in item.items()}


@pytest.mark.parametrize("path", sorted(LISTS))
def test_csv_equals_the_json_of_the_same_filter(big, path):
    params = {**LISTS[path], "limit": 40, "offset": 3}
    as_json = big.get(path, params=params).json()["items"]
    r = big.get(path, params={**params, "format": "csv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert r.headers["content-disposition"].startswith("attachment;")
    rows = _csv_rows(r)
    assert len(rows) == len(as_json) > 0
    assert rows == [_as_cells(item) for item in as_json]
    assert list(rows[0]) == list(as_json[0])  # the same columns, in the same order


def test_csv_has_a_header_even_when_nothing_matches_and_format_is_checked(big):
    r = big.get("/api/events", params={"actor": "ZZZ", "format": "csv"})
    assert r.text.splitlines()[0].startswith("article_id,event_id,event_date") and len(r.text.splitlines()) == 1
    bad = big.get("/api/events", params={"format": "xml"})
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "invalid_parameter"


def test_format_and_sort_are_part_of_the_cache_key(big):
    """Both are declared on the routes, so a cached JSON answer is never served for the CSV, nor one order for another."""
    for _ in range(2):
        assert big.get("/api/quotes?limit=3").headers["content-type"].startswith("application/json")
        assert big.get("/api/quotes?limit=3&format=csv").headers["content-type"].startswith("text/csv")
    first = big.get("/api/events?limit=1&sort=goldstein").json()["items"][0]["goldstein"]
    last = big.get("/api/events?limit=1&sort=-goldstein").json()["items"][0]["goldstein"]
    assert first < last


def test_events_page_counts_and_links_to_the_next_page(big):
    page = big.get("/events", params={"dyad": "USA-RUS"}).text
    assert "360 events where dyad is USA-RUS" in page and "showing 1–100 of 360" in page
    assert 'href="/events?dyad=USA-RUS&amp;offset=100"' in page and 'class="prev"' not in page
    assert page.count('<tr><td>2020-') == 100
    last = big.get("/events", params={"dyad": "USA-RUS", "offset": 300}).text
    assert "showing 301–360 of 360" in last and 'class="next"' not in last
    assert 'href="/events?dyad=USA-RUS&amp;offset=200"' in last and last.count('<tr><td>2020-') == 60
    assert 'href="/api/events?dyad=USA-RUS&amp;sort=-date&amp;limit=100&amp;offset=300&amp;format=csv"' in last


def test_articles_and_quotes_pages(big):
    page = big.get("/articles", params={"source": "Wire U"}).text
    assert "4 articles where source is Wire U" in page and page.count(">undated<") == 4
    assert 'href="/api/articles?source=Wire+U&amp;sort=-date&amp;limit=100&amp;offset=0&amp;format=csv"' in page
    titled = big.get("/articles", params={"sort": "title", "limit": 2}).text
    assert titled.index("Title 00001") < titled.index("Title 00002") and "title ▲" in titled
    quotes = big.get("/quotes", params={"q": "Item 7 stands"}).text
    assert "1 quote where text contains Item 7 stands" in quotes and "Item 7 stands." in quotes
    assert big.get("/quotes", params={"speaker": "Nobody"}).status_code == 200
    assert big.get("/articles", params={"since": "2020-02-30"}).status_code == 422


def test_list_pages_escape_stored_text(client, payloads):
    XSS, ATTR = payloads
    for path in ("/articles", "/quotes", f"/articles?source={XSS}"):
        page = client.get(path).text
        assert "<script>window.__xss" not in page and 'onmouseover="window' not in page, path


@pytest.mark.parametrize("kind", ["duckdb", "postgres"])
def test_counts_offsets_and_sorts_on_both_backends(kind, tmp_path):
    from tidings.corpus.queries import (count_actors, count_articles, count_events, count_quotes, find_actors,
                                        find_events, list_articles)
    from tidings.store.testing import fresh_store

    from .synthetic import many_events

    with fresh_store(kind, tmp_path) as store:
        store.write_articles(many_events(40, 3, undated=3), dedup=False)
        assert count_events(store, dyad="USA-RUS") == 120 and count_quotes(store) == 43
        assert count_articles(store) == 43 and count_articles(store, since="2020-01-01") == 40
        assert count_actors(store) == len(find_actors(store, limit=500)) == 10
        tail = find_events(store, dyad="USA-RUS", limit=10, offset=115)
        assert len(tail) == 5 and tail[-1]["event_date"].isoformat() == "2020-01-01"
        every = [(e["article_id"], e["event_id"]) for o in range(0, 120, 7) for e in find_events(store, limit=7, offset=o)]
        assert len(set(every)) == 120
        undated_last = list_articles(store, limit=3, offset=40)
        assert [a["published"] for a in undated_last] == [None] * 3
        assert [a["published"] for a in list_articles(store, sort="date", limit=43)][-3:] == [None] * 3  # nulls last both ways
        titles = [a["title"] for a in list_articles(store, sort="-title", limit=43)]
        assert titles == sorted(titles, reverse=True)


def test_filtering_keeps_the_chosen_order_and_the_overview_links_the_lists(big):
    page = big.get("/articles", params={"sort": "title"}).text
    assert '<input type="hidden" name="sort" value="title">' in page
    assert '<input type="hidden" name="sort"' not in big.get("/articles").text
    assert '<input type="hidden" name="sort" value="-goldstein">' in big.get("/events?sort=-goldstein").text
    overview = big.get("/").text
    assert 'href="/articles">all 124 articles' in overview and 'href="/quotes">all 124 quotes' in overview
