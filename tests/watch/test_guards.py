"""watch's fetcher against hostile servers (#22 items 3–6) and title+link feeds (#23), on 127.0.0.1 only."""
from __future__ import annotations

import gzip
import os
import signal
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tidings.store import open_store
from tidings.watch import watch
from tidings.readers import http as watch_http
from tidings.readers.http import Fetcher, FetchError, Refused, check_address

BODY = ("Rescue teams reached the flooded village of Alder on Sunday, the regional governor said. "
        "\u201cWe will rebuild every house,\u201d Governor Maria Lopez told reporters in the town hall.")
DESCRIPTION = "Officials in Lima said on Monday that the new library would open in May with ten reading rooms."


def _page(title: str, body: str) -> bytes:
    return (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1><p>{body}</p>"
            "</article></body></html>").encode()


class Hostile:
    """A local server with bad redirects, slow and compressed pages, and a title+link feed."""

    def __init__(self):
        self.hits: list[str] = []
        self.slow_started = threading.Event()
        self.bomb = gzip.compress(b"<html>" + b" " * (50 * 1024 * 1024), compresslevel=9)  # ~50 KB
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _send(self, status, body=b"", headers=()):
                self.send_response(status)
                for k, v in headers:
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self):
                site.hits.append(self.path)
                base = site.base
                if self.path == "/feed.xml":  # title and link only, plus one with a description
                    items = (f"<item><title>Floods</title><link>{base}/page.html</link></item>"
                             f"<item><title>Evil</title><link>{base}/evil</link></item>"
                             f"<item><title>Library</title><link>{base}/empty.html</link>"
                             f"<description>{DESCRIPTION}</description></item>")
                    self._send(200, f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
                                    f'{items}</channel></rss>'.encode(), [("Content-Type", "application/rss+xml")])
                elif self.path == "/page.html":
                    self._send(200, _page("Floods", BODY), [("Content-Type", "text/html")])
                elif self.path == "/empty.html":
                    self._send(200, b"<html><body><script>var page = 1;</script></body></html>", [("Content-Type", "text/html")])
                elif self.path == "/evil":
                    self._send(302, headers=[("Location", "javascript:alert(1)")])
                elif self.path == "/to-metadata":
                    self._send(302, headers=[("Location", "http://169.254.169.254/latest/meta-data/")])
                elif self.path == "/slow":
                    self.send_response(200)
                    self.send_header("Content-Type", "text/html")
                    self.end_headers()
                    site.slow_started.set()
                    try:
                        for _ in range(100):
                            self.wfile.write(b"<p>12345")
                            self.wfile.flush()
                            time.sleep(0.5)
                    except OSError:
                        pass
                elif self.path == "/bomb":
                    self._send(200, site.bomb, [("Content-Type", "text/html"), ("Content-Encoding", "gzip")])
                else:
                    self._send(404)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()


@pytest.fixture()
def site():
    s = Hostile()
    yield s
    s.close()


def _fetcher(**kw) -> Fetcher:
    return Fetcher(per_host_interval=0.0, backoff=0.01, retries=2, allow_private=True, **kw)


@pytest.mark.parametrize("host", ["127.0.0.1", "10.1.2.3", "192.168.0.1", "172.16.5.4", "169.254.169.254",
                                  "::1", "::ffff:127.0.0.1", "fe80::1", "0.0.0.0", "localhost"])
def test_private_loopback_and_link_local_addresses_are_refused(host):
    with pytest.raises(Refused, match="refused"):
        check_address(host, 80)
    check_address(host, 80, allow_private=True)  # the explicit option lets them through


def test_by_default_a_fetch_to_loopback_is_refused_without_a_request(site):
    with pytest.raises(Refused, match="127.0.0.1"):
        Fetcher(per_host_interval=0.0).get(site.base + "/page.html")
    assert site.hits == []


