"""``nlp.add_pipe("tacitus")``: events on ``doc._.events``, actors on ``span._.actor``.

Registered through spaCy's factory mechanism (and the ``spacy_factories``
entry point), so Tacitus composes with other components. Put it after the
parser: it reads sentences, lemmas and dependencies. Set ``doc._.tacitus_date``
(a ``datetime.date``) before the component runs to resolve people by their
role on the article's date, and ``doc._.tacitus_doc_id`` to label events.
"""
from __future__ import annotations

import logging
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..actors.coref import add_coreference
from ..actors.dateline import dateline_country
from ..actors.dictionary import ActorDictionary
from ..actors.mentions import MentionFinder
from ..actors.resolve import ActorResolver
from ..events.extract import EventExtractor
from ..events.quotes import find_quotes
from ..events.patterns import PatternBook
from ..events.purposes import PurposeTable, refine_protest_purposes
from ..ontology import load_cameo_table

for _name, _default in (("events", None), ("actor_mentions", None), ("tacitus_date", None), ("tacitus_doc_id", ""),
                        ("tacitus_home", None), ("tacitus_error", None), ("quotes", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)
log = logging.getLogger("tacitus")
if not Span.has_extension("actor"):
    Span.set_extension("actor", default=None)


@lru_cache(maxsize=1)
def _packaged_dictionary() -> ActorDictionary:
    return ActorDictionary.packaged()


@lru_cache(maxsize=1)
def _packaged_purposes() -> PurposeTable:
    return PurposeTable.packaged()


@lru_cache(maxsize=1)
def _packaged_patterns() -> PatternBook:
    return PatternBook.packaged(load_cameo_table())


class TacitusComponent:
    def __init__(self, nlp: Language, actors: list[str] | tuple = (), patterns: list[str] | tuple = ()):
        cameo = load_cameo_table()
        if actors:
            dictionary = ActorDictionary.packaged()
            for path in actors:
                dictionary.add_file(path)
        else:
            dictionary = _packaged_dictionary()
        if patterns:
            book = PatternBook.packaged(cameo)
            for path in patterns:
                book.add_file(path, cameo)
        else:
            book = _packaged_patterns()
        self.dictionary = dictionary
        self.patterns = book
        self.finder = MentionFinder(nlp, dictionary)
        self.resolver = ActorResolver(dictionary)
        self.extractor = EventExtractor(book, self.resolver, cameo)
        self.cameo = cameo
        self.purposes = _packaged_purposes()

    def __call__(self, doc: Doc) -> Doc:
        try:
            return self._code(doc)
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop a corpus run
            log.error("tacitus: could not code document %r: %s: %s", doc._.tacitus_doc_id, type(exc).__name__, exc)
            doc._.events = []
            doc._.actor_mentions = []
            doc._.tacitus_error = f"{type(exc).__name__}: {exc}"
            return doc

    def _code(self, doc: Doc) -> Doc:
        mentions = self.finder(doc)
        index = {i: m for m in mentions for i in range(m.start, m.end)}
        day = doc._.tacitus_date
        doc._.tacitus_home = dateline_country(doc, mentions)
        add_coreference(doc, index, self.resolver, day)
        spans = []
        for m in mentions:
            span = Span(doc, m.start, m.end, label=m.kind)
            found = self.resolver.resolve(doc[m.end - 1], index, day)
            span._.actor = found[0] if found else None
            spans.append(span)
        doc._.actor_mentions = spans
        doc._.quotes = find_quotes(doc, index, self.resolver, day)
        doc._.events = self.extractor.extract(doc, index, day, doc._.tacitus_doc_id or "", doc._.quotes)
        refine_protest_purposes(doc, doc._.events, self.cameo, self.purposes)
        return doc


@Language.factory(
    "tacitus",
    default_config={"actors": [], "patterns": []},
    requires=["token.dep", "token.lemma", "token.pos"],
    assigns=["doc._.events", "doc._.actor_mentions", "span._.actor"],
)
def make_tacitus_component(nlp: Language, name: str, actors: list[str], patterns: list[str]) -> TacitusComponent:
    """Factory spaCy calls for ``nlp.add_pipe("tacitus", config={"actors": [...], "patterns": [...]})``."""
    return TacitusComponent(nlp, actors, patterns)
