"""The server under attack (issue 22) and a new user's first hour with it (issue 23): each test failed before its fix."""
from __future__ import annotations

import asyncio
import json
import logging

import pytest

from tidings.store import open_store
from tidings.store.testing import build_article

from .conftest import hand_built

AUTH = {"Authorization": "Bearer test-token"}


async def _asgi(app, method: str, path: str, chunks, headers=(), query: bytes = b""):
    """Call the ASGI app directly; `chunks` is an iterator of body chunks. (status, body, chunks read)."""
    read = 0
    sent: list[dict] = []

    async def receive():
        nonlocal read
        chunk = next(chunks, None)
        if chunk is None:
            return {"type": "http.request", "body": b"", "more_body": False}
        read += 1
        return {"type": "http.request", "body": chunk, "more_body": True}

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method, "path": path,
             "raw_path": path.encode(), "root_path": "", "scheme": "http", "query_string": query,
             "headers": [(k.lower(), v) for k, v in headers], "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 80)}
    await app(scope, receive, send)
    start = next(m for m in sent if m["type"] == "http.response.start")
    return start["status"], b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body"), read


def _endless(size: int = 65536):
    while True:
        yield b" " * size


# ---- 22.1: chunked bodies, and the token before the body ------------------------------------------------------

def test_a_chunked_body_is_counted_and_refused_past_the_limit(client):
    app = client.app
    headers = [(b"authorization", b"Bearer test-token"), (b"content-type", b"application/json"),
               (b"transfer-encoding", b"chunked")]
    status, body, read = asyncio.run(_asgi(app, "POST", "/api/articles", _endless(), headers))
    assert status == 413 and json.loads(body)["error"]["code"] == "body_too_large"
    assert read * 65536 <= app.state.tidings.max_body + 65536  # stopped at the limit, not at the end of the stream


def test_the_token_is_checked_before_any_of_the_body_is_read(client):
    headers = [(b"content-type", b"application/json"), (b"transfer-encoding", b"chunked")]
    status, body, read = asyncio.run(_asgi(client.app, "POST", "/api/articles", _endless(), headers))
    assert status == 401 and read == 0
    wrong = [*headers, (b"authorization", b"Bearer nope")]
    assert asyncio.run(_asgi(client.app, "POST", "/api/articles", _endless(), wrong))[::2] == (401, 0)


def test_a_body_that_does_not_arrive_in_time_is_408(web_db, monkeypatch):
    from tidings.web import app as app_module

    monkeypatch.setattr(app_module, "BODY_SECONDS", 0.3)
    app = app_module.create_app(web_db, token="t")

    async def main():
        sent = []

        async def receive():
            if not sent:
                sent.append(1)
                return {"type": "http.request", "body": b"{", "more_body": True}
            await asyncio.sleep(5)

        out = []

        async def send(message):
            out.append(message)

        scope = {"type": "http", "method": "POST", "path": "/api/articles", "query_string": b"", "root_path": "",
                 "headers": [(b"authorization", b"Bearer t")], "scheme": "http", "http_version": "1.1"}
        await app(scope, receive, send)
        return out[0]["status"]

    assert asyncio.run(asyncio.wait_for(main(), 3)) == 408


# ---- 22.8: a non-ASCII bearer token ----------------------------------------------------------------------------

def test_a_non_ascii_token_is_a_401_not_a_500(client):
    body = {"text": "The mayor said the bridge would reopen."}
    for token in ("Bearer cl\u00e9".encode("utf-8"), b"Bearer \xff\xfe", "Bearer ключ".encode("utf-8")):
        r = client.post("/api/articles", json=body, headers={"Authorization": token})
        assert r.status_code == 401, (token, r.status_code)
        assert r.json()["error"]["code"] == "unauthorized"


def test_a_non_ascii_configured_token_matches_its_utf8_bytes():
    from tidings.web.guard import token_matches

    assert token_matches("Bearer clé".encode("utf-8"), "clé")
    assert not token_matches("Bearer cle".encode("utf-8"), "clé")
    assert not token_matches(b"Bearer \xff", "clé") and not token_matches(None, "x") and not token_matches(b"x", "x")


# ---- 22.7: dates ------------------------------------------------------------------------------------------------

DATED = ["/api/articles", "/api/events", "/api/quotes", "/api/actors", "/api/series?dyad=USA-RUS"]


