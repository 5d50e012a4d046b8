"""RSS and Atom feed files (feedparser): one article an entry, from its content or summary."""
from __future__ import annotations

import time
from pathlib import Path
from typing import Iterator

from ..errors import InputError
from ..items import InputItem
from ._common import meta_str

__all__ = ["read_feed_file", "read_feed_bytes", "feed_entries", "FeedEntry", "fragment_text"]

MAX_FEED_BYTES = 64 * 1024 * 1024  # feedparser holds the whole feed
_BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article"}


def read_feed_file(path: Path, location: str | None = None, defaults: dict | None = None
                   ) -> Iterator[InputItem | InputError]:
    name = location or str(path)
    from .files import _read_bytes

    try:
        data = _read_bytes(path, name, MAX_FEED_BYTES)
    except InputError as exc:
        yield exc
        return
    yield from read_feed_bytes(data, name, defaults)


def read_feed_bytes(data: bytes, name: str, defaults: dict | None = None) -> Iterator[InputItem | InputError]:
    """Items of a feed; an entry without text is yielded as an InputError at "name#N" (1-based)."""
    for entry in feed_entries(data, name, defaults):
        yield entry.item if entry.item is not None else entry.error


class FeedEntry:
    """One entry of a feed: its link, and its text as an item (or the error saying it has none)."""
    __slots__ = ("link", "item", "error", "meta")

    def __init__(self, link: str | None, item: InputItem | None, error: InputError | None, meta: dict):
        self.link, self.item, self.error, self.meta = link, item, error, meta


def feed_entries(data: bytes, name: str, defaults: dict | None = None) -> Iterator[FeedEntry]:
    """Every entry of a feed, those with a title and a link only too (watch follows their link).

    A feed that cannot be parsed, or has no entries, gives one entry holding the error.
    """
    import feedparser

    if not data.strip():
        yield FeedEntry(None, None, InputError("empty input", item=name, code="E101"), {})
        return
    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = f" ({parsed.get('bozo_exception')})" if parsed.get("bozo") else ""
        yield FeedEntry(None, None, InputError(f"not an RSS/Atom feed, or a feed without entries{reason}",
                                               item=name), {})
        return
    defaults = defaults or {}
    feed_title = meta_str(parsed.feed.get("title"))
    for number, entry in enumerate(parsed.entries, start=1):
        location = f"{name}#{number}"
        meta = _entry_meta(entry, location, feed_title, defaults)
        link = meta_str(entry.get("link"))
        text = _entry_text(entry)
        if text is None:
            what = f"title and link only: {link}" if link else "no content, summary or link"
            yield FeedEntry(link, None, InputError(f"no text in the feed entry ({what})", item=location, code="E101",
                                                   hint="`tidings watch` follows entry links"), meta)
        else:
            yield FeedEntry(link, InputItem(text=text, **meta), None, meta)


def _entry_text(entry) -> str | None:
    body, kind = None, "text/plain"
    for content in entry.get("content") or ():
        if (content.get("value") or "").strip():
            body, kind = content["value"], content.get("type") or "text/html"
            break
    if body is None and (entry.get("summary") or "").strip():
        body = entry["summary"]
        kind = (entry.get("summary_detail") or {}).get("type") or "text/html"
    if body is None:
        return None
    text = fragment_text(body) if "html" in kind else body
    return text if text.strip() else None


def _entry_meta(entry, location: str, feed_title: str | None, defaults: dict) -> dict:
    published = None
    for key in ("published_parsed", "updated_parsed"):
        stamp = entry.get(key)
        if stamp:
            published = time.strftime("%Y-%m-%d", stamp)
            break
    extra = {}
    if meta_str(entry.get("author")):
        extra["author"] = meta_str(entry.get("author"))
    if meta_str(entry.get("id")):
        extra["guid"] = meta_str(entry.get("id"))
    return dict(url=meta_str(entry.get("link")) or defaults.get("url"),
                published=published or defaults.get("published"), title=meta_str(entry.get("title")),
                source_name=feed_title or defaults.get("source_name"), location=location, extra=extra)


def fragment_text(html: str) -> str:
    """Text of an HTML fragment (entry content is the article body, not a page), paragraphs kept."""
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return html
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    parts: list[str] = []

    def walk(node) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in _BLOCKS:
            parts.append("\n\n")
        if node.text and tag:
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if tag in _BLOCKS:
            parts.append("\n\n")

    walk(root)
    lines = [" ".join(line.split()) for line in "".join(parts).split("\n")]
    out, blank = [], False
    for line in lines:
        if line:
            if blank and out:
                out.append("")
            out.append(line)
            blank = False
        else:
            blank = True
    return "\n".join(out)
