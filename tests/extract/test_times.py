"""Time expressions: spans, types, TIMEX3 values anchored on the publication date.

Core tests use hand-written sentences (no ../shared). The model-backed tests parse a few
sentences with the session spaCy model to check tense-driven choices; the acceptance test on
the example article skips when ../shared is absent.
"""
from __future__ import annotations

import json
import time

import pytest

from tidings.extract.times.anchor import resolve_month, resolve_month_day, resolve_season, resolve_weekday
from tidings.extract.times.lexicon import number_value, year_value
from tidings.extract.times.normalize import duration_value
from tidings.extract.times import extract_times, find_times
from tidings.record import Article, RemovedLine, Sentence

PUB = "2021-12-07"  # a Tuesday, ISO week 49


def values(text: str, published: str | None = PUB, doc=None) -> dict[str, str]:
    return {text[s:e]: v for s, e, _, v, _ in find_times(text, published, doc)}


def one(text: str, published: str | None = PUB, doc=None) -> tuple[str, str, str, str | None]:
    found = find_times(text, published, doc)
    assert len(found) == 1, found
    s, e, typ, value, mod = found[0]
    return text[s:e], typ, value, mod


# -- calendar arithmetic ---------------------------------------------------------------
def test_weekday_resolution_back_forward_and_same_day():
    from datetime import date

    tue = date(2021, 12, 7)
    assert resolve_weekday(tue, 5, -1) == date(2021, 12, 3)
    assert resolve_weekday(tue, 2, -1) == tue  # same day allowed
    assert resolve_weekday(tue, 2, -1, strict=True) == date(2021, 11, 30)
    assert resolve_weekday(tue, 4, 1) == date(2021, 12, 9)
    assert resolve_weekday(tue, 1, 1, strict=True) == date(2021, 12, 13)


def test_month_without_year_prefers_the_past_unless_near_or_future():
    from datetime import date

    dec = date(2021, 12, 7)
    assert resolve_month(dec, 1, 0) == 2022  # next month is near: the planned January
    assert resolve_month(dec, 1, -1) == 2022
    assert resolve_month(dec, 6, 0) == 2021
    assert resolve_month(date(1989, 10, 30), 3, 0) == 1989
    assert resolve_month(date(1989, 10, 30), 3, 1) == 1990
    assert resolve_month_day(date(2000, 1, 15), 1, 14, 1) == date(2000, 1, 14)
    assert resolve_month_day(date(1989, 11, 2), 11, 20, -1) == date(1989, 11, 20)


def test_seasons():
    from datetime import date

    assert resolve_season(date(2021, 12, 7), "SP", "last") == "2021-SP"
    assert resolve_season(date(2021, 4, 7), "SP", "last") == "2020-SP"
    assert resolve_season(date(2021, 12, 7), "SU", "next") == "2022-SU"


def test_numbers_and_durations():
    assert number_value("twenty-four") == 24
    assert number_value("a couple of") == 2
    assert number_value("2 1/2") == 2.5
    assert year_value("nineteen ninety-six") == 1996
    assert year_value("two thousand") == 2000
    assert duration_value(2, "Y") == "P2Y"
    assert duration_value(None, "M") == "PXM"
    assert duration_value(2, "H") == "PT2H"
    assert duration_value(1.5, "MIN") == "PT1M30S"
    assert duration_value(2, "10Y") == "P20Y"


