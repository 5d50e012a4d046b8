"""Recall and roots: events the coder used to miss or code under another root (docs/EVENTS.md,
"Fifth round (roots)"). Sentences are written for these tests."""
from __future__ import annotations


from ._event_helpers import codes, coded_record


def _events(nlp, text, published="1999-06-01", entities=()):
    return coded_record(nlp, text, published, entities)[1]


_codes = codes


def test_a_war_claiming_lives_is_force_and_a_crash_claiming_lives_is_none(nlp):
    events = _events(nlp, "A long guerrilla war in the north has been claiming Turkish soldiers' lives.")
    assert [e.root for e in events] == ["19"], _codes(events)
    assert not [e for e in _events(nlp, "A bus crash in the north claimed the lives of Turkish soldiers.")
                if e.root in ("18", "19")]
    # claiming an attack is no attack of its own (the raid is the event)
    events = _events(nlp, "Kurdish rebels claimed the raid on Turkish soldiers.")
    assert not [e for e in events if e.action.text == "claimed" and e.root == "19"], _codes(events)


def test_a_warning_against_travel_to_a_country_reduces_relations(nlp):
    events = _events(nlp, "The Foreign Office warned against all travel to Yemen.")
    assert [(e.cameo, e.target.code[:3] if e.target else None) for e in events] == [("160", "YEM")], _codes(events)
    events = _events(nlp, "The Foreign Office warned Yemen against attacks on ships.")
    assert not [e for e in events if e.root == "16"], _codes(events)


def test_looking_forward_to_a_visit_is_an_intent_to_meet(nlp):
    events = _events(nlp, "The French minister said she looked forward to visiting Chile and Peru.")
    assert sorted((e.cameo, e.target.code[:3]) for e in events if e.target) == [("036", "CHL"), ("036", "PER")], \
        _codes(events)
    assert all(e.modality == "future" for e in events), [(e.cameo, e.modality) for e in events]
    events = _events(nlp, "The French minister said she looked at maps of Chile and Peru.")
    assert not [e for e in events if e.root == "03"], _codes(events)


def test_an_alliance_enlarged_to_include_states_admits_them(nlp):
    events = _events(nlp, "NATO was set up in 1949. It was later enlarged to include Spain in 1982 and Poland.",
                     entities=[("NATO", "ORG", ["NATO"])])
    got = sorted((e.cameo, e.source.code, e.target.code[:3]) for e in events if e.target)
    assert got == [("057", "IGOWSTNAT", "ESP"), ("057", "IGOWSTNAT", "POL")], _codes(events)
    # a company growing to include a division admits no state
    events = _events(nlp, "The bank was later enlarged to include a Spanish insurer.")
    assert not [e for e in events if e.root == "05"], _codes(events)


def test_a_reported_harsh_judgment_of_an_actor_is_criticism(nlp):
    events = _events(nlp, "The Swedish minister noted that the rules applied to Iran but not to Syria, "
                          "which he said had an appalling rights record.")
    assert [(e.cameo, e.target.code[:3]) for e in events if e.root == "11"] == [("1122", "SYR")], _codes(events)
    events = _events(nlp, "The Swedish minister noted that the rules applied to Iran but not to Syria, "
                          "which he said had a long coastline.")
    assert not [e for e in events if e.root == "11"], _codes(events)
    events = _events(nlp, "The Dutch envoy told the Belgian premier that his scheme was a worrying step.")
    assert [(e.cameo, e.source.code[:3], e.target.code[:3]) for e in events if e.root == "11"] == [("111", "NLD", "BEL")], \
        _codes(events)
    # a judgment of no one is no criticism
    assert not [e for e in _events(nlp, "The Dutch envoy said the weather was a worrying sign.") if e.root == "11"]


def test_regarding_something_as_wrong_is_criticism_and_as_a_partner_is_not(nlp):
    events = _events(nlp, "Tehran has said it regards the oil embargo as politically motivated.")
    assert [(e.cameo, e.source.code[:3]) for e in events if e.root == "11"] == [("111", "IRN")], _codes(events)
    assert not [e for e in _events(nlp, "Tehran regards Moscow as a close partner.") if e.root == "11"]


def test_information_received_from_someone_was_shared_by_them(nlp):
    events = _events(nlp, "The Chadian police chief said he received information from Libyan agents on where the "
                          "rifles were kept.")
    assert [(e.cameo, e.source.code[:3], e.target.code[:3]) for e in events] == [("064", "LBY", "TCD")], _codes(events)
    # receiving aid stays the noun's event, given by the one it comes from
    events = _events(nlp, "Chad received food aid from Libya.")
    assert [(e.root, e.source.code[:3]) for e in events] == [("07", "LBY")], _codes(events)


