"""Quotes, time and quantities: gaps of issue #21 found by probing with invented sentences.

Every sentence here was written for these tests; none comes from ../shared.
"""
from __future__ import annotations

import pytest

from tidings.extract._doc import DocView
from tidings.extract.quantities import extract_quantities
from tidings.extract.times import find_times
from tidings.record import Article, Sentence

from ._quote_helpers import run as run_quotes

PUB = "2026-02-10"


def quantities(nlp, text):
    doc = nlp(text)
    record = Article(id="x", text=text, sentences=[Sentence(start=s.start_char, end=s.end_char) for s in doc.sents])
    return extract_quantities(DocView(doc), record)


def times(nlp, text, published=PUB):
    return {text[s:e]: (typ, value) for s, e, typ, value, _ in find_times(text, published, nlp(text))}


# -- quantities ---------------------------------------------------------------------------
def test_glued_m_before_a_plural_noun_is_a_million(nlp):
    got = {q.text: (q.value, q.unit) for q in quantities(nlp, "The club has 1.2m members and shipped 3.5m tonnes of grain.")}
    assert got["1.2m members"] == (1_200_000, "members")
    assert got["3.5m tonnes"][0] == 3_500_000
    # metres stay metres: before a singular, or a round sprint distance
    got = {q.text: (q.value, q.normalized_unit) for q in quantities(nlp, "The fence is a 2m barrier near the 400m hurdles track.")}
    assert got["2m"] == (2, "m")
    got = [(q.value, q.normalized_unit) for q in quantities(nlp, "Ada Lind won the 60m hurdles in Oslo.")]
    assert got == [(60, "m")], got


def test_scale_letter_that_swallowed_the_full_stop(nlp):
    got = [(q.text, q.value) for q in quantities(nlp, "The cottage finally sold for 450K.")]
    assert got == [("450K", 450_000)]
    got = [(q.text, q.value, q.normalized_unit) for q in quantities(nlp, "The cottage finally sold for $450K.")]
    assert got == [("$450K", 450_000, "USD")]


@pytest.mark.parametrize("text, span, unit", [
    ("Orders grew 5 to 7 per cent in the spring.", "5 to 7 per cent", "percent"),
    ("The mill will cut 200 to 300 jobs next year.", "200 to 300 jobs", "jobs"),
    ("Orders grew 4-6% over the summer.", "4-6%", "%"),
])
def test_range_after_a_verb_of_change(nlp, text, span, unit):
    got = [(q.text, q.value, q.low, q.high, q.unit) for q in quantities(nlp, text)]
    assert len(got) == 1 and got[0][0] == span and got[0][1] is None and got[0][4] == unit, got


def test_change_then_level_stays_two_amounts(nlp):
    got = {q.text: q.value for q in quantities(nlp, "The jobless rate fell 0.2 to 4.1 percent in May.")}
    assert got.get("0.2") == pytest.approx(0.2) and got.get("4.1 percent") == pytest.approx(4.1), got


# -- time ---------------------------------------------------------------------------------
def test_year_after_a_plural_time_noun_is_a_date(nlp):
    got = times(nlp, "Profits were weak in the years 2017 and 2018.")
    assert got.get("2017") == ("DATE", "2017") and got.get("2018") == ("DATE", "2018"), got
    assert "2000" not in times(nlp, "The ministry sent 2000 nurses north.")


def test_weekdays_listed_after_a_weekly_set_are_sets(nlp):
    got = times(nlp, "The food bank opens each Monday, Wednesday and Friday.")
    assert got == {"each Monday": ("SET", "XXXX-WXX-1"), "Wednesday": ("SET", "XXXX-WXX-3"),
                   "Friday": ("SET", "XXXX-WXX-5")}
    got = times(nlp, "She trained every Tuesday and raced Thursday.")
    assert got["Thursday"][0] == "DATE"


@pytest.mark.parametrize("text, span, value, norm", [
    ("The charger delivers 65W.", "65W", 65, "w"),
    ("The camera films at 60fps.", "60fps", 60, "fps"),
    ("The camera films at 120 frames per second.", "120 frames per second", 120, "fps"),
    ("His blood pressure was 150mmHg.", "150mmHg", 150, "gpa"),
])
def test_glued_units_at_a_sentence_end_and_frame_rates(nlp, text, span, value, norm):
    got = [(q.text, q.value, q.normalized_unit) for q in quantities(nlp, text)]
    assert got == [(span, value, norm)], got


# -- quotes -------------------------------------------------------------------------------
def quotes(nlp, text):
    return run_quotes(nlp, text)[1]


def test_it_read_after_a_quotation_is_a_document_cue(nlp):
    text = ('The notice was brief. "The pool will close for repairs," it said. '
            '"Members will be told when it reopens," it read.')
    got = [(q.text, q.cue.text if q.cue else None) for q in quotes(nlp, text)]
    assert ('"Members will be told when it reopens,"', "read") in got, got


def test_a_quoted_subheading_alone_on_its_line_is_no_quote(nlp):
    text = ('The shop had been in the family for years. "We never thought of selling," Ada Moss said.\n\n'
            '"Trouble On Main Street."\n\n'
            'Then the rent doubled.')
    got = [q.text for q in quotes(nlp, text)]
    assert not any("Trouble" in t for t in got), got


