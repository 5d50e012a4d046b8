import json

from tidings.record import SCHEMA_VERSION, Article, Entity, Mention, article_id, json_schema


def test_article_id_is_stable_under_whitespace_and_case():
    assert article_id("Hello  world\n") == article_id("hello world")
    assert article_id("Hello world") != article_id("Hello there")
    assert len(article_id("x")) == 16


def test_round_trip_json():
    a = Article(id="abc", text="Biden spoke.", published="2021-12-07",
                entities=[Entity(id="E1", name="Biden", type="PERSON",
                                 mentions=[Mention(start=0, end=5, text="Biden", sentence=0)])])
    back = Article.from_json(a.to_json())
    assert back == a
    assert back.schema_version == SCHEMA_VERSION
    assert json.loads(a.to_json())["entities"][0]["mentions"][0]["end"] == 5


def test_unknown_field_is_refused():
    import pydantic
    import pytest

    with pytest.raises(pydantic.ValidationError):
        Article(id="x", text="t", bogus=1)


def test_schema_names_the_contract_fields():
    props = json_schema()["properties"]
    for name in ("schema_version", "id", "url", "title", "published", "published_source", "source_name",
                 "language", "text", "removed_lines", "mt_artifacts", "sentences", "entities", "quotes",
                 "events", "quantities", "times", "places", "tone"):
        assert name in props


def test_sentence_of():
    from tidings.record import Sentence

    a = Article(id="x", text="A b. C d. E f.", sentences=[Sentence(start=0, end=4), Sentence(start=5, end=9),
                                                          Sentence(start=10, end=14)])
    assert [a.sentence_of(i) for i in (0, 4, 5, 12)] == [0, 0, 1, 2]
