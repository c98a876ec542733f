"""A Tacitus store: one DuckDB file holding documents, sentences, events, clusters and actors.

Ingest is idempotent: a document is identified by its ``doc_id`` and the SHA-256 of its text; re-ingesting the
same text is a no-op and a changed text replaces the document's sentences and events. Each batch is written in
one transaction, so an interrupted ingest leaves whole documents or none.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import duckdb

from ..errors import TacitusError
from .rows import DOCUMENT_COLUMNS, document_row, event_rows, sentence_rows
from .rows import text_hash  # noqa: F401  (callers import it from here)
from .schema import DDL, EVENT_COLUMNS, SCHEMA_VERSION


class StoreError(TacitusError):
    """The store cannot be opened, read or written."""

    code = "T005"


@dataclass
class IngestStats:
    read: int = 0
    coded: int = 0
    unchanged: int = 0
    replaced: int = 0
    failed: int = 0
    events: int = 0

    def add(self, other: "IngestStats") -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


class Store:
    """Open (and create) a store; ``path=":memory:"`` gives a throwaway in-memory store."""

    def __init__(self, path: str | Path = ":memory:", read_only: bool = False):
        self.path = str(path)
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            if "lock" in str(exc).lower():
                raise StoreError(
                    f"the store {self.path} is being written by another process (an ingest?). DuckDB allows one "
                    "writing process and no readers from other processes meanwhile: wait for it to finish, or "
                    "query a copy of the file.") from exc
            raise StoreError(f"cannot open the store {self.path}: {exc}") from exc
        if not read_only:
            for statement in DDL:
                self.con.execute(statement)
            self.con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing -----------------------------------------------------------------
    def known_hashes(self, doc_ids: Sequence[str]) -> dict[str, str]:
        if not doc_ids:
            return {}
        rows = self.con.execute("SELECT doc_id, text_hash FROM documents WHERE doc_id IN (SELECT unnest(?))",
                                [list(doc_ids)]).fetchall()
        return dict(rows)

    def write_batch(self, coded_documents: Iterable, source: str = "") -> IngestStats:
        """Write a batch of ``CodedDocument`` results in one transaction."""
        stats = IngestStats()
        batch = list(coded_documents)
        if not batch:
            return stats
        known = self.known_hashes([c.document.doc_id for c in batch])
        doc_rows, sent_rows, ev_rows, replaced_ids = [], [], [], []
        for coded in batch:
            d = coded.document
            stats.read += 1
            if coded.error:
                stats.failed += 1
                continue
            h = text_hash(d.text)
            if known.get(d.doc_id) == h:
                stats.unchanged += 1
                continue
            if d.doc_id in known:
                replaced_ids.append(d.doc_id)
                stats.replaced += 1
            stats.coded += 1
            stats.events += len(coded.events)
            doc_rows.append(document_row(coded, source, h))
            sent_rows.extend(sentence_rows(coded))
            ev_rows.extend(event_rows(coded))
        self.con.execute("BEGIN TRANSACTION")
        try:
            ids = [r[0] for r in doc_rows]
            if ids:
                for table in ("events", "sentences", "documents"):
                    self.con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT unnest(?))", [ids])
                self.con.executemany(f"INSERT INTO documents ({', '.join(DOCUMENT_COLUMNS)}) "
                                     f"VALUES ({', '.join('?' for _ in DOCUMENT_COLUMNS)})", doc_rows)
            if sent_rows:
                self.con.executemany("INSERT INTO sentences VALUES (?, ?, ?, ?)", sent_rows)
            if ev_rows:
                placeholders = ", ".join("?" for _ in EVENT_COLUMNS)
                self.con.executemany(f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) VALUES ({placeholders})",
                                     ev_rows)
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise
        return stats

    def add_reject(self, origin: str, reason: str) -> None:
        """Record an unreadable input once (a rerun of the same ingest does not duplicate it)."""
        self.con.execute("INSERT INTO rejects (origin, reason) SELECT ?, ? WHERE NOT EXISTS "
                         "(SELECT 1 FROM rejects WHERE origin = ? AND reason = ?)", [origin, reason, origin, reason])

    def refresh_actors(self) -> None:
        """Rebuild the actors table from the events (one row per actor code)."""
        self.con.execute("BEGIN TRANSACTION")
        self.con.execute("DELETE FROM actors")
        self.con.execute("""
            INSERT INTO actors
            WITH mentions AS (
                SELECT source AS code, source_name AS name, source_country AS country, source_role AS role,
                       1 AS as_source, 0 AS as_target FROM events
                UNION ALL
                SELECT target, target_name, target_country, target_role, 0, 1 FROM events),
            named AS (  -- the most frequent name of each code (ties: alphabetical), so reruns agree
                SELECT code, name, country, role,
                       row_number() OVER (PARTITION BY code ORDER BY count(*) DESC, name, country, role) AS rank
                FROM mentions GROUP BY code, name, country, role)
            SELECT m.code, n.name, n.country, n.role, sum(as_source)::INTEGER, sum(as_target)::INTEGER
            FROM mentions m JOIN named n ON n.code = m.code AND n.rank = 1
            GROUP BY m.code, n.name, n.country, n.role""")
        self.con.execute("COMMIT")

    # -- reading -----------------------------------------------------------------
    def query(self, sql: str, params: Sequence | None = None) -> tuple[list[str], list[tuple]]:
        """Run SQL; returns (column names, rows), read fully."""
        try:
            result = self.con.execute(sql, params or [])
        except duckdb.Error as exc:
            raise StoreError(f"query failed: {exc}") from exc
        columns = [d[0] for d in result.description] if result.description else []
        return columns, result.fetchall()

    def query_df(self, sql: str, params: Sequence | None = None):
        """The result as a pandas DataFrame."""
        try:
            return self.con.execute(sql, params or []).df()
        except duckdb.Error as exc:
            raise StoreError(f"query failed: {exc}") from exc

    def query_arrow(self, sql: str, params: Sequence | None = None):
        """The result as a pyarrow Table."""
        try:
            return self.con.execute(sql, params or []).to_arrow_table()
        except duckdb.Error as exc:
            raise StoreError(f"query failed: {exc}") from exc

    def counts(self) -> dict[str, int]:
        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("documents", "sentences", "events", "clusters", "actors", "rejects")}
