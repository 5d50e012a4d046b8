"""Event roles read off the parse and the article: conjoined people, visits, accusations, light verbs."""
from __future__ import annotations

from tidings.extract._doc import DocView
from tidings.extract.actors import extract_actors
from tidings.extract.events import extract_events
from tidings.record import Place

from ._event_helpers import codes, coded_record, make_record


def _events(nlp, text, published="1998-02-27", entities=(), places=()):
    return coded_record(nlp, text, published, entities, places)[1]


_codes = codes


def test_people_joined_after_their_countries_are_two_actors(nlp):
    # the parser hangs "Nursultan Nazarbayev" on "Belarus"; both leaders signed, each with the other
    text = "Alexander Lukashenko of Belarus and Nursultan Nazarbayev of Kazakhstan signed a trade pact on Thursday."
    events = _events(nlp, text, entities=[("Nursultan Nazarbayev", "PERSON", ["Nursultan Nazarbayev"]),
                                          ("Alexander Lukashenko", "PERSON", ["Alexander Lukashenko"])])
    pairs = {(e.source.code[:3], e.target.code[:3]) for e in events if e.root == "05" and e.source and e.target}
    assert pairs == {("KAZ", "BLR"), ("BLR", "KAZ")}, _codes(events)


def _place(text, word, country, n=1):
    at = text.index(word)
    return Place(id=f"P{n}", start=at, end=at + len(word), text=word, name=word, lat=0.0, lon=0.0,
                 country=country, feature_code="PPLC", sentence=0)


def test_a_visit_without_a_destination_is_to_the_dateline_country(nlp):
    text = "MINSK (AP) _ The chief aim of Nazarbayev's two-day state visit was to sign a transit accord."
    events = _events(nlp, text, entities=[("Nursultan Nazarbayev", "PERSON", ["Nazarbayev"])],
                     places=[_place(text, "MINSK", "BLR")])
    visits = [e for e in events if e.cameo == "042"]
    assert visits and visits[0].target is not None and visits[0].target.code == "BLR", _codes(events)
    # a visit filed from the visitor's own capital gets no host
    text = "ALMATY (AP) _ The chief aim of Nazarbayev's two-day state visit was to sign a transit accord."
    events = _events(nlp, text, entities=[("Nursultan Nazarbayev", "PERSON", ["Nazarbayev"])],
                     places=[_place(text, "ALMATY", "KAZ")])
    visits = [e for e in events if e.cameo == "042"]
    assert visits and visits[0].target is None, _codes(events)


def test_an_accusation_is_aimed_at_the_doer_of_what_it_alleges(nlp):
    events = _events(nlp, "Pakistani investigators allege the bombings were carried out by the Taliban.", published="1998-08-20")
    accusations = [e for e in events if e.cameo == "112"]
    assert accusations and accusations[0].target is not None and accusations[0].target.code == "AFGREB", _codes(events)


def test_a_light_verb_known_only_to_the_dictionary_leaves_the_event_to_its_noun(nlp):
    events = _events(nlp, "Straw then made a brief trip to Afghanistan last month.", published="2005-02-03",
                     entities=[("Straw", "PERSON", ["Straw"])])
    assert [e.cameo for e in events] == ["042"], _codes(events)


def test_parties_and_religious_groups_have_codes(nlp):
    text = "BELFAST, Northern Ireland (AP) _ Police arrested six Protestants. Britain invited Sinn Fein to rejoin the talks."
    events = _events(nlp, text, published="1998-03-22", entities=[("Sinn Fein", "ORG", ["Sinn Fein"])],
                     places=[_place(text, "Northern Ireland", "GBR")])
    codes = _codes(events)
    assert ("173", "GBRCOP", "GBRCVL") in codes and ("036", "GBR", "GBRPTY") in codes, codes


def test_using_force_is_force_against_its_target_not_against_the_force(nlp):
    events = _events(nlp, "The general said Moscow would use force against Georgia.", published="1998-02-13")
    force = [e for e in events if e.action.text == "use"]
    assert force and force[0].target is not None and force[0].target.code == "GEO", _codes(events)
    events = _events(nlp, "Riot police used tear gas against the protesters in Belfast.", published="1998-03-22")
    assert [e.cameo for e in events if e.action.text == "used"] == ["175"], _codes(events)


