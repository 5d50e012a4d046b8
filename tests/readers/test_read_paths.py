"""Dispatch by path: folders, kinds, sniffing, standard input, defaults, counts (tidings.readers)."""
from __future__ import annotations

import io
import json

import pytest

from tidings.errors import ConfigError, InputError
from tidings.items import InputItem
from tidings.readers import STDIN, FieldMap, Source, count_items, expand_paths, iter_inputs, read_source
from tidings.readers._common import decode_bytes, kind_of, sniff_kind

STORY = "The harbour master said on Friday that two ferries would resume service next week.\n"


def _items(objs):
    return [o for o in objs if isinstance(o, InputItem)]


def _errors(objs):
    return [o for o in objs if isinstance(o, InputError)]


def test_folder_is_walked_sorted_and_bad_files_are_reported(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "news"
    (folder / "sub").mkdir(parents=True)
    (folder / "b.txt").write_text(STORY, encoding="utf-8")
    (folder / "a.txt").write_text(STORY.replace("two", "three"), encoding="utf-8")
    (folder / "sub" / "c.html").write_text("<html><body><p>" + STORY + "</p></body></html>", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blob.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")  # unknown kind in a folder: not read
    (folder / ".hidden.txt").write_text(STORY, encoding="utf-8")
    objs = list(iter_inputs(["news"]))
    assert [o.location for o in _items(objs)] == ["news/a.txt", "news/b.txt", "news/sub/c.html"]
    assert _items(objs)[2].html is not None and _items(objs)[2].text is None
    errors = {e.item: e.message for e in _errors(objs)}
    assert errors == {"news/blob.txt": "binary content, not text", "news/empty.txt": "empty input"}


def test_missing_path_and_empty_folder_are_errors_not_exceptions(tmp_path):
    (tmp_path / "nothing").mkdir()
    objs = list(iter_inputs([tmp_path / "missing.txt", tmp_path / "nothing"]))
    assert [type(o) for o in objs] == [InputError, InputError]
    assert objs[0].message == "no such file or folder"
    assert "no readable files" in objs[1].message


def test_explicit_file_of_unknown_kind_is_sniffed(tmp_path):
    page = tmp_path / "page.dat"
    page.write_text("<!DOCTYPE html><html><body><p>" + STORY + "</p></body></html>", encoding="utf-8")
    lines = tmp_path / "export.log"
    lines.write_text(json.dumps({"text": STORY}) + "\n" + json.dumps({"text": STORY + "More."}) + "\n")
    items = _items(iter_inputs([page, lines]))
    assert items[0].html is not None
    assert [i.location for i in items[1:]] == [f"{lines}:1", f"{lines}:2"]


def test_forced_format_and_unknown_format(tmp_path):
    f = tmp_path / "story.html"
    f.write_text("<p>" + STORY + "</p>", encoding="utf-8")
    (item,) = _items(iter_inputs([f], kind="text"))
    assert item.text.startswith("<p>")
    with pytest.raises(ConfigError):
        list(iter_inputs([f], kind="pdf"))


@pytest.mark.parametrize("data, kind, field", [
    (STORY.encode(), "text", "text"),
    (b"<html><body><p>" + STORY.encode() + b"</p></body></html>", "html", "html"),
])
def test_stdin_single_article(data, kind, field):
    (item,) = list(read_source(Source(STDIN, "sniff"), stdin=io.BytesIO(data), defaults={"published": "2024-05-01"}))
    assert getattr(item, field) is not None and item.location == "<stdin>"
    assert item.published == "2024-05-01"
    assert sniff_kind(data) == kind


def test_stdin_json_lines_with_line_locations():
    data = (json.dumps({"text": STORY}) + "\n{oops\n").encode()
    objs = list(read_source(Source(STDIN, "sniff"), stdin=io.BytesIO(data)))
    assert objs[0].location == "<stdin>:1"
    assert isinstance(objs[1], InputError) and objs[1].item == "<stdin>:2"


def test_stdin_empty_is_an_error():
    (err,) = list(read_source(Source(STDIN, "sniff"), stdin=io.BytesIO(b"  \n")))
    assert isinstance(err, InputError)


def test_defaults_fill_only_missing_metadata(tmp_path):
    f = tmp_path / "a.jsonl"
    f.write_text(json.dumps({"text": STORY, "published": "2020-01-01"}) + "\n" + json.dumps({"text": STORY}) + "\n")
    items = _items(iter_inputs([f], defaults={"published": "2024-02-02", "source_name": "Wire"}))
    assert [i.published for i in items] == ["2020-01-01", "2024-02-02"]
    assert {i.source_name for i in items} == {"Wire"}


def test_count_items(tmp_path):
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "b.jsonl").write_text("\n".join(json.dumps({"text": STORY + str(i)}) for i in range(5)) + "\n\n")
    sources = [s for s in expand_paths([tmp_path]) if isinstance(s, Source)]
    assert count_items(sources) == 6
    assert count_items([Source(STDIN, "sniff")]) is None


def test_kind_of_and_decode():
    assert kind_of(__import__("pathlib").Path("x/crawl.WARC.GZ")) == "warc"
    assert kind_of(__import__("pathlib").Path("feed.jsonl.gz")) == "jsonl"
    assert kind_of(__import__("pathlib").Path("a.pdf")) is None
    assert decode_bytes("café".encode("cp1252") + b" au lait, " * 20, "x") .startswith("café")
    assert decode_bytes("\ufeffhello".encode("utf-8"), "x") == "hello"
    assert decode_bytes("hello".encode("utf-16"), "x") == "hello"
    with pytest.raises(InputError):
        decode_bytes(b"\x00\x01\x02", "x")


def test_field_map_rejects_unknown_field():
    assert FieldMap.from_pairs({"published": "date"}).published == ("date",)
    with pytest.raises(ConfigError):
        FieldMap.from_pairs({"body": "text"})


def _story_tree(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("The vault code was changed on Monday.\n", encoding="utf-8")
    folder = tmp_path / "news"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(STORY, encoding="utf-8")
    return outside, folder


def test_folder_walk_skips_symlinks_that_leave_the_folder(tmp_path):
    outside, folder = _story_tree(tmp_path)
    (folder / "leak.txt").symlink_to(outside / "secret.txt")
    (folder / "sub" / "up").symlink_to(outside, target_is_directory=True)
    (folder / "inner.txt").symlink_to(folder / "a.txt")  # stays inside: read
    objs = list(iter_inputs([folder]))
    assert sorted(i.location for i in _items(objs)) == [str(folder / "a.txt"), str(folder / "inner.txt")]
    errors = {e.item: e.message for e in _errors(objs)}
    assert set(errors) == {str(folder / "leak.txt"), str(folder / "sub" / "up")}
    assert all("symlink leads outside the folder" in m for m in errors.values())
    assert not any("vault" in (i.text or "") for i in _items(objs))


def test_confine_can_be_turned_off(tmp_path):
    outside, folder = _story_tree(tmp_path)
    (folder / "leak.txt").symlink_to(outside / "secret.txt")
    objs = list(iter_inputs([folder], confine=False))
    assert len(_items(objs)) == 2 and not _errors(objs)


def test_root_refuses_dotdot_and_symlinks_out_of_it(tmp_path):
    outside, folder = _story_tree(tmp_path)
    (folder / "leak.txt").symlink_to(outside / "secret.txt")
    objs = list(iter_inputs(["a.txt", "../outside/secret.txt", "sub/../../outside", "leak.txt",
                             str(outside / "secret.txt"), STDIN], root=folder))
    assert [i.location for i in _items(objs)] == ["a.txt"]
    errors = [e for e in _errors(objs)]
    assert [e.item for e in errors] == ["../outside/secret.txt", "sub/../../outside", "leak.txt",
                                        str(outside / "secret.txt"), "<stdin>"]
    assert all("not allowed" in e.message or "leaves the allowed folder" in e.message for e in errors)


def test_root_allows_dotdot_that_stays_inside(tmp_path):
    _, folder = _story_tree(tmp_path)
    objs = list(iter_inputs(["sub/../a.txt", "."], root=folder))
    assert len(_items(objs)) == 2 and not _errors(objs)
