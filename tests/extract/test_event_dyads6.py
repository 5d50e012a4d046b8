"""Who acts on whom, sixth round (rules read on the odd half of news_dev): pronouns agree with the
person they stand for."""
from __future__ import annotations


def _run(pipeline, text, published="2020-03-03"):
    return pipeline({"text": text, "published": published})


def _targets(record, root):
    return [e.target.name if e.target else None for e in record.events if e.root == root]


def test_she_does_not_stand_for_a_man_named_before(pipeline):
    # the first name says the other gender: "her" is someone the text does not name
    record = _run(pipeline, "Interior Minister Carlos Ruiz of Spain flew to Lisbon on Monday. "
                            "Portuguese police arrested her at the airport.")
    assert "Carlos Ruiz" not in _targets(record, "17"), _targets(record, "17")
    record = _run(pipeline, "Interior Minister Carlos Ruiz of Spain flew to Lisbon on Monday. "
                            "Portuguese police arrested him at the airport.")
    assert "Carlos Ruiz" in _targets(record, "17"), _targets(record, "17")


def _codes(record):
    return {e.name: e.actor_code for e in record.entities}


def test_a_private_person_in_foreign_wire_copy_is_of_the_dateline_country(pipeline):
    text = ("QUITO, Ecuador (AP) -- Hundreds of farmers led by Ana Villalba marched on the presidential palace "
            "on Monday. Villalba told reporters the government had betrayed them.")
    assert _codes(_run(pipeline, text)).get("Villalba") == "ECUCVL"


def test_no_dateline_country_for_people_in_us_copy_or_after_a_foreigner_is_introduced(pipeline):
    text = ("CHICAGO (AP) -- Hundreds of farmers led by Ana Villalba marched on city hall on Monday. "
            "Villalba told reporters the mayor had betrayed them.")
    assert _codes(_run(pipeline, text)).get("Villalba") is None
    # "a Canadian engineer … Paul Whitfield was seized": the person named is likely the Canadian
    text = ("QUITO, Ecuador (AP) -- A Canadian engineer was kidnapped on Monday near the border. "
            "Paul Whitfield was seized by gunmen as he left a mine, police said.")
    assert _codes(_run(pipeline, text)).get("Paul Whitfield") is None


def test_a_first_name_given_to_both_genders_does_not_block_a_pronoun():
    from tidings.extract.events.reference import _agrees
    assert not _agrees("she", "Carlos Ruiz") and not _agrees("he", "Maria Lopez")
    assert _agrees("he", "Kim Lee") and _agrees("she", "Kim Lee")  # the dictionary says "mostly female"
    assert _agrees("he", "Ruiz")


def test_an_organisation_of_states_takes_the_side_its_acts_of_the_kind_are_aimed_at(pipeline):
    record = _run(pipeline, "The United Nations signed a deal with Iraq on Monday. The United Nations agreed with Iraq "
                            "on a timetable for inspections on Tuesday. The accord was worked out by the United Nations.")
    worked = [e for e in record.events if e.action.text == "worked"]
    assert worked and worked[0].target is not None and worked[0].target.code == "IRQ" and worked[0].target.from_context


def test_an_organisation_of_states_with_no_side_its_acts_are_aimed_at_takes_none(pipeline):
    # one dealing with each of two sides is no pattern: "EU leaders held talks" stays among members
    record = _run(pipeline, "The European Union signed a deal with Turkey on Monday. The European Union praised Greece "
                            "on Tuesday. EU leaders held talks in Brussels on Wednesday.")
    talks = [e for e in record.events if e.root == "04" and e.source and e.source.code.startswith("IGO")]
    assert all(e.target is None for e in talks), [(e.cameo, e.target) for e in talks]


def test_the_one_judged_for_doing_something_did_it(pipeline):
    record = _run(pipeline, "Greek officials criticized Turkey for conducting joint naval drills with Libya near Crete.")
    drills = [e for e in record.events if e.action.text == "conducting"]
    assert drills and drills[0].source is not None and drills[0].source.code[:3] == "TUR", \
        [(e.cameo, e.source) for e in drills]


