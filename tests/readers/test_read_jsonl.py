"""JSON Lines and JSON files (tidings.readers.jsonl)."""
from __future__ import annotations

import gzip
import json

from tidings.errors import InputError
from tidings.items import InputItem
from tidings.readers import FieldMap
from tidings.readers.jsonl import count_jsonl_lines, item_from_mapping, read_jsonl_file

STORY = "Rescue teams reached the flooded village late on Sunday, the regional governor said."


def test_fields_metadata_and_bad_lines_with_line_numbers(tmp_path):
    f = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"text": STORY, "url": "https://example.org/a", "published": "2024-04-07", "title": "Floods",
                    "id": "a1", "source_name": "Example", "author": "R. Writer"}),
        "",
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"title": "no body"}),
        json.dumps({"text": 42}),
        json.dumps({"html": "<p>" + STORY + "</p>", "date": "2024-04-08"}),
    ]
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    objs = list(read_jsonl_file(f, "feed.jsonl"))
    first = objs[0]
    assert isinstance(first, InputItem)
    assert (first.text, first.url, first.published, first.title, first.id, first.source_name, first.location) == (
        STORY, "https://example.org/a", "2024-04-07", "Floods", "a1", "Example", "feed.jsonl:1")
    assert first.extra == {"author": "R. Writer"}
    errors = [(o.item, o.message.split(" (")[0]) for o in objs if isinstance(o, InputError)]
    assert errors == [("feed.jsonl:3", "line is not valid JSON"), ("feed.jsonl:4", "expected a JSON object, found list"),
                      ("feed.jsonl:5", "no 'text' or 'html' field"), ("feed.jsonl:6", "field 'text' is a int, not a string")]
    last = objs[-1]
    assert last.html.startswith("<p>") and last.text is None and last.published == "2024-04-08"
    assert last.location == "feed.jsonl:7"


def test_configured_field_names(tmp_path):
    f = tmp_path / "corpus.jsonl"
    f.write_text(json.dumps({"body": STORY, "doc": "d-7", "when": "2023-01-02", "date": "1999-01-01"}) + "\n")
    fields = FieldMap.from_pairs({"text": "body", "id": "doc", "published": "when"})
    (item,) = list(read_jsonl_file(f, fields=fields))
    assert (item.text, item.id, item.published) == (STORY, "d-7", "2023-01-02")


def test_text_wins_over_html():
    item = item_from_mapping({"text": STORY, "html": "<p>other</p>"}, "x:1")
    assert item.text == STORY and item.html is None


def test_gzip_and_count(tmp_path):
    f = tmp_path / "day.jsonl.gz"
    with gzip.open(f, "wt", encoding="utf-8") as handle:
        for i in range(3):
            handle.write(json.dumps({"text": f"{STORY} Update {i}."}) + "\n")
    items = list(read_jsonl_file(f))
    assert [i.location for i in items] == [f"{f}:1", f"{f}:2", f"{f}:3"]
    assert count_jsonl_lines(f) == 3


def test_truncated_gzip_reports_the_file(tmp_path):
    f = tmp_path / "cut.jsonl.gz"
    data = gzip.compress(("\n".join(json.dumps({"text": STORY + str(i)}) for i in range(200)) + "\n").encode())
    f.write_bytes(data[: len(data) // 2])
    objs = list(read_jsonl_file(f, "cut.jsonl.gz"))
    assert isinstance(objs[-1], InputError) and objs[-1].item == "cut.jsonl.gz"
    assert any(isinstance(o, InputItem) for o in objs)


def test_json_array_and_object_files(tmp_path):
    arr = tmp_path / "many.json"
    arr.write_text(json.dumps([{"text": STORY}, {"nope": 1}]))
    objs = list(read_jsonl_file(arr, "many.json"))
    assert objs[0].location == "many.json[0]" and isinstance(objs[1], InputError) and objs[1].item == "many.json[1]"
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"text": STORY}))
    (item,) = list(read_jsonl_file(one, "one.json"))
    assert item.location == "one.json"