def test_a_relative_clause_reads_the_noun_it_hangs_on(nlp):
    events = _events(nlp, "He prayed at the site of the bus blast that killed 12 people.", published="1998-08-20")
    assert [e.cameo for e in events if e.action.text == "killed"] == ["183"], _codes(events)  # a bombing
    events = _events(nlp, "Russia, which attacked Ukraine, was condemned.", published="2022-03-01")
    attacks = [e for e in events if e.action.text == "attacked"]
    assert attacks and attacks[0].source is not None and attacks[0].source.code == "RUS", _codes(events)


def test_plural_role_words_have_the_sector_of_their_singular(nlp):
    events = _events(nlp, "BAGHDAD (AP) _ Blair met leaders in Baghdad.", published="2004-12-22",
                     entities=[("Blair", "PERSON", ["Blair"])])
    meetings = [e for e in events if e.root == "04"]
    assert meetings and meetings[0].target is not None and meetings[0].target.code == "IRQGOV", _codes(events)
    events = _events(nlp, "If Russia invades Ukraine, the United States will impose sanctions on Russia.")
    assert all(e.source is None or e.source.code != "USAGOV" for e in events), _codes(events)  # not "states" → GOV


def test_any_event_one_side_reports_of_another_is_claimed(nlp):
    events = _events(nlp, "Tanzanian officials said Iraq had signed an agreement with Kenya.", published="1998-09-11")
    signed = [e for e in events if e.root == "05"]  # not only force: any act of another side
    assert signed and signed[0].modality == "claimed", _codes(events)


def test_the_unnamed_police_of_a_passive_arrest_are_where_the_story_is_filed(nlp):
    text = ("NAIROBI, Kenya (AP) _ The embassy was quiet on Friday. Six people were arrested. Washington, Texas "
            "and Ohio sent condolences.")
    places = [_place(text, "NAIROBI", "KEN", 1), _place(text, "Washington", "USA", 2), _place(text, "Texas", "USA", 3),
              _place(text, "Ohio", "USA", 4)]
    events = _events(nlp, text, published="1998-08-20", places=places)
    arrests = [e for e in events if e.root == "17"]
    assert arrests and arrests[0].source is not None and arrests[0].source.code == "KENCOP", _codes(events)


def test_rejecting_what_someone_proposed_targets_the_proposer(nlp):
    events = _events(nlp, "Cuba dismissed suggestions by the United States that the father travel to Miami.",
                     published="2000-01-15")
    rejections = [e for e in events if e.root == "12"]
    assert rejections and rejections[0].target is not None and rejections[0].target.code[:3] == "USA", _codes(events)


def test_an_assurance_is_an_intent_toward_the_one_assured(nlp):
    events = _events(nlp, "Lukashenko assured Yeltsin that Belarus would never apply to join NATO.",
                     entities=[("Lukashenko", "PERSON", ["Lukashenko"]), ("Yeltsin", "PERSON", ["Yeltsin"])])
    assurances = [e for e in events if e.action.text == "assured"]
    assert assurances and assurances[0].root == "03" and assurances[0].target.code[:3] == "RUS", _codes(events)


def test_we_in_a_quotation_after_a_quote_is_its_speaker_and_it_before_an_adjective_is_no_actor(nlp):
    from tidings.extract.quotes import extract_quotes

    text = ("JERUSALEM (AP) _ ``We shall protect our towns from across the frontier,'' said Eitan, the housing "
            "minister. ``Nobody wishes to remain in Lebanon, and we find it wiser to withdraw.''")
    doc, record = make_record(nlp, text, "1998-03-01", [("Eitan", "PERSON", ["Eitan"])])
    record.entities = extract_actors(DocView(doc), record)
    record.entities[0].actor_code = "ISRGOV"  # a cabinet minister
    record.quotes = extract_quotes(DocView(doc), record)
    events = extract_events(DocView(doc), record)
    withdrawals = [e for e in events if e.action.text == "withdraw"]
    assert withdrawals and withdrawals[0].source is not None and withdrawals[0].source.code == "ISRGOV", _codes(events)


def test_a_building_named_before_a_nominal_attack_is_its_target(nlp):
    events = _events(nlp, "Investigators are searching for the people behind the U.S. Embassy bombings.",
                     published="1998-09-07", entities=[("U.S. Embassy", "ORG", ["U.S. Embassy"])])
    bombings = [e for e in events if e.root == "18"]
    assert bombings and bombings[0].source is None and bombings[0].target is not None, _codes(events)
    assert bombings[0].target.code[:3] == "USA", _codes(events)


