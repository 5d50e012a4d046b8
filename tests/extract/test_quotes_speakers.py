"""Speakers (quotes/speaker.py, attrib.speaker_head): who says what a quote holds."""
from __future__ import annotations

from ._quote_helpers import quote_with, run

HEAD = "Budget fight goes on\n\n"


def test_saying_inside_a_prepositional_phrase_belongs_to_the_outer_subject(nlp):
    text = HEAD + ("Dean, a medical doctor, appeared on MSNBC on Tuesday and began by saying he would "
                   "\u201cnever\u201d diagnose someone through television.")
    _, quotes = run(nlp, text, [("Howard Dean", "PERSON", ["Dean"])])
    q = quote_with(quotes, "never", text)
    assert q.speaker.entity == "E1"


def test_by_saying_adds_no_indirect_quote_of_its_own(nlp):
    text = HEAD + "Flynn said Trump was right in saying the generals had been reduced to rubble by the war."
    _, quotes = run(nlp, text, [("Michael Flynn", "PERSON", ["Flynn"])])
    assert [q.cue.text for q in quotes] == ["said"]


def test_a_country_that_speaks_is_the_speaker(nlp):
    text = HEAD + ("South Korea accused the North\u2019s leader of \u201cfanatic recklessness.\u201d "
                   "Russia insisted that Pyongyang \u201cstop its dangerous escapades.\u201d")
    _, quotes = run(nlp, text)
    assert quote_with(quotes, "fanatic", text).speaker.mention.text == "South Korea"
    assert quote_with(quotes, "escapades", text).speaker.mention.text == "Russia"


def test_a_place_that_is_no_subject_does_not_speak(nlp):
    text = HEAD + "\u201cThe violence in the city must end now,\u201d Chicago residents told the mayor on Monday."
    _, quotes = run(nlp, text)
    q = quote_with(quotes, "violence", text)
    assert q.speaker.mention is None or q.speaker.mention.text != "Chicago"
