"""Roots, seventh round: events the coder missed or coded under another root, found reading the even
half of the dev set (docs/EVENTS.md, "Seventh round: roots read on the even half"). Sentences are
written for these tests."""
from __future__ import annotations

from ._event_helpers import codes, coded_record


def _events(nlp, text, published="1999-06-01", entities=()):
    return coded_record(nlp, text, published, entities)[1]


HAMAS = [("Hamas", "ORG", ["Hamas"])]


def test_an_attack_laid_at_someones_door_is_theirs_and_claimed(nlp):
    # blame, a link or attribution names who did an attack that has no doer of its own
    events = _events(nlp, "Two killings near the market were blamed on Hamas.", entities=HAMAS)
    assert [(e.root, e.source.code, e.modality) for e in events if e.root in ("18", "19")] == \
        [("18", "PSEREB", "claimed")], codes(events)
    events = _events(nlp, "The police say they have evidence linking the bomb blasts in Tel Aviv to Hamas.",
                     entities=HAMAS)
    assert [(e.cameo, e.source.code) for e in events if e.root == "18"] == [("183", "PSEREB")], codes(events)
    # a part played in it
    events = _events(nlp, "Hamas had played a central role in the bomb attacks in Haifa.", entities=HAMAS)
    assert [(e.cameo, e.source.code) for e in events] == [("183", "PSEREB")], codes(events)
    # an attack linked to another event is no claim about who did it
    events = _events(nlp, "Hamas said the shelling of the port is not linked with the inquiry.", entities=HAMAS)
    assert not [e for e in events if e.root in ("18", "19") and e.modality == "claimed"], codes(events)
    # a part in talks names no attack
    events = _events(nlp, "Hamas played no part in the truce talks.", entities=HAMAS)
    assert not [e for e in events if e.root in ("18", "19")], codes(events)


def test_shedding_ties_reduces_relations(nlp):
    events = _events(nlp, "In 1992 Latvia shed its old military ties to Russia.")
    assert [(e.cameo, e.source.code[:3], e.target.code[:3]) for e in events] == [("160", "LVA", "RUS")], codes(events)
    # shedding jobs or weight is no act between actors
    events = _events(nlp, "Latvia's state railway shed 900 jobs last year.")
    assert not [e for e in events if e.root == "16"], codes(events)


def test_a_refused_demand_was_made(nlp, pipeline):
    # the refusal is coded, and so is the demand it turns down
    events = _events(nlp, "The U.S. demand for his extradition was refused by Syria.")
    assert sorted((e.root, e.source.code[:3]) for e in events) == [("10", "USA"), ("12", "SYR")], codes(events)
    # as the refusal's object it is that refusal's target only
    events = pipeline("Syria rejected Japan's request for an inquiry.").events  # the named-entity stage finds Japan
    assert [(e.root, e.source.code[:3], e.target.code[:3]) for e in events] == [("12", "SYR", "JPN")], codes(events)
    # calls made by no one named: the refusal alone
    events = _events(nlp, "Calls for a ceasefire were rejected by Syria.")
    assert [e.root for e in events] == ["12"], codes(events)


def test_a_noun_a_relative_clause_has_held_is_the_relative_subjects(nlp):
    # "the talks X held", "the cooperation we have had with Y": the relative clause's light verb holds the noun
    events = _events(nlp, "Officials praised the talks Egypt held with Israel last week.")
    assert sorted((e.root, e.source.code[:3], e.target.code[:3]) for e in events if e.root == "04") == \
        [("04", "EGY", "ISR"), ("04", "ISR", "EGY")], codes(events)
    # a relative clause that is no light verb of the noun names no doer
    events = _events(nlp, "Officials praised the talks Egypt criticised last week.")
    assert not [e for e in events if e.root == "04"], codes(events)
    # an attack a speaker levels at someone is words
    sanders = [("Bernie Sanders", "PERSON", ["Bernie Sanders", "he"])]
    events = _events(nlp, "Bernie Sanders apologised after an attack he leveled at the party chairman.",
                     entities=sanders)
    assert not [e for e in events if e.root in ("18", "19")], codes(events)


def test_a_heart_attack_is_no_attack(nlp):
    for text in ("The Syrian minister had a heart attack in Damascus.", "A Syrian soldier had a heart attack."):
        events = _events(nlp, text)
        assert not [e for e in events if e.root in ("11", "18", "19")], codes(events)


def test_saying_someone_is_behind_or_responsible_for_an_attack_accuses_them(nlp):
    events = _events(nlp, "Israeli police say Hamas was behind the bombing of the bus.", entities=HAMAS)
    got = sorted((e.cameo, e.source.code[:3] if e.source else None, e.target.code[:3] if e.target else None,
                  e.modality) for e in events)
    assert ("112", "ISR", "PSE", "asserted") in got and [g for g in got if g[0][:2] == "18"] == \
        [("183", "PSE", None, "claimed")], got
    events = _events(nlp, "Egypt believes Hamas is responsible for last week's bus bombings.", entities=HAMAS)
    assert [(e.cameo, e.source.code[:3]) for e in events if e.cameo == "112"] == [("112", "EGY")], codes(events)
    # a denial accuses no one, and does not make the one denying the attacker
    events = _events(nlp, "Hamas said it was not responsible for the bomb attacks.", entities=HAMAS)
    assert not [e for e in events if e.root in ("11", "18", "19")], codes(events)
    # responsible for talks is no accusation
    events = _events(nlp, "Egypt says Hamas is responsible for the talks.", entities=HAMAS)
    assert not [e for e in events if e.root == "11"], codes(events)


