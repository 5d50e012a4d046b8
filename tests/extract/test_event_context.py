"""Targets from the article: the other side of a two-sided story (events/context.py, issue 18).

The texts are written for these tests.
"""
from __future__ import annotations

import pytest

from tidings.extract.events.context import context_actors
from tidings.record import Article, Event, EventActor, SpanRef

TWO_SIDES = ("Israeli and Lebanese negotiators met in Naqoura on Monday to discuss the border. "
             "Israel accused Lebanon of sheltering guerrillas, and Lebanon demanded that Israel release its prisoners. "
             "Defence Minister Amir Peretz said Israel was ready to withdraw its troops by July. "
             "Lebanese officials said they would study the offer.")


def _by_action(record, word):
    return [e for e in record.events if e.action.text == word]


def test_an_act_with_no_target_in_a_two_sided_story_is_aimed_at_the_other_side(pipeline):
    record = pipeline({"text": TWO_SIDES, "published": "1998-04-02"})
    (withdraw,) = [e for e in record.events if e.cameo == "0356"]
    assert withdraw.source.code.startswith("ISR")
    assert withdraw.target is not None and withdraw.target.code.startswith("LBN")
    assert withdraw.target.from_context
    # the target points at a mention of the other side, before the event's sentence
    mention = record.text[withdraw.target.start:withdraw.target.end]
    assert mention.startswith("Leban") and withdraw.target.start < record.sentences[withdraw.sentence].start
    # targets the sentences name themselves are not marked
    (accused,) = _by_action(record, "accused")
    assert accused.target.code.startswith("LBN") and not accused.target.from_context


def test_own_troops_withdrawn_are_not_the_target(pipeline):
    record = pipeline({"text": "Defence Minister Amir Peretz said Israel would withdraw its troops by July.",
                       "published": "1998-04-02"})
    events = [e for e in record.events if e.cameo.startswith(("0356", "087"))]
    assert events and all(e.target is None or not e.target.code.startswith("ISR") for e in events)


def _event(sentence, source, target=None, cameo="036", quad=1):
    return Event(id="", sentence=sentence, source=EventActor(code=source, start=0, end=3),
                 target=EventActor(code=target, start=5, end=8) if target else None,
                 action=SpanRef(start=0, end=1, text="x"), cameo=cameo, root=cameo[:2], quad_class=quad)


@pytest.mark.parametrize("dyads, expected", [
    (0, None),   # the article never shows the two sides dealing with each other
    (1, None),   # once is not a two-sided story: a stray foreign mention in domestic news
    (2, "FRA"),
])
def test_a_side_counts_as_the_other_side_only_when_seen_dealing_with_the_source_twice(dyads, expected):
    events = [_event(n, "USAGOV", "FRAGOV", cameo="040") for n in range(dyads)] + [_event(5, "USAGOV")]
    record = Article(id="t", text="x" * 50, events=events)
    out = context_actors(events, record)
    last = out[-1]
    assert (last.target.code[:3] if last.target else None) == expected
    if expected:
        assert last.target.from_context


def test_the_side_aimed_at_by_the_same_kind_of_act_wins_over_the_most_frequent_partner():
    events = [_event(0, "RUS", "USA", "040"), _event(1, "RUS", "USA", "040"), _event(2, "RUS", "USA", "036"),
              _event(3, "RUS", "UKR", "190", quad=4), _event(4, "RUS", "UKR", "190", quad=4),
              _event(6, "RUS", None, "154", quad=4), _event(7, "RUS", None, "036")]
    out = context_actors(events, Article(id="t", text="x" * 50, events=events))
    assert out[-2].target.code == "UKR" and out[-1].target.code == "USA"


def test_investigations_criticism_and_coercion_take_no_target_from_context():
    events = [_event(0, "USAGOV", "FRAGOV", "040"), _event(1, "USAGOV", "FRAGOV", "040"),
              _event(2, "USAGOV", None, "111", quad=3), _event(3, "USACOP", None, "173", quad=4),
              _event(4, "USASPY", None, "090", quad=1)]
    out = context_actors(events, Article(id="t", text="x" * 50, events=events))
    assert [e.target for e in out[2:]] == [None, None, None]


def test_the_unnamed_agent_of_a_passive_act_is_the_one_named_doing_it_just_before(pipeline):
    text = ("WASHINGTON (AP) _ The State Department said on Monday that it had no news. Kenyan police said on "
            "Monday they had detained nine foreigners while hunting the attackers. The nine foreigners, five "
            "Yemenis and four Somalis, were rounded up after they could not say why they were in the country.")
    record = pipeline({"text": text, "published": "2002-11-30"})
    rounded = [e for e in record.events if e.action.text == "rounded"]
    assert rounded and {e.source.code for e in rounded} == {"KENCOP"}, [(e.source, e.cameo) for e in rounded]
    assert all(e.source.from_context and record.text[e.source.start:e.source.end] == "Kenyan police"
               for e in rounded)
    assert {e.target.code for e in rounded} == {"YEM", "SOM"}


def test_an_agent_named_for_another_kind_of_act_is_not_taken():
    told = _event(0, "TZACOP", "IRQ", cameo="173", quad=4)
    unnamed = _event(1, "USACOP", "SDN", cameo="173", quad=4).model_copy(
        update={"source": EventActor(code="USACOP")})  # an implicit agent: no mention
    other_root = _event(0, "TZACOP", None, cameo="091", quad=1)
    far = _event(0, "TZACOP", "IRQ", cameo="173", quad=4)
    record = Article(id="t", text="x" * 50)
    assert context_actors([told, unnamed], record)[1].source.code == "TZACOP"
    assert context_actors([other_root, unnamed], record)[1].source.code == "USACOP"
    later = unnamed.model_copy(update={"sentence": 3})
    assert context_actors([far, later], record)[1].source.code == "USACOP"  # three sentences on: not the same act
