"""Dashboard pages: /, /articles, /articles/{id}, /events, /quotes, /actors/{code}, /map, /search. Thin: query,
then render; the lists page in SQL and show their total (`paging.Pager`: links, the "N … where …" line, CSV).

Pages take the API's parameter types (a bad date is an error page with 422); the article page
is highlighted and rendered in a worker thread, never on the event loop.
"""
from __future__ import annotations

from typing import Annotated, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup
from starlette.concurrency import run_in_threadpool

from ..corpus.queries import (ARTICLE_SORTS, EVENT_SORTS, article_sources, count_actors, count_articles,
                              count_events, count_events_by_day, count_quotes, event_sentences, find_actors,
                              find_events, find_quotes, list_articles)
from .actors import actor_data, actor_name
from .api import Day, Dyad, Offset
from .paging import Pager
from .search import search_articles, search_quotes
from .errors import WebError
from .highlight import event_summary, highlight_article
from .names import actor_suggestions, cameo_choices, resolve_actor, resolve_dyad
from .mapview import map_data
from .svg import QUAD_COLORS, QUAD_NAMES, map_svg, network_svg, world_svg
from .timeline import bar_href, periods, pick_by, timeline_svg

router = APIRouter(include_in_schema=False)

Field = Annotated[str | None, Query(max_length=200)]
Root = Annotated[str | None, Query(pattern=r"^(\d{1,2})?$")]
Code = Annotated[str | None, Query(pattern=r"^(\d{2,4})?$")]
PageSize = Annotated[int, Query(ge=1, le=500)]
PageEventSort = Literal[("",) + tuple(f"{d}{n}" for n in EVENT_SORTS for d in ("", "-"))]
PageArticleSort = Literal[("",) + tuple(f"{d}{n}" for n in ARTICLE_SORTS for d in ("", "-"))]
PageModality = Annotated[str | None, Query(pattern=r"^(asserted|negated|conditional|future|historical|claimed)?$")]


def _render(request: Request, template: str, **context) -> HTMLResponse:
    context.setdefault("quad_names", QUAD_NAMES)
    context.setdefault("quad_colors", QUAD_COLORS)
    context.setdefault("actor_names", actor_suggestions())
    return request.app.state.templates.TemplateResponse(request, template, context)


def _state(request: Request):
    return request.app.state.tidings


def _overview(store) -> dict:
    counts = {t: store.count(t) for t in ("articles", "events", "quotes", "entities", "places")}
    dyads = store.query_dicts(
        "SELECT source_country || '-' || target_country AS dyad, count(*) AS events, avg(goldstein) AS goldstein "
        "FROM events WHERE source_country IS NOT NULL AND target_country IS NOT NULL "
        "AND source_country <> target_country GROUP BY 1 ORDER BY 2 DESC LIMIT 10")
    alerts = []
    try:
        alerts = store.query_dicts("SELECT * FROM alerts ORDER BY created_at DESC LIMIT 10")
    except Exception:  # no alerts table until `tidings watch` has run
        alerts = []
    return {"counts": counts, "dyads": dyads, "alerts": alerts, "recent": list_articles(store, limit=15)}


@router.get("/", response_class=HTMLResponse)
async def overview(request: Request):
    return _render(request, "index.html", **await _state(request).aread(_overview))


def _article_response(request: Request, record) -> HTMLResponse:
    points = [{"lat": p.lat, "lon": p.lon, "label": p.name, "href": "/events?" + urlencode({"at": p.name})}
              for p in record.places if p.lat is not None and p.lon is not None and p.name]
    body, shown = highlight_article(record)
    return _render(request, "article.html", a=record, body=body, marks=shown,
                   events=[(v, event_summary(record, v)) for v in record.events],
                   places_map=Markup(map_svg(points)) if points else None,
                   entity_names={e.id: e.name for e in record.entities})


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
async def article_page(request: Request, article_id: str):
    record = await _state(request).aread_article(article_id)
    if record is None:
        raise WebError(404, f"no article {article_id!r}")
    return await run_in_threadpool(_article_response, request, record)


