"""Roots, sixth round: events the coder missed or coded under another root, found reading the odd
half of the dev set (docs/EVENTS.md, "Sixth round: roots read on the odd half"). Sentences are
written for these tests."""
from __future__ import annotations

from ._event_helpers import codes, coded_record


def _events(nlp, text, published="1999-06-01", entities=()):
    return coded_record(nlp, text, published, entities)[1]


def test_an_allegation_the_parser_reads_as_an_adjective_is_an_accusation(nlp):
    # the small parser hangs "alleged" on the accused as an adjective with a subject of its own
    butler = [("Butler", "PERSON", ["Butler"])]
    events = _events(nlp, "Tehran alleged Butler was a spy.", entities=butler)
    assert [(e.cameo, e.source.code[:3]) for e in events] == [("1125", "IRN")], codes(events)
    events = _events(nlp, "Tehran alleged Butler was lying.", entities=butler)
    assert [e.cameo for e in events] == ["112"], codes(events)
    # parsed as a verb with its clause: the lexicon's rule gives the same code
    events = _events(nlp, "Syria alleged Hoffmann was a German spy.", entities=[("Hoffmann", "PERSON", ["Hoffmann"])])
    assert [e.cameo for e in events] == ["1125"], codes(events)
    # an alleged spy is no accusation of anyone
    events = _events(nlp, "The alleged spy flew home to Berlin.")
    assert not [e for e in events if e.root == "11"], codes(events)


def test_offering_a_thing_that_names_no_act_is_no_intent(nlp):
    # what an office or a country offers (services, hotels, money) names no act it intends
    events = _events(nlp, "Consulate staff in Lagos can offer only basic passport services.")
    assert not [e for e in events if e.root == "03"], codes(events)
    events = _events(nlp, "The beach hotels that Morocco offers are cheaper this year.")
    assert not [e for e in events if e.root == "03"], codes(events)
    # offering to mediate, aid or concessions are intents
    events = _events(nlp, "Norway offered to mediate between the two sides.")
    assert [e.cameo for e in events] == ["039"], codes(events)
    events = _events(nlp, "An Egyptian envoy offered concessions on the border.")
    assert [e.cameo for e in events] == ["035"], codes(events)


def test_amassing_needs_forces_and_police_amassing_evidence_investigate(nlp):
    events = _events(nlp, "Syria amassed troops on the Turkish border.")
    assert [e.cameo for e in events] == ["154"], codes(events)
    events = _events(nlp, "Syria amassed a large debt to Russian banks.")
    assert not [e for e in events if e.root == "15"], codes(events)
    events = _events(nlp, "Turkish police have amassed a thick dossier on the smuggler.")
    assert [e.cameo for e in events] == ["091"], codes(events)
    events = _events(nlp, "Greek detectives were still gathering evidence at the port.")
    assert [e.cameo for e in events] == ["091"], codes(events)


def test_a_noun_dating_a_refused_clause_is_an_event_of_its_own(nlp):
    events = _events(nlp, "The council will not lift the sanctions imposed on Damascus after the 1982 Syrian invasion "
                          "of Lebanon.", entities=[("Lebanon", "PLACE", ["Lebanon"])])
    assert [(e.root, e.source.code[:3], e.target.code[:3]) for e in events if e.root == "19"] == [("19", "SYR", "LBN")], \
        codes(events)
    assert [e.root for e in events if e.action.text == "lift"] == ["12"], codes(events)


def test_visiting_weapons_sites_is_an_inspection(nlp):
    un = [("United Nations", "ORG", ["United Nations"])]
    events = _events(nlp, "The United Nations team visited two suspected weapons sites near Tripoli.", entities=un)
    assert [e.cameo for e in events] == ["090"], codes(events)
    events = _events(nlp, "The Chinese premier visited the Libyan capital on Monday.")
    assert [e.cameo for e in events] == ["042"], codes(events)


