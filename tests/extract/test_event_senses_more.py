"""Senses that code nothing ("none" in verbs.yaml) and senses read off the verb's clause."""
from __future__ import annotations

from tidings.extract.events.lexicon import NO_EVENT, verb_rules

from ._event_helpers import codes, coded_record


def _events(nlp, text, published="2000-01-28", entities=()):
    return coded_record(nlp, text, published, entities)[1]


_codes = codes


def test_a_struggle_to_do_something_is_no_force_but_fighting_troops_is(nlp):
    assert any(r.code == NO_EVENT for r in verb_rules()["fight"])
    assert not _events(nlp, "The girl's relatives in Texas have fought to keep her.")
    events = _events(nlp, "Cuban rebels fought Spanish troops in 1898.")
    assert [e.root for e in events] == ["19"], _codes(events)


def test_insisting_is_a_demand_only_on_something_or_with_an_obligation(nlp):
    assert not [e for e in _events(nlp, "Britain insisted there was nothing to fear.") if e.root == "10"]
    assert [e.root for e in _events(nlp, "Cuba insisted on the boy's return.")] == ["10"]
    assert [e.root for e in _events(nlp, "Cuba insisted that the boy must be returned.")] == ["10"]


def test_delivering_a_speech_or_homage_is_no_aid(nlp):
    assert not _events(nlp, "Thousands of Cuban children gathered to deliver a homage to Marti.")
    assert [e.root for e in _events(nlp, "Britain delivered food to Cuba.")] == ["07"]


def test_looking_forward_to_a_visit_and_a_summit_set_for_later_are_future(nlp):
    events = _events(nlp, "Albright looked forward to visiting Kenya.", published="1998-08-12",
                     entities=[("Albright", "PERSON", ["Albright"])])
    assert events and all(e.modality == "future" for e in events), _codes(events)
    events = _events(nlp, "The issue will not dominate the NATO summit set for April.", published="1999-03-12")
    summits = [e for e in events if e.action.text == "summit"]
    assert summits and summits[0].modality == "future", [(e.action.text, e.modality) for e in events]


def test_calling_someone_naive_or_a_policy_unjustified_is_criticism_of_them(nlp):
    events = _events(nlp, "Chirac said the British rebate was unjustified.", published="2005-03-22")
    assert [(e.cameo, e.target.code[:3] if e.target else None) for e in events] == [("111", "GBR")], _codes(events)
    events = _events(nlp, "Chirac said the British rebate was large.", published="2005-03-22")
    assert not [e for e in events if e.root == "11"], _codes(events)


def test_being_willing_to_do_what_no_event_word_names_is_an_intent(nlp):
    events = _events(nlp, "A spokesman suggested Israel was willing to revise its aims in Gaza.", published="1998-03-01")
    assert [(e.cameo, e.source.code[:3]) for e in events if e.cameo == "030"] == [("030", "ISR")], _codes(events)
    assert not [e for e in _events(nlp, "Syria is not willing to talk.") if e.root == "03"]
    assert not [e for e in _events(nlp, "It is unclear how far Syria is willing to go.") if e.root == "03"]


def test_accusations_raised_are_aimed_at_the_doer_of_what_they_allege(nlp):
    events = _events(nlp, "Cuba raised accusations that the U.S. government had mistreated the boy.")
    accusations = [e for e in events if e.root == "11"]
    assert accusations and accusations[0].source.code[:3] == "CUB", _codes(events)
    assert accusations[0].target is not None and accusations[0].target.code[:3] == "USA", _codes(events)


def test_who_plans_or_is_responsible_for_attacks_did_them_and_a_staged_coup_is_force(nlp):
    events = _events(nlp, "Officials say Hamas leaders are responsible for last week's bomb attacks.", published="2004-09-01")
    attacks = [e for e in events if e.root == "18"]
    assert attacks and attacks[0].source is not None and attacks[0].source.code[:3] == "PSE", _codes(events)
    events = _events(nlp, "Hamas planned the attacks.", published="2004-09-01")
    assert [e.source.code[:3] for e in events if e.root in ("18", "19")] == ["PSE"], _codes(events)
    events = _events(nlp, "Hun Sen staged a coup.", published="1997-07-10")  # "staged" lemmatized "stag"
    assert [e.root for e in events] == ["19"], _codes(events)


def test_an_organisation_on_tidings_list_wins_inside_a_longer_name(nlp):
    events = _events(nlp, "IRA commanders bombed the town.", published="1998-03-22")
    assert [e.source.code for e in events] == ["GBRREB"], _codes(events)  # not the dictionaries' WEUREB


