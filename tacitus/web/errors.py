"""JSON errors: every failure the API reports is ``{"status": N, "error": KIND, "message": TEXT}``.

Malformed requests get a 4xx with a message naming the parameter; a query that runs too long gets 503; an
unexpected failure gets a bare 500 without a traceback.
"""
from __future__ import annotations

import logging

import duckdb
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..store import StoreError

log = logging.getLogger("tacitus.web")


class ApiError(Exception):
    """An error reported to the client as-is."""

    def __init__(self, status: int, message: str, kind: str = "bad request"):
        super().__init__(message)
        self.status = status
        self.message = message
        self.kind = kind


class BadParameter(ApiError):
    def __init__(self, name: str, message: str):
        super().__init__(422, f"{name}: {message}", "invalid parameter")
        self.param = name


class NotFound(ApiError):
    def __init__(self, message: str):
        super().__init__(404, message, "not found")


class QueryTimeout(ApiError):
    def __init__(self, seconds: float):
        super().__init__(503, f"the query took longer than {seconds:g} s and was stopped; narrow the filters",
                         "query timeout")


def error_body(status: int, kind: str, message: str) -> dict:
    return {"status": status, "error": kind, "message": message}


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for e in exc.errors():
        loc = [str(x) for x in e.get("loc", ()) if x not in ("query", "path", "body")]
        parts.append(f"{'.'.join(loc) or 'request'}: {e.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def install_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError):
        return JSONResponse(error_body(exc.status, exc.kind, exc.message), status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError):
        return JSONResponse(error_body(422, "invalid parameter", _validation_message(exc)), status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such path: {request.url.path}"
        return JSONResponse(error_body(exc.status_code, "http error", message), status_code=exc.status_code,
                            headers=getattr(exc, "headers", None))

    @app.exception_handler(StoreError)
    @app.exception_handler(duckdb.Error)
    async def _store(request: Request, exc: Exception):
        log.warning("store error on %s: %s", request.url.path, exc)
        return JSONResponse(error_body(503, "store error", "the store could not answer this query"),
                            status_code=503)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception):
        log.exception("unexpected error on %s", request.url.path)
        return JSONResponse(error_body(500, "internal error", "internal error"), status_code=500)
