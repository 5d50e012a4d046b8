"""One reader for one article (`read_one`, used by `tidings analyze`) and the same decoding in ingest (#23);
bounded reading of compressed input, PDFs and symlink loops reported (#22)."""
from __future__ import annotations

import gzip
import io
import json
import os
import pathlib

import pytest

from tidings.errors import InputError
from tidings.items import InputItem
from tidings.readers import iter_inputs, read_one
from tidings.readers.files import read_limited
from tidings.readers.jsonl import count_jsonl_lines, read_jsonl_file

CAFE = "Café owners in Zürich"


def _both(path) -> tuple[InputItem, InputItem]:
    """What `tidings analyze` reads and what ingest reads from the same file."""
    one = read_one(str(path))
    (ingested,) = list(iter_inputs([str(path)]))
    assert isinstance(ingested, InputItem), ingested
    return one, ingested


def test_short_latin1_file_is_cp1252_not_a_guessed_code_page(tmp_path):
    f = tmp_path / "cafe.txt"
    f.write_bytes(CAFE.encode("latin-1"))
    one, ingested = _both(f)
    assert one.text == ingested.text == CAFE


def test_latin1_sentence_and_utf16_with_bom_read_alike(tmp_path):
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Le président a parlé lundi à Paris.".encode("latin-1"))
    utf16 = tmp_path / "wide.txt"
    utf16.write_bytes("Le président a parlé lundi à Paris.".encode("utf-16"))  # with a BOM
    for f in (latin, utf16):
        one, ingested = _both(f)
        assert one.text == ingested.text == "Le président a parlé lundi à Paris."


def test_cyrillic_code_page_still_goes_to_detection(tmp_path):
    f = tmp_path / "ru.txt"
    text = "Президент России заявил во вторник, что переговоры продолжатся на следующей неделе."
    f.write_bytes(text.encode("cp1251"))
    assert read_one(str(f)).text == text


def test_huge_file_refused_by_size_before_it_is_read(tmp_path, monkeypatch):
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(30 * 1024 * 1024)  # sparse: 30 MB on paper

    def no_open(self, *args, **kwargs):
        raise AssertionError(f"{self} was opened")

    monkeypatch.setattr(pathlib.Path, "open", no_open)
    with pytest.raises(InputError, match="too big"):
        read_one(str(big))
    (err,) = list(iter_inputs([str(big)]))
    assert isinstance(err, InputError) and "too big" in err.message


def test_stdin_is_read_up_to_the_limit_only():
    stream = io.BytesIO(b"x" * 5000)
    with pytest.raises(InputError, match="too big"):
        read_limited(stream, "<stdin>", limit=1000)
    assert stream.tell() == 1001  # the rest was never read
    item = read_one("-", stdin=io.BytesIO("Rescue teams arrived on Sunday.".encode("utf-16")))
    assert item.text == "Rescue teams arrived on Sunday."


def test_html_is_told_from_text_the_same_way(tmp_path):
    page = tmp_path / "page.html"
    page.write_bytes('<html><head><meta charset="iso-8859-1"></head><body><p>Z\xfcrich</p></body></html>'
                     .encode("latin-1"))
    one, ingested = _both(page)
    assert one.html == ingested.html and "Zürich" in one.html and one.text is None


def test_pdf_is_named_a_pdf(tmp_path):
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    with pytest.raises(InputError, match="PDF"):
        read_one(str(pdf))
    (err,) = list(iter_inputs([str(pdf)]))
    assert "PDF" in err.message
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "report.pdf").write_bytes(pdf.read_bytes())
    (folder / "a.txt").write_text("Rescue teams arrived on Sunday, officials said.")
    out = list(iter_inputs([str(folder)]))
    assert any(isinstance(o, InputError) and "PDF" in o.message and o.item.endswith("report.pdf") for o in out)


def test_symlink_loops_in_a_folder_are_reported(tmp_path):
    folder = tmp_path / "news"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "a.txt").write_text("Rescue teams arrived on Sunday, officials said.")
    os.symlink(folder, folder / "sub" / "back")  # a folder loop
    os.symlink(folder / "self.txt", folder / "self.txt")  # a link to itself
    out = list(iter_inputs([str(folder)]))
    errors = [o for o in out if isinstance(o, InputError)]
    assert any("loop" in e.message and e.item.endswith("back") for e in errors), errors
    assert any("loop" in e.message and e.item.endswith("self.txt") for e in errors), errors
    assert sum(isinstance(o, InputItem) for o in out) == 1


def test_jsonl_gz_with_an_overlong_line_skips_it_in_bounded_reads(tmp_path, monkeypatch):
    monkeypatch.setenv("TIDINGS_MAX_LINE_BYTES", "4096")
    f = tmp_path / "day.jsonl.gz"
    with gzip.open(f, "wb") as handle:
        handle.write(json.dumps({"text": "first story"}).encode() + b"\n")
        handle.write(b'{"text": "' + b"a" * 200_000 + b'"}\n')
        handle.write(json.dumps({"text": "third story"}).encode() + b"\n")
    out = list(read_jsonl_file(f, "day.jsonl.gz"))
    assert [type(o).__name__ for o in out] == ["InputItem", "InputError", "InputItem"]
    assert out[1].item == "day.jsonl.gz:2" and "longer than 4,096 bytes" in out[1].message
    assert out[2].text == "third story" and out[2].location == "day.jsonl.gz:3"
    assert count_jsonl_lines(f) == 3


def test_warc_body_over_the_limit_is_one_failed_record(tmp_path, monkeypatch):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    import tidings.readers.warc as warc

    f = tmp_path / "crawl.warc.gz"
    with f.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for n, body in enumerate((b"<html><body>" + b" " * 50_000 + b"</body></html>",
                                  b"<html><body><p>Rescue teams arrived on Sunday.</p></body></html>")):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(f"https://example.org/{n}", "response",
                                                          payload=io.BytesIO(body), http_headers=headers))
    monkeypatch.setattr(warc, "MAX_FILE_BYTES", 10_000)
    out = list(warc.read_warc_file(f, "crawl.warc.gz"))
    assert isinstance(out[0], InputError) and "larger than 10,000 bytes" in out[0].message
    assert isinstance(out[1], InputItem) and out[1].url == "https://example.org/1"


def test_stdin_json_lines_are_read_line_by_line_bounded(monkeypatch):
    from tidings.readers import STDIN, Source, read_source

    monkeypatch.setenv("TIDINGS_MAX_LINE_BYTES", "4096")
    data = gzip.compress(json.dumps({"text": "first story"}).encode() + b"\n"
                         + b'{"text": "' + b"a" * 100_000 + b'"}\n'
                         + json.dumps({"text": "third story"}).encode() + b"\n")
    out = list(read_source(Source(STDIN, "sniff"), stdin=io.BytesIO(data)))
    assert [type(o).__name__ for o in out] == ["InputItem", "InputError", "InputItem"]
    assert out[1].item == "<stdin>:2" and out[2].text == "third story"