def test_a_strike_against_a_country_is_military_force_not_a_labour_strike(nlp):
    events = _events(nlp, "Clinton said he remained committed to a potential strike against Sudan.", published="1998-02-13")
    assert [e.root for e in events] == ["13"], _codes(events)  # a threat of force, not an intent about strikes


def test_a_person_known_by_one_word_takes_a_dictionary_code_only_where_the_article_names_that_country(nlp):
    text = "Mitch McConnell said on Tuesday it was wrong for Ginsburg to criticize the candidate."
    events = _events(nlp, text, published="2016-07-13", entities=[("Ginsburg", "PERSON", ["Ginsburg"])])
    assert not [e for e in events if e.source is not None and (e.source.code or "").startswith("CRI")], _codes(events)
    events = _events(nlp, "In Costa Rica, Ginsburg criticized the senator.", published="2016-07-13",
                     entities=[("Ginsburg", "PERSON", ["Ginsburg"]), ("Costa Rica", "PLACE", ["Costa Rica"])])
    assert [e.source.code[:3] for e in events if e.root == "11" and e.source and e.source.code] == ["CRI"], _codes(events)


def test_meeting_requirements_is_no_meeting_and_not_meeting_them_no_rejection(nlp):
    assert not [e for e in _events(nlp, "The Russian bank may not meet the capital requirements.") if e.root in ("04", "12")]
    assert [e.root for e in _events(nlp, "Russia met Ukraine in Minsk.", published="2015-02-11")] == ["04", "04"]


def test_beating_a_rival_releasing_a_poll_and_a_group_called_x_are_no_events(nlp):
    assert not [e for e in _events(nlp, "Russian voters helped Putin beat his rivals in the election.") if e.root == "18"]
    assert [e.root for e in _events(nlp, "Russian police beat the protesters.")] == ["18"]
    assert not [e for e in _events(nlp, "Russia released a report on Tuesday.") if e.root == "08"]
    assert [e.root for e in _events(nlp, "Russia released the prisoners.")] == ["08"]
    assert not _events(nlp, "She leads a Russian group called the Working Group on Women.")
    events = _events(nlp, "The cabinet faced a growing campaign calling for Israel's full withdrawal from Gaza.")
    assert "02" in [e.root for e in events], _codes(events)


def test_a_bare_word_is_no_dictionary_person_and_a_general_proposal_no_army(nlp):
    events = _events(nlp, "Last month Mesa rejected a general proposal put forward by its rival.", published="1989-11-01")
    assert all(e.source is None or not e.source.code for e in events), _codes(events)  # not Bolivia's Carlos Mesa
    assert all(e.target is None or not (e.target.code or "").endswith("MIL") for e in events), _codes(events)


def test_a_speech_delivered_is_no_aid(nlp):
    assert not _events(nlp, "The speech delivered by the Libyan mother moved the crowd.")


def test_attacking_a_plan_or_a_decision_is_criticism(nlp):
    assert [e.root for e in _events(nlp, "Russian troops attacked the American plan.")] == ["11"]
    assert [e.root for e in _events(nlp, "Russian troops attacked the Ukrainian base.")] == ["19"]


def test_the_target_of_a_commitment_is_inside_what_it_commits_to(nlp):
    events = _events(nlp, "Clinton said he remained committed to a potential strike against Sudan.", published="1998-02-13")
    assert [(e.root, e.target.code[:3] if e.target else None) for e in events] == [("13", "SDN")], _codes(events)


def test_speaking_with_no_one_named_is_no_meeting(nlp):
    assert not [e for e in _events(nlp, "A French diplomat, speaking with the usual discretion, confirmed it.") if e.root == "04"]
    assert [e.root for e in _events(nlp, "The British minister talked with Russia's foreign minister.")] == ["04", "04"]  # each way


def test_talks_a_side_wants_to_renew_are_its_intent_not_a_meeting(nlp):
    events = _events(nlp, "Jordan indicated that it wants to renew the stalled border talks with Israel.")
    assert [e.root for e in events] == ["03"], _codes(events)


def test_an_act_a_nominal_event_is_about_is_no_event_of_its_own(nlp):
    events = _events(nlp, "Russia began talks with Ukraine on withdrawing its troops.")
    assert [e.root for e in events] == ["04", "04"], _codes(events)  # no withdrawal of its own


def test_a_list_of_coded_and_uncoded_actors_codes_the_coded_ones_only(nlp):
    events = _events(nlp, "Israeli troops were fighting Hezbollah and several other militias.", published="1998-03-01")
    assert [e.target.code if e.target else None for e in events] == ["LBNREB"], _codes(events)


