"""Load test of `tidings serve` on 127.0.0.1 only: N concurrent readers (and a few writers) for a fixed time.

    python bench/load_serve.py --db demo.duckdb [--clients 100] [--seconds 60] [--writers 2]

Starts the server as a subprocess on a free loopback port (with a token for the writers),
runs a bounded loop of requests, stops by itself, and prints requests/s, error count and
p50/p99 latency for reads and writes. Nothing is sent anywhere but 127.0.0.1.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import time

import httpx

READS = ["/api/articles?limit=20", "/api/events?dyad=USA-RUS&limit=50", "/api/events?root=13", "/api/quotes?speaker=Biden",
         "/api/actors?limit=50", "/api/series?dyad=USA-RUS&by=day", "/api/search?q=Putin", "/", "/events?dyad=USA-RUS"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


async def _reader(client, deadline, lat, errors, ids, by_path):
    while time.monotonic() < deadline:
        path = random.choice(READS + [f"/api/articles/{random.choice(ids)}"] if ids else READS)
        t = time.perf_counter()
        try:
            r = await client.get(path)
            if r.status_code != 200:
                errors.append(f"{path}: {r.status_code}")
        except httpx.HTTPError as exc:
            errors.append(f"{path}: {type(exc).__name__}")
        lat.append(time.perf_counter() - t)
        key = "/api/articles/{id}" if path.startswith("/api/articles/") else path
        by_path.setdefault(key, []).append(lat[-1])


async def _writer(client, deadline, lat, errors, token, n):
    i = 0
    while time.monotonic() < deadline:
        i += 1
        body = {"text": f"Load test {n}-{i}: the mayor of Springfield said on Friday that bridge {n}-{i} would reopen "
                        f"in May after repairs costing $1.{i} million.", "published": "2024-05-03"}
        t = time.perf_counter()
        try:
            r = await client.post("/api/articles", json=body, headers={"Authorization": f"Bearer {token}"})
            if r.status_code != 201:
                errors.append(f"POST: {r.status_code}")
        except httpx.HTTPError as exc:
            errors.append(f"POST: {type(exc).__name__}")
        lat.append(time.perf_counter() - t)


async def run(base: str, clients: int, writers: int, seconds: float, token: str) -> dict:
    limits = httpx.Limits(max_connections=clients + writers + 10)
    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as client:
        ids = [a["id"] for a in (await client.get("/api/articles?limit=100")).json()["items"]]
        deadline = time.monotonic() + seconds
        read_lat, write_lat, read_err, write_err = [], [], [], []
        by_path: dict[str, list[float]] = {}
        tasks = [_reader(client, deadline, read_lat, read_err, ids, by_path) for _ in range(clients)]
        tasks += [_writer(client, deadline, write_lat, write_err, token, n) for n in range(writers)]
        start = time.monotonic()
        await asyncio.gather(*tasks)
        elapsed = time.monotonic() - start
    return {"seconds": round(elapsed, 1), "clients": clients, "writers": writers,
            "reads": len(read_lat), "reads_per_s": round(len(read_lat) / elapsed, 1), "read_errors": len(read_err),
            "read_p50_ms": round(_pct(read_lat, 50) * 1000, 1), "read_p99_ms": round(_pct(read_lat, 99) * 1000, 1),
            "writes": len(write_lat), "write_errors": len(write_err),
            "write_p50_ms": round(_pct(write_lat, 50) * 1000, 1), "write_p99_ms": round(_pct(write_lat, 99) * 1000, 1),
            "first_errors": (read_err + write_err)[:5],
            "by_path": {k: f"n={len(v)} p50={_pct(v, 50) * 1000:.0f}ms p99={_pct(v, 99) * 1000:.0f}ms"
                        for k, v in sorted(by_path.items())}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", required=True)
    ap.add_argument("--clients", type=int, default=100)
    ap.add_argument("--writers", type=int, default=2)
    ap.add_argument("--seconds", type=float, default=60)
    args = ap.parse_args()
    port, token = _free_port(), "load-test-token"
    env = {**os.environ, "TIDINGS_TOKEN": token}
    server = subprocess.Popen([sys.executable, "-c", "from tidings.cli import main; main()", "serve", "--db", args.db,
                               "--host", "127.0.0.1", "--port", str(port)], env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if httpx.get(base + "/api/articles?limit=1", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        else:
            raise SystemExit("the server did not start")
        if args.writers:  # load the model before the clock starts
            httpx.post(base + "/api/articles", json={"text": "Warm-up: the council met on Monday to vote on the budget."},
                       headers={"Authorization": f"Bearer {token}"}, timeout=120)
        result = asyncio.run(run(base, args.clients, args.writers, args.seconds, token))
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