@pytest.mark.parametrize("path", DATED)
@pytest.mark.parametrize("name", ["since", "until"])
@pytest.mark.parametrize("value", ["2022-02-30", "garbage", "2022-13-01", "20220201"])
def test_a_bad_date_is_a_json_422_with_no_log(client, caplog, path, name, value):
    sep = "&" if "?" in path else "?"
    with caplog.at_level(logging.INFO):
        r = client.get(f"{path}{sep}{name}={value}")
    assert r.status_code == 422, (path, r.status_code, r.text[:200])
    error = r.json()["error"]
    assert error["status"] == 422 and error["code"] == "invalid_parameter" and name in error["message"]
    assert len([x for x in caplog.records if not x.name.startswith("httpx")]) <= 1


def test_good_dates_still_filter(client):
    found = {a["id"] for a in client.get("/api/articles?since=2021-12-08").json()["items"]}
    assert {"troops1", "hostile1"} <= found and "call1" not in found
    assert "troops1" not in {e["article_id"] for e in client.get("/api/events?until=2021-12-07").json()["items"]}
    assert client.get("/api/articles?since=").status_code == 200  # an empty form field means no filter


@pytest.mark.parametrize("value", ["2022-02-30", "nope"])
def test_a_bad_date_on_a_page_is_an_error_page_with_422(client, value):
    r = client.get(f"/events?since={value}")
    assert r.status_code == 422 and "text/html" in r.headers["content-type"] and "since" in r.text
    assert client.get("/events?since=&until=&dyad=&q=").status_code == 200  # the empty form


def test_an_unexpected_error_is_one_log_line_and_a_json_500(web_db, monkeypatch, caplog):
    from fastapi.testclient import TestClient

    from tidings.web import api
    from tidings.web.app import create_app

    def broken(store, **kw):
        raise RuntimeError("boom with a secret value")

    monkeypatch.setattr(api, "find_quotes", broken)
    with TestClient(create_app(web_db, token="t")) as c, caplog.at_level(logging.INFO):
        r = c.get("/api/quotes?speaker=x")
    assert r.status_code == 500 and r.json()["error"]["code"] == "internal_error"
    server_lines = [x for x in caplog.records if not x.name.startswith("httpx")]  # (the test client logs too)
    assert len(server_lines) == 1 and "secret" not in caplog.text


# ---- 22.13: security headers, HEAD ---------------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/", "/api/articles", "/articles/call1", "/docs", "/nope"])
def test_every_answer_has_the_security_headers(client, path):
    for _ in range(2):  # the second is served from the cache
        r = client.get(path)
        assert "default-src 'self'" in r.headers["content-security-policy"]
        assert r.headers["x-content-type-options"] == "nosniff" and r.headers["x-frame-options"] == "DENY"
    if path != "/docs":
        assert "script-src 'self';" in r.headers["content-security-policy"]  # no inline script on our pages


def test_head_is_answered_like_get_without_a_body(client):
    for path in ("/", "/api/articles", "/articles/call1"):
        r = client.head(path)
        assert r.status_code == 200 and r.content == b"", path
        assert int(r.headers["content-length"]) == len(client.get(path).content)


# ---- 23: ids with "/", one error shape, OpenAPI, offline docs, no empty actor links --------------------------------

@pytest.fixture()
def odd_client(tmp_path):
    """A store whose ids contain "/" (as `--field id=doc` gives for sport/424.txt), and events without actor codes."""
    from fastapi.testclient import TestClient

    from tidings.web.app import create_app

    path = tmp_path / "odd.duckdb"
    slash = build_article("sport/424.txt", "Arsenal beat Chelsea on Sunday, the club said.", published="2024-01-07",
                          events=(("V1", None, None, "beat", "190"),))
    odd = build_article("a b?c#d%", "The council met the union on Monday.", published="2024-01-08",
                        events=(("V1", "GBRGOV", None, "met", "040"),))
    with open_store(path) as store:
        store.write_articles([*hand_built(), slash, odd])
    with TestClient(create_app(str(path), token="t")) as c:
        yield c