def test_those_killed_fighting_someone_were_killed_by_them(nlp):
    events = _events(nlp, "More than 90 Israeli troops were killed fighting Hezbollah last year.", published="1998-03-01")
    killed = [e for e in events if e.action.text == "killed"]
    assert killed and killed[0].source is not None and killed[0].source.code == "LBNREB", _codes(events)


def test_telling_someone_their_plan_is_a_mistake_is_criticism_of_them(nlp):
    events = _events(nlp, "The Italian minister told the German minister that his proposal was a mistake.", published="2005-01-13")
    assert [(e.cameo, e.target.code if e.target else None) for e in events] == [("111", "DEUGOV")], _codes(events)


def test_a_rule_may_need_words_in_the_subject_inspectors_visiting_sites_inspect(nlp):
    from tidings.extract.events.lexicon import verb_rules

    assert any(r.subject for r in verb_rules()["visit"])
    events = _events(nlp, "U.N. weapons inspectors visited nine sites in Iraq.", published="1998-03-06")
    assert [e.root for e in events] == ["09"], _codes(events)
    assert [e.root for e in _events(nlp, "The British prime minister visited Iraq.")] == ["04"]


def test_an_agreement_referred_to_is_no_agreement_made(nlp):
    events = _events(nlp, "British forces will stay until Serbia complies with the NATO agreement.", published="1998-03-06")
    assert not [e for e in events if e.root == "05"], _codes(events)
    events = _events(nlp, "Iraq and the U.N. signed an agreement.", published="1998-03-06")
    assert [e.root for e in events if e.root == "05"], _codes(events)


def test_what_an_appeal_asks_for_is_no_event_of_its_own(nlp):
    events = _events(nlp, "The Security Council text calls for Syria's immediate withdrawal from Lebanon.", published="1998-03-01")
    assert [e.root for e in events] == ["02"], _codes(events)


def test_refusing_to_tolerate_attacks_is_condemning_them(nlp):
    events = _events(nlp, "The Palestinian leader said he will not tolerate attacks on Israelis.", published="2005-02-01")
    assert [(e.cameo, e.modality) for e in events if e.root == "11"] == [("111", "asserted")], _codes(events)
    events = _events(nlp, "Israel did not criticize the Palestinian plan.", published="2005-02-01")
    assert [e.modality for e in events if e.root == "11"] == ["negated"], _codes(events)


def test_claiming_that_someone_did_something_hostile_accuses_them(nlp):
    events = _events(nlp, "Belarus has repeatedly claimed that Poland was undermining attempts to improve ties.",
                     published="1998-02-27")
    assert ("112", "BLR", "POL") in [(e.cameo, e.source.code[:3], e.target.code[:3]) for e in events
                                     if e.source and e.target], _codes(events)
    events = _events(nlp, "Russia claimed that Ukraine had signed the deal.", published="1998-02-27")
    assert not [e for e in events if e.root == "11"], _codes(events)


def test_police_raiding_homes_search_them_troops_raiding_attack(nlp):
    events = _events(nlp, "Kenyan police raided two homes in Mombasa and searched for a suspect.")
    assert [e.cameo for e in events] == ["091"], _codes(events)  # one search, not an attack
    events = _events(nlp, "Israeli troops raided the Lebanese village of Marjayoun.")
    assert [e.root for e in events] == ["19"], _codes(events)


def test_force_by_armed_groups_against_civilians_is_an_assault_against_soldiers_a_fight(nlp):
    events = _events(nlp, "Hamas militants killed two Israeli civilians in a bomb attack.", published="2003-06-11")
    assert ("183", "PSEREB", "ISRCVL") in _codes(events), _codes(events)
    events = _events(nlp, "Hamas gunmen killed two Israeli soldiers.", published="1998-03-01")
    assert [e.cameo for e in events] == ["190"], _codes(events)
    events = _events(nlp, "Al-Qaeda attacked the U.S. embassy in Nairobi.", published="1998-08-20")
    assert [e.cameo for e in events] == ["180"], _codes(events)


def test_an_armed_leader_attacking_is_force_a_politician_attacking_is_criticism(nlp):
    events = _events(nlp, "Osama bin Laden attacked the American embassies.", published="2001-08-20",
                     entities=[("Osama bin Laden", "PERSON", ["Osama bin Laden"])])
    assert [e.root for e in events] == ["18"], _codes(events)
    events = _events(nlp, "Senator John McCain attacked the Obama administration.", published="2012-08-20",
                     entities=[("John McCain", "PERSON", ["John McCain"])])
    assert [e.cameo for e in events] == ["111"], _codes(events)


