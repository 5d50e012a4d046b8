"""Full records out: JSON Lines (one Article JSON a line) and Parquet (one row per article, nested).

The Parquet schema is derived from the pydantic model, so every file has the same columns
whatever the records hold (an empty list is still a typed list).
"""
from __future__ import annotations

import types
import typing
from functools import cache
from pathlib import Path

from pydantic import BaseModel

from ..record import Article

__all__ = ["write_jsonl", "write_parquet", "arrow_schema"]


def _arrow_type(annotation):
    import pyarrow as pa

    origin = typing.get_origin(annotation)
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if origin in (typing.Union, types.UnionType):
        return _arrow_type(args[0])
    if origin is typing.Literal:
        return pa.string()
    if origin is list:
        return pa.list_(_arrow_type(args[0]))
    if origin is tuple:
        return pa.list_(_arrow_type(args[0]))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return pa.struct([pa.field(name, _arrow_type(f.annotation)) for name, f in annotation.model_fields.items()])
    return {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_()}[annotation]


@cache
def arrow_schema():
    import pyarrow as pa

    return pa.schema([pa.field(name, _arrow_type(f.annotation)) for name, f in Article.model_fields.items()])


def write_jsonl(articles, out: Path) -> int:
    n = 0
    with open(out, "w", encoding="utf-8") as fh:
        for article in articles:
            fh.write(article.to_json())
            fh.write("\n")
            n += 1
    return n


def write_parquet(articles, out: Path, *, batch: int = 1000) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = arrow_schema()
    n = 0
    with pq.ParquetWriter(out, schema, compression="zstd") as writer:
        rows: list[dict] = []
        for article in articles:
            rows.append(article.as_dict())
            if len(rows) >= batch:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                n += len(rows)
                rows = []
        if rows or n == 0:
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
            n += len(rows)
    return n
