"""The FastAPI application: REST endpoints under /api, the dashboard at /, an offline API page at /docs."""
from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path
from typing import Literal

from fastapi import Depends, FastAPI, Query
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles

from . import queries
from .db import Database
from .docs_page import render_docs
from .errors import install_handlers
from .filters import Filters, event_filters

STATIC = Path(__file__).parent / "static"
MAX_LIMIT = 500
MAX_OFFSET = 10_000_000


def create_app(db_path: str, query_timeout: float = 10.0) -> FastAPI:
    """The web app over the store at ``db_path``, opened read-only (it must exist)."""
    db = Database(db_path, timeout=query_timeout)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        db.close()

    app = FastAPI(title="Tacitus", version="1", lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Read-only API over a Tacitus event store. Every error is JSON: "
                              "{status, error, message}.")
    app.state.db = db
    install_handlers(app)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(render_docs(app.openapi()))

    @app.get("/api/events", summary="Events matching the filters, one page at a time, with the total.")
    def list_events(f: Filters = Depends(event_filters),
                    limit: int = Query(50, ge=1, le=MAX_LIMIT, description=f"Page size, 1-{MAX_LIMIT}."),
                    offset: int = Query(0, ge=0, le=MAX_OFFSET, description="Rows to skip."),
                    sort: Literal["date", "-date", "goldstein", "-goldstein", "code"] = Query(
                        "-date", description="Sort key; a leading - sorts descending.")) -> dict:
        return db.call(queries.events_page, f, limit, offset, sort)

    @app.get("/api/events/{event_id:path}", summary="One event by id (DOC_ID#N; URL-encode # as %23).")
    def get_event(event_id: str) -> dict:
        return db.call(queries.event, event_id)

    @app.get("/api/documents/{doc_id:path}",
             summary="A document: text, title, date, url, and its events with all span offsets.")
    def get_document(doc_id: str) -> dict:
        return db.call(queries.document, doc_id)

    @app.get("/api/timeline", summary="Per period: event count, mean Goldstein, counts per QuadClass.")
    def timeline(f: Filters = Depends(event_filters),
                 period: Literal["day", "week", "month"] = Query("month", description="Period length."),
                 fill: bool = Query(True, description="Include empty periods between the first and last.")
                 ) -> dict:
        return db.call(queries.timeline, f, period, fill)

    @app.get("/api/quadclass", summary="Event counts per QuadClass for the filters.")
    def quadclass(f: Filters = Depends(event_filters)) -> dict:
        return db.call(queries.quadclass, f)

    @app.get("/api/network", summary="Actor network: nodes and directed edges weighted by event count.")
    def network(f: Filters = Depends(event_filters),
                level: Literal["actor", "principal"] = Query(
                    "actor", description="Nodes are full actor codes, or principals (country / IGO code)."),
                min_events: int = Query(1, ge=1, le=1_000_000, description="Drop edges with fewer events."),
                max_edges: int = Query(200, ge=1, le=1000, description="Keep the heaviest edges only.")) -> dict:
        return db.call(queries.network, f, level, min_events, max_edges)

    @app.get("/api/actors/top", summary="The actors in most events for the filters.")
    def top_actors(f: Filters = Depends(event_filters),
                   limit: int = Query(20, ge=1, le=MAX_LIMIT, description=f"How many, 1-{MAX_LIMIT}."),
                   role: Literal["any", "source", "target"] = Query("any", description="Count which side.")
                   ) -> dict:
        return db.call(queries.top_actors, f, limit, role)

    @app.get("/api/places", summary="Events per target country (for the map; places are approximate).")
    def places(f: Filters = Depends(event_filters)) -> dict:
        return db.call(queries.places, f)

    @app.get("/api/summary", summary="Store counts, date range, and what matches the filters.")
    def summary(f: Filters = Depends(event_filters)) -> dict:
        return db.call(queries.summary, f)

    return app
