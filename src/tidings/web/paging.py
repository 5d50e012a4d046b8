"""Paging for the list pages: "N events where dyad is USA-RUS", previous/next links, sort links and the
"Download CSV" link for exactly the filters shown (the API list of the same name, same page)."""
from __future__ import annotations

from urllib.parse import urlencode

__all__ = ["Pager"]

# how a page parameter reads in the sentence; the API name where it differs from the page's
_WORDS = {"q": "text contains", "since": "from", "until": "until", "source": "source is", "speaker": "speaker is like",
          "dyad": "dyad is", "actor": "actor is", "root": "root is", "modality": "modality is",
          "code": "CAMEO code is", "place": "place is like", "at": "place is"}


class Pager:
    """One page of a list: `filters` (page parameter → value; None or "" = unset) are kept in every link."""

    def __init__(self, path: str, noun: str, filters: dict, total: int, shown: int, limit: int, offset: int, *,
                 sort: str | None = None, default_sort: str | None = None, extra: dict | None = None):
        self.path, self.noun = path, noun
        self.filters = {k: v for k, v in filters.items() if v not in (None, "")}
        self.total, self.shown, self.limit, self.offset = total, shown, limit, offset
        self.sort, self.default_sort = sort, default_sort
        self.extra = {k: v for k, v in (extra or {}).items() if v not in (None, "")}

    def _query(self, **changes) -> str:
        params = {**self.filters, **self.extra}
        if self.sort and self.sort != self.default_sort:
            params["sort"] = self.sort
        if self.limit != 100:
            params["limit"] = self.limit
        params["offset"] = self.offset
        params.update(changes)
        params = {k: v for k, v in params.items() if v not in (None, "") and not (k == "offset" and v == 0)}
        return urlencode(params)

    def url(self, **changes) -> str:
        query = self._query(**changes)
        return self.path + ("?" + query if query else "")

    @property
    def summary(self) -> str:
        """`1,234 events where dyad is USA-RUS and from 2021-12-01`."""
        noun = self.noun if self.total != 1 else self.noun.rstrip("s")
        where = " and ".join("either way round" if k == "directed" else f"{_WORDS.get(k, k)} {v}"
                             for k, v in self.filters.items())
        return f"{self.total:,} {noun}" + (f" where {where}" if where else "")

    @property
    def range(self) -> str:
        if not self.shown:
            return ""
        return f"{self.offset + 1:,}–{self.offset + self.shown:,} of {self.total:,}"

    @property
    def previous(self) -> str | None:
        return self.url(offset=max(self.offset - self.limit, 0)) if self.offset > 0 else None

    @property
    def next(self) -> str | None:
        return self.url(offset=self.offset + self.limit) if self.offset + self.shown < self.total else None

    def sort_url(self, column: str) -> str:
        """The link of a column header: ascending first; the second click descending; back to page one."""
        target = "-" + column if self.sort == column else column
        return self.path + "?" + urlencode({**self._params_no_sort(), "sort": target})

    def _params_no_sort(self) -> dict:
        params = {**self.filters, **self.extra}
        if self.limit != 100:
            params["limit"] = self.limit
        return params

    def sort_mark(self, column: str) -> str:
        return " ▲" if self.sort == column else " ▼" if self.sort == "-" + column else ""

    @property
    def csv(self) -> str:
        """The API list of the same name for these filters and this page, as CSV."""
        params = dict(self.filters)  # the pages name their parameters as the API does
        if self.sort:
            params["sort"] = self.sort
        params.update({"limit": self.limit, "offset": self.offset, "format": "csv"})
        return f"/api/{self.noun}?" + urlencode(params)
