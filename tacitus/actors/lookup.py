"""How a name resolves: the library side of `tacitus actors`."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .types import Actor, DictionaryEntry


@dataclass
class ActorLookup:
    """What Tacitus makes of a phrase on a date: the resolved actors and the dictionary entries behind them."""

    phrase: str
    date: dt.date | None
    actors: list[Actor] = field(default_factory=list)
    entries: list[DictionaryEntry] = field(default_factory=list)


def lookup_actor(coder, phrase: str, date: dt.date | None = None) -> ActorLookup:
    """Resolve ``phrase`` ("Lavrov", "Syrian rebels", "Qatari Prime Minister X") as the coder would in a text."""
    from ..actors.coref import add_coreference

    component = coder.component
    doc = coder.nlp.make_doc(phrase)
    doc._.tacitus_date = date
    for name, proc in coder.nlp.pipeline:
        if name != "tacitus":
            doc = proc(doc)
    mentions = component.finder(doc)
    index = {i: m for m in mentions for i in range(m.start, m.end)}
    add_coreference(doc, index, component.resolver, date)
    root = next(iter(doc.sents)).root if len(doc) else None
    result = ActorLookup(phrase, date)
    if root is not None:
        result.actors = component.resolver.resolve(root, index, date)
    result.entries = component.dictionary.find(phrase)
    return result