def test_suspects_handed_over_with_no_one_named_are_handed_over_by_the_local_government(pipeline):
    events = pipeline({"text": "Two suspects in the Lagos bombing were handed over to Britain for trial.",
                       "published": "1999-06-01"}).events
    assert [(e.cameo, e.source.code) for e in events if e.root == "06"] == [("063", "NGAGOV")], \
        [(e.cameo, e.source.code if e.source else None) for e in events]
    # documents handed over are no judicial cooperation
    events = pipeline({"text": "The documents were handed over to Britain.", "published": "1999-06-01"}).events
    assert not [e for e in events if e.root == "06"]


def test_an_event_that_does_not_prevent_an_act_coerces_no_one(nlp):
    events = _events(nlp, "According to the minister, the bombings will not prevent Kenya from building new ties with Egypt.")
    assert not [e for e in events if e.root == "17"], codes(events)
    # an actor that prevents does coerce
    events = _events(nlp, "Kenyan police prevented the marchers from reaching the border.")
    assert [e.root for e in events] == ["17"], codes(events)


def test_an_event_noun_that_names_an_office_is_no_event(pipeline):
    def roots(text):
        return [e.root for e in pipeline({"text": text, "published": "1999-06-01"}).events]
    assert "09" not in roots("No reason was given for the arrests; Kenya's fraud investigation and customs "
                             "departments were closed.")
    # two investigations conjoined are two events
    assert roots("Egypt's investigation and the Kenyan inquiry continued.") == ["09", "09"]


def test_a_pledge_to_hold_protests_threatens_protest(nlp):
    events = _events(nlp, "The farmers vowed to stage more protests against the Kenyan government next month.")
    assert [(e.cameo, e.target.code[:3] if e.target else None) for e in events] == [("133", "KEN")], codes(events)
    # a pledge to call off protests eases dissent; agreeing to a protest site is a concession
    events = _events(nlp, "The farmers' union pledged to call off the strike.")
    assert [e.cameo for e in events] == ["0352"], codes(events)
    events = _events(nlp, "The marchers agreed to keep to a protest route away from the parliament.")
    assert not [e for e in events if e.root == "13"], codes(events)


def test_an_attack_that_a_suspect_or_probe_is_about_is_no_new_mention(nlp):
    events = _events(nlp, "Kenya handed over a suspect in the Israeli Embassy bombing to Egypt.")
    assert [e.root for e in events] == ["06"], codes(events)


def test_no_longer_negates(nlp):
    # "can no longer be justified" condemns; "will no longer cooperate" refuses
    events = _events(nlp, "The French president said the British discount can no longer be justified.")
    assert [e.cameo for e in events] == ["111"], codes(events)
    events = _events(nlp, "Syria will no longer cooperate with the Turkish inspectors.")
    assert [e.root for e in events] == ["12"], codes(events)
    events = _events(nlp, "Israel no longer occupies the Lebanese village.")
    assert [e.modality for e in events] == ["negated"], codes(events)


def test_seeing_something_as_harsh_with_as_hung_on_the_object_criticises(nlp):
    # the parser hangs "as …" on the object here
    events = _events(nlp, "Iran has long said it sees the oil embargo as politically driven.")
    assert [e.cameo for e in events if e.root == "11"] == ["111"], codes(events)
    events = _events(nlp, "Iran has long said it sees the oil embargo as a fact of life.")
    assert not [e for e in events if e.root == "11"], codes(events)


def test_saying_it_is_vital_that_someone_acts_appeals_to_them(nlp):
    # an act coded in the that-clause is what the speaker appeals for, not an act done
    events = _events(nlp, "The Israeli minister said it was essential that Syria pull its troops out of Lebanon.")
    assert [(e.root, e.source.code[:3], e.target.code[:3]) for e in events] == [("02", "ISR", "SYR")], codes(events)
    # a clause no rule codes is a generic appeal
    events = _events(nlp, "The Israeli minister said it was vital that Syria keeps its promises.")
    assert [(e.cameo, e.target.code[:3]) for e in events] == [("020", "SYR")], codes(events)
    # a passive clause names no one appealed to
    events = _events(nlp, "The Israeli minister said it was vital that Syrian soldiers were told the rules.")
    assert not [e for e in events if e.root == "02"], codes(events)


def test_a_denial_names_no_attacker(nlp):
    for text in ("Hamas denied it was behind the bombing of the bus.",
                 "Hamas denied it was responsible for the bombing of the bus.",
                 "Hamas said it played no part in the bombing of the bus."):
        events = _events(nlp, text, entities=HAMAS)
        assert not [e for e in events if e.root in ("11", "18")], (text, codes(events))
