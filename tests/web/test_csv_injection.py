"""CSV downloads cannot carry spreadsheet formulas (issue #19 item 2): a text cell starting with = + - @, a tab
or a carriage return gets a leading apostrophe; numbers stay numbers."""
from __future__ import annotations

import csv
import io

import pytest

from tidings.web.export import csv_text

HOSTILE = ["=HYPERLINK(\"http://x.example\",\"click\")", "+1+2", "-2+3", "@SUM(A1:A2)", "\tTAB", "\rCR"]


def test_formula_cells_are_neutralised_and_numbers_kept():
    rows = [{"text": t, "n": -7.5, "ok": "plain = text"} for t in HOSTILE]
    out = list(csv.reader(io.StringIO(csv_text(rows, ("text", "n", "ok")))))
    assert [r[0] for r in out[1:]] == ["'" + t for t in HOSTILE]
    assert {r[1] for r in out[1:]} == {"-7.5"} and {r[2] for r in out[1:]} == {"plain = text"}


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from fastapi.testclient import TestClient

    from tidings.store import open_store
    from tidings.store.testing import build_article
    from tidings.web.app import create_app

    record = build_article("evil", "The mayor said: \u201c=cmd|' /C calc'!A0\u201d and left.", published="2022-01-01",
                           source="@evil source", entities=(("E1", "mayor", "PERSON", None, None),),
                           quotes=(("Q1", "=cmd|' /C calc'!A0", "E1", "said"),),
                           events=(("V1", "USAGOV", "RUSGOV", "left", "040", {"goldstein": -7.0, "quad_class": 1}),))
    record.title = "=1+1"
    path = tmp_path_factory.mktemp("csvinj") / "csv.duckdb"
    with open_store(path) as store:
        store.write_articles([record])
    with TestClient(create_app(str(path))) as c:
        yield c


def test_downloads_from_the_api_are_neutralised(client):
    articles = list(csv.DictReader(io.StringIO(client.get("/api/articles?format=csv").text)))
    assert articles[0]["title"] == "'=1+1" and articles[0]["source_name"] == "'@evil source"
    quotes = list(csv.DictReader(io.StringIO(client.get("/api/quotes?format=csv").text)))
    assert quotes[0]["text"] == "'=cmd|' /C calc'!A0"
    events = list(csv.DictReader(io.StringIO(client.get("/api/events?format=csv").text)))
    assert events[0]["goldstein"] == "-7.0" and events[0]["title"] == "'=1+1"
    assert client.get("/api/articles").json()["items"][0]["title"] == "=1+1"  # JSON is left as stored