def test_ids_with_a_slash_open_in_the_api_and_the_dashboard(odd_client):
    for path in ("/api/articles/sport/424.txt", "/api/articles/sport%2F424.txt"):
        r = odd_client.get(path)
        assert r.status_code == 200 and r.json()["id"] == "sport/424.txt", path
    assert odd_client.get("/articles/sport/424.txt").status_code == 200
    assert odd_client.get("/articles/sport%2F424.txt").status_code == 200
    assert odd_client.get("/api/articles/a%20b%3Fc%23d%25").json()["id"] == "a b?c#d%"
    page = odd_client.get("/events").text
    assert 'href="/articles/sport/424.txt"' in page and 'href="/articles/a%20b%3Fc%23d%25"' in page
    assert odd_client.get("/api/articles/sport/425.txt").status_code == 404


def test_no_empty_actor_links(odd_client):
    for path in ("/events", "/search?q=Arsenal", "/actors/GBR", "/"):
        page = odd_client.get(path).text
        assert 'href="/actors/"' not in page, path
    assert 'href="/actors/GBRGOV"' in odd_client.get("/events").text


@pytest.mark.parametrize("method,path,status", [("GET", "/api/articles/nope", 404), ("GET", "/api/events?limit=0", 422),
                                                ("GET", "/api/events?root=ab", 422), ("GET", "/api/series", 422),
                                                ("GET", "/api/series?dyad=USARUS", 422), ("GET", "/api/nope", 404),
                                                ("POST", "/api/articles", 401), ("DELETE", "/api/articles", 401),
                                                ("GET", "/api/search", 422)])
def test_one_error_shape_everywhere(client, method, path, status):
    r = client.request(method, path)
    assert r.status_code == status
    error = r.json()["error"]
    assert set(error) == {"status", "code", "message"} and error["status"] == status
    assert error["code"] and "[E" not in error["message"] and error["message"]


def test_a_posted_body_that_fails_validation_is_422_in_the_same_shape(client):
    r = client.post("/api/articles", json={"text": "x", "nope": 1}, headers=AUTH)
    assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_parameter"
    r = client.post("/api/articles", json={}, headers=AUTH)
    assert r.status_code == 422 and "text" in r.json()["error"]["message"]


def test_a_tidings_error_keeps_its_code_out_of_the_message(web_db, monkeypatch):
    from fastapi.testclient import TestClient

    from tidings.errors import ConfigError
    from tidings.web import api
    from tidings.web.app import create_app

    def refuse(store, **kw):
        raise ConfigError("unknown thing 'x'", hint="use y")

    monkeypatch.setattr(api, "find_quotes", refuse)
    with TestClient(create_app(web_db, token="t")) as c:
        error = c.get("/api/quotes").json()["error"]
    assert error["code"] == "E400" and error["message"] == "unknown thing 'x' (use y)"


def test_openapi_describes_the_error_shape_and_the_bearer_scheme(client):
    schema = client.get("/openapi.json").json()
    components = schema["components"]
    assert "HTTPValidationError" not in components["schemas"]
    assert set(components["schemas"]["ErrorBody"]["properties"]) == {"error"}
    assert set(components["schemas"]["ErrorDetail"]["properties"]) == {"status", "code", "message"}
    for path, methods in schema["paths"].items():
        for method, op in methods.items():
            if op.get("parameters") or op.get("requestBody"):
                ref = op["responses"]["422"]["content"]["application/json"]["schema"]["$ref"]
                assert ref.endswith("/ErrorBody"), (path, method)
    (name, scheme), = components["securitySchemes"].items()
    assert scheme["type"] == "http" and scheme["scheme"].lower() == "bearer"
    post = schema["paths"]["/api/articles"]["post"]
    assert post["security"] == [{name: []}] and "401" in post["responses"] and "413" in post["responses"]
    assert "/api/articles/{article_id}" in schema["paths"]


@pytest.mark.parametrize("path,assets", [("/docs", ("swagger-ui-bundle.js", "swagger-ui.css")),
                                         ("/redoc", ("redoc.standalone.js",))])
def test_api_docs_load_their_assets_from_this_server(client, path, assets):
    import re

    page = client.get(path)
    assert page.status_code == 200
    urls = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert urls and all(u.startswith("/") for u in urls), urls  # nothing from a CDN or any other host
    assert "cdn." not in page.text and "fonts.googleapis" not in page.text
    for name in assets:
        asset = client.get(f"/static/apidocs/{name}")
        assert asset.status_code == 200 and len(asset.content) > 100_000, name
