"""Ingest: read inputs, analyze them (one process, N processes or Ray), store the records once.

    from tidings.ingest import IngestOptions, ingest
    summary = ingest(["news/", "feed.jsonl"], IngestOptions(db="news.duckdb", workers=4))
    print(summary.analyzed, summary.duplicates, summary.failed)

(``ingest(paths, db=..., workers=4)`` is the same: keywords are the fields of IngestOptions.)

Idempotent by article id: what the store holds is skipped after preparation (before
the parse), so re-running a stopped ingest resumes it. Ctrl-C (SIGINT) stops after the
batches in flight and keeps everything written; a second Ctrl-C stops at once.
"""
from __future__ import annotations

import os
import signal
import threading
import time
from dataclasses import asdict, dataclass, field, fields as dataclass_fields, replace
from pathlib import Path
from typing import Callable, Iterable

from .errors import ConfigError, InputError, StoreError, TidingsError
from .items import InputItem
from .readers import FieldMap, Source, count_items, expand_paths, read_source
from .scale.work import item_with_defaults, with_home as item_home
from . import settings
from .settings import DEFAULT_DB

__all__ = ["ingest", "IngestOptions", "IngestSummary", "ENGINES", "DEFAULT_DB"]

ENGINES = ("local", "ray")


@dataclass
class IngestSummary:
    """What an ingest did. ``failures`` keeps the first ``failures_limit`` of ``failed``."""
    analyzed: int = 0  # records written by this run
    duplicates: int = 0  # skipped: already stored, or the same article twice in the input
    failed: int = 0  # inputs that gave no record
    other_language: int = 0  # of `analyzed`: stored with a warning, not parsed (not English)
    failures: list[TidingsError] = field(default_factory=list)  # each names its input in ``item``
    total: int | None = None  # items expected, when the inputs say so cheaply
    interrupted: bool = False
    elapsed_s: float = 0.0
    engine: str = "local"
    workers: int = 1
    shards: str | None = None  # Ray: the folder of Parquet shards
    worker_peak_rss_mb: dict[str, float] = field(default_factory=dict)

    @property
    def processed(self) -> int:
        return self.analyzed + self.duplicates + self.failed

    @property
    def rate(self) -> float:
        """Items processed per second."""
        return self.processed / self.elapsed_s if self.elapsed_s > 0 else 0.0

    def as_dict(self) -> dict:
        failures, self.failures = self.failures, []
        try:
            data = asdict(self)
        finally:
            self.failures = failures
        data["failures"] = [{"location": f.item or "<input>", "code": f.code, "message": f.message, "hint": f.hint}
                            for f in failures]
        data["processed"] = self.processed
        return data


@dataclass
class IngestOptions:
    """How to ingest. `db`, `workers`, `model` and `actors` default to their settings (flag > env > tidings.toml).

    `store` (an open store) wins over `db`. `published`, `url` and `source_name` fill
    items that lack them; `url` needs a single text or HTML input. `engine="ray"` runs
    on Ray Data with `workers` analyzer actors (None: one a CPU) on the cluster at `address`
    (None: a local instance of `workers` CPUs), writing Parquet shards to `shards` and
    importing them unless `import_shards` is False. `root` (for a server) confines every
    path to that folder: paths leaving it through `..` or symlinks are failures, not read
    (folder walks never follow symlinks out anyway). `actors` is a user actor dictionary.
    `home` is the source's home place ("Alexandria, La.") for items without a `source_location`.
    """
    db: str | os.PathLike | None = None
    store: object = None
    workers: int | None = None
    engine: str = "local"
    batch_size: int = 32
    model: str | None = None
    actors: str | os.PathLike | None = None
    kind: str | None = None
    fields: FieldMap | dict | None = None
    published: str | None = None
    url: str | None = None
    source_name: str | None = None
    home: str | None = None
    address: str | None = None
    shards: str | os.PathLike | None = None
    import_shards: bool = True
    progress: Callable[[IngestSummary], None] | None = None
    on_failure: Callable[[TidingsError], None] | None = None
    failures_limit: int = 1000
    handle_sigint: bool = True
    root: str | os.PathLike | None = None


_OPTION_NAMES = frozenset(f.name for f in dataclass_fields(IngestOptions))