def test_throwing_grenades_at_someone_is_a_bombing(nlp):
    events = _events(nlp, "Rebels hurled grenades at Ugandan soldiers near the border.")
    assert [e.cameo for e in events] == ["183"], _codes(events)
    events = _events(nlp, "The Ugandan minister threw his support behind the plan.")
    assert not [e for e in events if e.root == "18"], _codes(events)


def test_calling_a_policy_a_step_in_the_wrong_direction_is_criticism(nlp):
    events = _events(nlp, "The Polish premier called the enlargement of the EU a step in the wrong direction.")
    assert [(e.cameo, e.source.code[:3]) for e in events] == [("111", "POL")], _codes(events)
    events = _events(nlp, "The Polish premier called the enlargement of the EU a step in a new direction.")
    assert not [e for e in events if e.root == "11"], _codes(events)


def test_ordering_an_attack_is_the_attack_by_the_one_who_ordered_it(nlp):
    events = _events(nlp, "The Turkish president ordered an attack on Kurdish rebels in Iraq.")
    assert [(e.root, e.source.code if e.source else None) for e in events] == [("19", "TURGOV")], _codes(events)
    events = _events(nlp, "The Turkish president ordered the rebels to leave the town.")
    assert [e.root for e in events] == ["10"], _codes(events)


def test_a_strike_by_a_government_is_force_and_by_miners_a_labour_strike(nlp):
    events = _events(nlp, "The Turkish government's strikes on the camps were condemned.")
    assert [e.cameo for e in events if e.action.text == "strikes"] == ["190"], _codes(events)
    events = _events(nlp, "The Turkish miners' strikes were condemned.")
    assert [e.cameo for e in events if e.action.text == "strikes"] in ([], ["143"]), _codes(events)


def test_talks_proposed_or_offered_are_the_intent_not_a_meeting(nlp):
    events = _events(nlp, "Chile proposed a new round of talks with Peru.")
    assert [(e.cameo, e.source.code[:3]) for e in events] == [("036", "CHL")], _codes(events)
    events = _events(nlp, "Chile held a new round of talks with Peru.")
    assert [e.root for e in events if e.root == "04"], _codes(events)


def test_claiming_responsibility_for_a_bombing_names_its_doer(nlp):
    events = _events(nlp, "Hamas claimed responsibility for the suicide bombing in Jerusalem.",
                     entities=[("Hamas", "ORG", ["Hamas"])])
    bombings = [e for e in events if e.root == "18"]
    assert bombings and bombings[0].source is not None and bombings[0].source.name == "Hamas", _codes(events)


def test_ambushes_and_going_on_strike_are_coded(nlp):
    assert [e.root for e in _events(nlp, "Rebels ambushed a Pakistani army convoy near the border.")] == ["19"]
    events = _events(nlp, "Thousands of Greek workers went on strike over pension cuts.")
    assert [e.cameo for e in events] == ["143"], _codes(events)
    assert not [e for e in _events(nlp, "The Greek workers went on to a rally.") if e.root == "14"]


def test_a_visit_named_again_is_no_new_visit(nlp):
    text = ("Irish Foreign Minister Brian Cowen visited Kenya on Monday. Cowen's visit to Kenya was meant to show "
            "support for the government. Just ahead of Cowen's trip, Ireland sent aid to Kenya.")
    events = _events(nlp, text, published="2004-05-04", entities=[("Brian Cowen", "PERSON", ["Brian Cowen", "Cowen"])])
    assert [e.sentence for e in events if e.cameo == "042"] == [0], _codes(events)
    events = _events(nlp, "The Irish foreign minister's visit to Kenya was meant to show support.", published="2004-05-04")
    assert [e.cameo for e in events] == ["042"], _codes(events)


def test_being_open_to_talks_is_an_intent_to_meet(nlp):
    events = _events(nlp, "Cuba said it was open to talks with Spain.")
    assert [(e.cameo, e.source.code[:3], e.target.code[:3], e.modality) for e in events] == \
        [("036", "CUB", "ESP", "asserted")], _codes(events)
    events = _events(nlp, "Cuba said it was not open to talks with Spain.")
    assert [(e.cameo, e.modality) for e in events] == [("036", "negated")], _codes(events)


def test_voting_for_an_admission_ratifies_it_and_a_loan_to_a_state_is_aid(nlp):
    events = _events(nlp, "The Danish parliament voted in favor of Slovakia's admission to NATO.")
    assert [e.cameo for e in events] == ["057"], _codes(events)
    events = _events(nlp, "The World Bank's loan to Kenya was delayed.")
    assert [(e.cameo, e.target.code[:3]) for e in events] == [("071", "KEN")], _codes(events)
    assert not _events(nlp, "The Kenyan farmer repaid his loan.")