def test_who_acts_along_with_the_source_is_not_its_target_from_context(pipeline):
    text = ("Presidents Emmanuel Macron of France and Olaf Scholz of Germany met in Paris on Friday. "
            "Macron praised Scholz. Scholz thanked Macron for the welcome. "
            "In a joint statement, Macron and Scholz called for swift ratification of the trade pact.")
    record = _run(pipeline, text, published="2023-01-22")
    called = [e for e in record.events if e.action.text == "called"]
    assert called and all(e.target is None or e.target.code[:3] not in ("FRA", "DEU") for e in called), \
        [(e.source.code if e.source else None, e.cameo, e.target) for e in called]


def test_a_nationality_in_the_name_of_a_sea_or_gulf_is_no_actor(pipeline, nlp):
    record = _run(pipeline, "The American naval buildup in the Persian gulf worried Baghdad.")
    assert not any(e.target is not None and e.target.code == "IRN" for e in record.events), \
        [(e.cameo, e.target) for e in record.events]
    assert _codes(record).get("Persian") is None
    from tidings.extract.actors.code import code_indices, info
    doc = nlp("Warships sailed into the Sea of Japan.")
    sea = next(t for t in doc if t.text == "Sea")
    assert code_indices(info(doc), sea.i, list(range(3, 7))).code is None


def test_a_person_in_apposition_to_an_office_or_agency_is_of_it(pipeline):
    record = _run(pipeline, "LISBON, May 3 (Reuters) - The head of the U.S. Drug Enforcement Administration, Louis "
                            "Brandt, told reporters here Monday that the suspects had been questioned.")
    assert _codes(record).get("Louis Brandt") == "USACOP"


def test_an_official_the_coder_cannot_place_is_no_local_civilian(pipeline):
    # the small parser splits "Head of … Louis Brandt" into two subjects: no code, but not a Portuguese civilian
    record = _run(pipeline, "LISBON, May 3 (Reuters) - Head of the U.S. Drug Enforcement Administration (DEA) Louis "
                            "Brandt told reporters on Monday that the suspects had been questioned.")
    assert _codes(record).get("Louis Brandt") != "PRTCVL"


def test_a_group_noun_is_where_its_own_phrase_puts_it(pipeline):
    # "leaders in Baghdad" are Iraq's, though the sentence names Israel first
    record = _run(pipeline, "Before visiting Israel, the Spanish prime minister met leaders in Baghdad on Monday.",
                  published="2024-03-01")
    met = {(e.source.code if e.source else None, e.target.code if e.target else None)
           for e in record.events if e.action.text == "met"}
    assert ("ESPGOV", "IRQGOV") in met and not any("ISR" in (t or "") for _, t in met), met


def test_talks_with_two_sides_are_held_by_each_of_them_too(pipeline):
    record = _run(pipeline, "The Spanish prime minister held talks with Greece and Cyprus in Madrid.", published="2024-03-01")
    held = {(e.source.code[:3] if e.source and e.source.code else None, e.target.code[:3] if e.target and e.target.code else None)
            for e in record.events if e.root == "04"}
    assert {("ESP", "GRC"), ("ESP", "CYP"), ("GRC", "ESP"), ("CYP", "ESP")} <= held, held


def _rewired(nlp, text: str, changes: dict[int, tuple[int, str]]):
    """A stand-in for `nlp` that returns the parse of `text` with token i hung on head h as dep
    (`changes`: i → (h, dep)): the small parser's mistakes seen in news, made on purpose."""
    from spacy.tokens import Doc

    parsed = nlp(text)
    heads = [t.head.i for t in parsed]
    deps = [t.dep_ for t in parsed]
    for i, (h, dep) in changes.items():
        heads[i], deps[i] = h, dep

    def parse(_):
        return Doc(nlp.vocab, words=[t.text for t in parsed], spaces=[bool(t.whitespace_) for t in parsed],
                   heads=heads, deps=deps, pos=[t.pos_ for t in parsed], tags=[t.tag_ for t in parsed],
                   lemmas=[t.lemma_ for t in parsed], sent_starts=[t.is_sent_start for t in parsed])
    return parse, parsed