# -- expressions without a parse -------------------------------------------------------------
@pytest.mark.parametrize("text,span,value", [
    ("Putin said last week that the talks failed.", "last week", "2021-W48"),
    ("Blinken said last month it was a mistake.", "last month", "2021-11"),
    ("Prices rose this year and will rise next year.", "this year", "2021"),
    ("The rearmament last spring was a show of force.", "last spring", "2021-SP"),
    ("In 2014 Russia annexed the peninsula.", "2014", "2014"),
    ("The deal closed on Dec. 3, 2020, in London.", "Dec. 3, 2020", "2020-12-03"),
    ("It happened on 3 March 2019 in Kyiv.", "3 March 2019", "2019-03-03"),
    ("Sales in June 1989 were flat.", "June 1989", "1989-06"),
    ("The peace held in the 1990s.", "the 1990s", "199"),
    ("It was the worst war of the 20th century.", "the 20th century", "19"),
    ("Output fell in the third quarter.", "the third quarter", "2021-Q3"),
    ("They met two weeks ago in Geneva.", "two weeks ago", "2021-11-23"),
    ("He left five years ago.", "five years ago", "2016"),
    ("Profit rose over the past two weeks.", "the past two weeks", "P2W"),
    ("The talks lasted two hours.", "two hours", "PT2H"),
    ("They held a two-hour video call.", "a two-hour", "PT2H"),
    ("Troops massed there for several months.", "several months", "PXM"),
    ("Fiscal 1990 results were weak.", "Fiscal 1990", "1990"),
    ("He is in Brussels now.", "now", "PRESENT_REF"),
    ("Officials met yesterday.", "yesterday", "2021-12-06"),
    ("The vote is tomorrow.", "tomorrow", "2021-12-08"),
    ("The markets open daily.", "daily", "P1D"),
    ("Shops close every Sunday.", "every Sunday", "XXXX-WXX-7"),
    ("The blast came at 10:35 a.m. on Friday.", "10:35 a.m. on Friday", "2021-12-03T10:35"),
    ("Families gather at Christmas.", "Christmas", "2021-12-25"),
    ("It was a terrible year in nineteen ninety-six.", "nineteen ninety-six", "1996"),
])
def test_values_without_parse(text, span, value):
    assert values(text).get(span) == value, find_times(text, PUB)


def test_story_time_and_clock_details():
    text = "He was made a general on May 22, 1995, and the following year he retired."
    assert values(text)["the following year"] == "1996"
    text = "Police said the fire started at about 4:20 p.m. (1320 GMT) Friday near the port."
    assert values(text)["about 4:20 p.m. (1320 GMT) Friday"] == "2021-12-03T16:20"
    assert values("Mr Smith planned to call allies later Monday.")["later Monday"] == "2021-12-06"
    assert one("The deadline passed a week or so ago.")[2] == "2021-11-30"
    assert one("Three days later the talks resumed.")[1:3] == ("DURATION", "P3D")


def test_modifiers():
    assert one("Output rose early next year, analysts hope.")[2:] == ("2022", "START")
    assert one("It ends in mid-1996 at the latest.")[2:] == ("1996", "MID")
    assert one("They spoke for more than four hours.")[2:] == ("PT4H", "MORE_THAN")
    assert one("It could take at least 30 days.")[2:] == ("P30D", "EQUAL_OR_MORE")
    assert one("The strike ended late last year.")[2:] == ("2020", "END")


def test_spans_leave_out_prepositions():
    assert one("The talks began on Tuesday.")[0] == "Tuesday"
    assert one("They arrived in January.")[0] == "January"


def test_no_publication_date_leaves_values_unresolved():
    vals = values("He called Tuesday and will travel in January. Last week was calm.", None)
    assert vals["Tuesday"] == "XXXX-WXX-2"
    assert vals["January"] == "XXXX-01"
    assert vals["Last week"] == "XXXX-WXX"
    assert values("The fire began on Dec. 25.", None)["Dec. 25"] == "XXXX-12-25"
    assert values("It was built in 1990.", None)["1990"] == "1990"  # explicit years need no anchor


def test_non_times_are_left_alone():
    assert find_times("He may go to the March for Life with Jan and 2,000 troops.", PUB) == []
    assert find_times("The index closed at 1678.5 points.", PUB) == []
    assert find_times("She is a 6-year-old girl, 52 years old.", PUB) == []
    assert find_times("They save $500 million a year.", PUB) == []
    assert find_times("", PUB) == []


def test_odd_text_never_raises():
    for text in ["\x00\x01", "Feb. 31, 2021", "13/45/2020", "week" * 500, "the 99th century", "\n\n\n",
                 "Monday" * 3, "30 February"]:
        find_times(text, PUB)
        find_times(text, "not a date")


