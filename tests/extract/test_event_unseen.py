"""False events read on unseen news (issue 18): idioms, non-political senses and campaign talk
code nothing, or the verbal code, while the political sense of the same verb still codes.

Sentences are written for these tests."""
from __future__ import annotations

import pytest

PUBLISHED = "2016-03-01"


def _events(pipeline, text):
    return pipeline({"text": text, "published": PUBLISHED}).events


def _codes(events):
    return [(e.cameo, e.action.text) for e in events]


def _roots(pipeline, text):
    """Roots 02–20 coded in `text`: statements (01) are not what these tests are about."""
    return [e.root for e in _events(pipeline, text) if "02" <= e.root <= "20"]


# --- idioms and non-political senses -------------------------------------------------------------

def test_shooting_back_in_a_statement_is_a_retort_not_small_arms(pipeline):
    assert _roots(pipeline, "Donald Trump shot back in a written statement on Tuesday, saying the charge was false.") == []
    events = _events(pipeline, "Police officers shot back at the gunmen near the station.")
    assert any(e.cameo == "193" for e in events), _codes(events)


@pytest.mark.parametrize("text", [
    "Mrs Clinton released all of her medical records on Friday.",
    "Clinton says she will release her tax returns next week.",
])
def test_releasing_documents_frees_no_one(pipeline, text):
    assert _roots(pipeline, text) == [], _codes(_events(pipeline, text))


def test_refusing_to_release_documents_is_no_refusal_to_free_anyone(pipeline):
    events = _events(pipeline, "The senator has long refused to release his taxes to the public.")
    assert not [e for e in events if e.cameo in ("1243", "0841", "084", "0353")], _codes(events)


def test_releasing_them_frees_people_only_when_a_jailer_does(pipeline):
    assert _roots(pipeline, "The FBI collects crime statistics. It has not released them for this year.") == []
    events = _events(pipeline, "The police released them later that day.")
    assert any(e.cameo == "0841" for e in events), _codes(events)


def test_a_press_release_is_no_release_of_anyone(pipeline):
    text = "Mike Pence's press release linked to the news report."
    assert not [e for e in _events(pipeline, text) if e.root == "08"], _codes(_events(pipeline, text))


def test_lending_support_is_backing_and_lending_ones_campaign_money_is_nothing(pipeline):
    events = _events(pipeline, "Germany lent its support to the French plan on Monday.")
    assert [e.cameo for e in events if e.root in ("05", "07")] == ["051"], _codes(events)
    assert _roots(pipeline, "Jeb Bush lent his campaign two million dollars last month.") == []


def test_committing_a_crime_or_delegates_committing_is_no_intent(pipeline):
    assert _roots(pipeline, "Rubio said he still does not think Hillary Clinton committed a serious crime.") == []
    assert _roots(pipeline, "Several delegates still have not committed to either Clinton or Sanders.") == []


def test_rules_and_laws_demand_nothing(pipeline):
    assert _roots(pipeline, "The party's rules require all delegates to back the winner in the first round.") == []
    assert _roots(pipeline, "The tax law requires companies to file their returns by April.") == []


def test_when_it_came_to_a_candidate_is_no_visit(pipeline):
    assert _roots(pipeline, "An NBC News poll asked voters about the race. When it came to Rubio, 41 percent picked him.") == []


@pytest.mark.parametrize("text", [
    "The newspaper handed the report over to federal prosecutors.",
    "Apple again failed to meet the earnings projections of Wall Street.",
    "Three thousand employees accepted a buyout offer from Ford.",
    "Airlines cancelled flights to the island on Monday.",
    "Regulators are examining the telecom company's bid for the cable firm.",
    "Labour staff spent the weekend telephoning people about party membership.",
    "Bernie Sanders said the rally fires him up.",
])
def test_business_and_everyday_senses_code_nothing(pipeline, text):
    assert _roots(pipeline, text) == [], _codes(_events(pipeline, text))


# --- titles of shows --------------------------------------------------------------------------------

def test_a_verb_inside_a_quoted_show_title_is_no_event(pipeline):
    text = "Ben Carson spoke on Sunday. “I have always expected to be vetted,” Carson said on “Meet the Press.”"
    assert _roots(pipeline, text) == [], _codes(_events(pipeline, text))
    text = "Ben Carson, speaking on “Meet the Press” on Sunday, defended his tax plan."
    assert "04" not in _roots(pipeline, text), _codes(_events(pipeline, text))


def test_a_capitalised_quotation_of_speech_is_no_title(nlp):
    from tidings.extract.actors.code import info
    from tidings.extract.events.discards import in_quoted_title

    doc = nlp("The minister said: “Attack them now, before it is too late.”")
    d = info(doc)
    attack = next(t.i for t in doc if t.text == "Attack")
    assert not in_quoted_title(d, attack)
    doc = nlp("Ben Carson spoke on “Meet the Press” on Sunday.")
    assert in_quoted_title(info(doc), next(t.i for t in doc if t.text == "Meet"))


