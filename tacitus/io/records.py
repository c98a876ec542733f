"""JSON Lines and CSV: one article per line or row, with configurable field names."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..document import Document, parse_date
from .options import InputProblem, ReadOptions


def record_to_document(record: dict, at: str, name: str, opts: ReadOptions) -> Document | InputProblem:
    body = record.get(opts.text_field)
    if not isinstance(body, str) or not body.strip():
        return InputProblem(at, f"has no '{opts.text_field}' (or it is empty)")
    doc_id = record.get(opts.id_field) if opts.id_field else (record.get("doc_id") or record.get("id"))
    doc = Document(text=body, doc_id=str(doc_id) if doc_id not in (None, "") else f"{name}:{at.rsplit(':', 1)[-1]}",
                   title=str(record.get(opts.title_field) or ""), url=str(record.get(opts.url_field) or ""),
                   origin=at)
    raw_date = record.get(opts.date_field)
    if raw_date not in (None, ""):
        try:
            doc.date = parse_date(raw_date)
            doc.meta["date_source"] = "record"
        except ValueError as exc:
            doc.meta["date_problem"] = str(exc)
    if record.get("source"):
        doc.meta["source"] = str(record["source"])
    return doc


def read_jsonl(text: str, where: str, opts: ReadOptions) -> Iterator[Document | InputProblem]:
    yield from read_jsonl_lines(text.splitlines(), where, opts)


def read_jsonl_lines(lines: Iterable[str | InputProblem], where: str,
                     opts: ReadOptions) -> Iterator[Document | InputProblem]:
    """Records from lines, read one at a time (a problem found while reading a line is passed through)."""
    name = Path(where).name
    seen = False
    lineno = 0
    for line in lines:
        if isinstance(line, InputProblem):
            yield line
            continue
        lineno += 1
        if not line.strip():
            continue
        seen = True
        at = f"{where}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputProblem(at, f"malformed JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(record, dict):
            yield InputProblem(at, f"expected a JSON object with a '{opts.text_field}' field")
            continue
        yield record_to_document(record, at, name, opts)
    if not seen:
        yield InputProblem(where, "is empty")


def read_csv(text: str, where: str, opts: ReadOptions) -> Iterator[Document | InputProblem]:
    name = Path(where).name
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        yield InputProblem(where, "is empty")
        return
    except csv.Error as exc:
        yield InputProblem(f"{where}:1", f"unreadable CSV header ({exc})")
        return
    header = [h.strip() for h in header]
    if opts.text_field not in header:
        yield InputProblem(f"{where}:1", f"has no '{opts.text_field}' column (columns: {', '.join(header)}); "
                                         "choose one with --text-field")
        return
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            yield InputProblem(f"{where}:{reader.line_num}", f"malformed CSV row ({exc})")
            continue
        at = f"{where}:{reader.line_num}"
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            yield InputProblem(at, f"has {len(row)} fields, the header has {len(header)}")
            continue
        yield record_to_document(dict(zip(header, row)), at, name, opts)