def test_speed_is_a_small_fraction_of_a_parse():
    # dense business prose, a time expression every 80 characters: the worst case for the windows
    text = ("Officials said on Tuesday that the third-quarter loss widened to $5 million, or 12 cents a share, "
            "from a year earlier, and that sales would recover by March 1990. ") * 100
    plain = "The committee heard witnesses and the minister answered questions about the budget. " * 200
    find_times("warm up on Monday", PUB)
    started = time.perf_counter()
    find_times(text, PUB)
    dense = time.perf_counter() - started
    started = time.perf_counter()
    assert find_times(plain, PUB) == []
    sparse = time.perf_counter() - started
    # spaCy's small model parses ~15,000 characters a second on one core; stay far below that
    assert dense < 2.5 and sparse < 0.5, (dense, sparse)


# -- the record ---------------------------------------------------------------------------
def test_extract_times_fills_ids_sentences_and_captions():
    text = "Biden spoke Tuesday. Putin replied last week."
    record = Article(id="x", text=text, published=PUB,
                     sentences=[Sentence(start=0, end=20), Sentence(start=21, end=len(text))],
                     removed_lines=[RemovedLine(line=4, text="Biden speaks in the Rose Garden on Tuesday, December 7, 2021.",
                                                reason="caption"),
                                    RemovedLine(line=6, text="Photo taken Monday.", reason="credit")])
    times = extract_times(None, record)
    assert [t.id for t in times] == ["T1", "T2", "T3"]
    assert [(t.text, t.value, t.sentence) for t in times[:2]] == [("Tuesday", "2021-12-07", 0),
                                                                  ("last week", "2021-W48", 1)]
    caption = times[2]
    assert caption.removed_line == 4 and caption.value == "2021-12-07"
    assert record.removed_lines[0].text[caption.start:caption.end] == "Tuesday, December 7, 2021"
    assert record.times == []  # returns the value, leaves the record alone
    undated = record.model_copy(update={"published": None})
    assert [t.value for t in extract_times(None, undated)] == ["XXXX-WXX-2", "XXXX-WXX", "2021-12-07"]


# -- with the parse: tense decides past or next -----------------------------------------------
@pytest.fixture(scope="module")
def parse(nlp):
    return lambda text: nlp(text)


@pytest.mark.parametrize("text,span,value", [
    ("The minister met his counterpart Friday.", "Friday", "2021-12-03"),
    ("The minister will meet his counterpart Friday.", "Friday", "2021-12-10"),
    ("Talks are set to resume Thursday in Vienna.", "Thursday", "2021-12-09"),
    ("The two leaders spoke Tuesday by video.", "Tuesday", "2021-12-07"),
    ("The minister said the plan, which failed Wednesday, was dead.", "Wednesday", "2021-12-01"),
    ("The ministers met in March to discuss the plan.", "March", "2021-03"),
    ("The ministers will meet in March to discuss the plan.", "March", "2022-03"),
])
def test_tense_decides(parse, text, span, value):
    assert values(text, PUB, parse(text)).get(span) == value


def test_example_article(shared_dir):
    gold_path = shared_dir / "examples" / "biden-putin-call.gold.json"
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    raw = gold_path.with_name("biden-putin-call.txt").read_text(encoding="utf-8")
    from tidings.items import InputItem
    from tidings.pipeline import STAGES, Pipeline

    times_only = Pipeline(stages=[s for s in STAGES if s.name == "times"])
    article = next(times_only.pipe([InputItem(text=raw, published=gold["published"])]))
    lines = {r.line: r.text for r in article.removed_lines}
    missed = []
    for want in gold["times"]:
        ok = False
        for t in article.times:
            source = article.text if t.removed_line is None else lines[t.removed_line]
            at = source.find(want["contains"])
            if at < 0:
                continue
            s = at + want["contains"].find(want["text"])
            if t.start < s + len(want["text"]) and s < t.end and t.value == want["value"]:
                ok = True
        if not ok:
            missed.append(want)
    assert not missed