def test_calling_someone_names_and_placing_the_blame_are_criticism_and_accusation(nlp):
    events = _events(nlp, "Fidel Castro called Lazaro Munero a ruffian.",
                     entities=[("Fidel Castro", "PERSON", ["Fidel Castro"]), ("Lazaro Munero", "PERSON", ["Lazaro Munero"])])
    assert [(e.cameo, e.target.name if e.target else None) for e in events] == [("111", "Lazaro Munero")], _codes(events)
    events = _events(nlp, "Fidel Castro placed the blame on the United States.",
                     entities=[("Fidel Castro", "PERSON", ["Fidel Castro"])])
    assert ("112", "CUBGOV", "USA") in _codes(events), _codes(events)
    assert not [e for e in _events(nlp, "They called the meeting for Tuesday.") if e.root == "11"]


def test_gifts_briefings_and_troops_kept_in_place_are_events(nlp):
    events = _events(nlp, "The American government announced a gift of medical supplies to Tanzania.", published="1998-08-18")
    assert ("073", "USAGOV", "TZA") in _codes(events), _codes(events)
    events = _events(nlp, "Egypt's security chiefs gave an intelligence briefing to Western envoys.", published="2005-03-01")
    assert [e.cameo for e in events] == ["064"], _codes(events)
    events = _events(nlp, "The 5,000 British troops in Kosovo will remain until Serbia complies.", published="1998-02-27")
    assert [(e.cameo, e.modality) for e in events] == [("150", "future")], _codes(events)
    assert not [e for e in _events(nlp, "The talks will remain difficult.") if e.root == "15"]


def test_people_rallying_demonstrate_rallying_support_is_053(nlp):
    events = _events(nlp, "Hundreds of thousands of Cubans rallied in Havana on Friday.")
    assert [e.cameo for e in events] == ["141"], _codes(events)
    events = _events(nlp, "Cuban exiles protested against the ruling outside the home.")
    assert [e.root for e in events] == ["14"], _codes(events)
    events = _events(nlp, "The Arab League rallied support behind the Palestinian Authority.", published="2002-04-01")
    assert [e.cameo for e in events] == ["053"], _codes(events)


def test_investigators_are_police_and_their_work_an_investigation(nlp):
    events = _events(nlp, "NAIROBI, Kenya (AP) _ Investigators have been working around the clock.", published="1998-08-20")
    assert [e.cameo for e in events] == ["091"], _codes(events)  # the places stage would add KEN


def test_helping_to_do_something_is_that_act_not_aid(nlp):
    events = _events(nlp, "NATO jets helped end the fighting in Kosovo.", published="1999-03-12")
    assert not [e for e in events if e.root == "07"], _codes(events)
    events = _events(nlp, "NATO jets helped the Albanians end the fighting in Kosovo.", published="1999-03-12")
    assert not [e for e in events if e.root == "07"], _codes(events)  # with an object too: the act helped
    events = _events(nlp, "Japan helped Indonesia with emergency food aid.", published="2005-01-12")
    assert [e.root for e in events] == ["07"], _codes(events)


def test_only_bombs_explode_and_rallying_people_behind_someone_is_support(nlp):
    assert not _events(nlp, "Hezbollah's membership has since exploded.", published="2016-08-20")
    events = _events(nlp, "A Hamas suicide bomber exploded a device near an Israeli bus.", published="2003-08-20")
    assert [e.root for e in events] == ["18"], _codes(events)
    events = _events(nlp, "The Egyptian president rallied the Arab states behind the Palestinians.", published="2003-08-20")
    assert [e.cameo for e in events] == ["053"], _codes(events)


def test_a_relative_pronoun_object_stands_for_its_noun(nlp):
    events = _events(nlp, "Ukraine ratified the treaty that Russia signed.", published="1998-02-27")
    assert [(e.action.text, e.cameo) for e in events if e.source and e.source.code == "RUS"] == [("signed", "057")], \
        _codes(events)


def test_parliaments_approving_or_voting_for_a_treaty_ratify_it(nlp):
    events = _events(nlp, "The Danish parliament voted in favor of the membership treaty.", published="1998-12-03")
    assert [e.cameo for e in events] == ["057"], _codes(events)
    events = _events(nlp, "The German parliament approved the enlargement of NATO.", published="1998-12-03")
    assert [e.cameo for e in events] == ["057"], _codes(events)
    assert not [e for e in _events(nlp, "The Dutch parliament voted on the budget.") if e.root == "05"]