def test_a_second_person_the_parser_hangs_on_the_first_ones_apposition_is_an_actor(nlp):
    from ._event_helpers import coded_record

    text = ("Australia's leader flew in. Mr Rudd met with his Israeli counterpart, Ehud Olmert, and the Egyptian "
            "leader, Hosni Mubarak.")
    words = [t.text for t in nlp(text)]
    leader = len(words) - 1 - words[::-1].index("leader")
    # the parse of "…, and the Palestinian leader, …" seen in news: the second person hangs on the first one
    parse, _ = _rewired(nlp, text, {leader: (words.index("Olmert"), "conj")})
    record, events = coded_record(parse, text, "2008-03-01",
                                  entities=[("Rudd", "PERSON", ["Rudd"]), ("Australia", "PLACE", ["Australia"]),
                                            ("Ehud Olmert", "PERSON", ["Ehud Olmert"]),
                                            ("Hosni Mubarak", "PERSON", ["Hosni Mubarak"])])
    targets = {e.target.code[:3] for e in events if e.root == "04" and e.target and e.target.code}
    assert {"ISR", "EGY"} <= targets, [(e.cameo, e.source, e.target) for e in events]


def test_a_person_the_parser_takes_for_the_predicate_of_calling_is_the_target(nlp):
    from ._event_helpers import coded_record

    text = "Chile's president spoke. Boric called Ramirez a liar on Friday."
    words = [t.text for t in nlp(text)]
    # "called Munero -- who … -- a ruffian": the parser made the person the object predicate
    parse, _ = _rewired(nlp, text, {words.index("Ramirez"): (words.index("called"), "oprd")})
    record, events = coded_record(parse, text, "2023-03-01",
                                  entities=[("Boric", "PERSON", ["Boric"]), ("Chile", "PLACE", ["Chile"]),
                                            ("Ramirez", "PERSON", ["Ramirez"])])
    called = [e for e in events if e.action.text == "called"]
    assert called and called[0].target is not None and called[0].target.name == "Ramirez", \
        [(e.cameo, e.source, e.target) for e in events]


def test_national_institutions_by_their_short_names(pipeline):
    record = _run(pipeline, "The Justice Department sued the city. Scotland Yard arrested two men. "
                            "Leaders of the CIS met in Minsk.", published="2019-05-02")
    sources = {e.source.code for e in record.events if e.source and e.source.code}
    assert {"USAGOV", "GBRCOP", "IGOCASCIS"} <= sources, [(e.cameo, e.source) for e in record.events]


def test_an_acronym_that_is_also_a_word_is_an_organisation_only_in_capitals(pipeline):
    record = _run(pipeline, "The INS threatened to deport the man. Ice covered the roads and killed two drivers.",
                  published="1999-05-02")
    sources = [(e.action.text, e.source.code if e.source else None) for e in record.events]
    assert ("threatened", "USAGOV") in sources and ("killed", "USAGOV") not in sources, sources


def test_radicals_or_a_faith_group_do_not_take_their_countrys_counterpart(pipeline):
    text = ("The United States accused Russia of meddling. The United States warned Russia on Monday. "
            "Russia criticized the United States. Two Muslim radicals in Ohio opened fire at a mall.")
    record = _run(pipeline, text, published="2016-06-01")
    killed = [e for e in record.events if e.action.text == "opened"]
    assert killed and all(e.target is None or e.target.code[:3] != "RUS" for e in killed), \
        [(e.source, e.target) for e in killed]