# -- speed devices give the same matches ---------------------------------------------------
_SPEED_TEXTS = [
    "Three years ago, on Monday, March 3, 2020, the fund lost about two days of trading at 10:30 a.m. EST.",
    "In the third quarter of fiscal 2021 sales rose; the next week, and every 33 years since the 1990s, later that year.",
    "A 19-year-old spent the past six months and several weeks abroad; the year-end figures came a fortnight later.",
    "THE SUMMIT ON TUESDAY lasted 3 1/2 hours; early last spring, mid-December and the weekend before that.",
    "Café owners said “last night” and ‘this morning’ — around midnight on Christmas Day, two thousand and five.",
    "The \u017fecond week and the next wee\u212a (odd case folding) and 4\u00bd days, \u0661\u0662 months, d\u00e9cembre 2021.",
    "Sales fell in \u00c9t\u00e9 2020 and during the next \u017feason; \u00bd a year later the \u0130stanbul office closed.",
    "Nothing here at all but words like company, nothing and someone.",
]


def test_rule_lookaheads_keep_every_match():
    import re

    from tidings.extract.times.lexicon import rule_sources, rules

    fast = dict(rules())
    for name, source, flags in rule_sources():
        plain = re.compile(source, flags)
        for text in _SPEED_TEXTS:
            got = [(m.span(), m.groups()) for m in fast[name].finditer(text)]
            want = [(m.span(), m.groups()) for m in plain.finditer(text)]
            assert got == want, (name, text)


def test_window_filters_keep_every_candidate():
    import re

    import tidings.extract.times as T
    from tidings.extract.times.lexicon import rule_sources

    plain = [(name, re.compile(source, flags)) for name, source, flags in rule_sources()]
    for text in _SPEED_TEXTS:
        want = []
        for priority, (name, pattern) in enumerate(plain):  # every rule over every window, no filter
            for ws, we in T._windows(text):
                for m in pattern.finditer(text, ws, we):
                    s, e = m.span()
                    while e > s and text[e - 1] in " \t\n,;:-":
                        e -= 1
                    if e > s:
                        want.append((s, e, priority, name))
        got = [(s, e, p, name) for s, e, p, name, _ in T._candidates(text)]
        assert got == want, text
        assert got or text.startswith("Nothing")


def test_year_ranges_mark_both_ends():
    text = "The project ran in 2011-2012, the dam was built in 1961-62 and the survey covered 1999-00."
    found = {text[s:e]: v for s, e, _, v, _ in find_times(text, "2018-02-10")}
    assert found["2011"] == "2011" and found["2012"] == "2012"
    assert found["1961"] == "1961" and found["62"] == "1962"
    assert found["00"] == "2000"
    # not ranges: a span too wide, a score, a number that is not a year
    text = "It covers 1950-2049, the score was 20-12 and the model is a 1961-9."
    found = {text[s:e]: v for s, e, _, v, _ in find_times(text, "2018-02-10")}
    assert "2049" not in found and "12" not in found and "9" not in found


def test_anaphoric_days_count_from_the_preceding_time():
    text = ("The plant closed on Oct. 23, 1998. The day before, workers met. The next morning the gates were locked. "
            "Earlier that day a letter came. The following week the owners sold.")
    got = {text[s:e]: (typ, v, mod) for s, e, typ, v, mod in find_times(text, PUB)}
    assert got["Oct. 23, 1998"][1] == "1998-10-23"
    assert got["The day before"] == ("DATE", "1998-10-22", None)
    # the next anaphor counts from the last time reached ("the day before"), not from the first date
    assert got["The next morning"] == ("DATE", "1998-10-23", None)
    assert got["Earlier that day"] == ("DATE", "1998-10-23", "START")
    assert got["The following week"] == ("DATE", "1998-W44", None)


def test_anaphoric_times_months_and_coarser_references():
    assert values("In March 1989 the firm failed. The following month its chief quit.")["The following month"] == "1989-04"
    assert values("It fell last October. His name was crossed out that same day.")["that same day"] == "2021-10-XX"
    assert one("That morning it snowed.")[1:3] == ("TIME", "2021-12-07TMO")
    # with no time before them they count from publication; without one they stay unresolved
    assert values("The next day he left.")["The next day"] == "2021-12-08"
    assert values("The next day he left.", None)["The next day"] == "XXXX-XX-XX"
    text = "We met on Dec. 2. That night it snowed."
    assert values(text)["That night"] == "2021-12-02TNI"
    assert values("In 2008 he ran. That night he won.")["That night"] == "2008-XX-XXTNI"


