"""Read-only access to a store for the web layer: one cursor per request, each request with a time budget.

The app opens the store once, read-only. DuckDB connections are not thread-safe, so every request gets its own
cursor (``con.cursor()``), used by that request only and closed at its end. A timer interrupts the cursor when
the request's queries run longer than ``timeout`` seconds; the client then gets a 503.
"""
from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import duckdb

from ..store import Store, StoreError
from .errors import QueryTimeout

T = TypeVar("T")


def _plain(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, float) and value != value:  # NaN is not JSON
        return None
    return value


class Session:
    """One request's cursor."""

    def __init__(self, cursor: duckdb.DuckDBPyConnection):
        self.cursor = cursor

    def rows(self, sql: str, params: Sequence = ()) -> list[dict]:
        result = self.cursor.execute(sql, list(params))
        columns = [d[0] for d in result.description]
        return [{c: _plain(v) for c, v in zip(columns, row)} for row in result.fetchall()]

    def one(self, sql: str, params: Sequence = ()) -> dict | None:
        rows = self.rows(sql, params)
        return rows[0] if rows else None

    def scalar(self, sql: str, params: Sequence = ()) -> Any:
        row = self.cursor.execute(sql, list(params)).fetchone()
        return _plain(row[0]) if row else None


class Database:
    """A store opened read-only, handing out per-request sessions."""

    def __init__(self, db_path: str | Path, timeout: float = 10.0):
        path = Path(db_path)
        if not path.is_file():
            raise StoreError(f"no store at {path}")
        self.path = str(path)
        self.timeout = timeout
        self.store = Store(self.path, read_only=True)
        self._lock = threading.Lock()  # guards cursor creation on the shared connection

    def close(self) -> None:
        self.store.close()

    def call(self, fn: Callable[..., T], *args, **kwargs) -> T:
        """Run ``fn(session, *args, **kwargs)`` on a fresh cursor, interrupted after ``timeout`` seconds."""
        with self._lock:
            cursor = self.store.con.cursor()
        fired = threading.Event()

        def interrupt() -> None:
            fired.set()
            cursor.interrupt()

        timer = threading.Timer(self.timeout, interrupt)
        timer.daemon = True
        timer.start()
        try:
            return fn(Session(cursor), *args, **kwargs)
        except duckdb.InterruptException:
            raise QueryTimeout(self.timeout) from None
        except duckdb.Error as exc:
            if fired.is_set():
                raise QueryTimeout(self.timeout) from None
            raise StoreError(f"query failed: {exc}") from exc
        finally:
            timer.cancel()
            timer.join()
            cursor.close()
