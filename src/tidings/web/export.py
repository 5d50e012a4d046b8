"""One list answer for the API: a page of rows with `total` (a COUNT query) next to `more`, as JSON or CSV.

The rows are paged in SQL (the query's LIMIT/OFFSET); the total is the query's `count_*` twin over the
same filters. CSV has a header row (the query's declared columns, also when no row matches) and is
sent as an attachment; its cells are what the JSON answer holds (None → empty, dates in ISO form), except
that a text cell beginning with = + - @, a tab or a carriage return gets a leading apostrophe, so that a
spreadsheet shows it as text instead of running it as a formula (OWASP, "CSV injection"); numbers are left as
they are (-7.0 stays -7.0).
"""
from __future__ import annotations

import csv
import io
from datetime import date, datetime

from fastapi.encoders import jsonable_encoder
from fastapi.responses import Response

__all__ = ["listing", "page", "csv_text"]


async def listing(state, find, count, filters: dict, columns: tuple, limit: int, offset: int, format: str,
                  name: str, **options):
    """`find(store, **filters, limit, offset, **options)` and `count(store, **filters)` as an API answer."""
    rows = await state.aread(find, **filters, limit=limit, offset=offset, **options)
    total = await state.aread(count, **filters)
    if format == "csv":
        return Response(csv_text(rows, columns), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})
    return page(rows, total, limit, offset)


def page(rows: list[dict], total: int, limit: int, offset: int) -> dict:
    return {"items": rows, "limit": limit, "offset": offset, "count": len(rows), "total": total,
            "more": offset + len(rows) < total}


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value) -> str:
    if isinstance(value, str):
        return "'" + value if value.startswith(_FORMULA_STARTS) else value
    if value is None:
        return ""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    encoded = jsonable_encoder(value)
    return encoded if isinstance(encoded, str) else str(encoded)


def csv_text(rows: list[dict], columns: tuple) -> str:
    """A header row of `columns`, then one line per row (RFC 4180 quoting, \\r\\n line ends)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in columns])
    return out.getvalue()
