"""Feelings toward an actor coded as praise or criticism of it (events/attitudes.py)."""
from __future__ import annotations

from tidings.extract._doc import DocView
from tidings.extract.actors import extract_actors
from tidings.extract.events import extract_events
from tidings.extract.events.attitudes import feeling_candidates

from ._event_helpers import make_record


def _events(nlp, text, entities=()):
    doc, record = make_record(nlp, text, "1998-08-11", entities)
    record.entities = extract_actors(DocView(doc), record)
    return extract_events(DocView(doc), record)


def _triples(events):
    return {(e.cameo, e.source.code[:3] if e.source and e.source.code else None,
             e.target.code[:3] if e.target and e.target.code else None) for e in events}


def test_heartened_by_cooperation_from_countries_praises_them(nlp):
    text = "The Belgian cabinet was heartened by cooperation from Uganda and Rwanda during the investigation."
    found = _triples(_events(nlp, text))
    assert ("051", "BEL", "UGA") in found and ("051", "BEL", "RWA") in found, found


def test_frustrated_by_an_actors_failure_criticises_the_actor(nlp):
    text = "Iranian officials are frustrated by London's failure to agree a new timetable."
    found = _triples(_events(nlp, text))
    assert ("110", "IRN", "GBR") in found, found


def test_satisfied_with_a_relative_clause_names_the_partner(nlp):
    text = "The Egyptian government is satisfied with the cooperation it has had with authorities in Israel."
    found = _triples(_events(nlp, text))
    assert ("051", "EGY", "ISR") in found, found


def test_feelings_with_no_named_cause_or_negated_are_no_event(nlp):
    for text in ("The Russian government was pleased with the weather.",
                 "The Russian government was not pleased by Ukraine's decision.",
                 "Russian officials were happy."):
        events = _events(nlp, text)
        assert not [e for e in events if e.root in ("05", "11")], (text, _triples(events))


def test_feeling_candidates_skip_words_already_coded(nlp):
    text = "The Belgian cabinet was heartened by cooperation from Uganda."
    doc, record = make_record(nlp, text, "1998-08-11", ())
    record.entities = extract_actors(DocView(doc), record)
    from tidings.extract.events.actors import Resolver
    res = Resolver(doc, record, None)
    sent = next(iter(doc.sents))
    heartened = next(t.i for t in doc if t.text == "heartened")
    assert [c.code for c in feeling_candidates(res, sent, set())] == ["051"]
    assert feeling_candidates(res, sent, {heartened}) == []


def test_a_noun_of_intent_makes_the_act_an_intent_of_its_owner(nlp):
    found = _triples(_events(nlp, "Iran expressed its willingness to negotiate with the United States."))
    assert ("036", "IRN", "USA") in found, found
    found = _triples(_events(nlp, "Lebanon has signalled its readiness to resume negotiations with Israel."))
    assert ("036", "LBN", "ISR") in found, found


def test_no_intention_of_an_act_is_a_negated_intent(nlp):
    events = _events(nlp, "The Israeli government has no intention of withdrawing from Lebanon.")
    intents = [e for e in events if e.root == "03"]
    assert intents and intents[0].source.code[:3] == "ISR" and intents[0].modality == "negated", _triples(events)


def test_a_decision_to_act_is_not_an_intent(nlp):
    events = _events(nlp, "The Russian government defended its decision to negotiate with Ukraine.")
    assert not [e for e in events if e.root == "03"], _triples(events)
