"""The HTTP API and the web interface: the knowledge base for people who look rather than read.

``create_app(location)`` builds a FastAPI application over one knowledge base
(SQLite path or PostgreSQL URL). Every answer is JSON; every error is JSON
with a message and the fitting status — 400 for a filter armsflow cannot
read, 401 for a missing token, 404 for an unknown id, 413 for an oversized
body, 422 for a malformed request, 503 when the database fails — never a
traceback. Writing (``POST /api/ingest``, ``POST /api/judgements``) needs ``Authorization: Bearer
<token>`` when ``ARMSFLOW_TOKEN`` is set. The web interface (``/``) is static
files from the package, so it works offline.
"""

from __future__ import annotations

import asyncio
import hmac
import os
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field, field_validator
from starlette.exceptions import HTTPException as StarletteHTTPException

from armsflow import __version__
from armsflow.api import models
from armsflow.api.assets import add_routes as add_asset_routes
from armsflow.api.goods import add_routes as add_goods_routes
from armsflow.api.review import add_routes as add_review_routes
from armsflow.api.screen import add_routes as add_screen_routes
from armsflow.api.worker import ExtractionWorker, budget_from_environment
from armsflow.dates import is_real_date
from armsflow.export.names import alpha2, display_name
from armsflow.ingest.files import in_parts
from armsflow.load import BudgetExceeded, ingest
from armsflow.model import Document
from armsflow.pipeline import UnsupportedLanguage
from armsflow.query import (
    QueryError,
    RecordFilter,
    actor,
    count_documents,
    count_records,
    document,
    documents,
    network,
    record,
    records,
    timeline,
)
from armsflow.review import record_fate
from armsflow.rules import catalogue
from armsflow.store import Store, StoreError, default_location

MAX_BODY = 2 * 1024 * 1024  # bytes; ARMSFLOW_MAX_BODY overrides
MAX_TEXT = 1_000_000  # characters of one document
STATIC = resources.files("armsflow") / "web"


Limit = Annotated[int, Query(ge=1, le=1000, description="records per page")]
Offset = Annotated[int, Query(ge=0, le=1_000_000)]
Text = Annotated[str | None, Query(max_length=200)]
AuthHeader = Annotated[str | None, Header()]
ActorParam = Annotated[str | None, Query(alias="actor", max_length=200, description="either side, id or name")]
MinConfidence = Annotated[
    float | None, Query(ge=0.0, le=1.0, description="only records (events) with at least this confidence")
]


class ExtractRequest(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_TEXT, description="German or English news text")
    lang: Literal["de", "en"] | None = Field(None, description="force the language instead of detecting it")
    min_confidence: float | None = Field(None, ge=0.0, le=1.0, description="only events with this confidence or more")


class IngestDocument(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_TEXT)
    id: str | None = Field(None, max_length=2000)
    lang: Literal["de", "en"] | None = None
    date: str | None = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}$", description="publication day, YYYY-MM-DD")
    title: str | None = Field(None, max_length=2000)
    url: str | None = Field(None, max_length=4000)
    publisher: str | None = Field(None, max_length=500)

    @field_validator("date")
    @classmethod
    def _real_day(cls, value: str | None) -> str | None:
        """The pattern lets 2024-02-30 through; stored, it would break sorting and the web timeline."""
        if value is not None and not is_real_date(value):
            raise ValueError(f"{value!r} is not a real date")
        return value


class IngestRequest(BaseModel):
    documents: list[IngestDocument] = Field(min_length=1, max_length=1000)


class ErrorAnswer(BaseModel):
    """The shape of every error answer, whatever its status."""

    error: str = Field(description="what went wrong, in one line")


_ERROR_TEXT = {
    400: "a filter armsflow cannot read (unknown actor or status, bad date), a judgement naming an unknown id, "
    "field or value, or a body that is not UTF-8 JSON",
    401: "a missing or wrong token (when ARMSFLOW_TOKEN is set): 'Authorization: Bearer <token>'",
    404: "an unknown id",
    413: "a request body over the limit (2 MB, $ARMSFLOW_MAX_BODY)",
    422: "a malformed request: a missing or invalid field or parameter",
    503: "the database failed",
}


