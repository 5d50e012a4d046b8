"""Plain-text and HTML files: one file, one article — and `read_one`, the one reader of a single article
(a path, an http(s) URL or "-") that `tidings analyze` and ingest share."""
from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import IO, Iterator

from ..errors import InputError
from ..items import InputItem
from ._common import decode_bytes, kind_of, sniff_kind

__all__ = ["read_text_file", "read_html_file", "read_one", "item_from_bytes", "read_limited", "MAX_FILE_BYTES"]

# A news article is a few kilobytes; a file this big is not one article.
MAX_FILE_BYTES = 20 * 1024 * 1024
_TOO_BIG_HINT = "split it, or give it as JSON Lines"


def _too_big(size: int | str, location: str, limit: int = MAX_FILE_BYTES) -> InputError:
    size = f"{size:,}" if isinstance(size, int) else size
    return InputError(f"file too big for one article ({size} bytes, limit {limit:,})", item=location,
                      hint=_TOO_BIG_HINT)


def _read_bytes(path: Path, location: str, limit: int = MAX_FILE_BYTES) -> bytes:
    """The file's bytes; refused by its size before it is read."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise _too_big(size, location, limit)
        with path.open("rb") as handle:  # a file that grows while read is still cut at the limit
            return read_limited(handle, location, limit)
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror or exc}", item=location) from None


def read_limited(stream: IO[bytes], location: str, limit: int = MAX_FILE_BYTES) -> bytes:
    """At most `limit` bytes of a stream; more is an InputError (the rest is never read)."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise _too_big(f"over {limit:,}", location, limit)
    return data


def item_from_bytes(data: bytes, location: str, kind: str = "sniff", **meta) -> InputItem:
    """One article from raw bytes: text or HTML (sniffed when `kind` is "sniff"), decoded the one way."""
    if kind == "sniff":
        kind = sniff_kind(data[:4096])
    if kind not in ("text", "html"):
        raise InputError(f"this is a {kind} input (several articles), not one article", item=location,
                         hint="use `tidings ingest` for feeds, JSON Lines and WARC files")
    if kind == "html":
        return InputItem(html=decode_bytes(data, location, declared=_meta_charset(data)), location=location, **meta)
    return InputItem(text=decode_bytes(data, location), location=location, **meta)


def read_text_file(path: Path, location: str | None = None, **meta) -> Iterator[InputItem | InputError]:
    """Yield the one article a text file holds, or the InputError saying why it cannot be read."""
    location = location or str(path)
    try:
        yield item_from_bytes(_read_bytes(path, location), location, "text", **meta)
    except InputError as exc:
        yield exc


def read_html_file(path: Path, location: str | None = None, **meta) -> Iterator[InputItem | InputError]:
    """Yield the one article page an HTML file holds (converted to text by the pipeline)."""
    location = location or str(path)
    try:
        yield item_from_bytes(_read_bytes(path, location), location, "html", **meta)
    except InputError as exc:
        yield exc


def read_one(source: str, *, url: str | None = None, published: str | None = None, title: str | None = None,
             stdin: IO[bytes] | None = None, fetcher=None) -> InputItem:
    """PATH, http(s) URL or "-" → one InputItem; raises InputError naming the source.

    Files are refused by size before they are read, standard input and pages are read up
    to the same limit; text and HTML are told apart by the file name or the first bytes,
    and decoded as `decode_bytes` says (BOM, declared charset, UTF-8, cp1252, detection).
    """
    meta = {"url": url, "published": published, "title": title}
    if source == "-":
        return item_from_bytes(read_limited(stdin or sys.stdin.buffer, "<stdin>"), "<stdin>", **meta)
    if source.startswith(("http://", "https://")):
        from .http import Fetcher, FetchError

        own = fetcher is None
        fetcher = fetcher or Fetcher(retries=1, per_host_interval=0.0, max_bytes=MAX_FILE_BYTES,
                                     allow_private=True)  # the user named this address
        try:
            page = fetcher.get(source)
        except FetchError as exc:
            raise InputError(f"could not fetch the page: {exc}", item=source) from None
        finally:
            if own:
                fetcher.close()
        if page.truncated:
            raise _too_big(f"over {fetcher.max_bytes:,}", source)
        kind = "html" if "html" in page.content_type.lower() else "sniff"
        meta["url"] = url or page.url
        return item_from_bytes(page.content, source, kind, **meta)
    path = Path(source)
    if path.is_dir():
        raise InputError("a folder, not one article", item=source, hint="use `tidings ingest FOLDER`")
    if not path.is_file():
        raise InputError("no such file", item=source)
    return item_from_bytes(_read_bytes(path, source), source, kind_of(path) or "sniff", **meta)


def _meta_charset(data: bytes) -> str | None:
    """The charset a page declares in its first bytes (<meta charset=…>), if any."""
    m = re.search(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_\-]+)""", data[:4096], re.I)
    return m.group(1).decode("ascii") if m else None
