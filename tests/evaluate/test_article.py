"""The article scorer on a hand-written record and gold; each section counted by hand."""
from tidings.evaluate.article import locate, score_article
from tidings.record import (
    AnonymousSource, Article, Entity, Event, EventActor, Place, Quantity, Quote, RemovedLine, Sentence, SpanRef,
    Speaker, TimeExpr,
)

TEXT = ("Mayor Ana Lopez met Governor Tom Reed in Springfield on Monday.\n"
        "Lopez said the talks were \"very useful for both towns\".\n"
        "Police arrested 12 protesters near the bridge.")
CAPTION = "Photo: the bridge on 3 May 2020"


def _span(text, needle):
    start = text.index(needle)
    return start, start + len(needle)


def _record() -> Article:
    sentences = [Sentence(start=s, end=s + len(line)) for s, line in
                 ((TEXT.index(line), line) for line in TEXT.split("\n"))]
    q1 = _span(TEXT, "very useful for both towns")
    q2 = _span(TEXT, "arrested 12 protesters near the bridge")
    n = _span(TEXT, "12 protesters")
    mon = _span(TEXT, "Monday")
    cap = _span(CAPTION, "3 May 2020")
    return Article(
        id="hand", text=TEXT, sentences=sentences,
        removed_lines=[RemovedLine(line=0, text=CAPTION, reason="caption")],
        entities=[Entity(id="E1", name="Ana Lopez", type="PERSON", aliases=["Lopez"]),
                  Entity(id="E2", name="Reed", type="PERSON")],
        places=[Place(id="P1", start=TEXT.index("Springfield"), end=TEXT.index("Springfield") + 11,
                      text="Springfield", name="Springfield", lat=39.80, lon=-89.64, sentence=0)],
        quotes=[Quote(id="Q1", kind="direct", spans=[q1], text=TEXT[q1[0]:q1[1]], sentence=1,
                      speaker=Speaker(name="Ana Lopez", entity="E1")),
                Quote(id="Q2", kind="indirect", spans=[q2], text=TEXT[q2[0]:q2[1]], sentence=2,
                      speaker=Speaker(name="police", anonymous=AnonymousSource(description="police")))],
        quantities=[Quantity(id="N1", start=n[0], end=n[1], text="12 protesters", value=12, unit="protesters",
                             counted="protesters", sentence=2)],
        times=[TimeExpr(id="T1", start=mon[0], end=mon[1], text="Monday", type="DATE", value="2020-05-04", sentence=0),
               TimeExpr(id="T2", start=cap[0], end=cap[1], text="3 May 2020", type="DATE", value="2020-05-03",
                        sentence=0, removed_line=0)],
        events=[Event(id="V1", sentence=0, source=EventActor(code="USAGOV"), target=EventActor(code="USA"),
                      action=SpanRef(start=16, end=19, text="met"), cameo="040", root="04"),
                Event(id="V2", sentence=2, action=SpanRef(start=0, end=1, text="x"), cameo="173", root="17")],
    )


GOLD = {
    "id": "hand", "published": "2020-05-05",
    "persons": ["Ana Lopez", "Tom Reed", "Jo Kim"],
    "aliases": {"Tom Reed": ["Reed", "Governor Reed"]},
    "places": [{"text": "Springfield", "lat": 39.78, "lon": -89.65},
               {"text": "Springfield", "lat": 42.10, "lon": -72.59}],  # the other one, ~1,300 km away
    "quotes": [{"speaker": "Ana Lopez", "contains": "useful for both"},
               {"speaker": "Tom Reed", "contains": "very useful"},
               {"speaker": "anonymous: police", "contains": "arrested 12 protesters", "anonymous": True}],
    "quantities": [{"contains": "arrested 12 protesters", "value": 12, "counted": "protesters"},
                   {"contains": "12 protesters", "value": 13, "counted": "protesters"}],
    "times": [{"contains": "Springfield on Monday", "text": "Monday", "value": "2020-05-04"},
              {"contains": "on 3 May 2020", "text": "3 May 2020", "value": "2020-05-03"},
              {"contains": "in Springfield on Monday", "text": "Monday", "value": "2020-05-05"}],
    "events": [{"source": "USA", "target": "USA", "root": "04", "contains": "met Governor", "required": True},
               {"source": None, "target": None, "root": "17", "contains": "Police arrested", "required": True,
                "modality": "negated"},
               {"source": "GBR", "target": None, "root": "04", "contains": "met Governor", "required": False},
               {"source": None, "target": "USA", "root": "19", "accept_roots": ["04"], "contains": "Ana Lopez met",
                "required": False}],
    "not_article_text": [CAPTION, "Share this story"],
}


def test_article_sections_by_hand():
    r = score_article([(GOLD, _record())])
    got = {k: (v["found"], v["listed"]) for k, v in r.sections.items()}
    assert got == {
        "persons": (2, 3), "places": (1, 2), "quotes": (3, 3), "quotes_with_speaker": (2, 3),
        "quantities": (1, 2), "times": (2, 3), "events_required": (1, 2), "events_all": (2, 4),
        "furniture_removed": (1, 2),
    }
    assert "hand: persons: Jo Kim" in r.missed
    assert "hand: furniture_removed: Share this story" in r.missed
    d = r.as_dict()
    assert r.by_doc["hand"]["times"] == {"found": 2, "listed": 3}
    assert d["persons"] == {"found": 2, "listed": 3} and len(d["missed"]) == 9  # 1+1+0+1+1+1+1+2+1


def test_article_not_analyzed_finds_nothing():
    r = score_article([(GOLD, None)])
    assert all(v["found"] == 0 for v in r.sections.values())
    assert r.sections["quotes"]["listed"] == 3 and r.notes == ["hand: not analyzed"]


def test_locate_tolerates_whitespace_and_first_only():
    text = "red lines here and\n   red lines there"
    assert locate(text, "red lines") == [(0, 9), (19, 31)][:1] + [(22, 31)]
    assert locate(text, "red lines", first_only=True) == [(0, 9)]
    assert locate(text, "and red") == [(15, 25)]
