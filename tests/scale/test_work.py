"""The per-batch work every engine shares (tidings.scale.work, the pipeline's one route) and the writer's ledger."""
from __future__ import annotations

import pickle

from tidings.errors import InputError, WorkError
from tidings.ingest import IngestSummary
from tidings.items import InputItem
from tidings.pipeline import Outcome, prepare_batch
from tidings.record import Article
from tidings.scale.ledger import Ledger
from tidings.scale.work import bare_prepare, from_wire, to_wire


def test_prepare_batch_turns_errors_into_located_outcomes(monkeypatch):
    import tidings.pipeline as pipeline

    real = pipeline.prepare_item

    def prepare(item, **limits):
        if item.text == "boom":
            raise RuntimeError("bug")
        return real(item, **limits)

    monkeypatch.setattr(pipeline, "prepare_item", prepare)
    out = prepare_batch([InputItem(text="The river rose by two metres overnight.", location="f:1"),
                         InputItem(text="   ", location="f:2"), InputItem(text="boom", location="f:3"), 42])
    assert out[0].article is not None and out[0].error is None
    assert out[1].article is None and out[1].error.code == "E101" and out[1].location == "f:2"
    assert out[1].error.http_status == 422
    assert out[2].location == "f:3" and "RuntimeError" in out[2].error.message
    assert out[3].error.code == "E107"


def test_bare_prepare_gives_the_id_without_a_model():
    from tidings.record import article_id

    [outcome] = bare_prepare([InputItem(text="The river rose by two metres overnight, the weather office said.\n")])
    record = outcome.article
    assert record.id == article_id(record.text) and not record.sentences


def test_outcomes_cross_processes_with_their_errors():
    """Records travel as JSON, errors as themselves: code, item, message and hint survive pickling."""
    items = [InputItem(location="f:1"), InputItem(location="f:2")]
    error = InputError("no article text", item="f:2", hint="check the file", code="E101")
    wire = pickle.loads(pickle.dumps(to_wire([Outcome(items[0], article=Article(id="a", text="x")),
                                              Outcome(items[1], error=error)])))
    back = from_wire(items, wire)
    assert back[0].article.id == "a" and back[0].error is None
    got = back[1].error
    assert (type(got), got.code, got.item, got.message, got.hint) == (InputError, "E101", "f:2", "no article text",
                                                                       "check the file")


def test_ledger_claims_first_occurrence_and_skips_stored(memory_store):
    store, summary = memory_store(), IngestSummary()
    ledger = Ledger(store, summary)

    def ok(aid, text):
        return Outcome(InputItem(location=aid), article=Article(id=aid, text=text))

    ledger.write([ok("old", "x")])
    kept = ledger.claim([ok("old", "x"), ok("new", "y"), Outcome(InputItem(location="f:9"), error=InputError("bad")),
                         ok("new", "y again")])
    assert [o.article.text for o in kept] == ["y"]
    assert (summary.analyzed, summary.duplicates, summary.failed) == (1, 2, 1)
    assert summary.failures[0].item == "f:9"  # the error names its input
    assert ledger.claim_ids(["new", "other", "old"]) == [False, True, False]
    ledger.write([Outcome(InputItem(location="f:10"), error=WorkError("worker error: boom", code="E610"))])
    assert summary.failed == 2 and summary.as_dict()["failures"][1] == {
        "location": "f:10", "code": "E610", "message": "worker error: boom", "hint": None}


class _FakePipeline:
    """nlp.pipe fails on a batch holding "BAD"; nlp(text) fails on that text alone."""
    batch_size = 8
    gc_mode = "default"

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

    analyze_batch = _Pipeline.analyze_batch  # the real batching and isolation logic over the fake parser


def test_analyze_batch_isolates_a_text_the_parser_cannot_take():
    arts = [Article(id="a", text="good one"), Article(id="b", text="BAD text"), Article(id="c", text="hola", language="es")]
    earlier = Outcome(InputItem(location="f:0"), error=InputError("empty", code="E101"))
    outcomes = [earlier] + [Outcome(InputItem(location=f"f:{i}"), article=a) for i, a in enumerate(arts, 1)]
    out = _FakePipeline().analyze_batch(outcomes)
    assert out[0] is earlier and out[0].article is None  # an earlier error passes through
    assert out[1].article.title == "GOOD ONE" and out[1].error is None
    assert out[2].article is None and out[2].error.code == "E106" and out[2].location == "f:2"
    assert out[2].error.message == "the parser failed: ValueError: text broke"
    assert out[3].article.title is None and "not analyzed" in out[3].article.warnings[0]
