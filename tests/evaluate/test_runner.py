"""Runner, offset alignment and gold loading, with a stand-in pipeline (no spaCy)."""
import pytest

from tidings.errors import EvalError
from tidings.evaluate.align import OffsetMap, to_raw
from tidings.evaluate.gold import load_gold
from tidings.evaluate.runner import evaluate, score_docs
from tidings.record import Article, Quantity, Quote, RemovedLine, Speaker, SpanRef


def test_offset_map_across_rejoined_wraps_and_dropped_lines():
    raw = "A suicide bomb\n      killed 13 \u201csoldiers\u201d.\nPHOTO: a caption\nThe end."
    clean = 'A suicide bomb killed 13 "soldiers".\nThe end.'
    m = OffsetMap(clean, raw)
    for word in ("killed", "bomb killed", "The end"):
        s = clean.index(word)
        rs, re_ = m.span(s, s + len(word))
        assert " ".join(raw[rs:re_].split()) == word
    s = clean.index('"soldiers"')
    rs, re_ = m.span(s, s + 10)
    assert raw[rs:re_] == "\u201csoldiers\u201d"
    assert m.span(clean.index(" killed"), clean.index(" killed") + 1) is None  # whitespace maps to nothing
    assert OffsetMap("same", "same").span(1, 3) == (1, 3)


def test_times_in_removed_lines_map_through_the_line_number():
    raw = "Body text here.\nPhoto: taken on 3 May 2020\nMore text."
    record = Article(id="x", text="Body text here.\nMore text.",
                     removed_lines=[RemovedLine(line=1, text="Photo: taken on 3 May 2020", reason="caption")])
    convert = to_raw(record, raw)
    s = record.removed_lines[0].text.index("3 May")
    rs, re_ = convert(s, s + 10, 1)
    assert raw[rs:re_] == "3 May 2020"
    assert convert(0, 4, 7) is None  # no such removed line


def test_quotes_scored_through_cleaned_text(write_jsonl, fake):
    FakePipeline, empty_record = fake
    raw = "He said that\n    \u201cthe plan works well\u201d today.\n"
    content = raw.index("\u201cthe")
    gold = {"id": "d1", "published": "2020-01-01", "text": raw, "attributions": [
        {"content": [[content, raw.index("today") - 1]], "source": [[0, 2]], "cue": [[3, 7]], "direct": True}]}
    path = write_jsonl("q.jsonl", [gold])

    def make(item):
        clean = " ".join(item.text.split())
        qs, qe = clean.index("\u201cthe"), clean.index(" today")
        return Article(id=item.id, text=clean, quotes=[Quote(
            id="Q1", kind="direct", spans=[(qs, qe)], text=clean[qs:qe], sentence=0,
            speaker=Speaker(mention=SpanRef(start=0, end=2, text="He")))])

    result = evaluate("quotes", [path], pipeline=FakePipeline(make))
    assert result.metrics["precision"] == 1.0 and result.metrics["recall_direct"] == 1.0
    assert result.metrics["speaker_accuracy"] == 1.0


def test_missing_extractor_scores_zero_with_a_note(write_jsonl, fake):
    FakePipeline, empty_record = fake
    path = write_jsonl("t.jsonl", [{"id": "t", "published": "1998-08-07", "text": "It rained on Friday.",
                                    "timex": [{"start": 13, "end": 19, "text": "Friday", "type": "DATE",
                                               "value": "1998-08-07", "mod": None}]}])
    result = evaluate("time", [path], pipeline=FakePipeline(empty_record, missing_stages=["times"]))
    assert result.metrics["relaxed_f1"] == 0.0 and result.metrics["value_f1"] == 0.0
    assert any("not available" in n for n in result.notes)


def test_refused_items_count_as_empty_and_are_noted(write_jsonl, fake):
    FakePipeline, empty_record = fake
    path = write_jsonl("n.jsonl", [{"id": "n", "text": "Three cats.", "quantities": [
        {"value": 3.0, "unit": "cats", "normalized_unit": "cat", "change": "=", "concept": "-"}]}])
    result = evaluate("quantities", [path], pipeline=FakePipeline(lambda item: EvalError("refused")))
    assert result.metrics["value_recall"] == 0.0 and result.n_docs == 1
    assert any("not analyzed" in n for n in result.notes)


