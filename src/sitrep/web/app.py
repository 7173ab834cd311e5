"""The web application: HTML pages and a read-only JSON API over one store.

Needs: a ``Store``, best opened with ``open_store_readonly``. Adds: nothing.

Every route is a GET. Article text is untrusted: templates autoescape everything, the
page script writes text with ``textContent`` only, links from articles are kept only when
they are http(s), and a Content-Security-Policy lets the page load scripts, styles and
data from this server alone (the map's basemap is vendored, so it works offline).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Annotated, Any
from urllib.parse import urlencode, urlsplit

import jinja2
from fastapi import Depends, FastAPI, HTTPException, Query, Request, Response
from fastapi.exception_handlers import http_exception_handler
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from sitrep import __version__
from sitrep.errors import EventNotFound
from sitrep.export import event_to_dict
from sitrep.records import Document, EventMention
from sitrep.store import EventDetail, EventQuery, Store, StoredDocument, document_key
from sitrep.web.highlight import TextPiece, split_highlights

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
PAGE_EVENTS = 50  # rows in the page's event table
API_DEFAULT_LIMIT = 100
API_MAX_LIMIT = 1000
TIMELINE_BUCKETS = ("day", "week")
SAFE_URL_SCHEMES = ("http", "https")
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
TIME_PRECISION_LABELS = {1: "the day", 2: "the week", 3: "the month"}
GEO_PRECISION_LABELS = {
    1: "the named town",
    2: "near a town, or part of a region",
    3: "a larger region",
}
_FILTER_FIELDS = ("since", "until", "country", "event_type", "actor", "q", "background")

Limit = Annotated[int, Query(ge=1, le=API_MAX_LIMIT, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, description="Items to skip (for the next page).")]


def create_app(store: Store) -> FastAPI:
    """The application over ``store``; the store is closed when the server shuts down."""

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            store.close()

    app = FastAPI(
        title="sitrep",
        version=__version__,
        summary="Read-only access to a sitrep event database.",
        description=(
            "Events coded from news reports in ACLED's taxonomy, the reports they came "
            "from, and full-text search. Every endpoint is a GET; lists are paged with "
            "`limit` and `offset` and say their `total`."
        ),
        openapi_url="/api/openapi.json",
        docs_url=None,  # the interactive docs load scripts from a CDN: not offline
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.store = store
    app.mount("/static", StaticFiles(packages=[("sitrep.web", "static")]), name="static")
    app.middleware("http")(_add_security_headers)
    _add_api_routes(app)
    _add_page_routes(app, _templates())
    return app


def serve(
    db: str,
    *,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    announce: Callable[[str], None] | None = None,
) -> None:
    """Open ``db`` read-only and serve the web view until interrupted.

    ``announce`` is called with the page's URL once the database is open.
    """
    import uvicorn

    from sitrep.store import open_store_readonly

    app = create_app(open_store_readonly(db))
    if announce is not None:
        shown_host = f"[{host}]" if ":" in host else host
        announce(f"http://{shown_host}:{port}/")
    uvicorn.run(app, host=host, port=port, log_level="info")


# ---- the JSON API ---------------------------------------------------------------------


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


StoreDep = Annotated[Store, Depends(_store)]


def _api_event_query(
    since: Annotated[dt.date | None, Query(description="Earliest event date, inclusive.")] = None,
    until: Annotated[dt.date | None, Query(description="Latest event date, inclusive.")] = None,
    country: Annotated[
        str | None, Query(max_length=2, description="ISO 3166-1 alpha-2 code, e.g. SY.")
    ] = None,
    event_type: Annotated[
        str | None, Query(description="ACLED event type, e.g. Battles.")
    ] = None,
    actor: Annotated[
        str | None, Query(description="Part of an actor's name, any case.")
    ] = None,
    q: Annotated[
        str | None, Query(description="Full-text search in the reports events came from.")
    ] = None,
    background: Annotated[
        bool, Query(description="Include background (historical, negated...) events.")
    ] = False,
) -> EventQuery:
    return EventQuery(
        country=country,
        since=since,
        until=until,
        event_type=event_type,
        actor=actor,
        text=q,
        include_background=background,
    )


EventQueryDep = Annotated[EventQuery, Depends(_api_event_query)]


def _add_api_routes(app: FastAPI) -> None:
    @app.get("/api/events", tags=["events"])
    def api_events(
        store: StoreDep, query: EventQueryDep, limit: Limit = API_DEFAULT_LIMIT, offset: Offset = 0
    ) -> dict[str, Any]:
        """Events matching every filter, newest first (undated last), one page."""
        found, total = store.find_events(query, limit=limit, offset=offset)
        return _page([event_to_dict(e) for e in found], total=total, limit=limit, offset=offset)

    @app.get("/api/events/{event_id}", tags=["events"])
    def api_event(store: StoreDep, event_id: str) -> dict[str, Any]:
        """One event (id or a unique prefix of 6+ characters), its mentions and reports."""
        detail = _get_event(store, event_id)
        keys = {d.id: document_key(d) for d in detail.documents}
        return {
            "event": event_to_dict(detail.event),
            "mentions": [_mention_to_dict(m, doc_key=keys.get(m.doc_id)) for m in detail.mentions],
            "documents": [_document_summary(document_key(d), d) for d in detail.documents],
        }

    @app.get("/api/timeline", tags=["events"])
    def api_timeline(
        store: StoreDep,
        query: EventQueryDep,
        bucket: Annotated[
            str,
            Query(
                pattern=f"^({'|'.join(TIMELINE_BUCKETS)})$",
                description="`day`, or `week` (ISO weeks, from Monday).",
            ),
        ] = "day",
    ) -> dict[str, Any]:
        """How many matching events fall on each day or week (empty buckets left out)."""
        counts: dict[dt.date, int] = {}
        undated = 0
        for date, count in store.count_events_by_date(query):
            if date is None:
                undated += count
                continue
            start = date - dt.timedelta(days=date.weekday()) if bucket == "week" else date
            counts[start] = counts.get(start, 0) + count
        return {
            "bucket": bucket,
            "undated": undated,
            "counts": [{"start": d.isoformat(), "count": n} for d, n in sorted(counts.items())],
        }

    @app.get("/api/facets", tags=["events"])
    def api_facets(store: StoreDep) -> dict[str, list[str]]:
        """The countries and event types present, to fill the filters."""
        return store.event_facets()

    @app.get("/api/documents", tags=["documents"])
    def api_documents(
        store: StoreDep, limit: Limit = API_DEFAULT_LIMIT, offset: Offset = 0
    ) -> dict[str, Any]:
        """Stored reports without their text, newest first, with the events from each."""
        page, total = store.list_documents(limit=limit, offset=offset)
        event_ids = store.document_event_ids([key for key, _ in page])
        items = [
            {**_document_summary(key, s.document), "event_ids": event_ids.get(key, [])}
            for key, s in page
        ]
        return _page(items, total=total, limit=limit, offset=offset)

    @app.get("/api/documents/{doc_key}", tags=["documents"])
    def api_document(store: StoreDep, doc_key: str) -> dict[str, Any]:
        """One report with its text, date warnings, and the event each mention went to."""
        stored = _get_document(store, doc_key)
        mentions = store.list_mentions(doc_key=doc_key)
        event_of = store.event_ids_of_mentions([m.id for m in mentions])
        return {
            **_document_summary(doc_key, stored.document),
            "text": stored.document.text,
            "date_warnings": list(stored.date_warnings),
            "mentions": [
                {**_mention_to_dict(m, doc_key=doc_key), "event_id": event_of.get(m.id)}
                for m in mentions
            ],
        }

    @app.get("/api/search", tags=["documents"])
    def api_search(
        store: StoreDep,
        q: Annotated[str, Query(min_length=1, description="Words that must all occur.")],
        limit: Limit = API_DEFAULT_LIMIT,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        """Reports whose title or text contain every word of `q`, best match first.

        The total is not counted: `next_offset` is null on the last page.
        """
        found = store.search_documents(q, limit=offset + limit + 1)
        page = found[offset : offset + limit]
        keys = [document_key(d) for d in page]
        event_ids = store.document_event_ids(keys)
        return {
            "limit": limit,
            "offset": offset,
            "next_offset": offset + limit if len(found) > offset + limit else None,
            "items": [
                {**_document_summary(k, d), "event_ids": event_ids.get(k, [])}
                for k, d in zip(keys, page, strict=True)
            ],
        }


def _page(items: list[Any], *, total: int, limit: int, offset: int) -> dict[str, Any]:
    return {
        "total": total,
        "limit": limit,
        "offset": offset,
        "next_offset": offset + limit if offset + limit < total else None,
        "items": items,
    }


def _get_event(store: Store, event_id: str) -> EventDetail:
    try:
        return store.get_event(event_id)
    except EventNotFound as err:
        raise HTTPException(status_code=404, detail=str(err)) from err


def _get_document(store: Store, doc_key: str) -> StoredDocument:
    stored = store.get_document(doc_key)
    if stored is None:
        raise HTTPException(status_code=404, detail=f"No document with key {doc_key!r}.")
    return stored


def _document_summary(key: str, document: Document) -> dict[str, Any]:
    return {
        "doc_key": key,
        "id": document.id,
        "title": document.title,
        "date": document.date.isoformat() if document.date else None,
        "date_source": document.date_source,
        "source": document.source,
        "url": document.url,
        "dateline": document.dateline,
    }


def _mention_to_dict(mention: EventMention, *, doc_key: str | None) -> dict[str, Any]:
    data = dataclasses.asdict(mention)
    data["date"] = mention.date.isoformat() if mention.date else None
    return {**data, "doc_key": doc_key}


# ---- the HTML pages -------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class SourceView:
    """One report of an event as the event page shows it: evidence highlighted."""

    doc_key: str
    document: Document
    mentions: tuple[EventMention, ...]
    pieces: list[TextPiece]


@dataclasses.dataclass(frozen=True)
class PageFilters:
    """The index page's filters as typed (to refill the form) and as a query."""

    values: dict[str, str]
    query: EventQuery
    errors: list[str]


