"""Wire datelines ("HAVANA (AP) --") are the place and the agency: not a title, not an entity (#23)."""
from __future__ import annotations

import pytest

from tidings.clean import clean_text, find_dateline, headline

STORY = ("Cuba's government said on Monday it would free 50 prisoners held since the summer protests, "
         "officials said in a statement read on state television.")


@pytest.mark.parametrize("raw, place, agency", [
    ("HAVANA (AP) -- " + STORY, "HAVANA", "AP"),
    ("HAVANA (AP) --\n\n" + STORY, "HAVANA", "AP"),  # the dateline alone on its line
    ("HAMILTON, Bermuda (AP) _ " + STORY, "HAMILTON, Bermuda", "AP"),
    ("BEDFORD, N.H. (AP) — " + STORY, "BEDFORD, N.H.", "AP"),
    ("LONDON (Reuters) - " + STORY, "LONDON", "Reuters"),
    ("Cuba frees 50 prisoners\n\nHAVANA (AP) — " + STORY, "HAVANA", "AP"),  # after a headline
])
def test_dateline_is_found_and_recorded(raw, place, agency):
    result = clean_text(raw)
    dl = result.dateline
    assert (dl.place, dl.agency) == (place, agency)
    assert result.text[dl.start:dl.end].startswith(place)
    entry = [r for r in result.removed_lines if r.reason == "dateline"]
    assert len(entry) == 1 and entry[0].text == f"{place} ({agency})"
    assert place in result.text  # left in the text: the place extractor reads it there


def test_a_dateline_is_never_the_title():
    assert headline(clean_text("HAVANA (AP) --\n\n" + STORY).text) is None
    assert headline(clean_text("HAMILTON, Bermuda (AP) _\n\n" + STORY).text) is None
    assert headline(clean_text("Cuba frees 50 prisoners\n\nHAVANA (AP) — " + STORY).text) == "Cuba frees 50 prisoners"


def test_ordinary_openings_are_not_datelines():
    for text in ("The UN (AFP) said on Monday.", "Officials said (AP) that the bridge would reopen.", STORY):
        assert find_dateline(text) is None


def test_record_keeps_the_dateline_out_of_title_and_entities():
    import tidings

    record = tidings.analyze("HAMILTON, Bermuda (AP) _\n\n" + STORY)
    assert record.title is None
    names = {e.name for e in record.entities}
    assert not names & {"AP", "HAMILTON", "HAMILTON, Bermuda", "HAMILTON AP"}, names
    assert any(r.reason == "dateline" and r.text == "HAMILTON, Bermuda (AP)" for r in record.removed_lines)
    assert "Cuba" in {p.text for p in record.places}
    assert record.text.startswith("HAMILTON, Bermuda (AP) _ Cuba's government")


def test_a_dateline_with_the_filing_day_is_a_dateline():
    from tidings.clean import find_dateline

    found = find_dateline("BRUSSELS, December 2 (Xinhua) -- NATO decided to invite three countries.")
    assert found is not None and found.place == "BRUSSELS" and found.agency == "Xinhua"
    assert find_dateline("BEIJING, Jan. 5 (Xinhua) -- China said.").place == "BEIJING"