def test_the_dateline_names_no_actor_and_bombing_victims_are_no_bombing(nlp):
    text = ("KAMPALA, Uganda (AP) _ Madeleine Albright, the U.S. secretary of state, paid tribute Wednesday to bombing "
            "victims and promised to track down the killers.")
    events = _events(nlp, text, published="1998-08-18", entities=[("Madeleine Albright", "PERSON", ["Madeleine Albright"])],
                     places=[_place(text, "KAMPALA", "UGA")])
    assert not [e for e in events if e.root == "18"], _codes(events)
    assert all(e.source is None or "KAMPALA" not in e.source.name for e in events), _codes(events)


def test_northern_ireland_is_in_the_united_kingdom(nlp):
    events = _events(nlp, "Northern Ireland's main Protestant party has threatened to demand that Sinn Fein be expelled.",
                     published="1998-03-22", entities=[("Sinn Fein", "ORG", ["Sinn Fein"])])
    threats = [e for e in events if e.root == "13"]
    assert threats and threats[0].source is not None and threats[0].source.code[:3] == "GBR", _codes(events)


def test_talks_held_with_someone_are_one_event_each_way(nlp):
    events = _events(nlp, "Blair held talks with Sharon in Jerusalem.", published="2004-12-22",
                     entities=[("Tony Blair", "PERSON", ["Blair"]), ("Ariel Sharon", "PERSON", ["Sharon"])])
    talks = sorted((e.source.code[:3], e.target.code[:3]) for e in events if e.root == "04" and e.source and e.target)
    assert talks == [("GBR", "ISR"), ("ISR", "GBR")], _codes(events)  # not "held" and "talks" both


def test_attacking_a_country_is_force_even_when_a_person_decides_it(nlp):
    events = _events(nlp, "Blinken said we don't know if Putin decided to attack Ukraine.", published="2021-12-07",
                     entities=[("Blinken", "PERSON", ["Blinken"]), ("Putin", "PERSON", ["Putin"]),
                               ("Ukraine", "PLACE", ["Ukraine"])])
    attacks = [e for e in events if e.action.text == "attack"]
    assert attacks and attacks[0].root == "19" and attacks[0].source.code[:3] == "RUS", _codes(events)
    assert attacks[0].modality == "conditional", _codes(events)


def test_a_content_verb_parsed_as_an_auxiliary_codes_no_event_on_its_participle(nlp):
    events = _events(nlp, "The UK helps raped Rwandan women.", published="2005-03-01")
    assert not [e for e in events if e.root == "18"], _codes(events)


def test_both_sides_of_a_meeting_share_its_modality(nlp):
    events = _events(nlp, "BBC correspondents said Fidel Castro met Gordon Brown in Havana.", published="2007-01-05",
                     entities=[("Fidel Castro", "PERSON", ["Fidel Castro"]), ("Gordon Brown", "PERSON", ["Gordon Brown"]),
                               ("BBC", "ORG", ["BBC"])])
    meetings = [e for e in events if e.root == "04"]
    assert len(meetings) == 2 and len({e.modality for e in meetings}) == 1, _codes(events)


def test_words_in_a_clause_nested_under_the_object_do_not_pick_the_sense(nlp):
    text = ("Israeli ministers sent clear signals on Monday that Israel is ready to leave Lebanon, where the "
            "fighting keeps costing soldiers' lives.")
    events = _events(nlp, text, published="1998-03-01")
    assert not [e for e in events if e.action.text == "sent"], _codes(events)  # no troops were sent
    events = _events(nlp, "Russia sent troops to the border.", published="2021-12-07")
    assert [e.cameo for e in events if e.action.text == "sent"] == ["154"], _codes(events)


def test_an_appeal_to_a_named_court_is_a_legal_challenge_before_the_countrys_judiciary(nlp):
    text = "HOUSTON (AP) _ The family at once appealed to the 5th Circuit Court of Appeals in New Orleans."
    events = _events(nlp, text, published="2000-01-07",
                     entities=[("5th Circuit Court of Appeals", "ORG", ["5th Circuit Court of Appeals"])],
                     places=[_place(text, "HOUSTON", "USA"), _place(text, "New Orleans", "USA", 2)])
    appeals = [e for e in events if e.action.text == "appealed"]
    assert appeals and appeals[0].cameo == "115" and appeals[0].target is not None, _codes(events)
    assert appeals[0].target.code == "USAJUD", _codes(events)


