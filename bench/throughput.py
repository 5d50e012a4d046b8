"""Throughput: raw spaCy vs tidings (1 worker, 2 workers, Ray on 2 CPUs) on ../shared/corpus.

Run by hand (not in CI), from the repository root:

    python bench/throughput.py --limit 400            # print the figures
    python bench/throughput.py --limit 400 --write    # and record them in docs/PERFORMANCE.md

Each configuration runs in a fresh process on the same texts (duplicates removed):

* raw spaCy   ``nlp.pipe`` with the same model as shipped (``spacy.load``) and batch size: the
              model's own components only (not tidings' paragraph-break component, nor its array
              versions of the attribute ruler and lemmatizer): the limit for a parse-based pipeline;
* tidings     ``tidings.ingest`` end to end (read, clean, parse, extract, write to a fresh DuckDB);
* Ray         the Ray engine on a local Ray of 2 CPUs (Ray start-up not counted, actor start-up counted).

Rates are *steady* (from the first written batch to the last, start-up excluded) for the local
engine, and *end to end* (start-up included) always; the Ray row is end to end (its shards are
imported at the end, so there is no steady window to measure). Targets (issue 10):
tidings 1 worker ≥ 0.80 × raw spaCy; 2 workers ≥ 1.8 × 1 worker; peak RSS ≤ 1.2 GB a worker.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime, timezone
from multiprocessing import get_context
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO / ".." / "shared" / "corpus"
DOC = REPO / "docs" / "PERFORMANCE.md"
MARK_START, MARK_END = "<!-- throughput:start -->", "<!-- throughput:end -->"


def load_texts(corpus: Path, limit: int) -> list[str]:
    """Texts from every .jsonl of the corpus, taken in turn from each file, duplicates dropped."""
    files = sorted(corpus.glob("*.jsonl"))
    if not files:
        raise SystemExit(f"no .jsonl files in {corpus} (../shared is absent?)")
    streams = [open(f, encoding="utf-8") for f in files]
    seen, texts = set(), []
    try:
        while len(texts) < limit and streams:
            for stream in list(streams):
                line = stream.readline()
                if not line:
                    streams.remove(stream)
                    continue
                text = (json.loads(line).get("text") or "").strip()
                if text and text not in seen:
                    seen.add(text)
                    texts.append(text)
                if len(texts) >= limit:
                    break
    finally:
        for stream in streams:
            stream.close()
    return texts


def _peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# ---- each configuration runs in its own process ------------------------------------
def model_name(model: str | None) -> str:
    """The model tidings would load, by name (without loading it)."""
    import spacy.util
    from tidings import settings
    from tidings.pipeline import MODEL_CANDIDATES

    wanted = settings.value("model", model)
    if wanted:
        return wanted
    for candidate in MODEL_CANDIDATES:
        if spacy.util.is_package(candidate):
            return candidate
    raise SystemExit(f"none of {', '.join(MODEL_CANDIDATES)} is installed")


def run_raw_spacy(texts: list[str], model: str | None, batch_size: int) -> dict:
    import spacy

    # The model as shipped: its own components, none of tidings' (no paragraph-break component, and
    # spaCy's own attribute ruler and lemmatizer, not tidings' array versions of them).
    nlp = spacy.load(model_name(model))
    started, cpu = time.perf_counter(), time.process_time()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=batch_size))
    elapsed = time.perf_counter() - started
    return {"articles": len(texts), "tokens": tokens, "steady_s": elapsed, "total_s": elapsed,
            "steady_cpu_s": time.process_time() - cpu, "peak_rss_mb": _peak_rss_mb(), "workers": 1}


def run_tidings(texts: list[str], model: str | None, batch_size: int, workers: int, engine: str) -> dict:
    from tidings.ingest import ingest
    from tidings.items import InputItem

    marks: list[tuple[float, int, float]] = []

    def progress(summary) -> None:
        if summary.analyzed and (not marks or marks[-1][1] != summary.analyzed):
            marks.append((time.perf_counter(), summary.analyzed, time.process_time()))

    if engine == "ray":
        import ray

        ray.init(num_cpus=workers, include_dashboard=False, configure_logging=False, log_to_driver=False)
    with tempfile.TemporaryDirectory() as tmp:
        items = [InputItem(text=t, location=f"bench:{i}") for i, t in enumerate(texts)]
        started = time.perf_counter()
        summary = ingest(items, db=Path(tmp) / "bench.duckdb", workers=workers, engine=engine, model=model,
                         batch_size=batch_size, progress=progress, shards=Path(tmp) / "shards",
                         handle_sigint=False)
        total = time.perf_counter() - started
    steady_s, steady_n, steady_cpu = None, None, None
    # From the first written batch to the last. Not for Ray: its records come back as Parquet shards
    # that are imported together at the end, so its progress marks say nothing about the analysis rate.
    if len(marks) >= 3 and engine == "local":
        steady_s, steady_n = marks[-1][0] - marks[0][0], marks[-1][1] - marks[0][1]
        if workers == 1 and engine == "local":  # analyzed in this process: its CPU time is the pipeline's
            steady_cpu = marks[-1][2] - marks[0][2]
    rss = summary.worker_peak_rss_mb or {"self": _peak_rss_mb()}
    return {"articles": summary.analyzed + summary.duplicates, "analyzed": summary.analyzed, "failed": summary.failed,
            "total_s": total, "steady_s": steady_s, "steady_articles": steady_n, "steady_cpu_s": steady_cpu,
            "peak_rss_mb": max(rss.values()), "workers": len(rss)}


def in_fresh_process(fn, *args) -> dict:
    with ProcessPoolExecutor(1, mp_context=get_context("spawn")) as pool:
        return pool.submit(fn, *args).result()


# ---- report --------------------------------------------------------------------------
def rate(result: dict, tokens: int) -> tuple[float, float]:
    """(articles/s, tokens/s), steady when measured, else end to end."""
    n, seconds = result["articles"], result["total_s"]
    if result.get("steady_s") and result.get("steady_articles"):
        frac = result["steady_articles"] / max(1, result["analyzed"])
        n, seconds = result["steady_articles"], result["steady_s"]
        return n / seconds, tokens * frac / seconds
    return n / seconds, tokens / seconds


def table(results: dict[str, dict], tokens: int) -> list[str]:
    lines = ["| configuration | articles | articles/s | tokens/s | end-to-end s (incl. start-up) | peak RSS a worker (MB) |",
             "|---|---:|---:|---:|---:|---:|"]
    for name, result in results.items():
        a, t = rate(result, tokens)
        how = "" if result.get("steady_s") or name == "raw spaCy" else " (end to end)"
        lines.append(f"| {name}{how} | {result['articles']} | {a:,.2f} | {t:,.0f} | {result['total_s']:,.1f} "
                     f"| {result['peak_rss_mb']:,.0f} |")
    return lines


def ratios(results: dict[str, dict], tokens: int) -> list[str]:
    out = []
    get = {k: rate(v, tokens)[0] for k, v in results.items()}
    raw, one, two = get.get("raw spaCy"), get.get("tidings, 1 worker"), get.get("tidings, 2 workers")
    if raw and one:
        out.append(f"- tidings 1 worker / raw spaCy: **{one / raw:.2f}** (target ≥ 0.80)")
        cpu = {k: results[k].get("steady_cpu_s") for k in ("raw spaCy", "tidings, 1 worker")}
        if all(cpu.values()):  # CPU seconds of the process: far less swayed by other jobs than wall time
            n_one = results["tidings, 1 worker"].get("steady_articles") or results["tidings, 1 worker"]["articles"]
            by_cpu = (n_one / cpu["tidings, 1 worker"]) / (results["raw spaCy"]["articles"] / cpu["raw spaCy"])
            out.append(f"- the same by CPU time (articles per CPU second of the process, same windows): "
                       f"**{by_cpu:.2f}**")
    if one and two:
        out.append(f"- tidings 2 workers / 1 worker: **{two / one:.2f}** (target ≥ 1.8)")
    if "Ray, 2 CPUs" in results and "tidings, 1 worker" in results:
        e2e = {k: results[k]["articles"] / results[k]["total_s"] for k in ("Ray, 2 CPUs", "tidings, 1 worker")}
        out.append(f"- Ray 2 CPUs / tidings 1 worker, both end to end (start-up included): "
                   f"**{e2e['Ray, 2 CPUs'] / e2e['tidings, 1 worker']:.2f}**")
    worst = max(r["peak_rss_mb"] for k, r in results.items() if k != "raw spaCy")
    out.append(f"- largest peak RSS of a tidings worker: **{worst:,.0f} MB** (target ≤ 1,200 MB)")
    return out


def commit() -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True)
        sha = out.stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain"], cwd=REPO, capture_output=True, text=True).stdout
        return (sha or "no commit yet") + (" (with uncommitted changes)" if dirty.strip() else "")
    except OSError:
        return "unknown"


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return f"{os.cpu_count()} CPUs ({cpu}), load average at start {load}, Python {platform.python_version()}"


def write_doc(block: str) -> None:
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Performance\n\n"
    if MARK_START in text and MARK_END in text:
        head, rest = text.split(MARK_START, 1)
        text = head + MARK_START + "\n" + block + "\n" + MARK_END + rest.split(MARK_END, 1)[1]
    else:
        text = text.rstrip() + "\n\n" + MARK_START + "\n" + block + "\n" + MARK_END + "\n"
    DOC.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=400, help="articles to use (default 400)")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--model", default=None)
    parser.add_argument("--skip", action="append", default=[], choices=["raw", "one", "two", "ray"],
                        help="leave a configuration out (repeatable)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="run every configuration this many times, in turn, and report the median run (default 1)")
    parser.add_argument("--write", action="store_true", help="record the figures in docs/PERFORMANCE.md")
    parser.add_argument("--save", type=Path, help="also save the measurements as JSON here")
    parser.add_argument("--load", type=Path, help="report measurements saved with --save instead of measuring")
    args = parser.parse_args(argv)

    if args.load:
        saved = json.loads(args.load.read_text(encoding="utf-8"))
        report(saved["results"], saved["texts"], saved["limit"], saved["batch_size"], saved["machine"],
               saved["stamp"], saved["commit"], args.write, saved.get("repeat", 1), saved.get("runs"))
        return
    texts = load_texts(args.corpus, args.limit)
    where = machine()
    print(f"{len(texts)} articles from {args.corpus}; {where}", flush=True)
    plan = [("raw spaCy", "raw", run_raw_spacy, (texts, args.model, args.batch_size)),
            ("tidings, 1 worker", "one", run_tidings, (texts, args.model, args.batch_size, 1, "local")),
            ("tidings, 2 workers", "two", run_tidings, (texts, args.model, args.batch_size, 2, "local")),
            ("Ray, 2 CPUs", "ray", run_tidings, (texts, args.model, args.batch_size, 2, "ray"))]
    runs: dict[str, list[dict]] = {}
    for round_no in range(1, args.repeat + 1):  # in turn, so a slow spell on the machine hits every configuration
        for name, key, fn, fn_args in plan:
            if key in args.skip:
                continue
            print(f"running {name}" + (f" (round {round_no} of {args.repeat})" if args.repeat > 1 else "") + " …",
                  flush=True)
            runs.setdefault(name, []).append(in_fresh_process(fn, *fn_args))
            print(f"  {json.dumps(runs[name][-1])}", flush=True)
    tokens = runs["raw spaCy"][0]["tokens"] if "raw spaCy" in runs else 0
    results = {name: median_run(found, tokens) for name, found in runs.items()}
    if args.repeat > 1:
        for name, found in runs.items():
            print(f"{name}: articles/s of each run " + ", ".join(f"{rate(r, tokens)[0]:.2f}" for r in found)
                  + f" → median run {rate(results[name], tokens)[0]:.2f}")
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    if args.save:
        args.save.write_text(json.dumps({"results": results, "runs": runs, "repeat": args.repeat,
                                         "texts": len(texts), "limit": args.limit,
                                         "batch_size": args.batch_size, "machine": where, "stamp": stamp,
                                         "commit": commit()}, indent=1), encoding="utf-8")
    report(results, len(texts), args.limit, args.batch_size, where, stamp, commit(), args.write, args.repeat, runs)


def median_run(found: list[dict], tokens: int) -> dict:
    """The run with the median articles/s (the lower middle one for an even count)."""
    ordered = sorted(found, key=lambda r: rate(r, tokens)[0])
    return ordered[(len(ordered) - 1) // 2]


def report(results: dict, n_texts: int, limit: int, batch_size: int, where: str, stamp: str, sha: str,
           write: bool, repeat: int = 1, runs: dict[str, list[dict]] | None = None) -> None:
    tokens = results["raw spaCy"]["tokens"] if "raw spaCy" in results else 0
    every = [f"- articles/s of every run, {name}: " + ", ".join(f"{rate(r, tokens)[0]:.2f}" for r in found)
             for name, found in (runs or {}).items() if len(found) > 1]
    block = "\n".join([f"### Throughput, {stamp}, commit {sha}", "",
                       f"`python bench/throughput.py --limit {limit} --batch-size {batch_size}"
                       + (f" --repeat {repeat}`: each configuration run {repeat} times in turn, the median run "
                          f"shown; " if repeat > 1 else "`: ")
                       + f"{n_texts} articles ({tokens:,} spaCy tokens) from ../shared/corpus; {where}.", "",
                       *table(results, tokens), "", *ratios(results, tokens), *every])
    print("\n" + block)
    if write:
        write_doc(block)
        print(f"\nwritten to {DOC}")


if __name__ == "__main__":
    sys.exit(main())