def test_a_visit_or_tour_after_on_is_made_by_the_subject_of_the_clause(nlp):
    mali = [("Mali", "PLACE", ["Mali"])]
    events = _events(nlp, "The French minister paid tribute to flood victims on a brief visit to Mali.", entities=mali)
    assert [(e.cameo, e.source.code, e.target.code) for e in events if e.root == "04"] == [("042", "FRAGOV", "MLI")], \
        codes(events)
    events = _events(nlp, "The Swedish envoy led his team on a tour of two suspected weapons sites in Libya.")
    assert [(e.cameo, e.source.code[:3]) for e in events] == [("090", "SWE")], codes(events)
    # a meeting the clause happens during, an inquiry agreed on, a trip that names no destination are no
    # trips of the subject
    events = _events(nlp, "The Chilean premier has adopted a blunter style on his northern trips, a professor said.")
    assert not [e for e in events if e.root == "04"], codes(events)
    events = _events(nlp, "During a town hall meeting in Cusco, the Peruvian senator told reporters the plan was fine.")
    assert not [e for e in events if e.root == "04"], codes(events)
    events = _events(nlp, "The Peruvian senator said they had agreed on an independent inquiry.")
    assert not [e for e in events if e.root == "09"], codes(events)


def test_people_in_custody_are_held_by_the_police_of_the_place(nlp):
    lima = [("Lima", "PLACE", ["Lima"])]
    events = _events(nlp, "Police in Lima said four students were in custody after the riot.", entities=lima)
    assert [(e.cameo, e.source.code) for e in events] == [("173", "PERCOP")], codes(events)
    events = _events(nlp, "The four students were in the square in Lima.", entities=lima)
    assert not events, codes(events)


def test_an_act_in_a_whether_clause_after_a_preposition_is_open(nlp):
    events = _events(nlp, "The minister refused to comment on whether the two Chileans remained in detention in Lima.",
                     entities=[("Lima", "PLACE", ["Lima"])])
    assert [(e.cameo, e.modality) for e in events if e.root == "17"] == [("173", "conditional")], codes(events)


def test_attending_a_rally_is_demonstrating(nlp):
    places = [("Lima", "PLACE", ["Lima"]), ("La Paz", "PLACE", ["La Paz"])]
    events = _events(nlp, "Bolivian miners attended a rally in La Paz against the Chilean government.", entities=places)
    assert [e.cameo for e in events] == ["141"], codes(events)
    events = _events(nlp, "Bolivian miners attended a summit in Lima.", entities=places)
    assert [e.cameo for e in events] == ["042"], codes(events)


def test_a_rally_calling_for_something_is_a_protest_not_an_appeal(nlp):
    events = _events(nlp, "Thousands joined rallies in Caracas calling for the resignation of the president.")
    assert [e.cameo for e in events] == ["1411"], codes(events)
    # people calling for something appeal
    events = _events(nlp, "Venezuelan bishops are calling for the resignation of the president.")
    assert [e.root for e in events] == ["02"], codes(events)


def test_senses_of_extending_lavishing_ruling_and_fighting_in_court(nlp):
    cities = [("Tokyo", "PLACE", ["Tokyo"]), ("Beijing", "PLACE", ["Beijing"])]
    cases = [
        ("The Danish ministry extended its deadline for the Kurdish family until Friday.", ["081"]),
        ("The French president lavished praise on Senegalese troops.", ["051"]),
        ("A Spanish judge ruled against the Moroccan fishermen.", ["120"]),
        ("A Spanish judge ruled on Tuesday.", []),
        ("Beijing expressed impatience at Tokyo's failure to apologise.", ["111"]),
        ("The Spanish uncle has been fighting in court to keep his niece in Madrid.", ["115"]),
        ("The Spanish army is fighting rebels in the north.", ["190"]),
    ]
    for text, want in cases:
        events = _events(nlp, text, entities=cities)
        assert [e.cameo for e in events] == want, (text, codes(events))


def test_verbs_that_name_no_act_between_actors(nlp):
    ents = [("Haiti", "PLACE", ["Haiti"]), ("Peru", "PLACE", ["Peru"]), ("Chile", "PLACE", ["Chile"]),
            ("Security Council", "ORG", ["Security Council"])]
    none = ["The Security Council has charged the monitors with verifying that Libya has destroyed its chemical weapons.",
            "The vote in Haiti is threatened by a campaign of gang violence.",
            "A treaty calling for joint fishing zones was signed in May."]
    for text in none:
        events = _events(nlp, text, entities=ents)
        assert not [e for e in events if e.root in ("02", "13", "17")], (text, codes(events))
    # an arrest, an attack on others, a threat by people and an appeal by states stay
    kept = [("Police charged the Libyan with smuggling.", "17"),
            ("Libyan rebels destroyed the Egyptian consulate.", "17"),
            ("The Haitian president was threatened by rebels.", "13"),
            ("Peru and Chile called for joint fishing zones.", "02")]
    for text, root in kept:
        events = _events(nlp, text, entities=ents)
        assert root in [e.root for e in events], (text, codes(events))


