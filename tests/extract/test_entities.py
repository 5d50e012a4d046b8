import pytest

from tidings.extract.entities import country_of
from tidings.items import InputItem

TEXT = ("White House press secretary Karine Jean-Pierre told reporters on Tuesday that Russian President "
        "Vladimir Putin knew the cost. Mr. Putin gave no reply. Jean-Pierre said the contacts would continue.\n\n"
        "Secretary of State Antony Blinken saw his counterparts in Vienna. Blinken said NATO stood "
        "together, and Blinkon added more later. Tanks rolled into Donbass.")


@pytest.fixture(scope="module")
def record(pipeline):
    return pipeline(InputItem(text=TEXT, published="2021-12-06"))


def _by_name(record, name):
    return next(e for e in record.entities if e.name == name)


def test_persons_resolve_to_one_entity_each_with_role_and_country(record):
    psaki = _by_name(record, "Karine Jean-Pierre")
    assert psaki.type == "PERSON" and psaki.role == "press secretary" and psaki.affiliation == "USA"
    assert "White House press secretary Karine Jean-Pierre" in psaki.aliases
    assert len(psaki.mentions) == 2
    putin = _by_name(record, "Vladimir Putin")
    assert putin.affiliation == "RUS" and putin.role == "President" and len(putin.mentions) == 2
    blinken = _by_name(record, "Antony Blinken")
    assert blinken.role == "Secretary of State" and "Blinken" in blinken.aliases
    assert [p for p in record.entities if p.type == "PERSON" and "Jean-Pierre" in p.name] == [psaki]


def test_mentions_point_at_their_text(record):
    for e in record.entities:
        for m in e.mentions:
            assert record.text[m.start:m.end] == m.text
            s = record.sentences[m.sentence]
            assert s.start <= m.start < s.end


def test_known_regions_are_places(record):
    assert _by_name(record, "Donbass").type == "PLACE"
    assert _by_name(record, "NATO").type == "ORG"


def test_country_of():
    assert country_of("Russian") == "RUS"
    assert country_of("US") == "USA"
    assert country_of("us") is None
    assert country_of("France") == "FRA"
    assert country_of("the White House") == "USA"
    assert country_of("Narnian") is None


def test_credited_reporters_are_persons_without_mentions(pipeline):
    text = "The council approved the budget on Monday.\n\nAnn Lee and Bo Chen contributed to this report."
    record = pipeline(InputItem(text=text))
    credited = {e.name: e for e in record.entities if e.role == "contributor"}
    assert set(credited) == {"Ann Lee", "Bo Chen"}
    assert all(e.type == "PERSON" and e.mentions == [] for e in credited.values())