def test_a_bombing_that_kills_and_injures_is_one_bombing(nlp):
    events = _events(nlp, "A car bomb killed two soldiers and injured 20 Catholics in Belfast.", published="1998-03-22")
    assert [e.cameo for e in events] == ["1832"], _codes(events)  # one attack: the verbs joined say it twice
    events = _events(nlp, "Hezbollah fighters killed three soldiers and wounded six others.", published="1998-03-01",
                     entities=[("Hezbollah", "ORG", ["Hezbollah"])])
    assert all(e.root == "19" for e in events), _codes(events)  # wounding in a fight is no bombing


def test_states_accepted_as_members_are_admitted_by_the_organisation(nlp):
    events = _events(nlp, "Slovenia, Romania and Bulgaria were all accepted as members of NATO.",
                     published="1998-12-03", entities=[("NATO", "ORG", ["NATO"])])
    admitted = sorted(e.target.code[:3] for e in events if e.cameo == "057" and e.source and e.source.code == "IGOWSTNAT")
    assert admitted == ["BGR", "ROU", "SVN"], _codes(events)


def test_the_filing_day_of_the_dateline_does_not_date_the_events(nlp):
    from tidings.record import TimeExpr

    text = "BRUSSELS, December 2 (Xinhua) -- NATO decided at last year's summit to invite three countries."
    doc, record = make_record(nlp, text, "1998-12-03", [("NATO", "ORG", ["NATO"])])
    at, last = text.index("December 2"), text.index("last year's")
    # the dateline is a sentence of its own
    record.times = [TimeExpr(id="T1", text="December 2", start=at, end=at + 10, sentence=record.sentence_of(at),
                             type="DATE", value="1998-12-02"),
                    TimeExpr(id="T2", text="last year's", start=last, end=last + 11, sentence=record.sentence_of(last),
                             type="DATE", value="1997")]
    record.entities = extract_actors(DocView(doc), record)
    invites = [e for e in extract_events(DocView(doc), record) if e.action.text == "invite"]
    assert invites and invites[0].date.value == "1997", [(e.action.text, e.date) for e in invites]


def test_states_in_lower_case_are_not_the_united_states(nlp):
    events = _events(nlp, "Ivanov said all European states must cooperate in a joint security system.", published="1999-03-12",
                     entities=[("Ivanov", "PERSON", ["Ivanov"])])
    assert all(e.target is None or not (e.target.code or "").startswith("USA") for e in events), _codes(events)


def test_he_inside_a_direct_quote_is_not_its_speaker(nlp):
    from tidings.extract.quotes import extract_quotes

    text = ("\u201cWe cannot read President Putin\u2019s mind,\u201d said Blinken. "
            "\u201cWe cannot tell if he has decided to attack Georgia.\u201d")
    doc, record = make_record(nlp, text, "2021-12-07", [("Antony Blinken", "PERSON", ["Blinken"]),
                                                       ("Vladimir Putin", "PERSON", ["Putin"])])
    record.entities = extract_actors(DocView(doc), record)
    record.quotes = extract_quotes(DocView(doc), record)
    attacks = [e for e in extract_events(DocView(doc), record) if e.action.text == "attack"]
    assert attacks and attacks[0].source is not None and attacks[0].source.code[:3] == "RUS", \
        [(e.action.text, e.source) for e in attacks]


def test_it_in_a_relative_clause_is_not_the_speaker_and_rallying_troops_is_mobilising(nlp):
    text = ("Blinken said \u201cRussia might repeat the serious error of invading Georgian land, which it did in "
            "2008 when it rallied troops near the frontier.\u201d")
    events = _events(nlp, text, published="2021-12-08", entities=[("Antony Blinken", "PERSON", ["Blinken"]),
                                                                  ("Russia", "PLACE", ["Russia"])],
                     places=[_place(text, "Russia", "RUS").model_copy(update={"feature_code": "PCLI", "entity": "E2"})])
    rallied = [e for e in events if e.action.text == "rallied"]
    assert rallied and rallied[0].cameo == "154" and rallied[0].source.code[:3] == "RUS", _codes(events)


