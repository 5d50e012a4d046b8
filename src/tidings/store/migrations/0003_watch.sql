-- tidings store schema, version 3: what `tidings watch` remembers between polls.
CREATE TABLE watch_http (url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, checked_at TEXT);
CREATE TABLE watch_seen (url TEXT PRIMARY KEY, article_id TEXT, seen_at TEXT);
CREATE TABLE alerts (id TEXT PRIMARY KEY, rule TEXT, created_at TEXT, summary TEXT, payload TEXT);
