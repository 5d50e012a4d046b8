"""watch end to end against a local HTTP server (127.0.0.1 only): feed changes, 304s, a failing feed, a webhook."""
from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tidings.store import open_store
from tidings.watch import watch
from tidings.watch.alerts import JsonlSink, WebhookSink
from tidings.readers.http import Fetcher
from tidings.watch.rules import parse_rules

PAGES = {
    "/a1.html": ("Russian troops attack Ukrainian positions",
                 "Russian troops attacked Ukrainian positions near Donetsk on Monday, the Ukrainian military said. "
                 "The army said the shelling lasted for hours and damaged several houses in the area."),
    "/a2.html": ("Putin vows to stand firm",
                 "Russian President Vladimir Putin said on Monday that Russia would not back down. "
                 "\u201cWe will defend our people,\u201d Putin said in a televised address."),
    "/a3.html": ("Russian troops attack Ukrainian positions", None),  # a1's page again, at another address
    "/a4.html": ("Talks planned", "Volodymyr Zelensky, the Ukrainian president, will see Emmanuel Macron in Berlin "
                 "on Thursday to talk about gas prices, a spokesman said."),
}


def _html(title: str, body: str) -> bytes:
    return (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1><p>{body}</p>"
            "</article></body></html>").encode()


def _feed(base: str, paths: list[str]) -> bytes:
    items = "".join(f"<item><title>{PAGES[p][0]}</title><link>{base}{p}</link><guid>{base}{p}</guid>"
                    f"<pubDate>Mon, 06 Dec 2021 10:00:00 GMT</pubDate><description>short</description></item>"
                    for p in paths)
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test wire</title>{items}</channel></rss>').encode()


class Site:
    def __init__(self):
        self.version = 1
        self.hooks: list[dict] = []
        self.hits: list[str] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                site.hits.append(self.path)
                if self.path == "/broken.xml":
                    self.send_response(500)
                    self.end_headers()
                    return
                if self.path == "/feed.xml":
                    etag = f'"v{site.version}"'
                    if self.headers.get("If-None-Match") == etag:
                        self.send_response(304)
                        self.end_headers()
                        return
                    paths = ["/a1.html", "/a2.html"] + (["/a3.html", "/a4.html"] if site.version == 2 else [])
                    body = _feed(site.base, paths)
                    self.send_response(200)
                    self.send_header("ETag", etag)
                    self.send_header("Content-Type", "application/rss+xml")
                    self.end_headers()
                    self.wfile.write(body)
                    return
                if self.path in PAGES:
                    title, text = PAGES[self.path]
                    body = _html(title, text if text is not None else PAGES["/a1.html"][1])
                    self.send_response(200)
                    self.send_header("Content-Type", "text/html")
                    self.end_headers()
                    self.wfile.write(body)
                    return
                self.send_response(404)
                self.end_headers()

            def do_POST(self):
                length = int(self.headers.get("Content-Length", 0))
                site.hooks.append(json.loads(self.rfile.read(length)))
                self.send_response(204)
                self.end_headers()

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()


@pytest.fixture()
def site():
    s = Site()
    yield s
    s.close()


def test_watch_polls_stores_and_alerts_exactly_once(site, tmp_path):
    db = str(tmp_path / "watch.duckdb")
    jsonl = tmp_path / "alerts.jsonl"
    rules = parse_rules([{"name": "putin-speaks", "speaker": "Putin"},
                         {"name": "russia-ukraine", "dyad": "RUS-UKR", "modality": "any"}])
    sinks = [JsonlSink(str(jsonl)), WebhookSink(site.base + "/hook", backoff=0.01)]
    fetcher = Fetcher(per_host_interval=0.0, backoff=0.01, retries=2, allow_private=True)  # 127.0.0.1
    sources = [site.base + "/feed.xml", site.base + "/broken.xml"]
    lines: list[str] = []

    def poll():
        return watch(sources, db, rules=rules, sinks=sinks, once=True, fetcher=fetcher, echo=lines.append).polls[0]

    first = poll()
    assert (first.new, first.duplicate, first.failed) == (2, 0, 1)
    assert any("broken.xml" in e for e in first.errors)
    assert first.alerts == 2
    second = poll()  # the feed answers 304: nothing fetched again, nothing alerted again
    assert (second.new, second.duplicate, second.alerts) == (0, 0, 0) and second.failed == 1
    assert site.hits.count("/a1.html") == 1
    site.version = 2
    third = poll()
    assert (third.new, third.duplicate) == (1, 1)  # a3 repeats a1's text; a4 is new
    assert lines[0].startswith("poll 1: new 2, duplicate 0, failed 1")

    with open_store(db) as store:
        assert store.count("articles") == 3
        urls = {r[0] for r in store.query("SELECT url FROM articles")}
    assert {site.base + p for p in ("/a1.html", "/a2.html", "/a4.html")} == urls

    sent = [json.loads(line) for line in jsonl.read_text().splitlines()]
    assert sorted(a["rule"] for a in sent) == ["putin-speaks", "russia-ukraine"]
    assert [h["id"] for h in site.hooks] == [a["id"] for a in sent]
    speaks = next(a for a in sent if a["rule"] == "putin-speaks")
    assert speaks["quotes"] and speaks["quotes"][0]["link"].startswith("/articles/")
    force = next(a for a in sent if a["rule"] == "russia-ukraine")
    assert "RUS" in force["summary"] and "UKR" in force["summary"]
