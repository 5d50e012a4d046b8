"""Ingest on Ray Data: read → prepare → (driver: drop stored ids) → analyze in an actor pool → Parquet shards → store.

    read      one task a file (the files must be reachable from every node)
    prepare   clean, id, language: plain tasks, no model
    claim     the driver asks the store which ids it holds; first occurrence wins
    analyze   an actor pool of `workers` actors, each loading the model once
    write     Parquet shards (see shards.py), then imported into the store in batches
              unless the caller leaves them for a warehouse

Order is preserved, so the records equal the single-process ones, record for record.
"""
from __future__ import annotations

import io
import json
import logging
import math
import os
import sys
import tempfile
import time
import warnings
from pathlib import Path

from ..errors import WORKER_CRASHED, ConfigError, TidingsError, error_for
from ..items import InputItem
from ..readers import STDIN, Source, read_source
from . import shards as _shards
from .shards import SHARD_COLUMNS, shard_row
from .work import bare_prepare, item_with_defaults, peak_rss_mb, with_home

__all__ = ["run_ray"]

_ITEM_FIELDS = ("text", "html", "url", "published", "title", "id", "source_name", "location", "source_location")
_KEY_SHIFT = 1 << 32  # row key = source index * 2**32 + position in the source


def _schemas():
    import pyarrow as pa

    s, i = pa.string(), pa.int64()
    item = pa.schema([("src", i), ("pos", i)] + [(f, s) for f in _ITEM_FIELDS]
                     + [("extra", s), ("error_code", s), ("error_message", s)])
    prep = pa.schema([("key", i), ("id", s), ("location", s), ("prepared", s), ("error_code", s),
                      ("error_message", s)])
    rec = pa.schema([(c, s) for c in SHARD_COLUMNS] + [("location", s), ("error_code", s), ("error_message", s),
                                                       ("worker", s), ("rss_mb", pa.float64())])
    return item, prep, rec


def _item_row(src: int, pos: int, obj: InputItem | TidingsError) -> dict:
    row = {"src": src, "pos": pos, **{f: None for f in _ITEM_FIELDS}, "extra": None,
           "error_code": None, "error_message": None}
    if isinstance(obj, TidingsError):
        row.update(location=obj.item or "<input>", error_code=obj.code, error_message=_message(obj))
    else:
        row.update({f: getattr(obj, f) for f in _ITEM_FIELDS})
        row["extra"] = json.dumps(obj.extra) if obj.extra else None
    return row


def _message(exc: TidingsError) -> str:
    return exc.message + (f" ({exc.hint})" if exc.hint else "")


def _failed(code: str, message: str | None, location: str | None) -> TidingsError:
    return error_for(code, message or "", item=location or "<input>")


def _row_item(row: dict) -> InputItem:
    extra = json.loads(row["extra"]) if row.get("extra") else {}
    return InputItem(**{f: row[f] for f in _ITEM_FIELDS if row[f] is not None}, extra=extra)


# ---- stage functions (run in Ray workers) --------------------------------------------
def _read_files(batch, fields, defaults, home=None, homes=None):
    import pyarrow as pa

    rows = []
    columns = (batch[c].to_pylist() for c in ("src", "path", "kind", "name"))
    for src, path, kind, name in zip(*columns):
        for pos, obj in enumerate(read_source(Source(path, kind, name), fields=fields, defaults=defaults)):
            rows.append(_item_row(src, pos, with_home(obj, home, homes or {})))
    return pa.Table.from_pylist(rows, schema=_schemas()[0])


def _prepare(batch):
    import pyarrow as pa

    rows = []
    for row in batch.to_pylist():
        key = row["src"] * _KEY_SHIFT + row["pos"]
        out = {"key": key, "id": None, "location": row["location"], "prepared": None,
               "error_code": row["error_code"], "error_message": row["error_message"]}
        if row["error_code"] is None:
            outcome = bare_prepare([_row_item(row)])[0]
            if outcome.error is not None:
                out.update(location=outcome.location, error_code=outcome.error.code,
                           error_message=_message(outcome.error))
            else:
                out.update(id=outcome.article.id, prepared=outcome.article.to_json())
        rows.append(out)
    return pa.Table.from_pylist(rows, schema=_schemas()[1])


def _keep(batch, keep):
    import pyarrow as pa
    import pyarrow.compute as pc

    return batch.filter(pc.is_in(batch["key"], value_set=pa.array(keep, pa.int64())))


