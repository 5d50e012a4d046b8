"""Crash safety: kill a parallel ingest with SIGKILL at a random moment, re-run it, check the store.

    python bench/crash_ingest.py [--articles 200] [--rounds 20] [--workers 2] [--batch-size 32] [--pg postgresql://…]

For each backend (DuckDB, and PostgreSQL when --pg is given): one uninterrupted ingest gives
the reference; then each round ingests into a fresh store, is killed with SIGKILL (the
writer and every worker), is run again to completion, and the store is compared with the
reference: every article exactly once, the same ids, the same record content hashes, the
same child rows per table. Right after the kill the store is checked for partial records:
each stored article has exactly the child rows (per table) the reference has for it.

The kill lands after a random number of committed batch writes (0 … batches-1) plus a
random fraction of a second, so it hits the analysis, the next write, or the start-up.
The ingest runs from a frozen copy of src/ taken at the start, so code edited while the
benchmark runs cannot change the records between the reference and the rounds.
Prints one line per round and a summary.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "bbc_fulltext.jsonl"
TABLES = ("articles", "entities", "mentions", "quotes", "events", "quantities", "times", "places")


# The child ingest prints "WROTE <n>" on stdout after each committed batch write.
_CHILD = ("import sys, tidings.scale.ledger as L\n"
          "_w = L.Ledger.write\n"
          "def write(self, records):\n"
          "    _w(self, records)\n"
          "    print('WROTE', self.summary.analyzed, flush=True)\n"
          "L.Ledger.write = write\n"
          "from tidings.cli import main\n"
          "main()\n")
_ENV: dict = {}


def _ingest_cmd(src: Path, db: str, workers: int, batch_size: int) -> list[str]:
    return [sys.executable, "-c", _CHILD, "ingest", str(src), "--db", db, "--quiet",
            "--workers", str(workers), "--batch-size", str(batch_size)]


def _freeze_code(tmp: Path) -> None:
    """Run every ingest from a copy of src/ taken now (the shared tree may change meanwhile)."""
    frozen = tmp / "src"
    shutil.copytree(REPO / "src", frozen, ignore=shutil.ignore_patterns("__pycache__"))
    _ENV.update(os.environ, PYTHONPATH=str(frozen) + os.pathsep + os.environ.get("PYTHONPATH", ""))


def _snapshot(db: str) -> dict:
    from tidings.store import open_store
    from tidings.store.rows import unpack_record

    with open_store(db) as store:
        ids = [r[0] for r in store.query("SELECT id FROM articles")]
        rows = store.query("SELECT id, record, text FROM articles")
        hashes = {r[0]: _digest(r[1], r[2]) for r in rows}
        errors = {r[0]: [f"{e.code} {e.stage}: {e.message}" for e in unpack_record(r[1], r[2]).errors] for r in rows}
        counts = {t: store.count(t) for t in TABLES}
        per_article = {t: dict(store.query(f"SELECT article_id, count(*) FROM {t} GROUP BY article_id"))
                       for t in TABLES[1:]}
        orphans = sum(int(store.query(f"SELECT count(*) FROM {t} WHERE article_id NOT IN (SELECT id FROM articles)")[0][0])
                      for t in TABLES[1:])
    return {"n": len(ids), "unique": len(set(ids)), "hashes": hashes, "errors": errors, "counts": counts,
            "per_article": per_article,
            "orphans": orphans}


def _no_partial(partial: dict, reference: dict) -> bool:
    """Every article stored at the kill is whole: its record as in the reference and all its child rows."""
    if partial["n"] != partial["unique"] or partial["orphans"]:
        return False
    for article_id, digest in partial["hashes"].items():
        if reference["hashes"].get(article_id) != digest:
            return False
        for table in TABLES[1:]:
            if partial["per_article"][table].get(article_id, 0) != reference["per_article"][table].get(article_id, 0):
                return False
    return True


def _run_and_kill(cmd: list[str], kill_after_writes: int, extra_s: float) -> tuple[float, int]:
    """Start the ingest, SIGKILL its process group `extra_s` after its `kill_after_writes`-th write."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=_ENV,
                            start_new_session=True)
    seen = 0
    if kill_after_writes > 0:
        for line in proc.stdout:
            if line.startswith("WROTE"):
                seen += 1
                if seen >= kill_after_writes:
                    break
    time.sleep(extra_s)
    try:
        os.killpg(proc.pid, signal.SIGKILL)  # the writer and every worker, mid-flight
    except ProcessLookupError:
        pass
    proc.wait()
    proc.stdout.close()
    return time.monotonic() - start, seen


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
    subprocess.run(_ingest_cmd(src, ref_db, args.workers, args.batch_size), check=True, stdout=subprocess.DEVNULL,
                   env=_ENV)
    full_time = time.monotonic() - t0
    reference = _snapshot(ref_db)
    batches = -(-reference["n"] // args.batch_size)
    print(f"[{backend}] reference: {reference['n']} articles ({batches} batch writes) in {full_time:.1f}s, "
          f"rows {reference['counts']}", flush=True)
    ok = mid = 0
    for rnd in range(1, args.rounds + 1):
        db = _fresh(backend, args.pg, tmp, f"round{rnd}")
        after_writes = random.randint(0, max(0, batches - 1))
        extra = random.uniform(0.0, 1.5) if after_writes else random.uniform(0.3, 0.9) * full_time
        killed_at, seen = _run_and_kill(_ingest_cmd(src, db, args.workers, args.batch_size), after_writes, extra)
        partial = _snapshot(db)
        whole = _no_partial(partial, reference)
        subprocess.run(_ingest_cmd(src, db, args.workers, args.batch_size), check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, env=_ENV)
        after = _snapshot(db)
        good = (whole and after["n"] == after["unique"] == reference["n"] and after["hashes"] == reference["hashes"]
                and after["counts"] == reference["counts"] and not after["orphans"])
        ok += good
        mid += 0 < partial["n"] < reference["n"]
        print(f"[{backend}] round {rnd:2d}: killed at {killed_at:5.1f}s ({seen} writes seen + {extra:.2f}s) with "
              f"{partial['n']:3d} stored, {'whole' if whole else 'PARTIAL'}; after re-run {after['n']} articles, "
              f"{'OK' if good else 'MISMATCH'}", flush=True)
        if not good:
            diff = {t: (after["counts"][t], reference["counts"][t]) for t in TABLES if after["counts"][t] != reference["counts"][t]}
            print(f"    differences: {diff}; changed records: "
                  f"{sum(1 for k, v in after['hashes'].items() if reference['hashes'].get(k) != v)}", flush=True)
            for k, v in after["hashes"].items():
                if reference["hashes"].get(k) != v:
                    print(f"    {k}: stage errors now {after['errors'].get(k)}, in the reference "
                          f"{reference['errors'].get(k)}", flush=True)
    return {"backend": backend, "rounds": args.rounds, "ok": ok, "articles": reference["n"], "mid_ingest_kills": mid,
            "full_ingest_s": round(full_time, 1)}


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
        _freeze_code(tmp)
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
              f"{r['mid_ingest_kills']} kills with part of them stored, uninterrupted ingest {r['full_ingest_s']}s)")
    sys.exit(0 if all(r["ok"] == r["rounds"] for r in results) else 1)


if __name__ == "__main__":
    main()
