"""Read articles from files, directories, feeds and stdin, whatever their format.

Formats: plain text (a title line is detected when present), JSON Lines, CSV, HTML pages, RSS/Atom feeds (file or
URL), gzip-compressed versions of each, directories (recursively, by extension) and ``-`` for stdin.

Reading never stops at a bad record: each problem is yielded as an ``InputProblem`` naming the input, the line and
the reason, and every other record is still yielded. The article date comes from the record, the HTML or feed
metadata, the dateline, or ``--date``, in that order; ``doc.meta["date_source"]`` says which.
"""
from __future__ import annotations

import datetime as dt
import gzip
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..document import Document
from .dateline import dateline_date
from .feeds import looks_like_feed, read_feed
from .html import html_to_document
from .language import detect_language
from .options import InputProblem, ReadOptions
from .records import read_csv, read_jsonl, read_jsonl_lines

JSONL_SUFFIXES = {".jsonl", ".ndjson", ".jsonlines"}
CSV_SUFFIXES = {".csv", ".tsv"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
TEXT_SUFFIXES = {".txt", ".text", ""}
KNOWN_SUFFIXES = JSONL_SUFFIXES | CSV_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES | TEXT_SUFFIXES - {""}
# JSON Lines files larger than this are read line by line, so a large corpus file is never held in memory whole
STREAM_JSONL_BYTES = 64 * 2**20

__all__ = ["InputProblem", "ReadOptions", "read_inputs"]


def read_inputs(paths: Iterable[str], date: dt.date | None = None,
                options: ReadOptions | None = None) -> Iterator[Document | InputProblem]:
    """Documents (and problems) from each input in turn."""
    opts = options or ReadOptions(date=date)
    if date is not None and opts.date is None:
        opts.date = date
    for path in paths:
        for item in _read_one(path, opts):
            yield _finish(item, opts) if isinstance(item, Document) else item


def _read_one(path: str, opts: ReadOptions) -> Iterator[Document | InputProblem]:
    if path == "-":
        yield from _read_bytes(sys.stdin.buffer.read(), "stdin", opts, stdin=True)
        return
    if path.startswith(("http://", "https://")):
        yield from read_feed(path, path, opts)
        return
    p = Path(path)
    if p.is_dir():
        files = sorted(f for f in p.rglob("*") if f.is_file() and _suffix(f) in KNOWN_SUFFIXES)
        if not files:
            yield InputProblem(path, f"directory has no readable files ({', '.join(sorted(KNOWN_SUFFIXES))}, "
                                     "optionally .gz)")
        for f in files:
            yield from _read_one(str(f), opts)
        return
    try:
        if _suffix(p) in JSONL_SUFFIXES and p.stat().st_size > STREAM_JSONL_BYTES:
            yield from read_jsonl_lines(_lines(p, path), path, opts)
            return
        raw = p.read_bytes()
    except FileNotFoundError:
        yield InputProblem(path, "no such file")
        return
    except OSError as exc:
        yield InputProblem(path, f"cannot read ({exc.strerror})")
        return
    yield from _read_bytes(raw, path, opts)


def _lines(p: Path, where: str) -> Iterator[str | InputProblem]:
    """The lines of a (possibly gzipped) text file, decoded one by one; a line that is not UTF-8 is decoded with
    replacement characters and a warning."""
    with p.open("rb") as probe:
        gzipped = probe.read(2) == b"\x1f\x8b"
    opener = gzip.open if gzipped else open
    try:
        with opener(p, "rb") as fh:
            for lineno, raw in enumerate(fh, 1):
                raw = raw.rstrip(b"\r\n")
                try:
                    yield raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
                except UnicodeDecodeError as exc:
                    text = raw.decode("utf-8", errors="replace")
                    yield InputProblem(f"{where}:{lineno}", f"is not valid UTF-8 (first bad byte at offset "
                                                            f"{exc.start}); decoded with replacement characters",
                                       fatal=False)
                    yield text
    except (OSError, EOFError) as exc:
        yield InputProblem(where, f"is a damaged gzip file ({exc})" if gzipped else f"cannot read ({exc})")


def _suffix(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def _read_bytes(raw: bytes, where: str, opts: ReadOptions, stdin: bool = False) -> Iterator[Document | InputProblem]:
    if raw[:2] == b"\x1f\x8b":
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError) as exc:
            yield InputProblem(where, f"is a damaged gzip file ({exc})")
            return
    text, problem = _decode(raw, where)
    if problem:
        yield problem
    if text is None:
        return
    if not text.strip():
        yield InputProblem(where, "is empty")
        return
    suffix = "" if stdin else _suffix(Path(where))
    head = text.lstrip()[:500]
    if suffix in JSONL_SUFFIXES or (stdin and head.startswith("{")):
        yield from read_jsonl(text, where, opts)
    elif suffix in CSV_SUFFIXES:
        yield from read_csv(text, where, opts)
    elif suffix in FEED_SUFFIXES or looks_like_feed(head):
        yield from read_feed(raw, where, opts)
    elif suffix in HTML_SUFFIXES or head.lower().startswith(("<!doctype html", "<html")):
        yield html_to_document(text, where)
    else:
        yield _plain_text(text, where, "stdin" if stdin else Path(where).name)


def _decode(raw: bytes, where: str) -> tuple[str | None, InputProblem | None]:
    if b"\x00" in raw[:4096]:
        return None, InputProblem(where, "looks like a binary file (NUL bytes), not text")
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        text = raw.decode("utf-8", errors="replace")
        bad = text.count("\ufffd")
        if bad > max(20, len(text) // 20):
            return None, InputProblem(where, f"is not text in UTF-8 ({bad} undecodable bytes)")
        return text, InputProblem(where, f"is not valid UTF-8 (first bad byte at offset {exc.start}); "
                                         f"decoded with {bad} replacement character(s)", fatal=False)


def _plain_text(text: str, where: str, doc_id: str) -> Document:
    """One article; a short first line without final punctuation followed by a blank line is its title."""
    title = ""
    lines = text.lstrip().split("\n", 2)
    if len(lines) >= 2 and lines[1].strip() == "" and 0 < len(lines[0].strip()) <= 200 \
            and not lines[0].rstrip().endswith((".", "!", "?", ":", ";", ",")):
        title = lines[0].strip()
    return Document(text=text, doc_id=doc_id, title=title, origin=where)


def _finish(doc: Document, opts: ReadOptions) -> Document | InputProblem:
    """Checks and fallbacks that hold for every format: size, language, date."""
    where = doc.origin or doc.doc_id
    if len(doc.text) > opts.max_chars:
        return InputProblem(where, f"is too large ({len(doc.text):,} characters > {opts.max_chars:,}); "
                                   "raise the limit with --max-chars or split the document")
    if opts.check_language:
        language = detect_language(doc.text)
        if language not in (None, "en"):
            return InputProblem(where, f"is not in English (detected '{language}'); skipped")
    if doc.date is None:
        found = dateline_date(doc.text, opts.date)
        if found is not None:
            doc.date, doc.meta["date_source"] = found, "dateline"
        elif opts.date is not None:
            doc.date, doc.meta["date_source"] = opts.date, "option"
    return doc
