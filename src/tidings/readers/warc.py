"""WARC / WARC.gz crawls (warcio): HTML responses only, one article a response record."""
from __future__ import annotations

from pathlib import Path
from typing import IO, Iterator

from ..errors import InputError
from ..items import InputItem
from ._common import decode_bytes, meta_str

__all__ = ["read_warc_file", "read_warc_stream"]

_HTML_TYPES = ("text/html", "application/xhtml+xml")


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
    offset = 0
    try:
        iterator = ArchiveIterator(stream, arc2warc=True)
        for record in iterator:
            offset = iterator.get_record_offset()
            location = f"{name}@{offset}"
            if record.rec_type != "response" or record.http_headers is None:
                continue
            status = record.http_headers.get_statuscode() or ""
            ctype = (record.http_headers.get_header("Content-Type") or "").lower()
            if not status.startswith("2") or not ctype.startswith(_HTML_TYPES):
                continue
            body = record.content_stream().read()
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
    except Exception as exc:  # warcio raises several types for damaged archives
        if offset == 0 and not isinstance(exc, OSError):
            yield InputError(f"not a readable WARC file ({type(exc).__name__}: {exc})", item=f"{name}@0")
        else:
            yield InputError(f"damaged WARC record after this offset ({type(exc).__name__}: {exc})",
                             item=f"{name}@{offset}")


def _charset(ctype: str) -> str | None:
    for part in ctype.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.strip() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None
