"""The REST API: /api/articles, /api/articles/{id}, /api/events, /api/quotes, /api/actors, /api/series, /api/search.

Every parameter is validated here (422 in the one error shape, `errors.py`); the queries live in corpus/.
"""
from __future__ import annotations

import hmac
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request, Security
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from ..corpus.queries import (ACTOR_COLUMNS, ARTICLE_COLUMNS, ARTICLE_SORTS, EVENT_COLUMNS, EVENT_SORTS, MODALITIES,
                              QUOTE_COLUMNS, count_actors, count_articles, count_events, count_quotes, find_actors,
                              find_events, find_quotes, list_articles, parse_day)
from ..corpus.series import series as dyad_series
from ..errors import TidingsError
from ..items import InputItem
from .errors import ERROR_RESPONSES, WebError
from .export import listing
from .search import search_articles, search_quotes

router = APIRouter(prefix="/api", tags=["api"], responses={422: ERROR_RESPONSES[422]})
bearer = HTTPBearer(auto_error=False, description="`Authorization: Bearer <TIDINGS_TOKEN>`; needed to write.")


def _day(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    try:
        return parse_day(value)
    except TidingsError:
        raise ValueError("not a day (YYYY-MM-DD)") from None


def _dyad(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    from ..corpus.series import parse_dyad

    try:
        parse_dyad(value)
    except TidingsError:
        raise ValueError("not a dyad (SOURCE-TARGET, e.g. USA-RUS)") from None
    return value


Limit = Annotated[int, Query(ge=1, le=500, description="Page size (1–500).")]
Offset = Annotated[int, Query(ge=0, le=100_000, description="Rows to skip.")]
Text = Annotated[str | None, Query(max_length=200)]
Day = Annotated[str | None, Query(max_length=40, description="A day, YYYY-MM-DD."), AfterValidator(_day)]
Dyad = Annotated[str | None, Query(max_length=40, description="SOURCE-TARGET actor codes, e.g. USA-RUS."),
                 AfterValidator(_dyad)]
Format = Annotated[Literal["json", "csv"], Query(description="json (default) or csv: a header row, then the page's rows.")]
EventSort = Literal[tuple(f"{d}{n}" for n in EVENT_SORTS for d in ("", "-"))]
ArticleSort = Literal[tuple(f"{d}{n}" for n in ARTICLE_SORTS for d in ("", "-"))]
SORT_HELP = "A column to order by; prefix - for descending."
Modality = Literal["asserted", "negated", "conditional", "future", "historical", "claimed"]
assert set(Modality.__args__) == set(MODALITIES)


def _state(request: Request):
    return request.app.state.tidings


@router.get("/articles", summary="List or search articles")
async def articles(request: Request, q: Text = None, since: Day = None, until: Day = None,
                   source: Text = None, at: Annotated[str | None, Query(max_length=200,
                                                                        description="A place by its whole name.")] = None,
                   sort: Annotated[ArticleSort, Query(description=SORT_HELP)] = "-date",
                   limit: Limit = 50, offset: Offset = 0, format: Format = "json"):
    filters = {"q": q, "since": since, "until": until, "source": source, "at": at}
    return await listing(_state(request), list_articles, count_articles, filters, ARTICLE_COLUMNS, limit, offset,
                         format, "articles", sort=sort)


@router.get("/articles/{article_id:path}", summary="One article's full record (ids may contain /)",
            responses={404: ERROR_RESPONSES[404]})
async def article(request: Request, article_id: str) -> dict:
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


def _check_token(request: Request, credentials: HTTPAuthorizationCredentials | None) -> None:
    """Again here (the Gate middleware checked it before the body was read): bytes, constant time."""
    token = _state(request).token
    if not token:
        raise WebError(403, "writes are disabled: start the server with TIDINGS_TOKEN set")
    given = credentials.credentials.encode("latin-1", "replace") if credentials else b""
    if not credentials or not hmac.compare_digest(given, token.encode("utf-8")):
        raise WebError(401, "a valid bearer token is needed to write")


@router.post("/articles", status_code=201, summary="Analyze and store an article (bearer token)",
             responses={s: ERROR_RESPONSES[s] for s in (401, 403, 413)})
def post_article(request: Request, body: ArticleIn,
                 credentials: Annotated[HTTPAuthorizationCredentials | None, Security(bearer)] = None) -> dict:
    from ..pipeline import normalize_date

    _check_token(request, credentials)
    if not (body.text or body.html):
        raise WebError(422, "give `text` or `html`")
    state = _state(request)
    try:
        published = normalize_date(body.published) if body.published else None
    except TidingsError as exc:
        raise WebError(422, f"published: {getattr(exc, 'message', exc)}") from None
    item = InputItem(text=body.text, html=body.html if not body.text else None, url=body.url,
                     published=published, title=body.title, source_name=body.source_name,
                     location="POST /api/articles")
    record, error = state.analyze(item)  # in the analysis process; reads go on meanwhile
    if error is not None:
        raise WebError(422, error, "not_analyzed")
    result = state.write([record])
    return {"id": record.id, "stored": record.id in result.written, "duplicate": record.id in result.skipped,
            "entities": len(record.entities), "quotes": len(record.quotes), "events": len(record.events),
            "url": f"/articles/{record.id}"}


@router.get("/events", summary="Event mentions with filters")
async def events(request: Request, actor: Text = None, dyad: Dyad = None,
                 root: Annotated[str | None, Query(pattern=r"^\d{1,2}$")] = None,
                 code: Annotated[str | None, Query(pattern=r"^\d{1,4}$")] = None, since: Day = None,
                 until: Day = None, modality: Modality | None = None, place: Text = None, q: Text = None,
                 directed: Annotated[bool, Query(description="false: a dyad either way round.")] = True,
                 at: Annotated[str | None, Query(max_length=200, description="A place by its whole name.")] = None,
                 sort: Annotated[EventSort, Query(description=SORT_HELP)] = "-date",
                 limit: Limit = 50, offset: Offset = 0, format: Format = "json"):
    filters = {"actor": actor, "dyad": dyad, "root": root, "code": code, "since": since, "until": until,
               "modality": modality, "place": place, "text": q, "directed": directed, "at": at}
    return await listing(_state(request), find_events, count_events, filters, EVENT_COLUMNS, limit, offset, format,
                         "events", sort=sort)


@router.get("/quotes", summary="Quotes by speaker or text")
async def quotes(request: Request, speaker: Text = None, actor: Text = None, q: Text = None, since: Day = None,
                 until: Day = None, limit: Limit = 50, offset: Offset = 0, format: Format = "json"):
    filters = {"speaker": speaker, "actor": actor, "text": q, "since": since, "until": until}
    return await listing(_state(request), find_quotes, count_quotes, filters, QUOTE_COLUMNS, limit, offset, format,
                         "quotes")


@router.get("/actors", summary="Actors across articles")
async def actors(request: Request, name: Text = None,
                 type: Annotated[str | None, Query(pattern=r"^[A-Za-z]{2,8}$")] = None,
                 country: Annotated[str | None, Query(max_length=12)] = None, since: Day = None, until: Day = None,
                 limit: Limit = 50, offset: Offset = 0, format: Format = "json"):
    filters = {"name": name, "type": type, "country": country, "since": since, "until": until}
    return await listing(_state(request), find_actors, count_actors, filters, ACTOR_COLUMNS, limit, offset, format,
                         "actors")


@router.get("/series", summary="Counts by QuadClass, Goldstein and escalation per period")
async def series(request: Request, dyad: Dyad = None, actor: Text = None,
                 by: Literal["day", "week", "month"] = "day", directed: bool = False, since: Day = None,
                 until: Day = None,
                 modality: Annotated[Modality | Literal["all"], Query(
                     description="Count only events of this modality (default asserted); `all`: every modality.")]
                 = "asserted") -> dict:
    if not dyad and not actor:
        raise WebError(422, "a series needs `dyad` (USA-RUS) or `actor` (USA)")
    rows = await _state(request).aread(dyad_series, dyad=dyad, actor=actor, by=by, directed=directed, since=since,
                                       until=until, modality=None if modality == "all" else modality)
    return {"items": rows, "by": by, "dyad": dyad, "actor": actor, "modality": modality}


@router.get("/search", summary="Search articles, quotes and actors at once")
async def search(request: Request, q: Annotated[str, Query(min_length=1, max_length=200)], limit: Limit = 20) -> dict:
    """The /search page's search: every word of `q` as a whole word, best matches first, each article and
    quote with a snippet (pieces of text, each `[text, is_hit]`); `totals` counts every match of a section."""
    state = _state(request)
    n_articles, articles = await state.aread(search_articles, q, limit=limit)
    n_quotes, quotes = await state.aread(search_quotes, q, limit=limit)
    actors = await state.aread(find_actors, name=q, limit=limit)
    return {"articles": articles, "quotes": quotes, "actors": actors,
            "totals": {"articles": n_articles, "quotes": n_quotes, "actors": await state.aread(count_actors, name=q)}}
