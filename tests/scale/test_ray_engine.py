"""The Ray engine (tidings.scale.ray_data) on a local Ray with 2 CPUs: same records as one process."""
from __future__ import annotations

from pathlib import Path

import pytest

from tidings.ingest import ingest

ray = pytest.importorskip("ray", reason="ray[data] is not installed")
pytest.importorskip("ray.data")


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, configure_logging=False, log_to_driver=False)
    yield
    ray.shutdown()


def test_ray_equals_single_process_and_resumes(local_ray, small_corpus, memory_store, tmp_path):
    single, on_ray = memory_store(), memory_store()
    s1 = ingest(small_corpus, store=single)
    shards = tmp_path / "shards"
    s2 = ingest(small_corpus, store=on_ray, engine="ray", workers=2, shards=shards, batch_size=2)
    assert (s1.analyzed, s1.duplicates, s1.failed) == (6, 1, 2)
    assert (s2.analyzed, s2.duplicates, s2.failed) == (6, 1, 2)
    assert sorted(f.item for f in s1.failures) == sorted(f.item for f in s2.failures)
    assert on_ray.records == single.records  # record for record
    assert list(shards.glob("*.parquet")) and s2.worker_peak_rss_mb

    again = ingest(small_corpus, store=on_ray, engine="ray", workers=2, shards=tmp_path / "shards2")
    assert (again.analyzed, again.duplicates) == (0, 7)
    assert not (tmp_path / "shards2").exists() or not list((tmp_path / "shards2").glob("*.parquet"))


def test_ray_shards_left_for_a_warehouse_then_imported(local_ray, small_corpus, memory_store, tmp_path):
    import pyarrow.parquet as pq

    from tidings.scale.shards import SHARD_COLUMNS

    store = memory_store()
    shards = tmp_path / "warehouse"
    summary = ingest(small_corpus, store=store, engine="ray", workers=2, shards=shards, import_shards=False)
    assert summary.analyzed == 0 and not store.records
    table = pq.read_table(shards)
    assert tuple(table.column_names) == SHARD_COLUMNS and table.num_rows == 6
    imported = ingest([shards], store=store)  # `tidings ingest shards/` imports Parquet shards
    assert imported.analyzed == 6 and len(store.records) == 6
    assert {Path(p).suffix for p in map(str, shards.iterdir())} == {".parquet"}


def test_small_input_is_split_so_every_actor_gets_work():
    from tidings.scale.ray_data import _actor_batch, _blocks

    assert _blocks(20, 32, 2) >= 2 and _actor_batch(20, 32, 2) == 10  # 20 articles, 2 actors: 10 each
    assert _blocks(1, 32, 4) == 1 and _actor_batch(1, 32, 4) == 1
    assert _actor_batch(10_000, 32, 2) == 32  # big inputs keep the batch size


def test_both_actors_analyze_a_small_input_with_the_current_api(local_ray, memory_store, tmp_path, recwarn):
    import json

    f = tmp_path / "twenty.jsonl"
    f.write_text("".join(json.dumps({"text": f"Library {i} opens\n\nThe mayor opened library number {i} on Monday "
                                             f"with {i + 3} reading rooms, officials said."}) + "\n"
                         for i in range(20)))
    summary = ingest([str(f)], store=memory_store(), engine="ray", workers=2, shards=tmp_path / "s")
    assert summary.analyzed == 20
    assert len(summary.worker_peak_rss_mb) == 2, summary.worker_peak_rss_mb  # one actor did not do it all
    said = [str(w.message) for w in recwarn]  # recwarn sees warnings the CLI filters out; these must not arise
    assert not [m for m in said if "only received" in m or "concurrency" in m], said


def test_native_log_lines_go_to_a_file_unless_verbose(tmp_path):
    import subprocess
    import sys

    code = ("import os, sys; from tidings.scale.ray_data import _NativeStderr; n = _NativeStderr(); n.start(); "
            "os.write(2, b'core_worker.cc: native line\\n'); print('python line', file=sys.stderr); n.stop(); "
            "print(n.path or '')")
    env = {**__import__("os").environ, "TMPDIR": str(tmp_path)}
    env.pop("TIDINGS_VERBOSE", None)
    quiet = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert "python line" in quiet.stderr and "native line" not in quiet.stderr, quiet.stderr
    assert "native line" in open(quiet.stdout.strip()).read()
    loud = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                          env={**env, "TIDINGS_VERBOSE": "1"})
    assert "native line" in loud.stderr and "python line" in loud.stderr


def test_ray_gives_items_the_home_as_one_process_does(local_ray, small_corpus, memory_store, tmp_path):
    single, on_ray = memory_store(), memory_store()
    ingest(small_corpus, store=single, home="Alexandria, La.")
    ingest(small_corpus, store=on_ray, engine="ray", workers=2, shards=tmp_path / "shards", home="Alexandria, La.")
    assert {r.get("source_location") for r in on_ray.records.values()} == {"Alexandria, La."}
    assert on_ray.records == single.records
