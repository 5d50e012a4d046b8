-- tidings store schema, version 1: one row per article, one row per item, keyed by article id.
-- Dialect-neutral SQL (DuckDB and PostgreSQL). Offsets are code points into articles.text.
-- "end" is reserved in both dialects, so spans are start_char / end_char.

CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    ingest_seq BIGINT NOT NULL,
    ingested_at TIMESTAMP NOT NULL,
    schema_version TEXT,
    url TEXT,
    title TEXT,
    published TEXT,
    published_date DATE,
    published_source TEXT,
    source_name TEXT,
    author TEXT,
    language TEXT,
    text TEXT NOT NULL,
    tone_score DOUBLE PRECISION,
    tone_positive DOUBLE PRECISION,
    tone_negative DOUBLE PRECISION,
    n_events INTEGER,
    n_quotes INTEGER,
    record BYTEA NOT NULL  -- the full record: rows.pack_record (zstd JSON without text)
);

CREATE TABLE entities (
    article_id TEXT NOT NULL,
    id TEXT NOT NULL,
    name TEXT,
    type TEXT,
    aliases TEXT,
    role TEXT,
    affiliation TEXT,
    actor_code TEXT,
    n_mentions INTEGER
);

CREATE TABLE mentions (
    article_id TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    start_char INTEGER,
    end_char INTEGER,
    text TEXT,
    sentence INTEGER
);

CREATE TABLE quotes (
    article_id TEXT NOT NULL,
    id TEXT NOT NULL,
    kind TEXT,
    text TEXT,
    sentence INTEGER,
    start_char INTEGER,
    end_char INTEGER,
    spans TEXT,
    cue_text TEXT,
    cue_lemma TEXT,
    speaker_entity TEXT,
    speaker_name TEXT,
    speaker_anonymous TEXT,
    speaker_affiliation TEXT,
    confidence DOUBLE PRECISION
);

CREATE TABLE events (
    article_id TEXT NOT NULL,
    id TEXT NOT NULL,
    sentence INTEGER,
    source_entity TEXT,
    source_code TEXT,
    source_name TEXT,
    source_country TEXT,
    source_start INTEGER,
    target_entity TEXT,
    target_code TEXT,
    target_name TEXT,
    target_country TEXT,
    target_start INTEGER,
    action_text TEXT,
    action_start INTEGER,
    action_end INTEGER,
    cameo TEXT,
    root TEXT,
    name TEXT,
    goldstein DOUBLE PRECISION,
    quad_class INTEGER,
    plover_type TEXT,
    plover_mode TEXT,
    modality TEXT,
    attributed_to TEXT,
    date_value TEXT,
    date_basis TEXT,
    event_date DATE,
    place_id TEXT,
    tone DOUBLE PRECISION,
    confidence DOUBLE PRECISION
);

CREATE TABLE quantities (
    article_id TEXT NOT NULL,
    id TEXT NOT NULL,
    start_char INTEGER,
    end_char INTEGER,
    text TEXT,
    value DOUBLE PRECISION,
    low DOUBLE PRECISION,
    high DOUBLE PRECISION,
    unit TEXT,
    counted TEXT,
    normalized_unit TEXT,
    qualifier TEXT,
    change TEXT,
    category TEXT,
    attached_to TEXT,
    sentence INTEGER
);

CREATE TABLE times (
    article_id TEXT NOT NULL,
    id TEXT NOT NULL,
    start_char INTEGER,
    end_char INTEGER,
    text TEXT,
    type TEXT,
    value TEXT,
    mod TEXT,
    sentence INTEGER,
    removed_line INTEGER
);

CREATE TABLE places (
    article_id TEXT NOT NULL,
    id TEXT NOT NULL,
    start_char INTEGER,
    end_char INTEGER,
    text TEXT,
    name TEXT,
    lat DOUBLE PRECISION,
    lon DOUBLE PRECISION,
    country TEXT,
    admin1 TEXT,
    feature_code TEXT,
    geonameid BIGINT,
    confidence DOUBLE PRECISION,
    sentence INTEGER,
    entity TEXT
);

CREATE TABLE removed_lines (
    article_id TEXT NOT NULL,
    line INTEGER,
    text TEXT,
    reason TEXT
);

CREATE TABLE mt_artifacts (
    article_id TEXT NOT NULL,
    start_char INTEGER,
    end_char INTEGER,
    text TEXT,
    kind TEXT,
    suggestion TEXT
);

-- Duplicate stories: every article belongs to one story (its own when it has no copy).
CREATE TABLE stories (
    article_id TEXT PRIMARY KEY,
    story_id TEXT NOT NULL,
    similarity DOUBLE PRECISION,
    method TEXT
);

-- What dedup needs to compare a new article with the stored ones (MinHash values, signature).
CREATE TABLE signatures (
    article_id TEXT PRIMARY KEY,
    minhash BYTEA,
    signature TEXT
);

-- Events across reports: filled by Store.recluster().
CREATE TABLE event_clusters (
    cluster_id TEXT PRIMARY KEY,
    global_id BIGINT NOT NULL,
    source_country TEXT,
    target_country TEXT,
    root TEXT,
    cameo TEXT,
    quad_class INTEGER,
    goldstein DOUBLE PRECISION,
    first_seen DATE,
    last_seen DATE,
    event_date DATE,
    num_mentions INTEGER,
    num_articles INTEGER,
    num_sources INTEGER,
    num_stories INTEGER,
    asserted BOOLEAN,
    modalities TEXT,
    place_country TEXT,
    place_name TEXT,
    details TEXT
);

CREATE TABLE event_cluster_members (
    article_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    cluster_id TEXT NOT NULL
);

CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT
);
