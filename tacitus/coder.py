"""The Coder: load the models once, code one article or a stream of them."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.language import Language

from . import pipeline as _pipeline  # noqa: F401  (registers the "tacitus" factory)
from .document import Document, parse_date
from .events.event import Event
from .nlp import load_english_model


@dataclass
class CodedDocument:
    document: Document
    events: list[Event]
    error: str | None = None  # set when coding this document failed; the run goes on
    sentences: list[tuple[int, int]] = field(default_factory=list)  # character spans of every sentence
    quotes: list = field(default_factory=list)  # direct quotations with their resolved speakers


class Coder:
    """Reusable event coder.

    >>> coder = Coder()
    >>> events = coder.code("Russia and China vetoed the U.N. resolution.", date="2012-03-10")
    """

    def __init__(self, model: str | None = None, actors: Iterable[str] = (), patterns: Iterable[str] = (),
                 nlp: Language | None = None):
        self.nlp = nlp if nlp is not None else load_english_model(model)
        if "tacitus_paragraphs" not in self.nlp.pipe_names and "parser" in self.nlp.pipe_names:
            self.nlp.add_pipe("tacitus_paragraphs", before="parser")
        if "tacitus" not in self.nlp.pipe_names:
            self.nlp.add_pipe("tacitus", config={"actors": [str(a) for a in actors],
                                                 "patterns": [str(p) for p in patterns]})
        self.model_name = self.nlp.meta.get("tacitus_model", self.nlp.meta.get("name", "?"))

    @property
    def component(self):
        return self.nlp.get_pipe("tacitus")

    def code(self, text: str, date: str | dt.date | None = None, doc_id: str = "") -> list[Event]:
        """Code one article's text; ``date`` resolves who held which office."""
        doc = self._make_doc(Document(text=text, doc_id=doc_id, date=parse_date(date)))
        return self.nlp(doc)._.events

    def code_many(self, documents: Iterable[Document | dict | str], batch_size: int = 32,
                  n_process: int = 1) -> Iterator[CodedDocument]:
        """Stream documents through ``nlp.pipe``; yields one CodedDocument per input, in order."""
        docs = (self._as_document(d, n) for n, d in enumerate(documents, 1))
        pending: list[Document] = []

        def spacy_docs():
            for d in docs:
                pending.append(d)
                yield self._make_doc(d)

        for doc in self.nlp.pipe(spacy_docs(), batch_size=batch_size, n_process=n_process):
            spans = [(s.start_char, s.end_char) for s in doc.sents] if doc.has_annotation("SENT_START") else []
            yield CodedDocument(pending.pop(0), doc._.events or [], doc._.tacitus_error, spans, doc._.quotes or [])

    def _make_doc(self, document: Document):
        doc = self.nlp.make_doc(_without_surrogates(document.text))
        doc._.tacitus_date = document.date
        doc._.tacitus_doc_id = document.doc_id
        return doc

    @staticmethod
    def _as_document(item, n: int) -> Document:
        if isinstance(item, Document):
            return item
        if isinstance(item, str):
            return Document(text=item, doc_id=f"doc-{n}")
        if isinstance(item, dict):
            return Document(text=item["text"], doc_id=str(item.get("doc_id") or item.get("id") or f"doc-{n}"),
                            title=item.get("title") or "", date=parse_date(item.get("date")),
                            url=item.get("url") or "")
        raise TypeError(f"cannot code a {type(item).__name__}: pass a Document, a dict with 'text', or a string")


_SURROGATES = re.compile("[\ud800-\udfff]")


def _without_surrogates(text: str) -> str:
    """Lone surrogates (from broken decoders) cannot be encoded; each becomes U+FFFD, so offsets are kept."""
    return _SURROGATES.sub("\ufffd", text) if _SURROGATES.search(text) else text


_default_coder: Coder | None = None


def code_text(text: str, date: str | dt.date | None = None, doc_id: str = "") -> list[Event]:
    """Code one article with a shared default Coder (loaded on first use)."""
    global _default_coder
    if _default_coder is None:
        _default_coder = Coder()
    return _default_coder.code(text, date=date, doc_id=doc_id)
