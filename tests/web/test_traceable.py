"""Every event traceable to its sentence, actors with names (issue 19, items 5 and 6)."""
from __future__ import annotations

import re

import pytest

from tidings.record import Sentence
from tidings.store import open_store
from tidings.store.testing import build_article

from .conftest import XSS

FIRST = "Nothing happened on Monday."
SECOND = f"Then Ankara <b>warned</b> Athens {XSS} over the islands."


def _records():
    text = f"{FIRST} {SECOND}"
    warn = build_article("warn1", text, published="2022-03-01", source="Wire T",
                         events=(("V1", "TUR", "GRC", "warned", "130", {"goldstein": -4.0, "quad_class": 3,
                                                                         "sentence": 1}),
                                 ("V2", "TUR", "GRC", "warned", "138", {"goldstein": -7.0, "quad_class": 4,
                                                                         "sentence": 1})))
    warn.title = "Ankara warns Athens"
    warn.sentences = [Sentence(start=0, end=len(FIRST)), Sentence(start=len(FIRST) + 1, end=len(text))]
    un = build_article("un1", "The UN sent aid to Athens.", published="2022-03-02", source="Wire T",
                       events=(("V1", "IGOUNOWFP", "GRC", "sent aid", "070", {"goldstein": 7.0, "quad_class": 2}),))
    return [warn, un]


@pytest.fixture(scope="module")
def tclient(tmp_path_factory):
    from fastapi.testclient import TestClient

    from tidings.web.app import create_app

    path = tmp_path_factory.mktemp("trace") / "trace.duckdb"
    with open_store(path) as store:
        store.write_articles(_records())
    with TestClient(create_app(str(path))) as c:
        yield c


def _sentence_links(html: str) -> list[tuple[str, str]]:
    return re.findall(r'<a class="sentence" href="([^"]+)">(.*?)</a>', html, re.S)


def test_event_rows_show_their_own_sentence_with_the_action_marked_and_escaped(tclient):
    html = tclient.get("/events?actor=TUR").text
    links = dict(_sentence_links(html))
    assert set(links) == {"/articles/warn1#V1", "/articles/warn1#V2"}
    shown = links["/articles/warn1#V1"]
    assert "<mark>warned</mark>" in shown  # the action, marked (inside the escaped <b>…</b> of the text)
    assert "Then Ankara &lt;b&gt;<mark>warned</mark>&lt;/b&gt; Athens &lt;script&gt;" in shown
    assert "<script>" not in html and "<b>" not in html and "onerror=\"" not in html
    assert "Nothing happened" not in shown  # the event's sentence (record.sentences[1]), not the article


def test_the_actor_page_events_show_sentence_goldstein_date_and_article(tclient):
    html = tclient.get("/actors/TUR").text
    table = html[html.index("Events by and against"):]
    assert "<th>Goldstein</th>" in table and "<th>date</th>" in table and "<th>article</th>" in table
    assert "-4.0" in table and "-7.0" in table and "2022-03-01" in table
    assert '<a href="/articles/warn1">Ankara warns Athens</a>' in table
    assert dict(_sentence_links(table))["/articles/warn1#V2"].count("<mark>warned</mark>") == 1


def test_each_event_has_one_element_with_its_id_in_the_article(tclient):
    html = tclient.get("/articles/warn1").text
    # two events on the same words: one piece carries V1, an anchor around it carries V2
    assert html.count('id="V1"') == 1 and html.count('id="V2"') == 1
    assert re.search(r'<span class="anchor" id="V2"><span id="V1" class="mark [^"]*event', html)
    assert 'href="#V1"' in html  # the sidebar's events link to their place in the text


def test_sentences_for_events_no_longer_stored_are_left_out(tmp_path):
    from tidings.corpus.queries import event_sentences

    with open_store(tmp_path / "s.duckdb") as store:
        store.write_articles(_records())
        got = event_sentences(store, (("warn1", "V1"), ("warn1", "V9"), ("gone", "V1"), ("un1", "V1")))
    assert got == {("warn1", "V1"): ("Then Ankara <b>", "warned", f"</b> Athens {XSS} over the islands."),
                   ("un1", "V1"): ("The UN ", "sent aid", " to Athens.")}


@pytest.mark.parametrize("code, title", [("USA", "United States — USA"), ("RUS", "Russia — RUS"),
                                         ("tur", "Turkey — TUR"), ("IGOUNOWFP", "World Food Program — IGOUNOWFP"),
                                         ("IGOUNO", "United Nations — IGOUNO")])
def test_actor_pages_are_titled_with_the_name(tclient, code, title):
    page = tclient.get(f"/actors/{code}")
    assert page.status_code == 200
    assert f"<h1>{title}</h1>" in page.text and f"<title>{title} · tidings</title>" in page.text


def test_an_unknown_actor_code_is_the_404_page(tclient):
    page = tclient.get("/actors/ZZZQQ")
    assert page.status_code == 404 and "text/html" in page.headers["content-type"]
    assert "<h1>404</h1>" in page.text and 'class="error"' in page.text and "ZZZQQ" in page.text
