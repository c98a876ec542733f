"""The store's rows for one coded document, built in one place.

``Store.write_batch`` and the Dask engine's Parquet writer both use these, so a document coded on a cluster gives
exactly the rows that the local ingest gives.
"""
from __future__ import annotations

import datetime as dt
import hashlib

from .schema import EVENT_COLUMNS

DOCUMENT_COLUMNS = ["doc_id", "title", "date", "date_source", "url", "source", "origin", "text_hash", "text",
                    "n_sentences", "n_events"]
SENTENCE_COLUMNS = ["doc_id", "sentence_index", "sentence_start", "sentence_end"]


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", errors="replace")).hexdigest()


def document_row(coded, source: str = "", digest: str | None = None) -> list:
    """The ``documents`` row (in DOCUMENT_COLUMNS order)."""
    d = coded.document
    return [d.doc_id, d.title or None, d.date, d.meta.get("date_source"), d.url or None,
            source or d.meta.get("source"), d.origin or None, digest or text_hash(d.text), d.text,
            len(coded.sentences), len(coded.events)]


def sentence_rows(coded) -> list[list]:
    """One ``sentences`` row per sentence span (in SENTENCE_COLUMNS order)."""
    return [[coded.document.doc_id, i, s, e] for i, (s, e) in enumerate(coded.sentences)]


def event_rows(coded) -> list[list]:
    """One ``events`` row per event (in EVENT_COLUMNS order); ids are ``doc_id#n``, clusters come later."""
    d = coded.document
    rows = []
    for n, ev in enumerate(coded.events):
        row = ev.to_dict()
        row["event_id"] = f"{d.doc_id}#{n}"
        row["base_code"] = row["code"][:3]
        row["cluster_id"] = None
        row["date"] = dt.date.fromisoformat(row["date"]) if row.get("date") else d.date
        rows.append([row.get(c) for c in EVENT_COLUMNS])
    return rows