def test_an_event_noun_set_aside_with_rather_than_is_no_event(nlp):
    ents = [("Peru", "PLACE", ["Peru"]), ("Chile", "PLACE", ["Chile"])]
    events = _events(nlp, "Rather than a clash between Peru and Chile, the dispute is a quarrel among fishermen.",
                     entities=ents)
    assert not events, codes(events)
    events = _events(nlp, "Talks between Peru and Chile began on Monday.", entities=ents)
    assert [e.root for e in events] == ["04", "04"], codes(events)


def test_senses_of_burning_touring_and_moving(nlp):
    ents = [("Tirana", "PLACE", ["Tirana"]), ("Albania", "PLACE", ["Albania"])]
    cases = [("Angry Albanians burned Greek flags outside the embassy in Tirana.", ["141"]),
             ("Rebels burned the Greek embassy in Tirana.", ["1712"]),
             ("The Greek minister toured the damage inside the embassy in Tirana.", []),
             ("The Greek minister toured Albania.", ["042"]),
             ("Greece moved additional troops and warships into the Aegean.", ["154"]),
             ("Greece moved its embassy to a new building.", [])]
    for text, want in cases:
        events = _events(nlp, text, entities=ents)
        assert [e.cameo for e in events] == want, (text, codes(events))


def test_seeing_as_a_terrorist_needs_the_words_together(nlp):
    ents = [("Peru", "PLACE", ["Peru"]), ("Chile", "PLACE", ["Chile"])]
    events = _events(nlp, "The ministry, which does not want to see Peru and Chile punished as a result of terrorist "
                          "attacks, lifted its warnings.", entities=ents)
    assert not [e for e in events if e.root == "11"], codes(events)
    events = _events(nlp, "Peru sees Chile as a terrorist state.", entities=ents)
    assert [(e.cameo, e.target.code) for e in events] == [("112", "CHL")], codes(events)


def test_urging_people_to_stay_away_from_a_country_is_a_travel_warning(nlp):
    ents = [("Kenya", "PLACE", ["Kenya"]), ("Tanzania", "PLACE", ["Tanzania"]), ("Yemen", "PLACE", ["Yemen"])]
    events = _events(nlp, "The State Department urged Americans to stay away from Kenya and Tanzania.", entities=ents)
    assert sorted((e.cameo, e.target.code) for e in events) == [("160", "KEN"), ("160", "TZA")], codes(events)
    events = _events(nlp, "Britain urged its citizens to avoid crowds.", entities=ents)
    assert [e.root for e in events] == ["02"], codes(events)


def test_a_vow_framing_a_threat_is_not_a_second_intent(nlp):
    events = _events(nlp, "Haitian exiles in Boston continued to vow they would block every attempt to take the girl "
                          "from the church where she has been living with her aunt.", entities=[("Boston", "PLACE", ["Boston"])])
    assert [e.root for e in events] == ["13"], codes(events)


def test_a_treaty_calling_for_something_is_no_appeal_and_leaves_its_signing_coded(nlp):
    ents = [("Peru", "PLACE", ["Peru"]), ("Chile", "PLACE", ["Chile"])]
    events = _events(nlp, "The row concerns a broad treaty calling for joint patrols, which Peru and Chile signed last May.",
                     entities=ents)
    assert sorted((e.cameo, e.source.code) for e in events) == [("057", "CHL"), ("057", "PER")], codes(events)


def test_senses_of_resuming_work_eliminating_barring_and_stalling(nlp):
    ents = [("Libya", "PLACE", ["Libya"]), ("U.N.", "ORG", ["U.N."])]
    cases = [("A Swedish member of the U.N. inspection team resumed work in Libya on Monday.", ["090"]),
             ("The Swedish firm resumed work in Libya on Monday.", []),
             ("Turkish police said they aimed to eliminate the Kurdish rebels.", ["190"]),
             ("Turkish officials want to eliminate the tax on bread.", []),
             ("Turkish police barred the marchers from entering the Greek consulate.", ["170"]),
             ("The party barred its members from speaking to reporters.", []),
             ("Russia has stalled ratification of the Ukrainian treaty.", ["120"])]
    for text, want in cases:
        events = _events(nlp, text, entities=ents)
        assert [e.cameo for e in events] == want, (text, codes(events))


