"""Figurative uses of verbs of force and coercion code no conflict (events/senses.py, figurative;
data/cameo/senses.yaml figurative_*, race_verbs, taking_up_*). Sentences written for these tests."""
from __future__ import annotations

import pytest

from tidings.extract.events.senses import senses

_FORCE = ("17", "18", "19", "20")


@pytest.fixture
def roots(pipeline):
    def run(text, published="2016-05-19"):
        return [e.root for e in pipeline({"text": text, "published": published}).events]
    return run


def _force(found):
    return [r for r in found if r in _FORCE]


def test_force_verbs_with_an_abstract_object_code_no_force(roots):
    assert not _force(roots("The senator worked all week to kill the proposal in committee."))
    assert not _force(roots("The mayor is destroying the party's chances in the autumn election."))
    assert not _force(roots("Two governors occupied a third tier in the latest survey."))
    assert not _force(roots("Her aides will execute the campaign plan without him."))
    assert not _force(roots("Lawmakers cannot keep imposing all the costs on retired teachers."))
    assert not _force(roots("The scandal has damaged the governor's brand in the state."))


def test_force_verbs_with_a_literal_object_keep_their_force(roots):
    assert _force(roots("Rebels destroyed the bridge near the capital on Sunday.", "2015-03-28"))
    assert _force(roots("Syrian troops occupied the village of Tal Abyad on Monday.", "2015-03-28"))


def test_force_verbs_whose_subject_is_a_thing_code_no_force(roots):
    assert not _force(roots("Farmers blame the market forces that are destroying family farms."))
    assert not _force(roots("The new state law unfairly targets tenants in poor districts."))
    assert not _force(roots("A grim poll killed the senator's hopes of a comeback."))


def test_beating_a_politician_is_winning_a_race_not_an_assault(roots):
    assert not _force(roots("He says he is the only candidate who can beat Hillary Clinton in November."))
    assert not _force(roots("Marco Rubio nearly beat Donald Trump for second place in the state."))
    assert "18" in roots("Police beat the opposition leader Morgan Tsvangirai in Harare.", "2007-03-12")


def test_seizing_on_something_takes_it_up_as_an_argument(roots):
    assert not _force(roots("Hillary Clinton quickly seized on the governor's remark about wages."))
    assert not _force(roots("The media have seized upon the new emails from the campaign."))
    assert _force(roots("Police seized weapons and cash in a raid on the house.", "2015-03-28"))


def test_attacking_a_plan_stays_criticism_not_nothing(roots):
    assert "11" in roots("Senator Ted Cruz attacked the plan on Tuesday.")


def test_the_figurative_classes_are_data():
    s = senses()
    assert {"proposal", "chances", "tier", "warming"} <= s["figurative_objects"]
    assert "base" not in s["figurative_objects"]  # "troops attacked the base" is force
    assert {"poll", "economy"} <= s["figurative_subjects"] and "beat" in s["race_verbs"]


def test_firing_back_without_weapons_is_a_retort_by_a_speaker(roots):
    assert roots("Senator Marco Rubio fired back at Governor Chris Christie over the state budget.") == ["11"]
    assert "19" in roots("Israeli soldiers fired back at the gunmen near the fence.", "2015-03-28")
