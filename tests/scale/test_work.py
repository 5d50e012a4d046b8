"""The per-batch work (tidings.scale.work) and the writer's ledger (tidings.scale.ledger)."""
from __future__ import annotations

from tidings.errors import InputError
from tidings.ingest import IngestSummary
from tidings.items import InputItem
from tidings.record import Article
from tidings.scale.ledger import Ledger
from tidings.scale.work import Failure, analyze_prepared, bare_preparer, prepare_items


def test_prepare_items_turns_errors_into_located_failures():
    def prepare(item):
        if item.text == "boom":
            raise RuntimeError("bug")
        if not item.text:
            raise InputError("no article text")
        return Article(id="a", text=item.text)

    out = prepare_items(prepare, [InputItem(text="fine", location="f:1"), InputItem(text="", location="f:2"),
                                  InputItem(text="boom", location="f:3")])
    assert isinstance(out[0], Article)
    assert out[1] == Failure("f:2", "E100", "no article text")
    assert out[2].location == "f:3" and "RuntimeError" in out[2].message


def test_bare_preparer_gives_the_id_without_a_model():
    from tidings.record import article_id

    prepare = bare_preparer()
    record = prepare(InputItem(text="The river rose by two metres overnight, the weather office said.\n"))
    assert record.id == article_id(record.text) and not record.sentences


def test_ledger_claims_first_occurrence_and_skips_stored(memory_store):
    store, summary = memory_store(), IngestSummary()
    ledger = Ledger(store, summary)
    ledger.write([Article(id="old", text="x")])
    kept = ledger.claim([Article(id="old", text="x"), Article(id="new", text="y"), Failure("f:9", "E100", "bad"),
                         Article(id="new", text="y again")])
    assert [a.text for a in kept] == ["y"]
    assert (summary.analyzed, summary.duplicates, summary.failed) == (1, 2, 1)
    assert ledger.claim_ids(["new", "other", "old"]) == [False, True, False]


class _FakePipeline:
    """nlp.pipe fails on a batch holding "BAD"; nlp(text) fails on that text alone."""
    batch_size = 8
    missing_stages = ["tone"]

    class nlp:  # noqa: N801 - stands in for a spaCy Language
        @staticmethod
        def pipe(texts, batch_size):
            texts = list(texts)
            if any("BAD" in t for t in texts):
                raise ValueError("batch broke")
            return [t.upper() for t in texts]

        def __new__(cls, text):
            if "BAD" in text:
                raise ValueError("text broke")
            return text.upper()

    def extract(self, doc, record):
        record.title = doc[:10]
        return record

    from tidings.pipeline import Pipeline as _Pipeline

    analyze_prepared = _Pipeline.analyze_prepared  # the real batching and isolation logic over the fake parser


def test_analyze_prepared_isolates_a_text_the_parser_cannot_take():
    arts = [Article(id="a", text="good one"), Article(id="b", text="BAD text"), Article(id="c", text="hola", language="es")]
    out = analyze_prepared(_FakePipeline(), arts, ["f:1", "f:2", "f:3"])
    assert out[0].title == "GOOD ONE" and out[0].warnings == ["stages not available: tone"]
    assert out[1] == Failure("f:2", "E100", "the parser failed: ValueError: text broke")
    assert out[2].title is None and "not analyzed" in out[2].warnings[0]