@router.get("/events", response_class=HTMLResponse)
async def events_page(request: Request, dyad: Dyad = None, actor: Field = None, root: Root = None, code: Code = None,
                      modality: PageModality = None, directed: bool = True, place: Field = None, at: Field = None,
                      since: Day = None, until: Day = None, by: Literal["day", "week", "month", ""] = "",
                      q: Field = None, sort: PageEventSort = "", limit: PageSize = 100, offset: Offset = 0):
    state = _state(request)
    dyad, actor, root, code, modality, place, at, q = (x or None for x in (dyad, actor, root, code, modality, place,
                                                                          at, q))
    sort = sort or "-date"
    notes = []
    if dyad:
        dyad, dyad_notes = resolve_dyad(dyad)
        notes += dyad_notes
    if actor:
        resolved = resolve_actor(actor)
        actor = resolved.code
        notes += [resolved.note] if resolved.note else []
    filters = {"dyad": dyad, "actor": actor, "root": root, "code": code, "modality": modality, "since": since,
               "until": until, "place": place, "at": at, "text": q, "directed": directed}
    rows = await state.aread(find_events, **filters, sort=sort, limit=limit, offset=offset)
    total = await state.aread(count_events, **filters)
    sentences = await state.aread(event_sentences, tuple((r["article_id"], r["event_id"]) for r in rows))
    day_rows = await state.aread(count_events_by_day, **filters)
    by_asked = by or None
    by = pick_by([r[0] for r in day_rows], by)
    shown = {"dyad": dyad, "actor": actor, "root": root, "code": code, "modality": modality, "since": since,
             "until": until, "place": place, "at": at, "q": q, "directed": None if directed else "false"}
    bars = periods(day_rows, by, since=since, until=until)
    on_bars = sum(b["events"] for b in bars)
    chart = Markup(timeline_svg(bars, by=by, href=lambda row: bar_href("/events", {**shown, "by": by_asked}, row)))
    pager = Pager("/events", "events", shown, total, len(rows), limit, offset, sort=sort, default_sort="-date",
                  extra={"by": request.query_params.get("by") or None})
    toggles = {"directed": [("A→B only", pager.url(directed=None, offset=0), directed),
                            ("either way", pager.url(directed="false", offset=0), not directed)],
               "modality": [("all modalities", pager.url(modality=None, offset=0), modality is None),
                            ("asserted only", pager.url(modality="asserted", offset=0), modality == "asserted")]}
    return _render(request, "events.html", rows=rows, sentences=sentences, chart=chart, pager=pager, sorts=EVENT_SORTS,
                   by=by, on_bars=on_bars, undated=total - on_bars, toggles=toggles, notes=notes,
                   cameo=cameo_choices(), directed=directed,
                   filters={"dyad": dyad or "", "actor": actor or "", "root": root or "", "code": code or "",
                            "modality": modality or "", "place": place or "", "at": at or "",
                            "since": since or "", "until": until or "", "q": q or "",
                            "by": request.query_params.get("by") or ""})


@router.get("/articles", response_class=HTMLResponse)
async def articles_page(request: Request, q: Field = None, source: Field = None, since: Day = None,
                        until: Day = None, at: Field = None, sort: PageArticleSort = "", limit: PageSize = 100,
                        offset: Offset = 0):
    state = _state(request)
    q, source, at, sort = q or None, source or None, at or None, sort or "-date"
    filters = {"q": q, "source": source, "since": since, "until": until, "at": at}
    rows = await state.aread(list_articles, **filters, sort=sort, limit=limit, offset=offset)
    total = await state.aread(count_articles, **filters)
    pager = Pager("/articles", "articles", filters, total, len(rows), limit, offset, sort=sort, default_sort="-date")
    return _render(request, "articles.html", rows=rows, pager=pager, sources=await state.aread(article_sources),
                   filters={k: v or "" for k, v in filters.items()})


