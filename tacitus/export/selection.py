"""What every exporter shares: the event selection (date range, dedupe), stable ids and actor fields.

One query builds the rows for all row-based writers, so GDELT, ICEWS and PLOVER files made from the same
store and filters always hold the same events in the same order.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TextIO

import duckdb

from ..document import parse_date
from ..errors import TacitusError
from ..store import Store
from ..store.schema import EVENT_COLUMNS

ProgressCallback = Callable[[int], None]

# Actor-code prefixes that name an organisation rather than a country (CAMEO's IGO/NGO/IMG/MNC codes).
GROUP_PREFIXES = ("IGO", "NGO", "IMG", "MNC")


class ExportError(TacitusError):
    """An export or import cannot be done (bad options, missing clusters, unwritable output)."""

    code = "T006"


@dataclass
class ExportResult:
    """What a writer did: rows written, rows left out (by reason) and where it wrote."""

    rows: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    path: str = ""

    @property
    def n_skipped(self) -> int:
        return sum(self.skipped.values())


@dataclass(frozen=True)
class Selection:
    """Which events to export: an inclusive date range and whether to keep one row per cluster."""

    start: dt.date | None = None
    end: dt.date | None = None
    dedupe: bool = False

    @classmethod
    def of(cls, start=None, end=None, dedupe: bool = False) -> "Selection":
        """Build from dates or ISO strings; a bad date is an ExportError, not a ValueError deep in SQL."""
        try:
            s, e = parse_date(start), parse_date(end)
        except ValueError as exc:
            raise ExportError(str(exc)) from exc
        if s and e and s > e:
            raise ExportError(f"the start date {s} is after the end date {e}")
        return cls(s, e, dedupe)


def stable_event_id(event_id: str) -> int:
    """A positive 63-bit integer for an event id: the first 8 bytes of its SHA-256, shifted right by one.

    It depends on nothing but the id, so it is the same in every export and on every machine, and it fits a
    signed BIGINT (GDELT's GLOBALEVENTID type). Collisions are unlikely (about 1 in 2 million for 10^8 events).
    """
    digest = hashlib.sha256(event_id.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") >> 1


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """ISO3 code -> English name, read from the packaged country dictionary (ICEWS wants names)."""
    import yaml

    text = (resources.files("tacitus") / "data" / "actors" / "countries.yaml").read_text("utf-8")
    return {item["code"]: item.get("name") or item["code"] for item in yaml.safe_load(text) or []}


def actor_parts(code: str | None, country: str | None, role: str | None) -> tuple[str, str, str]:
    """(country, known group, type) of an actor, as GDELT splits a CAMEO actor code.

    The stored country and role come first. When they are empty, they are read from the code itself, the
    way CAMEO builds it: ``YEMREB`` is country YEM, type REB; ``IGOUNO`` is type IGO, known group UNO.
    """
    code, country, role = code or "", country or "", role or ""
    group = ""
    prefix = code[:3]
    if prefix in GROUP_PREFIXES:
        group = code[3:6]
        role = role or prefix
    elif prefix in country_names():
        country = country or prefix
        if not role and len(code) >= 6:
            role = code[3:6]
    return country, group, role


def clean(value) -> str:
    """A value as one TSV field: no tabs or line breaks inside, None as empty."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    if "\t" in text or "\n" in text or "\r" in text:
        text = " ".join(text.split())
    return text


def number(value) -> str:
    """A float the way GDELT writes it: 3.4, -10, 0.5 (no trailing .0)."""
    return "" if value is None else f"{float(value):g}"


def selection_sql(sel: Selection) -> tuple[str, list]:
    """SQL (and parameters) for the selected events with their document and cluster fields.

    With ``dedupe``, a clustered event is exported once, as its cluster's root event (the earliest report),
    carrying the cluster's mention, source and article counts; an event in no cluster (no date, or ingested
    after the last clustering) stands for itself. This is the rule of ``store.analytics`` too.

    Extra columns: ``is_root_event`` (first event coded from its sentence), ``doc_url``, ``doc_title``,
    ``doc_source``, ``doc_ingested_at``, ``num_mentions``, ``num_sources``, ``num_articles`` and
    ``event_num`` (the event's number in its document).
    """
    where, params = [], []
    if sel.start:
        where.append("e.date >= ?")
        params.append(sel.start)
    if sel.end:
        where.append("e.date <= ?")
        params.append(sel.end)
    where_sql = ("WHERE " + " AND ".join(where)) if where else ""
    if sel.dedupe:
        counts = ("coalesce(c.num_mentions, 1) AS num_mentions, coalesce(c.num_sources, 1) AS num_sources, "
                  "coalesce(c.num_articles, 1) AS num_articles")
        join = ("LEFT JOIN clusters c ON c.cluster_id = r.cluster_id "
                "WHERE r.cluster_id IS NULL OR c.cluster_id IS NULL OR c.root_event_id = r.event_id")
    else:
        counts, join = "1 AS num_mentions, 1 AS num_sources, 1 AS num_articles", ""
    sql = f"""
        WITH numbered AS (
            SELECT e.*, coalesce(TRY_CAST(regexp_extract(e.event_id, '#([0-9]+)$', 1) AS INTEGER), 0) AS event_num
            FROM events e {where_sql}
        ), ranked AS (
            SELECT *, row_number() OVER (PARTITION BY doc_id, sentence_index ORDER BY event_num, event_id) = 1
                   AS is_root_event
            FROM numbered
        )
        SELECT r.*, d.url AS doc_url, d.title AS doc_title, d.source AS doc_source,
               d.ingested_at AS doc_ingested_at, {counts}
        FROM ranked r LEFT JOIN documents d ON d.doc_id = r.doc_id {join}
        ORDER BY r.date NULLS LAST, r.doc_id, r.sentence_index, r.event_num"""
    return sql, params


def count_selected(store: Store, sel: Selection) -> int:
    sql, params = selection_sql(sel)
    return _execute(store.con, f"SELECT count(*) FROM ({sql})", params).fetchone()[0]


def iter_rows(store: Store, sel: Selection, batch_size: int = 10_000) -> Iterator[dict]:
    """Stream the selected events as dicts, ``batch_size`` rows at a time (never the whole table)."""
    sql, params = selection_sql(sel)
    cursor = store.con.cursor()  # its own cursor: a writer may query the store while rows stream
    try:
        result = _execute(cursor, sql, params)
        names = [d[0] for d in result.description]
        while batch := result.fetchmany(batch_size):
            for row in batch:
                yield dict(zip(names, row))
    finally:
        cursor.close()


def events_sql(sel: Selection, extra: str = "") -> tuple[str, list]:
    """The selected events with exactly the events-table columns (plus ``extra`` SQL expressions)."""
    sql, params = selection_sql(sel)
    columns = ", ".join(f'"{c}"' for c in EVENT_COLUMNS)
    return f"SELECT {columns}{', ' + extra if extra else ''} FROM ({sql})", params


def _execute(con, sql: str, params: list):
    try:
        return con.execute(sql, params)
    except duckdb.Error as exc:
        raise ExportError(f"cannot read the events: {exc}") from exc


def iso(value) -> str:
    return value.isoformat()[:10] if value is not None else ""


@contextmanager
def open_text(out: str | Path | TextIO) -> Iterator[TextIO]:
    """Write to a path (created, parent must exist) or to an open text stream (left open)."""
    if hasattr(out, "write"):
        yield out  # type: ignore[misc]
        return
    try:
        fh = open(out, "w", encoding="utf-8", newline="")
    except OSError as exc:
        raise ExportError(f"cannot write {out}: {exc.strerror}") from exc
    with fh:
        yield fh


def write_tsv(store: Store, out, sel: Selection, header: list[str] | None, row: Callable[[dict], list[str]],
              on_progress: ProgressCallback | None = None) -> ExportResult:
    """Write the selected events as tab-separated rows (``row`` formats one), with an optional header."""
    result = ExportResult(path=str(out) if not hasattr(out, "write") else "")
    with open_text(out) as fh:
        if header:
            fh.write("\t".join(header) + "\n")
        for r in iter_rows(store, sel):
            fh.write("\t".join(row(r)) + "\n")
            result.rows += 1
            if on_progress and result.rows % 1000 == 0:
                on_progress(result.rows)
    if on_progress:
        on_progress(result.rows)
    return result
