"""Who acts on whom, sixth round (rules read on the odd half of news_dev): pronouns agree with the
person they stand for."""
from __future__ import annotations


def _run(pipeline, text, published="2020-03-03"):
    return pipeline({"text": text, "published": published})


def _targets(record, root):
    return [e.target.name if e.target else None for e in record.events if e.root == root]


def test_she_does_not_stand_for_a_man_named_before(pipeline):
    # the first name says the other gender: "her" is someone the text does not name
    record = _run(pipeline, "Interior Minister Carlos Ruiz of Spain flew to Lisbon on Monday. "
                            "Portuguese police arrested her at the airport.")
    assert "Carlos Ruiz" not in _targets(record, "17"), _targets(record, "17")
    record = _run(pipeline, "Interior Minister Carlos Ruiz of Spain flew to Lisbon on Monday. "
                            "Portuguese police arrested him at the airport.")
    assert "Carlos Ruiz" in _targets(record, "17"), _targets(record, "17")