# --- clashes ----------------------------------------------------------------------------------------

def test_politicians_clashing_in_a_debate_is_verbal_not_force(pipeline):
    events = _events(pipeline, "Jeb Bush clashed with Donald Trump during Saturday's debate.")
    assert [e.cameo for e in events if e.root in ("11", "19")] == ["111"], _codes(events)
    events = _events(pipeline, "Jeb Bush clashed with Donald Trump over eminent domain.")
    assert [e.cameo for e in events if e.root in ("11", "19")] == ["111"], _codes(events)


def test_armed_men_and_crowds_still_clash_by_force(pipeline):
    events = _events(pipeline, "Rebels clashed with government troops near the border.")
    assert [e.cameo for e in events] == ["190"], _codes(events)
    events = _events(pipeline, "Protesters clashed with police outside the convention hall.")
    assert [e.cameo for e in events] == ["145"], _codes(events)


# --- campaign talk ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Clinton is targeting black voters with new television ads.",
    "The super PAC plans to target Ohio voters with mailers.",
    "Donald Trump thanked his supporters in Nevada on Tuesday.",
    "Bernie Sanders talked with voters in Iowa about health care.",
    "About half of the respondents support Sanders.",
    "Those who named health care as their top issue tended to support Clinton.",
    "Senator Sanders was backed by a majority of young voters in the state.",
])
def test_campaign_talk_codes_nothing(pipeline, text):
    assert _roots(pipeline, text) == [], _codes(_events(pipeline, text))


def test_a_politician_endorsing_or_militants_targeting_still_code(pipeline):
    events = _events(pipeline, "Governor Chris Christie endorsed Donald Trump on Friday.")
    assert any(e.cameo == "051" for e in events), _codes(events)
    events = _events(pipeline, "Militants targeted an army convoy near the border.")
    assert any(e.root == "19" for e in events), _codes(events)


def test_a_candidate_named_by_a_pronoun_capturing_a_state_wins_it(pipeline):
    assert _roots(pipeline, "Bernie Sanders spoke in Burlington. He captured Vermont easily.") == []
    events = _events(pipeline, "Rebels attacked the town. They captured two soldiers.")
    assert any(e.cameo == "181" for e in events), _codes(events)


# --- more senses read on BBC politics --------------------------------------------------------------

def test_a_party_official_attacking_pledges_criticises(pipeline):
    events = _events(pipeline, "The Labour co-chairman attacked the new Tory pledges as empty on Sunday.")
    assert [e.cameo for e in events if e.root in ("11", "19")] == ["111"], _codes(events)


def test_commons_clashes_are_words(pipeline):
    events = _events(pipeline, "Labour and the Tories resumed their Commons clashes over Iraq on Wednesday.")
    assert [e.cameo for e in events if e.root in ("11", "19")] == ["111"], _codes(events)


@pytest.mark.parametrize("text", [
    "Schools are now seizing the tools the government gave them.",
    "Unions fear the charity might be taken over by the Scottish Executive.",
])
def test_seizing_a_chance_or_taking_over_a_body_takes_nothing(pipeline, text):
    assert _roots(pipeline, text) == [], _codes(_events(pipeline, text))


def test_charging_students_fees_is_no_accusation(pipeline):
    events = _events(pipeline, "The minister defended his policy of charging students for tuition.")
    assert not [e for e in events if e.root == "11"], _codes(events)
    events = _events(pipeline, "Police charged the man with murder.")
    assert [e.cameo for e in events] == ["173"], _codes(events)


def test_rebels_taking_over_a_town_still_occupy_it(pipeline):
    events = _events(pipeline, "Rebels took over the town on Sunday.")
    assert [e.cameo for e in events] == ["192"], _codes(events)


# --- offers, pushes, talk shows, delegates -----------------------------------------------------------

def test_offering_congratulations_praises_and_offering_a_job_promises_nothing(pipeline):
    events = _events(pipeline, "Donald Trump offered his congratulations to Ted Cruz on Saturday.")
    assert [e.cameo for e in events] == ["051"], _codes(events)
    assert _roots(pipeline, "The governor jokingly offered the student a job in his cabinet.") == []


@pytest.mark.parametrize("text", [
    "Young voters turned out in large numbers to back Sanders, pushing him to victory.",
    "Marco Rubio talked to CNN's morning show about his rivals on Monday.",
    "Hundreds of delegates are expected to support Trump at the convention.",
])
def test_campaign_trail_talk_codes_nothing(pipeline, text):
    assert _roots(pipeline, text) == [], _codes(_events(pipeline, text))


def test_receiving_support_is_no_visit_and_encouraging_a_fast_no_appeal(pipeline):
    events = _events(pipeline, "Sanders received support from President Obama on Monday.")
    assert not [e for e in events if e.root == "04"], _codes(events)
    assert _roots(pipeline, "The radio host encouraged a fast before the Indiana primary.") == []
    events = _events(pipeline, "The president encouraged Iran to return to the talks.")
    assert [e.root for e in events] == ["02"], _codes(events)
