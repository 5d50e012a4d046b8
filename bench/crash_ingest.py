"""Crash safety: kill a parallel ingest with SIGKILL at a random moment, re-run it, check the store.

    python bench/crash_ingest.py [--articles 200] [--rounds 20] [--workers 2] [--batch-size 32] [--pg postgresql://…]

For each backend (DuckDB, and PostgreSQL when --pg is given): one uninterrupted ingest gives
the reference; then each round ingests into a fresh store, is killed with SIGKILL after a
random delay, is run again to completion, and the store is compared with the reference:
every article exactly once, the same ids, the same record content hashes, the same child
rows per table — no partial records. Prints one line per round and a summary.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "bbc_fulltext.jsonl"
TABLES = ("articles", "entities", "mentions", "quotes", "events", "quantities", "times", "places")


def _ingest_cmd(src: Path, db: str, workers: int, batch_size: int) -> list[str]:
    return [sys.executable, "-c", "from tidings.cli import main; main()", "ingest", str(src), "--db", db,
            "--workers", str(workers), "--batch-size", str(batch_size)]


def _snapshot(db: str) -> dict:
    from tidings.store import open_store

    with open_store(db) as store:
        ids = [r[0] for r in store.query("SELECT id FROM articles")]
        hashes = {r[0]: _digest(r[1], r[2]) for r in store.query("SELECT id, record, text FROM articles")}
        counts = {t: store.count(t) for t in TABLES}
    return {"n": len(ids), "unique": len(set(ids)), "hashes": hashes, "counts": counts}


def _digest(record, text) -> str:
    """The content hash of one stored record: the packed record (bytes, or JSON text) and the article text."""
    blob = record.encode() if isinstance(record, str) else bytes(record)
    return hashlib.sha256(blob + b"\0" + (text or "").encode()).hexdigest()


def _fresh(backend: str, pg: str | None, tmp: Path, name: str) -> str:
    if backend == "duckdb":
        return str(tmp / f"{name}.duckdb")
    import psycopg

    with psycopg.connect(pg, autocommit=True) as con:
        con.execute("DROP SCHEMA IF EXISTS public CASCADE")
        con.execute("CREATE SCHEMA public")
    return pg


def run_backend(backend: str, src: Path, args, tmp: Path) -> dict:
    t0 = time.monotonic()
    ref_db = _fresh(backend, args.pg, tmp, "reference")
    subprocess.run(_ingest_cmd(src, ref_db, args.workers, args.batch_size), check=True, stdout=subprocess.DEVNULL)
    full_time = time.monotonic() - t0
    reference = _snapshot(ref_db)
    print(f"[{backend}] reference: {reference['n']} articles in {full_time:.1f}s, rows {reference['counts']}")
    ok = 0
    for rnd in range(1, args.rounds + 1):
        db = _fresh(backend, args.pg, tmp, f"round{rnd}")
        # mostly after the model load (about the first quarter), so most kills land mid-write
        delay = random.uniform(max(1.0, full_time * 0.3), max(1.5, full_time * 0.95))
        proc = subprocess.Popen(_ingest_cmd(src, db, args.workers, args.batch_size), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                start_new_session=True)
        time.sleep(delay)
        os.killpg(proc.pid, signal.SIGKILL)  # the writer and every worker, mid-flight
        proc.wait()
        partial = _snapshot(db)
        subprocess.run(_ingest_cmd(src, db, args.workers, args.batch_size), check=True, stdout=subprocess.DEVNULL)
        after = _snapshot(db)
        good = (after["n"] == after["unique"] == reference["n"] and after["hashes"] == reference["hashes"]
                and after["counts"] == reference["counts"] and partial["n"] == partial["unique"])
        ok += good
        print(f"[{backend}] round {rnd:2d}: killed after {delay:5.1f}s with {partial['n']:4d} stored; "
              f"after re-run {after['n']} articles, {'OK' if good else 'MISMATCH'}")
        if not good:
            diff = {t: (after["counts"][t], reference["counts"][t]) for t in TABLES if after["counts"][t] != reference["counts"][t]}
            print(f"    differences: {diff}; changed records: "
                  f"{sum(1 for k, v in after['hashes'].items() if reference['hashes'].get(k) != v)}")
    return {"backend": backend, "rounds": args.rounds, "ok": ok, "articles": reference["n"], "full_ingest_s": round(full_time, 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=20)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=32, help="articles a write transaction (small: more kill points)")
    ap.add_argument("--pg", help="a PostgreSQL URL whose public schema may be wiped")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--skip-duckdb", action="store_true", help="only PostgreSQL (with --pg)")
    args = ap.parse_args()
    random.seed(args.seed)
    if not CORPUS.exists():
        raise SystemExit(f"{CORPUS} is absent: this benchmark needs ../shared/corpus")
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        src = tmp / "corpus.jsonl"
        with CORPUS.open(encoding="utf-8") as fh, src.open("w", encoding="utf-8") as out:
            for i, line in enumerate(fh):
                if i >= args.articles:
                    break
                obj = json.loads(line)
                out.write(json.dumps({"text": obj["text"], "title": obj.get("title"), "published": obj.get("date")}) + "\n")
        results = []
        if not args.skip_duckdb:
            results.append(run_backend("duckdb", src, args, tmp))
        if args.pg:
            results.append(run_backend("postgres", src, args, tmp))
    for r in results:
        print(f"{r['backend']}: {r['ok']}/{r['rounds']} rounds exact ({r['articles']} articles, "
              f"uninterrupted ingest {r['full_ingest_s']}s)")
    sys.exit(0 if all(r["ok"] == r["rounds"] for r in results) else 1)


if __name__ == "__main__":
    main()