def test_what_is_discussed_takes_no_part_in_the_discussion(pipeline):
    record = _run(pipeline, "The British cabinet discussed military action in Iraq on Monday.", published="2005-03-01")
    assert not any(e.source is not None and (e.source.code or "").startswith("IRQ") for e in record.events), \
        [(e.cameo, e.source, e.target) for e in record.events]


def test_family_of_a_named_person_are_civilians_of_the_persons_country_or_where_they_are(pipeline):
    record = _run(pipeline, "Lukashenko's son criticized the European Union on Monday.", published="2022-03-01")
    assert {e.source.code for e in record.events if e.root == "11" and e.source} == {"BLRCVL"}, \
        [(e.cameo, e.source) for e in record.events]
    record = _run(pipeline, "Lukashenko's relatives in London criticized the European Union on Monday.", published="2022-03-01")
    assert {e.source.code for e in record.events if e.root == "11" and e.source} == {"GBRCVL"}, \
        [(e.cameo, e.source) for e in record.events]


def test_the_subject_of_a_stative_passive_acts(pipeline):
    # "was committed to", "is determined to": the subject means to act, no one acts on it
    record = _run(pipeline, "The Spanish government was committed to the ceasefire.", published="2005-03-01")
    assert any(e.root == "03" and e.source is not None and e.source.code == "ESPGOV" for e in record.events), \
        [(e.cameo, e.source) for e in record.events]


def test_armed_groups_named_with_a_faith_still_take_a_side():
    from tidings.extract.events.context import _state_side
    assert _state_side("IMGMUSALQ") and _state_side("USAGOV") and _state_side("IGOUNO")
    assert not _state_side("USAMUS") and not _state_side("GBRCRM")


def test_a_role_word_the_tagger_takes_for_a_name_is_no_local_civilian(nlp):
    from ._event_helpers import coded_record

    from tidings.record import Place

    text = "LISBON, May 3 (Reuters) - Terrorist attacks on two banks in Lisbon killed four people on Monday."
    lisbon = Place(id="P1", start=0, end=6, text="LISBON", name="Lisbon", lat=38.7, lon=-9.1, country="PRT", sentence=0)
    people = [("Terrorist", "PERSON", ["Terrorist"]), ("Ana Villalba", "PERSON", ["Ana Villalba"])]
    record, _ = coded_record(nlp, text + " Ana Villalba saw it.", "2020-05-03", entities=people, places=[lisbon])
    codes = {e.name: e.actor_code for e in record.entities}
    assert codes.get("Terrorist") is None and codes.get("Ana Villalba") == "PRTCVL", codes


def test_infinitives_the_parser_hangs_on_a_passive_raising_verb_share_its_subject(pipeline):
    text = ("Canadian Foreign Minister Lloyd Axworthy was scheduled to plant a tree at the site, talk to embassy "
            "workers and meet with President Moi.")
    record = _run(pipeline, text, published="1998-08-18")
    meet = [e for e in record.events if e.action.text == "meet"]
    assert meet and meet[0].source is not None and meet[0].source.code == "CANGOV", \
        [(e.action.text, e.source, e.target) for e in record.events]


def test_a_surname_the_dictionaries_know_is_no_local_civilian(pipeline):
    text = "NAIROBI, Kenya (AP) -- Albright was scheduled to meet with President Moi on Tuesday."
    record = _run(pipeline, text, published="1998-08-18")
    assert _codes(record).get("Albright") != "KENCVL", _codes(record)


def test_a_group_from_a_named_body_is_that_bodys(pipeline):
    record = _run(pipeline, "LIMA, Peru (AP) -- Investigators from the FBI questioned two suspects on Monday.",
                  published="1998-08-21")
    assert [e.source.code for e in record.events if e.root == "09" and e.source] == ["USASPY"], \
        [(e.cameo, e.source) for e in record.events]


def test_a_national_investigating_agency_reporting_unnamed_questioning_did_it(pipeline):
    record = _run(pipeline, 'LIMA, Peru (AP) -- "Six suspects have been arrested," FBI Director Louis Brandt said.',
                  published="1998-08-21")
    asked = [e for e in record.events if e.action.text == "arrested"]
    assert asked and asked[0].source is not None and asked[0].source.code == "USASPY", \
        [(e.cameo, e.source) for e in record.events]


