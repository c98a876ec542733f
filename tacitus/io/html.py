"""HTML pages: main text and metadata (title, date, URL) through trafilatura."""
from __future__ import annotations

import json
from pathlib import Path

from ..document import Document, parse_date
from .options import InputProblem


def html_to_document(html: str, where: str, url: str = "") -> Document | InputProblem:
    import trafilatura

    extracted = trafilatura.extract(html, output_format="json", with_metadata=True, include_comments=False,
                                    url=url or None)
    if not extracted:
        return InputProblem(where, "no article text found in the HTML page")
    data = json.loads(extracted)
    text = data.get("text") or ""
    if not text.strip():
        return InputProblem(where, "no article text found in the HTML page")
    doc = Document(text=text, doc_id=Path(where).name if not url else url, title=data.get("title") or "",
                   url=data.get("url") or url or "", origin=where)
    if data.get("date"):
        try:
            doc.date = parse_date(data["date"])
            doc.meta["date_source"] = "html"
        except ValueError:
            pass
    if data.get("sitename"):
        doc.meta["source"] = data["sitename"]
    return doc