@router.get("/quotes", response_class=HTMLResponse)
async def quotes_page(request: Request, speaker: Field = None, q: Field = None, since: Day = None,
                      until: Day = None, limit: PageSize = 100, offset: Offset = 0):
    state = _state(request)
    speaker, q = speaker or None, q or None
    rows = await state.aread(find_quotes, speaker=speaker, text=q, since=since, until=until, limit=limit,
                             offset=offset)
    total = await state.aread(count_quotes, speaker=speaker, text=q, since=since, until=until)
    shown = {"speaker": speaker, "q": q, "since": since, "until": until}
    pager = Pager("/quotes", "quotes", shown, total, len(rows), limit, offset)
    return _render(request, "quotes.html", rows=rows, pager=pager, filters={k: v or "" for k, v in shown.items()})


@router.get("/actors/{code}", response_class=HTMLResponse)
async def actor_page(request: Request, code: str):
    code = code.upper()
    if not code.isalnum() or len(code) > 12:
        raise WebError(404, "an actor code is letters and digits, e.g. USAGOV")
    name = actor_name(code)
    data = await _state(request).aread(actor_data, code)
    if name is None and not (data["events"] or data["quotes"] or data["names"]):
        raise WebError(404, f"no actor {code!r}: not a country or organisation code, and nothing stored names it")
    return _render(request, "actor.html", code=code, name=name,
                   network=Markup(network_svg(code, data["counterparts"])), **data)


@router.get("/map", response_class=HTMLResponse)
async def map_page(request: Request, count: Literal["events", "mentions"] = "events", since: Day = None,
                   until: Day = None, actor: Field = None):
    notes = []
    if actor:
        resolved = resolve_actor(actor)
        actor = resolved.code
        notes += [resolved.note] if resolved.note else []
    data = await _state(request).aread(map_data, measure=count, since=since, until=until, actor=actor or None)
    here = {k: v for k, v in (("since", since), ("until", until), ("actor", actor)) if v}
    toggle = [(label, "/map?" + urlencode({**here, "count": value}), value == count)
              for value, label in (("events", "events"), ("mentions", "mentions"))]
    return _render(request, "map.html", svg=Markup(map_svg(data["points"], legend=count)), table=data["table"],
                   measure=count, toggle=toggle, notes=notes, shown=len(data["points"]),
                   filters={"since": since or "", "until": until or "", "actor": actor or "", "count": count})


@router.get("/assets/world-110m.svg")
async def world_outline():
    """The map's world outline: one file, cached by the browser for good (its address holds its hash)."""
    return Response(world_svg(), media_type="image/svg+xml",
                    headers={"Cache-Control": "public, max-age=31536000, immutable"})


@router.get("/search", response_class=HTMLResponse)
async def search_page(request: Request, q: str = "",
                      section: Literal["", "articles", "quotes", "actors"] = ""):
    """Whole words, best first, with snippets (`search.py`); a count per section and its "more" link
    (`section=…`: that section alone, up to 500)."""
    state = _state(request)
    q = q.strip()[:200]
    limit = 500 if section else 20
    counts, results = {"articles": 0, "quotes": 0, "actors": 0}, {"articles": [], "quotes": [], "actors": []}
    if q:
        if section in ("", "articles"):
            counts["articles"], results["articles"] = await state.aread(search_articles, q, limit=limit)
        if section in ("", "quotes"):
            counts["quotes"], results["quotes"] = await state.aread(search_quotes, q, limit=limit)
        if section in ("", "actors"):
            results["actors"] = await state.aread(find_actors, name=q, limit=limit)
            counts["actors"] = await state.aread(count_actors, name=q)
    return _render(request, "search.html", q=q, section=section, counts=counts, limit=limit, **results)