def test_a_redirect_to_a_private_address_is_refused(site, monkeypatch):
    """Public addresses allowed, private refused; the test server's own address counts as public here."""
    real = watch_http._check_ip
    monkeypatch.setattr(watch_http, "_check_ip", lambda ip, host: None if ip == "127.0.0.1" else real(ip, host))
    fetcher = Fetcher(per_host_interval=0.0, retries=1)
    with pytest.raises(Refused, match="169.254.169.254"):
        fetcher.get(site.base + "/to-metadata")
    with pytest.raises(Refused, match="not an http"):
        fetcher.get("file:///etc/passwd")


def test_a_javascript_redirect_is_one_failed_item_and_watch_goes_on(site, tmp_path):
    db = str(tmp_path / "w.duckdb")
    lines: list[str] = []
    poll = watch([site.base + "/feed.xml"], db, once=True, fetcher=_fetcher(), echo=lines.append).polls[0]
    assert poll.failed == 1 and any("/evil" in e and "bad redirect" in e for e in poll.errors), poll.errors
    # title+link entry: the page is followed; the empty page falls back on the feed's description
    assert poll.new == 2, poll.errors
    with open_store(db) as store:
        rows = {r[0]: r[1] for r in store.query("SELECT url, text FROM articles")}
    assert BODY.split(",")[0] in rows[site.base + "/page.html"]
    assert rows[site.base + "/empty.html"].startswith("Officials in Lima")
    assert "/page.html" in site.hits and site.hits.count("/evil") == 1  # refused, not retried


def test_a_slow_page_ends_at_the_total_deadline(site):
    started = time.monotonic()
    with pytest.raises(FetchError, match="deadline"):
        _fetcher(deadline=1.5, timeout=10).get(site.base + "/slow")
    assert time.monotonic() - started < 4


def test_stop_interrupts_a_fetch_at_once(site):
    stop = threading.Event()
    fetcher = _fetcher(deadline=60, timeout=30, stop=stop)
    threading.Timer(0.5, stop.set).start()
    started = time.monotonic()
    with pytest.raises(FetchError, match="interrupted"):
        fetcher.get(site.base + "/slow")
    assert time.monotonic() - started < 2


def test_a_gzip_bomb_page_is_inflated_only_up_to_the_limit(site):
    import tracemalloc

    tracemalloc.start()
    try:
        page = _fetcher(max_bytes=1_000_000).get(site.base + "/bomb")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert page.truncated and len(page.content) == 1_000_000
    assert peak < 20 * 1024 * 1024, peak  # never the 50 MB page (the compressed body is ~50 KB)


def test_sigterm_stops_watch_promptly_while_a_fetch_hangs(site, tmp_path):
    code = ("import sys; from tidings.cli import main; sys.argv = ['tidings', 'watch', sys.argv[1], '--once', "
            "'--allow-private-addresses', '--db', sys.argv[2]]; main()")
    proc = subprocess.Popen([sys.executable, "-c", code, site.base + "/slow", str(tmp_path / "w.duckdb")],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert site.slow_started.wait(60), "the watch never fetched"
        time.sleep(0.5)
        sent = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=10)
        assert time.monotonic() - sent < 5
    finally:
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
    out, err = proc.communicate()
    assert "Traceback" not in err, err
    assert "interrupted" in out + err


def test_analyze_reads_a_url_through_the_same_guarded_fetcher(site):
    from tidings.readers import read_one

    item = read_one(site.base + "/page.html")  # the user named it: a local address is allowed here
    assert item.html is not None and BODY[:20] in item.html and item.url == site.base + "/page.html"
    with pytest.raises(Exception, match="bad redirect"):
        read_one(site.base + "/evil")


def test_any_client_error_is_a_fetch_error(monkeypatch):
    fetcher = _fetcher()
    monkeypatch.setattr(fetcher, "_get", lambda *a: (_ for _ in ()).throw(UnicodeError("odd header")))
    with pytest.raises(FetchError, match="UnicodeError: odd header"):
        fetcher.get("http://127.0.0.1:9/x")
