"""Bad input, property-based: nothing raises out of `analyze` or the readers, each bad item is a clear error.

The default run takes a small fast sample; `pytest -m fuzz` runs the 10,000-case sweep
(set FUZZ_EXAMPLES to change it).
"""
from __future__ import annotations

import contextlib
import gzip
import json
import os
import signal
import tempfile
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tidings.errors import InputError, TidingsError
from tidings.items import InputItem
from tidings.pipeline import normalize_date
from tidings.readers import iter_inputs

FAST = settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), database=None)
FULL = settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "5000")), deadline=None,
                suppress_health_check=list(HealthCheck), database=None)

WORDS = st.sampled_from(["Biden", "said", "“", "”", "\"", "Putin", "Ukraine", "2021", "Tuesday", "troops", "175,000",
                         "up to", "around", "\n", "\n\n", "Comments are closed.", "—", "(", ")", "'", "Mr.", "$1.2bn",
                         "the", "White House", "officials", ",", ".", "killed", "12", "«", "»", "„", "‘", "’"])
NEWSY = st.lists(WORDS, min_size=0, max_size=60).map(" ".join)
ANY_TEXT = st.one_of(st.text(max_size=400), NEWSY, st.binary(max_size=200).map(lambda b: b.decode("latin-1")))
HTMLISH = st.lists(st.sampled_from(["<div>", "</div>", "<p>", "</p>", "<script>x()</script>", "<b>", "Putin said",
                                    "“we will”", "<!--", "-->", "<![CDATA[", "&amp;", "&#0;", "<html>", "<body"]),
                   max_size=80).map("".join)


# No hang: each generated example (a few items) must finish within this many seconds.
EXAMPLE_TIMEOUT_S = int(os.environ.get("FUZZ_EXAMPLE_TIMEOUT", "120"))


@contextlib.contextmanager
def _time_limit(seconds: int, what: str):
    """Fail (not hang) when the body runs longer than `seconds` (SIGALRM; main thread on POSIX only)."""
    if not hasattr(signal, "SIGALRM") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def _alarm(signum, frame):
        raise TimeoutError(f"{what} ran longer than {seconds} s (a hang?)")

    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _check_outcomes(pipeline, items):
    with _time_limit(EXAMPLE_TIMEOUT_S, f"analyzing {[i.location for i in items]}"):
        outcomes = list(pipeline.pipe_outcomes(items))
    assert len(outcomes) == len(items)
    for outcome in outcomes:
        assert (outcome.article is None) != (outcome.error is None)
        if outcome.error is not None:
            assert isinstance(outcome.error, TidingsError)
            assert outcome.item.location in str(outcome.error)
        else:
            record = outcome.article
            assert record.errors == [], record.errors  # no stage raised
            for s in record.sentences:
                assert 0 <= s.start <= s.end <= len(record.text)
            for group in (record.times, record.quantities, record.places):
                for item in group:
                    if getattr(item, "removed_line", None) is None:
                        assert 0 <= item.start < item.end <= len(record.text)


def _sweep(pipeline, texts, htmls):
    items = [InputItem(text=t, location=f"text#{i}") for i, t in enumerate(texts)]
    items += [InputItem(html=h, location=f"html#{i}") for i, h in enumerate(htmls)]
    _check_outcomes(pipeline, items)


@FAST
@given(texts=st.lists(ANY_TEXT, min_size=1, max_size=4), htmls=st.lists(HTMLISH, max_size=2))
def test_analyze_never_raises_fast(pipeline, texts, htmls):
    _sweep(pipeline, texts, htmls)


@pytest.mark.fuzz
@FULL
@given(texts=st.lists(ANY_TEXT, min_size=1, max_size=4), htmls=st.lists(HTMLISH, max_size=2))
def test_analyze_never_raises_full(pipeline, texts, htmls):
    _sweep(pipeline, texts, htmls)


def test_huge_and_empty_text_are_clear_errors(pipeline):
    items = [InputItem(text="word " * 300_000, location="huge.txt"), InputItem(text="   \n  ", location="blank.txt"),
             InputItem(text="The council met on Monday.", location="ok.txt")]
    outcomes = list(pipeline.pipe_outcomes(items))
    assert "too long" in str(outcomes[0].error) and "huge.txt" in str(outcomes[0].error)
    assert "blank.txt" in str(outcomes[1].error)
    assert outcomes[2].article is not None


