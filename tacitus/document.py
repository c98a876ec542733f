"""The input record every stage passes along: one article and its metadata."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass
class Document:
    text: str
    doc_id: str = ""
    title: str = ""
    date: dt.date | None = None
    url: str = ""
    origin: str = ""  # where it came from: "file.jsonl:12", "stdin", ...
    meta: dict = field(default_factory=dict)


def parse_date(value) -> dt.date | None:
    """An article date from a record field: ISO dates and datetimes (``2012-03-10``, ``2012-03-10T09:00Z``)."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    for fmt in ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%Y/%m/%d", "%m/%d/%Y", "%Y%m%d"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"cannot read '{value}' as a date (use YYYY-MM-DD)")
