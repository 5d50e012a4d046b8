"""Corpus-level analysis over a store: duplicate stories, event clusters, series, queries."""
