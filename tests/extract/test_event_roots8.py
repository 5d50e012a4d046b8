"""Roots, eighth round: events the coder missed or coded under another root, found reading the odd
half of the dev set (docs/EVENTS.md, "Eighth round: roots read on the odd half"). Sentences are
written for these tests."""
from __future__ import annotations

from ._event_helpers import codes, coded_record


def _events(nlp, text, published="1999-06-01", entities=()):
    return coded_record(nlp, text, published, entities)[1]


def test_a_pseudo_cleft_of_necessity_appeals(nlp, pipeline):
    # "what is important is that X does Y" appeals to X, as "it is important that X does Y" does
    events = _events(nlp, "Cuba's foreign minister said what is important for him is that the Americans "
                          "return the boy to Havana soon.")
    assert [(e.root, e.source.code[:3], e.target.code[:3]) for e in events] == [("02", "CUB", "USA")], codes(events)
    events = _events(nlp, "Britain's foreign secretary said the important thing is that Syria withdraws "
                          "its soldiers from Lebanon.")
    assert [(e.cameo, e.source.code[:3], e.target.code[:3]) for e in events] == [("0256", "GBR", "SYR")], codes(events)
    # inside a quote of its own, the quote's speaker makes the appeal
    events = pipeline("``We have waited long enough,'' said Cuban President Fidel Castro. ``What is essential "
                      "is that the Americans return the boy to Havana.''").events
    assert [(e.root, e.source.code[:3], e.target.code[:3]) for e in events if e.root != "01"] == \
        [("02", "CUB", "USA")], codes(events)
    # the speaker's own side doing it is an aim, no appeal
    events = pipeline("Italian Foreign Minister Lamberto Dini met his French counterpart on Sunday. ``We want good "
                      "ties with every neighbour,'' said Dini. ``Above all, the important thing is that we "
                      "deepen these talks with France.''").events
    assert not [e for e in events if e.root == "02"], codes(events)
    # what is clear is a statement, no appeal
    events = _events(nlp, "Britain's foreign secretary said what is clear is that Syria withdrew its "
                          "soldiers from Lebanon.")
    assert not [e for e in events if e.root == "02"], codes(events)


def test_coming_here_visits_the_dateline_country(pipeline):
    # "here" in a story filed from a city is that city's country
    events = pipeline("MIAMI (AP) - Cuban President Fidel Castro said he will come here next week.").events
    assert [(e.root, e.source.code[:3], e.target.code[:3]) for e in events if e.root != "01"] == \
        [("03", "CUB", "USA")], codes(events)
    # no dateline: "here" names no place
    events = pipeline("Cuban President Fidel Castro said he will come here next week.").events
    assert not [e for e in events if e.root in ("03", "04")], codes(events)


def test_an_alleged_part_told_by_an_actor_accuses(nlp):
    # the possessor's alleged part is what the verb's subject accuses them of; the accusing is asserted
    events = _events(nlp, "Israeli officials briefed foreign diplomats on Tuesday, setting out Syria's alleged "
                          "involvement in the raid.")
    assert [(e.cameo, e.source.code[:3], e.target.code[:3], e.modality) for e in events if e.root == "11"] == \
        [("112", "ISR", "SYR", "asserted")], codes(events)
    events = _events(nlp, "Israeli officials talked about Syria's suspected role in the raid.")
    assert [(e.cameo, e.source.code[:3], e.target.code[:3]) for e in events if e.root == "11"] == \
        [("112", "ISR", "SYR")], codes(events)
    # the accused telling it is a denial, not an accusation; nor is a negated clause
    events = _events(nlp, "Syria rejected its alleged involvement in the raid.")
    assert not [e for e in events if e.cameo == "112"], codes(events)
    events = _events(nlp, "Israeli officials did not discuss Syria's alleged role in the raid.")
    assert not [e for e in events if e.cameo == "112"], codes(events)


def test_a_feeling_about_you_is_about_whom_the_speaker_tells(nlp):
    # the one told is the one "you" names
    events = _events(nlp, "``Japan is deeply proud of you,'' the Japanese prime minister told the Kenyan police.")
    assert [(e.cameo, e.source.code[:3], e.target.code[:3]) for e in events if e.root == "05"] == \
        [("051", "JPN", "KEN")], codes(events)
    # said, not told: no one addressed, no event
    events = _events(nlp, "``Japan is deeply proud of you,'' the Japanese prime minister said.")
    assert not [e for e in events if e.root == "05"], codes(events)


def test_an_arrest_told_in_the_passive_of_a_light_verb_is_made(nlp):
    # "arrests were made": the police reporting them made them
    events = _events(nlp, "Two more arrests were made in Mombasa on Friday, the Kenyan police said.")
    assert [(e.cameo, e.source.code) for e in events if e.root == "17"] == [("173", "KENCOP")], codes(events)
    # an arrest recalled as the subject of another verb is no new arrest
    events = _events(nlp, "His arrest angered students in Mombasa, the Kenyan police said.")
    assert not [e for e in events if e.root == "17"], codes(events)


def test_what_a_denial_denies_is_negated(nlp):
    events = _events(nlp, "Kenya's police chief denied press reports that his officers had arrested three students.")
    assert [(e.cameo, e.modality) for e in events if e.root == "17"] == [("173", "negated")], codes(events)
    events = _events(nlp, "Kenya's police chief denied that his officers had arrested three students.")
    assert [(e.cameo, e.modality) for e in events if e.root == "17"] == [("173", "negated")], codes(events)
    # confirmed, or a denial itself negated: the arrest stands
    events = _events(nlp, "Kenya's police chief confirmed press reports that his officers had arrested three students.")
    assert [(e.cameo, e.modality) for e in events if e.root == "17"] == [("173", "asserted")], codes(events)
    events = _events(nlp, "Kenya's police chief did not deny that his officers had arrested three students.")
    assert [(e.cameo, e.modality) for e in events if e.root == "17"] == [("173", "asserted")], codes(events)


def test_offering_praise_or_criticism_is_praise_or_criticism(nlp):
    # "offer" is a light verb: the noun it offers names the act
    events = _events(nlp, "Peru's trade minister offered warm praise for Chile.")
    assert [(e.cameo, e.source.code[:3]) for e in events] == [("051", "PER")], codes(events)
    events = _events(nlp, "Peru's trade minister offered sharp criticism of Chile's new tariffs.")
    assert [(e.cameo, e.source.code[:3], e.target.code[:3]) for e in events] == [("111", "PER", "CHL")], codes(events)
    # an offer the verb itself codes keeps the verb's code
    events = _events(nlp, "Peru's trade minister offered talks to Chile.")
    assert [(e.root, e.source.code[:3]) for e in events] == [("03", "PER")], codes(events)
