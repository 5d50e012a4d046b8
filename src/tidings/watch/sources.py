"""What a SOURCE yields each poll: new items (URL + how to get the page), from a feed, sitemap, page list or folder."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..items import InputItem

__all__ = ["Candidate", "candidates_from", "is_url"]

_LOC = re.compile(rb"<loc>\s*([^<\s]+)\s*</loc>", re.IGNORECASE)


@dataclass
class Candidate:
    """A new item: its URL, the feed's own copy of the text to fall back on when the page cannot be
    fetched or yields no text, and what the feed says of it (title, date, source name)."""
    url: str
    fallback: InputItem | None = None
    meta: dict | None = None


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def candidates_from(body: bytes, source: str) -> list[Candidate]:
    """Links listed by a feed (RSS/Atom), a sitemap (<urlset><loc>) or a page list (one URL a line)."""
    head = body.lstrip()[:400].lower()
    if b"<urlset" in head or b"<sitemapindex" in head:
        return [Candidate(m.group(1).decode("utf-8", "replace")) for m in _LOC.finditer(body)]
    if head.startswith(b"<?xml") or b"<rss" in head or b"<feed" in head or b"<rdf" in head:
        from ..readers.feeds import feed_entries

        out = []
        for entry in feed_entries(body, source):
            if entry.link and is_url(entry.link):  # entries with a title and a link only are followed too
                meta = {k: entry.meta.get(k) for k in ("title", "published", "source_name")}
                out.append(Candidate(entry.link, fallback=entry.item, meta=meta))
        return out
    lines = body.decode("utf-8", "replace").splitlines()
    return [Candidate(line.strip()) for line in lines if is_url(line.strip())]


def folder_items(folder: Path) -> list[tuple[str, "InputItem | InputError"]]:
    """(key, item) for each .txt / .html file of a local folder, key = file URI."""
    from ..readers.files import read_html_file, read_text_file

    out = []
    for path in sorted(folder.rglob("*")):
        if path.suffix.lower() not in (".txt", ".html", ".htm") or not path.is_file():
            continue
        read = read_text_file if path.suffix.lower() == ".txt" else read_html_file
        out.append((path.resolve().as_uri(), next(read(path, str(path)))))  # an item, or the error naming it
    return out
