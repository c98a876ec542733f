"""Load GDELT 1.0 and 2.0 event files into the store's ``gdelt_events`` table, to compare with our events.

Files are read as a stream (plain, .gz or .zip), so a daily file never has to fit in memory. Python checks
each line (column count, numbers) and writes the good ones to a temporary TSV that DuckDB loads in bulk;
a bad line is counted and reported as ``file:line: reason`` and never stops the import.
"""
from __future__ import annotations

import gzip
import io
import os
import re
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from ..store import Store
from .gdelt import GDELT1_COLUMNS, GDELT2_COLUMNS
from .selection import ExportError

INTEGER_COLUMNS = {"GLOBALEVENTID": "BIGINT", "SQLDATE": "INTEGER", "MonthYear": "INTEGER", "Year": "INTEGER",
                   "IsRootEvent": "INTEGER", "QuadClass": "INTEGER", "NumMentions": "INTEGER",
                   "NumSources": "INTEGER", "NumArticles": "INTEGER", "Actor1Geo_Type": "INTEGER",
                   "Actor2Geo_Type": "INTEGER", "ActionGeo_Type": "INTEGER", "DATEADDED": "BIGINT"}
DOUBLE_COLUMNS = {"FractionDate", "GoldsteinScale", "AvgTone"} | {
    f"{who}Geo_{x}" for who in ("Actor1", "Actor2", "Action") for x in ("Lat", "Long")}
# Every other column (all codes, names, FeatureIDs, SOURCEURL) is VARCHAR: "040" must stay "040".

_INT = re.compile(r"-?\d+$")
_FLOAT = re.compile(r"-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$")
_FROM_V1 = [GDELT1_COLUMNS.index(c) if c in GDELT1_COLUMNS else None for c in GDELT2_COLUMNS]
_CHECKS = [(i, c, _INT if c in INTEGER_COLUMNS else _FLOAT) for i, c in enumerate(GDELT2_COLUMNS)
           if c in INTEGER_COLUMNS or c in DOUBLE_COLUMNS]
_REQUIRED = (GDELT2_COLUMNS.index("GLOBALEVENTID"), GDELT2_COLUMNS.index("SQLDATE"))


def _sql_type(column: str) -> str:
    return INTEGER_COLUMNS.get(column) or ("DOUBLE" if column in DOUBLE_COLUMNS else "VARCHAR")


TABLE_DDL = ("CREATE TABLE IF NOT EXISTS gdelt_events ("
             + ", ".join(f'"{c}" {_sql_type(c)}' for c in GDELT2_COLUMNS)
             + ", gdelt_version TINYINT, source_file VARCHAR)")


@dataclass
class ImportProblem:
    where: str  # "file:line", or the file alone when it cannot be read at all
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


@dataclass
class ImportStats:
    files: int = 0
    failed_files: int = 0
    rows: int = 0
    rows_v1: int = 0
    rows_v2: int = 0
    malformed: int = 0
    problems: list[ImportProblem] = field(default_factory=list)  # the first MAX_KEPT_PROBLEMS


MAX_KEPT_PROBLEMS = 1000


def parse_line(line: str) -> tuple[list[str] | None, int, str]:
    """(the 61 GDELT 2.0 fields, version, "") for a good line, or (None, 0, reason) for a malformed one.

    57 fields is a 1.0 backfile line (before April 2013, no SOURCEURL), 58 a 1.0 daily line, 61 a 2.0 line;
    1.0 lines get empty ADM2 codes.
    """
    fields = line.split("\t")
    if len(fields) == 61:
        row, version = fields, 2
    elif len(fields) in (57, 58):
        if len(fields) == 57:
            fields.append("")
        row, version = [fields[i] if i is not None else "" for i in _FROM_V1], 1
    else:
        return None, 0, f"{len(fields)} fields; GDELT 1.0 has 57 or 58, GDELT 2.0 has 61"
    for i in _REQUIRED:
        if not row[i]:
            return None, 0, f"{GDELT2_COLUMNS[i]} is empty"
    for i, name, pattern in _CHECKS:
        value = row[i]
        if value and not pattern.match(value):
            return None, 0, f"{name} is not a number: {value[:40]!r}"
    return row, version, ""


def _text_lines(raw) -> Iterator[str]:
    for line in io.TextIOWrapper(raw, encoding="utf-8", errors="replace", newline="\n"):
        yield line.rstrip("\n").rstrip("\r")


