"""The REST API: /api/articles, /api/articles/{id}, /api/events, /api/quotes, /api/actors, /api/series, /api/search."""
from __future__ import annotations

import hmac
from typing import Annotated, Literal

from fastapi import APIRouter, Header, Query, Request
from pydantic import BaseModel, ConfigDict, Field

from ..corpus.queries import _dates, _like, find_actors, find_events, find_quotes
from ..corpus.series import series as dyad_series
from ..errors import InputError
from ..items import InputItem

router = APIRouter(prefix="/api", tags=["api"])

Limit = Annotated[int, Query(ge=1, le=500, description="Page size (1–500).")]
Offset = Annotated[int, Query(ge=0, le=100_000, description="Rows to skip.")]
Text = Annotated[str | None, Query(max_length=200)]


def _state(request: Request):
    return request.app.state.tidings


def _page(rows: list[dict], limit: int, offset: int) -> dict:
    return {"items": rows[offset:offset + limit], "limit": limit, "offset": offset,
            "count": len(rows[offset:offset + limit]), "more": len(rows) > offset + limit}


def list_articles(store, *, q: str | None = None, since: str | None = None, until: str | None = None,
                  source: str | None = None, limit: int = 50, offset: int = 0) -> list[dict]:
    where, params = ["1 = 1"], []
    if q:
        where.append("(a.title ILIKE ? OR a.text ILIKE ?)")
        params += [_like(q)] * 2
    if source:
        where.append("a.source_name = ?")
        params.append(source)
    _dates(where, params, "a.published_date", since, until)
    sql = ("SELECT a.id, a.title, a.published, a.source_name, a.url, a.n_events, a.n_quotes, a.tone_score "
           f"FROM articles a WHERE {' AND '.join(where)} "
           "ORDER BY a.published_date DESC NULLS LAST, a.ingest_seq DESC LIMIT ? OFFSET ?")
    return store.query_dicts(sql, [*params, int(limit), int(offset)])


@router.get("/articles", summary="List or search articles")
async def articles(request: Request, q: Text = None, since: str | None = None, until: str | None = None,
             source: Text = None, limit: Limit = 50, offset: Offset = 0) -> dict:
    rows = await _state(request).aread(list_articles, q=q, since=since, until=until, source=source,
                                limit=limit + 1, offset=offset)
    return {"items": rows[:limit], "limit": limit, "offset": offset, "count": len(rows[:limit]),
            "more": len(rows) > limit}


@router.get("/articles/{article_id}", summary="One article's full record")
async def article(request: Request, article_id: str) -> dict:
    from .app import WebError

    record = await _state(request).aread_article(article_id)
    if record is None:
        raise WebError(404, f"no article {article_id!r}")
    return record.as_dict()


class ArticleIn(BaseModel):
    """A posted article: text or HTML, with optional metadata."""
    model_config = ConfigDict(extra="forbid")
    text: str | None = Field(None, max_length=5_000_000)
    html: str | None = Field(None, max_length=5_000_000)
    url: str | None = Field(None, max_length=2000)
    published: str | None = Field(None, max_length=40)
    title: str | None = Field(None, max_length=1000)
    source_name: str | None = Field(None, max_length=200)


def _check_token(request: Request, authorization: str | None) -> None:
    from .app import WebError

    token = _state(request).token
    if not token:
        raise WebError(403, "writes are disabled: start the server with TIDINGS_TOKEN set")
    given = (authorization or "").removeprefix("Bearer ").strip()
    if not authorization or not authorization.startswith("Bearer ") or not hmac.compare_digest(given, token):
        raise WebError(401, "a valid bearer token is needed to write")


@router.post("/articles", status_code=201, summary="Analyze and store an article (bearer token)")
def post_article(request: Request, body: ArticleIn,
                 authorization: Annotated[str | None, Header()] = None) -> dict:
    from .app import WebError
    from ..pipeline import normalize_date

    _check_token(request, authorization)
    if not (body.text or body.html):
        raise WebError(422, "give `text` or `html`")
    state = _state(request)
    item = InputItem(text=body.text, html=body.html if not body.text else None, url=body.url,
                     published=normalize_date(body.published) if body.published else None,
                     title=body.title, source_name=body.source_name, location="POST /api/articles")
    record, error = state.analyze(item)  # in the analysis process; reads go on meanwhile
    if error is not None:
        raise WebError(422, error)
    result = state.write([record])
    return {"id": record.id, "stored": record.id in result.written, "duplicate": record.id in result.skipped,
            "entities": len(record.entities), "quotes": len(record.quotes), "events": len(record.events),
            "url": f"/articles/{record.id}"}


@router.get("/events", summary="Event mentions with filters")
async def events(request: Request, actor: Text = None, dyad: Text = None, root: Annotated[str | None, Query(pattern=r"^\d{1,2}$")] = None,
           code: Annotated[str | None, Query(pattern=r"^\d{1,4}$")] = None, since: str | None = None,
           until: str | None = None, modality: Literal["asserted", "negated", "conditional", "future", "historical", "claimed"] | None = None,
           place: Text = None, q: Text = None, limit: Limit = 50, offset: Offset = 0) -> dict:
    rows = await _state(request).aread(find_events, actor=actor, dyad=dyad, root=root, code=code, since=since, until=until,
                                modality=modality, place=place, text=q, limit=limit + offset + 1)
    return _page(rows, limit, offset)


@router.get("/quotes", summary="Quotes by speaker or text")
async def quotes(request: Request, speaker: Text = None, actor: Text = None, q: Text = None, since: str | None = None,
           until: str | None = None, limit: Limit = 50, offset: Offset = 0) -> dict:
    rows = await _state(request).aread(find_quotes, speaker=speaker, actor=actor, text=q, since=since, until=until,
                                limit=limit + offset + 1)
    return _page(rows, limit, offset)


@router.get("/actors", summary="Actors across articles")
async def actors(request: Request, name: Text = None, type: Annotated[str | None, Query(pattern=r"^[A-Za-z]{2,8}$")] = None,
           country: Annotated[str | None, Query(max_length=12)] = None, limit: Limit = 50, offset: Offset = 0) -> dict:
    rows = await _state(request).aread(find_actors, name=name, type=type, country=country, limit=limit + offset + 1)
    return _page(rows, limit, offset)


@router.get("/series", summary="Counts by QuadClass, Goldstein and escalation per period")
async def series(request: Request, dyad: Text = None, actor: Text = None,
           by: Literal["day", "week", "month"] = "day", directed: bool = False, since: str | None = None,
           until: str | None = None,
           modality: Literal["asserted", "negated", "conditional", "future", "historical", "claimed"] | None = "asserted") -> dict:
    if not dyad and not actor:
        raise InputError("a series needs `dyad` (USA-RUS) or `actor` (USA)")
    rows = await _state(request).aread(dyad_series, dyad=dyad, actor=actor, by=by, directed=directed, since=since,
                                until=until, modality=modality)
    return {"items": rows, "by": by, "dyad": dyad, "actor": actor}


@router.get("/search", summary="Search articles, quotes and actors at once")
async def search(request: Request, q: Annotated[str, Query(min_length=1, max_length=200)], limit: Limit = 20) -> dict:
    state = _state(request)
    return {"articles": await state.aread(list_articles, q=q, limit=limit),
            "quotes": await state.aread(find_quotes, text=q, limit=limit) + await state.aread(find_quotes, speaker=q, limit=limit),
            "actors": await state.aread(find_actors, name=q, limit=limit)}
