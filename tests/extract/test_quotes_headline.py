"""Quotes in headlines (quotes/headline.py): "Speaker: 'quotation'" and "Speaker: claim"."""
from __future__ import annotations

from tidings.extract.quotes.headline import headline_quote, headline_statement

from ._quote_helpers import quote_with, run

BODY = "\n\nThe remarks came on Tuesday during a visit to a school in the north of the state."


def test_headline_quote_is_said_by_the_phrase_before_the_colon(nlp):
    text = ("Senator on leak: 'Shameful'\n\nSenator Maria Lopez spoke on Tuesday about the leak of the memo "
            "to reporters in Washington.")
    _, quotes = run(nlp, text, [("Maria Lopez", "PERSON", ["Maria Lopez"])])
    q = quote_with(quotes, "Shameful", text)
    assert q.kind == "direct" and q.speaker.mention is not None and q.speaker.mention.text.endswith("Senator")
    # not a headline: a colon in a body sentence, or no quotation at the end
    assert headline_quote("Mayor: \u201cWe will rebuild\u201d\nBody.") is not None
    assert headline_quote("The plan has two parts: 'rebuild' and 'repair' the town.\nBody.") is None
    assert headline_quote("Senator on leak: shameful\nBody.") is None


def test_headline_sentence_quote_keeps_the_name_before_the_colon(nlp):
    # a quoted sentence is a quote of its own for the region step too; that step found no cue and no
    # speaker, and the headline's name must win
    text = "Obama: 'We will not back down'" + BODY + " Barack Obama spoke for an hour."
    _, quotes = run(nlp, text, [("Barack Obama", "PERSON", ["Barack Obama", "Obama"])])
    q = quote_with(quotes, "We will not back down", text)
    assert q.kind == "direct" and q.speaker.entity == "E1" and q.speaker.mention.text == "Obama"
    assert len([x for x in quotes if x.spans[0][0] < text.index("\n")]) == 1


def test_headline_quote_with_topic_and_final_period(nlp):
    text = "Mayor Jane Doe on budget: \u201cThere is nothing left to cut.\u201d." + BODY
    _, quotes = run(nlp, text, [("Jane Doe", "PERSON", ["Jane Doe"])])
    q = quote_with(quotes, "nothing left to cut", text)
    assert q.speaker.entity == "E1" and q.speaker.mention.text.endswith("Doe")


def test_headline_claim_without_marks_needs_a_named_speaker(nlp):
    text = "Kaine: Guests Won\u2019t Be at Rally, Clinton Was Teasing Trump Camp." + BODY + \
        " Tim Kaine said so on CNN."
    _, quotes = run(nlp, text, [("Tim Kaine", "PERSON", ["Tim Kaine"]), ("Hillary Clinton", "PERSON", ["Clinton"])])
    q = quote_with(quotes, "Guests Won", text)
    assert q.text == "Guests Won\u2019t Be at Rally, Clinton Was Teasing Trump Camp"
    assert q.kind == "indirect" and q.speaker.entity == "E1" and q.speaker.mention.text == "Kaine"
    # a poll says what it found
    text = "Poll: Wealthy Voters Abandon the Party for the Challenger." + BODY
    _, quotes = run(nlp, text)
    assert quote_with(quotes, "Wealthy Voters", text).speaker.mention.text == "Poll"
    # a label before the colon names no one: no quote
    for title in ("The Latest: Storm Closes Roads Across the County.", "Stealth Over Health: Plans Changed at the Last Minute."):
        text = title + BODY
        _, quotes = run(nlp, text)
        assert not [q for q in quotes if q.spans[0][0] < len(title)], title


def test_headline_claim_gives_a_fragment_inside_it_to_the_speaker(nlp):
    # the region step reads 'get away from all this' as a fragment said by the name inside the claim
    text = "Sanders: Clinton Needs to 'Get Away From All This' With Trump." + BODY + " Bernie Sanders spoke."
    _, quotes = run(nlp, text, [("Bernie Sanders", "PERSON", ["Bernie Sanders"]), ("Hillary Clinton", "PERSON", ["Clinton"])])
    q = quote_with(quotes, "Get Away", text)
    assert q.text.startswith("Clinton Needs") and q.speaker.entity == "E1" and q.kind == "mixed"


def test_headline_statement_shape():
    assert headline_statement("Poll: Clinton leads in Ohio.\nBody.") == ((6, 27), 0)
    assert headline_statement("Ukraine: Day 3\nBody.") is None  # too short to be a claim
    assert headline_statement("A Very Long Label Made of Many Words Here: Something Happened Today\nBody.") is None
    assert headline_statement("No colon in this headline at all\nBody.") is None


def test_headline_says_claim_front_and_back(nlp):
    from tidings.extract.quotes.headline import headline_says

    text = "Glenn Beck Says Trump And His Allies Pose A Threat To Democracy." + BODY + " Glenn Beck spoke."
    _, quotes = run(nlp, text, [("Glenn Beck", "PERSON", ["Glenn Beck"])])
    q = quote_with(quotes, "Pose A Threat", text)
    assert q.text == "Trump And His Allies Pose A Threat To Democracy" and q.speaker.entity == "E1"
    assert q.cue is not None and q.cue.text == "Says"
    text = "Senator Kept Old Tax Records From Voters, Former Campaign Doctor Says." + BODY
    _, quotes = run(nlp, text)
    q = quote_with(quotes, "Tax Records", text)
    assert q.text == "Senator Kept Old Tax Records From Voters" and q.speaker.mention.text.endswith("Doctor")
    # a fragment the body step gave to a name inside the claim goes to the headline's speaker
    text = "Kelly says Obama 'entirely correct' in saying the army was stretched thin." + BODY + " Kelly spoke."
    _, quotes = run(nlp, text, [("John Kelly", "PERSON", ["Kelly"]), ("Barack Obama", "PERSON", ["Obama"])])
    q = quote_with(quotes, "entirely correct", text)
    assert q.text == "Obama 'entirely correct' in saying the army was stretched thin" and q.speaker.entity == "E1"
    # who says nothing that names someone: no quote
    assert headline_says("Nobody In The Whole Wide World Of Sports Says Anything Here.\nBody.") is None
    assert headline_says("Mayor Says Yes.\nBody.") is None  # too short to be a claim