def test_a_document_that_reads_is_the_cue_of_its_words(nlp):
    text = 'Outside, a banner which read "Save the pier" hung from the railings.'
    got = [(q.text, q.cue.text if q.cue else None, q.speaker.name if q.speaker else None) for q in quotes(nlp, text)]
    assert got == [('"Save the pier"', "read", "banner")], got


def test_an_as_clause_cue_reports_the_clause_it_hangs_on(nlp):
    text = 'As Senator Ruth Hale has pointed out, the bill is "a gift to the banks."'
    got = [(q.text, q.kind, q.speaker.name if q.speaker else None) for q in
           quotes(nlp, text) if q.cue is not None and q.cue.text == "pointed"]
    assert got == [('the bill is "a gift to the banks."', "mixed", "Senator Ruth Hale")], got
    text = "The old mill needs a new roof, as the council noted."
    assert any(q.text.startswith("The old mill") and q.cue.text == "noted" for q in quotes(nlp, text))
    # a time, not a source: no comma before "as" after the main clause
    text = "The crowd grew quiet as the mayor called for calm."
    assert not any(q.cue is not None and q.cue.text == "called" and "crowd" in q.text for q in quotes(nlp, text))


@pytest.mark.parametrize("text, title", [
    ('In her 2019 memoir, "Roads Home," Vera Salo described the farm.', "Roads Home"),
])
def test_a_titled_work_or_show_is_no_quote(nlp, text, title):
    got = [q.text for q in quotes(nlp, text)]
    assert not any(title in t and len(t) < len(title) + 6 for t in got), got


def test_a_bare_title_heading_a_headline_quote_is_the_article_person_with_that_role(nlp):
    from tidings.extract.quotes import extract_quotes
    from tidings.record import Entity, Mention

    text = ('Mayor on flood plan: "Too little, too late"\n\n'
            'Mayor Ines Duarte criticised the state flood plan on Monday.')
    doc = nlp(text)
    art = Article(id="t", text=text, sentences=[Sentence(start=s.start_char, end=s.end_char) for s in doc.sents])
    pos = text.index("Ines Duarte")
    art.entities = [Entity(id="E1", name="Ines Duarte", type="PERSON", role="mayor",
                           mentions=[Mention(start=pos, end=pos + 11, text="Ines Duarte", sentence=1)])]
    got = [(q.text, q.speaker.entity if q.speaker else None) for q in extract_quotes(DocView(doc, text), art)]
    assert ('"Too little, too late"', "E1") in got, got


def test_a_year_earlier_after_an_amount_is_no_rate(nlp):
    got = {q.text: q.normalized_unit for q in quantities(nlp, "The jobless rate was 5.1%, up from 4.6% a year earlier.")}
    assert got == {"5.1%": "percent", "4.6%": "percent"}, got
    got = {q.text: q.normalized_unit for q in quantities(nlp, "Cleaners will earn $19 an hour from May.")}
    assert got == {"$19 an hour": "USD/hour"}, got
    got = {q.text: q.normalized_unit for q in quantities(nlp, "She trains 12 hours a week on average.")}
    assert got == {"12 hours a week": "hour/week"}, got


def test_a_counted_noun_stops_before_the_next_number_of_a_list(nlp):
    got = {q.text: q.unit for q in quantities(nlp, "The couple have one son and two daughters.")}
    assert got == {"one son": "son", "two daughters": "daughters"}, got


def test_straight_or_consecutive_units_are_one_duration(nlp):
    got = times(nlp, "Rents climbed for four straight months and fell for two consecutive quarters.")
    assert got == {"four straight months": ("DURATION", "P4M"), "two consecutive quarters": ("DURATION", "P2Q")}, got


def test_a_relative_clause_verb_is_not_the_cue_of_its_antecedent(nlp):
    text = '"The water is brown again," one tenant, who asked not to be named, told the paper.'
    got = [(q.cue.text if q.cue else None, q.speaker.mention.text if q.speaker and q.speaker.mention else None)
           for q in quotes(nlp, text)]
    assert got == [("told", "one tenant")], got



def test_an_as_clause_after_if_is_not_a_source_for_the_host_clause(nlp):
    """A parse that hangs "as X suggested" on the verb before "if" (as the small model sometimes does): the host
    clause is not what was suggested."""
    from spacy.tokens import Doc

    from tidings.extract.quotes.attrib import _as_clause

    words = ["It", "could", "fail", "if", ",", "as", "Lee", "suggested", ",", "fees", "rise", "."]
    heads = [2, 2, 2, 10, 7, 7, 7, 2, 7, 10, 2, 2]
    deps = ["nsubj", "aux", "ROOT", "mark", "punct", "mark", "nsubj", "advcl", "punct", "nsubj", "advcl", "punct"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps)
    cue = doc[7]
    assert not _as_clause(cue, list(cue.children))
    words[3] = "today"  # "It could fail today, as Lee suggested, …": the host clause is what was said
    deps[3] = "npadvmod"
    heads[3] = 2
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps)
    assert _as_clause(doc[7], list(doc[7].children))
