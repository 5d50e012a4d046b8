"""Written words: posts, editorials, emails, letters and documents as cues and speakers
(quotes/attrib.py cues, quotes/speaker.py document authors)."""
from __future__ import annotations

import pytest

from ._quote_helpers import quote_with, run

HEAD = "Budget fight goes on\n\n"
SAID = "\u201cThe plan will hurt working families across the state,\u201d"


@pytest.mark.parametrize("after", ["Smith wrote in a Facebook post.", "wrote Smith, a Democrat, in a tweet.",
                                   "Smith tweeted on Tuesday.", "Smith posted on Instagram."])
def test_written_cues_give_the_writer(nlp, after):
    text = HEAD + SAID + " " + after
    _, quotes = run(nlp, text, [("John Smith", "PERSON", ["Smith"])])
    q = quote_with(quotes, "working families", text)
    assert q.kind == "direct" and q.speaker.entity == "E1"


@pytest.mark.parametrize("after", ["wrote The Chronicle.", "the paper said in an editorial.",
                                   "The Chronicle wrote in an editorial on Sunday."])
def test_editorial_speaker_is_the_publication(nlp, after):
    text = HEAD + SAID + " " + after
    _, quotes = run(nlp, text, [("The Chronicle", "ORG", ["The Chronicle"])])
    q = quote_with(quotes, "working families", text)
    assert q.speaker.mention is not None and q.speaker.mention.text.lower().endswith(("chronicle", "paper"))


@pytest.mark.parametrize("text", [
    HEAD + SAID + " read the letter, signed by 40 lawmakers.",
    HEAD + "The letter, signed by 40 lawmakers, reads: \u201cThe plan will hurt working families across the state.\u201d",
    HEAD + SAID + " the message read.",
])
def test_a_document_that_reads_is_the_speaker(nlp, text):
    # "read" reports words only with a document as its subject (or object, inverted)
    _, quotes = run(nlp, text)
    q = quote_with(quotes, "working families", text)
    assert q.cue is not None and q.cue.lemma == "read"
    assert q.speaker.mention is not None and q.speaker.mention.text.split()[-1] in ("letter", "message")


def test_reading_a_document_aloud_is_no_cue_of_its_words(nlp):
    text = HEAD + "The senator read the report twice before the vote on the bill in the chamber."
    _, quotes = run(nlp, text)
    assert quotes == []


def test_took_to_a_platform_reports_the_post(nlp):
    text = HEAD + "Trump took to Twitter on Tuesday: \u201cThe plan will hurt working families across the state.\u201d"
    _, quotes = run(nlp, text, [("Donald Trump", "PERSON", ["Trump"])])
    q = quote_with(quotes, "working families", text)
    assert q.cue is not None and q.cue.text == "took" and q.speaker.entity == "E1"
    # taking to the streets is no post
    text = HEAD + "Thousands took to the streets on Tuesday: \u201cThe plan will hurt working families.\u201d"
    _, quotes = run(nlp, text)
    assert all(q.cue is None for q in quotes)


@pytest.mark.parametrize("text", [
    HEAD + SAID + " read the email, which was sent by John Smith.",
    HEAD + "The memo, written by deputy director John Smith, said: \u201cThe plan will hurt working families.\u201d",
    HEAD + "A letter from John Smith said: \u201cThe plan will hurt working families across the state.\u201d",
])
def test_a_document_speaks_for_its_author(nlp, text):
    _, quotes = run(nlp, text, [("John Smith", "PERSON", ["John Smith"])])
    q = quote_with(quotes, "working families", text)
    assert q.speaker.entity == "E1"
    assert q.speaker.mention.text.split()[-1] in ("email", "memo", "letter")


def test_email_writer_is_the_speaker(nlp):
    text = HEAD + ("In the email, obtained by reporters, Smith wrote: \u201cWe need to move the files before "
                   "Friday.\u201d")
    _, quotes = run(nlp, text, [("John Smith", "PERSON", ["Smith"])])
    q = quote_with(quotes, "move the files", text)
    assert q.speaker.entity == "E1" and q.cue.text == "wrote"


@pytest.mark.parametrize("after", ["Trump barked.", "Trump scoffed.", "Trump exclaimed.", "Trump scolded him."])
def test_manner_of_speaking_verbs_are_cues(nlp, after):
    text = HEAD + "\u201cGo back to the network that sent you here,\u201d " + after
    _, quotes = run(nlp, text, [("Donald Trump", "PERSON", ["Trump"])])
    q = quote_with(quotes, "Go back", text)
    assert q.cue is not None and q.speaker.entity == "E1"


def test_a_lawsuit_that_reads_is_the_speaker(nlp):
    text = HEAD + "\u201cThe chairman tied these statements to the firing to damage his name,\u201d the suit reads."
    _, quotes = run(nlp, text)
    q = quote_with(quotes, "chairman tied", text)
    assert q.cue is not None and q.cue.lemma == "read" and q.speaker.mention.text == "the suit"