def test_perfect_quantities_score_one(write_jsonl, fake):
    FakePipeline, empty_record = fake
    path = write_jsonl("n.jsonl", [{"id": "n", "text": "Three cats and 4.5 km.", "quantities": [
        {"value": 3.0, "unit": "cats", "normalized_unit": "cat", "change": "=", "concept": "-"},
        {"value": 4.5, "unit": "km", "normalized_unit": "kilometre", "change": "=", "concept": "-"}]}])

    def make(item):
        return Article(id=item.id, text=item.text, quantities=[
            Quantity(id="N1", start=0, end=10, text="Three cats", value=3, counted="cats", sentence=0),
            Quantity(id="N2", start=15, end=21, text="4.5 km", value=4.5, unit="km", sentence=0)])

    result = evaluate("quantities", [path], pipeline=FakePipeline(make))
    assert result.metrics["value_f1"] == 1.0 and result.metrics["value_unit_f1"] == 1.0


def test_gold_folders_limits_and_errors(tmp_path, write_jsonl):
    rec = {"id": "a", "text": "t", "timex": []}
    write_jsonl("one.jsonl", [rec, {**rec, "id": "b"}, {**rec, "id": "c"}])
    write_jsonl("two.jsonl", [{**rec, "id": "d"}])
    docs = load_gold("time", [tmp_path], limit=2)
    assert [d.id for d in docs] == ["a", "b", "d"]
    assert docs[0].location.endswith("one.jsonl:1")
    bad = write_jsonl("bad.jsonl", [{"id": "x", "text": "t"}])
    with pytest.raises(EvalError, match="lacks timex"):
        load_gold("time", [bad])
    (tmp_path / "broken.jsonl").write_text("{not json\n")
    with pytest.raises(EvalError, match="broken.jsonl:1"):
        load_gold("time", [tmp_path / "broken.jsonl"])
    with pytest.raises(EvalError, match="not found"):
        load_gold("time", [tmp_path / "absent.jsonl"])


def test_article_gold_reads_its_text(tmp_path):
    (tmp_path / "x.gold.json").write_text('{"id": "x", "published": "2020-01-01", "persons": ["A B"], '
                                          '"places": [], "quotes": [], "quantities": [], "times": [], "events": []}')
    with pytest.raises(EvalError, match="x.txt"):
        load_gold("article", [tmp_path])
    (tmp_path / "x.txt").write_text("A B spoke.")
    (doc,) = load_gold("article", [tmp_path])
    assert doc.data["text"] == "A B spoke."
    result = score_docs("article", [doc], [Article(id="x", text="A B spoke.")])
    assert result.sections["persons"] == {"found": 0, "listed": 1}


def test_unreadable_gold_date_is_dropped_not_fatal(write_jsonl, fake):
    FakePipeline, empty_record = fake
    path = write_jsonl("p.jsonl", [{"id": "p", "published": "7:58 AM ET", "text": "In Paris.", "toponyms": []},
                                   {"id": "q", "published": "2016-12-19", "text": "In Rome.", "toponyms": []}])
    seen = []
    result = evaluate("places", [path], pipeline=FakePipeline(lambda item: seen.append(item.published) or empty_record(item)))
    assert seen == [None, "2016-12-19"]
    assert any("unreadable published date" in n for n in result.notes)


def test_pooled_files_are_also_scored_one_by_one(write_jsonl, fake):
    FakePipeline, _ = fake
    rec = {"text": "Three cats.", "quantities": [{"value": 3.0, "unit": "cats", "normalized_unit": "cat"}]}
    a = write_jsonl("a.jsonl", [{**rec, "id": "a"}])
    b = write_jsonl("b.jsonl", [{**rec, "id": "b", "text": "No cats."}])

    def make(item):
        q = [Quantity(id="N1", start=0, end=10, text="Three cats", value=3, counted="cats", sentence=0)] \
            if item.text.startswith("Three") else []
        return Article(id=item.id, text=item.text, quantities=q)

    result = evaluate("quantities", [a, b], pipeline=FakePipeline(make))
    assert result.metrics["value_recall"] == 0.5
    assert result.parts["a.jsonl"].metrics["value_recall"] == 1.0
    assert result.parts["b.jsonl"].metrics["value_recall"] == 0.0
