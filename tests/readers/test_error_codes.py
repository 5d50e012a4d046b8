"""Readers give the specific error codes: E101 for empty input, E102 for binary content (not the general E100)."""
from __future__ import annotations

import io

import pytest

from tidings.errors import ERRORS, InputError
from tidings.items import InputItem
from tidings.readers import STDIN, Source, iter_inputs, read_source
from tidings.readers.feeds import read_feed_bytes
from tidings.readers.html import html_to_item
from tidings.readers.jsonl import read_jsonl_lines

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"


def _only_error(objs) -> InputError:
    (err,) = list(objs)
    assert isinstance(err, InputError), err
    return err


@pytest.mark.parametrize("name, data, code", [
    ("empty.txt", b"", "E101"),
    ("blank.txt", b"  \n\t\n", "E101"),
    ("empty.html", b"", "E101"),
    ("image.txt", PNG, "E102"),
    ("image.html", PNG, "E102"),
    ("paper.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "E102"),
])
def test_files(tmp_path, name, data, code):
    path = tmp_path / name
    path.write_bytes(data)
    err = _only_error(iter_inputs([path]))
    assert (err.code, err.http_status) == (code, ERRORS[code].http_status) and err.item == str(path)


def test_a_pdf_in_a_folder_is_binary(tmp_path):
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "story.txt").write_text("The ferry resumed service on Friday, the harbour master said.\n")
    errors = [o for o in iter_inputs([tmp_path]) if isinstance(o, InputError)]
    assert [e.code for e in errors] == ["E102"]


@pytest.mark.parametrize("data, code", [(b" \n", "E101"), (PNG, "E102")])
def test_standard_input(data, code):
    assert _only_error(read_source(Source(STDIN, "sniff"), stdin=io.BytesIO(data))).code == code


def test_feeds():
    assert _only_error(read_feed_bytes(b"  ", "empty.rss")).code == "E101"
    feed = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>Gazette</title>'
            b"<item><title>Nothing here</title></item></channel></rss>")
    assert _only_error(read_feed_bytes(feed, "bare.rss")).code == "E101"  # an entry without text or link


def test_html_without_article_text():
    with pytest.raises(InputError) as empty:
        html_to_item(InputItem(html="  ", location="p.html"))
    with pytest.raises(InputError) as textless:
        html_to_item(InputItem(html="<html><body><img src='a.png'></body></html>", location="q.html"))
    assert (empty.value.code, textless.value.code) == ("E101", "E101")


def test_a_json_lines_line_that_is_not_utf8_is_binary():
    err = _only_error(read_jsonl_lines([b'{"text": "caf\xe9 \xff\xfe"}'], "x.jsonl"))
    assert err.code == "E102" and err.item == "x.jsonl:1"
