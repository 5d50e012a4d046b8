"""Test helpers: a fresh store of either backend (DuckDB in a temp dir, PostgreSQL from $TIDINGS_TEST_PG)."""
from __future__ import annotations

import os
from pathlib import Path

from . import Store, open_store

__all__ = ["BACKENDS", "fresh_store", "PG_ENV"]

PG_ENV = "TIDINGS_TEST_PG"
BACKENDS = ("duckdb", "postgres")


def fresh_store(kind: str, tmp_path: Path) -> Store:
    """An empty, migrated store. For PostgreSQL the public schema of $TIDINGS_TEST_PG is wiped first."""
    if kind == "duckdb":
        return open_store(tmp_path / "test.duckdb")
    url = os.environ.get(PG_ENV)
    if not url:
        import pytest

        pytest.skip(f"${PG_ENV} is unset: start a server with `eval \"$(.ci/postgres.sh start)\"`")
    import psycopg

    with psycopg.connect(url, autocommit=True) as con:
        con.execute("DROP SCHEMA IF EXISTS public CASCADE")
        con.execute("CREATE SCHEMA public")
    return open_store(url)


def _span(text: str, needle: str) -> tuple[int, int]:
    start = text.find(needle)
    if start < 0:
        raise ValueError(f"{needle!r} is not in the text")
    return start, start + len(needle)


def build_article(aid: str, text: str, *, published: str | None = None, source: str | None = None,
                  url: str | None = None, events: tuple = (), quantities: tuple = (), places: tuple = (),
                  entities: tuple = (), quotes: tuple = (), tone: float | None = None):
    """An Article built by hand from compact specs; spans are found by searching `text`.

    events:     (id, source_code, target_code, action_words, cameo, {extra Event fields})
    quantities: (id, words, value, counted, {extra})
    places:     (id, words, name, lat, lon, country, {extra})
    entities:   (id, name, type, actor_code, affiliation)
    quotes:     (id, content_words, speaker_entity_id, cue_words)
    """
    from ..record import (Article, Cue, Entity, Event, EventActor, Mention, Place, Quantity, Quote,
                          Sentence, SpanRef, Speaker, Tone)

    def actor(code):
        return EventActor(code=code, name=code) if code else None

    evs = []
    for vid, src, tgt, words, cameo, *extra in events:
        s, e = _span(text, words)
        fields = dict(extra[0]) if extra else {}
        evs.append(Event(id=vid, sentence=fields.pop("sentence", 0), source=actor(src), target=actor(tgt),
                         action=SpanRef(start=s, end=e, text=words), cameo=cameo, root=cameo[:2], **fields))
    qs = []
    for nid, words, value, counted, *extra in quantities:
        s, e = _span(text, words)
        qs.append(Quantity(id=nid, start=s, end=e, text=words, value=value, counted=counted, sentence=0,
                           **(extra[0] if extra else {})))
    ps = []
    for pid, words, name, lat, lon, country, *extra in places:
        s, e = _span(text, words)
        ps.append(Place(id=pid, start=s, end=e, text=words, name=name, lat=lat, lon=lon, country=country,
                        sentence=0, **(extra[0] if extra else {})))
    ents = []
    for eid, name, etype, code, affiliation in entities:
        s, e = _span(text, name)
        ents.append(Entity(id=eid, name=name, type=etype, actor_code=code, affiliation=affiliation,
                           mentions=[Mention(start=s, end=e, text=name, sentence=0)]))
    quos = []
    for qid, words, speaker, cue_words in quotes:
        s, e = _span(text, words)
        cs, ce = _span(text, cue_words)
        quos.append(Quote(id=qid, kind="direct", spans=[(s, e)], text=words, sentence=0,
                          cue=Cue(start=cs, end=ce, text=cue_words, lemma=cue_words.rstrip("s")),
                          speaker=Speaker(entity=speaker, name=next((x.name for x in ents if x.id == speaker), None)),
                          confidence=0.9))
    return Article(id=aid, text=text, published=published, published_source="given" if published else "none",
                   source_name=source, url=url, sentences=[Sentence(start=0, end=len(text))], events=evs,
                   quantities=qs, places=ps, entities=ents, quotes=quos,
                   tone=Tone(score=tone, positive=max(tone, 0), negative=max(-tone, 0)) if tone is not None else None)
