"""Exports of a Tacitus store (GDELT 1.0, ICEWS, PLOVER, CSV, Parquet, GEXF) and the GDELT importer.

Library functions write files and return what they did; they never print. The CLI commands live in
``tacitus.export.commands``. See docs/exports.md.
"""
from .gdelt import GDELT1_COLUMNS, GDELT2_COLUMNS, write_gdelt
from .gdelt_import import ImportProblem, ImportStats, import_gdelt
from .gexf import write_gexf
from .icews import ICEWS_COLUMNS, write_icews
from .plover import write_plover
from .selection import ExportError, ExportResult, Selection, stable_event_id
from .tabular import write_csv, write_parquet

__all__ = [
    "GDELT1_COLUMNS", "GDELT2_COLUMNS", "ICEWS_COLUMNS", "ExportError", "ExportResult", "ImportProblem",
    "ImportStats", "Selection", "import_gdelt", "stable_event_id", "write_csv", "write_gdelt", "write_gexf",
    "write_icews", "write_parquet", "write_plover",
]
