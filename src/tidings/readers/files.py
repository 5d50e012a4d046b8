"""Plain-text and HTML files: one file, one article."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ..errors import InputError
from ..items import InputItem
from ._common import decode_bytes

__all__ = ["read_text_file", "read_html_file", "MAX_FILE_BYTES"]

# A news article is a few kilobytes; a file this big is not one article.
MAX_FILE_BYTES = 20 * 1024 * 1024


def _read_bytes(path: Path, location: str) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(f"file too big for one article ({size:,} bytes)", item=location,
                             hint="split it, or give it as JSON Lines")
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror or exc}", item=location) from None


def read_text_file(path: Path, location: str | None = None, **meta) -> Iterator[InputItem | InputError]:
    """Yield the one article a text file holds, or the InputError saying why it cannot be read."""
    location = location or str(path)
    try:
        text = decode_bytes(_read_bytes(path, location), location)
    except InputError as exc:
        yield exc
        return
    yield InputItem(text=text, location=location, **meta)


def read_html_file(path: Path, location: str | None = None, **meta) -> Iterator[InputItem | InputError]:
    """Yield the one article page an HTML file holds (converted to text by the pipeline)."""
    location = location or str(path)
    try:
        data = _read_bytes(path, location)
        html = decode_bytes(data, location, declared=_meta_charset(data))
    except InputError as exc:
        yield exc
        return
    yield InputItem(html=html, location=location, **meta)


def _meta_charset(data: bytes) -> str | None:
    """The charset a page declares in its first bytes (<meta charset=…>), if any."""
    import re

    m = re.search(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_\-]+)""", data[:4096], re.I)
    return m.group(1).decode("ascii") if m else None