def ingest(inputs: Iterable[str | os.PathLike | InputItem | dict], options: IngestOptions | None = None,
           **changes) -> IngestSummary:
    """Analyze every item of `inputs` and store the records; return what happened.

    `inputs` are paths (files, folders, "-" for standard input) or InputItem/dict items.
    `options` says how (see IngestOptions); keyword `changes` set fields of it.
    """
    unknown = sorted(set(changes) - _OPTION_NAMES)
    if unknown:
        raise TypeError(f"ingest() got unknown option(s): {', '.join(unknown)}")
    o = replace(options or IngestOptions(), **changes)
    engine, batch_size, published, url, store = o.engine, o.batch_size, o.published, o.url, o.store
    workers = settings.value("workers", o.workers)
    model = settings.value("model", o.model)
    actors = settings.value("actors", o.actors)
    actors = os.fspath(Path(actors).resolve()) if actors is not None else None
    if actors is not None:
        from .extract.actors.lexicon import load_actor_dictionary

        load_actor_dictionary(actors)  # a bad dictionary stops the run before any work
    if engine not in ENGINES:
        raise ConfigError(f"unknown engine {engine!r}", hint="use " + " or ".join(ENGINES))
    if (workers is not None and workers < 1) or batch_size < 1:
        raise ConfigError("--workers and --batch-size must be at least 1")
    if published is not None:
        from .pipeline import normalize_date

        try:
            published = normalize_date(published)
        except InputError as exc:
            raise ConfigError(f"--published: {exc.message}", hint=exc.hint) from None
    field_map = o.fields if isinstance(o.fields, FieldMap) else FieldMap.from_pairs(o.fields)
    defaults = {"published": published, "url": url, "source_name": o.source_name,
                "source_location": o.home}
    paths, items = _split_inputs(inputs)
    sources = list(expand_paths(paths, o.kind, root=o.root))
    _check_url(url, sources, items)

    summary = IngestSummary(engine=engine, workers=workers or (1 if engine == "local" else 0))
    good = [s for s in sources if isinstance(s, Source)]
    parquet = [s for s in good if s.kind == "parquet"]
    readable = [s for s in good if s.kind != "parquet"]
    counted = count_items(readable) if not items else None
    summary.total = None if counted is None else counted + sum(isinstance(s, TidingsError) for s in sources)

    homes: dict[str, str] = {}  # source name → its home place in the store (filled once it is open)

    def with_home(item):
        """`--home`, else the store's home of the item's source, for an item without a source_location."""
        return item_home(item, o.home, homes)

    def stream():
        for source in sources:
            if isinstance(source, TidingsError):
                yield source
            elif source.kind != "parquet":
                for item in read_source(source, fields=field_map, defaults=defaults):
                    yield with_home(item)  # every reader's items, not only JSON Lines ones
        for item in items:
            yield with_home(item_with_defaults(item, defaults))

    own_store = store is None
    if own_store:
        store = _open_store(o.db)
    if hasattr(store, "source_homes"):  # a store of the minimal interface (write_articles, …) has no sources
        homes.update(store.source_homes())
    from .scale.ledger import Ledger

    ledger = Ledger(store, summary, o.progress, failures_limit=o.failures_limit, on_failure=o.on_failure)
    stop = threading.Event()
    started = time.monotonic()
    restore = _install_sigint(stop) if o.handle_sigint else None
    try:
        if parquet:
            from .scale.shards import import_shards as _import

            _import([Path(s.path) for s in parquet], ledger, batch_size=batch_size, stop=stop)
        if engine == "ray":
            from .scale.ray_data import run_ray

            summary.shards = str(run_ray(sources, items, field_map, defaults, ledger, workers=workers, model=model,
                                         batch_size=batch_size, address=o.address, shards=o.shards,
                                         import_shards=o.import_shards, stop=stop, actor_dictionary=actors,
                                         home=o.home, homes=homes))
        else:
            from .scale.local import run_local

            run_local(stream(), ledger, workers=workers or 1, model=model, batch_size=batch_size, stop=stop,
                      actors=actors)
        if summary.analyzed and hasattr(store, "ensure_source_homes"):
            store.ensure_source_homes()  # the next run's items get the homes inferred from this one's
    except KeyboardInterrupt:  # the second Ctrl-C: what is written stays written
        summary.interrupted = True
    finally:
        if restore is not None:
            restore()
        summary.elapsed_s = time.monotonic() - started
        if own_store:
            store.close()
    if o.progress is not None:
        o.progress(summary)
    return summary


def _split_inputs(inputs) -> tuple[list[str], list[InputItem | dict | str]]:
    if isinstance(inputs, (str, os.PathLike, InputItem, dict)):
        inputs = [inputs]
    paths, items = [], []
    for obj in inputs:
        if isinstance(obj, (str, os.PathLike)):
            paths.append(os.fspath(obj))
        elif isinstance(obj, (InputItem, dict)):
            items.append(obj)
        else:
            raise ConfigError(f"cannot ingest an object of type {type(obj).__name__}",
                              hint="give paths, InputItem or dict items")
    return paths, items


def _check_url(url, sources, items) -> None:
    if url is None:
        return
    kinds = [s.kind for s in sources if isinstance(s, Source)]
    if len(kinds) + len(items) != 1 or (kinds and kinds[0] not in ("text", "html", "sniff")):
        raise ConfigError("--url names one article: give it with a single text or HTML file")


def _open_store(db):
    try:
        from .store import open_store
    except ImportError as exc:
        raise StoreError(f"the store is not available ({exc})") from None
    return open_store(settings.value("db", os.fspath(db) if db is not None else None))


def _install_sigint(stop: threading.Event):
    """First Ctrl-C sets `stop` (finish the batches in flight, keep them); the second interrupts."""
    if threading.current_thread() is not threading.main_thread():
        return None
    previous = signal.getsignal(signal.SIGINT)

    def handler(signum, frame):
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()

    signal.signal(signal.SIGINT, handler)
    return lambda: signal.signal(signal.SIGINT, previous)
