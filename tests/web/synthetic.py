"""A long article with annotations every few words (for the highlighter and search tests); no real text."""
from __future__ import annotations

PARAGRAPH = "Biden held a video call with Putin on Tuesday, {n} officials said. Biden said: \u201cWe will respond.\u201d"


def long_article(chars: int, aid: str = "long1"):
    """An Article of about `chars` characters: per paragraph two people, a quote with speaker and cue,
    an event, a number and a date (about one mark every 15 characters)."""
    from tidings.record import (Article, Cue, Entity, Event, EventActor, EventDate, Mention, Quantity, Quote,
                                Sentence, SpanRef, Speaker, TimeExpr)

    parts, offset, n = [], 0, 0
    biden, putin, quotes, events, numbers, times = [], [], [], [], [], []
    while offset < chars:
        text = PARAGRAPH.format(n=n + 2)
        at = lambda words, start=0: offset + text.index(words, start)  # noqa: E731
        b1, b2 = at("Biden"), at("Biden", 10)
        biden += [Mention(start=b1, end=b1 + 5, text="Biden", sentence=0), Mention(start=b2, end=b2 + 5, text="Biden", sentence=0)]
        p = at("Putin")
        putin.append(Mention(start=p, end=p + 5, text="Putin", sentence=0))
        q, c, v = at("We will respond."), at("said:"), at("held a video call")
        quotes.append(Quote(id=f"Q{n}", kind="direct", spans=[(q, q + 16)], text="We will respond.", sentence=0,
                            cue=Cue(start=c, end=c + 4, text="said", lemma="say"),
                            speaker=Speaker(entity="E1", name="Biden", mention=SpanRef(start=b2, end=b2 + 5, text="Biden")),
                            confidence=0.9))
        events.append(Event(id=f"V{n}", sentence=0, source=EventActor(code="USAGOV", name="Biden"),
                            target=EventActor(code="RUSGOV", name="Putin"), action=SpanRef(start=v, end=v + 17,
                            text="held a video call"), cameo="040", root="04", date=EventDate(value="2021-12-07", basis="time")))
        k = at(str(n + 2))
        numbers.append(Quantity(id=f"N{n}", start=k, end=k + len(str(n + 2)), text=str(n + 2), value=n + 2,
                                counted="officials", sentence=0))
        t = at("Tuesday")
        times.append(TimeExpr(id=f"T{n}", start=t, end=t + 7, text="Tuesday", type="DATE", value="2021-12-07", sentence=0))
        parts.append(text)
        offset += len(text) + 2
        n += 1
    body = "\n\n".join(parts)
    return Article(id=aid, text=body, published="2021-12-08", published_source="given",
                   sentences=[Sentence(start=0, end=len(body))],
                   entities=[Entity(id="E1", name="Biden", type="PERSON", actor_code="USAGOV", mentions=biden),
                             Entity(id="E2", name="Putin", type="PERSON", actor_code="RUSGOV", mentions=putin)],
                   quotes=quotes, events=events, quantities=numbers, times=times)


SOURCES = ("Wire A", "Wire B", "Wire C")


def many_events(n_articles: int, events_per_article: int = 3, undated: int = 0):
    """`n_articles` hand-built articles, each with `events_per_article` USA→RUS events on its own day
    (2020-01-01 onwards), sources cycling through SOURCES, plus `undated` articles with no date and one quote."""
    from datetime import date, timedelta

    from tidings.store.testing import build_article

    records = []
    for i in range(n_articles):
        day = (date(2020, 1, 1) + timedelta(days=i)).isoformat()
        words = [f"act{i}x{k}" for k in range(events_per_article)]
        text = f"Story {i}: Washington and Moscow " + " then ".join(words) + f". Envoy{i % 9} spoke. Officials said: \u201cItem {i} stands.\u201d"
        events = tuple((f"V{k}", "USAGOV", "RUSGOV", w, "040" if k % 2 == 0 else "173",
                        {"goldstein": float(k % 7) - 3, "quad_class": 1 if k % 2 == 0 else 4,
                         "date": {"value": day, "basis": "published"}})
                       for k, w in enumerate(words))
        record = build_article(f"syn{i:05d}", text, published=day, source=SOURCES[i % len(SOURCES)], events=events,
                               entities=(("E1", "Officials", "PERSON", None, None),
                                         ("E2", f"Envoy{i % 9}", "PERSON", "USAGOV", "USA")),
                               quotes=(("Q1", f"Item {i} stands.", "E1", "said"),))
        record.title = f"Title {n_articles - i:05d}"
        records.append(record)
    for j in range(undated):
        text = f"Undated note {j}. Officials said: \u201cNote {j} holds.\u201d"
        record = build_article(f"undated{j:03d}", text, source="Wire U",
                               entities=(("E1", "Officials", "PERSON", None, None),),
                               quotes=(("Q1", f"Note {j} holds.", "E1", "said"),))
        record.title = f"Undated {j}"
        records.append(record)
    return records


def synthetic_store(path, n_articles: int, events_per_article: int = 3, undated: int = 0) -> str:
    from tidings.store import open_store

    with open_store(path) as store:
        store.write_articles(many_events(n_articles, events_per_article, undated), dedup=False)
    return str(path)
