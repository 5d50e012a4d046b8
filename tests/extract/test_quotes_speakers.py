"""Speakers (quotes/speaker.py, attrib.speaker_head): who says what a quote holds."""
from __future__ import annotations

from ._quote_helpers import quote_with, run

HEAD = "Budget fight goes on\n\n"


def test_saying_inside_a_prepositional_phrase_belongs_to_the_outer_subject(nlp):
    text = HEAD + ("Frist, a heart surgeon, went on CNN on Sunday and opened by saying he would "
                   "\u201cnever\u201d judge a patient's health from a video.")
    _, quotes = run(nlp, text, [("Bill Frist", "PERSON", ["Frist"])])
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


def test_a_cue_set_off_by_commas_before_a_quotation(nlp):
    # "But, he said, “there's …”": the quotation starts lower-case (no sentence of its own) and the
    # reporting verb hangs on its clause; PolNeAR's content is the whole clause
    text = HEAD + ("Judges may be criticized. But, he said, \u201cthere\u2019s a line between fair criticism and "
                   "attacks on the courts themselves.\u201d")
    _, quotes = run(nlp, text)
    q = quote_with(quotes, "a line between", text)
    assert q.text.startswith("But, he said, \u201cthere") and q.speaker.mention.text == "he" and q.cue.text == "said"
    text = HEAD + ("The lawyers filed on Monday. These records, the lawyers said, \u201call point to the same "
                   "answer\u201d that the company obeyed the law.")
    _, quotes = run(nlp, text)
    q = quote_with(quotes, "all point", text)
    assert q.text.startswith("These records") and q.speaker.mention.text == "the lawyers"


def test_a_quotation_over_a_sentence_end_takes_the_cue_after_it(nlp):
    # the quotation starts inside its sentence and runs over a sentence end: the parse does not
    # link it to "said Heiserman", which follows it at once
    text = HEAD + ("The vote was rushed. The council decision \u201ccame so early that few residents knew what "
                   "the plan was. Everyone was still arguing about parking,\u201d said Heiserman of the tenants. "
                   "\u201cIt was a mistake.\u201d")
    _, quotes = run(nlp, text, [("Jo Heiserman", "PERSON", ["Heiserman"])])
    q = quote_with(quotes, "came so early", text)
    assert q.text.startswith("The council decision") and q.speaker.entity == "E1"
    assert quote_with(quotes, "It was a mistake", text) is q  # the next quotation goes on with it


def test_a_sentence_that_reports_speech_without_words_gives_the_next_quotation_its_speaker(nlp):
    text = HEAD + ("Sam Lau, the party's spokesman, said in a short statement. \u201cNo paper ballots exist to "
                   "count again. The meetings were one of a kind.\u201d")
    _, quotes = run(nlp, text, [("Sam Lau", "PERSON", ["Sam Lau"])])
    q = quote_with(quotes, "No paper ballots", text)
    assert q.speaker.entity == "E1" and q.cue.text == "said"
    # a sentence with words of its own, or no reporting verb, gives none
    text = HEAD + "The mayor spoke on Monday. \u201cNo paper ballots exist to count again. It was unique.\u201d"
    _, quotes = run(nlp, text)
    assert quote_with(quotes, "No paper ballots", text).cue is None


def test_a_name_right_before_a_colon_speaks(nlp):
    text = HEAD + ("The jump is no surprise to the Democratic strategist Daron Shaw: \u201cLittle-known outsiders who "
                   "do well in the first states usually get a lift.\u201d")
    _, quotes = run(nlp, text, [("Daron Shaw", "PERSON", ["Daron Shaw"])])
    q = quote_with(quotes, "Little-known", text)
    assert q.speaker.entity == "E1"
    text = HEAD + "The plan has two parts on paper: \u201cRebuild the bridge and repair the roads before May.\u201d"
    _, quotes = run(nlp, text)
    assert quote_with(quotes, "Rebuild", text).speaker.mention is None


def test_a_cue_set_off_by_commas_beats_a_verb_that_only_has_an_agent(nlp):
    # "support" has a subject, but "Carson added" is who reports the words
    text = HEAD + 'But, Carson added, he would not support closing the borders "willy-nilly."'
    _, quotes = run(nlp, text, [("Ben Carson", "PERSON", ["Carson"])])
    q = quote_with(quotes, "willy-nilly", text)
    assert q.cue.text == "added" and q.speaker.mention.text == "Carson"
