"""How many articles of a corpus sample the article-scope check puts out of scope, and how many events that removes.

    python tools/scope_sample.py [--n 300] [--seed 18] [--titles 10] [FILE.jsonl ...]

Reads JSON Lines with `text` and `title` (default: ../shared/corpus/*.jsonl), draws --n articles
at random, runs the pipeline and prints, per type (sports, entertainment, business), the number
of articles, the events coded with the check switched off and with it on, the events between
companies removed from in-scope articles, and --titles random titles per type for a person to
judge the precision (and the corpus label, where the file has a `category`).
"""
from __future__ import annotations

import argparse
import json
import random
from collections import Counter, defaultdict
from pathlib import Path

from tidings.evaluate.gold import shared_dir
from tidings.extract.events import extract_events, scope
from tidings.pipeline import Pipeline


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*")
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--seed", type=int, default=18)
    ap.add_argument("--titles", type=int, default=10)
    args = ap.parse_args()
    files = [Path(f) for f in args.files] or sorted((shared_dir() / "corpus").glob("*.jsonl"))
    rows = [json.loads(line) for f in files for line in f.open(encoding="utf-8") if line.strip()]
    rnd = random.Random(args.seed)
    sample = rnd.sample(rows, min(args.n, len(rows)))
    pipeline = Pipeline()
    seen: dict[str, object] = {}

    def counting(view, record):  # the events stage, also run with the check off to count what it removes
        kind = scope.out_of_scope(view, record)
        saved = scope.codes_nothing, scope.event_out_of_scope
        scope.codes_nothing, scope.event_out_of_scope = (lambda k: False), (lambda e, r, k=None: None)
        try:
            unchecked = extract_events(view, record)
        finally:
            scope.codes_nothing, scope.event_out_of_scope = saved
        seen.update(kind=kind, unchecked=len(unchecked))
        return extract_events(view, record)

    pipeline._funcs = [(s, counting if s.name == "events" else f) for s, f in pipeline._funcs]
    articles, before, after, titles, labels = Counter(), Counter(), Counter(), defaultdict(list), defaultdict(Counter)
    others = defaultdict(list)  # out of scope under another corpus label
    for row in sample:
        record = pipeline({"text": row["text"], "title": row.get("title")})
        kind = seen.get("kind") or "in scope"
        articles[kind] += 1
        before[kind] += seen.get("unchecked", 0)
        after[kind] += len(record.events)
        labels[kind][row.get("category") or row.get("source") or "?"] += 1
        title = row.get("title") or row["text"].strip().split("\n")[0][:90]
        titles[kind].append(title)
        if kind != "in scope" and row.get("category") and not kind.startswith(row["category"]):
            others[kind].append(f"{title} [{row['category']}]")
    print(f"{len(sample)} articles (seed {args.seed}) from {', '.join(f.name for f in files)}")
    print(f"{'type':14} {'articles':>8} {'events off':>10} {'events on':>9} {'removed':>7}  corpus labels")
    for kind in sorted(articles, key=lambda k: (k == "in scope", k)):
        print(f"{kind:14} {articles[kind]:8d} {before[kind]:10d} {after[kind]:9d} {before[kind] - after[kind]:7d}  "
              + ", ".join(f"{k} {v}" for k, v in labels[kind].most_common()))
    for kind in sorted(k for k in titles if k != "in scope"):
        print(f"\n{kind}: {args.titles} random titles")
        for t in rnd.sample(titles[kind], min(args.titles, len(titles[kind]))):
            print("  -", t)
        if others[kind]:
            print(f"  labelled otherwise in the corpus: {'; '.join(others[kind])}")


if __name__ == "__main__":
    main()
