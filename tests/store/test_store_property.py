"""Property: any record the model accepts comes back from the store unchanged (DuckDB, in memory)."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tidings.record import Article, Event, EventActor, SpanRef, Tone
from tidings.store import open_store

codes = st.one_of(st.none(), st.sampled_from(["USAGOV", "RUS", "IGOEUREU", "XYZ", "ukr"]))


@st.composite
def articles(draw):
    text = draw(st.text(min_size=1, max_size=300))
    n = draw(st.integers(0, 3))
    events = [Event(id=f"V{i + 1}", sentence=0, source=EventActor(code=draw(codes)), target=EventActor(code=draw(codes)),
                    action=SpanRef(start=0, end=1, text=text[:1]), cameo=draw(st.sampled_from(["010", "1312", "19"])),
                    root="01", goldstein=draw(st.one_of(st.none(), st.floats(-10, 10))),
                    modality=draw(st.sampled_from(["asserted", "claimed", "negated"])))
              for i in range(n)]
    return Article(id=draw(st.text("abcdef0123456789", min_size=4, max_size=16)), text=text,
                   title=draw(st.one_of(st.none(), st.text(max_size=40))),
                   published=draw(st.one_of(st.none(), st.dates().map(str), st.just("not a date"))),
                   events=events, tone=Tone(score=1.0, positive=2.0, negative=1.0) if n else None)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(articles(), min_size=1, max_size=4))
def test_round_trip_and_idempotence(batch):
    with open_store(":memory:") as store:
        first = store.write_articles(batch)
        ids = list(dict.fromkeys(a.id for a in batch))
        assert first.written == ids
        assert store.write_articles(batch).written == []
        firsts = {}
        for a in batch:
            firsts.setdefault(a.id, a)
        for aid, art in firsts.items():
            assert store.get_article(aid) == art
        assert store.count("events") == sum(len(a.events) for a in firsts.values())
