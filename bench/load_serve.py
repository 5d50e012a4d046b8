"""Load test of `tidings serve` on 127.0.0.1 only: N concurrent readers (and a few writers) for a fixed time.

    cp demo.duckdb load.duckdb   # writers add articles: run on a copy
    python bench/load_serve.py --db load.duckdb [--clients 100] [--seconds 60] [--writers 2] [--client raw|httpx]
    python bench/load_serve.py --db load.duckdb --clients 50 --writers 0 --hostile 1 --big-article 900000
    python bench/load_serve.py --db load.duckdb --clients 0 --writers 0 --seconds 0 --chunked-mb 400

The demo store: `tidings ingest c100.jsonl --db demo.duckdb --workers 2` over 100 articles of
`../shared/corpus/bbc_fulltext.jsonl`, then `tidings demo --db demo.duckdb` (see docs/RELIABILITY.md §3).

Starts the server as a subprocess on a free loopback port (with a token for the writers),
runs a bounded loop of requests, stops by itself, and prints requests/s, error count and
p50/p99 latency for reads and writes, the CPU seconds the generator and the server used,
and the load average before and after. Nothing is sent anywhere but 127.0.0.1.

Each client holds one keep-alive connection and sends its next request as soon as the last
answer is in (closed loop, no think time). `--client raw` (the default) speaks HTTP/1.1 over
asyncio streams, about 0.1 ms of CPU a request, so that the generator, which shares the
machine with the server, is not what is measured; `--client httpx` is the older generator
(several ms of CPU a request with 100 connections) kept for comparison.

Attacks (issue 22): `--big-article CHARS` first stores a synthetic article of that length
(id `long1`, a mark every ~15 characters); `--hostile N` adds N clients that request that
article's page in a loop, each time with a new junk query parameter (which defeated the
response cache before); their latencies are reported apart from the readers'.
`--chunked-mb MB` sends one `Transfer-Encoding: chunked` POST of that size without a token and
one with it, and reports the answers and the server's peak RSS (VmHWM) before and after.
`--server-src DIR` runs the server from another source tree (PYTHONPATH), e.g. an older commit
unpacked with `git archive`, to compare before and after on the same store.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import subprocess
import sys
import time
from urllib.parse import urlsplit

READS = ["/api/articles?limit=20", "/api/events?dyad=USA-RUS&limit=50", "/api/events?root=13", "/api/quotes?speaker=Biden",
         "/api/actors?limit=50", "/api/series?dyad=USA-RUS&by=day", "/api/search?q=Putin", "/", "/events?dyad=USA-RUS"]
TIMEOUT = 30.0  # seconds; a request slower than this counts as an error


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


class RawClient:
    """One keep-alive HTTP/1.1 connection; `request()` returns (status, body). Reconnects after an error."""

    def __init__(self, host: str, port: int, timeout: float = TIMEOUT):
        self.host, self.port, self.timeout = host, port, timeout
        self.reader = self.writer = None

    async def request(self, method: str, path: str, body: bytes = b"", headers: dict | None = None) -> tuple[int, bytes]:
        try:
            return await asyncio.wait_for(self._request(method, path, body, headers or {}), self.timeout)
        except BaseException:
            self.close()
            raise

    async def _request(self, method, path, body, headers) -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        head = f"{method} {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n"
        head += "".join(f"{k}: {v}\r\n" for k, v in headers.items())
        if body:
            head += f"Content-Length: {len(body)}\r\n"
        self.writer.write(head.encode("latin-1") + b"\r\n" + body)
        lines = (await self.reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ", 2)[1])
        fields = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:] if line)}
        if "content-length" in fields:
            data = await self.reader.readexactly(int(fields["content-length"]))
        elif fields.get("transfer-encoding", "").lower() == "chunked":
            parts = []
            while size := int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16):
                parts.append(await self.reader.readexactly(size))
                await self.reader.readexactly(2)
            await self.reader.readuntil(b"\r\n")
            data = b"".join(parts)
        else:
            data = await self.reader.read()
            self.close()
        if fields.get("connection", "").lower() == "close":
            self.close()
        return status, data

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


class HttpxClient:
    """The same interface over a shared httpx.AsyncClient (the generator used before)."""

    def __init__(self, shared):
        self.shared = shared

    async def request(self, method, path, body=b"", headers=None):
        r = await self.shared.request(method, path, content=body or None, headers=headers)
        return r.status_code, r.content

    def close(self):
        pass


def _error(what: str, problem, start: float) -> str:
    kind = problem if isinstance(problem, int) else type(problem).__name__
    return f"{what}: {kind} at {time.monotonic() - start:.1f} s"


async def _reader(client, start, deadline, lat, errors, ids, by_path):
    while time.monotonic() < deadline:
        path = random.choice(READS + [f"/api/articles/{random.choice(ids)}"] if ids else READS)
        t = time.perf_counter()
        try:
            status, _ = await client.request("GET", path)
            if status != 200:
                errors.append(_error(path, status, start))
        except Exception as exc:  # a refused, reset or timed-out request is an error, not a crash
            errors.append(_error(path, exc, start))
        lat.append(time.perf_counter() - t)
        key = "/api/articles/{id}" if path.startswith("/api/articles/") else path
        by_path.setdefault(key, []).append(lat[-1])


async def _writer(client, start, deadline, lat, errors, token, n, unseen):
    """POST articles in a loop; after each 201, check that a cached list (a search) already shows it."""
    i = 0
    while time.monotonic() < deadline:
        i += 1
        body = {"text": f"Load test {n}-{i}: the mayor of Springfield said on Friday that bridge {n}-{i} would reopen "
                        f"in May after repairs costing $1.{i} million.", "published": "2024-05-03"}
        t = time.perf_counter()
        try:
            status, answer = await client.request("POST", "/api/articles", json.dumps(body).encode(),
                                                  {"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
            lat.append(time.perf_counter() - t)
            if status != 201:
                errors.append(_error("POST", status, start))
                continue
            status, found = await client.request("GET", "/api/search?q=Springfield&limit=5")
            if status != 200 or json.loads(answer)["id"] not in [a["id"] for a in json.loads(found)["articles"]]:
                unseen.append(_error("read after POST", status, start))
        except Exception as exc:
            lat.append(time.perf_counter() - t)
            errors.append(_error("POST", exc, start))


async def _hostile(client, start, deadline, lat, errors, path: str):
    """Ask for the same expensive page again and again, a new junk parameter each time."""
    n = 0
    while time.monotonic() < deadline:
        n += 1
        t = time.perf_counter()
        try:
            status, _ = await client.request("GET", f"{path}?junk={n}-{random.random()}")
            if status != 200:
                errors.append(_error("hostile", status, start))
        except Exception as exc:
            errors.append(_error("hostile", exc, start))
        lat.append(time.perf_counter() - t)


async def run(base: str, clients: int, writers: int, seconds: float, token: str, kind: str = "raw",
              hostile: int = 0, hostile_path: str = "/articles/long1") -> dict:
    url = urlsplit(base)
    shared = None
    if kind == "httpx":
        import httpx

        shared = httpx.AsyncClient(base_url=base, timeout=TIMEOUT,
                                   limits=httpx.Limits(max_connections=clients + writers + 10))
        make = lambda: HttpxClient(shared)  # noqa: E731
    else:
        make = lambda: RawClient(url.hostname, url.port)  # noqa: E731
    conns = [make() for _ in range(clients + writers + hostile)]
    try:
        _, body = await conns[0].request("GET", "/api/articles?limit=100")
        ids = [a["id"] for a in json.loads(body)["items"]]
        start, cpu = time.monotonic(), time.process_time()
        deadline = start + seconds
        read_lat, write_lat, read_err, write_err = [], [], [], []
        by_path: dict[str, list[float]] = {}
        tasks = [_reader(conns[i], start, deadline, read_lat, read_err, ids, by_path) for i in range(clients)]
        unseen: list[str] = []
        tasks += [_writer(conns[clients + n], start, deadline, write_lat, write_err, token, n, unseen)
                  for n in range(writers)]
        hostile_lat, hostile_err = [], []
        for n in range(hostile):
            slow = RawClient(url.hostname, url.port, timeout=600)
            conns.append(slow)
            tasks.append(_hostile(slow, start, deadline, hostile_lat, hostile_err, hostile_path))
        await asyncio.gather(*tasks)
        elapsed, cpu = time.monotonic() - start, time.process_time() - cpu
    finally:
        for c in conns:
            c.close()
        if shared is not None:
            await shared.aclose()
    errors = sorted(read_err + write_err, key=lambda e: float(e.rsplit(" at ", 1)[1].split()[0]))
    return {"seconds": round(elapsed, 1), "clients": clients, "writers": writers, "generator": kind,
            "reads": len(read_lat), "reads_per_s": round(len(read_lat) / elapsed, 1), "read_errors": len(read_err),
            "read_p50_ms": round(_pct(read_lat, 50) * 1000, 1), "read_p99_ms": round(_pct(read_lat, 99) * 1000, 1),
            "read_max_ms": round(max(read_lat, default=float("nan")) * 1000, 1),
            "writes": len(write_lat), "write_errors": len(write_err),
            "write_p50_ms": round(_pct(write_lat, 50) * 1000, 1), "write_p99_ms": round(_pct(write_lat, 99) * 1000, 1),
            "writes_not_yet_listed": len(unseen),  # a search right after a 201 did not show the article
            "hostile": hostile, "hostile_requests": len(hostile_lat), "hostile_errors": len(hostile_err),
            "hostile_p50_ms": round(_pct(hostile_lat, 50) * 1000, 1),
            "hostile_max_ms": round(max(hostile_lat, default=float("nan")) * 1000, 1),
            "generator_cpu_s": round(cpu, 1),
            "first_errors": errors[:5], "last_error": errors[-1:],
            "by_path": {k: f"n={len(v)} p50={_pct(v, 50) * 1000:.0f}ms p99={_pct(v, 99) * 1000:.0f}ms"
                        for k, v in sorted(by_path.items())}}


def _cpu_seconds(pid: int) -> float | None:
    """User + system CPU seconds of a process and its waited-for children (Linux /proc), or None elsewhere."""
    try:
        fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
        return sum(int(x) for x in fields[11:15]) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def _children_cpu(pid: int) -> float:
    """CPU seconds of the running children of `pid` (the analysis process), Linux only."""
    total = 0.0
    try:
        for child in " ".join(open(f"/proc/{pid}/task/{t}/children").read() for t in os.listdir(f"/proc/{pid}/task")).split():
            total += _cpu_seconds(int(child)) or 0.0
    except OSError:
        pass
    return total


def _peak_rss_mb(pid: int) -> float | None:
    """The peak resident set size of a process (VmHWM, Linux), in MB."""
    try:
        for line in open(f"/proc/{pid}/status"):
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return None


def _chunked_post(base: str, megabytes: int, token: str | None) -> str:
    """POST /api/articles with a chunked body of `megabytes` MB (1 MB chunks of spaces); the status line or what broke."""
    url = urlsplit(base)
    head = "POST /api/articles HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
    if token:
        head += f"Authorization: Bearer {token}\r\n"
    chunk = b"%x\r\n" % (1 << 20) + b" " * (1 << 20) + b"\r\n"
    sent = 0
    with socket.create_connection((url.hostname, url.port), timeout=60) as s:
        s.sendall((head + "\r\n").encode())
        try:
            for _ in range(megabytes):
                s.sendall(chunk)
                sent += 1
            s.sendall(b"0\r\n\r\n")
        except OSError as exc:
            problem = f" (the server closed the connection after {sent} MB: {type(exc).__name__})"
        else:
            problem = f" (all {sent} MB sent)"
        try:
            answer = s.recv(200).split(b"\r\n", 1)[0].decode("latin-1")
        except OSError as exc:
            answer = type(exc).__name__
    return (answer or "no answer") + problem


def _store_big_article(db: str, chars: int) -> None:
    """Write the synthetic long article of tests/web/synthetic.py (id long1) into `db` unless it is there."""
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "web"))
    from synthetic import long_article

    from tidings.store import open_store

    with open_store(db) as store:
        store.write_articles([long_article(chars)])


def _get(base: str, path: str) -> int:
    url = urlsplit(base)
    with socket.create_connection((url.hostname, url.port), timeout=2) as s:
        s.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
        return int(s.recv(64).split(b" ", 2)[1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", required=True)
    ap.add_argument("--clients", type=int, default=100)
    ap.add_argument("--writers", type=int, default=2)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--client", choices=("raw", "httpx"), default="raw", help="the load generator (default raw)")
    ap.add_argument("--hostile", type=int, default=0, help="clients asking for an expensive page with junk parameters")
    ap.add_argument("--hostile-path", default="/articles/long1")
    ap.add_argument("--big-article", type=int, default=0, help="store a synthetic article of this many characters first")
    ap.add_argument("--chunked-mb", type=int, default=0, help="after the run, one chunked POST of this size (MB)")
    ap.add_argument("--server-src", default=None, help="run the server from this source tree (PYTHONPATH)")
    args = ap.parse_args()
    if args.big_article:
        _store_big_article(args.db, args.big_article)
    port, token = _free_port(), "load-test-token"
    env = {**os.environ, "TIDINGS_TOKEN": token}
    if args.server_src:
        env["PYTHONPATH"] = args.server_src
    server = subprocess.Popen([sys.executable, "-c", "from tidings.cli import main; main()", "serve", "--db", args.db,
                               "--host", "127.0.0.1", "--port", str(port)], env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if _get(base, "/api/articles?limit=1") == 200:
                    break
            except (OSError, IndexError, ValueError):
                time.sleep(0.2)
        else:
            raise SystemExit("the server did not start")
        if args.writers:  # load the model before the clock starts
            warm = RawClient("127.0.0.1", port, timeout=300)
            body = json.dumps({"text": "Warm-up: the council met on Monday to vote on the budget."}).encode()
            asyncio.run(warm.request("POST", "/api/articles", body, {"Authorization": f"Bearer {token}",
                                                                      "Content-Type": "application/json"}))
        load_before = os.getloadavg()
        server_cpu = _cpu_seconds(server.pid)
        analysis_cpu = _children_cpu(server.pid)
        result = asyncio.run(run(base, args.clients, args.writers, args.seconds, token, args.client,
                                 args.hostile, args.hostile_path)) if args.seconds > 0 else {}
        if args.chunked_mb:
            result["rss_peak_mb_before_post"] = _peak_rss_mb(server.pid)
            result["chunked_no_token"] = _chunked_post(base, args.chunked_mb, None)
            result["rss_peak_mb_after_no_token"] = _peak_rss_mb(server.pid)
            result["chunked_with_token"] = _chunked_post(base, args.chunked_mb, token)
            result["rss_peak_mb_after_token"] = _peak_rss_mb(server.pid)
        if server_cpu is not None:
            result["server_cpu_s"] = round(_cpu_seconds(server.pid) - server_cpu, 1)
            result["analysis_cpu_s"] = round(_children_cpu(server.pid) - analysis_cpu, 1)
        result["load_avg_1m"] = f"{load_before[0]:.2f} before, {os.getloadavg()[0]:.2f} after"
        code = server.poll()
        result["server"] = "running at the end" if code is None else f"EXITED during the run with code {code}"
    finally:
        server.terminate()
        server.wait(timeout=20)
    for k, v in result.items():
        if k == "by_path":
            for path, line in v.items():
                print(f"{'':>14}  {path}: {line}")
        else:
            print(f"{k:>14}: {v}")


if __name__ == "__main__":
    main()