def test_conjoined_verbs_of_one_attack_are_one_event(nlp):
    text = "Hamas gunmen killed two Israeli policemen and badly wounded four others."
    events = _events(nlp, text)
    assert [e.action.text for e in events if e.root == "19"] == ["killed"], _codes(events)


def test_conjoined_passives_share_the_agent_and_the_victim(nlp):
    text = "The journalist was abducted and later murdered by Hamas."
    events = {e.action.text: e for e in _events(nlp, text)}
    assert events["abducted"].source.code[:3] == "PSE", _codes(events.values())
    assert events["murdered"].target is not None and events["murdered"].target.name == "journalist"


def test_withdrawing_from_a_country_targets_it(nlp):
    text = "Israeli troops withdrew from southern Lebanon on Friday."
    events = _events(nlp, text, places=[_place(text, "Lebanon", "LBN")])
    assert ("0874", "ISRMIL", "LBN") in _codes(events) or any(
        e.root == "08" and e.target and e.target.code == "LBN" for e in events), _codes(events)


def test_a_signed_agreement_is_coded_both_ways(nlp):
    events = _events(nlp, "Britain signed a tourism agreement with China on Friday.")
    pairs = {(e.source.code[:3], e.target.code[:3]) for e in events if e.cameo == "057" and e.source and e.target}
    assert pairs == {("GBR", "CHN"), ("CHN", "GBR")}, _codes(events)


def test_talks_between_two_parties_are_held_by_both(nlp):
    events = _events(nlp, "Talks between Israel and Syria resumed on Monday.")
    pairs = {(e.source.code[:3], e.target.code[:3]) for e in events if e.root == "04" and e.source and e.target}
    assert pairs == {("ISR", "SYR"), ("SYR", "ISR")}, _codes(events)


def test_he_in_a_clause_reported_by_one_person_is_that_person(nlp):
    text = ("Mr Blair met Gerhard Schroeder on Monday. "
            "The French foreign minister said on Tuesday that he was pleased with Germany's support.")
    events = _events(nlp, text, published="2004-08-14",
                     entities=[("Gerhard Schroeder", "PERSON", ["Gerhard Schroeder"])])
    pleased = [e for e in events if e.action.text == "pleased"]
    assert pleased and pleased[0].source.code == "FRAGOV", _codes(events)


def test_a_visit_or_meeting_with_no_one_going_is_no_event(nlp):
    events = _events(nlp, "Travellers were told to exercise caution when visiting Kenya and Tanzania.")
    assert not [e for e in events if e.root == "04"], _codes(events)
    events = _events(nlp, "The Kenyan president visited Tanzania last week.")
    assert [(e.root, e.target.code[:3]) for e in events if e.root == "04"] == [("04", "TZA")], _codes(events)


def test_an_intent_to_withdraw_from_a_country_targets_it(nlp):
    text = "Benjamin Netanyahu told reporters in Jerusalem that Israel was prepared to withdraw from Lebanon."
    events = _events(nlp, text, entities=[("Benjamin Netanyahu", "PERSON", ["Benjamin Netanyahu"])],
                     places=[_place(text, "Lebanon", "LBN")])
    intents = [e for e in events if e.root == "03"]
    assert intents and intents[0].target is not None and intents[0].target.code == "LBN", _codes(events)


def test_a_second_mention_of_the_same_act_in_a_sentence_is_not_another_event(nlp):
    text = ("Tony Blair paid an unannounced visit to Afghanistan, where he met officials in Kabul "
            "on his first trip to the city.")
    events = _events(nlp, text, published="2004-12-21", entities=[("Tony Blair", "PERSON", ["Tony Blair"])])
    visits = [e for e in events if e.root == "04" and e.target is None]
    assert not visits, _codes(events)


def test_a_verb_only_the_dictionary_knows_needs_actors_of_two_countries():
    from tidings.extract.events import _dictionary_actors_ok
    from tidings.extract.events.refs import ActorRef

    def ref(code):
        return ActorRef(code, None, code, None, None)
    assert _dictionary_actors_ok([ref("USAGOV")], [ref("IRQGOV")])
    assert not _dictionary_actors_ok([ref("USAGOV")], [ref("USA")])  # "the airliner she arrived on from Washington"
    assert not _dictionary_actors_ok([ref("USAGOV")], [])


