"""Tacitus: a political event coder. News text in; CAMEO events with actors, codes and provenance out.

The public API is small on purpose::

    import tacitus
    events = tacitus.code_text("Russia and China vetoed the U.N. resolution.", date="2012-03-10")
    coder = tacitus.Coder()            # load once, code many
    for coded in coder.code_many(records): ...
    print(tacitus.explain("129"))
"""
from .coder import CodedDocument, Coder, code_text
from .document import Document
from .errors import TacitusError
from .events.event import Event
from .ontology import explain

__version__ = "0.1.0"

__all__ = ["Coder", "CodedDocument", "Document", "Event", "TacitusError", "code_text", "explain", "__version__"]
