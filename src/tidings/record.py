"""The Article record: the contract every stage fills and every consumer reads.

Top-level field names follow ../shared/DESIGN.md and are read by tools outside the
code; change them only with a SCHEMA_VERSION bump and a note in CHANGELOG.md.
Offsets are code-point indices into ``Article.text`` (the clean text), end exclusive.
"""
from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "SCHEMA_VERSION", "Article", "RemovedLine", "MTArtifact", "Sentence", "Mention",
    "Entity", "Quote", "Cue", "Speaker", "AnonymousSource", "SpanRef", "EventActor",
    "Event", "Plover", "EventDate", "Quantity", "TimeExpr", "Place", "PlaceCandidate",
    "Tone", "StageError", "article_id", "json_schema",
]

SCHEMA_VERSION = "1.0"


class _Item(BaseModel):
    model_config = ConfigDict(extra="forbid")


class RemovedLine(_Item):
    """A line of the input that is not article text, kept with the reason it was dropped."""
    line: int  # 0-based line number in the raw (pre-clean) text
    text: str
    reason: Literal["caption", "credit", "byline", "furniture", "comments", "dateline"]  # dateline: see clean.py


class MTArtifact(_Item):
    """A machine-translation artifact, flagged and left in place."""
    start: int
    end: int
    text: str
    kind: Literal["glued_word", "doubled_verb", "fragment", "name_variant"]
    suggestion: str | None = None


class Sentence(_Item):
    start: int
    end: int


class SpanRef(_Item):
    start: int
    end: int
    text: str


class Mention(_Item):
    start: int
    end: int
    text: str
    sentence: int


EntityType = Literal["PERSON", "ORG", "PLACE", "NORP", "EVENT", "OTHER"]


class Entity(_Item):
    id: str  # "E1", "E2", … stable within one record
    name: str  # canonical name: the longest full form seen
    type: EntityType
    aliases: list[str] = Field(default_factory=list)
    role: str | None = None  # title or role: "press secretary", "President"
    affiliation: str | None = None  # ISO 3166 alpha-3 country the entity belongs to
    actor_code: str | None = None  # CAMEO-style actor code, e.g. "USAGOV" (events stage)
    mentions: list[Mention] = Field(default_factory=list)


class Cue(_Item):
    start: int
    end: int
    text: str
    lemma: str


class AnonymousSource(_Item):
    description: str  # "senior administration official"
    affiliation: str | None = None  # ISO alpha-3 or organisation name where stated


class Speaker(_Item):
    mention: SpanRef | None = None  # the speaker as written: "he", "the official"
    entity: str | None = None  # Entity.id it resolves to
    name: str | None = None  # canonical name (entity name, or the anonymous description)
    anonymous: AnonymousSource | None = None


class Quote(_Item):
    id: str
    kind: Literal["direct", "indirect", "mixed", "fragment"]
    spans: list[tuple[int, int]]  # content span(s); a quote split by "he said" has two
    text: str  # the content, spans joined by " … "
    sentence: int  # sentence of the first span
    cue: Cue | None = None
    speaker: Speaker = Field(default_factory=Speaker)
    confidence: float = 0.0


class EventActor(_Item):
    entity: str | None = None  # Entity.id
    code: str | None = None  # CAMEO actor code: "USAGOV", "RUS", "IGOEUREU"
    name: str | None = None
    start: int | None = None
    end: int | None = None
    # True when the event's sentence names no such actor and it was taken from the article
    # (the other side of a two-sided story); start/end then point at the mention it came from
    from_context: bool = False


class Plover(_Item):
    type: str
    mode: str | None = None


class EventDate(_Item):
    value: str | None  # TIMEX3 value
    basis: Literal["time", "published", "none"]
    time: str | None = None  # TimeExpr.id when basis == "time"


Modality = Literal["asserted", "negated", "conditional", "future", "historical", "claimed"]


class Event(_Item):
    id: str
    sentence: int
    source: EventActor | None = None
    target: EventActor | None = None
    action: SpanRef
    cameo: str  # deepest code the text supports, e.g. "1312"
    root: str  # first two digits, e.g. "13"
    name: str | None = None  # codebook name of `cameo`
    goldstein: float | None = None
    quad_class: int | None = None  # 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    plover: Plover | None = None
    modality: Modality = "asserted"
    attributed_to: str | None = None  # Entity.id or Quote.id of the source that claims it
    date: EventDate = Field(default_factory=lambda: EventDate(value=None, basis="none"))
    place: str | None = None  # Place.id
    tone: float | None = None
    confidence: float = 0.0


