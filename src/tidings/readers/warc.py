"""WARC / WARC.gz crawls (warcio): HTML responses only, one article a response record."""
from __future__ import annotations

import zlib
from pathlib import Path
from typing import IO, Iterator

from ..errors import InputError
from ..items import InputItem
from ._common import decode_bytes, meta_str
from .files import MAX_FILE_BYTES

__all__ = ["read_warc_file", "read_warc_stream"]

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_HEAD = 4096


def read_warc_file(path: Path, location: str | None = None, defaults: dict | None = None
                   ) -> Iterator[InputItem | InputError]:
    name = location or str(path)
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield InputError(f"cannot read the file: {exc.strerror or exc}", item=name)
        return
    with handle:
        yield from read_warc_stream(handle, name, defaults)


def read_warc_stream(stream: IO[bytes], name: str, defaults: dict | None = None
                     ) -> Iterator[InputItem | InputError]:
    """Items of the HTML responses in a WARC; each located as "name@OFFSET" (the record's byte offset).

    Requests, metadata, revisits and non-HTML or non-2xx responses are passed over; a
    damaged record ends the file with an InputError at the last good offset.
    """
    from warcio.archiveiterator import ArchiveIterator

    defaults = defaults or {}
    head = stream.read(_HEAD)
    if not _looks_like_warc(head):
        yield InputError("not a WARC file (no WARC/ or ARC header)", item=f"{name}@0")
        return
    stream.seek(0)
    offset, end = 0, 0
    try:
        iterator = ArchiveIterator(stream, arc2warc=True)
        for record in iterator:
            wanted = record.rec_type == "response" and record.http_headers is not None
            if wanted:
                status = record.http_headers.get_statuscode() or ""
                ctype = (record.http_headers.get_header("Content-Type") or "").lower()
                wanted = status.startswith("2") and ctype.startswith(_HTML_TYPES)
            body = record.content_stream().read(MAX_FILE_BYTES + 1) if wanted else b""  # bounded: see below
            offset = iterator.get_record_offset()  # known once the record is read
            end = offset + iterator.get_record_length()
            location = f"{name}@{offset}"
            if getattr(record.raw_stream, "limit", 0):  # fewer bytes than its Content-Length
                yield InputError("truncated WARC record", item=location)
                return
            if not wanted:
                continue
            if len(body) > MAX_FILE_BYTES:  # warcio reads past the rest of the record in small chunks
                yield InputError(f"response body larger than {MAX_FILE_BYTES:,} bytes (inflated); skipped",
                                 item=location)
                continue
            try:
                html = decode_bytes(body, location, declared=_charset(ctype))
            except InputError as exc:
                yield exc
                continue
            extra = {}
            crawled = meta_str(record.rec_headers.get_header("WARC-Date"))
            if crawled:
                extra["crawled"] = crawled
            yield InputItem(html=html, url=meta_str(record.rec_headers.get_header("WARC-Target-URI")),
                            published=defaults.get("published"), source_name=defaults.get("source_name"),
                            location=location, extra=extra)
        size = stream.seek(0, 2)
        if size - end > 4:  # bytes left that warcio could not read as a record (a cut gzip member)
            yield InputError("damaged or truncated WARC data after this record", item=f"{name}@{end}")
    except Exception as exc:  # warcio raises several types for damaged archives
        if offset == 0 and not isinstance(exc, OSError):
            yield InputError(f"not a readable WARC file ({type(exc).__name__}: {exc})", item=f"{name}@0")
        else:
            yield InputError(f"damaged WARC record after this offset ({type(exc).__name__}: {exc})",
                             item=f"{name}@{offset}")


def _looks_like_warc(head: bytes) -> bool:
    if head[:2] == b"\x1f\x8b":
        try:
            head = zlib.decompressobj(wbits=31).decompress(head, 64)
        except zlib.error:
            return False
    return head.lstrip(b"\r\n").startswith((b"WARC/", b"filedesc://"))


def _charset(ctype: str) -> str | None:
    for part in ctype.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.strip() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None