class _Analyzer:
    """One actor: loads the model once, analyzes batches of prepared records."""

    def __init__(self, model, batch_size, actors=None):
        from ..pipeline import Pipeline

        self.pipeline = Pipeline(model, batch_size=batch_size, actors=actors)

    def __call__(self, batch):
        import pyarrow as pa

        from ..pipeline import Outcome
        from ..record import Article

        rows = batch.to_pylist()
        out = []
        try:
            outcomes = [Outcome(InputItem(location=r["location"]), article=Article.model_validate_json(r["prepared"]))
                        for r in rows]
            for row, outcome in zip(rows, self.pipeline.analyze_batch(outcomes)):
                if outcome.error is not None:
                    out.append({**{c: None for c in SHARD_COLUMNS}, "id": row["id"], "location": outcome.location,
                                "error_code": outcome.error.code, "error_message": _message(outcome.error)})
                else:
                    out.append({**shard_row(outcome.article), "location": row["location"], "error_code": None,
                                "error_message": None})
        except Exception as exc:  # a bug in a stage runner: report the batch, keep the run
            out = [{**{c: None for c in SHARD_COLUMNS}, "id": r["id"], "location": r["location"],
                    "error_code": WORKER_CRASHED, "error_message": f"worker error: {type(exc).__name__}: {exc}"}
                   for r in rows]
        worker, rss = str(os.getpid()), peak_rss_mb()
        for row in out:
            row.update(worker=worker, rss_mb=rss)
        return pa.Table.from_pylist(out, schema=_schemas()[2])


# ---- the driver -------------------------------------------------------------------------
def run_ray(sources, items, fields, defaults, ledger, *, workers: int | None, model: str | None,
            batch_size: int, address: str | None, shards, import_shards: bool = True, stop=None,
            actor_dictionary: str | None = None, home: str | None = None,
            homes: dict[str, str] | None = None) -> Path | str:
    """Run the pipeline on Ray; returns where the shards are. `actor_dictionary`: the actors setting, for every actor;
    `home` (``--home``) and `homes` (source name → its home in the store) for items without a source_location."""
    homes = dict(homes or {})
    try:
        import pyarrow as pa
        import ray
        import ray.data
    except ImportError as exc:
        raise ConfigError(f"the Ray engine needs ray[data] ({exc.name} is missing)",
                          hint="pip install 'ray[data]==2.60.0'") from None
    _quiet_ray_logs()
    out = _shard_target(shards)
    if import_shards and "://" in str(out):
        raise ConfigError("shards on remote storage are left for your warehouse",
                          hint="add --no-import, or give a local or shared-filesystem folder")
    started_here = False
    native = _NativeStderr()
    native.start()
    try:
        if not ray.is_initialized():
            options = dict(include_dashboard=False, configure_logging=False, log_to_driver=False)
            if address:
                ray.init(address=address, **options)
            else:
                ray.init(num_cpus=workers or os.cpu_count(), **options)
            started_here = True
        actors = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
        context = ray.data.DataContext.get_current()
        context.execution_options.preserve_order = True
        context.enable_progress_bars = False
        context.wait_for_min_actors_s = 300  # every actor up before work is handed out, so each gets a share
        item_schema, _, _ = _schemas()

        files = [s for s in sources if isinstance(s, Source) and s.kind != "parquet" and s.path != STDIN]
        memory_rows = []
        for src, source in enumerate(sources):
            if isinstance(source, TidingsError):
                ledger.fail(source)
            elif source.path == STDIN:  # read on the driver
                memory_rows.extend(_item_row(len(sources) + src, pos, with_home(obj, home, homes))
                                   for pos, obj in enumerate(read_source(source, fields=fields, defaults=defaults)))
        memory_rows.extend(_item_row(2 * len(sources) + 1, pos, with_home(item_with_defaults(obj, defaults), home, homes))
                           for pos, obj in enumerate(items))
        parts = []
        if files:
            listing = ray.data.from_items([{"src": sources.index(s), "path": str(Path(s.path).resolve()),
                                            "kind": s.kind, "name": s.location} for s in files])
            parts.append(listing.map_batches(_read_files, batch_size=1, batch_format="pyarrow",
                                             fn_kwargs={"fields": fields, "defaults": defaults, "home": home,
                                                        "homes": homes}))
        if memory_rows:
            parts.append(ray.data.from_arrow(pa.Table.from_pylist(memory_rows, schema=item_schema)))
        if not parts:
            return out
        dataset = (parts[0].union(*parts[1:]) if len(parts) > 1 else parts[0]).materialize()
        rows = dataset.count()
        dataset = dataset.repartition(_blocks(rows, batch_size, actors))  # one file is one block: split it
        prepared = dataset.map_batches(_prepare, batch_size=_actor_batch(rows, batch_size, actors),
                                       batch_format="pyarrow").materialize()  # batches no bigger than a share

        keep = _claim(prepared, ledger)
        if stop is not None and stop.is_set():
            ledger.summary.interrupted = True
            return out
        if keep:
            todo = prepared.map_batches(_keep, batch_format="pyarrow", fn_kwargs={"keep": keep})
            analyzed = todo.map_batches(_Analyzer, fn_constructor_kwargs={"model": model, "batch_size": batch_size,
                                                                       "actors": actor_dictionary},
                                        batch_size=_actor_batch(len(keep), batch_size, actors),
                                        batch_format="pyarrow", num_cpus=1,
                                        compute=ray.data.ActorPoolStrategy(
                                            size=actors, max_tasks_in_flight_per_actor=2)).materialize()
            _report(analyzed, ledger)
            before = set(_shards.shard_files([Path(out)])) if "://" not in str(out) else set()
            good = analyzed.map_batches(_ok_rows, batch_format="pyarrow").select_columns(list(SHARD_COLUMNS))
            good.write_parquet(str(out))
            if import_shards:  # only the shards this run wrote
                written = [p for p in _shards.shard_files([Path(out)]) if p not in before]
                _shards.import_shards(written, ledger, batch_size=max(batch_size, 256), stop=stop)
        return out
    finally:
        try:
            if started_here:
                ray.shutdown()
        finally:
            native.stop()