def test_anaphoric_phrases_left_out_where_they_name_no_time():
    assert find_times("Market makers suffer losses on trades made that day at dropping prices.", PUB) == []
    assert find_times("He voted the day before the election.", PUB) == []


def test_terms_of_office_are_durations():
    assert one("During her tenure, exports doubled.")[1:3] == ("DURATION", "PXY")
    assert one("In his first term he cut taxes.")[1:3] == ("DURATION", "PXY")
    assert one("His two terms ended.")[:3] == ("His two terms", "DURATION", "PXY")
    assert one("He served his four-year term.")[1:3] == ("DURATION", "P4Y")  # the length, when given, wins
    assert find_times("They agreed on their terms.", PUB) == []


@pytest.mark.parametrize("text,span,value", [
    ("The road is closed through May, officials said.", "May", "2022-05"),  # written in December
    ("Repairs should be done by May.", "May", "2022-05"),
    ("Lanes stay shut through June.", "June", "2022-06"),
    ("The program ran through May.", "May", "2021-05"),  # past: last May
    ("By May, prices had doubled.", "May", "2021-05"),
])
def test_a_month_after_through_or_by_lies_ahead_unless_the_verb_is_past(parse, text, span, value):
    assert values(text, PUB, parse(text)).get(span) == value


@pytest.mark.parametrize("text,span,value", [
    ("The town floods each winter.", "each winter", "XXXX-WI"),
    ("Every morning she runs along the river.", "Every morning", "XXXX-XX-XXTMO"),
    ("The guards change each night.", "each night", "P1D"),
    ("He visits twice a year.", "twice a year", "P1Y"),
    ("The board meets three times a week.", "three times a week", "P1W"),
    ("They meet once a month.", "once a month", "P1M"),
    ("The library is open on Tuesdays.", "Tuesdays", "XXXX-WXX-2"),
    ("Bingo is held Tuesday nights.", "Tuesday nights", "XXXX-WXX-2TNI"),
    ("Bingo is on Monday and Tuesday nights.", "Monday", "XXXX-WXX-1TNI"),
    ("Trash is collected every other week.", "every other week", "P2W"),
    ("The market runs on weekends.", "weekends", "XXXX-WXX-WE"),
])
def test_sets(text, span, value):
    found = {text[s:e]: (typ, v) for s, e, typ, v, _ in find_times(text, PUB)}
    assert found.get(span) == ("SET", value), found


@pytest.mark.parametrize("text,published,span,value", [
    # a past verb with "in <month>": that month is over, even when the next one is near
    ("The school board voted in January to close the school.", "2023-11-20", "January", "2023-01"),
    ("The store closed in December and will reopen in March.", "2023-11-20", "December", "2022-12"),
    ("The store closed in December and will reopen in March.", "2023-11-20", "March", "2024-03"),
    ("Agencies warned of a possible invasion already in January.", PUB, "January", "2022-01"),  # still ahead
    ("The council voted Dec. 12 to raise taxes.", "2023-11-20", "Dec. 12", "2022-12-12"),
    ("The council voted on Dec. 12 to raise taxes.", "2023-11-20", "Dec. 12", "2022-12-12"),
    ("The offer was extended to Dec. 12.", "2023-11-20", "Dec. 12", "2023-12-12"),  # a deadline
    # no past event: a modal over both verbs, a participle modifying a noun
    ("The row may backfire and cost her party in state elections on March 13.", "2016-03-10", "March 13", "2016-03-13"),
    ("Trade will top the agenda of a meeting set for Berlin in April.", "1999-03-12", "April", "1999-04"),
    # a timetable in the present simple lies ahead
    ("Construction starts in October, officials said.", "2023-02-10", "October", "2023-10"),
    ("The council meets Thursday to vote.", PUB, "Thursday", "2021-12-09"),
    # "to be done": ahead
    ("They expect the sale to be completed in January.", "2023-10-20", "January", "2024-01"),
])
def test_month_years_from_tense_and_preposition(parse, text, published, span, value):
    assert values(text, published, parse(text)).get(span) == value


