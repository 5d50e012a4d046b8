"""Who acts on whom, seventh round (rules read on news_dev, checked on the other half and on
unseen corpus records)."""
from __future__ import annotations


def _run(pipeline, text, published="2020-03-03"):
    return pipeline({"text": text, "published": published})


def _codes(record):
    return {e.name: e.actor_code for e in record.entities}


def test_an_armed_group_coded_by_world_region_takes_the_one_country_its_name_holds(pipeline):
    # the Phoenix dictionary codes this group EEUREB (Eastern Europe), which no country's series counts
    record = _run(pipeline, "Fighters of the Kosovo Liberation Army ambushed a convoy near the border.")
    assert _codes(record).get("Kosovo Liberation Army") == "KSVREB", _codes(record)


def test_a_region_word_is_not_the_country_inside_it(pipeline):
    # "Latin American": not the United States; the dictionary's regional code stays
    record = _run(pipeline, "Gunmen of the Latin American Patriotic Army raided a bank in a mountain town.")
    assert not any((e.source and (e.source.code or "").startswith("USA")) for e in record.events), \
        [(e.source and e.source.code) for e in record.events]
    assert _codes(record).get("Latin American Patriotic Army", "SAMREB")[:3] == "SAM", _codes(record)
