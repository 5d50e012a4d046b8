"""Quotation regions (quotes/marks.py): styles that nest, paragraphs that do or do not go on."""
from __future__ import annotations

from tidings.extract.quotes.marks import find_regions

from ._quote_helpers import quote_with, run


def _texts(text):
    return [[text[a:b] for a, b in r.spans] for r in find_regions(text)]


def test_a_curly_quotation_inside_a_straight_one_is_nested():
    text = '"He called the plan \u201ca sham\u201d and walked out of the room," the aide said.'
    assert _texts(text) == [['"He called the plan \u201ca sham\u201d and walked out of the room,"']]


def test_an_open_quote_goes_on_only_into_a_paragraph_opening_with_the_same_mark():
    text = ('"The first paragraph of a block quote is left open here.\n\n'
            '\u201cThis is a new quotation,\u201d she said on Monday.')
    regions = find_regions(text)
    assert [len(r.spans) for r in regions] == [1, 1]
    assert text[regions[1].start:regions[1].end] == "\u201cThis is a new quotation,\u201d"
    # the same mark again: one quote over two paragraphs (the usual convention)
    text = '\u201cThe first paragraph goes on.\n\n\u201cThe second one ends it,\u201d she said.'
    assert [len(r.spans) for r in find_regions(text)] == [2]
    # and a chain that was carried stops where the style changes
    text = ('"One paragraph left open.\n\n"Another one left open.\n\n'
            '\u201cA quotation of its own,\u201d she said.')
    assert [len(r.spans) for r in find_regions(text)] == [2, 1]


def test_transcript_turns_are_quotes_of_their_own(nlp):
    text = ('Town hall\n\n"HOLT: Is she coming to the forum on Sunday, senator?\n\n'
            '"KAINE: Well, look, she treats this like a round of \u201cFamily Feud.\u201d But this is serious '
            'business for all of us.\n\n"HOLT: Do you think the two plans are alike?')
    regions = find_regions(text)
    assert [len(r.spans) for r in regions] == [1, 1, 1]
    _, quotes = run(nlp, text, [("Tim Kaine", "PERSON", ["KAINE"]), ("Lester Holt", "PERSON", ["HOLT"])])
    q = quote_with(quotes, "Well, look", text)
    assert q.speaker.entity == "E1" and "serious business" in q.text and "Do you" not in q.text


def test_a_straight_mark_glued_to_a_curly_one_is_stray():
    text = ('"\u201cYou do not win the nomination by counting states,\u201d Rubio said before adding that he '
            'will win in March."')
    assert _texts(text)[0] == ["\u201cYou do not win the nomination by counting states,\u201d"]


def test_a_phrase_left_open_mid_sentence_does_not_swallow_the_next_paragraph():
    # the closing mark of "a vague thing" was dropped; the next paragraph's quotation is its own
    text = ("Grayson said the plan is \u201creally a vague thing to promise.\n\n"
            "\u201cOur job here is to pass laws,\u201d Grayson said. \u201cWe vote on bills.\u201d")
    texts = _texts(text)
    assert ["\u201cOur job here is to pass laws,\u201d"] in texts
    # a quotation opened at a sentence start still runs over paragraphs
    text = "She said: \u201cThe first paragraph goes on.\n\n\u201cThe second one ends it.\u201d"
    assert [len(r.spans) for r in find_regions(text)] == [2]
