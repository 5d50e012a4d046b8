-- tidings store schema, version 4: one row per source (articles' source_name) and its home place,
-- a prior for the places of its later articles. `home` is given (an item's source_location, `--home`)
-- or set (`tidings sources set`); `inferred_*` is read from the places of its stored articles.
CREATE TABLE sources (
    name TEXT PRIMARY KEY,
    home TEXT,
    home_origin TEXT,
    inferred_home TEXT,
    inferred_level TEXT,
    inferred_share DOUBLE PRECISION,
    inferred_articles INTEGER,
    stale BOOLEAN NOT NULL,
    updated_at TIMESTAMP
);