def test_alerts_blockades_and_frozen_aid_are_coded(nlp):
    events = _events(nlp, "Mali put its troops on high alert along the border.")
    assert [e.cameo for e in events] == ["152"], _codes(events)
    events = _events(nlp, "The Malian police were put on high alert.")
    assert [e.cameo for e in events] == ["151"], _codes(events)
    assert not _events(nlp, "The Malian government put the plan on hold.")
    events = _events(nlp, "Morocco sealed off the border with Algeria.")
    assert [e.cameo for e in events] == ["191"], _codes(events)
    events = _events(nlp, "Japan froze military aid to Burma.")
    assert [e.cameo for e in events] == ["1622"], _codes(events)
    assert not [e for e in _events(nlp, "Prices were frozen by the Malian government.") if e.root == "16"]


def test_concluding_forging_or_sealing_an_agreement_signs_it(nlp):
    for text in ("Chile and Peru concluded a border treaty.", "Chile and Peru forged an alliance.",
                 "Chile and Peru sealed a trade deal.", "Chile and Peru worked out an accord on fishing."):
        events = _events(nlp, text)
        assert sorted(e.cameo for e in events) == ["057", "057"], (text, _codes(events))
    assert not _events(nlp, "The talks between Chile and Peru concluded on Friday.") or all(
        e.root != "05" for e in _events(nlp, "The talks between Chile and Peru concluded on Friday."))
    # sealing a border stays a blockade
    assert [e.cameo for e in _events(nlp, "Chile sealed its border with Peru.")] == ["191"]


def test_winning_admission_to_an_alliance_joins_it_one_way(nlp):
    events = _events(nlp, "Slovenia won admission to NATO.", entities=[("NATO", "ORG", ["NATO"])])
    assert _codes(events) == [("057", "SVN", "IGOWSTNAT")], _codes(events)
    assert not _events(nlp, "The Slovenian Republicans won the election.")


def test_concern_voiced_about_what_an_actor_does_is_disapproval(nlp):
    events = _events(nlp, "Norway voiced concern over Sudan's treatment of refugees.")
    assert [(e.cameo, e.source.code[:3], e.target.code[:3]) for e in events] == [("110", "NOR", "SDN")], _codes(events)
    events = _events(nlp, "Norway has voiced concern that the press freedom situation in Belarus has not improved.")
    assert [(e.cameo, e.target.code[:3]) for e in events] == [("110", "BLR")], _codes(events)
    # concern about no one stays a comment (root 01)
    events = _events(nlp, "Norway expressed concern about the economy.")
    assert not [e for e in events if e.root == "11"], _codes(events)


def test_taking_issue_and_lashing_out_are_criticism(nlp):
    events = _events(nlp, "The Indian foreign minister took issue with Nepal's remarks.")
    assert [(e.cameo, e.target.code[:3]) for e in events] == [("110", "NPL")], _codes(events)
    events = _events(nlp, "The Indian foreign minister lashed out at the Nepalese premier.")
    assert [e.cameo for e in events] == ["111"], _codes(events)
    assert not [e for e in _events(nlp, "The Indian foreign minister took a trip with Nepalese officials.")
                if e.root == "11"]


def test_concern_about_a_country_and_a_polls_view_are_no_criticism(nlp):
    events = _events(nlp, "Norway expressed deep concern to Moscow about Georgia.")
    assert not [e for e in events if e.root == "11"], _codes(events)
    events = _events(nlp, "Four in ten Norwegian voters see the Labour campaign as unfair.")
    assert not [e for e in events if e.root == "11"], _codes(events)


def test_an_attack_named_in_an_adverbial_is_not_the_content_of_an_intent(nlp):
    events = _events(nlp, "In the event of a Russian invasion, Norway would reassure its allies.")
    assert [e.root for e in events if e.root == "19"], _codes(events)


def test_campaign_idioms_and_vague_hopes_are_no_events(nlp):
    assert not _events(nlp, "The Ohio senator is looking forward to the November election fight against the governor.")
    assert not _events(nlp, "The Ohio senator hopes to seal the deal on the second ballot.")
    assert not _events(nlp, "The Ohio senator is now assured of winning no fewer than 90 delegates.")


def test_concern_that_someone_did_their_job_is_no_criticism_of_them(nlp):
    events = _events(nlp, "Norway expressed concern that the Swedish auditors had qualified the accounts.")
    assert not [e for e in events if e.root == "11"], _codes(events)


