"""Running ingest at scale: one process, N worker processes feeding one writer, or Ray Data.

    local.py     run_local: in this process, or a pool of worker processes (each loads the model once)
    ray_data.py  run_ray: read → prepare → claim → analyze (actor pool) → Parquet shards → import
    work.py      the pipeline's one route (prepare_batch, analyze_batch) in worker processes; Outcomes over the wire
    ledger.py    the single writer: skips stored ids, writes one transaction a batch, keeps the counts
    shards.py    the Parquet shard layout and its import

The public entry point is ``tidings.ingest.ingest``.
"""
