"""Senses of common verbs that are no political act, read on unseen BBC politics stories of 2005 (no
annotation): each sentence below is our own."""
from __future__ import annotations

import pytest


def _roots(pipeline, text, published="2005-03-01"):
    record = pipeline({"text": text, "published": published})
    return [(e.root, e.source.code if e.source else None, e.target.code if e.target else None) for e in record.events
            if e.root != "01"]


@pytest.mark.parametrize("text", [
    "Italy took over the chairmanship of the bloc in July.",  # an office, not ground seized
    "The British defence ministry destroyed 12,000 files last year.",  # documents, not property attacked
    "An inquiry will decide whether the Welsh minister abused his position.",  # misconduct, not assault
    "Hunters shot two foxes near the Welsh village on Sunday.",  # game, not people
])
def test_no_force_for_offices_files_positions_or_game(pipeline, text):
    roots = _roots(pipeline, text)
    assert not any(root in ("17", "18", "19") for root, _, _ in roots), roots


def test_force_is_still_coded_where_it_is_force(pipeline):
    assert any(r == "17" for r, _, _ in _roots(pipeline, "Rebels destroyed three bridges near the Sudanese border."))
    assert any(r == "19" for r, _, _ in _roots(pipeline, "Soldiers shot two protesters in Cairo on Friday."))


def test_a_meeting_followed_by_concerns_raised_is_still_a_meeting(pipeline):
    roots = _roots(pipeline, "Blair met Chirac in Paris and raised concerns about the budget.")
    assert any(r == "04" for r, _, _ in roots), roots


@pytest.mark.parametrize("text", [
    "Two Canadian bankers pleaded guilty to tax fraud on Monday.",  # a plea in court asks no one
    "Moody's lifted Brazil's rating by one notch.",  # a rating, no restriction eased
    "Russian crude was trading at 60 dollars on Friday.",  # a price, no trade between actors
    "Kia plans a new factory in Mexico to meet the country's rising demand for trucks.",  # the market's demand
    "Heavy snow pushed Russian gas prices to record highs.",  # prices pushed by weather, no appeal
    "Jakarta wants to curb fuel subsidies next year.",  # spending cut, no repression
])
def test_business_and_court_words_code_no_event(pipeline, text):
    roots = [r for r in _roots(pipeline, text) if r[1] or r[2]]
    assert roots == [], roots


def test_pleading_with_someone_is_still_an_appeal(pipeline):
    roots = _roots(pipeline, "Kurdish leaders pleaded with the United Nations to send food.")
    assert any(r == "02" for r, _, _ in roots), roots


@pytest.mark.parametrize("text", [
    "Nobody knew who would occupy the White House after the vote.",  # an office, not ground seized
    "Officials in Moscow have destroyed the country's biggest oil company.",  # a firm ruined, no property attacked
    "Washington may release supplies from its strategic oil reserve.",  # a store drawn on, no one freed
])
def test_offices_firms_and_stores_are_no_force_or_release(pipeline, text):
    roots = [r for r in _roots(pipeline, text) if r[1] or r[2]]
    assert roots == [], roots


def test_ground_occupied_is_still_force(pipeline):
    assert any(r == "19" for r, _, _ in _roots(pipeline, "Israeli troops occupied the village of Beit Hanoun."))


@pytest.mark.parametrize("text, root", [
    ("The United States eased sanctions on Cuba, citing concerns about the economy.", "08"),
    ("The European Union lifted sanctions on Libya to boost trade growth.", "08"),
    ("Unions pushed the Nigerian government to lower fuel prices.", "02"),
    ("Protesters occupied government offices in Kiev on Sunday.", "19"),
])
def test_the_clause_words_of_a_sense_rule_do_not_hide_the_political_act(pipeline, text, root):
    # the words a rule looks for are read in the whole clause: the political reading is checked first
    roots = _roots(pipeline, text)
    assert any(r == root for r, _, _ in roots), roots


def test_a_company_dealing_with_no_one_named_codes_nothing(pipeline):
    # business news: a firm signing or investing, with no political actor on the other side
    record = pipeline({"text": "Chevron Corp. signed a deal to develop a gas field off Angola.",
                       "published": "2005-03-01"})
    assert [e for e in record.events if e.root == "05"] == [], [(e.root, e.source, e.target) for e in record.events]


def test_a_company_lobbying_against_a_rule_still_codes(pipeline):
    # criticism and demands by firms are kept: a lobby against a government rule is a political act
    roots = _roots(pipeline, "Chevron Corp. criticised the Nigerian government over the new oil tax.")
    assert any(r == "11" for r, _, _ in roots), roots
