"""What a SOURCE yields each poll: new items (URL + how to get the page), from a feed, sitemap, page list or folder."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..items import InputItem

__all__ = ["Candidate", "candidates_from", "is_url"]

_LOC = re.compile(rb"<loc>\s*([^<\s]+)\s*</loc>", re.IGNORECASE)


@dataclass
class Candidate:
    """A new item: its URL, and the feed's own copy of the text to fall back on if the page cannot be fetched."""
    url: str
    fallback: InputItem | None = None


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def candidates_from(body: bytes, source: str) -> list[Candidate]:
    """Links listed by a feed (RSS/Atom), a sitemap (<urlset><loc>) or a page list (one URL a line)."""
    head = body.lstrip()[:400].lower()
    if b"<urlset" in head or b"<sitemapindex" in head:
        return [Candidate(m.group(1).decode("utf-8", "replace")) for m in _LOC.finditer(body)]
    if head.startswith(b"<?xml") or b"<rss" in head or b"<feed" in head or b"<rdf" in head:
        from ..readers.feeds import read_feed_bytes

        out = []
        for item in read_feed_bytes(body, source):
            if isinstance(item, InputItem) and item.url:
                out.append(Candidate(item.url, fallback=item))
        return out
    lines = body.decode("utf-8", "replace").splitlines()
    return [Candidate(line.strip()) for line in lines if is_url(line.strip())]


def folder_items(folder: Path) -> list[tuple[str, InputItem]]:
    """(key, item) for each .txt / .html file of a local folder, key = file URI."""
    out = []
    for path in sorted(folder.rglob("*")):
        if path.suffix.lower() not in (".txt", ".html", ".htm") or not path.is_file():
            continue
        data = path.read_text("utf-8", errors="replace")
        item = InputItem(html=data, location=str(path)) if path.suffix.lower() != ".txt" else \
            InputItem(text=data, location=str(path))
        out.append((path.resolve().as_uri(), item))
    return out