def test_states_named_by_a_region_take_the_cameo_region_code(pipeline):
    record = _run(pipeline, "Greece urged all Balkan states to sign the pact. The Western nations criticized Iran.",
                  published="1998-03-01")
    triples = {(e.source.code if e.source else None, e.target.code if e.target else None) for e in record.events}
    assert ("GRC", "BLK") in triples and ("WST", "IRN") in triples, triples


def test_kosovo_has_cameos_country_code(pipeline):
    record = _run(pipeline, "Kosovo's government protested on Monday. Serbian police fired on protesters in Kosovo.",
                  published="2009-03-01")
    codes = {c for e in record.events for c in (e.source.code if e.source else None, e.target.code if e.target else None) if c}
    assert any(c.startswith("KSV") for c in codes) and not any(c.startswith("XKX") for c in codes), codes
    assert not any((e.actor_code or "").startswith("XKX") for e in record.entities)


def test_where_a_detainee_is_held_gives_no_country(pipeline):
    record = _run(pipeline, "A former detainee at Guantanamo Bay attacked the U.S. consulate in Benghazi.", published="2016-03-01")
    assert not any((e.source.code or "").startswith("CUB") for e in record.events if e.source), \
        [(e.cameo, e.source) for e in record.events]


def test_a_family_word_with_the_persons_name_in_apposition_is_that_person(pipeline):
    record = _run(pipeline, "Clinton's husband, Bill Clinton, criticized Sanders on Monday.", published="2016-03-01")
    assert [e.source.code for e in record.events if e.root == "11" and e.source] == ["USAELI"], \
        [(e.cameo, e.source) for e in record.events]


def test_a_place_that_names_an_inquiry_is_not_its_chairmans_country(pipeline):
    record = _run(pipeline, "Kabul Commission Chairman Tom Reid criticized the State Department.", published="2016-03-01")
    assert not (_codes(record).get("Tom Reid") or "").startswith("AFG"), _codes(record)
    record = _run(pipeline, "Vermont Sen. Bernie Sanders criticized the State Department.", published="2016-03-01")
    assert _codes(record).get("Bernie Sanders") == "USALEG", _codes(record)


def test_a_politician_named_by_a_pronoun_attacks_in_words_and_the_reason_is_no_weapon(pipeline):
    # "she attacked X for being soft on guns": words (111); the guns are what the words are about
    record = _run(pipeline, "Hillary Clinton spoke in Iowa. Then she attacked Bernie Sanders for being soft on guns.",
                  published="2016-01-20")
    assert [e.cameo for e in record.events if e.action.text == "attacked"] == ["111"], \
        [(e.cameo, e.source, e.target) for e in record.events]
    record = _run(pipeline, "Hillary Clinton spoke in Iowa. Then a man attacked Bernie Sanders with a gun.",
                  published="2016-01-20")
    assert [e.root for e in record.events if e.action.text == "attacked"] in (["18"], ["19"]), \
        [(e.cameo, e.source, e.target) for e in record.events]
    # a weapon named beside the reason is still a weapon
    record = _run(pipeline, "Hillary Clinton spoke in Iowa. Then a man attacked Bernie Sanders with a gun for being "
                            "soft on guns.", published="2016-01-20")
    assert [e.root for e in record.events if e.action.text == "attacked"] in (["18"], ["19"]), \
        [(e.cameo, e.source, e.target) for e in record.events]


def test_someone_no_one_can_code_attending_a_rally_is_no_event(pipeline):
    record = _run(pipeline, "Tom Bradley, who went along and attended the big rally, said the candidate had lied.",
                  published="2016-01-20")
    assert not [e for e in record.events if e.action.text == "attended"], [(e.cameo, e.source) for e in record.events]
