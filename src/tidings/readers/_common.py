"""Shared reader helpers: decoding bytes, telling an input's kind, item metadata."""
from __future__ import annotations

import codecs
import zlib
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

__all__ = ["KINDS", "FieldMap", "decode_bytes", "kind_of", "sniff_kind", "meta_str"]

# kind -> file-name endings (lower case); checked longest first.
KINDS: dict[str, tuple[str, ...]] = {
    "text": (".txt", ".text", ".md"),
    "html": (".html", ".htm", ".xhtml"),
    "jsonl": (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz", ".json"),
    "feed": (".rss", ".atom", ".xml", ".rdf"),
    "warc": (".warc", ".warc.gz", ".arc", ".arc.gz"),
    "parquet": (".parquet",),
}
_ENDINGS = sorted(((end, kind) for kind, ends in KINDS.items() for end in ends), key=lambda e: -len(e[0]))
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_SNIFF_BYTES = 4096
_FIELD_NAMES = ("text", "html", "url", "published", "title", "id", "source_name", "author")


@dataclass(slots=True)
class FieldMap:
    """Which key of a JSON object holds each item field; the first key present wins.

    Set one with ``FieldMap.from_pairs({"text": "body", "published": "date"})``: a field
    given explicitly is read from that key only.
    """
    text: tuple[str, ...] = ("text",)
    html: tuple[str, ...] = ("html",)
    url: tuple[str, ...] = ("url",)
    published: tuple[str, ...] = ("published", "date")
    title: tuple[str, ...] = ("title",)
    id: tuple[str, ...] = ("id",)
    source_name: tuple[str, ...] = ("source_name",)
    author: tuple[str, ...] = ("author",)

    @classmethod
    def from_pairs(cls, pairs: dict[str, str] | None) -> "FieldMap":
        fm = cls()
        for name, key in (pairs or {}).items():
            if name not in _FIELD_NAMES:
                raise_config(f"unknown item field {name!r} in a field mapping",
                             "use one of text, html, url, published, title, id, source_name, author")
            if not isinstance(key, str) or not key:
                raise_config(f"empty key for the item field {name!r}", "write NAME=KEY, e.g. published=date")
            setattr(fm, name, (key,))
        return fm

    def pick(self, obj: dict, name: str):
        for key in getattr(self, name):
            if key in obj and obj[key] is not None:
                return obj[key]
        return None


def raise_config(message: str, hint: str) -> None:
    from ..errors import ConfigError

    raise ConfigError(message, hint=hint)


def meta_str(value) -> str | None:
    """A metadata value as a string (None stays None, blank becomes None)."""
    if value is None:
        return None
    text = value if isinstance(value, str) else str(value)
    text = text.strip()
    return text or None


def decode_bytes(data: bytes, location: str, *, declared: str | None = None) -> str:
    """Text from bytes: a BOM, the declared charset, UTF-8, cp1252 (Latin-1 as Windows writes it),
    then charset detection.

    cp1252 is taken only when it reads as Latin text (accented letters are a small share of
    the letters): a short Latin-1 "Café owners in Zürich" is too short for detection to tell
    code pages apart, while a Cyrillic or Greek code page falls through to detection.
    Raises InputError for empty, binary or PDF content.
    """
    if not data.strip():
        raise InputError("empty input", item=location, code="E101")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    if data.lstrip()[:5] == b"%PDF-":
        raise InputError("a PDF document, not text or HTML", item=location, code="E102",
                         hint="convert it to text first (e.g. pdftotext FILE.pdf)")
    if b"\x00" in data[:_SNIFF_BYTES]:
        raise InputError("binary content, not text", item=location, code="E102", hint="give .txt, .html, .jsonl, feed or WARC files")
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    latin = _as_cp1252(data)
    if latin is not None:
        return latin
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError("binary content or unknown text encoding", item=location, code="E102",
                         hint="save the file as UTF-8")
    return str(best)


def _as_cp1252(data: bytes) -> str | None:
    """`data` as cp1252 when that reads as Latin-script text, else None."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = sum(1 for ch in text if ch.isalpha())
    accented = sum(1 for ch in text if ord(ch) > 127 and ch.isalpha())
    odd = sum(1 for ch in text if ord(ch) > 127 and not ch.isalpha() and ch not in _CP1252_PUNCT)
    if letters == 0 or accented > 0.3 * letters or odd > max(2, 0.02 * len(text)):
        return None
    return text


# Punctuation cp1252 gives for its 0x80–0xBF bytes that real text uses (quotes, dashes, euro, degree …).
_CP1252_PUNCT = set("€‚„…†‡ˆ‰‹‘’“”•–—˜™›¡¢£¥§¨©«¬®°±²³´µ¶·¸¹º»¼½¾¿×÷")


def kind_of(path: Path) -> str | None:
    """The input kind a file name says, or None."""
    name = path.name.lower()
    for end, kind in _ENDINGS:
        if name.endswith(end):
            return kind
    return None


def sniff_kind(head: bytes) -> str:
    """Guess an input's kind from its first bytes (for stdin and files with odd names)."""
    if head[:2] == b"\x1f\x8b":  # gzip: look inside (the head may be a truncated stream)
        try:
            head = zlib.decompressobj(wbits=31).decompress(head, _SNIFF_BYTES)
        except zlib.error:
            head = b""
    if head.startswith(b"WARC/"):
        return "warc"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:_SNIFF_BYTES].lower()
    if start.startswith(b"{"):
        return "jsonl"
    if start.startswith(b"<"):
        if b"<rss" in start or b"<feed" in start or b"<rdf:rdf" in start:
            return "feed"
        return "html"
    return "text"
