"""Read articles from plain-text files, JSON Lines files and stdin.

Reading never stops at a bad record: each problem is yielded as an
``InputProblem`` naming the input, the line and the reason, and every other
record is still yielded. The caller decides what to print and the exit code.
"""
from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..document import Document, parse_date

JSONL_SUFFIXES = {".jsonl", ".ndjson", ".jsonlines"}


@dataclass
class InputProblem:
    """A record that could not be read, or was read with a caveat (``fatal=False``)."""

    where: str  # "path" or "path:line"
    reason: str
    fatal: bool = True

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


def read_inputs(paths: Iterable[str], date: dt.date | None = None) -> Iterator[Document | InputProblem]:
    """Documents (and problems) from each path in turn; ``-`` is stdin (JSON Lines if it looks like it)."""
    for path in paths:
        if path == "-":
            yield from _read_stdin(date)
            continue
        p = Path(path)
        if p.is_dir():
            yield InputProblem(path, "is a directory; pass the files in it (e.g. DIR/*.txt)")
            continue
        try:
            raw = p.read_bytes()
        except FileNotFoundError:
            yield InputProblem(path, "no such file")
            continue
        except OSError as exc:
            yield InputProblem(path, f"cannot read ({exc.strerror})")
            continue
        if p.suffix.lower() in JSONL_SUFFIXES:
            yield from _read_jsonl(raw, path, date)
        else:
            yield from _read_text(raw, path, p.name, date)


def _decode(raw: bytes, where: str) -> tuple[str | None, InputProblem | None]:
    if b"\x00" in raw[:4096]:
        return None, InputProblem(where, "looks like a binary file (NUL bytes), not text")
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        text = raw.decode("utf-8", errors="replace")
        return text, InputProblem(
            where, f"is not valid UTF-8 (first bad byte at offset {exc.start}); "
                   "decoded with replacement characters", fatal=False)


def _read_text(raw: bytes, where: str, doc_id: str, date) -> Iterator[Document | InputProblem]:
    text, problem = _decode(raw, where)
    if problem:
        yield problem
    if text is None:
        return
    if not text.strip():
        yield InputProblem(where, "is empty")
        return
    yield Document(text=text, doc_id=doc_id, date=date, origin=where)


def _read_stdin(date) -> Iterator[Document | InputProblem]:
    raw = sys.stdin.buffer.read()
    text, problem = _decode(raw, "stdin")
    if problem:
        yield problem
    if text is None:
        return
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if lines and all(ln.lstrip().startswith("{") for ln in lines):
        yield from _read_jsonl(raw, "stdin", date)
    elif text.strip():
        yield Document(text=text, doc_id="stdin", date=date, origin="stdin")
    else:
        yield InputProblem("stdin", "is empty")


def _read_jsonl(raw: bytes, where: str, date) -> Iterator[Document | InputProblem]:
    text, problem = _decode(raw, where)
    if problem:
        yield problem
    if text is None:
        return
    seen_any = False
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        seen_any = True
        at = f"{where}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputProblem(at, f"malformed JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(record, dict):
            yield InputProblem(at, "expected a JSON object with a 'text' field")
            continue
        body = record.get("text")
        if not isinstance(body, str) or not body.strip():
            yield InputProblem(at, "has no 'text' (or it is empty)")
            continue
        try:
            record_date = parse_date(record.get("date")) or date
        except ValueError as exc:
            yield InputProblem(at, f"{exc}; coded without a date", fatal=False)
            record_date = date
        doc_id = record.get("doc_id") or record.get("id") or f"{Path(where).name}:{lineno}"
        yield Document(text=body, doc_id=str(doc_id), title=str(record.get("title") or ""), date=record_date,
                       url=str(record.get("url") or ""), origin=at)
    if not seen_any:
        yield InputProblem(where, "is empty")
