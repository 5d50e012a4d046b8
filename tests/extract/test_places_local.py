"""Places in local news: home towns against famous namesakes, counties and parishes, streets and
roads, people and headline words; the source's home place (source_location, --home).
Sentences written for these tests."""
from __future__ import annotations

import json

import pytest

from tidings.extract.places.gazetteer import KIND_CITY, gazetteer
from tidings.extract.places.filters import division_spans, headline_word, possessed_by_person, road_designation, \
    street_after
from tidings.extract.places.focus import home_senses
from tidings.extract.places.resolve import distance_km, prior
from tidings.items import InputItem

from ._place_helpers import named, near


@pytest.fixture(scope="module")
def pipeline():
    from tidings.pipeline import Pipeline

    return Pipeline()


def places(pipeline, text: str, home: str | None = None):
    return pipeline(InputItem(text=text, published="2018-03-01", source_location=home)).places


ALEXANDRIA_LA = (31.31, -92.45)
PARIS_TX = (33.66, -95.56)


# -- the home town against a famous namesake ---------------------------------------------------
def test_home_town_beside_its_parish_and_a_nearby_town_is_not_the_famous_namesake(pipeline):
    text = ("Alexandria police arrested a man Tuesday after a chase that ended in Pineville.\n\n"
            "The Rapides Parish Sheriff's Office said deputies found the car near Boyce. "
            "The man was booked into the Alexandria city jail.")
    found = places(pipeline, text)
    assert all(near(p, *ALEXANDRIA_LA) for p in named(found, "Alexandria"))
    assert named(found, "Rapides Parish")[0].admin1 == "Louisiana"


def test_paris_beside_lamar_county_is_paris_texas_and_the_county_follows(pipeline):
    found = places(pipeline, "Officers were called to a home in Paris on Friday. Lamar County deputies assisted.")
    assert near(named(found, "Paris")[0], *PARIS_TX)
    assert named(found, "Lamar County")[0].admin1 == "Texas"  # one sense per discourse across names


def test_source_home_place_decides_a_lone_namesake(pipeline):
    text = "Alexandria police arrested two men Tuesday. Both are from Alexandria, police said."
    assert not any(near(p, *ALEXANDRIA_LA) for p in places(pipeline, text))
    for home in ("Alexandria, La.", "Rapides Parish, Louisiana"):
        found = places(pipeline, text, home)
        assert all(near(p, *ALEXANDRIA_LA) for p in named(found, "Alexandria")), home


def test_unknown_home_place_is_a_warning_not_a_failure(pipeline):
    record = pipeline(InputItem(text="Alexandria police arrested two men.", source_location="Nowhere Land, Zz"))
    assert any("Nowhere Land" in w and "not used" in w for w in record.warnings)
    assert record.source_location == "Nowhere Land, Zz"


def test_home_senses_read_town_and_state():
    g = gazetteer()
    senses = home_senses(g, "Alexandria, La.", prior)
    assert senses and all(c.kind == KIND_CITY and c.admin1 == "Louisiana" for c in senses)
    assert [c.admin1 for c in home_senses(g, "Rapides Parish, Louisiana", prior)] == ["Louisiana"]
    assert home_senses(g, "Nowhere Land, Zz", prior) == [] and home_senses(g, "", prior) == [] and home_senses(g, None, prior) == []


# -- second-level divisions ---------------------------------------------------------------------
def test_parish_and_county_are_places_alone_and_before_a_road_number(pipeline):
    found = places(pipeline, "Deputies in Rapides Parish closed Lamar County Road 3 after the flood, "
                             "and Jefferson Parish sent boats.")
    assert named(found, "Rapides Parish")[0].feature_code == "ADM2"
    assert named(found, "Lamar County")[0].feature_code == "ADM2"
    assert named(found, "Jefferson Parish")[0].admin1 == "Louisiana"


def test_division_spans_try_the_longest_run_first():
    text = "Deputies from the Sheriff's Office. Black Hawk County and Rapides Parish said."
    spans = [[text[a:b] for a, b in run] for run in division_spans(text)]
    assert ["Office. Black Hawk County", "Black Hawk County", "Hawk County"] in spans
    assert ["Rapides Parish"] in spans


# -- streets, roads, people and headline words ----------------------------------------------------
def test_streets_named_after_cities_are_not_the_city(pipeline):
    found = places(pipeline, "Officers went to 412 Dallas St. and then to a house on Boston Road in Paris, Texas.")
    assert not any(p.text in ("Dallas", "Boston") for p in found)
    assert not any(near(p, 32.78, -96.80, 30) or near(p, 42.36, -71.06, 30) for p in found)  # Dallas, Boston
    text = "at 412 Dallas St. and on Lamar County Road 3"
    assert street_after(text, text.index("Dallas"), text.index("Dallas") + 6)
    k = text.index("Lamar County")
    assert not street_after(text, k, k + len("Lamar County"))  # a county before "Road 3" stays a place


def test_numbered_roads_are_not_places(pipeline):
    found = places(pipeline, "The crash closed Highway 12 to traffic near Boyce, Louisiana, and County Road 3 "
                             "stayed shut.")
    assert not any(p.text.startswith(("Highway", "County Road")) for p in found)
    assert all(road_designation(s) for s in ("County Road 3", "Highway 12 to", "State Route 9", "U.S. 50", "Route C"))
    assert not any(road_designation(s) for s in ("Pacific Coast Highway", "Fort Worth", "Lamar County"))


