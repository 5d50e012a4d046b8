"""The extractor stages, in the order the pipeline runs them.

Each stage is one function ``fn(view, record) -> value``: it reads the parsed doc through
``view`` (a ``DocView`` over ``record.text``, made once per doc by the pipeline) and the fields
that earlier stages put in ``record``, and returns the new value of the field(s) it fills (a
tuple, in ``fills`` order, when it fills several). ``reads`` and ``fills`` are checked at
start-up (``tidings.pipeline.check_order``): a stage reads only fields that the preparation
step or an earlier stage fills.

    entities.py     named entities (spaCy's, fixed and merged), mentions, aliases
    times/          time expressions, normalized to TIMEX3 values
    places/         place mentions resolved against the gazetteer
    quotes/         direct and indirect quotes and their speakers
    actors/         CAMEO actor codes of the entities
    events/         CAMEO/PLOVER events with source, target, modality, date and place
    quantities/     numbers with units, categories and what they count
    tone.py         article and event tone
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from . import actors, entities, events, places, quantities, quotes, times, tone
from ._doc import DocView

__all__ = ["Stage", "STAGES", "DocView"]


@dataclass(frozen=True)
class Stage:
    """One extractor: its name, its function, the record fields it reads and those it fills."""
    name: str
    func: Callable
    reads: tuple[str, ...]
    fills: tuple[str, ...]


STAGES: tuple[Stage, ...] = (
    Stage("entities", entities.extract_entities, ("text", "sentences", "mt_artifacts"), ("entities",)),
    Stage("times", times.extract_times, ("text", "published", "sentences", "removed_lines"), ("times",)),
    Stage("places", places.extract_places, ("text", "sentences", "entities", "source_location"), ("places",)),
    Stage("quotes", quotes.extract_quotes, ("text", "sentences", "entities"), ("quotes",)),
    Stage("actors", actors.extract_actors, ("entities", "places", "published"), ("entities",)),
    Stage("events", events.extract_events,
          ("sentences", "entities", "quotes", "times", "places", "published"), ("events",)),
    Stage("quantities", quantities.extract_quantities,
          ("sentences", "entities", "events", "times", "mt_artifacts"), ("quantities",)),
    Stage("tone", tone.extract_tone, ("text", "sentences", "events"), ("tone", "events")),
)