class Quantity(_Item):
    id: str
    start: int
    end: int
    text: str
    value: float | None
    low: float | None = None
    high: float | None = None
    unit: str | None = None  # the unit or the counted noun phrase as written
    counted: str | None = None  # head of the counted noun phrase: "soldiers"
    normalized_unit: str | None = None  # "USD", "percent", "km", "hour" …
    qualifier: Literal["exact", "approximate", "at_most", "at_least"] = "exact"
    change: Literal["=", "~", "<", ">", "up", "down"] | None = None
    category: str | None = None  # KILL, WOUND, ARREST, KIDNAP, DISPLACED, PROTEST, MOBILIZE, AID …
    attached_to: str | None = None  # Entity.id or Event.id in the same clause
    sentence: int


class TimeExpr(_Item):
    id: str
    start: int
    end: int
    text: str
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str  # TIMEX3 value
    mod: str | None = None  # START, END, APPROX, MORE_THAN, LESS_THAN …
    sentence: int
    removed_line: int | None = None  # set when found in a removed line (caption); offsets then index that line's text


class PlaceCandidate(_Item):
    name: str
    lat: float
    lon: float
    country: str | None = None
    feature_code: str | None = None
    geonameid: int | None = None
    score: float = 0.0


class Place(_Item):
    id: str
    start: int
    end: int
    text: str
    name: str
    lat: float
    lon: float
    country: str | None = None  # ISO alpha-3
    admin1: str | None = None
    feature_code: str | None = None  # GeoNames feature code: PPLC, ADM1, PCLI, RGN …
    geonameid: int | None = None
    confidence: float = 0.0
    alternatives: list[PlaceCandidate] = Field(default_factory=list)
    sentence: int
    entity: str | None = None  # Entity.id of the place entity, when there is one


class Tone(_Item):
    score: float  # GDELT convention: positive minus negative, in percent of words; negative = hostile
    positive: float
    negative: float
    method: str = "vader"


class StageError(_Item):
    stage: str
    code: str
    message: str


class Article(_Item):
    schema_version: str = SCHEMA_VERSION
    id: str
    url: str | None = None
    title: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) or datetime
    published_source: Literal["given", "page", "none"] = "none"
    source_name: str | None = None
    source_location: str | None = None  # the source's home place, given with the item ("Alexandria, La.")
    author: str | None = None
    language: str = "en"
    language_confidence: float | None = None
    text: str
    removed_lines: list[RemovedLine] = Field(default_factory=list)
    mt_artifacts: list[MTArtifact] = Field(default_factory=list)
    sentences: list[Sentence] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    times: list[TimeExpr] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    tone: Tone | None = None
    errors: list[StageError] = Field(default_factory=list)  # stages that failed on this article
    warnings: list[str] = Field(default_factory=list)

    def as_dict(self) -> dict:
        return self.model_dump(mode="json")

    def to_json(self, indent: int | None = None) -> str:
        return self.model_dump_json(indent=indent)

    @classmethod
    def from_json(cls, data: str | bytes | dict) -> "Article":
        if isinstance(data, dict):
            return cls.model_validate(data)
        return cls.model_validate_json(data)

    def sentence_of(self, offset: int) -> int:
        """Index of the sentence holding character `offset` (last one before it)."""
        lo, hi = 0, len(self.sentences) - 1
        best = 0
        while lo <= hi:
            mid = (lo + hi) // 2
            if self.sentences[mid].start <= offset:
                best = mid
                lo = mid + 1
            else:
                hi = mid - 1
        return best

    def entity(self, entity_id: str | None) -> Entity | None:
        for e in self.entities:
            if e.id == entity_id:
                return e
        return None


_WS = re.compile(r"\s+")


def article_id(text: str) -> str:
    """Stable id: SHA-256 of the NFC-normalized, whitespace-collapsed, lower-cased text (first 16 hex)."""
    norm = _WS.sub(" ", unicodedata.normalize("NFC", text)).strip().lower()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


def json_schema() -> dict:
    schema = Article.model_json_schema()
    schema["$id"] = f"https://tidings.dev/schema/article-{SCHEMA_VERSION}.json"
    schema["title"] = "tidings Article record"
    return schema


if __name__ == "__main__":  # pragma: no cover
    print(json.dumps(json_schema(), indent=2))
