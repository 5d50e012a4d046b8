"""Score the event coder on the whole-article dev set, pooled and on its even/odd halves.

    python tools/events_dev.py [--gold ../shared/gold/events/news_dev.jsonl] [--errors FILE]

Prints root/dyad P/R/F1 and modality accuracy for all articles, the even-numbered and the
odd-numbered ones (0-based line order), and writes every miss and false positive to FILE
(default: none) for error analysis. Rules are tuned on one half and checked on the other.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from tidings.evaluate.gold import load_gold, shared_dir
from tidings.evaluate.runner import analyze_docs, score_docs
from tidings.pipeline import Pipeline

KEYS = ("root_precision", "root_recall", "root_f1", "dyad_precision", "dyad_recall", "dyad_f1", "modality_accuracy")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", default=str(shared_dir() / "gold/events/news_dev.jsonl"))
    ap.add_argument("--errors", help="write misses and false positives here")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    docs = load_gold("events-news", [args.gold])
    records, _ = analyze_docs(docs, Pipeline())
    out = {}
    for name, pick in (("all", lambda i: True), ("even", lambda i: i % 2 == 0), ("odd", lambda i: i % 2 == 1)):
        idx = [i for i in range(len(docs)) if pick(i)]
        res = score_docs("events-news", [docs[i] for i in idx], [records[i] for i in idx])
        out[name] = {k: round(res.metrics[k] or 0.0, 3) for k in KEYS} | {
            "n_gold": res.metrics["n_gold"], "n_predicted": res.metrics["n_predicted"]}
        if name == "all" and args.errors:
            with Path(args.errors).open("w", encoding="utf-8") as fh:
                for kind, items in (("MISS", res.misses), ("FP", res.false_positives)):
                    for ex in items:
                        fh.write(f"{kind}\t{ex.doc}\t{ex.text}\t{ex.detail}\t{ex.context}\n")
    if args.json:
        print(json.dumps(out))
        return
    print(f"{'set':5} " + " ".join(f"{k.replace('_precision', '_P').replace('_recall', '_R'):>10}" for k in KEYS) + "  gold  pred")
    for name, vals in out.items():
        print(f"{name:5} " + " ".join(f"{vals[k]:10.3f}" for k in KEYS) + f"  {vals['n_gold']:4d}  {vals['n_predicted']:4d}")


if __name__ == "__main__":
    main()
