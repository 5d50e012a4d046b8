"""Places in local news, sixth round (issue #21): towns the gazetteer lacks that a qualifier or a
dateline places, capitals of named countries, "the villages of A and B", towns found once the
document's countries are known. Sentences written for these tests."""
from __future__ import annotations

import pytest

from tidings.items import InputItem

from ._place_helpers import named, near


@pytest.fixture(scope="module")
def pipeline():
    from tidings.pipeline import Pipeline

    return Pipeline()


def places(pipeline, text: str):
    return pipeline(InputItem(text=text, published="2018-03-01")).places


MISSOURI = (38.5, -92.5)


# -- a qualifier names a state that holds none of the name's senses ----------------------------------
def test_qualified_village_the_gazetteer_lacks_stays_in_its_state(pipeline):
    # the gazetteer's only Holliday is in Texas; "Holliday, Missouri" is a village it does not list
    text = ("HOLLIDAY, Mo. \u2014 A woman from Paris, Missouri, was hurt Sunday when her pickup left Route 24 "
            "two miles east of Holliday, Missouri, and rolled into a ditch.")
    found = places(pipeline, text)
    for p in named(found, "HOLLIDAY") + named(found, "Holliday"):
        assert p.feature_code == "LCTY" and p.admin1 == "Missouri" and near(p, *MISSOURI, km=250)


def test_a_list_after_a_name_is_no_qualifier(pipeline):
    # "Hamburg" is a German state: in a list of cities it does not qualify "Copenhagen"
    found = places(pipeline, "The band will play Copenhagen, Hamburg, Bremen and Kiel in May.")
    assert named(found, "Copenhagen")[0].country == "DNK"


def test_dateline_town_the_gazetteer_lacks_is_placed_in_its_state(pipeline):
    found = places(pipeline, "FORT LEWISBURG, Ark. \u2014 Two men were arrested after a break-in at a feed store.")
    p = named(found, "FORT LEWISBURG")[0]
    assert p.feature_code == "LCTY" and p.admin1 == "Arkansas"


# -- the capital of a country the story names ------------------------------------------------------
def test_capital_of_a_named_country_beats_the_home_states_namesake(pipeline):
    text = ("GEORGETOWN, Ky. \u2014 A Georgetown pharmacist touring France heard sirens outside her hotel in "
            "Paris on Friday night. She and her husband will fly home to Kentucky on Monday, she said.")
    assert named(places(pipeline, text), "Paris")[0].country == "FRA"


def test_named_country_capital_does_not_take_a_state_of_that_name(pipeline):
    # "Washington" beside "United States": the bonus is for a capital against namesake towns, not a state
    text = "Farmers in central Washington said the drought is the worst in the United States since 1977."
    assert named(places(pipeline, text), "Washington")[0].feature_code == "ADM1"


# -- "the villages of A and B" ---------------------------------------------------------------------------
def test_villages_listed_after_villages_of_are_localities_at_the_town_beside_them(pipeline):
    text = "Shelling hit the villages of Qarmoush, Tell Zafran and Deir Sunbul west of Aleppo on Monday."
    found = places(pipeline, text)
    for name in ("Qarmoush", "Tell Zafran", "Deir Sunbul"):
        p = named(found, name)[0]
        assert p.feature_code == "LCTY" and p.country == "SYR"


# -- towns found once the story's country is known -------------------------------------------------------
def test_town_after_a_locative_is_found_once_an_abbreviation_names_the_country(pipeline):
    # "BC" (found late, from the abbreviation rule) makes it a Canadian story: "to Castlegar" is the town
    text = ("People in Nelson can now get land permits at the new Service BC counter downtown. "
            "Until now, applicants had to make the drive to Castlegar, the minister said.")
    p = named(places(pipeline, text), "Castlegar")[0]
    assert p.country == "CAN" and near(p, 49.33, -117.66, km=30)


# -- a "person" whose first word is a town and no one's first name ----------------------------------------
def test_business_the_model_calls_a_person_does_not_make_its_town_a_persons_name(pipeline):
    # the model tags "Bayonne Luke Oil" a person; no one is called Bayonne, so "in Bayonne" stays the town
    text = ("Omar Haddad and Mary Lee sell tickets at Bayonne Luke Oil, the owner said. "
            "The store in Bayonne sells about 400 of them a week.")
    found = places(pipeline, text)
    assert all(p.admin1 == "New Jersey" for p in named(found, "Bayonne"))


# -- a named country is no evidence for a village over a big namesake -------------------------------------
def test_named_country_does_not_pull_a_capital_to_a_small_namesake_town(pipeline):
    text = ("Lawmakers in Washington and New York said the United States would send trade envoys to London "
            "next month. The talks in London are the first since the spring.")
    assert all(p.country == "GBR" for p in named(places(pipeline, text), "London"))


# -- one state under two names ------------------------------------------------------------------------------
def test_bare_state_name_follows_the_abbreviation_of_a_dateline(pipeline):
    text = ("CAMP WINSLOW, Wash. \u2014 The unit trains at home in Washington most of the year. "
            "Its members also served in Washington, D.C., for the inauguration, and they help "
            "Washington communities after floods.")
    found = places(pipeline, text)
    washingtons = named(found, "Washington")
    assert [p.feature_code for p in washingtons] == ["ADM1", "PPLC", "ADM1"]


def test_washington_dc_qualified_is_the_capital_city(pipeline):
    found = places(pipeline, "The march ends Saturday in Washington, D.C., organisers said.")
    assert named(found, "Washington")[0].feature_code == "PPLC"


# -- people the model calls places ---------------------------------------------------------------------------
def test_a_persons_surname_the_gazetteer_lacks_is_no_local_feature(pipeline):
    # the model tags the lone surname after "of" a place; the story names the person in full
    text = ("Governor Tom Brannigan toured a plant near Dayton, Ohio, on Friday. Most voters there held a "
            "favourable opinion of Brannigan.")
    assert "Brannigan" not in [p.text for p in places(pipeline, text)]


def test_a_first_name_after_a_comma_is_no_qualifier(pipeline):
    # "Vladimir" is a Russian region, but here it opens a person's name
    text = "Associated Press writers Omar Said in Cairo, Vladimir Orlov in Moscow and Jane Dow in London contributed."
    assert "Vladimir" not in [p.text for p in places(pipeline, text)]


# -- townships; local features in a story that names a county and no town -----------------------------------
def test_a_township_is_not_the_city_it_is_named_after(pipeline):
    found = places(pipeline, "The fire destroyed a barn in Lincoln Township early Sunday, the Berrien County "
                             "Sheriff said.")
    assert not [p for p in found if p.text == "Lincoln"], [(p.text, p.admin1) for p in found]


def test_a_local_feature_is_placed_at_the_county_when_the_story_names_no_town(pipeline):
    text = "Deputies closed the road through Lincoln Township on Sunday after a crash, the Berrien County Sheriff said."
    found = places(pipeline, text)
    county = named(found, "Berrien County")[0]
    township = named(found, "Lincoln Township")[0]
    assert township.feature_code == "AREA" and (township.lat, township.lon) == (county.lat, county.lon)
