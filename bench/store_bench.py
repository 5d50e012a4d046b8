"""Store benchmark (not a test): bulk import rate and dyad-by-day series latency on synthetic events.

    python bench/store_bench.py                      # 1,000,000 events into a temp DuckDB file
    python bench/store_bench.py --events 100000 --db postgresql://…

Prints: import rate (events/s, through Store.write_articles: flatten → Arrow → one INSERT per table
per batch, dedup off as for a bulk load), and p50/p95 of `series(dyad=…, by="day")` over random dyads.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from tidings.corpus.series import series
from tidings.record import Article
from tidings.store import open_store

COUNTRIES = ["USA", "RUS", "UKR", "CHN", "FRA", "DEU", "GBR", "IRN", "ISR", "TUR", "IND", "PAK", "JPN", "KOR",
             "PRK", "SYR", "IRQ", "EGY", "SAU", "BRA", "MEX", "NGA", "ZAF", "POL", "ITA", "ESP", "CAN", "AUS",
             "IDN", "VNM"]
ROLES = ["", "GOV", "MIL", "COP", "BUS", "OPP"]
ROOTS = [("01", 0.0, 1), ("04", 1.0, 1), ("05", 3.5, 1), ("06", 6.0, 2), ("07", 7.0, 2), ("11", -2.0, 3),
         ("13", -4.4, 3), ("17", -5.0, 4), ("19", -10.0, 4)]


def make_articles(rng: random.Random, start: int, n_articles: int, per_article: int) -> list[Article]:
    out = []
    for i in range(start, start + n_articles):
        day = f"2023-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        text = f"Synthetic report {i} about relations between two states, filed on {day}."
        events = []
        for j in range(per_article):
            a, b = rng.sample(COUNTRIES, 2)
            root, gold, quad = rng.choice(ROOTS)
            events.append({
                "id": f"V{j + 1}", "sentence": 0, "source": {"code": a + rng.choice(ROLES)},
                "target": {"code": b + rng.choice(ROLES)}, "action": {"start": 0, "end": 9, "text": "Synthetic"},
                "cameo": root + "0", "root": root, "goldstein": gold, "quad_class": quad,
                "date": {"value": day, "basis": "published"}, "confidence": 0.5,
            })
        out.append(Article.model_validate({"id": f"bench{i:08d}", "text": text, "published": day,
                                           "published_source": "given", "source_name": f"outlet{i % 200}",
                                           "events": events}))
    return out


def query_series(store, dyads, n_events: int, label: str) -> None:
    a, b = dyads[0]
    series(store, dyad=f"{a}-{b}", by="day")  # warm-up
    times, sizes = [], []
    for a, b in dyads:
        t0 = time.perf_counter()
        rows = series(store, dyad=f"{a}-{b}", by="day")
        times.append((time.perf_counter() - t0) * 1000)
        sizes.append(sum(r["events"] for r in rows))
    times.sort()
    p95 = times[int(0.95 * (len(times) - 1))]
    print(f"series dyad-by-day over {n_events:,} events, {label}: {len(times)} queries, "
          f"p50 {statistics.median(times):.1f} ms, p95 {p95:.1f} ms, max {times[-1]:.1f} ms "
          f"(mean {statistics.mean(sizes):,.0f} events per dyad)")


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--events", type=int, default=1_000_000)
    p.add_argument("--per-article", type=int, default=10)
    p.add_argument("--batch", type=int, default=5_000, help="articles per write_articles call")
    p.add_argument("--queries", type=int, default=200)
    p.add_argument("--db", default=None, help="store to fill (default: a new DuckDB file in a temp dir)")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--recluster", action="store_true",
                   help="also time a full recluster, then an incremental one after 100 more articles")
    args = p.parse_args(argv)
    rng = random.Random(args.seed)
    tmp = tempfile.TemporaryDirectory()
    db = args.db or str(Path(tmp.name) / "bench.duckdb")
    n_articles = args.events // args.per_article
    with open_store(db) as store:
        write_s = build_s = write_cpu = 0.0
        for start in range(0, n_articles, args.batch):
            t0 = time.perf_counter()
            batch = make_articles(rng, start, min(args.batch, n_articles - start), args.per_article)
            t1, c1 = time.perf_counter(), time.process_time()
            store.write_articles(batch, dedup=False)
            t2 = time.perf_counter()
            write_cpu += time.process_time() - c1
            build_s += t1 - t0
            write_s += t2 - t1
        n_events = store.count("events")
        print(f"import: {n_events:,} events in {n_articles:,} articles, write_articles {write_s:.1f} s "
              f"→ {n_events / write_s:,.0f} events/s ({n_articles / write_s:,.0f} articles/s); "
              f"process CPU {write_cpu:.1f} s → {n_events / write_cpu:,.0f} events/s per CPU second; "
              f"building the records took {build_s:.1f} s more")
        dyads = [tuple(rng.sample(COUNTRIES, 2)) for _ in range(args.queries)]
        query_series(store, dyads, n_events, "as written")
        t0 = time.perf_counter()
        store.optimize()
        print(f"store.optimize() (events laid out by dyad and day): {time.perf_counter() - t0:.1f} s")
        query_series(store, dyads, n_events, "after optimize()")
        if args.recluster:
            t0 = time.perf_counter()
            n = store.recluster(optimize=False)
            print(f"full recluster: {n:,} clusters from {n_events:,} events in {time.perf_counter() - t0:.1f} s")
            store.write_articles(make_articles(rng, n_articles, 100, args.per_article), dedup=False)
            t0 = time.perf_counter()
            n = store.recluster(incremental=True)
            print(f"incremental recluster after 100 more articles ({100 * args.per_article:,} events): "
                  f"{n:,} clusters rebuilt in {time.perf_counter() - t0:.1f} s")
    tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
