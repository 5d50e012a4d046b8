"""A small store for the web tests: hand-built articles (one hostile), plus the analyzed demo for the browser."""
from __future__ import annotations

import pytest

from tidings.store import open_store
from tidings.store.testing import build_article

XSS = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">'
ATTR = '" onmouseover="window.__xss=3" data-x="'


def hand_built():
    call = build_article(
        "call1", "Biden held a video call with Putin on Tuesday. Biden said: \u201cWe will respond.\u201d",
        published="2021-12-07", source="Wire A", url="https://example.org/a",
        entities=(("E1", "Biden", "PERSON", "USAGOV", "USA"), ("E2", "Putin", "PERSON", "RUSGOV", "RUS")),
        events=(("V1", "USAGOV", "RUSGOV", "video call", "040", {"goldstein": 1.0, "quad_class": 1}),
                ("V2", "USAGOV", "RUSGOV", "will respond", "138", {"goldstein": -7.0, "quad_class": 3,
                                                                  "modality": "conditional"})),
        places=(("P1", "Putin", "Moscow", 55.75, 37.62, "RUS"),),
        quotes=(("Q1", "We will respond.", "E1", "said"),))
    troops = build_article(
        "troops1", "Russia moved troops to the border with Ukraine on Wednesday.", published="2021-12-08",
        source="Wire B", entities=(("E1", "Russia", "PLACE", "RUS", "RUS"), ("E2", "Ukraine", "PLACE", "UKR", "UKR")),
        events=(("V1", "RUSMIL", "UKR", "moved troops", "154", {"goldstein": -7.2, "quad_class": 4}),),
        places=(("P1", "Ukraine", "Ukraine", 49.0, 32.0, "UKR"),))
    text = f"Hostile {XSS} text. The mayor said {ATTR} loudly."
    hostile = build_article("hostile1", text, published="2021-12-09", source=XSS,
                            entities=(("E1", "mayor", "PERSON", None, None),),
                            quotes=(("Q1", ATTR, "E1", "said"),))
    hostile.title = XSS + ATTR
    return [call, troops, hostile]


@pytest.fixture(scope="session")
def payloads() -> tuple[str, str]:
    return XSS, ATTR


@pytest.fixture(scope="session")
def web_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("web") / "web.duckdb"
    with open_store(path) as store:
        store.write_articles(hand_built())
    return str(path)


@pytest.fixture()
def client(web_db):
    from fastapi.testclient import TestClient

    from tidings.web.app import create_app

    with TestClient(create_app(web_db, token="test-token")) as c:
        yield c


@pytest.fixture(scope="module")
def fresh_client(tmp_path_factory):
    """A client over the hand-built store alone, for counting tests (the shared store gains the demo article
    in the browser tests)."""
    from fastapi.testclient import TestClient

    from tidings.web.app import create_app

    path = tmp_path_factory.mktemp("fresh") / "fresh.duckdb"
    with open_store(path) as store:
        store.write_articles(hand_built())
    with TestClient(create_app(str(path))) as c:
        yield c