def test_taking_over_is_seizing_taking_sides_in_a_battle_over_something_is_not(nlp):
    assert not _events(nlp, "The Bush administration is about to take sides in the legal battle over water rights.",
                       published="2015-11-24")
    events = _events(nlp, "Syrian rebels took over the town on Friday.", published="2013-03-01")
    assert [e.cameo for e in events] == ["192"], _codes(events)


def test_a_participle_saying_what_a_group_stands_for_is_no_event(nlp):
    events = _events(nlp, "Extremists opposed to the truce planted the bomb.", published="1998-03-22")
    assert not [e for e in events if e.action.text == "opposed"], _codes(events)
    events = _events(nlp, "Rebels backed by Rwanda attacked the town.", published="1998-03-22")
    assert [e for e in events if e.action.text == "backed"], _codes(events)


def test_things_do_not_travel_or_act_even_with_an_actor_word_before_them(nlp):
    assert not _events(nlp, "He said less EU farm money came to the UK.", published="2005-06-10")
    events = _events(nlp, "Chinese officials came to London on Monday.", published="2005-06-10")
    assert events and all(e.root == "04" for e in events), _codes(events)


def test_killing_a_named_leader_is_an_assassination_trying_to_an_attempt(nlp):
    chavez = [("Hugo Chavez", "PERSON", ["Hugo Chavez"])]
    events = _events(nlp, "Army officers made several attempts to kill President Hugo Chavez.", entities=chavez)
    assert [e.cameo for e in events if e.action.text == "kill"] == ["185"], _codes(events)
    events = _events(nlp, "Gunmen killed the Iraqi Interior Minister in Baghdad.", published="2005-01-28")
    assert [e.cameo for e in events] == ["186"], _codes(events)
    events = _events(nlp, "Gunmen tried to kill the Iraqi Interior Minister.", published="2005-01-28")
    assert [e.cameo for e in events] == ["185"], _codes(events)


def test_wanting_to_thank_is_thanking(nlp):
    events = _events(nlp, "The American government said it wants to thank the Kenyan government for its help.",
                     published="1998-08-14")
    assert ("051", "USAGOV", "KENGOV") in _codes(events), _codes(events)


def test_gathering_troops_is_a_show_of_force(nlp):
    events = _events(nlp, "In 2008 Russia invaded Georgia and gathered troops near the frontier.", published="2021-12-08")
    assert ("154", "RUS", None) in _codes(events), _codes(events)


def test_beating_someone_by_points_is_no_assault(nlp):
    assert not _events(nlp, "Rubio beat out Cruz by only two points, 35 percent to 33 percent.",
                       published="2016-03-10", entities=[("Rubio", "PERSON", ["Rubio"]), ("Cruz", "PERSON", ["Cruz"])])
    events = _events(nlp, "Police beat the protesters with batons.", published="2016-03-10")
    assert [e.cameo for e in events] == ["182"], _codes(events)


def test_a_speakers_launched_attack_is_words_and_the_attacked_are_no_speakers(nlp):
    events = _events(nlp, "The senator launched a fierce attack against the governor.", published="2016-08-10")
    assert events and all(e.cameo == "111" for e in events), _codes(events)
    events = _events(nlp, "Hezbollah launched an attack on Israeli troops.", published="2006-07-12")
    assert events and all(e.root == "19" for e in events), _codes(events)
    events = _events(nlp, "Many street children are beaten, robbed or attacked while selling flowers.", published="2016-08-10")
    assert not [e for e in events if e.root == "11"], _codes(events)


def test_resisting_or_blocking_inspections_rejects_international_involvement(nlp):
    events = _events(nlp, "The Iranian government has resisted attempts by the agency to inspect the sites.", published="1998-02-27")
    assert [e.cameo for e in events] == ["1245"], _codes(events)
    events = _events(nlp, "Iraq blocked the U.N. inspectors from entering the palace.", published="1998-02-27")
    assert [e.cameo for e in events] == ["1245"], _codes(events)
    events = _events(nlp, "Protesters blocked the road to the airport.", published="1998-02-27")
    assert [e.cameo for e in events] == ["144"], _codes(events)


def test_ordering_embassy_staff_out_reduces_relations(nlp):
    events = _events(nlp, "The Foreign Office ordered the departure of all non-essential staff from its mission.",
                     published="1998-08-14")
    assert [e.cameo for e in events] == ["161"], _codes(events)
    events = _events(nlp, "The British government evacuated its embassy in Kabul.", published="2021-08-14")
    assert [e.cameo for e in events] == ["161"], _codes(events)


def test_exhorting_counselling_and_counting_on_are_appeals(nlp):
    events = _events(nlp, "Venezuela's government exhorted its supporters to keep rallying.")
    assert [e.root for e in events] == ["02"], _codes(events)
    events = _events(nlp, "Officials in Tanzania are counting on compensation from the United States.", published="1998-08-18")
    assert [e.root for e in events] == ["02"], _codes(events)


