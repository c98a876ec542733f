"""The ``tacitus export`` and ``tacitus import-gdelt`` commands (the only export code that prints).

Registered by ``tacitus.cli._register_plugins``; the library modules are imported inside the commands so
that ``tacitus --help`` stays fast.
"""
from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

err = Console(stderr=True, highlight=False, soft_wrap=True)
MAX_PRINTED_PROBLEMS = 20


class ExportFormat(str, Enum):
    gdelt = "gdelt"
    icews = "icews"
    plover = "plover"
    csv = "csv"
    parquet = "parquet"
    gexf = "gexf"


STREAM_FORMATS = {ExportFormat.gdelt, ExportFormat.icews, ExportFormat.plover}


def _fail(message: str, code: int = 1) -> typer.Exit:
    err.print(f"error: {message}", markup=False)
    return typer.Exit(code)


def export(
    fmt: ExportFormat = typer.Argument(..., metavar="FORMAT", help="gdelt, icews, plover, csv, parquet or gexf."),
    db: Path = typer.Option("tacitus.duckdb", "--db", help="The Tacitus store (DuckDB file)."),
    output: str = typer.Option(..., "--output", "-o", help="Output file (a directory for partitioned Parquet); "
                                                           "- writes gdelt/icews/plover to stdout."),
    start: Optional[str] = typer.Option(None, "--start", help="First event date (YYYY-MM-DD), inclusive."),
    end: Optional[str] = typer.Option(None, "--end", help="Last event date (YYYY-MM-DD), inclusive."),
    dedupe: bool = typer.Option(False, "--dedupe", help="One row per event cluster (its earliest report), with its "
                                                      "mention/source/article counts."),
    partition: Optional[bool] = typer.Option(None, "--partition/--no-partition",
                                             help="Parquet: one directory per month (default: only when the "
                                                  "store has more than 100,000 events)."),
    header: bool = typer.Option(False, "--header", help="gdelt: write a header row (GDELT files have none)."),
) -> None:
    """Export the store's events as GDELT 1.0, ICEWS, PLOVER, CSV, Parquet or a GEXF actor graph."""
    from ..document import parse_date
    from ..errors import TacitusError
    from ..store import Store
    from . import selection, tabular
    from .gdelt import write_gdelt
    from .gexf import write_gexf
    from .icews import write_icews
    from .plover import write_plover

    try:
        for value in (start, end):
            parse_date(value)
    except ValueError as exc:
        raise _fail(f"--start/--end: {exc}", 2)
    if output == "-" and fmt not in STREAM_FORMATS:
        raise _fail(f"{fmt.value} cannot be written to stdout; give --output FILE", 2)
    if not db.is_file():
        raise _fail(f"no store at {db}; create one with `tacitus ingest INPUT... --db {db}`", 2)
    try:
        store = Store(db, read_only=True)
    except TacitusError as exc:
        raise _fail(str(exc))
    try:
        with store:
            if fmt in STREAM_FORMATS:
                writer = {ExportFormat.gdelt: write_gdelt, ExportFormat.icews: write_icews,
                          ExportFormat.plover: write_plover}[fmt]
                extra = {"header": header} if fmt is ExportFormat.gdelt else {}
                total = selection.count_selected(store, selection.Selection.of(start, end, dedupe))
                out = sys.stdout if output == "-" else output
                with _progress() as progress:
                    task = progress.add_task(f"export {fmt.value}", total=total)
                    result = writer(store, out, start=start, end=end, dedupe=dedupe,
                                    on_progress=lambda n: progress.update(task, completed=n), **extra)
            else:
                with err.status(f"exporting {fmt.value} ..."):
                    if fmt is ExportFormat.csv:
                        result = tabular.write_csv(store, output, start=start, end=end, dedupe=dedupe)
                    elif fmt is ExportFormat.parquet:
                        split = tabular.should_partition(store) if partition is None else partition
                        result = tabular.write_parquet(store, output, start=start, end=end, dedupe=dedupe,
                                                       partition=split)
                    else:
                        result = write_gexf(store, output, start=start, end=end, dedupe=dedupe)
    except TacitusError as exc:
        raise _fail(str(exc))
    what = "edge(s)" if fmt is ExportFormat.gexf else "event(s)"
    where = "stdout" if output == "-" else output
    err.print(f"wrote {result.rows} {what} to {where}", markup=False)
    if result.skipped:
        detail = ", ".join(f"root {root}: {n}" for root, n in sorted(result.skipped.items()))
        err.print(f"skipped {result.n_skipped} event(s) with no PLOVER category ({detail})", markup=False)


def import_gdelt(
    files: list[Path] = typer.Argument(..., help="GDELT 1.0 (57/58 columns) or 2.0 (61 columns) event files, "
                                                 "plain, .gz or .zip."),
    db: Path = typer.Option("tacitus.duckdb", "--db", help="The Tacitus store (DuckDB file); created if missing."),
) -> None:
    """Load GDELT event files into the store's gdelt_events table, to compare with Tacitus events."""
    from ..errors import TacitusError
    from ..store import Store
    from .gdelt_import import import_gdelt as run_import

    shown = 0

    def on_problem(problem) -> None:
        nonlocal shown
        shown += 1
        if shown <= MAX_PRINTED_PROBLEMS:
            err.print(f"warning: {problem}", markup=False)

    if not db.exists():
        err.print(f"creating a new store at {db}", markup=False)
    try:
        with Store(db) as store, _progress() as progress:
            task = progress.add_task("import gdelt", total=None)
            stats = run_import(store, files, on_problem=on_problem,
                               on_progress=lambda s: progress.update(task, completed=s.rows))
    except TacitusError as exc:
        raise _fail(str(exc))
    if shown > MAX_PRINTED_PROBLEMS:
        err.print(f"... and {shown - MAX_PRINTED_PROBLEMS} more problem(s)", markup=False)
    err.print(f"imported {stats.rows} GDELT event(s) ({stats.rows_v1} GDELT 1.0, {stats.rows_v2} GDELT 2.0) "
              f"from {stats.files} file(s) into gdelt_events; {stats.malformed} malformed line(s), "
              f"{stats.failed_files} unreadable file(s)", markup=False)
    if stats.malformed or stats.failed_files:
        raise typer.Exit(1)


def _progress() -> Progress:
    return Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), console=err, transient=True)


def register(app: typer.Typer) -> None:
    """Add ``export`` and ``import-gdelt`` to the ``tacitus`` command."""
    app.command("export")(export)
    app.command("import-gdelt")(import_gdelt)