def test_a_name_before_possessive_house_is_a_person(pipeline):
    found = places(pipeline, "Deputies searched Helen Kunz's house in Marathon County on Friday.")
    assert not any("Helen" in p.text for p in found)
    assert possessed_by_person("Jaqueline's death", len("Jaqueline"))
    assert not possessed_by_person("Texas's governor", len("Texas"))


def test_capitalised_common_word_in_a_title_case_headline_is_not_a_place(pipeline):
    found = places(pipeline, "Man Charged After Chase Through Alexandria Neighborhood\n\n"
                             "A man was charged Tuesday, Rapides Parish deputies said.")
    assert not any(p.text == "Man" for p in found)
    assert headline_word("Man Charged After Chase Downtown\n", 0, 3)
    assert not headline_word("A man from Reading was charged.", 11, 18)  # not a headline


def test_nationality_adjectives_stay_out(pipeline):
    found = places(pipeline, "French and Iowan officials met in Des Moines, Iowa, on Monday.")
    assert not any(p.text in ("French", "Iowan") for p in found)
    named(found, "Des Moines")


# -- small towns ----------------------------------------------------------------------------------
def test_village_under_1000_people_where_its_state_is_named(pipeline):
    found = places(pipeline, "Deputies of Plymouth County, Iowa, say a stolen trailer turned up near Hinton "
                             "on Sunday.")
    assert near(named(found, "Hinton")[0], 42.63, -96.29, 40)  # Hinton, Iowa: 938 people (towns500)


def test_village_under_1000_people_alone_is_not_taken():
    g = gazetteer()
    brunson = [c for c in g.lookup("Brunson") if c.cc == "US"]
    assert brunson and all(c.geonameid in g.towns500 for c in brunson)  # only a village of that name


def test_villages_are_not_taken_for_a_person_without_their_state(pipeline):
    found = places(pipeline, "Foreign Minister Mevlut Cavusoglu spoke with Brunson's lawyer in Izmir, Turkey.")
    assert not any(p.text.startswith("Brunson") for p in found)


# -- plumbing: source_location in JSON Lines, --home on the CLI -----------------------------------
def test_jsonl_items_carry_source_location():
    from tidings.readers.jsonl import item_from_mapping

    item = item_from_mapping({"text": "t", "source_location": " Alexandria, La. "}, "x.jsonl:1")
    assert item.source_location == "Alexandria, La."
    item = item_from_mapping({"text": "t"}, "x.jsonl:2", defaults={"source_location": "Paris, Texas"})
    assert item.source_location == "Paris, Texas"


