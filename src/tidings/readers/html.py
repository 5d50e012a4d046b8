"""HTML → article text and metadata, with trafilatura."""
from __future__ import annotations

from dataclasses import replace

from ..errors import InputError
from ..items import InputItem

__all__ = ["html_to_item"]


def html_to_item(item: InputItem) -> InputItem:
    """Extract the main text, title, date, author and site name of `item.html`.

    Values given on the item (title, published, url) win over what the page says;
    a date taken from the page is marked so the record says `published_source: page`.
    """
    import trafilatura

    html = item.html
    if isinstance(html, bytes):
        html = html.decode("utf-8", errors="replace")
    if not isinstance(html, str) or not html.strip():
        raise InputError("empty HTML document", item=item.location, code="E101")
    try:
        doc = trafilatura.bare_extraction(html, url=item.url, with_metadata=True, include_comments=False,
                                          include_tables=False, favor_precision=True)
    except Exception as exc:  # trafilatura raises on some broken trees
        raise InputError(f"HTML could not be parsed: {exc}", item=item.location) from exc
    if doc is None:
        raise InputError("no article text found in the HTML page", item=item.location, code="E101")
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = data.get("text") or ""
    if not text.strip():
        raise InputError("no article text found in the HTML page", item=item.location, code="E101")
    extra = dict(item.extra)
    published = item.published
    if not published and data.get("date"):
        published = data["date"]
        extra["published_from_page"] = True
    if data.get("author"):
        extra["author"] = data["author"]
    return replace(item, text=text, html=None, title=item.title or data.get("title"), published=published,
                   url=item.url or data.get("url"), source_name=item.source_name or data.get("sitename"), extra=extra)