def test_what_a_goal_is_said_to_be_is_an_intent(nlp):
    events = _events(nlp, "\u201cOur goal is to reunite the boy and his father,\u201d the Spanish minister said.")
    assert [(e.cameo, e.source.code) for e in events if e.root != "01"] == [("030", "ESPGOV")], codes(events)
    events = _events(nlp, "The Turkish minister said their aim is to withdraw the troops from Cyprus.",
                     entities=[("Cyprus", "PLACE", ["Cyprus"])])
    assert [(e.cameo, e.source.code) for e in events] == [("0356", "TURGOV")], codes(events)


def test_helping_stability_pushing_ahead_and_reporters_let_in(nlp):
    events = _events(nlp, "The Greek plan would help stability in Europe.")
    assert not [e for e in events if e.root == "07"], codes(events)
    events = _events(nlp, "Greece helped Albania with food.")
    assert [e.root for e in events] == ["07"], codes(events)
    # pushing ahead with an investigation: the investigation is the event, no appeal
    events = _events(nlp, "Turkish police pushed ahead with their investigation into the bombings.")
    assert [(e.root, e.source.code) for e in events] == [("09", "TURCOP")], codes(events)
    events = _events(nlp, "Reporters were allowed inside the Greek embassy for the first time.")
    assert not events, codes(events)
    events = _events(nlp, "Albania allowed Greek inspectors into the port.")
    assert [e.root for e in events] == ["03"], codes(events)


def test_letting_it_happen_and_questioning_as_the_purpose_of_custody(nlp):
    ents = [("Tirana", "PLACE", ["Tirana"]), ("Albania", "PLACE", ["Albania"])]
    events = _events(nlp, "It would be irresponsible if Greece or Turkey allow it to slip away.", entities=ents)
    assert not events, codes(events)
    events = _events(nlp, "Greece will allow the boy to return to Albania.", entities=ents)
    assert [e.root for e in events] == ["03"], codes(events)
    # the questioning is what the men are held for: no investigation of its own
    events = _events(nlp, "Six Albanian men remain in detention for questioning about the killing, officials said.")
    assert not [e for e in events if e.root == "09"], codes(events)


def test_warnings_from_a_country_are_its_threats(nlp):
    events = _events(nlp, "Despite stern warnings from Turkey, Greece went ahead with the drills.")
    assert [(e.root, e.source.code) for e in events] == [("13", "TUR")], codes(events)
    events = _events(nlp, "Despite stern warnings from the weather service, Greece went ahead with the drills.")
    assert not events, codes(events)


def test_questioning_with_no_one_named_is_done_by_the_police_of_the_place(nlp):
    events = _events(nlp, "Police in Nairobi said the suspect had named no accomplices after two days of questioning.",
                     entities=[("Nairobi", "PLACE", ["Nairobi"])])
    assert [(e.cameo, e.source.code) for e in events] == [("091", "KENCOP")], codes(events)


def test_trying_to_find_a_diplomatic_solution_is_an_intent_to_settle(nlp):
    events = _events(nlp, "Greece said it was working to find a peaceful solution with Turkey.")
    assert [(e.cameo, e.source.code, e.target.code) for e in events] == [("037", "GRC", "TUR")], codes(events)
    events = _events(nlp, "Police found a solution to the parking problem.")
    assert not events, codes(events)


def test_protesting_as_the_purpose_of_a_demonstration_is_that_demonstration(nlp):
    events = _events(nlp, "Some 2,000 Kurds marched in Athens, burning Turkish flags to protest the arrest of their leader.")
    assert [e.root for e in events] == ["14"], codes(events)


def test_backing_down_yields_and_backs_no_one(nlp):
    events = _events(nlp, "Serbia backed down on Friday.")
    assert [e.cameo for e in events] == ["080"], codes(events)
    events = _events(nlp, "Serbia backed the Greek plan on Friday.")
    assert [e.root for e in events] == ["05"], codes(events)