def _errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` for these error statuses, each with the one error shape (422 replaces FastAPI's own)."""
    return {code: {"model": ErrorAnswer, "description": _ERROR_TEXT[code]} for code in codes}


_BODY_PROBLEMS = (
    (UnicodeDecodeError, "the request body is not valid UTF-8"),
    (RecursionError, "the request body is nested too deeply to read"),
)


class BodyLimit:
    """Refuses request bodies above ``limit`` bytes, declared or streamed, with 413.

    The body is read (up to the limit) before the application sees it, so an
    oversized streamed body is refused as such, not as a parsing error.
    """

    def __init__(self, app: Any, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope.get("method") in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        too_large = {"error": f"request body too large (the limit is {self.limit} bytes)"}
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await _send_json(send, 413, too_large)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            if size > self.limit:
                await _send_json(send, 413, too_large)
                return
            if not message.get("more_body"):
                break
        body = b"".join(chunks)
        delivered = False

        async def replay() -> dict:
            nonlocal delivered
            if not delivered:
                delivered = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        started = False

        async def tracked(message: dict) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, replay, tracked)
        except asyncio.CancelledError:
            # SIGTERM while a request still runs: uvicorn waits a few seconds, then cancels it. The client
            # gets a 503 it can retry instead of a dropped connection, and the log no traceback.
            if not started:
                await _send_json(send, 503, {"error": "the server is shutting down; send the request again"})


async def _send_json(send: Any, status: int, body: dict) -> None:
    import json

    data = json.dumps(body).encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(data)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": data})


def _links(request: Request, shown: int, total: int, limit: int, offset: int) -> dict[str, Any]:
    """``total``, ``limit``, ``offset`` and the links to the next and previous pages (None at either end)."""

    def at(start: int) -> str:
        return str(request.url.include_query_params(offset=start, limit=limit))

    return {
        "total": total,
        "limit": limit,
        "offset": offset,
        "next": at(offset + limit) if offset + shown < total and shown else None,
        "previous": at(max(0, offset - limit)) if offset > 0 else None,
    }


def _paged(request: Request, items: list[dict[str, Any]], total: int, limit: int, offset: int) -> dict[str, Any]:
    return {**_links(request, len(items), total, limit, offset), "items": items}


def _names(aid: str) -> dict[str, Any]:
    """An actor's readable names, English and German, and its alpha-2 code when it is a state."""
    return {"id": aid, "name_en": display_name(aid, "en"), "name_de": display_name(aid, "de"), "iso2": _iso2(aid)}


def _iso2(aid: str) -> str | None:
    code = alpha2(aid)
    return code.lower() if code else None


def create_app(
    location: str | None = None,
    token: str | None = None,
    max_body: int | None = None,
    extract_seconds: float | None = None,
) -> FastAPI:
    """The application over the knowledge base at ``location`` (default: as the CLI).

    Extraction runs in a worker process with ``extract_seconds`` per request (default
    ``$ARMSFLOW_EXTRACT_SECONDS`` or 30 s; see :mod:`armsflow.api.worker`).
    """
    where = location or default_location()
    worker = ExtractionWorker(extract_seconds or budget_from_environment())
    secret = (token if token is not None else os.environ.get("ARMSFLOW_TOKEN")) or None
    limit = max_body or int(os.environ.get("ARMSFLOW_MAX_BODY") or MAX_BODY)
    Store(where).close()  # create or upgrade the schema once, before serving
    local = threading.local()

    def store() -> Store:
        """One connection per worker thread: SQLite connections stay in their thread, PostgreSQL ones are reused."""
        found = getattr(local, "store", None)
        if found is None:
            found = local.store = Store(where)
        return found

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        worker.close()  # at shutdown (SIGTERM included) a running extraction is abandoned, not awaited

    app = FastAPI(
        lifespan=lifespan,
        docs_url=None,  # /docs is served by add_asset_routes, from packaged Swagger UI files (no CDN)
        redoc_url=None,
        title="armsflow",
        version=__version__,
        description="Arms transfers and sanctions extracted from German and English news, merged into records "
        "with their evidence.",
    )
    app.state.worker = worker

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ()) if p != 'body')}: {e.get('msg')}" for e in exc.errors()[:5]
        )
        return JSONResponse(status_code=422, content={"error": f"invalid request: {problems}"})

    @app.exception_handler(StarletteHTTPException)  # FastAPI's own, and Starlette's (body parsing, unknown paths)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = str(exc.detail)
        for kind, explained in _BODY_PROBLEMS:  # FastAPI says only "There was an error parsing the body"
            if exc.status_code == 400 and isinstance(exc.__cause__, kind):
                message = explained
        return JSONResponse(status_code=exc.status_code, content={"error": message}, headers=exc.headers)

    @app.exception_handler(QueryError)
    async def _query(request: Request, exc: QueryError) -> JSONResponse:
        return JSONResponse(status_code=400, content={"error": str(exc)})

    @app.exception_handler(StoreError)
    async def _store(request: Request, exc: StoreError) -> JSONResponse:
        return JSONResponse(status_code=503, content={"error": f"database: {exc}"})

    @app.exception_handler(BudgetExceeded)
    async def _budget(request: Request, exc: BudgetExceeded) -> JSONResponse:
        return JSONResponse(status_code=503, content={"error": str(exc)})

    @app.exception_handler(Exception)
    async def _other(request: Request, exc: Exception) -> JSONResponse:
        return JSONResponse(status_code=500, content={"error": f"internal error ({type(exc).__name__})"})

    def authorised(authorization: AuthHeader = None) -> None:
        if secret is None:
            return
        scheme, _, given = (authorization or "").strip().partition(" ")
        given = given.strip()
        # a bare token (no "Bearer ") is refused: a token pasted where another scheme belongs is a mistake to report
        if scheme.lower() != "bearer" or not given or not hmac.compare_digest(given.encode(), secret.encode()):
            raise HTTPException(401, "this endpoint needs 'Authorization: Bearer <token>' (ARMSFLOW_TOKEN)")

    @app.get(
        "/api/health",
        tags=["meta"],
        responses=_errors(503),
        response_model=models.Health,
        response_model_exclude_unset=True,
    )
    def health() -> dict[str, Any]:
        s = store()
        return {
            "status": "ok",
            "version": __version__,
            "backend": s.backend,
            "schema": s.schema_version(),
            **s.counts(),
        }

    @app.post(
        "/api/extract",
        tags=["extraction"],
        responses=_errors(400, 413, 422, 503),
        response_model=models.ExtractAnswer,
        response_model_exclude_unset=True,
    )
    def extract(body: ExtractRequest) -> dict[str, Any]:
        """Events stated in a text (nothing is stored)."""
        try:
            result = worker.extract(Document(id="text", text=body.text, lang=body.lang), worker.deadline())
        except UnsupportedLanguage as err:
            raise HTTPException(422, str(err)) from err
        events = [
            e for e in result.events if body.min_confidence is None or (e.confidence or 0.0) >= body.min_confidence
        ]
        return {"lang": result.lang, "events": [e.to_dict() for e in events]}

    @app.get("/api/rules", tags=["extraction"], response_model=models.RulePage, response_model_exclude_unset=True)
    def rules() -> dict[str, Any]:
        """Every rule of the extractor: id, language, stage, description (the names on event traces); all of them,
        so ``total`` is the length of ``items`` and there is no next page."""
        rules = catalogue()
        return {
            "total": len(rules),
            "next": None,
            "previous": None,
            "items": [
                {
                    "id": r.id,
                    "lang": r.lang,
                    "stage": r.stage,
                    "description": r.description,
                    "examples": len(r.examples),
                }
                for r in rules.values()
            ],
        }

    @app.post(
        "/api/ingest",
        tags=["knowledge base"],
        dependencies=[Depends(authorised)],
        responses=_errors(400, 401, 413, 422, 503),
        response_model=models.IngestAnswer,
        response_model_exclude_unset=True,
    )
    def ingest_documents(body: IngestRequest) -> dict[str, Any]:
        """Store documents with their events and update the records (idempotent: a known text adds nothing)."""
        problems: list[str] = []
        docs = [
            Document(id=d.id or f"api-{n}", **d.model_dump(exclude={"id"})) for n, d in enumerate(body.documents, 1)
        ]
        deadline = worker.deadline()
        parts = [thing for doc in docs for thing in in_parts(doc)]  # a huge document is stored in parts
        summary = ingest(store(), parts, report=problems.append, extractor=lambda doc: worker.extract(doc, deadline))
        return {
            "read": summary.read,
            "new": summary.new,
            "duplicate": summary.duplicate,
            "skipped": summary.skipped,
            "failed": summary.failed,
            "events": summary.events,
            "problems": [p.removeprefix("armsflow: ") for p in problems],
        }

    def _page(request: Request, flt: RecordFilter) -> dict[str, Any]:
        s = store()
        items = records(s, flt)
        return _paged(request, items, count_records(s, flt), flt.limit, flt.offset)

    @app.get(
        "/api/transfers",
        tags=["knowledge base"],
        responses=_errors(400, 422, 503),
        response_model=models.RecordPage,
        response_model_exclude_unset=True,
    )
    def transfers(
        request: Request,
        supplier: Text = None,
        recipient: Text = None,
        actor_: ActorParam = None,
        item: Text = None,
        status: Text = None,
        since: Text = None,
        until: Text = None,
        min_confidence: MinConfidence = None,
        limit: Limit = 100,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        """Transfer records, most recently reported first; actors by id or name, items by category or designation.

        ``total`` says how many match; ``next`` and ``previous`` are the links to the neighbouring pages (null
        at either end)."""
        return _page(
            request,
            RecordFilter(
                supplier=supplier,
                recipient=recipient,
                actor=actor_,
                item=item,
                status=status,
                since=since,
                until=until,
                min_confidence=min_confidence,
                limit=limit,
                offset=offset,
            ),
        )

    @app.get(
        "/api/sanctions",
        tags=["knowledge base"],
        responses=_errors(400, 422, 503),
        response_model=models.RecordPage,
        response_model_exclude_unset=True,
    )
    def sanctions(
        request: Request,
        imposer: Text = None,
        target: Text = None,
        actor_: ActorParam = None,
        status: Text = None,
        since: Text = None,
        until: Text = None,
        min_confidence: MinConfidence = None,
        limit: Limit = 100,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        """Sanction records, most recently reported first, paged like ``/api/transfers``."""
        return _page(
            request,
            RecordFilter(
                type="sanction",
                imposer=imposer,
                target=target,
                actor=actor_,
                status=status,
                since=since,
                until=until,
                min_confidence=min_confidence,
                limit=limit,
                offset=offset,
            ),
        )

    @app.get(
        "/api/records/{record_id}",
        tags=["knowledge base"],
        responses=_errors(404, 422, 503),
        response_model=models.RecordDetail,
        response_model_exclude_unset=True,
    )
    def one_record(record_id: str) -> dict[str, Any]:
        """A record with its status history and every evidence sentence."""
        found = record(store(), record_id)
        if found is None:
            fate = record_fate(store(), record_id)
            if fate is not None:  # judged away: say where its events went
                now = ", ".join(fate["now_in"]) or "no record"
                raise HTTPException(
                    404,
                    f"record {record_id!r} is no more: {fate['rejected_events']} events rejected, the others in {now}",
                )
            raise HTTPException(404, f"no record {record_id!r}")
        return found

    @app.get(
        "/api/actors/{name}",
        tags=["knowledge base"],
        responses=_errors(404, 422, 503),
        response_model=models.ActorAnswer,
        response_model_exclude_unset=True,
    )
    def one_actor(name: str) -> dict[str, Any]:
        """What an actor supplies and receives, by partner and item, and the sanctions it imposes and faces;
        its readable names in English and German."""
        try:
            found = actor(store(), name)
        except QueryError as err:
            raise HTTPException(404, str(err)) from err
        return {**found, "name_en": display_name(found["id"], "en"), "name_de": display_name(found["id"], "de")}

    @app.get("/api/names", tags=["knowledge base"], responses=_errors(503), response_model=models.NameList)
    def names() -> dict[str, Any]:
        """Every actor of the knowledge base with its readable names (English, German) and, for a state, its
        ISO 3166 alpha-2 code: the web interface shows names and keeps the ids for hovering."""
        rows = store().fetchall(
            "SELECT supplier AS a FROM records UNION SELECT recipient FROM records "
            "UNION SELECT imposer FROM records UNION SELECT target FROM records"
        )
        ids = sorted({r["a"] for r in rows if r["a"]})
        return {"items": [_names(aid) for aid in ids]}

    @app.get(
        "/api/timeline",
        tags=["knowledge base"],
        responses=_errors(400, 422, 503),
        response_model=models.TimelineAnswer,
    )
    def months(
        actor_: ActorParam = None,
        item: Text = None,
        status: Text = None,
        since: Text = None,
        until: Text = None,
        min_confidence: MinConfidence = None,
        type_: Annotated[Literal["transfer", "sanction"], Query(alias="type")] = "transfer",
    ) -> dict[str, Any]:
        """Per month and status (``items``), the records (of these filters) with an event reported that month and
        the documents that reported them; ``months``: the same per month, each record and document once; the
        network's filters apply."""
        flt = RecordFilter(
            type=type_, actor=actor_, item=item, status=status, since=since, until=until, min_confidence=min_confidence
        )
        return {"items": timeline(store(), flt), "months": timeline(store(), flt, by_status=False)}

    @app.get(
        "/api/network",
        tags=["knowledge base"],
        responses=_errors(400, 422, 503),
        response_model=models.NetworkAnswer,
        response_model_exclude_unset=True,
    )
    def graph(
        request: Request,
        actor_: ActorParam = None,
        item: Text = None,
        status: Text = None,
        since: Text = None,
        until: Text = None,
        min_confidence: MinConfidence = None,
        limit: Annotated[int, Query(ge=1, le=5000, description="at most this many edges")] = 1000,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        """States and groups as nodes, transfer records as directed edges; ``total`` records match the filters."""
        flt = RecordFilter(
            actor=actor_,
            item=item,
            status=status,
            since=since,
            until=until,
            min_confidence=min_confidence,
            limit=limit,
            offset=offset,
        )
        s = store()
        found = network(s, flt)
        found["nodes"] = [{**node, **_names(node["id"])} for node in found["nodes"]]
        return {**found, **_links(request, found["shown"], count_records(s, flt), limit, offset)}

    @app.get(
        "/api/documents",
        tags=["documents"],
        responses=_errors(400, 422, 503),
        response_model=models.DocumentPage,
        response_model_exclude_unset=True,
    )
    def list_documents(
        request: Request,
        search: Text = None,
        since: Text = None,
        until: Text = None,
        limit: Limit = 100,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        """Stored documents, most recent first; ``search``: every word (or word beginning) in title or text."""
        s = store()
        items = documents(s, search, since, until, limit, offset)
        return _paged(request, items, count_documents(s, search, since, until), limit, offset)

    @app.get(
        "/api/documents/{doc_id}",
        tags=["documents"],
        responses=_errors(404, 422, 503),
        response_model=models.DocumentDetail,
        response_model_exclude_unset=True,
    )
    def one_document(doc_id: str) -> dict[str, Any]:
        """A document's text with its events and their character spans."""
        found = document(store(), doc_id)
        if found is None:
            raise HTTPException(404, f"no document {doc_id!r}")
        return found

    add_goods_routes(app, store, _errors)
    add_review_routes(app, store, authorised, _errors, _paged)
    add_screen_routes(app, store, authorised, _errors)
    add_asset_routes(app)

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(str(STATIC / "index.html"))

    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    app.add_middleware(BodyLimit, limit=limit)
    return app