def test_defending_ground_is_no_verbal_defence(nlp):
    events = _events(nlp, "Israel will defend its north from the border, the minister said.", published="1998-03-01")
    assert not [e for e in events if e.root in ("03", "05")], _codes(events)
    events = _events(nlp, "The British foreign secretary defended plans to end the embargo.", published="2005-01-12")
    assert [e.cameo for e in events] == ["052"], _codes(events)


def test_sanctions_being_ended_and_deaths_in_crashes_are_no_events(nlp):
    events = _events(nlp, "The British foreign secretary defended plans to end the EU's arms embargo on China.",
                     published="2005-01-12")
    assert not [e for e in events if e.root == "16"], _codes(events)
    events = _events(nlp, "The EU imposed an arms embargo on China in 1989.", published="2005-01-12")
    assert [e.cameo for e in events] == ["163"], _codes(events)
    events = _events(nlp, "Twelve Turkish soldiers were killed when their army helicopter crashed.", published="1998-03-01")
    assert not [e for e in events if e.root in ("18", "19")], _codes(events)


def test_refusing_to_provide_details_is_declining_to_comment(nlp):
    events = _events(nlp, "FBI agents questioned the men. They refused to provide details.", published="1998-09-11",
                     entities=[("FBI", "ORG", ["FBI"])])
    assert [e.cameo for e in events if e.sentence == 1] == ["011"], _codes(events)


def test_releasing_software_or_figures_frees_no_one(nlp):
    assert not _events(nlp, "This month the Canadian government released a large software patch for its servers.",
                       published="2005-03-01")
    events = _events(nlp, "The Iranian government released two British sailors.", published="2007-04-05")
    assert [e.root for e in events] == ["08"], _codes(events)


def test_a_thing_that_would_allow_something_commits_no_one(nlp):
    events = _events(nlp, "Russia seeks a treaty that would permit its navy to use the port of Tartus.",
                     published="1998-02-27")
    assert not [e for e in events if e.action.text == "permit"], _codes(events)
    events = _events(nlp, "The Russian government would permit the navy to use the base.", published="1998-02-27")
    assert [e.root for e in events if e.action.text == "permit"] == ["03"], _codes(events)


def test_a_coup_detat_is_a_coup_whatever_the_tagger_calls_detat(nlp):
    events = _events(nlp, "The Thai army staged a bloodless coup d'etat against the elected government.",
                     published="1997-07-10")
    assert [e.root for e in events] == ["19"], _codes(events)


def test_force_between_police_and_protesters_is_repression_or_violent_protest(nlp):
    events = _events(nlp, "British riot police fired plastic bullets at British protesters.", published="1998-03-22")
    assert [e.cameo for e in events] == ["175"], _codes(events)
    events = _events(nlp, "British protesters attacked the British police with stones.", published="1998-03-22")
    assert [e.cameo for e in events] == ["145"], _codes(events)


def test_halting_a_relation_reduces_it_halting_fighting_eases_it_and_halting_a_spread_is_neither(nlp):
    assert not [e for e in _events(nlp, "NATO was created to halt the eastward spread of Chinese influence.")
                if e.root == "16"]
    assert [e.cameo for e in _events(nlp, "Japan halted imports from Iran on Monday.")] == ["160"]
    assert [e.cameo for e in _events(nlp, "Israel halted the shelling of Lebanese villages on Monday.")] == ["0871"]


def test_striking_workers_strike_they_do_not_fight(pipeline):
    events = pipeline({"text": "In northern England, picket lines were manned by striking nurses with rallies in "
                               "Leeds and York.", "published": "2004-11-05"}).events
    assert not [e for e in events if e.root in ("18", "19")], _codes(events)


def test_providing_income_leaving_an_auction_or_suspending_a_candidate_is_no_event(nlp):
    assert not [e for e in _events(nlp, "The Crown Estate provides the King's private income.") if e.root == "07"]
    assert not [e for e in _events(nlp, "Gazprom withdrew from the auction on Friday.") if e.root == "08"]
    assert not [e for e in _events(nlp, "The party suspended a candidate for his remarks.") if e.root == "16"]
    # the acts themselves still are
    assert [e.root for e in _events(nlp, "The United States provided aid to Kenya.")] == ["07"]
    assert [e.cameo for e in _events(nlp, "Israel withdrew from southern Lebanon.")] == ["0874"]
    assert [e.root for e in _events(nlp, "Japan suspended relations with Iran.")] == ["16"]


