"""RSS and Atom feeds (feedparser): one article per item; the page is fetched when the item has only a summary."""
from __future__ import annotations

import datetime as dt
import html as html_lib
import re
from collections.abc import Iterator

from ..document import Document
from .html import html_to_document
from .options import InputProblem, ReadOptions

_TAGS = re.compile(r"<[^>]+>")


def looks_like_feed(head: str) -> bool:
    head = head.lstrip()[:500].lower()
    return head.startswith("<?xml") and ("<rss" in head or "<feed" in head or "<rdf" in head) or \
        head.startswith("<rss") or head.startswith("<feed")


def read_feed(source: str | bytes, where: str, opts: ReadOptions) -> Iterator[Document | InputProblem]:
    import feedparser

    parsed = feedparser.parse(source)
    if parsed.bozo and not parsed.entries:
        yield InputProblem(where, f"not a readable RSS/Atom feed ({parsed.get('bozo_exception')})")
        return
    for n, entry in enumerate(parsed.entries, 1):
        at = f"{where}#item{n}"
        link = entry.get("link", "")
        item_id = entry.get("id") or link or at
        if opts.skip_item is not None and opts.skip_item(item_id):
            continue
        body = ""
        if entry.get("content"):
            body = " ".join(c.get("value", "") for c in entry["content"])
        summary = entry.get("summary", "")
        doc: Document | InputProblem | None = None
        if link and opts.fetch_pages and len(_plain(body)) < 400:
            doc = _fetch(link, at, opts)
            if isinstance(doc, InputProblem):
                yield InputProblem(at, f"{doc.reason}; coded from the feed's summary instead", fatal=False)
                doc = None
        if doc is None:
            text = _plain(body or summary)
            if not text:
                yield InputProblem(at, "feed item has no text and its page could not be fetched")
                continue
            doc = Document(text=text, origin=at)
        doc.doc_id = item_id
        doc.title = doc.title or _plain(entry.get("title", ""))
        doc.url = doc.url or link
        published = entry.get("published_parsed") or entry.get("updated_parsed")
        if published and "date_source" not in doc.meta:
            doc.date = dt.date(*published[:3])
            doc.meta["date_source"] = "feed"
        yield doc


def _fetch(url: str, at: str, opts: ReadOptions) -> Document | InputProblem:
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=opts.fetch_timeout) as response:  # noqa: S310 - user's feed
            page = response.read().decode("utf-8", errors="replace")
    except Exception as exc:  # noqa: BLE001 - any network failure falls back to the summary
        return InputProblem(at, f"could not fetch {url} ({type(exc).__name__})", fatal=False)
    return html_to_document(page, at, url=url)


def _plain(markup: str) -> str:
    return html_lib.unescape(_TAGS.sub(" ", markup or "")).strip()
