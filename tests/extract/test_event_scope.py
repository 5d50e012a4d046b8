"""Article scope: sports, entertainment and business between companies code no events (issue 18, item 4).

The texts are written for these tests. Each out-of-scope text is checked to code events when the
scope check is switched off, so that a test fails if the check stops working.
"""
from __future__ import annotations

import pytest

from tidings.extract.events import scope
from tidings.extract.events.discards import story_discard

SPORTS = ("France beat Italy 3-1 in Paris on Saturday to go top of their group",
          "France beat Italy 3-1 in their group game in Paris on Saturday, with striker Lucas Moreau scoring twice "
          "in the second half. Italy's coach accused France of time-wasting and criticised the referee for a penalty "
          "decision before half-time. The victory lifts France to the top of the group, two points ahead of Italy "
          "with three matches of the season left. Moreau said the squad would attack the next fixture against Spain "
          "with the same hunger, and the team's fans sang in the stadium long after the players had left the pitch. "
          "France host Spain in the league next month.")
FILM = ("Spy thriller Winter Line is a chilly triumph",
        "Winter Line, the new film from director Marta Kessel, is a chilly triumph. The movie follows a young officer "
        "during the Cold War; in its opening scene Soviet troops invade Czechoslovakia and the officer is arrested by "
        "the secret police. Actress Lena Hart, who plays the officer, gives the performance of her career, and the "
        "film's score by composer Ivo Brandt is superb. The drama opens in cinemas on Friday after its premiere at "
        "the Berlin festival, where the cast and crew were cheered by the audience. Critics expect it to do well at "
        "the box office and to feature when the award nominations for best actress are announced.")
MERGER = ("Halvard Motors to buy Keystone Airlines for $4bn",
          "Halvard Motors Inc has agreed to buy Keystone Airlines Corp for $4.2bn (£3.3bn), the two firms said on "
          "Monday, in a deal that would create the region's biggest transport group. Halvard shareholders will get "
          "1.4 new shares for each share they hold, and Keystone's chief executive Paul Dunmore will join the board "
          "of the combined company. Shares in Keystone Airlines jumped 18% on the news, while Halvard Motors stock "
          "fell 3%. Analysts said the takeover would cut costs by $300m a year. Halvard Motors rejected a rival offer "
          "from Norland Group Ltd last month, and the firm said quarterly profits rose 12% on higher sales to "
          "customers in Asia.")
GAMES = ("Kaido handheld console given European launch date",
         "Games maker Kaido has said its new handheld console will go on sale in Europe in March, two months after "
         "its US launch. The console, which plays games on two screens, will cost 149 euros. Kaido's president Aiko "
         "Mori said owners would also be able to watch films and hear songs on the go with an adapter, and that "
         "more than 100 video games would be ready for the launch. The company offered developers early kits, and "
         "rival console makers are expected to cut prices for the holiday season.")
POLITICS = ("Putin and Erdogan agree gas deal at Sochi talks",
            "Vladimir Putin, the Russian president, met Recep Tayyip Erdogan of Turkey in Sochi on Tuesday and the "
            "two leaders signed an agreement on gas supplies. Putin praised Turkey for its help in ending the "
            "fighting in Syria, while Erdogan urged Russia to withdraw its troops from the Syrian border. The Turkish "
            "foreign minister later accused the Syrian government of attacking civilians in Idlib. After the talks "
            "the two presidents watched a football match between their national teams, which Russia won 2-1 with a "
            "late goal.")
MIXED = ("Putin and Erdogan agree gas deal at Sochi talks",
         "Vladimir Putin, the Russian president, met Recep Tayyip Erdogan of Turkey in Sochi on Tuesday and the two "
         "leaders signed an agreement on gas supplies. Putin praised Turkey for its help in ending the fighting in "
         "Syria. Separately, Halvard Motors Inc signed a supply agreement with Keystone Airlines Corp on Tuesday.")
REGULATOR = ("EU fines Halvard Motors for price-fixing",
             "The European Union fined Halvard Motors Inc 500m euros ($590m) on Tuesday for fixing prices with two "
             "rival carmakers. The European Commission accused the company of cheating consumers for more than a "
             "decade, and Competition Commissioner Ana Lucena said the firm had broken European law. The German "
             "government criticised the size of the fine. Halvard Motors said it would appeal against the ruling, "
             "and its shares fell 4% on the news. Analysts said the company's profits would be hit.")


def _analyze(pipeline, story):
    title, body = story
    return pipeline({"text": f"{title}\n\n{body}", "title": title})