def _templates() -> Jinja2Templates:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("sitrep.web", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["safe_url"] = _safe_url
    env.globals["TIME_PRECISION_LABELS"] = TIME_PRECISION_LABELS
    env.globals["GEO_PRECISION_LABELS"] = GEO_PRECISION_LABELS
    env.globals["version"] = __version__
    return Jinja2Templates(env=env)


def _add_page_routes(app: FastAPI, templates: Jinja2Templates) -> None:
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index_page(request: Request, store: StoreDep, offset: Offset = 0) -> Response:
        filters = _page_filters(request)
        found, total = store.find_events(filters.query, limit=PAGE_EVENTS, offset=offset)
        kept = {k: v for k, v in filters.values.items() if v}
        return templates.TemplateResponse(
            request,
            "index.html",
            {
                "filters": filters,
                "facets": store.event_facets(),
                "events": [event_to_dict(e) for e in found],
                "total": total,
                "offset": offset,
                "previous_url": _query_url(kept, max(0, offset - PAGE_EVENTS))
                if offset > 0
                else None,
                "next_url": _query_url(kept, offset + PAGE_EVENTS)
                if offset + PAGE_EVENTS < total
                else None,
            },
            status_code=400 if filters.errors else 200,
        )

    @app.get("/events/{event_id}", response_class=HTMLResponse, include_in_schema=False)
    def event_page(request: Request, store: StoreDep, event_id: str) -> Response:
        detail = _get_event(store, event_id)
        return templates.TemplateResponse(
            request,
            "event.html",
            {"event": event_to_dict(detail.event), "sources": _source_views(detail),
             "mentions": detail.mentions},
        )

    @app.get("/documents", response_class=HTMLResponse, include_in_schema=False)
    def documents_page(request: Request, store: StoreDep, offset: Offset = 0) -> Response:
        page, total = store.list_documents(limit=PAGE_EVENTS, offset=offset)
        event_ids = store.document_event_ids([key for key, _ in page])
        return templates.TemplateResponse(
            request,
            "documents.html",
            {
                "documents": [(key, s.document, event_ids.get(key, [])) for key, s in page],
                "total": total,
                "offset": offset,
                "previous_url": f"/documents?offset={max(0, offset - PAGE_EVENTS)}"
                if offset > 0
                else None,
                "next_url": f"/documents?offset={offset + PAGE_EVENTS}"
                if offset + PAGE_EVENTS < total
                else None,
            },
        )

    @app.get("/documents/{doc_key}", response_class=HTMLResponse, include_in_schema=False)
    def document_page(request: Request, store: StoreDep, doc_key: str) -> Response:
        stored = _get_document(store, doc_key)
        mentions = store.list_mentions(doc_key=doc_key)
        event_of = store.event_ids_of_mentions([m.id for m in mentions])
        return templates.TemplateResponse(
            request,
            "document.html",
            {
                "doc_key": doc_key,
                "document": stored.document,
                "date_warnings": stored.date_warnings,
                "mentions": [(m, event_of.get(m.id)) for m in mentions],
                "pieces": split_highlights(
                    stored.document.text, [span for m in mentions for span in m.evidence]
                ),
            },
        )

    @app.exception_handler(StarletteHTTPException)
    async def not_found_page(request: Request, err: StarletteHTTPException) -> Response:
        if request.url.path.startswith(("/api/", "/static/")) or err.status_code != 404:
            return await http_exception_handler(request, err)
        return templates.TemplateResponse(
            request, "not_found.html", {"message": err.detail}, status_code=404
        )


def _page_filters(request: Request) -> PageFilters:
    """Read the form's fields leniently: blank means no filter, a bad date is reported."""
    params = request.query_params
    values = {name: params.get(name, "").strip() for name in _FILTER_FIELDS}
    errors: list[str] = []
    dates: dict[str, dt.date | None] = {}
    for name in ("since", "until"):
        try:
            dates[name] = dt.date.fromisoformat(values[name]) if values[name] else None
        except ValueError:
            errors.append(f"{name} {values[name]!r} is not a date; use YYYY-MM-DD.")
            dates[name] = None
    query = EventQuery(
        country=values["country"] or None,
        since=dates["since"],
        until=dates["until"],
        event_type=values["event_type"] or None,
        actor=values["actor"] or None,
        text=values["q"] or None,
        include_background=values["background"] in ("1", "on", "true"),
    )
    return PageFilters(values=values, query=query, errors=errors)


def _query_url(values: dict[str, str], offset: int) -> str:
    return "/?" + urlencode({**values, "offset": offset})


def _source_views(detail: EventDetail) -> list[SourceView]:
    views = []
    for document in detail.documents:
        mentions = tuple(m for m in detail.mentions if m.doc_id == document.id)
        spans = [span for m in mentions for span in m.evidence]
        views.append(
            SourceView(
                doc_key=document_key(document),
                document=document,
                mentions=mentions,
                pieces=split_highlights(document.text, spans),
            )
        )
    return views


def _safe_url(url: str | None) -> str | None:
    """An article's link, only when it is http(s): never ``javascript:`` or ``data:``."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in SAFE_URL_SCHEMES else None


async def _add_security_headers(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    response = await call_next(request)
    response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response
