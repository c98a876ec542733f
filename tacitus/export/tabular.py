"""CSV and Parquet copies of the events table, written by DuckDB itself (fast, and no pandas needed).

Parquet can be partitioned by month (``year=YYYY/month=M/`` directories, Hive style), which DuckDB, Spark,
pandas/pyarrow and R arrow all read as one dataset and can prune by date.
"""
from __future__ import annotations

from pathlib import Path

import duckdb

from ..store import Store
from .selection import ExportError, ExportResult, Selection, events_sql

PARTITION_THRESHOLD = 100_000
"""Above this many events the CLI partitions Parquet by month unless told otherwise."""


def _sql_path(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def _copy(store: Store, select: str, params: list, path: Path, options: str) -> int:
    try:
        cursor = store.con.cursor()
        cursor.execute(f"COPY ({select}) TO {_sql_path(path)} ({options})", params)
        row = cursor.fetchone()
        cursor.close()
    except duckdb.Error as exc:
        raise ExportError(f"cannot write {path}: {exc}") from exc
    return int(row[0]) if row else 0


def write_csv(store: Store, path: str | Path, start=None, end=None, dedupe: bool = False) -> ExportResult:
    """Write the selected events, with the events-table columns and a header row, as CSV."""
    path = Path(path)
    if path.is_dir():
        raise ExportError(f"{path} is a directory; give a file name for the CSV")
    select, params = events_sql(Selection.of(start, end, dedupe))
    rows = _copy(store, select, params, path, "FORMAT CSV, HEADER, DELIMITER ','")
    return ExportResult(rows=rows, path=str(path))


def write_parquet(store: Store, path: str | Path, start=None, end=None, dedupe: bool = False,
                  partition: bool = False) -> ExportResult:
    """Write the selected events as one Parquet file, or (``partition``) a directory partitioned by month.

    A partitioned export goes to a new or empty directory: DuckDB's overwrite option deletes whatever is in
    the directory, which is too dangerous to do for a mistyped path.
    """
    path = Path(path)
    sel = Selection.of(start, end, dedupe)
    if partition:
        if path.exists() and (not path.is_dir() or any(path.iterdir())):
            raise ExportError(f"{path} exists and is not an empty directory; a partitioned export needs a new "
                              "or empty directory")
        select, params = events_sql(sel, 'year("date") AS year, month("date") AS month')
        rows = _copy(store, select, params, path, "FORMAT PARQUET, PARTITION_BY (year, month)")
    else:
        if path.is_dir():
            raise ExportError(f"{path} is a directory; give a file name, or use --partition")
        select, params = events_sql(sel)
        rows = _copy(store, select, params, path, "FORMAT PARQUET")
    return ExportResult(rows=rows, path=str(path))


def should_partition(store: Store) -> bool:
    """The CLI default: partition when the store holds more than PARTITION_THRESHOLD events."""
    return store.con.execute("SELECT count(*) FROM events").fetchone()[0] > PARTITION_THRESHOLD
