"""Event coding from the parse: codes, actors, modality, dates and codebook facts."""
from __future__ import annotations

import pytest

from tidings.extract._doc import DocView
from tidings.extract.events.lexicon import codebook, families, noun_rules, verb_rules
from tidings.extract.actors import extract_actors
from tidings.extract.events import extract_events
from tidings.record import Quote, Speaker, TimeExpr

from ._event_helpers import make_record


def _events(nlp, text, published="2021-12-07", entities=(), times=(), quotes=()):
    doc, record = make_record(nlp, text, published, entities)
    record.times = list(times)
    record.quotes = list(quotes)
    record.entities = extract_actors(DocView(doc), record)
    return record, extract_events(DocView(doc), record)


def _triples(events):
    return [(e.root, e.source.code[:3] if e.source and e.source.code else None,
             e.target.code[:3] if e.target and e.target.code else None) for e in events]


@pytest.mark.parametrize("text, root, source, target", [
    ("Russia accused Ukraine of shelling civilian areas.", "11", "RUS", "UKR"),
    ("Israeli soldiers arrested twenty Palestinians near Hebron.", "17", "ISR", "PSE"),
    ("Kenya urged Uganda to release the detained journalists.", "02", "KEN", "UGA"),
    ("Peru imposed sanctions on Ecuador.", "16", "PER", "ECU"),
    ("Ghana condemned Togo for the border raid.", "11", "GHA", "TGO"),
    ("Poland rejected a German proposal for a joint fund.", "12", "POL", "DEU"),
    ("Chile threatened to impose tariffs on Argentina.", "13", "CHL", "ARG"),
    ("Japan sent humanitarian aid to Nepal.", "07", "JPN", "NPL"),
    ("Norway hosted Sri Lankan negotiators in Oslo.", "04", "NOR", "LKA"),
])
def test_codes_and_actors(nlp, text, root, source, target):
    record, events = _events(nlp, text)
    assert events, text
    assert (root, source, target) in _triples(events)


def test_event_fields_come_from_the_codebook(nlp):
    record, events = _events(nlp, "Israeli soldiers arrested twenty Palestinians near Hebron.")
    event = events[0]
    book = codebook()[event.cameo]
    assert event.id == "V1" and event.root == event.cameo[:2]
    assert event.goldstein == book["goldstein"] and event.quad_class == book["quad_class"] == 4
    assert event.plover is not None and event.plover.type == book["plover_type"]
    assert event.action.text == "arrested"
    assert record.text[event.source.start:event.source.end] == "Israeli soldiers"
    assert event.date.basis == "published" and event.date.value == "2021-12-07"
    assert 0 < event.confidence <= 1


def test_negated(nlp):
    record, events = _events(nlp, "Iran did not attack Iraq.")
    assert events and events[0].modality == "negated"


def test_not_accepting_is_a_rejection(nlp):
    record, events = _events(nlp, "Syria will not accept Turkish demands.")
    assert events[0].root == "12" and events[0].modality != "negated"


def test_conditional(nlp):
    text = "If Russia invades Ukraine, the United States will impose sanctions on Russia."
    record, events = _events(nlp, text)
    by_root = {e.root: e for e in events}
    assert by_root["19"].modality == "conditional"
    assert _triples([by_root["19"]]) == [("19", "RUS", "UKR")]
    assert any(e.source and e.source.code == "USA" and e.modality == "conditional" for e in events)


def test_future(nlp):
    record, events = _events(nlp, "The French president planned to meet Chinese leaders in Beijing.")
    assert any(e.root == "04" and e.modality == "future" for e in events)
    record, events = _events(nlp, "Finland will give Tanzania a grant.")
    assert events[0].root == "03" and events[0].modality == "future"  # a stated commitment


def test_historical_from_a_time_expression(nlp):
    text = "In 2014 Russia annexed the Crimean peninsula."
    time = TimeExpr(id="T1", start=3, end=7, text="2014", type="DATE", value="2014", sentence=0)
    record, events = _events(nlp, text, times=[time])
    event = events[0]
    assert event.root == "19" and event.modality == "historical"
    assert event.date.basis == "time" and event.date.value == "2014" and event.date.time == "T1"


def test_historical_without_a_time_stage(nlp):
    record, events = _events(nlp, "In 2014 Russia annexed the Crimean peninsula.")
    assert events[0].modality == "historical" and events[0].date.value == "2014"


