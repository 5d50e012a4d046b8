"""`tidings serve` as a process and a server: slow clients, a locked store, the watch loop inside it."""
from __future__ import annotations

import socket
import subprocess
import sys
import time

import pytest

from tidings.store import open_store
from tidings.store.testing import build_article

from .conftest import hand_built
from .live import free_port, served


@pytest.fixture()
def live(web_db):
    """The app under uvicorn with the serve protocol, headers due within 0.5 s."""
    from tidings.web.app import create_app
    from tidings.web.server import timed_protocol

    with served(create_app(web_db, token="t"), http=timed_protocol(0.5), timeout_keep_alive=5) as port:
        yield port


def _closed_within(sock: socket.socket, seconds: float, dribble: bytes = b"") -> bool:
    """Send `dribble` a byte every 0.1 s; True when the server closes the connection within `seconds`."""
    sock.settimeout(0.1)
    end = time.monotonic() + seconds
    i = 0
    while time.monotonic() < end:
        try:
            if i < len(dribble):
                sock.sendall(dribble[i:i + 1])
                i += 1
            data = sock.recv(4096)
            if data == b"":
                return True
        except socket.timeout:
            continue
        except OSError:
            return True
    return False


def test_a_slowloris_client_is_cut_off_after_the_header_deadline(live):
    with socket.create_connection(("127.0.0.1", live)) as sock:
        sock.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")
        assert _closed_within(sock, 3.0, dribble=b"X-Slow: " + b"a" * 100)  # headers never end


def test_a_keep_alive_connection_dribbling_its_next_request_is_cut_off(live):
    with socket.create_connection(("127.0.0.1", live)) as sock:
        sock.sendall(b"GET /api/articles?limit=1 HTTP/1.1\r\nHost: x\r\n\r\n")
        sock.settimeout(2)
        assert sock.recv(65536).startswith(b"HTTP/1.1 200")
        sock.sendall(b"GET / HTTP/1.1\r\n")
        assert _closed_within(sock, 3.0, dribble=b"X-Slow: " + b"a" * 100)


def test_a_normal_client_is_served_on_the_protected_server(live):
    with socket.create_connection(("127.0.0.1", live)) as sock:
        sock.settimeout(2)
        for _ in range(2):
            sock.sendall(b"HEAD / HTTP/1.1\r\nHost: x\r\n\r\n")
            assert sock.recv(65536).startswith(b"HTTP/1.1 200")
            time.sleep(0.7)  # idle (keep-alive) longer than the header deadline: still served


def test_a_second_serve_on_a_locked_store_fails_before_printing_its_address(tmp_path):
    db = tmp_path / "locked.duckdb"
    with open_store(db):
        pass
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys; c = duckdb.connect(sys.argv[1]); "
                               "print('held', flush=True); sys.stdin.read()", str(db)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        run = subprocess.run([sys.executable, "-c", "from tidings.cli import main; main()", "serve", "--db", str(db),
                              "--port", str(free_port())], capture_output=True, text=True, timeout=120)
    finally:
        holder.stdin.close()
        holder.wait(timeout=10)
    assert run.returncode != 0
    assert "dashboard:" not in run.stdout + run.stderr
    assert "E300" in run.stdout + run.stderr or "another" in (run.stdout + run.stderr).lower()


# ---- serve --watch: one process owns the store ---------------------------------------------------------------

class _FakeAnalysis:
    """Stands for the analysis process: each item becomes a hand-built record quoting Putin."""

    def __init__(self):
        self.n = 0

    def pipe_outcomes(self, items):
        from types import SimpleNamespace

        for item in items:
            self.n += 1
            text = item.text.strip()
            record = build_article(f"w{self.n}", text, published="2024-03-01", source="Folder wire",
                                   entities=(("E1", "Putin", "PERSON", "RUSGOV", "RUS"),),
                                   quotes=(("Q1", "We will stand firm.", "E1", "said"),))
            yield SimpleNamespace(item=item, article=record, error=None)


def test_serve_watch_stores_new_articles_and_shows_alerts_in_the_running_dashboard(tmp_path):
    from fastapi.testclient import TestClient

    from tidings.watch.rules import parse_rules
    from tidings.web.app import create_app
    from tidings.web.watching import InServerWatch

    db = tmp_path / "served.duckdb"
    with open_store(db) as store:
        store.write_articles(hand_built())
    folder = tmp_path / "inbox"
    folder.mkdir()
    lines: list[str] = []
    app = create_app(str(db), token="t")
    state = app.state.tidings
    watcher = InServerWatch(state, [str(folder)], rules=parse_rules([{"name": "putin-speaks", "speaker": "Putin"}]),
                            sinks=[], interval=0.1, echo=lines.append, pipeline=_FakeAnalysis())
    state.background.append(watcher)
    with TestClient(app) as client:
        assert "Putin speaks" not in client.get("/").text
        before = {a["id"] for a in client.get("/api/articles").json()["items"]}  # cached: must not stay so
        (folder / "one.txt").write_text("Putin said: \u201cWe will stand firm.\u201d", encoding="utf-8")
        for _ in range(100):
            if any("new 1" in line for line in lines):
                break
            time.sleep(0.05)
        assert any("new 1" in line and "alerts 1" in line for line in lines), lines
        after = {a["id"] for a in client.get("/api/articles").json()["items"]}
        assert after - before == {"w1"}
        assert "putin-speaks" in client.get("/").text  # the alert, on the overview
    assert not watcher._thread.is_alive()  # stopped with the server


def test_serve_rules_without_watch_is_a_usage_error(tmp_path):
    from typer.testing import CliRunner

    from tidings.cli import app

    rules = tmp_path / "r.yaml"
    rules.write_text("- name: x\n  speaker: Putin\n")
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "x.duckdb"), "--rules", str(rules)])
    assert result.exit_code != 0 and "--watch" in result.output
