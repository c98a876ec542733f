"""How inputs are read: field names, limits and checks (one object, passed down to every reader)."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class ReadOptions:
    date: dt.date | None = None  # --date: the last resort for the article date
    text_field: str = "text"
    id_field: str | None = None  # None: doc_id, then id
    date_field: str = "date"
    title_field: str = "title"
    url_field: str = "url"
    max_chars: int = 500_000  # longer documents are refused with a reason
    check_language: bool = True  # skip non-English documents (with a reason)
    fetch_pages: bool = True  # fetch a feed item's page when the item carries only a summary
    fetch_timeout: float = 10.0
    # feed items whose id this returns True for are passed over before their page is fetched (`tacitus watch`)
    skip_item: Callable[[str], bool] | None = None


@dataclass
class InputProblem:
    """A record that could not be read (``fatal``), or was read with a caveat."""

    where: str  # "path" or "path:line"
    reason: str
    fatal: bool = True

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"
