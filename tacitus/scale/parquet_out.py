"""The run directory: date-partitioned Parquet per partition, and completion markers.

Layout (one file per table, date and partition)::

    RUN/documents/date=2016-01-02/part-<pid>.parquet   (the article date; ``date=undated`` without one)
    RUN/sentences/date=2016-01-02/part-<pid>.parquet   (partitioned like their documents)
    RUN/events/date=2016-01-03/part-<pid>.parquet      (the event date)
    RUN/_done/<pid>.json                               (written last: the partition is complete)

Every file is written under a temporary name and renamed, so a reader never sees half a file. The columns and
types are those of the store's tables (taken from its DDL), so the files import into a store as they are.
"""
from __future__ import annotations

import json
import os
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from ..store.rows import DOCUMENT_COLUMNS, SENTENCE_COLUMNS, document_row, event_rows, sentence_rows
from ..store.schema import EVENT_COLUMNS

TABLES = {"documents": DOCUMENT_COLUMNS, "sentences": SENTENCE_COLUMNS, "events": EVENT_COLUMNS}
UNDATED = "undated"
DONE_DIR = "_done"


@lru_cache(maxsize=None)
def arrow_schema(table: str) -> pa.Schema:
    """The Arrow schema of a store table's columns, read from the store's own DDL (one source of truth)."""
    import duckdb

    from ..store.schema import DDL

    con = duckdb.connect()
    try:
        for statement in DDL:
            con.execute(statement)
        return con.sql(f"SELECT {', '.join(TABLES[table])} FROM {table} LIMIT 0").to_arrow_table().schema
    finally:
        con.close()


def marker_path(run_dir: Path, pid: str) -> Path:
    return Path(run_dir) / DONE_DIR / f"{pid}.json"


def read_marker(run_dir: Path, pid: str) -> dict | None:
    """The completion record of a partition, or None if it has not completed."""
    try:
        return json.loads(marker_path(run_dir, pid).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except ValueError:  # a marker is renamed into place whole; an unreadable one counts as not done
        return None


def clear_partition(run_dir: Path, pid: str) -> None:
    """Remove what an unfinished attempt at this partition may have left (files and temporaries)."""
    run_dir = Path(run_dir)
    for table in TABLES:
        for pattern in (f"date=*/part-{pid}.parquet", f"date=*/.part-{pid}.*.tmp"):
            for f in (run_dir / table).glob(pattern):
                f.unlink(missing_ok=True)


def write_partition(run_dir: Path, pid: str, coded_documents: list, source: str = "") -> dict[str, int]:
    """Write the rows of the coded documents (those without an error) as Parquet, split by date.

    When a doc_id occurs twice in the partition, the later document wins, as it would in the local ingest.
    Returns the number of rows per table, and the written files (relative to ``run_dir``) under ``"files"``.
    """
    run_dir = Path(run_dir)
    latest = {c.document.doc_id: c for c in coded_documents if not c.error}
    by_table: dict[str, dict[str, list]] = {t: defaultdict(list) for t in TABLES}
    date_at = EVENT_COLUMNS.index("date")
    for coded in latest.values():
        day = _day(coded.document.date)
        by_table["documents"][day].append(document_row(coded))
        by_table["sentences"][day].extend(sentence_rows(coded))
        for row in event_rows(coded):
            by_table["events"][_day(row[date_at])].append(row)
    clear_partition(run_dir, pid)
    files, counts = [], {}
    for table, days in by_table.items():
        counts[table] = sum(len(rows) for rows in days.values())
        for day, rows in sorted(days.items()):
            if rows:
                files.append(_write_table(run_dir, table, day, pid, rows))
    counts["files"] = files
    return counts


def write_marker(run_dir: Path, pid: str, record: dict) -> None:
    """Mark the partition complete; called after all its files are in place."""
    path = marker_path(run_dir, pid)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{pid}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(record, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    os.replace(tmp, path)


def _day(date) -> str:
    return date.isoformat() if date is not None else UNDATED


def _write_table(run_dir: Path, table: str, day: str, pid: str, rows: list[list]) -> str:
    schema = arrow_schema(table)
    columns = [pa.array([r[i] for r in rows], type=field.type) for i, field in enumerate(schema)]
    folder = run_dir / table / f"date={day}"
    folder.mkdir(parents=True, exist_ok=True)
    final = folder / f"part-{pid}.parquet"
    tmp = folder / f".part-{pid}.{os.getpid()}.tmp"
    pq.write_table(pa.Table.from_arrays(columns, schema=schema), tmp)
    os.replace(tmp, final)
    return final.relative_to(run_dir).as_posix()
