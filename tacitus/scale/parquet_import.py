"""Import a run's Parquet files into a store, with the store's semantics.

A document already stored with the same text hash is left alone; a changed one has its document, sentences and
events replaced. Everything is one transaction on the client: DuckDB has one writer, and the import is a bulk
read of Parquet, which DuckDB does natively.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..store.rows import DOCUMENT_COLUMNS, SENTENCE_COLUMNS
from ..store.schema import EVENT_COLUMNS
from ..store.store import IngestStats, Store

_PID = r"part-([0-9a-f]+)\.parquet$"


def import_run(store: Store, run_dir: Path, markers: Iterable[dict]) -> IngestStats:
    """Import the files listed in the partitions' markers. Returns coded (new or replaced), replaced, unchanged
    and events counts for the documents in those files."""
    run_dir = Path(run_dir)
    files: dict[str, list[str]] = {"documents": [], "sentences": [], "events": []}
    for record in markers:
        for rel in record.get("files", []):
            files[rel.split("/", 1)[0]].append(str(run_dir / rel))
    stats = IngestStats()
    if not files["documents"]:
        return stats
    con = store.con
    # ids and hashes only: the texts are read once more, straight into the table, for the documents chosen
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE _incoming AS
        SELECT doc_id, text_hash, regexp_extract(filename, '{_PID}', 1) AS pid
        FROM read_parquet(?, filename = true, hive_partitioning = false)""", [sorted(files["documents"])])
    # documents stored with the same text are skipped; a doc_id in two partitions: the greater partition id wins
    con.execute("""
        CREATE OR REPLACE TEMP TABLE _chosen AS
        SELECT i.* FROM _incoming i
        WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.doc_id = i.doc_id AND d.text_hash = i.text_hash)
        QUALIFY row_number() OVER (PARTITION BY i.doc_id ORDER BY i.pid DESC) = 1""")
    incoming = con.execute("SELECT count(DISTINCT doc_id) FROM _incoming").fetchone()[0]
    stats.coded = con.execute("SELECT count(*) FROM _chosen").fetchone()[0]
    stats.replaced = con.execute("SELECT count(*) FROM _chosen WHERE doc_id IN (SELECT doc_id FROM documents)"
                                 ).fetchone()[0]
    stats.unchanged = incoming - stats.coded
    con.execute("BEGIN TRANSACTION")
    try:
        for table in ("events", "sentences", "documents"):
            con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT doc_id FROM _chosen)")
        for table, columns in (("documents", DOCUMENT_COLUMNS), ("sentences", SENTENCE_COLUMNS),
                               ("events", EVENT_COLUMNS)):
            if files[table]:
                names = ", ".join(columns)
                picked = ", ".join(f"t.{c}" for c in columns)
                con.execute(f"""
                    INSERT INTO {table} ({names})
                    SELECT {picked} FROM read_parquet(?, filename = true, hive_partitioning = false) t
                    JOIN _chosen c ON c.doc_id = t.doc_id AND c.pid = regexp_extract(t.filename, '{_PID}', 1)""",
                            [sorted(files[table])])
        stats.events = con.execute("SELECT count(*) FROM events WHERE doc_id IN (SELECT doc_id FROM _chosen)"
                                   ).fetchone()[0]
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    finally:
        con.execute("DROP TABLE IF EXISTS _incoming")
        con.execute("DROP TABLE IF EXISTS _chosen")
    return stats
