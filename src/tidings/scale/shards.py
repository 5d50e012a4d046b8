"""Parquet shards of records: what the Ray engine writes and the store imports.

``import_shards`` also reads the nested record Parquet of ``tidings export --format parquet``
(one column a top-level field), so an export can be loaded into another store.

One row an article. ``record`` holds the whole Article as JSON (the contract, see
record.py); the other columns repeat a few top-level fields so a warehouse can filter
and partition without parsing JSON:

    id STRING, schema_version STRING, url STRING, title STRING, published STRING,
    source_name STRING, language STRING, record STRING (Article JSON)
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

from ..errors import InputError
from ..items import InputItem
from ..pipeline import Outcome
from ..record import Article

__all__ = ["SHARD_COLUMNS", "shard_schema", "shard_row", "shard_files", "import_shards"]

SHARD_COLUMNS = ("id", "schema_version", "url", "title", "published", "source_name", "language", "record")


def shard_schema():
    import pyarrow as pa

    return pa.schema([(name, pa.string()) for name in SHARD_COLUMNS])


def shard_row(record: Article, record_json: str | None = None) -> dict:
    return {"id": record.id, "schema_version": record.schema_version, "url": record.url, "title": record.title,
            "published": record.published, "source_name": record.source_name, "language": record.language,
            "record": record_json if record_json is not None else record.to_json()}


def shard_files(paths: Iterable[Path]) -> list[Path]:
    """The .parquet files of the given files and folders, sorted."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*.parquet") if not p.name.startswith(".")))
        else:
            out.append(path)
    return out


def import_shards(paths: Iterable[Path], ledger, *, batch_size: int = 256, stop=None) -> None:
    """Write the records of Parquet shards through the ledger (one transaction a batch; stored ids skipped)."""
    import pyarrow.parquet as pq

    for path in shard_files(paths):
        try:
            handle = pq.ParquetFile(path)
            names = handle.schema_arrow.names
            if "record" in names:  # shards: the record as JSON
                columns, parse = ["record"], Article.model_validate_json
            elif {"id", "text", "schema_version"} <= set(names):  # `tidings export --format parquet`: nested
                columns, parse = None, Article.model_validate
            else:
                raise InputError("not a tidings shard or record export (no 'record' column)", item=str(path))
            row = 0
            for batch in handle.iter_batches(batch_size=batch_size, columns=columns):
                records: list[Outcome] = []
                values = batch.column(0).to_pylist() if columns else batch.to_pylist()
                for value in values:
                    row += 1
                    try:
                        records.append(Outcome(InputItem(location=f"{path}#{row}"), article=parse(value)))
                    except Exception as exc:  # a damaged row: report it, keep the rest
                        ledger.fail(InputError(f"not a valid record: {exc}"[:300], item=f"{path}#{row}"))
                ledger.write(records)
                if stop is not None and stop.is_set():
                    ledger.summary.interrupted = True
                    return
        except InputError as exc:
            ledger.fail(exc)
        except (OSError, ValueError) as exc:  # pyarrow: not Parquet, truncated
            ledger.fail(InputError(f"cannot read the Parquet file: {exc}", item=str(path)))
