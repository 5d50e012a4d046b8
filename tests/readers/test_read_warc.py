"""WARC crawls (tidings.readers.warc): HTML responses only, located by record offset."""
from __future__ import annotations

from io import BytesIO

import pytest

from tidings.errors import InputError
from tidings.items import InputItem
from tidings.readers import iter_inputs
from tidings.readers.warc import read_warc_file

warcio = pytest.importorskip("warcio")
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

PAGE = ("<html><head><meta charset='utf-8'><title>Dam report</title></head><body><article>"
        "<p>Engineers inspected the dam on Wednesday and found no cracks, the water board said.</p>"
        "</article></body></html>")


def _warc(path, gzip: bool) -> list[int]:
    """Write a crawl; return the offsets of the records that should become items."""
    offsets = []
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=gzip)

        def response(url, status, ctype, body, keep):
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.0")
            record = writer.create_warc_record(url, "response", payload=BytesIO(body), http_headers=headers)
            if keep:
                offsets.append(handle.tell())
            writer.write_record(record)

        request = writer.create_warc_record("https://news.example/dam", "request", payload=BytesIO(b"GET / HTTP/1.0\r\n\r\n"))
        writer.write_record(request)
        response("https://news.example/dam", "200 OK", "text/html; charset=utf-8", PAGE.encode(), True)
        response("https://news.example/logo.png", "200 OK", "image/png", b"\x89PNG\x00\x00", False)
        response("https://news.example/gone", "404 Not Found", "text/html", b"<html>gone</html>", False)
        response("https://news.example/cp", "200 OK", "text/html; charset=windows-1252",
                 PAGE.replace("no cracks", "no cracks — café").encode("cp1252"), True)
    return offsets


@pytest.mark.parametrize("gzip, name", [(True, "crawl.warc.gz"), (False, "crawl.warc")])
def test_html_responses_only_with_offsets(tmp_path, gzip, name):
    path = tmp_path / name
    offsets = _warc(path, gzip)
    items = list(iter_inputs([path]))
    assert all(isinstance(i, InputItem) for i in items)
    assert [i.location for i in items] == [f"{path}@{o}" for o in offsets]
    assert items[0].url == "https://news.example/dam" and "inspected the dam" in items[0].html
    assert "café" in items[1].html
    assert items[0].extra.get("crawled")


@pytest.mark.parametrize("gzip, name", [(True, "cut.warc.gz"), (False, "cut.warc")])
def test_damaged_warc_reports_an_offset(tmp_path, gzip, name):
    path = tmp_path / name
    offsets = _warc(path, gzip)
    data = path.read_bytes()
    path.write_bytes(data[: offsets[1] + 40])  # cut inside the second page's record
    objs = list(read_warc_file(path, name))
    assert isinstance(objs[0], InputItem) and objs[0].location == f"{name}@{offsets[0]}"
    assert isinstance(objs[-1], InputError) and objs[-1].item.startswith(f"{name}@")
    assert len(objs) == 2


def test_not_a_warc(tmp_path):
    path = tmp_path / "fake.warc"
    path.write_text("hello, this is not an archive\n" * 5)
    (err,) = list(read_warc_file(path, "fake.warc"))
    assert isinstance(err, InputError) and err.item == "fake.warc@0"