def test_people_reported_killed_are_the_victims_not_the_killers(nlp):
    events = _events(nlp, "More than 20 people were reported killed in Chechnya last week.", published="1998-03-08")
    killed = [e for e in events if e.action.text == "killed"]
    assert killed and killed[0].source is None and killed[0].target is not None, _codes(events)
    assert killed[0].target.name.endswith("people")


def test_what_is_protested_with_its_doer_named_is_an_event_too(nlp):
    events = _events(nlp, "Thousands of Albanians protested the killing of ethnic Albanians by Serbian police.",
                     published="1998-03-08")
    assert ("190", "SRBCOP", "ALB") in _codes(events), _codes(events)
    events = _events(nlp, "Israel and Syria held talks in Geneva.", published="1998-03-08")
    assert [e.action.text for e in events if e.root == "04"] == ["held", "held"], _codes(events)


def test_attacks_plotted_by_someone_are_theirs(nlp):
    # al-Qaeda: Phoenix IMGMUSALQ, coded UAF… as the annotation guide codes armed groups of no country
    events = _events(nlp, "U.S. officials allege the attacks were planned by Osama bin Laden.",
                     published="1998-08-20", entities=[("Osama bin Laden", "PERSON", ["Osama bin Laden"])])
    attacks = [e for e in events if e.action.text == "attacks"]
    assert attacks and attacks[0].source.code.startswith("UAF"), _codes(events)


def test_force_in_two_countries_targets_both(nlp):
    text = "The compounds the U.S. raided in Yemen and Somalia had sheltered militants."
    events = _events(nlp, text, published="1998-08-20",
                     places=[_place(text, "Yemen", "YEM"), _place(text, "Somalia", "SOM", 2)])
    assert {e.target.code for e in events if e.root == "19" and e.target} == {"YEM", "SOM"}, _codes(events)


def test_a_group_in_two_countries_is_two_actors(nlp):
    text = "The FBI chief said he was very satisfied with the cooperation of the police in Kenya and Tanzania."
    events = _events(nlp, text, published="1998-08-21")
    assert {e.target.code for e in events if e.target} == {"KENCOP", "TZACOP"}, _codes(events)


def test_spending_hours_in_a_country_is_a_visit_spending_money_is_not(nlp):
    text = "The British foreign secretary spent some three hours in Uganda on Thursday."
    events = _events(nlp, text, published="1998-08-18", places=[_place(text, "Uganda", "UGA")])
    assert [(e.cameo, e.target.code) for e in events if e.root == "04"] == [("042", "UGA")], _codes(events)
    text = "The American government spent $5 billion in Iraq."
    events = _events(nlp, text, published="2005-08-18", places=[_place(text, "Iraq", "IRQ")])
    assert not [e for e in events if e.root == "04"], _codes(events)


def test_an_organisation_and_a_country_named_before_a_nominal_event_are_its_sides(nlp):
    events = _events(nlp, "The U.N.-Iran agreement was negotiated in Tehran.", published="1998-03-01")
    pairs = {(e.source.code, e.target.code) for e in events if e.source and e.target}
    assert ("IGOUNO", "IRN") in pairs, _codes(events)


def test_travel_at_home_by_someone_of_no_known_country_is_no_visit(nlp):
    text = ("Voters in Ohio went to the polls. "
            "John Kasich spent the day in Texas on Friday.")
    events = _events(nlp, text, published="2016-02-20", entities=[("John Kasich", "PERSON", ["John Kasich"])],
                     places=[_place(text, "Ohio", "USA"), _place(text, "Texas", "USA", 2)])
    assert not [e for e in events if e.root == "04"], _codes(events)


def test_an_act_reported_by_an_uncoded_third_party_is_claimed(nlp):
    text = "The Haaretz daily reported that Lebanon had signalled its readiness to resume negotiations with Israel."
    events = _events(nlp, text, published="1998-03-01", entities=[("Haaretz", "ORG", ["Haaretz"])])
    talks = [e for e in events if e.source and e.source.code and e.source.code.startswith("LBN")]
    assert talks and all(e.modality == "claimed" for e in talks), [(e.cameo, e.modality) for e in events]


