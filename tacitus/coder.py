"""The Coder: load the models once, code one article or a stream of them."""
from __future__ import annotations

import datetime as dt
import re
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import chain, islice
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from . import pipeline as _pipeline  # noqa: F401  (registers the "tacitus" factory)
from .document import Document, parse_date
from .events.event import Event
from .nlp import install_fast_rules, load_english_model
from .nlp.gemm import blas_single_thread, use_faster_gemm
from .nlp.text import remember_text
from .pipeline.prefilter import Plan, SentenceFilter, sentence_layout


#: Articles per ``nlp.pipe`` batch. Small batches of long news articles keep the working memory low (peak
#: RSS 465 vs 658 MiB at 32 on 300 Reuters articles) and were not slower (benchmarks/throughput.py).
BATCH_SIZE = 8


@dataclass
class CodedDocument:
    document: Document
    events: list[Event]
    error: str | None = None  # set when coding this document failed; the run goes on
    sentences: list[tuple[int, int]] = field(default_factory=list)  # character spans of every sentence
    quotes: list = field(default_factory=list)  # direct quotations with their resolved speakers


class Coder:
    """Reusable event coder.

    With ``prefilter`` (the default) only the sentences that can hold an event are parsed (see
    ``tacitus.pipeline.prefilter``): the events are the same, and ``CodedDocument.quotes`` lists the
    quotations of the parsed sentences; ``prefilter=False`` parses everything (every quotation).

    >>> coder = Coder()
    >>> events = coder.code("Russia and China vetoed the U.N. resolution.", date="2012-03-10")
    """

    def __init__(self, model: str | None = None, actors: Iterable[str] = (), patterns: Iterable[str] = (),
                 nlp: Language | None = None, prefilter: bool = True, lazy: bool = False):
        actors, patterns = [str(a) for a in actors], [str(p) for p in patterns]
        self.prefilter = prefilter
        #: what a worker process needs to build the same Coder (an ``nlp`` passed in is rebuilt from its name)
        self.options = {"model": model or (nlp.meta.get("tacitus_model") if nlp is not None else None),
                        "actors": actors, "patterns": patterns, "prefilter": prefilter}
        self._nlp = nlp
        self._sentence_filter: SentenceFilter | None = None
        if not lazy:  # lazy: load the models on first use (a parent that only feeds worker processes never does)
            self._load()

    def _load(self) -> Language:
        if self._nlp is None:
            self._nlp = load_english_model(self.options["model"])
        nlp = self._nlp
        install_fast_rules(nlp)
        use_faster_gemm(nlp)
        if "tacitus_paragraphs" not in nlp.pipe_names and "parser" in nlp.pipe_names:
            nlp.add_pipe("tacitus_paragraphs", before="parser")
        if "tacitus" not in nlp.pipe_names:
            nlp.add_pipe("tacitus", config={"actors": self.options["actors"], "patterns": self.options["patterns"]})
        self.options["model"] = self.options["model"] or nlp.meta.get("tacitus_model")
        return nlp

    @property
    def nlp(self) -> Language:
        """The spaCy pipeline with the Tacitus components (loaded on first use when ``lazy``)."""
        if self._nlp is None or "tacitus" not in self._nlp.pipe_names:
            self._load()
        return self._nlp

    @property
    def model_name(self) -> str:
        return self.nlp.meta.get("tacitus_model", self.nlp.meta.get("name", "?"))

    @property
    def sentence_filter(self) -> SentenceFilter:
        """The pre-pass that picks the sentences worth parsing (built on first use)."""
        if self._sentence_filter is None:
            comp = self.component
            self._sentence_filter = SentenceFilter(self.nlp, comp.finder, comp.patterns, comp.dictionary.roles)
        return self._sentence_filter

    @property
    def component(self):
        return self.nlp.get_pipe("tacitus")

    def code(self, text: str, date: str | dt.date | None = None, doc_id: str = "") -> list[Event]:
        """Code one article's text; ``date`` resolves who held which office."""
        return self._code_one(Document(text=text, doc_id=doc_id, date=parse_date(date))).events

    def code_many(self, documents: Iterable[Document | dict | str], batch_size: int = BATCH_SIZE,
                  n_process: int = 1) -> Iterator[CodedDocument]:
        """Stream documents through the pipeline; yields one CodedDocument per input, in order.

        ``n_process`` > 1 codes in that many worker processes, each loading its own Coder; 0 means every
        core, except that a stream too short to keep them busy is coded here (no process start-up).
        """
        if n_process == 1:
            yield from self._code_here(documents, batch_size)
            return
        from .pipeline.parallel import code_in_processes, default_workers

        workers = n_process or default_workers()
        docs = iter(documents)
        if n_process == 0:
            head = list(islice(docs, 2 * workers * batch_size))
            if workers == 1 or len(head) < 2 * workers * batch_size:
                yield from self._code_here(head, batch_size)
                return
            docs = chain(head, docs)
        yield from code_in_processes(self.options, docs, workers=workers, batch_size=batch_size)

    def _code_here(self, documents: Iterable, batch_size: int) -> Iterator[CodedDocument]:
        docs = (self.as_document(d, n) for n, d in enumerate(documents, 1))
        pending: deque[tuple[Document, str, Plan | None]] = deque()

        def spacy_docs():
            for d in docs:
                doc, text, plan = self._make_doc(d)
                pending.append((d, text, plan))
                yield doc

        with blas_single_thread():
            for doc in self.nlp.pipe(spacy_docs(), batch_size=batch_size):
                yield self._result(*pending.popleft(), doc)

    def _code_one(self, document: Document) -> CodedDocument:
        doc, text, plan = self._make_doc(document)
        with blas_single_thread():
            doc = self.nlp(doc)
        return self._result(document, text, plan, doc)

    def _make_doc(self, document: Document) -> tuple[Doc, str, Plan | None]:
        """The Doc to parse, the article text it stands for (surrogates replaced), and the pre-pass's plan."""
        text = parsed = _without_surrogates(document.text)
        plan = None
        if self.prefilter:
            masked, cues, keep = self.sentence_filter.masked_text(text)
            if not all(keep):
                plan = Plan(cues, keep)
                parsed = masked
        doc = self.nlp.make_doc(parsed)
        remember_text(doc, parsed)
        if plan is not None:
            plan.mark_boundaries(doc)
        doc._.tacitus_date = document.date
        doc._.tacitus_doc_id = document.doc_id
        return doc, text, plan

    @staticmethod
    def _result(document: Document, text: str, plan: Plan | None, doc: Doc) -> CodedDocument:
        events = doc._.events or []
        spans = sentence_layout(doc, text, events, plan)
        return CodedDocument(document, events, doc._.tacitus_error, spans, doc._.quotes or [])

    @staticmethod
    def as_document(item, n: int) -> Document:
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
