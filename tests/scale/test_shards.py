"""Parquet shards of records: layout and import (tidings.scale.shards)."""
from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq

from tidings.ingest import IngestSummary
from tidings.record import Article
from tidings.scale.ledger import Ledger
from tidings.scale.shards import SHARD_COLUMNS, import_shards, shard_row, shard_schema


def _record(i: int) -> Article:
    return Article(id=f"id{i}", text=f"Article number {i} says little.", url=f"https://x.example/{i}",
                   published="2024-01-0%d" % (i + 1), language="en")


def test_rows_import_in_batches_and_bad_rows_are_reported(tmp_path, memory_store):
    rows = [shard_row(_record(i)) for i in range(5)]
    rows.append({**shard_row(_record(9)), "record": "{not a record"})
    (tmp_path / "shards").mkdir()
    pq.write_table(pa.Table.from_pylist(rows, schema=shard_schema()), tmp_path / "shards" / "part-0.parquet")
    pq.write_table(pa.table({"x": [1]}), tmp_path / "shards" / "foreign.parquet")
    store, summary = memory_store(), IngestSummary()
    import_shards([tmp_path / "shards"], Ledger(store, summary), batch_size=2)
    assert summary.analyzed == 5 and len(store.records) == 5
    assert store.batches == [2, 2, 1]  # one transaction a batch (the bad row dropped from the last)
    where = sorted(f.item for f in summary.failures)
    assert where == [str(tmp_path / "shards" / "foreign.parquet"), f"{tmp_path / 'shards' / 'part-0.parquet'}#6"]
    assert Article.from_json(store.records["id3"]) == _record(3)

    again = IngestSummary()
    import_shards([tmp_path / "shards" / "part-0.parquet"], Ledger(store, again))
    assert (again.analyzed, again.duplicates) == (0, 5)


def test_shard_columns_repeat_the_record():
    row = shard_row(_record(1))
    assert tuple(row) == SHARD_COLUMNS
    assert Article.from_json(row["record"]).url == row["url"] == "https://x.example/1"


def test_not_parquet_is_a_failure(tmp_path, memory_store):
    bad = tmp_path / "bad.parquet"
    bad.write_text("not parquet")
    summary = IngestSummary()
    import_shards([bad], Ledger(memory_store(), summary))
    assert summary.failed == 1 and summary.failures[0].item == str(bad)


def test_nested_record_export_is_imported_too(tmp_path, memory_store):
    export = __import__("pytest").importorskip("tidings.export.records")
    out = tmp_path / "records.parquet"
    export.write_parquet([_record(i) for i in range(3)], out)
    store, summary = memory_store(), IngestSummary()
    import_shards([out], Ledger(store, summary))
    assert summary.analyzed == 3 and Article.from_json(store.records["id2"]) == _record(2)