def test_the_three_countries_are_the_last_three_countries_named(pipeline):
    text = ("Bulgaria, Romania and Slovakia joined NATO on Thursday. Two years earlier NATO had decided to invite "
            "the three countries to begin accession talks. Powell accepted the accession documents from the three "
            "nations' foreign ministers.")
    record = pipeline({"text": text, "published": "2004-03-29"})
    invited = {e.target.code for e in record.events if e.action.text == "invite" and e.target}
    assert invited == {"BGR", "ROU", "SVK"}, _codes(record.events)  # not NATO, not only the last one
    accepted = {e.target.code for e in record.events if e.action.text == "accepted" and e.target}
    assert accepted == {"BGRGOV", "ROUGOV", "SVKGOV"}, _codes(record.events)


def test_a_clause_before_an_appeal_is_not_what_it_asks_of_anyone(nlp):
    # the parser makes "want" the complement of "urged": the six countries are not the ones urged,
    # and their own appeals are not crowded out of the sentence
    text = ("Austria, Sweden, Finland, Ireland, Latvia and Malta want regional aid to be frozen at the current "
            "level - the European Commission in Brussels has urged an increase of 4%.")
    events = _events(nlp, text, published="2005-03-01",
                     entities=[("European Commission", "ORG", ["European Commission"])])
    urged = [e for e in events if e.action.text == "urged"]
    assert all(e.target is None or e.target.code[:3] not in ("AUT", "IRL", "FIN") for e in urged), _codes(events)
    wanting = {e.source.code[:3] for e in events if e.action.text == "want" and e.source and e.source.code}
    assert {"AUT", "IRL", "FIN", "SWE", "LVA", "MLT"} <= wanting, _codes(events)


def test_nationalities_listed_as_conjuncts_or_appositions_are_each_a_target(pipeline):
    events = pipeline({"text": "Kenya expelled four Yemenis and a Somali on Monday.", "published": "2002-11-30"}).events
    assert {e.target.code for e in events if e.action.text == "expelled" and e.target} == {"YEM", "SOM"}, _codes(events)
    events = pipeline({"text": "Police detained five Yemenis, four Eritreans, an Egyptian national and a Turk.",
                       "published": "2002-11-30"}).events
    assert {e.target.code[:3] for e in events if e.action.text == "detained" and e.target} == {"YEM", "ERI", "EGY", "TUR"}


def test_the_three_countries_are_the_last_list_of_three_even_with_others_named_since(pipeline):
    text = ("Estonia, Latvia and Lithuania joined NATO on Monday in Washington. France and Germany welcomed the "
            "step. NATO had decided in 2002 to invite the three Baltic countries to open membership talks.")
    record = pipeline({"text": text, "published": "2004-03-29"})
    invited = {e.target.code for e in record.events if e.action.text == "invite" and e.target}
    assert invited == {"EST", "LVA", "LTU"}, _codes(record.events)


def test_two_named_people_of_the_same_code_are_source_and_target(pipeline):
    text = ("Last year in Phnom Penh, Prime Minister Hun Sen mounted a coup against Prime Minister Norodom "
            "Ranariddh, his partner in government.")
    record = pipeline({"text": text, "published": "1998-04-10"})
    coup = [e for e in record.events if e.root == "19"]
    assert coup and coup[0].source.code == "KHMGOV" and coup[0].target is not None \
        and coup[0].target.code == "KHMGOV" and not coup[0].target.from_context, _codes(record.events)


def test_criticism_and_opposition_from_someone_have_that_source(pipeline):
    events = pipeline({"text": "Israel drew sharp criticism from Egypt and Jordan on Monday.",
                       "published": "2005-01-28"}).events
    assert {(e.source.code, e.cameo, e.target.code) for e in events} == {("EGY", "111", "ISR"), ("JOR", "111", "ISR")}
    events = pipeline({"text": "Italy supports lifting the embargo on weapons exports to Syria in spite of opposition "
                               "from Canada and Japan.", "published": "2005-01-28"}).events
    assert {e.source.code for e in events if e.action.text == "opposition"} == {"CAN", "JPN"}, _codes(events)
    events = pipeline({"text": "The opposition won the election in Britain.", "published": "2005-01-28"}).events
    assert not [e for e in events if e.root == "11"]  # the opposition party is no act of opposing


