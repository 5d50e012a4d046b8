"""What watch remembers between polls, in the store itself (tables watch_http, watch_seen, alerts)."""
from __future__ import annotations

import json
from datetime import datetime, timezone

__all__ = ["WatchState"]

def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class WatchState:
    def __init__(self, store):
        self.store = store  # its tables come with the store's migration 0003_watch

    # HTTP validators
    def validators(self, url: str) -> tuple[str | None, str | None]:
        rows = self.store.query("SELECT etag, last_modified FROM watch_http WHERE url = ?", [url])
        return (rows[0][0], rows[0][1]) if rows else (None, None)

    def remember_validators(self, url: str, etag: str | None, last_modified: str | None) -> None:
        with self.store._transaction():
            self.store._execute("DELETE FROM watch_http WHERE url = ?", (url,))
            self.store._execute("INSERT INTO watch_http VALUES (?, ?, ?, ?)", (url, etag, last_modified, _now()))

    # items
    def seen(self, url: str) -> bool:
        return bool(self.store.query("SELECT 1 FROM watch_seen WHERE url = ?", [url]))

    def mark_seen(self, url: str, article_id: str | None) -> None:
        with self.store._transaction():
            if not self.store.query("SELECT 1 FROM watch_seen WHERE url = ?", [url]):
                self.store._execute("INSERT INTO watch_seen VALUES (?, ?, ?)", (url, article_id, _now()))

    # alerts
    def alert_sent(self, alert_id: str) -> bool:
        return bool(self.store.query("SELECT 1 FROM alerts WHERE id = ?", [alert_id]))

    def record_alert(self, alert: dict) -> None:
        with self.store._transaction():
            self.store._execute("INSERT INTO alerts VALUES (?, ?, ?, ?, ?)",
                                (alert["id"], alert["rule"], alert["time"], alert["summary"], json.dumps(alert)))