@pytest.fixture
def no_scope(monkeypatch):
    """The event coder with the scope check switched off."""
    monkeypatch.setattr(scope, "codes_nothing", lambda kind: False)
    monkeypatch.setattr(scope, "event_out_of_scope", lambda event, record, kind=None: None)


@pytest.mark.parametrize("story, kind", [(SPORTS, "sports"), (FILM, "entertainment"), (MERGER, "business"),
                                         (GAMES, "entertainment")])
def test_out_of_scope_articles_code_nothing(pipeline, story, kind):
    assert story_discard(f"{story[0]}\n\n{story[1]}") is None  # this check, not the discard list, decides
    record = _analyze(pipeline, story)
    assert record.events == [], [(e.cameo, e.source, e.target) for e in record.events]


@pytest.mark.parametrize("story", [SPORTS, FILM, MERGER, MIXED, GAMES])
def test_the_texts_code_events_without_the_check(pipeline, no_scope, story):
    record = _analyze(pipeline, story)
    assert record.events  # else the tests above could not fail


def test_the_article_type(pipeline):
    from tidings.extract._doc import DocView

    for story, kind in ((SPORTS, "sports"), (FILM, "entertainment"), (MERGER, "business"), (POLITICS, None),
                        (REGULATOR, None)):
        record = _analyze(pipeline, story)
        view = DocView(pipeline.nlp(record.text), record.text)
        assert scope.out_of_scope(view, record) == kind, story[0]


def test_politics_mentioning_a_match_still_codes(pipeline):
    record = _analyze(pipeline, POLITICS)
    codes = {(e.root, (e.source.code or "")[:3], (e.target.code or "")[:3])
             for e in record.events if e.source and e.target}
    assert ("04", "RUS", "TUR") in codes  # the meeting
    assert any(e.root == "11" and e.source.code.startswith("TUR") for e in record.events if e.source and e.source.code)


def test_regulator_fining_a_company_still_codes(pipeline):
    record = _analyze(pipeline, REGULATOR)
    assert any(e.source and e.source.code and e.source.code.startswith("IGOEU") for e in record.events)
    assert any(e.source and e.source.code == "DEUGOV" for e in record.events)


def test_business_between_companies_in_a_political_article(pipeline):
    record = _analyze(pipeline, MIXED)
    names = {(e.source.name if e.source else None, e.target.name if e.target else None) for e in record.events}
    assert ("Vladimir Putin", "Recep Tayyip Erdogan") in names  # the article is in scope
    assert not any("Halvard" in (s or "") or "Keystone" in (t or "") for s, t in names)


def test_a_government_party_is_no_company():
    from tidings.record import Article, Entity, Event, EventActor

    record = Article(id="t", text="x", entities=[
        Entity(id="E1", name="Halvard Motors Inc", type="ORG"),
        Entity(id="E2", name="Keystone Airlines", type="ORG"),
        Entity(id="E3", name="Federal Trade Commission", type="ORG", actor_code="USAGOV"),
        Entity(id="E4", name="India", type="PLACE", actor_code="IND"),
        Entity(id="E5", name="Bank of England", type="ORG")])

    def event(src, tgt):
        return Event(id="V1", sentence=0, action={"start": 0, "end": 1, "text": "x"}, cameo="057", root="05",
                     source=EventActor(entity=src), target=EventActor(entity=tgt), modality="asserted")

    assert scope.between_companies(event("E1", "E2"), record)
    assert not scope.between_companies(event("E3", "E1"), record)  # a regulator is party
    assert not scope.between_companies(event("E1", "E5"), record)  # a central bank is no company
    assert scope.event_out_of_scope(event("E1", "E2"), record) == "business"
    # in a business article only the events with a government party (or a country) stay
    assert scope.event_out_of_scope(event("E4", "E1"), record, "business") is None
    assert scope.event_out_of_scope(event("E1", None), record, "business") == "business"


def test_bad_data_names_the_file_and_the_reason(tmp_path, monkeypatch):
    bad = tmp_path / "scope.yaml"
    bad.write_text("types:\n  sports:\n    min_hits: 5\n    strong: [goal]\n", encoding="utf-8")
    monkeypatch.setattr(scope, "DATA", bad)
    scope._rules.cache_clear()
    try:
        with pytest.raises(ValueError, match=r"scope\.yaml: type 'sports' lacks min_density"):
            scope._rules()
    finally:
        scope._rules.cache_clear()