def _blocks(rows: int, batch_size: int, actors: int) -> int:
    """Blocks to split the items into: at least one an actor (a small input too), else none smaller than a batch."""
    return max(1, min(rows, max(actors, min(math.ceil(rows / batch_size), max(actors * 4, math.ceil(rows / 2000))))))


def _actor_batch(rows: int, batch_size: int, actors: int) -> int:
    """Rows a batch sent to an actor: `batch_size`, or fewer when that would leave an actor idle."""
    return max(1, min(batch_size, math.ceil(rows / max(1, actors))))


def _verbose() -> bool:
    from .. import settings

    return bool(settings.value("verbose"))


class _NativeStderr:
    """While Ray runs, what its C++ core writes to file descriptor 2 goes to a log file
    (tidings-ray-PID.log in the temp folder) unless TIDINGS_VERBOSE is set; Python's sys.stderr
    (progress, summary, errors) still reaches the terminal."""

    def __init__(self):
        self.saved: int | None = None
        self.python_stderr = None
        self.path: str | None = None

    def start(self) -> None:
        if _verbose():
            return
        try:
            sys.stderr.flush()
            self.path = os.path.join(tempfile.gettempdir(), f"tidings-ray-{os.getpid()}.log")
            log = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
            self.saved = os.dup(2)
            self.python_stderr = sys.stderr
            sys.stderr = io.TextIOWrapper(io.FileIO(os.dup(self.saved), "w"), encoding="utf-8",
                                          errors="backslashreplace", line_buffering=True)
            os.dup2(log, 2)
            os.close(log)
        except (OSError, ValueError, AttributeError):  # no real fd 2 (embedded, odd test runners): leave it
            self.stop()

    def stop(self) -> None:
        if self.saved is None:
            return
        try:
            sys.stderr.flush()
        except (OSError, ValueError):
            pass
        os.dup2(self.saved, 2)
        os.close(self.saved)
        self.saved = None
        if self.python_stderr is not None:
            ours, sys.stderr = sys.stderr, self.python_stderr
            if ours is not self.python_stderr:
                ours.close()
            self.python_stderr = None


def _quiet_ray_logs() -> None:
    """Ray's own log lines stay out of the terminal unless TIDINGS_VERBOSE is set (`ingest --verbose`)."""
    verbose = _verbose()
    for name in ("ray", "ray.data"):
        logging.getLogger(name).setLevel(logging.INFO if verbose else logging.ERROR)
    if not verbose:  # Ray Data also speaks through warnings.warn in the driver
        warnings.filterwarnings("ignore", module=r"ray(\.|$)")


def _claim(prepared, ledger) -> list[int]:
    """Failures to the ledger; ids asked of the store in input order; the row keys to analyze."""
    keep: list[int] = []
    columns = ["key", "id", "location", "error_code", "error_message"]
    for batch in prepared.select_columns(columns).iter_batches(batch_size=4096, batch_format="pyarrow"):
        rows = batch.to_pylist()
        for row in rows:
            if row["error_code"] is not None:
                ledger.fail(_failed(row["error_code"], row["error_message"], row["location"]))
        ok = [row for row in rows if row["error_code"] is None]
        for row, fresh in zip(ok, ledger.claim_ids([row["id"] for row in ok])):
            if fresh:
                keep.append(row["key"])
    return keep


def _report(analyzed, ledger) -> None:
    columns = ["id", "location", "error_code", "error_message", "worker", "rss_mb"]
    for batch in analyzed.select_columns(columns).iter_batches(batch_size=4096, batch_format="pyarrow"):
        for row in batch.to_pylist():
            if row["worker"]:
                ledger.worker_rss(row["worker"], row["rss_mb"] or 0.0)
            if row["error_code"] is not None:
                ledger.fail(_failed(row["error_code"], row["error_message"], row["location"] or row["id"]))


def _ok_rows(batch):
    import pyarrow.compute as pc

    return batch.filter(pc.is_null(batch["error_code"]))


def _shard_target(shards) -> Path | str:
    if shards is not None and "://" in str(shards):
        return str(shards)
    if shards is not None:
        return Path(shards).resolve()
    return (Path("tidings-shards") / time.strftime("run-%Y%m%d-%H%M%S")).resolve()