def test_deeply_nested_and_broken_html_are_clear_errors_or_records(pipeline):
    story = "<p>The harbour master said on Friday that two ferries would resume service next week.</p>"
    items = [InputItem(html="<div>" * 50_000 + story * 3 + "</div>" * 50_000, location="deep.html"),
             InputItem(html="<table>" * 20_000 + "x", location="tables.html"),
             InputItem(html="<p>" + "<b>" * 5_000 + story, location="unclosed.html"),
             InputItem(text="The council met on Monday.", location="ok.txt")]
    with _time_limit(EXAMPLE_TIMEOUT_S, "nested HTML"):
        outcomes = list(pipeline.pipe_outcomes(items))
    for outcome in outcomes:
        if outcome.error is not None:
            assert outcome.item.location in str(outcome.error)
        else:
            assert outcome.article.errors == []
    assert outcomes[-1].article is not None


def test_fifty_megabyte_file_is_a_clear_error_and_the_folder_continues(tmp_path):
    (tmp_path / "huge.txt").write_bytes(b"word " * (10 * 1024 * 1024))  # 50 MiB
    (tmp_path / "ok.txt").write_text("The council met on Monday.", encoding="utf-8")
    seen = list(iter_inputs([tmp_path]))
    assert isinstance(seen[0], InputError) and "huge.txt" in str(seen[0]) and "too big" in str(seen[0])
    assert isinstance(seen[1], InputItem) and seen[1].location.endswith("ok.txt")


def test_fifty_megabyte_jsonl_line_is_a_clear_error(tmp_path, pipeline):
    path = tmp_path / "big.jsonl"
    path.write_text(json.dumps({"text": "word " * (10 * 1024 * 1024)}) + "\n" + json.dumps({"text": "The council met."}),
                    encoding="utf-8")
    seen = list(iter_inputs([path]))
    outcomes = list(pipeline.pipe_outcomes([o for o in seen if isinstance(o, InputItem)]))
    errors = [o for o in seen if isinstance(o, InputError)] + [o.error for o in outcomes if o.error is not None]
    assert len(errors) == 1 and f"{path}:1" in str(errors[0])
    assert [o.item.location for o in outcomes if o.article is not None] == [f"{path}:2"]


JSON_VALUES = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
                           lambda kids: st.lists(kids, max_size=3) | st.dictionaries(st.text(max_size=8), kids, max_size=3),
                           max_leaves=8)
JSONL_LINE = st.one_of(st.fixed_dictionaries({}, optional={"text": JSON_VALUES | NEWSY, "html": JSON_VALUES,
                                                           "url": JSON_VALUES, "published": JSON_VALUES | st.text(max_size=20),
                                                           "title": JSON_VALUES, "id": JSON_VALUES}).map(json.dumps),
                       st.text(max_size=60))


def _write_inputs(folder: Path, lines, blob: bytes, feed: bytes) -> list[Path]:
    paths = []
    (folder / "a.jsonl").write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")
    (folder / "b.txt").write_bytes(blob)
    (folder / "c.html").write_bytes(b"<html><body><p>" + blob + b"</p>")
    (folder / "d.xml").write_bytes(feed)
    (folder / "e.jsonl.gz").write_bytes(gzip.compress("\n".join(lines).encode("utf-8", "surrogatepass"))[: max(1, len(blob))])
    (folder / "f.warc.gz").write_bytes(gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\n" + blob)[:-3])
    paths.extend(sorted(folder.iterdir()))
    return paths


def _read_all(lines, blob, feed):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = _write_inputs(folder, lines, blob, feed)
        with _time_limit(EXAMPLE_TIMEOUT_S, "reading the generated folder"):
            seen = list(iter_inputs([str(folder)]))
        for obj in seen:
            assert isinstance(obj, (InputItem, InputError)), obj
            if isinstance(obj, InputError):
                assert obj.item and any(str(p) in obj.item or p.name in obj.item for p in paths), str(obj)
        return seen


@FAST
@given(lines=st.lists(JSONL_LINE, max_size=6), blob=st.binary(max_size=300),
       feed=st.one_of(st.binary(max_size=200), HTMLISH.map(lambda s: ("<?xml version='1.0'?><rss><channel>" + s).encode())))
def test_readers_never_raise_fast(lines, blob, feed):
    _read_all(lines, blob, feed)


@pytest.mark.fuzz
@FULL
@given(lines=st.lists(JSONL_LINE, max_size=6), blob=st.binary(max_size=300),
       feed=st.one_of(st.binary(max_size=200), HTMLISH.map(lambda s: ("<?xml version='1.0'?><rss><channel>" + s).encode())))
def test_readers_never_raise_full(lines, blob, feed):
    _read_all(lines, blob, feed)


@FAST
@given(st.one_of(st.text(max_size=40), st.integers(), st.floats(allow_nan=True), st.none()))
def test_dates_in_odd_formats(value):
    try:
        result = normalize_date(value)
    except InputError as exc:
        assert "date" in str(exc)
    else:
        assert result is None or len(result) == 10