def test_cli_analyze_home_option(tmp_path):
    from typer.testing import CliRunner

    from tidings.cli import app

    story = tmp_path / "story.txt"
    story.write_text("Alexandria police arrested two men Tuesday. Both are from Alexandria, police said.\n",
                     encoding="utf-8")
    result = CliRunner().invoke(app, ["analyze", str(story), "--home", "Alexandria, La.", "--format", "json"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["source_location"] == "Alexandria, La."
    assert record["places"] and all(p["admin1"] == "Louisiana" for p in record["places"] if p["text"] == "Alexandria")


def test_ingest_home_reaches_the_stored_records(tmp_path):
    from tidings.ingest import ingest
    from tidings.store import open_store

    path = tmp_path / "feed.jsonl"
    rows = [{"id": "a1", "text": "Alexandria police arrested two men Tuesday. Both are from Alexandria, police said."},
            {"id": "a2", "text": "Alexandria firefighters put out a blaze downtown.", "source_location": "Alexandria, Va."}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    db = tmp_path / "t.duckdb"
    assert ingest([str(path)], db=db, home="Alexandria, La.").analyzed == 2
    store = open_store(db)
    try:
        first, second = store.get_article("a1"), store.get_article("a2")
    finally:
        store.close()
    assert first.source_location == "Alexandria, La."  # --home fills items that give none
    assert all(p.admin1 == "Louisiana" for p in first.places if p.text == "Alexandria")
    assert second.source_location == "Alexandria, Va."  # the item's own wins
    assert all(p.admin1 == "Virginia" for p in second.places if p.text == "Alexandria")


def test_a_surname_of_a_named_person_is_the_person_alone(pipeline):
    text = ("Hartley unveils plan against vandalism\n\nMERIDEN \u2014 Mayor Joan Hartley will speak to reporters "
            "on Monday. Hartley described a new fine. The shop owners support it, Hartley said.")
    found = places(pipeline, text)
    assert not [p for p in found if p.text == "Hartley"], [(p.text, p.name) for p in found]
    named(found, "MERIDEN")


def test_a_surname_after_a_locative_or_with_a_qualifier_stays_a_place():
    from tidings.extract.places.filters import surname_alone

    cands = [c for c in gazetteer().lookup("Bingham") if c.kind == KIND_CITY]
    names = frozenset({"Bingham"})
    text = "Ryan Bingham lives in Bingham. Bingham, Maine, is small. Bingham spoke."
    spans = [(i, i + 7) for i in range(len(text)) if text.startswith("Bingham", i)]
    assert [surname_alone(text, s, e, cands, names, qualified=(k == 2)) for k, (s, e) in enumerate(spans)] == \
        [True, False, False, True]
    washington = gazetteer().lookup("Washington")
    assert not surname_alone("Washington said", 0, 10, washington, frozenset({"Washington"}), False)


def test_a_one_word_name_that_speaks_is_a_speaker():
    from tidings.extract.places.filters import speaker

    holland = [c for c in gazetteer().lookup("Holland") if c.kind == KIND_CITY and c.population < 100_000]
    text = '"It was sad," Holland said. According to Holland, it was. Barry, who was from Holland said so.'
    spans = [(i, i + 7) for i in range(len(text)) if text.startswith("Holland", i)]
    assert [speaker(text, s, e, holland) for s, e in spans] == [True, True, False]
    assert not speaker("according to Hammond Fire Marshal Luis Ortega", 13, 20, holland)
    ottawa = gazetteer().lookup("Ottawa")
    assert not speaker("Ottawa said on Monday", 0, 6, ottawa)  # a capital speaks for its government


def test_a_body_named_like_a_facility_is_not_a_place(pipeline):
    text = ("PARIS, Mo. \u2014 A crash south of Paris left two people hurt on Tuesday, according to the Highway "
            "Patrol. The Highway Patrol reported that the pickup was headed north. Monroe County deputies assisted.")
    found = places(pipeline, text)
    assert not [p for p in found if "Patrol" in p.text], [(p.text, p.feature_code) for p in found]


def test_a_headline_word_the_body_uses_as_a_name_is_a_place(pipeline):
    from tidings.extract.places.filters import named_elsewhere

    head = "Columbia Woman Dies in Crash on Interstate 70"
    text = head + "\n\nA woman from Columbia died on Interstate 70 on Monday. Boone County deputies responded."
    found = places(pipeline, text)
    assert [p.admin1 for p in found if p.text == "Columbia" and p.start < len(head)] == ["Missouri"]
    assert named_elsewhere(text, "Columbia", 0, len(head))
    assert not named_elsewhere("Man Charged After Chase\n\nThe man was charged.", "Man", 0, 23)


def test_a_street_in_a_title_case_headline_starts_after_its_preposition(pipeline):
    text = ("Flood Waters Rise Along Old Mill Road in Paris\n\nWater covered Old Mill Road in Paris on Tuesday, "
            "Lamar County officials said.")
    found = places(pipeline, text)
    assert "Flood Waters Rise Along Old Mill Road" not in [p.text for p in found]
    assert [p.start for p in found if p.text == "Old Mill Road"][0] == text.index("Old Mill Road")


def test_an_unlikely_sense_of_another_name_supports_nothing():
    from tidings.extract.places.focus import MIN_WEIGHT, Support

    somerville = [c for c in gazetteer().lookup("Somerville") if c.admin1 == "New Jersey"][0]
    charleston = [c for c in gazetteer().lookup("Charleston") if c.admin1 == "New York"][0]
    assert distance_km(somerville.lat, somerville.lon, charleston.lat, charleston.lon) < 100
    assert MIN_WEIGHT > 0.25
    weak = Support({"somerville": [(somerville, 0.25)]})
    strong = Support({"somerville": [(somerville, 0.9)]})
    assert weak.of(charleston, "charleston") == 0.0  # two unlikely villages do not hold each other up
    assert strong.of(charleston, "charleston") == 0.9


def test_a_town_before_a_local_noun_is_a_place(pipeline):
    text = ("Mason charged with assault\n\nA Danbury stonework mason was charged on Friday. He was arrested by "
            "Danbury police in July, Connecticut officials said. Sioux City firefighters helped.")
    found = places(pipeline, text)
    assert [p.admin1 for p in found if p.text == "Danbury"] == ["Connecticut", "Connecticut"]
    assert [p.admin1 for p in found if p.text == "Sioux City"] == ["Iowa"]


def test_an_everyday_word_or_a_longer_name_before_a_local_noun_is_not_taken():
    from tidings.extract.places import attributive

    added = []

    class FakeWords:  # "John Danbury police" / "a Black man": nothing is taken
        def __init__(self, toks):
            from spacy.symbols import NOUN, PROPN

            self.texts = toks
            self.caps = [t[:1].isupper() for t in toks]
            self.pos = [PROPN if t[:1].isupper() else NOUN for t in toks]
            self.starts, k = [], 0
            for t in toks:
                self.starts.append(k)
                k += len(t) + 1
            self.in_ent = [False] * len(toks)
            self.ents = []
            self.n = len(toks)

        def end(self, i):
            return self.starts[i] + len(self.texts[i])

    for toks in (["Officer", "John", "Danbury", "police", "said"], ["a", "Black", "man", "said"]):
        w = FakeWords(toks)
        attributive.scan_attributive(w, " ".join(toks), gazetteer(), lambda s, e, *a: added.append((s, e)) or True,
                                     {"US"}, lambda name: name == "Black")
    assert added == []
    w = FakeWords(["a", "Danbury", "man", "said"])
    attributive.scan_attributive(w, "a Danbury man said", gazetteer(), lambda s, e, *a: added.append((s, e)) or True,
                                 {"US"}, lambda name: False)
    assert added == [(2, 9)]


def test_a_state_abbreviation_without_its_period_qualifies_a_dateline(pipeline):
    text = "EDMONTON, Ky (WBKO) -- A fire destroyed a barn on Tuesday, firefighters said."
    found = places(pipeline, text)
    assert [p.admin1 for p in found if p.text == "EDMONTON"] == ["Kentucky"]
    assert [p.name for p in found if p.text == "Ky"] == ["Kentucky"]


def test_a_town_after_the_of_of_a_residence_is_a_place(pipeline):
    text = ("Two people were hurt in a crash in Texas on Sunday. The driver, Herbert Lattin, 35, of Bellmead, "
            "was taken to a hospital, and Stephanie Cooper of Mexia was treated at the scene.")
    found = places(pipeline, text)
    assert {p.text: p.admin1 for p in found if p.text in ("Bellmead", "Mexia")} == \
        {"Bellmead": "Texas", "Mexia": "Texas"}


def test_a_home_country_supports_no_town_near_its_centre_point():
    from tidings.extract.places.focus import Support

    usa = gazetteer().country_of("USA")
    near_centre = [c for c in gazetteer().lookup("Beloit") if c.admin1 == "Kansas"][0]
    assert distance_km(usa.lat, usa.lon, near_centre.lat, near_centre.lon) < 100
    assert Support({"\x00home": [(usa, 1.0)]}).of(near_centre, "beloit") == 0.0


def test_a_first_name_that_speaks_is_the_person_even_when_a_state_bears_it(pipeline):
    text = ("INNISFAIL - Ten-year-old Georgia Stevens is getting her skates ready for the provincial games.\n"
            "Georgia took up skating when she was five. Georgia's third-place finish earned her a team spot.\n"
            "\"I love it,\" said Georgia. Her family came from Atlanta, Georgia, in 2016.")
    record = pipeline(InputItem(text=text, published="2018-03-01"))
    lone = [p for p in record.places if p.text == "Georgia"]
    assert [p.start for p in lone] == [record.text.index("Georgia, in 2016")], [(p.text, p.start) for p in lone]


def test_person_alone_needs_the_name_to_speak_somewhere():
    from tidings.extract.places.filters import person_alone, speaks

    text = "Georgia Stevens skates. Georgia was fast. Storms hit Georgia on Monday."
    assert not speaks(text, "Georgia")
    names = frozenset({"Georgia"})
    assert not person_alone(text, 24, 31, names, False, lambda n: speaks(text, n))
    said = text + ' "Yes," said Georgia.'
    assert person_alone(said, 24, 31, names, False, lambda n: speaks(said, n))
    assert not person_alone(said, 0, 7, frozenset({"Stevens"}), False, lambda n: speaks(said, n))  # not a name of hers


def test_a_dateline_span_leaves_out_its_dash(pipeline):
    record = pipeline(InputItem(text="CHARLOTTE - A bystander filmed the traffic stop on her phone, "
                                     "police said."))
    assert [p.text for p in record.places][:1] == ["CHARLOTTE"]


def test_a_county_read_from_a_bare_name_gets_no_sibling_bonus():
    from tidings.extract.places.resolve import Mention, _score

    senses = [c for c in gazetteer().lookup("Cleveland") if c.admin1 == "North Carolina"]
    county = [c for c in senses if c.feature == "ADM2"][0]
    assert county.alias  # "Cleveland" is "Cleveland County" only through its suffix-less key
    m = Mention(0, 9, "Cleveland", "ent", senses)
    named_state = {(county.cc, "north carolina")}
    plain = _score(county, m, {}, set())
    assert _score(county, m, {}, named_state) - plain == pytest.approx(1.5)  # ADMIN_NAMED only, no sibling +1


def test_a_name_after_a_title_is_a_persons(pipeline):
    from tidings.extract.places.filters import titled_names

    assert titled_names("in President Obama's Cabinet, Mayor Ryan Bingham and Sen. Kelly Ayotte said") == \
        {"Obama", "Bingham", "Ayotte"}
    text = ("Perez is a dark horse of the Obama team. Told that Perez had served in President Obama's Cabinet, "
            "voters in Montgomery County, Maryland, applauded.")
    found = places(pipeline, text)
    assert "Obama" not in [p.text for p in found], [(p.text, p.name, p.country) for p in found]


def test_a_name_before_an_age_is_a_persons(pipeline):
    from tidings.extract.places.filters import named_with_age

    text = "Troopers also charged Vernon  Adkins, 52, of McKee. London police said he had been driving."
    assert named_with_age(text, text.index("Vernon") + 6)
    assert not named_with_age("in Paris, 40 people died", 8)
    found = places(pipeline, text)
    assert "Vernon" not in [p.text for p in found], [(p.text, p.name) for p in found]


def test_a_name_after_a_division_and_of_is_a_place_and_backs_its_neighbours(pipeline):
    text = ("Brant OPP shut Powerline Road after crash in Paris\n\nTwo pickups collided on Powerline Road in "
            "Paris on Monday, and both drivers went to hospital. Brant OPP shut the road for hours. Witnesses "
            "can call the County of Brant OPP.")
    found = places(pipeline, text)
    assert {p.admin1 for p in found if p.text == "Brant"} == {"Ontario"}
    assert {p.admin1 for p in found if p.text == "Paris"} == {"Ontario"}


def test_the_second_of_two_towns_after_a_preposition_and_residents_of_a_town(pipeline):
    found = places(pipeline, "Officers from Woodworth and Lecompte helped Rapides Parish deputies.")
    assert {p.text: p.admin1 for p in found if p.text in ("Woodworth", "Lecompte")} == \
        {"Woodworth": "Louisiana", "Lecompte": "Louisiana"}
    found = places(pipeline, "Residents of Pineville and Boyce attended the Rapides Parish meeting.")
    assert {p.text for p in found} >= {"Pineville", "Boyce"}


def test_compass_words_before_a_place_are_part_of_its_name(pipeline):
    found = places(pipeline, "Councils want more doctors for the towns of Far North Queensland.")
    assert [p.text for p in found] == ["Queensland"]
    found = places(pipeline, "The North West province of South Africa held elections.")
    assert "North West" in [p.text for p in found]  # a province word after it: the province


# -- the smallest region holding the other places; one sense per discourse ----------------------
LEBANON_PA = (40.34, -76.41)
LONDON_KY = (37.13, -84.08)


def test_a_country_name_used_as_a_town_in_one_county_story_is_the_town(pipeline):
    text = ("Lebanon police arrested a man Tuesday after a chase that ended in Annville. Lebanon County "
            "deputies assisted, and the man was taken to the county prison in Lebanon.")
    found = places(pipeline, text)
    assert all(near(p, *LEBANON_PA) for p in named(found, "Lebanon"))  # every mention: one sense


def test_a_famous_city_namesake_beside_a_single_county_is_the_local_town(pipeline):
    found = places(pipeline, "A man from London was charged Tuesday. Laurel County deputies said the man "
                             "was arrested in London after a chase.")
    assert all(near(p, *LONDON_KY) for p in named(found, "London"))


def test_a_country_among_foreign_places_stays_the_country(pipeline):
    found = places(pipeline, "Israel struck targets in Lebanon on Tuesday, officials in Jerusalem and Beirut said.")
    assert named(found, "Lebanon")[0].feature_code == "PCLI"


def test_a_sibling_state_of_the_region_is_not_pulled_to_a_village_namesake(pipeline):
    found = places(pipeline, "Flooding in Wales and in England hit Sheffield. Homes in Leeds and Rotherham were flooded, "
                             "Yorkshire officials said.")
    assert named(found, "Wales")[0].feature_code != "PPL"


def test_town_use_cues_hold_for_every_mention_of_the_name():
    from tidings.extract.places.region import mark_town_use
    from tidings.extract.places.resolve import Mention

    def marks(text: str, name: str) -> list[bool]:
        ms, k = [], text.find(name)
        while k >= 0:
            ms.append(Mention(k, k + len(name), name, "scan", []))
            k = text.find(name, k + 1)
        mark_town_use(ms, text)
        return [m.town_use for m in ms]

    assert marks("Lebanon said no. Lebanon police said yes.", "Lebanon") == [True, True]
    assert marks("The men flew to Lebanon.", "Lebanon") == [False]
    assert marks("A fire near Lebanon.", "Lebanon") == [True]
    assert marks("Tickets are sold by the city of Lebanon.", "Lebanon") == [True]


def test_region_of_the_other_places_needs_them_all_in_one_state():
    from tidings.extract.places.region import region_of

    g = gazetteer()
    town = lambda name, state: next(c for c in g.lookup(name) if c.kind == KIND_CITY and c.admin1 == state)
    country = lambda name: next(c for c in g.lookup(name) if c.feature == "PCLI")
    tops = {"annville": town("Annville", "Pennsylvania"), "palmyra": town("Palmyra", "Pennsylvania"),
            "lebanon": country("Lebanon")}
    assert region_of(tops, "lebanon") == ("US", "pennsylvania")
    assert region_of(tops, "annville") is None  # a foreign country among the others
    assert region_of({"annville": tops["annville"], "lebanon": tops["lebanon"]}, "lebanon") is None  # one town


def test_a_town_of_a_country_the_document_names_beats_a_famous_namesake(pipeline):
    found = places(pipeline, "A London doctor said Canada should act. Canada has done much, the London doctor said, "
                             "but Syria needs more.")
    assert all(p.country == "CAN" for p in named(found, "London"))


def test_a_state_or_country_name_is_not_pulled_to_a_town_of_a_named_country(pipeline):
    found = places(pipeline, "Health officials in Quebec said the virus had spread. Canada has 40 cases, and Quebec has 12.")
    assert all(p.feature_code == "ADM1" for p in named(found, "Quebec"))  # the province, not Quebec City


@pytest.mark.parametrize("text, name, state", [
    ("Cairo police said the man was arrested in Cairo. Illinois troopers helped.", "Cairo", "Illinois"),
    ("A fire in Lebanon destroyed a barn. Ohio fire officials said.", "Lebanon", "Ohio"),
])
def test_a_famous_namesake_used_as_a_town_beside_only_its_state_is_the_town(pipeline, text, name, state):
    assert all(p.admin1 == state for p in named(places(pipeline, text), name))


def test_a_name_written_with_its_article_is_no_place_without_it(pipeline):
    found = places(pipeline, "Support for the Member States grew. He moved back to the States in May.")
    assert [p.text for p in found if p.text == "States"] == ["States"]  # "the States" only
    assert named(found, "States")[0].start > 40


def test_everyday_words_of_local_news_are_not_towns(pipeline):
    found = places(pipeline, "The Commonwealth will appeal, Commonwealth attorneys in Harrisonburg said. Metro police "
                             "closed Downtown streets, and Council members met in Midtown.")
    assert {"Commonwealth", "Downtown", "Midtown", "Council"}.isdisjoint(p.text for p in found)
    assert all(p.country == "USA" for p in found)  # no Commonwealth in Manila, no Metro in Lampung


# -- fifth round: roads, bodies, document countries, the document's area (issue #21) ----------------
def test_township_and_parish_roads_are_numbered_roads(pipeline):
    found = places(pipeline, "A tractor overturned on Township Road 366 near Berlin, Holmes County deputies said. "
                             "Parish Road 12 stayed open.")
    assert not any(p.text.startswith(("Township", "Parish")) for p in found)
    assert all(road_designation(s) for s in ("Township Road 366", "Twp. Road 12", "Parish Road 12", "Ranch Road 620"))


def test_a_one_word_generic_facility_before_police_is_no_building(pipeline):
    found = places(pipeline, "Metro police said two people were shot in Nashville on Saturday night.")
    assert [p.text for p in found] == ["Nashville"]


def test_words_of_a_us_story_make_its_lone_town_american(pipeline):
    found = places(pipeline, "Police are looking for a man who robbed a store on Main Street in Florence on Monday. "
                             "Florence police said he fled toward Interstate 95.")
    assert all(p.country == "USA" for p in named(found, "Florence"))  # not Florence, Italy
    found = places(pipeline, "Sheriff's deputies went to a house in Natchitoches after a neighbor called.")
    assert named(found, "Natchitoches")[0].admin1 == "Louisiana"  # the model calls it a person


def test_cue_country_needs_one_country():
    from tidings.extract.places.cues import cue_country

    assert cue_country("The Sheriff's Office said the crash closed I-40.") == "US"
    assert cue_country("RCMP officers said.") == "CA"
    assert cue_country("RCMP officers and the Sheriff's Office said.") is None
    assert cue_country("Police said the man was 40.") is None


def test_a_town_before_woman_after_an_article_with_the_state_inside_an_organisation(pipeline):
    # "A" opening the sentence is tagged a proper noun; "Ohio" is only inside "the Ohio State Highway Patrol"
    found = places(pipeline, "Woman dies in crash on Route 47\n\nA Sidney woman died Thursday after her car crossed "
                             "the center line east of Versailles, the Ohio State Patrol said.")
    assert named(found, "Sidney")[0].admin1 == "Ohio"


def test_a_county_beside_an_unambiguous_town_is_the_county_that_holds_it(pipeline):
    found = places(pipeline, "Water covered a road near Willis on Saturday, and Montgomery County officials closed "
                             "parts of Highway 105.")
    assert named(found, "Montgomery County")[0].admin1 == "Texas"  # Willis, Texas has no namesake


@pytest.mark.parametrize("text, name, state", [
    ("Board approves budget\n\nThe Troy City Schools board approved a budget Monday. Troy residents will see no tax "
     "increase, the superintendent said. Miami County commissioners will review it.", "Troy", "Ohio"),
    ("A Columbia man was sentenced Wednesday for breaking into homes in Boone County, prosecutors said.",
     "Columbia", "Missouri"),
])
def test_an_everyday_word_before_a_local_noun_is_a_town_of_the_county_the_story_names(pipeline, text, name, state):
    found = places(pipeline, text)
    assert all(p.admin1 == state for p in named(found, name))
    assert all(p.admin1 == state for p in found)  # and the county follows its town


def test_an_everyday_word_before_a_local_noun_is_still_a_word_away_from_the_named_county(pipeline):
    found = places(pipeline, "A Black man was hurt in a crash in Black Hawk County on Friday, deputies said.")
    assert [p.text for p in found] == ["Black Hawk County"]


def test_a_rare_town_name_after_from_is_a_town_where_the_story_names_no_country(pipeline):
    found = places(pipeline, "A fire damaged a garage in Orange on Monday, Orange police said. Firefighters from "
                             "Vidor helped.")
    assert named(found, "Vidor")[0].admin1 == "Texas"  # a town of 10,000 people whose name is no English word
    assert all(p.admin1 == "Texas" for p in named(found, "Orange"))  # and its neighbour follows it


def test_one_stray_town_of_another_state_does_not_hide_the_region(pipeline):
    # "Oneida" here is a Kentucky village the gazetteer lacks: its Tennessee namesake must not cancel
    # the region that "Clay County" and "Kentucky" make for "Manchester"
    found = places(pipeline, "Homes flooded in Manchester\n\nSeveral homes in Manchester were flooded Saturday after "
                             "heavy rain, Clay County emergency officials said. Crews closed Kentucky 80 near Oneida.")
    assert all(p.admin1 == "Kentucky" for p in named(found, "Manchester"))
    from tidings.extract.places.region import region_of

    g = gazetteer()
    pick = lambda name, state: next(c for c in g.lookup(name) if c.admin1 == state and not c.alias)
    tops = {"clay county": pick("Clay County", "Kentucky"), "kentucky": g.admin("US", "Kentucky"),
            "oneida": pick("Oneida", "Tennessee"), "manchester": pick("Manchester", "New Hampshire")}
    assert region_of(tops, "manchester") == ("US", "kentucky")
    tops["knox county"] = pick("Knox County", "Tennessee")  # a county of the other state: no region
    assert region_of(tops, "manchester") is None


def test_a_country_name_between_a_and_man_is_a_town(pipeline):
    found = places(pipeline, "Lebanon man charged with theft\n\nA Lebanon man was charged Monday with stealing tools "
                             "from a garage in Lebanon, police said.")
    assert all(p.country == "USA" and p.feature_code == "PPL" for p in named(found, "Lebanon"))
    found = places(pipeline, "A Lebanon man was charged Monday, police said.", "Lebanon, Pa.")
    assert named(found, "Lebanon")[0].admin1 == "Pennsylvania"  # the home place picks the town
    found = places(pipeline, "A Georgia man was charged Monday. A Lebanese man was hurt in Lebanon.")
    assert named(found, "Georgia")[0].feature_code == "ADM1"  # the state, not a village
    assert named(found, "Lebanon")[0].feature_code == "PCLI"


def test_a_name_before_possessive_house_and_a_preposition_or_a_country_before_home_in_is_a_person(pipeline):
    found = places(pipeline, "Deputies were called to Austin's house on Paris Road in Hopkinsville on Friday. "
                             "Police went to Jordan's home in Clarksville after the call.")
    assert {"Austin", "Jordan"}.isdisjoint(p.text for p in found)
    assert possessed_by_person("Austin's house on Paris Road", len("Austin"))
    from tidings.extract.places.filters import dwelling_of_person

    assert dwelling_of_person("Jordan's home in Clarksville", len("Jordan"))
    assert not dwelling_of_person("Britain's home secretary", len("Britain"))
    assert named(places(pipeline, "Britain's home secretary spoke in London."), "Britain")


def test_a_persons_surname_owning_what_follows_a_preposition_is_the_person(pipeline):
    found = places(pipeline, "Lopez was chosen by President Obama in 2014. Lopez is the quiet one in Obama's Cabinet, "
                             "aides in Washington said.")
    assert "Obama" not in [p.text for p in found]  # not Obama, Fukui
    from tidings.extract.places.filters import surname_alone

    g = gazetteer()
    text = "the case is in Bingham's hands; the car was found in Bingham."
    k, last = text.index("Bingham"), text.rindex("Bingham")
    assert surname_alone(text, k, k + 7, g.lookup("Bingham"), frozenset({"Bingham"}), False)
    assert not surname_alone(text, last, last + 7, g.lookup("Bingham"), frozenset({"Bingham"}), False)


def test_a_possessive_or_a_function_word_is_no_local_feature():
    from tidings.extract.places.local import local_features
    from tidings.extract.places.context import Words
    from tidings.pipeline import load_model

    text = ("Mary Rhodes teaches at Old Dominion University in Scott's district in Norfolk. "
            "His district was at the heart of a dispute.")
    words = Words(load_model()(text), text)
    found = [f.text for f in local_features(words, text, [False] * (len(text) + 1), lambda s: False)]
    assert not {"Scott's", "Scott", "His"} & set(found)


def test_a_division_name_written_with_or_without_the_space_after_its_particle(pipeline):
    found = places(pipeline, "LaSalle Parish deputies and DeSoto County officials met in Jena.")
    assert named(found, "LaSalle Parish")[0].admin1 == "Louisiana"
    assert {c.admin1 for c in gazetteer().lookup("De Soto County")} >= {"Florida", "Mississippi"}


def test_a_country_name_before_officials_in_a_one_county_story_is_the_town(pipeline):
    found = places(pipeline, "Peru officials closed two roads after the flood, and Miami County deputies helped.")
    assert named(found, "Peru")[0].admin1 == "Indiana"
    found = places(pipeline, "Peru officials met Chile officials in Lima on Monday.")
    assert named(found, "Peru")[0].feature_code == "PCLI"


def test_a_generic_word_that_names_a_town_of_the_area_is_the_town(pipeline):
    found = places(pipeline, "A Clay County deputy was hurt in a crash near Liberty on Tuesday, the sheriff's office said.")
    assert named(found, "Liberty")[0].admin1 == "Missouri"  # Liberty lies in Clay County, Missouri
    assert named(found, "Clay County")[0].admin1 == "Missouri"
    assert "Liberty" not in [p.text for p in places(pipeline, "Protesters marched for liberty near Liberty Hall.")]


def test_a_town_after_a_compass_word_and_of_is_a_place(pipeline):
    found = places(pipeline, "A woman died after a crash on Route 30 east of Lancaster, state police said. "
                             "The Lancaster County coroner identified her.")
    assert "Lancaster" in [p.text for p in found]


def test_a_town_before_a_capitalised_local_noun_in_a_title_case_headline(pipeline):
    found = places(pipeline, "Boone Teen Wins Scholarship\n\nA Boone High School senior won a state scholarship, the "
                             "Watauga County school district said.")
    assert [p.admin1 for p in named(found, "Boone")][:1] == ["North Carolina"] and found[0].start == 0
    found = places(pipeline, "Victoria Man Arrested After Chase\n\nA man was arrested after a chase Tuesday, Victoria "
                             "police said.")
    assert found[0].text == "Victoria" and found[0].start == 0  # the headline's two words are no person


def test_a_county_name_with_tied_senses_sets_no_region(pipeline):
    # "Madison County" has 20 equal senses: the first in the gazetteer's order (Alabama) is no evidence
    # that the story is in Alabama, so "Jackson" is not pulled to Jackson County, Alabama
    found = places(pipeline, "A Jackson man was charged Monday in a shooting, Jackson police said. Madison County "
                             "prosecutors will review the case.")
    jackson = named(found, "Jackson")
    assert all(p.feature_code == "PPL" and p.admin1 != "Alabama" for p in jackson)
    assert named(found, "Madison County")[0].admin1 == jackson[0].admin1  # the county follows its town


def test_a_country_name_before_a_body_only_a_town_has_is_the_town(pipeline):
    found = places(pipeline, "The Lebanon school board approved a new contract Monday. Board members said Lebanon "
                             "schools will add buses.")
    assert all(p.country == "USA" for p in named(found, "Lebanon"))
    found = places(pipeline, "The Lebanon City Council met Monday.", "Lebanon, Pa.")
    assert named(found, "Lebanon")[0].admin1 == "Pennsylvania"


def test_a_numbered_road_with_a_direction_is_no_place_and_a_town_after_to_is_found_late(pipeline):
    found = places(pipeline, "Drivers should take Highway 12 to Baxter or use Route 371 North. The Brainerd police "
                             "said the detour will last a week.")
    assert [p.text for p in found] == ["Baxter", "Brainerd"]  # Baxter once Brainerd says the country
    assert all(p.admin1 == "Minnesota" for p in found)
    assert road_designation("Interstate 49 South") and road_designation("I-40 westbound")
    assert not road_designation("North Main")


def test_an_everyday_word_that_is_a_big_town_before_police_mid_sentence_is_the_town(pipeline):
    found = places(pipeline, "He was booked after Temple police found the gun.")
    assert named(found, "Temple")[0].admin1 == "Texas"
    assert named(places(pipeline, "The car was found by Orange police late Friday."), "Orange")
    assert places(pipeline, "A Black man was hurt in the crash, and two White men were questioned, officials said.") == []


def test_a_town_name_opening_a_longer_name_after_a_locative_is_not_the_town(pipeline):
    text = ("Sheriff's deputies said she worked at Lombard Odier for years before moving to Joliet.")
    assert [p.text for p in places(pipeline, text)] == ["Joliet"]


def test_a_small_foreign_namesake_in_a_one_state_story_is_a_village_of_that_state(pipeline):
    found = places(pipeline, "A farmer from Ringsted was hurt Tuesday when his tractor overturned near Mason City. "
                             "Cerro Gordo County deputies said he was taken to a hospital in Mason City, Iowa.")
    ringsted = named(found, "Ringsted")[0]
    assert ringsted.country == "USA" and ringsted.feature_code == "LCTY"  # not Ringsted, Denmark
    found = places(pipeline, "He was born in Ringsted, Denmark, and moved to Mason City, Iowa.")
    assert named(found, "Ringsted")[0].country == "DNK"


def test_a_bare_small_town_of_another_us_state_in_a_one_state_story_is_a_local_village(pipeline):
    text = ("Rapides Parish deputies arrested a Ball man Tuesday. He was booked after a chase that began in Dry Prong "
            "and ended near Tioga.")
    tioga = named(places(pipeline, text), "Tioga")[0]
    assert tioga.admin1 == "Louisiana" and tioga.feature_code == "LCTY"  # not Tioga County, New York
    found = places(pipeline, "Rapides Parish deputies arrested a Ball man who lives in Tioga, N.Y.")
    assert named(found, "Tioga")[0].admin1 == "New York"  # its state given: the other state's town


def test_a_small_town_heading_a_town_body_is_a_place_but_not_a_news_agency(pipeline):
    found = places(pipeline, "The Natchez Board of Aldermen on Tuesday tabled a request to rezone property. Adams "
                             "County supervisors will take it up next week.")
    assert named(found, "Natchez")[0].admin1 == "Mississippi"  # 15,000 people, a rare word
    found = places(pipeline, "The Pineville Board of Education approved the calendar. Board President Tom Ray said "
                             "the Bell County district will hire 10 teachers.")
    assert named(found, "Pineville")[0].admin1 == "Kentucky"  # 1,700 people, in Bell County, Kentucky
    found = places(pipeline, "The Xinhua News Agency said 20 children fell ill in Beijing.")
    assert "Xinhua" not in [p.text for p in found]


def test_names_listed_before_parishes_or_counties_are_those_divisions(pipeline):
    found = places(pipeline, "More than 4,000 customers in Grant and Rapides parishes lost power Sunday night. The "
                             "weather service in Lake Charles confirmed a tornado near Bentley.")
    assert [(p.text, p.feature_code, p.admin1) for p in found[:2]] == [
        ("Grant", "ADM2", "Louisiana"), ("Rapides", "ADM2", "Louisiana")]
    assert named(found, "Bentley")[0].admin1 == "Louisiana"  # then a one-state story: a village there
    found = places(pipeline, "Schools in Lee, Ogle and Winnebago counties closed Monday.")
    assert {p.admin1 for p in found} == {"Illinois"} and len(found) == 3


def test_a_malformed_country_cue_row_names_its_line():
    from tidings.extract.places.cues import parse_cues

    assert parse_cues("# comment\nUS\tRCMP\t\\bRCMP\\b\n")[0][0] == "US"
    with pytest.raises(ValueError, match="line 2"):
        parse_cues("# comment\nUSA\t\\bInterstate\\b\n")


def test_a_country_name_whose_town_lies_in_a_named_county_is_the_town(pipeline):
    found = places(pipeline, "Wilson County Road 12 will close for repairs, the county road department said. "
                             "Drivers should use Highway 70 to Lebanon.")
    assert named(found, "Lebanon")[0].admin1 == "Tennessee"  # Lebanon is the seat of Wilson County, Tennessee
