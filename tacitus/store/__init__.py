"""The DuckDB event store: ingest, query, analytics."""
from .ingest import ingest
from .store import IngestStats, Store, StoreError

__all__ = ["IngestStats", "Store", "StoreError", "ingest"]