def test_claimed_warning_about_someone_else(nlp):
    text = "US intelligence warns Russia could prepare an attack on Ukraine."
    record, events = _events(nlp, text)
    claimed = [e for e in events if e.modality == "claimed"]
    assert claimed and claimed[0].source.code.startswith("RUS")
    warner = record.entity(claimed[0].attributed_to)
    assert warner is not None and warner.actor_code == "USASPY"


def test_event_inside_a_quote_is_attributed_to_it(nlp):
    text = 'Kenya said: "Uganda attacked our border posts."'
    start = text.index("Uganda")
    quote = Quote(id="Q1", kind="direct", spans=[(start, len(text) - 2)], text=text[start:-2], sentence=0,
                  speaker=Speaker(name="Kenya"))
    record, events = _events(nlp, text, quotes=[quote])
    attack = [e for e in events if e.root == "19"]
    assert attack and attack[0].attributed_to == "Q1"


def test_two_leaders_meeting_is_reciprocal(nlp):
    text = ("Brazilian President Carla Menezes flew to Nairobi to see Kenyan President Otieno Wafula. "
            "The two leaders held talks on Monday.")
    record, events = _events(nlp, text, entities=[("Carla Menezes", "PERSON", ["Carla Menezes"]),
                                                  ("Otieno Wafula", "PERSON", ["Otieno Wafula"])])
    talks = [e for e in events if e.sentence == 1]
    assert {(e.source.code, e.target.code) for e in talks} == {("BRAGOV", "KENGOV"), ("KENGOV", "BRAGOV")}


def test_plain_statement_only_when_nothing_else(nlp):
    record, events = _events(nlp, "The minister said the weather was fine.")
    assert [e.cameo for e in events] == ["010"]
    record, events = _events(nlp, "Officials said Peru imposed sanctions on Ecuador.")
    assert "010" not in [e.cameo for e in events]


@pytest.mark.parametrize("text", ["", "...", "¿¿¿", "a " * 300, "Said said said."])
def test_odd_text_does_not_raise(nlp, text):
    record, events = _events(nlp, text or " ")
    assert isinstance(events, list)


def test_pattern_dictionaries_only_use_codebook_codes():
    book = codebook()
    for table in (verb_rules(), noun_rules()):  # loading validates every code
        assert table
    for family, codes in families()["codes"].items():
        assert all(code in book for code in codes.values())
    assert book["1312"]["plover_type"] == "THREATEN" and book["1312"]["quad_class"] == 3


def test_example_article_events(pipeline, shared_dir):
    """The Biden–Putin example: every required gold event, and the modality the issue names."""
    import json

    gold = json.loads((shared_dir / "examples" / "biden-putin-call.gold.json").read_text(encoding="utf-8"))
    text = (shared_dir / "examples" / "biden-putin-call.txt").read_text(encoding="utf-8")
    record = pipeline({"text": text, "published": gold["published"]})

    def found(g):
        for e in record.events:
            s = record.sentences[e.sentence]
            if g["contains"] not in record.text[s.start:s.end]:
                continue
            src = e.source.code[:3] if e.source and e.source.code else None
            tgt = e.target.code[:3] if e.target and e.target.code else None
            if (e.root in [g["root"], *g.get("accept_roots", [])] and g["source"] in (None, src)
                    and g["target"] in (None, tgt)):
                return e
        return None

    for g in gold["events"]:
        event = found(g)
        if g["required"]:
            assert event is not None, g["contains"]
        if g.get("modality") and event is not None:
            assert event.modality == g["modality"], g["contains"]
    by_contains = {g["contains"]: found(g) for g in gold["events"]}
    annexation = next(e for c, e in by_contains.items() if c.startswith("In 2014"))
    assert annexation is not None and annexation.modality == "historical"
    call = next(e for c, e in by_contains.items() if "Zelensk" in c)
    assert call is not None and call.modality == "future"
    threat = next(e for c, e in by_contains.items() if "economic and other measures" in c)
    assert threat.modality == "conditional"


def test_protest_to_demand_is_one_protest_event(nlp):
    record, events = _events(nlp, "Thousands of Kenyan students staged rallies in Nairobi to demand political reforms.")
    assert events[0].root == "14"
    assert not any(e.root == "10" for e in events)
