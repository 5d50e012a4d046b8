"""The canonical example: ../shared/examples/biden-putin-call.txt against its gold record."""
import json

import pytest

from tidings.items import InputItem


@pytest.fixture(scope="module")
def example(shared_dir, pipeline):
    text = (shared_dir / "examples" / "biden-putin-call.txt").read_text("utf-8")
    gold = json.loads((shared_dir / "examples" / "biden-putin-call.gold.json").read_text("utf-8"))
    return pipeline(InputItem(text=text, published=gold["published"])), gold


def test_furniture_lines_are_removed(example):
    record, gold = example
    removed = {r.text for r in record.removed_lines}
    clean_lines = set(record.text.split("\n"))
    for line in gold["not_article_text"]:
        assert line in removed, line
        assert line not in clean_lines, line


def test_persons_and_aliases_resolve_to_one_entity_each(example):
    record, gold = example
    persons = [e for e in record.entities if e.type == "PERSON"]
    for name, aliases in gold["aliases"].items():
        forms = {name, *aliases}
        matching = [e for e in persons if forms & {e.name, *e.aliases}]
        assert len(matching) == 1, (name, [(e.name, e.aliases) for e in matching])
    blinken = next(e for e in persons if "Blinken" in {e.name, *e.aliases})
    assert "Blinking" in blinken.aliases
    assert any(m.text == "Blinking" for m in blinken.mentions)


def test_donbass_is_a_place(example):
    record, _ = example
    donbass = [e for e in record.entities if e.name in ("Donbass", "Donbas")]
    assert donbass and all(e.type == "PLACE" for e in donbass)


def test_mt_artifacts_flagged(example):
    record, _ = example
    texts = {a.text for a in record.mt_artifacts}
    assert "soldiersa" in texts and "Blinking" in texts
