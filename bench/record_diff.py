"""Records before and after a refactor: write them as JSON lines, or compare two such files field by field.

Run by hand from the repository root (needs ../shared):

    python bench/record_diff.py write /tmp/before.jsonl          # on the untouched tree
    python bench/record_diff.py write /tmp/after.jsonl           # after the change
    python bench/record_diff.py compare /tmp/before.jsonl /tmp/after.jsonl

The inputs are the example articles of ../shared/examples (each with the published date of
its .gold.json) and the first `--limit` (300) items of ../shared/corpus/dated_news_articles.jsonl,
read by the same reader ingest uses (its default field map: text, title, date → published).
An item that gives no record is written as ``{"item": …, "error": code + message}``.
``compare`` exits 1 and names each differing record and field.
"""
from __future__ import annotations

import argparse
import json
import sys
from itertools import islice
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO / ".." / "shared"


def items(limit: int) -> list:
    from tidings.items import InputItem
    from tidings.readers import Source, read_source

    out = []
    for txt in sorted((SHARED / "examples").glob("*.txt")):
        gold = json.loads(txt.with_name(txt.stem + ".gold.json").read_text(encoding="utf-8"))
        out.append(InputItem(text=txt.read_text(encoding="utf-8"), published=gold.get("published"),
                             location=txt.name))
    corpus = SHARED / "corpus" / "dated_news_articles.jsonl"
    source = Source(path=str(corpus), kind="jsonl")
    out.extend(islice(read_source(source), limit))
    return out


def outcomes(pipeline, batch: list):
    """(item, article, error) for each input, by whichever route the pipeline offers."""
    if hasattr(pipeline, "prepare_batch"):
        done = pipeline.analyze_batch(pipeline.prepare_batch(batch))
    else:
        done = list(pipeline.pipe_outcomes(batch))
    return [(o.item, o.article, o.error) for o in done]


def write(path: str, limit: int, model: str | None) -> None:
    from tidings.pipeline import Pipeline

    pipeline = Pipeline(model)
    todo = items(limit)
    with open(path, "w", encoding="utf-8") as out:
        for start in range(0, len(todo), pipeline.batch_size):
            batch = todo[start:start + pipeline.batch_size]
            ready = [x for x in batch if not isinstance(x, Exception)]
            for x in batch:
                if isinstance(x, Exception):
                    out.write(json.dumps({"item": str(getattr(x, "item", "")), "error": str(x)}) + "\n")
            for item, article, error in outcomes(pipeline, ready):
                if article is not None and error is None:
                    out.write(json.dumps(article.as_dict(), sort_keys=True, ensure_ascii=False) + "\n")
                else:
                    out.write(json.dumps({"item": item.location, "error": str(error)}) + "\n")
    print(f"{len(todo)} items → {path}")


def compare(before: str, after: str) -> int:
    a = Path(before).read_text(encoding="utf-8").splitlines()
    b = Path(after).read_text(encoding="utf-8").splitlines()
    problems = 0
    if len(a) != len(b):
        print(f"{len(a)} records before, {len(b)} after")
        problems += 1
    for n, (x, y) in enumerate(zip(a, b)):
        if x == y:
            continue
        rx, ry = json.loads(x), json.loads(y)
        for key in sorted(set(rx) | set(ry)):
            if rx.get(key) != ry.get(key):
                problems += 1
                print(f"record {n} ({rx.get('id') or rx.get('item')}): field {key!r} differs")
    print(f"{min(len(a), len(b))} records compared; {problems} differences")
    return 1 if problems else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    w = sub.add_parser("write", help="analyze the inputs and write their records as JSON lines")
    w.add_argument("path")
    w.add_argument("--limit", type=int, default=300, help="corpus items (default 300)")
    w.add_argument("--model", default=None)
    c = sub.add_parser("compare", help="compare two files written by `write`, field by field")
    c.add_argument("before")
    c.add_argument("after")
    args = parser.parse_args()
    if args.command == "write":
        if not (SHARED / "corpus").is_dir():
            raise SystemExit("../shared/corpus is absent")
        write(args.path, args.limit, args.model)
        return 0
    return compare(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())
