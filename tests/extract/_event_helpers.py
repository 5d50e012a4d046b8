"""Build Article records by hand for the actor, event and tone tests (no ../shared needed)."""
from __future__ import annotations

import re

from tidings.record import Article, Entity, Mention, Sentence


def make_record(nlp, text: str, published: str | None = "2021-12-07", entities=()):
    """Parse `text` and return (doc, record) with hand-made entities: (name, type, [surface forms])."""
    doc = nlp(text)
    record = Article(id="t", text=text, published=published,
                     sentences=[Sentence(start=s.start_char, end=s.end_char) for s in doc.sents])
    out = []
    for n, (name, kind, surfaces) in enumerate(entities, start=1):
        mentions = []
        for surface in surfaces:
            for m in re.finditer(re.escape(surface), text):
                mentions.append(Mention(start=m.start(), end=m.end(), text=surface, sentence=record.sentence_of(m.start())))
        out.append(Entity(id=f"E{n}", name=name, type=kind, mentions=mentions))
    record.entities = out
    return doc, record


def coded_record(nlp, text: str, published: str | None, entities=(), places=(), title=None):
    """(record, events): `text` parsed, its hand-made entities coded by the actors stage and its
    events extracted, with the given places and title."""
    from tidings.extract._doc import DocView
    from tidings.extract.actors import extract_actors
    from tidings.extract.events import extract_events

    doc, record = make_record(nlp, text, published, entities)
    record.title = title
    record.places = list(places)
    record.entities = extract_actors(DocView(doc), record)
    return record, extract_events(DocView(doc), record)


def codes(events) -> list[tuple]:
    """(CAMEO code, source code, target code) of each event, for assertion messages."""
    return [(e.cameo, e.source.code if e.source else None, e.target.code if e.target else None) for e in events]