def _open(path: Path) -> Iterator[tuple[str, Iterator[str]]]:
    """(where-prefix, lines) for each text stream in the file: one, or one per member of a zip."""
    if path.suffix.lower() == ".zip":
        with zipfile.ZipFile(path) as archive:
            members = [m for m in archive.infolist() if not m.is_dir()]
            for m in members:
                prefix = str(path) if len(members) == 1 else f"{path}[{m.filename}]"
                with archive.open(m) as raw:
                    yield prefix, _text_lines(raw)
    elif path.suffix.lower() == ".gz":
        with gzip.open(path, "rb") as raw:
            yield str(path), _text_lines(raw)
    else:
        with open(path, "rb") as raw:
            yield str(path), _text_lines(raw)


def _load_chunk(store: Store, tmp: Path, source_file: str) -> None:
    columns = ", ".join(f"'c{i}': 'VARCHAR'" for i in range(len(GDELT2_COLUMNS) + 1))
    casts = ", ".join(f"TRY_CAST(c{i} AS {_sql_type(c)})" if _sql_type(c) != "VARCHAR" else f"c{i}"
                      for i, c in enumerate(GDELT2_COLUMNS))
    store.con.execute(
        f"INSERT INTO gdelt_events SELECT {casts}, CAST(c{len(GDELT2_COLUMNS)} AS TINYINT), ? "
        f"FROM read_csv(?, delim='\t', header=false, quote='', escape='', auto_detect=false, "
        f"columns={{{columns}}})", [source_file, str(tmp)])


def import_gdelt(store: Store, paths: Iterable[str | Path], chunk_rows: int = 50_000,
                 on_problem: Callable[[ImportProblem], None] | None = None,
                 on_progress: Callable[[ImportStats], None] | None = None) -> ImportStats:
    """Import GDELT event files into ``gdelt_events`` (created if needed) and return what happened.

    Each file is one transaction; re-importing a file with the same name replaces its rows.
    """
    stats = ImportStats()
    try:
        store.con.execute(TABLE_DDL)
    except duckdb.Error as exc:
        raise ExportError(f"cannot create the gdelt_events table: {exc}") from exc

    def problem(where: str, reason: str) -> None:
        p = ImportProblem(where, reason)
        if len(stats.problems) < MAX_KEPT_PROBLEMS:
            stats.problems.append(p)
        if on_problem:
            on_problem(p)

    with tempfile.TemporaryDirectory(prefix="tacitus-gdelt-") as tmpdir:
        tmp = Path(tmpdir) / "chunk.tsv"
        for raw_path in paths:
            path = Path(raw_path)
            if not path.is_file():
                stats.failed_files += 1
                problem(str(path), "no such file" if not path.exists() else "not a file")
                continue
            stats.files += 1
            store.con.execute("BEGIN TRANSACTION")
            try:
                store.con.execute("DELETE FROM gdelt_events WHERE source_file = ?", [path.name])
                _import_file(store, path, tmp, chunk_rows, stats, problem, on_progress)
                store.con.execute("COMMIT")
            except duckdb.Error as exc:
                store.con.execute("ROLLBACK")
                raise ExportError(f"cannot load {path} into gdelt_events: {exc}") from exc
            if on_progress:
                on_progress(stats)
    return stats


def _import_file(store: Store, path: Path, tmp: Path, chunk_rows: int, stats: ImportStats,
                 problem: Callable[[str, str], None], on_progress) -> None:
    chunk: list[str] = []

    def flush() -> None:
        if chunk:
            with open(tmp, "w", encoding="utf-8", newline="\n") as out:
                out.writelines(chunk)
            chunk.clear()
            _load_chunk(store, tmp, path.name)
            os.remove(tmp)

    where, lineno = str(path), 0
    try:
        for where, lines in _open(path):
            for lineno, line in enumerate(lines, start=1):
                if not line.strip() or line.startswith("GLOBALEVENTID\t"):
                    continue  # blank lines and a header row are not data
                row, version, reason = parse_line(line.replace("\r", " ").replace("\x00", ""))
                if row is None:
                    stats.malformed += 1
                    problem(f"{where}:{lineno}", reason)
                    continue
                chunk.append("\t".join(row) + f"\t{version}\n")
                stats.rows += 1
                if version == 1:
                    stats.rows_v1 += 1
                else:
                    stats.rows_v2 += 1
                if len(chunk) >= chunk_rows:
                    flush()
                    if on_progress:
                        on_progress(stats)
    except (OSError, EOFError, zlib.error, zipfile.BadZipFile) as exc:
        stats.failed_files += 1
        problem(f"{where}:{lineno}" if lineno else where, f"cannot read further ({exc}); the lines before "
                "were imported")
    flush()
