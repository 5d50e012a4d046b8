import pytest

INJECTIONS = ["' OR 1=1 --", "USA'; DROP TABLE events; --", "%' UNION SELECT record FROM articles --", "\\x00", "🙂" * 50]


def test_article_list_and_one_record(client):
    r = client.get("/api/articles")
    assert r.status_code == 200
    body = r.json()
    assert {a["id"] for a in body["items"]} == {"call1", "troops1", "hostile1"}
    one = client.get("/api/articles/call1").json()
    assert one["quotes"][0]["text"] == "We will respond." and one["events"][0]["cameo"] == "040"
    assert client.get("/api/articles?limit=1").json()["more"] is True


def test_missing_article_is_a_json_404(client):
    r = client.get("/api/articles/nope")
    assert r.status_code == 404 and r.json()["error"]["message"] == "no article 'nope'"


def test_event_filters(client):
    assert [e["cameo"] for e in client.get("/api/events?dyad=USA-RUS").json()["items"]] == ["138", "040"] or \
        sorted(e["cameo"] for e in client.get("/api/events?dyad=USA-RUS").json()["items"]) == ["040", "138"]
    assert [e["cameo"] for e in client.get("/api/events?root=15").json()["items"]] == ["154"]
    assert [e["cameo"] for e in client.get("/api/events?dyad=USA-RUS&modality=conditional").json()["items"]] == ["138"]
    assert client.get("/api/events?actor=UKR").json()["count"] == 1
    assert client.get("/api/events?root=ab").status_code == 422
    assert client.get("/api/events?limit=100000").status_code == 422


def test_quotes_actors_series_search(client):
    quotes = client.get("/api/quotes?speaker=Biden").json()["items"]
    assert [q["text"] for q in quotes] == ["We will respond."]
    names = {a["name"] for a in client.get("/api/actors").json()["items"]}
    assert {"Biden", "Putin"} <= names
    series = client.get("/api/series?dyad=USA-RUS&modality=asserted").json()["items"]
    assert series and series[0]["period"] == "2021-12-07" and series[0]["verbal_coop"] == 1
    missing = client.get("/api/series")
    assert missing.status_code == 422 and missing.json()["error"]["code"] == "invalid_parameter"
    found = client.get("/api/search?q=Putin").json()
    assert any(a["id"] == "call1" for a in found["articles"])


@pytest.mark.parametrize("payload", INJECTIONS)
def test_injection_strings_return_empty_not_errors(client, payload):
    for path in ("/api/events", "/api/quotes", "/api/actors", "/api/articles"):
        key = {"/api/events": "actor", "/api/quotes": "speaker", "/api/actors": "name", "/api/articles": "q"}[path]
        r = client.get(path, params={key: payload})
        assert r.status_code == 200, (path, r.text)
        assert r.json()["items"] == []
    assert client.get("/api/events", params={"dyad": "USA-RUS"}).json()["count"] == 2  # nothing was dropped


def test_writes_need_the_token(client):
    body = {"text": "The mayor of Springfield said on Friday that the bridge would reopen in May.", "published": "2024-05-03"}
    assert client.post("/api/articles", json=body).status_code == 401
    assert client.post("/api/articles", json=body, headers={"Authorization": "Bearer wrong"}).status_code == 401
    r = client.post("/api/articles", json=body, headers={"Authorization": "Bearer test-token"})
    assert r.status_code == 201, r.text
    aid = r.json()["id"]
    assert r.json()["stored"] is True
    again = client.post("/api/articles", json=body, headers={"Authorization": "Bearer test-token"}).json()
    assert again["duplicate"] is True and again["id"] == aid
    assert client.get(f"/api/articles/{aid}").json()["published"] == "2024-05-03"


def test_writes_refused_without_a_configured_token(web_db):
    from fastapi.testclient import TestClient

    from tidings.web.app import create_app

    with TestClient(create_app(web_db, token="")) as c:
        r = c.post("/api/articles", json={"text": "x"}, headers={"Authorization": "Bearer "})
        assert r.status_code == 403 and "TIDINGS_TOKEN" in r.json()["error"]["message"]


def test_oversize_bodies_are_refused(client):
    big = b"{" + b" " * 2_100_000 + b"}"
    r = client.post("/api/articles", content=big, headers={"Authorization": "Bearer test-token",
                                                           "Content-Type": "application/json"})
    assert r.status_code == 413


def test_pages_render_and_escape_stored_text(client, payloads):
    XSS, ATTR = payloads
    for path in ("/", "/articles/call1", "/events?dyad=USA-RUS", "/actors/USA", "/map", "/search?q=Biden"):
        assert client.get(path).status_code == 200, path
    page = client.get("/articles/hostile1").text
    assert XSS not in page and "<script>window.__xss" not in page
    assert ATTR not in page and 'onmouseover="window' not in page
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in page
    overview = client.get("/").text
    assert "<script>window.__xss" not in overview
    assert client.get("/nope").status_code == 404


def test_timeline_chart_has_bars(client):
    page = client.get("/events?dyad=USA-RUS").text
    assert page.count('<a class="bar"') >= 1 and 'class="seg q' in page and 'class="goldstein' in page
