"""The per-batch work (tidings.scale.work) and the writer's ledger (tidings.scale.ledger)."""
from __future__ import annotations

from tidings.errors import InputError
from tidings.ingest import IngestSummary
from tidings.items import InputItem
from tidings.record import Article
from tidings.scale.ledger import Ledger
from tidings.scale.work import Failure, bare_preparer, prepare_items


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
