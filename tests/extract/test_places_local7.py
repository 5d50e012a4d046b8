"""Places in local news, seventh round (issue #21): namesake villages of big cities, qualifiers
of counties by their state, persons named by a surname, datelines of two words. Sentences
written for these tests."""
from __future__ import annotations

import pytest

from tidings.items import InputItem

from ._place_helpers import named


@pytest.fixture(scope="module")
def pipeline():
    from tidings.pipeline import Pipeline

    return Pipeline()


def places(pipeline, text: str):
    return pipeline(InputItem(text=text, published="2016-07-01")).places


# -- namesake villages of big cities (namesakes.py) ---------------------------------------------------
def test_big_city_named_beside_a_namesake_village_does_not_pull_it(pipeline):
    # Denver, Pennsylvania lies near Philadelphia: a national story means Colorado's capital
    text = ("Party officials picked Philadelphia for the summer convention this year. Denver and "
            "Phoenix had also bid for it, and both cities will try again in four years.")
    assert named(places(pipeline, text), "Denver")[0].admin1 == "Colorado"


def test_namesake_villages_do_not_hold_each_other_up(pipeline):
    # Boston and Jacksonville are also villages near Pittsburgh, Pennsylvania
    text = ("The senator spoke to union members in Boston on Monday. Her aides said turnout in "
            "Pittsburgh, Jacksonville and Tampa would decide how Pennsylvania and Florida vote.")
    found = places(pipeline, text)
    assert named(found, "Boston")[0].admin1 == "Massachusetts"
    assert named(found, "Jacksonville")[0].admin1 == "Florida"


def test_small_town_story_still_takes_the_home_town(pipeline):
    # the county and small towns around it still pull "Paris" to Texas
    text = ("PARIS, Texas \u2014 Lamar County deputies arrested a Reno man on Tuesday after a chase "
            "that ended near Blossom. The Paris police assisted.")
    assert named(places(pipeline, text), "Paris")[-1].admin1 == "Texas"
