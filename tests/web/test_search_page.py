"""/search (issue #19 item 3): whole words, best matches first, a snippet with the hit marked, a count per
section and a "more" link to the whole section."""
from __future__ import annotations

import re

import pytest


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from fastapi.testclient import TestClient

    from tidings.store import open_store
    from tidings.store.testing import build_article
    from tidings.web.app import create_app

    records = []
    for i in range(24):  # grain once, deep in the text
        text = f"Filler {i}. " + "Nothing here. " * 20 + "Ships carried grain on Monday."
        r = build_article(f"ship{i:02d}", text, published=f"2022-01-{i + 1:02d}")
        r.title = f"Shipping note {i}"
        records.append(r)
    head = build_article("head", "Grain exports resumed. The grain deal holds, officials said: \u201cgrain deal.\u201d",
                         published="2021-06-01", entities=(("E1", "officials", "PERSON", None, None),),
                         quotes=(("Q1", "grain deal.", "E1", "said"),))
    head.title = "Grain deal holds"
    sub = build_article("sub", "Grainger and Ingrain met; granary talks.", published="2022-03-01")
    sub.title = "Grainger meets"
    records += [head, sub]
    path = tmp_path_factory.mktemp("search") / "search.duckdb"
    with open_store(path) as store:
        store.write_articles(records, dedup=False)
    with TestClient(create_app(str(path))) as c:
        yield c


def _hits(page: str, section: str) -> list[str]:
    block = re.search(rf'<section class="results" id="{section}">(.*?)</section>', page, re.S).group(1)
    return re.findall(r'<li><a href="/articles/([^"#]+)"', block)


def test_whole_words_only_and_best_first(client):
    page = client.get("/search?q=grain").text
    hits = _hits(page, "articles")
    assert hits[0] == "head"  # in the title and three times in the text, though oldest
    assert "sub" not in hits  # Grainger, Ingrain, granary: not the word
    assert '<span class="count muted">25</span>' in page and len(hits) == 20
    assert 'href="/search?q=grain&amp;section=articles">all 25 articles →' in page
    everything = client.get("/search?q=grain&section=articles").text
    assert len(_hits(everything, "articles")) == 25 and 'id="quotes"' not in everything


def test_snippets_mark_the_words(client):
    page = client.get("/search?q=grain+deal").text
    assert _hits(page, "articles") == ["head"]
    assert '<mark>grain</mark> <mark>deal</mark>' in page
    quotes = re.search(r'<section class="results" id="quotes">(.*?)</section>', page, re.S).group(1)
    assert 'href="/articles/head#Q1"' in quotes and '<span class="count muted">1</span>' in page
    assert "<mark>Grain</mark>" in client.get("/search?q=GRAIN").text  # any case


def test_ship_snippets_are_cut_around_the_hit(client):
    page = client.get("/search?q=ships").text
    snippet = re.search(r'<span class="snippet">(.*?)</span>', page).group(1)
    assert snippet.startswith("…") and "<mark>Ships</mark> carried grain" in snippet
    assert len(re.sub("<[^>]+>", "", snippet)) < 200


def test_the_api_search_is_the_pages_search(client):
    found = client.get("/api/search", params={"q": "grain"}).json()
    ids = [a["id"] for a in found["articles"]]
    assert "sub" not in ids and ids[0] == "head", ids  # whole words ("Grainger" is not grain), best first
    assert found["totals"]["articles"] == 25 and len(ids) == 20
    assert any(hit for piece, hit in found["articles"][0]["snippet"])  # the hit is marked in the snippet
    assert [q["quote_id"] for q in found["quotes"]] == ["Q1"]