def test_hosting_an_event_delivering_reports_or_undertaking_reviews_is_no_event(nlp):
    assert not [e for e in _events(nlp, "Britain's Labour Party will host its annual conference in Manchester.")
                if e.root == "04"]
    assert not [e for e in _events(nlp, "Mr Wanless, a British adviser, has delivered two major reports on the NHS.")
                if e.root == "07"]
    assert not [e for e in _events(nlp, "British officials undertook two large reviews of the prison service.")
                if e.root == "03"]
    # a visit hosted, aid delivered and a promise undertaken still are
    assert [e.cameo for e in _events(nlp, "Britain hosted the Israeli prime minister on Tuesday.")] == ["043"]
    assert [e.root for e in _events(nlp, "Britain delivered aid to Kenya on Tuesday.")] == ["07"]


def test_a_politician_attacking_rivals_criticises_and_refraining_from_it_is_negated(pipeline):
    events = pipeline({"text": "Ted Cruz refrained from attacking his opponents in Nevada on Monday.",
                       "published": "2016-02-01"}).events
    assert [(e.cameo, e.modality) for e in events] == [("111", "negated")], _codes(events)
    events = pipeline({"text": "Donald Trump spent the day in Iowa attacking a rival.", "published": "2016-02-01"}).events
    assert [e.root for e in events] == ["11"], _codes(events)
    events = pipeline({"text": "Osama bin Laden planned to attack the U.S. embassy in Nairobi.",
                       "published": "1998-08-21"}).events
    assert [e.root for e in events] == ["18"], _codes(events)  # an armed group's attack stays force


def test_releasing_an_ad_an_appeal_among_voters_and_backing_away_are_no_events(nlp):
    assert not _events(nlp, "The Bush campaign in the United States is releasing a new online ad.")
    assert not _events(nlp, "Warren's appeal among young voters in the United States is strong.")
    assert not [e for e in _events(nlp, "U.S. President Bill Clinton backed away from a suggestion on Tuesday.")
                if e.root == "05"]
    assert [e.root for e in _events(nlp, "The United Nations made an appeal for calm in Syria.")] == ["02"]


def test_politicians_capturing_states_or_pounding_policies_use_no_force(pipeline):
    def roots(text, published="2016-05-19"):
        return [e.root for e in pipeline({"text": text, "published": published}).events]
    assert not roots("Hillary Clinton captured Iowa last month.")
    assert roots("Democrats in Congress will pound President Bush's trade policy.") in ([], ["11"])
    assert "19" not in roots("Bernie Sanders urged Americans to fight for economic justice.")
    assert "19" in roots("Syrian rebels captured the town of Idlib on Monday.", "2015-03-28")
    assert "18" in roots("Gunmen captured two Turkish engineers in Iraq on Monday.", "2015-03-28")


def test_a_politicians_campaign_rally_is_no_protest_but_a_crowd_rallying_against_someone_is(pipeline):
    events = pipeline({"text": "Bernie Sanders has a rally planned for Thursday in Washington.",
                       "published": "2016-05-19"}).events
    assert not [e for e in events if e.root == "14"], _codes(events)
    events = pipeline({"text": "Thousands of Cubans rallied in Havana against the United States.",
                       "published": "2000-04-19"}).events
    assert [(e.cameo, e.target.code) for e in events] == [("141", "USA")], _codes(events)


def test_a_campaigners_offensive_is_words_an_armys_is_force(pipeline):
    def codes(text, published="2016-02-25"):
        return [(e.root, e.target.code if e.target else None) for e in pipeline({"text": text, "published": published}).events]
    assert codes("Hillary Clinton's tax offensive against Sen. Bernie Sanders in Nevada began.") == \
        [("11", "USALEG")]
    assert [r for r, _ in codes("The Syrian army's offensive against rebels in Aleppo continued.")] == ["19"]
    assert [r for r, _ in codes("Obama pledged to remove all U.S. troops from Iraq.", "2009-02-25")] in (["03"], ["08"])


def test_fighting_spam_bombarding_with_ads_and_appealing_to_users_are_no_events(pipeline):
    def roots(text):
        return [e.root for e in pipeline({"text": text, "published": "2005-01-28"}).events]
    assert roots("Swedish web users can now fight back against spam websites.") == []
    assert roots("Italian users were bombarded with pop-up ads by Microsoft.") == []
    assert roots("The new Microsoft phone is likely to appeal to older buyers in Italy.") == []
    assert roots("Iran appealed to the United Nations for help.") == ["02"]
    assert roots("Israeli troops fought Hezbollah guerrillas in Lebanon.") == ["19"]


