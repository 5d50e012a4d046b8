"""RSS and Atom feed files (tidings.readers.feeds)."""
from __future__ import annotations

from tidings.errors import InputError
from tidings.items import InputItem
from tidings.readers import iter_inputs
from tidings.readers.feeds import fragment_text, read_feed_bytes

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Harbour Gazette</title><link>https://gazette.example</link>
<item><title>Ferries resume</title><link>https://gazette.example/ferries</link><guid>g-1</guid>
<pubDate>Fri, 05 Apr 2024 09:30:00 GMT</pubDate>
<content:encoded><![CDATA[<p>The harbour master said on Friday that two ferries would resume service.</p><p>Repairs took <b>six</b> weeks.</p><script>x()</script>]]></content:encoded>
<description>Short teaser.</description></item>
<item><title>Teaser only</title><link>https://gazette.example/teaser</link>
<description>The port authority opened a new terminal on Thursday.</description></item>
<item><title>Nothing here</title><link>https://gazette.example/empty</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Valley News</title>
<entry><title>Bridge opens</title><link href="https://valley.example/bridge"/><id>urn:v:1</id>
<updated>2023-11-20T08:00:00Z</updated><author><name>Ana Ruiz</name></author>
<content type="text">The new bridge over the river opened to traffic on Monday morning.</content></entry>
</feed>"""


def test_rss_entries_content_summary_and_metadata():
    objs = list(read_feed_bytes(RSS.encode(), "gazette.rss"))
    first, second, third = objs
    assert isinstance(first, InputItem) and first.location == "gazette.rss#1"
    assert first.text == ("The harbour master said on Friday that two ferries would resume service.\n\n"
                          "Repairs took six weeks.")
    assert (first.title, first.url, first.published, first.source_name) == (
        "Ferries resume", "https://gazette.example/ferries", "2024-04-05", "Harbour Gazette")
    assert first.extra["guid"] == "g-1"
    assert second.text == "The port authority opened a new terminal on Thursday."
    assert isinstance(third, InputError) and third.item == "gazette.rss#3"


def test_atom_file_by_extension(tmp_path):
    f = tmp_path / "valley.atom"
    f.write_text(ATOM, encoding="utf-8")
    (item,) = list(iter_inputs([f]))
    assert item.text.startswith("The new bridge") and item.published == "2023-11-20"
    assert item.extra["author"] == "Ana Ruiz" and item.location == f"{f}#1"


def test_not_a_feed_is_one_error():
    (err,) = list(read_feed_bytes(b"<html><body>hello</body></html>", "page.xml"))
    assert isinstance(err, InputError) and err.item == "page.xml"
    (err,) = list(read_feed_bytes(b"", "empty.rss"))
    assert isinstance(err, InputError)


def test_fragment_text_keeps_paragraphs():
    assert fragment_text("<div><p>One  two.</p><p>Three<br>four.</p></div>") == "One two.\n\nThree\n\nfour."


def test_entries_with_title_and_link_only_are_reported_as_no_text_per_entry():
    from tidings.readers.feeds import feed_entries, read_feed_bytes

    feed = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
            b'<item><title>Floods in the north</title><link>https://news.example/floods</link></item>'
            b'<item><title>Bridge reopens</title><link>https://news.example/bridge</link>'
            b'<description>The bridge reopened on Monday, officials said.</description></item>'
            b'</channel></rss>')
    out = list(read_feed_bytes(feed, "wire.rss"))
    assert isinstance(out[0], InputError) and out[0].item == "wire.rss#1"
    assert "no text" in out[0].message and "https://news.example/floods" in out[0].message
    assert isinstance(out[1], InputItem) and out[1].url == "https://news.example/bridge"
    entries = list(feed_entries(feed, "wire.rss"))  # what watch follows: both links
    assert [e.link for e in entries] == ["https://news.example/floods", "https://news.example/bridge"]
    assert entries[0].meta["title"] == "Floods in the north" and entries[0].item is None
