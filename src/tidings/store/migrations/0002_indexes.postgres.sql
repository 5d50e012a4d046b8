-- PostgreSQL only: B-tree indexes for the query paths (DuckDB relies on its zone maps instead).
CREATE INDEX entities_article ON entities (article_id);
CREATE INDEX mentions_article ON mentions (article_id);
CREATE INDEX quotes_article ON quotes (article_id);
CREATE INDEX events_article ON events (article_id);
CREATE INDEX events_dyad_date ON events (source_country, target_country, event_date);
CREATE INDEX events_root ON events (root);
CREATE INDEX quantities_article ON quantities (article_id);
CREATE INDEX times_article ON times (article_id);
CREATE INDEX places_article ON places (article_id);
CREATE INDEX removed_lines_article ON removed_lines (article_id);
CREATE INDEX mt_artifacts_article ON mt_artifacts (article_id);
CREATE INDEX stories_story ON stories (story_id);
CREATE INDEX members_cluster ON event_cluster_members (cluster_id);
CREATE INDEX members_event ON event_cluster_members (article_id, event_id);