def test_investigating_an_issue_demonstrating_resolve_and_damaging_relations_are_no_events(nlp):
    assert not _events(nlp, "Two Israeli aides left for Europe on Sunday to investigate the Syrian issue.")
    assert not [e for e in _events(nlp, "The U.S. visit to Kenya was designed to demonstrate American resolve.")
                if e.root == "14"]
    assert not [e for e in _events(nlp, "Ending the ban on Iran would damage France's relations with the US.")
                if e.root == "17"]
    assert [e.root for e in _events(nlp, "Thousands of Serbs demonstrated in Belgrade against NATO.")] == ["14"]
    assert [e.root for e in _events(nlp, "The FBI will investigate the bombing in Kenya.")] == ["09"]


def test_asking_a_question_is_no_appeal_asking_someone_to_act_is(pipeline):
    def codes(text):
        return [e.root for e in pipeline({"text": text, "published": "2016-03-02"}).events]
    assert codes("A reporter asked Bernie Sanders how he was feeling in Iowa.") == []
    assert "02" not in codes("Jeb Bush was asked about his earlier criticisms of Donald Trump.")
    def acts(text):
        return [(e.root, e.modality) for e in pipeline({"text": text, "published": "2016-03-02"}).events
                if e.root == "19"]
    assert acts("“Did Russia attack Ukraine?” he asked.") == [("19", "conditional")]  # a yes/no question is open
    assert acts("“Why did Russia attack Ukraine?” he asked.") == [("19", "asserted")]  # a wh-question presupposes
    assert codes("Mitch McConnell asked Donald Trump to condemn violence.") == ["02"]
    assert codes("Iran asked the United Nations for help.") == ["02"]


def test_firing_questions_or_staff_meeting_skepticism_and_asking_anonymity_are_no_events(pipeline):
    def roots(text):
        return [e.root for e in pipeline({"text": text, "published": "2016-03-02"}).events]
    assert roots("Donald Trump fired his campaign manager on Monday.") == []
    assert roots("The plan was met with skepticism by the Russian leadership.") == []
    assert "02" not in roots("A police officer who asked not to be identified told Reuters the blast was powerful.")
    assert roots("Donald Trump can beat Hillary Clinton.") == []
    assert roots("Egyptian soldiers fired on protesters in Cairo.") == ["19"]
    assert roots("Putin met Obama in Paris.") == ["04", "04"]


def test_market_demand_and_supplied_parts_are_no_events_and_meeting_demands_yields(nlp):
    assert not [e for e in _events(nlp, "Germany's finance minister said domestic demand in Germany was weak.")
                if e.root == "10"]
    assert not [e for e in _events(nlp, "Germany's Bosch supplied the pumps to BMW in Germany.") if e.root == "07"]
    assert [e.root for e in _events(nlp, "Iraq met the United Nations' demands on Friday.") if e.action.text == "met"] \
        == ["08"]
    assert [e.root for e in _events(nlp, "Iran rejected the American demand for inspections.")] == ["12"]


def test_warnings_of_consequences_threaten_and_gloomy_forecasts_do_not(pipeline):
    def coded(text, published="2008-12-08"):
        return [(e.root, e.target.code[:3] if e.target else None, e.modality)
                for e in pipeline({"text": text, "published": published}).events if e.root in ("01", "13")]
    assert coded("French Foreign Minister Bernard Kouchner said there would be sanctions if Iran tested another "
                 "missile.") == [("13", "IRN", "conditional")]
    assert coded("Condoleezza Rice said there would be a price to pay if Iran kept enriching uranium.") == \
        [("13", "IRN", "conditional")]
    assert coded("The US warned that Iran would face serious consequences.") == [("13", "IRN", "asserted")]
    assert not [r for r, _, _ in coded("The World Health Organization warned that the number of deaths from the "
                                       "epidemic could climb.") if r == "13"]


def test_not_accepting_someones_red_lines_rejects_them(pipeline):
    events = pipeline({"text": "Mr Biden said Friday that he doesn't accept Russia's red lines.",
                       "published": "2021-12-08"}).events
    assert [(e.root, e.target.code, e.modality) for e in events if e.root == "12"] == [("12", "RUS", "asserted")]


def test_returning_phone_calls_and_ceding_market_share_are_no_events(nlp):
    assert not _events(nlp, "U.S. officials in Chicago did not return phone calls on Tuesday.")
    assert not _events(nlp, "Pepsi has been ceding market share to Coca-Cola in the United States.")
    assert [e.cameo for e in _events(nlp, "Israel returned the territory to Egypt.")] == ["0842"]