def test_others_who_must_act_in_a_speakers_quote_are_appealed_to(pipeline):
    text = ("Sergei Lavrov, the Russian foreign minister, gave an interview in Moscow on Thursday. ``Armenia and "
            "Azerbaijan must cooperate with the OSCE to bring peace to the Caucasus,'' he was quoted as saying.")
    events = pipeline({"text": text, "published": "2005-03-13"}).events
    asked = [e for e in events if e.action.text == "cooperate"]
    assert {(e.root, e.source.code, e.target.code) for e in asked} == {("02", "RUSGOV", "ARM"),
                                                                       ("02", "RUSGOV", "AZE")}, _codes(events)
    text = ("Sergei Lavrov, the Russian foreign minister, gave an interview in Moscow on Thursday. ``We must cooperate "
            "with the OSCE to bring peace to the Caucasus,'' he was quoted as saying.")
    events = pipeline({"text": text, "published": "2005-03-13"}).events
    assert not [e for e in events if e.root == "02"], _codes(events)  # what we must do is no appeal to others


def test_states_and_governments_in_the_plural_are_not_the_home_government(pipeline):
    text = "In Ankara, Turkey, Greek Foreign Minister Theodoros Pangalos urged all Caucasus states to sign a common pledge."
    events = pipeline({"text": text, "published": "1998-03-05"}).events
    assert not [e for e in events if e.target is not None and e.target.code == "TURGOV"], _codes(events)


def test_an_event_whose_only_target_is_its_source_keeps_the_event_without_the_target(pipeline):
    text = ("The Italians want the ban removed because they want to sell ships to Iran; the Iranians want it removed "
            "because they want to buy ships and radar equipment from Europe.")
    events = pipeline({"text": text, "published": "2005-01-28"}).events
    iranian = [e for e in events if e.source is not None and e.source.code == "IRN"]
    assert iranian and all(e.target is None or e.target.code != "IRN" for e in iranian), _codes(events)


def test_the_people_counted_act_not_the_count(pipeline):
    events = pipeline({"text": "A group of Israeli soldiers attacked the village on Monday.", "published": "1998-04-12"}).events
    assert [e.source.code for e in events if e.root == "19"] == ["ISRMIL"], _codes(events)
    events = pipeline({"text": "BELFAST (AP) _ He said the province's Catholic minority demanded new talks.",
                       "published": "1998-04-12"}).events
    assert [e.source.code for e in events if e.root == "10"] == ["GBRCVL"], _codes(events)


def test_extremists_of_no_named_country_are_the_story_countrys(pipeline):
    text = "BELFAST, Northern Ireland (AP) _ Extremists have bombed two Protestant towns in Northern Ireland."
    events = pipeline({"text": text, "published": "1998-04-12"}).events
    assert [e.source.code[:3] for e in events if e.root == "18"] == ["GBR"], _codes(events)


def test_an_official_being_in_another_country_is_a_visit(pipeline):
    def visits(text):
        return [(e.cameo, e.target.code) for e in pipeline({"text": text, "published": "2005-02-14"}).events
                if e.root == "04" and e.target is not None]
    assert visits("British Foreign Secretary Jack Straw was in Tokyo on Monday.") == [("042", "JPN")]
    assert visits("British fans were in Tokyo on Monday.") == []  # only officials visit by being there
    assert visits("British Foreign Secretary Jack Straw was in London on Monday.") == []  # at home


def test_what_a_newspaper_reports_of_its_own_government_is_claimed(pipeline):
    events = pipeline({"text": "NAIROBI, Kenya (AP) _ Kenya expelled four Yemenis and a Somali, a newspaper "
                               "reported Monday.", "published": "2002-11-30"}).events
    assert {e.modality for e in events if e.root == "17"} == {"claimed"}, _codes(events)
    events = pipeline({"text": "NAIROBI, Kenya (AP) _ Kenyan officials said Kenya expelled four Yemenis.",
                       "published": "2002-11-30"}).events
    assert {e.modality for e in events if e.root == "17"} == {"asserted"}  # the government says what it did


def test_a_when_clause_on_a_year_happened_that_year(pipeline):
    events = pipeline({"text": "The war began in 1991, when Iraq invaded Kuwait.", "published": "1998-03-02"}).events
    invaded = [e for e in events if e.action.text == "invaded"]
    assert invaded and invaded[0].modality == "historical" and invaded[0].date.value == "1991", _codes(events)