def test_a_party_expelled_from_talks_is_a_halt_of_negotiations(nlp):
    events = _events(nlp, "Batasuna was expelled from peace talks in Madrid in March.", published="2002-06-01",
                     entities=[("Batasuna", "ORG", ["Batasuna"])])
    assert [e.cameo for e in events] == ["164"], _codes(events)
    assert events[0].source is not None and events[0].source.code == "ESPGOV", _codes(events)
    events = _events(nlp, "Spain expelled two Cuban diplomats.")
    assert [e.root for e in events] == ["16"] and events[0].cameo != "164", _codes(events)


def test_police_responding_with_rubber_bullets_is_repression(nlp):
    events = _events(nlp, "Spanish riot police responded with rubber bullets.")
    assert [e.cameo for e in events] == ["175"], _codes(events)


def test_forces_poised_to_attack_show_force_and_have_not_attacked(nlp):
    events = _events(nlp, "Turkish troops are poised to attack Kurdish rebels in Iraq.")
    assert [e.cameo for e in events] == ["150"], _codes(events)
    events = _events(nlp, "NATO warplanes are poised to intervene in Serbia.", entities=[("NATO", "ORG", ["NATO"])])
    assert [e.cameo for e in events] == ["150"], _codes(events)
    events = _events(nlp, "Turkish troops attacked Kurdish rebels in Iraq.")
    assert [e.root for e in events] == ["19"], _codes(events)


def test_preparing_for_talks_is_an_intent_to_meet_not_a_meeting(nlp):
    events = _events(nlp, "Serbia is preparing for talks with Croatia.")
    assert [(e.cameo, e.source.code[:3]) for e in events] == [("036", "SRB")], _codes(events)
    events = _events(nlp, "The EU is gearing up for hard negotiations over farm spending.",
                     entities=[("EU", "ORG", ["EU"])])
    assert [e.cameo for e in events] == ["036"], _codes(events)


def test_a_reward_for_information_is_an_appeal_for_intelligence(nlp):
    events = _events(nlp, "The Kenyan government offered a reward for information on the killers.")
    assert [e.cameo for e in events] == ["0214"], _codes(events)
    events = _events(nlp, "The Kenyan government offered to help Uganda.")
    assert [e.root for e in events] == ["03"], _codes(events)


def test_saying_an_act_cannot_be_justified_criticises_it(nlp):
    events = _events(nlp, "The Kenyan raid on the village cannot be justified, Uganda said.")
    assert [(e.cameo, e.source.code[:3]) for e in events if e.root == "11"] == [("111", "UGA")], _codes(events)
    events = _events(nlp, "Kenya justified the raid as self-defence.")
    assert not [e for e in events if e.root == "11"], _codes(events)


def test_immigration_officers_escorting_someone_to_the_airport_deport_them(nlp):
    events = _events(nlp, "Ugandan immigration officials escorted the Rwandan to the airport.")
    assert [e.cameo for e in events] == ["174"], _codes(events)
    assert not _events(nlp, "The Ugandan president escorted the Pope to the airport.")


def test_detonating_cord_is_a_thing_not_a_bombing(nlp):
    events = _events(nlp, "Irish police arrested two IRA men at a bomb factory which held detonating cord and a Japanese truck.")
    assert not [e for e in events if e.root == "18"], _codes(events)


def test_a_habit_is_no_event(nlp):
    assert not _events(nlp, "The flashpoint is Portadown, where Protestants march each July from their church.")
    events = _events(nlp, "The flashpoint is Portadown, where Protestants marched on Sunday from their church.")
    assert [e.root for e in events] == ["14"], _codes(events)


def test_a_relative_clause_reads_its_antecedent_for_subject_rules(nlp):
    events = _events(nlp, "Dutch police officers who were searching for the missing Belgian concluded he had died.")
    assert [e.cameo for e in events if e.action.text == "searching"] == ["091"], _codes(events)
    events = _events(nlp, "Dutch rescuers who had been searching for survivors gave up.")
    assert not [e for e in events if e.root == "09"], _codes(events)


def test_analysing_the_evidence_of_a_crime_investigates_it(nlp):
    events = _events(nlp, "Kenyan police analyzed the bomb fragments.")
    assert [e.cameo for e in events] == ["091"], _codes(events)
    assert not _events(nlp, "Kenyan economists analyzed the trade data.")


def test_travel_to_a_region_visits_the_country_the_story_is_filed_from():
    from tidings.pipeline import Pipeline

    record = Pipeline()({"text": "NAIROBI, Kenya (AP) _ The Ugandan foreign minister flew to East Africa on Monday.",
                         "published": "1998-08-18"})
    assert [(e.cameo, e.target.code[:3] if e.target else None) for e in record.events] == [("042", "KEN")], \
        _codes(record.events)