def test_day_anaphors_look_past_a_bare_year():
    text = "The council met on Jan. 3, 2020. It has voted every month since 2019. The following day, the mayor quit."
    assert values(text)["The following day"] == "2020-01-04"
    assert values("In 2008 he ran. The next day he won.")["The next day"] == "2008-XX-XX"  # no day to count from


def test_year_ranges_after_fiscal_and_apostrophes():
    text = "The budget for fiscal 2011-2012 passed; he coached in 1961-'62."
    found = values(text, "2018-02-10")
    assert found["2012"] == "2012" and found["62"] == "1962"


def test_a_single_weekday_stays_a_date():
    assert values("He left Monday and returned Tuesday night.") == {"Monday": "2021-12-06", "Tuesday night": "2021-12-07"}
    assert values("Tuesday's vote and the Tuesday nightclub fire.") == {"Tuesday's": "2021-12-07", "Tuesday": "2021-12-07"}


def test_for_hours_and_days_are_vague_durations():
    assert one("The storm dropped rain for hours.")[:3] == ("hours", "DURATION", "PTXH")
    assert one("They waited for days.")[:3] == ("days", "DURATION", "PXD")
    assert find_times("In the days after, he left. Days later it ended.", PUB) == []  # not a stretch of days


def test_clock_time_takes_the_date_after_its_weekday():
    assert one("Deputies responded around 2 a.m. Monday, Jan. 9.", "2023-02-10")[:3] == (
        "around 2 a.m. Monday, Jan. 9", "TIME", "2023-01-09T02:00")
    assert one("It started at 10 p.m. Friday, Dec. 30, 2022, downtown.", "2023-02-10")[2] == "2022-12-30T22:00"


@pytest.mark.parametrize("text,span,value", [
    ("The meeting will be held Feb. 14 at 6 p.m. at city hall.", "6 p.m.", "2023-02-14T18:00"),
    ("A public hearing will be held Tuesday, Feb. 21, at 6 p.m.", "6 p.m.", "2023-02-21T18:00"),
    ("The meeting is Tuesday at 7 p.m. in the gym.", "Tuesday", "2023-02-14"),  # an appointment ahead
    ("The meeting is Tuesday at 7 p.m. in the gym.", "7 p.m.", "2023-02-14T19:00"),
    ("Today is Friday.", "Friday", "2023-02-10"),  # the same day
    ("Sales are up since Tuesday.", "Tuesday", "2023-02-07"),
])
def test_clock_times_and_appointments_in_notices(parse, text, span, value):
    assert values(text, "2023-02-10", parse(text)).get(span) == value


def test_the_previous_and_following_weekday_count_from_the_story_day():
    got = values("The vote was on Oct. 3, 1998. The following Monday he resigned.")
    assert got["The following Monday"] == "1998-10-05"
    got = values("Shares fell Friday. The previous Friday they rose.", "1989-10-30")
    assert got == {"Friday": "1989-10-27", "The previous Friday": "1989-10-20"}
    assert values("The next Tuesday he left.", None)["The next Tuesday"] == "XXXX-WXX-2"


def test_year_like_amounts_are_no_years():
    assert find_times("Prices went up by an average of 2000 in the county.", PUB) == []
    assert find_times("More than 1950 came.", PUB) == []
    assert values("In 2000 the plant closed.") == {"2000": "2000"}


def test_more_holidays():
    assert values("The parade is on the Fourth of July.", "2023-02-10") == {"Fourth of July": "2023-07-04"}
    assert values("Shoppers lined up on Black Friday.", "2023-02-10") == {"Black Friday": "2022-11-25"}
    assert values("Offices close for Martin Luther King Jr. Day.", "2023-02-10")[
        "Martin Luther King Jr. Day"] == "2023-01-16"
    assert values("Presidents Day sales", "2023-02-10") == {"Presidents Day": "2023-02-20"}
