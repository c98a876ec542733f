"""What a protest is for: the CAMEO purpose sub-codes 141x-145x, read from the event's adjuncts.

A demonstration, hunger strike, strike, blockade or riot coded at three digits gets its fourth
digit when the sentence says what it demands: "demanding the president's resignation" (1),
"over fuel prices" (2), "for equal rights" (3), "against military rule" (4). The word lists are
data (``data/cameo/protest_purposes.yaml``); without a match the three-digit code stays.
"""
from __future__ import annotations

from importlib import resources

from spacy.tokens import Doc, Token

from ..datafile import load_yaml
from ..ontology.cameo import CameoTable
from .event import Event

BASES = {"141", "142", "143", "144", "145"}
#: Verbs that introduce the purpose of a protest as their object ("demanding X", "to call for X").
DEMAND_VERBS = {"demand", "call", "seek", "press", "push", "urge", "insist", "ask", "clamor", "clamour", "want"}
PURPOSE_PREPS = {"for", "over", "against", "in"}  # "in support of" / "in protest at" reach their pobj below
_MAX_DEPTH = 3


class PurposeTable:
    """The purpose word lists, in order: (digit, single words, two-word phrases)."""

    def __init__(self, entries: list[dict]):
        self.entries = []
        for entry in entries:
            words = [str(w).lower() for w in entry["words"]]
            self.entries.append((str(entry["digit"]), {w for w in words if " " not in w},
                                 {tuple(w.split()) for w in words if " " in w}))

    @classmethod
    def packaged(cls) -> "PurposeTable":
        text = resources.files("tacitus").joinpath("data", "cameo", "protest_purposes.yaml").read_text("utf-8")
        return cls(load_yaml("protest_purposes.yaml", text))

    def digit(self, tokens: list[Token]) -> str | None:
        lemmas = [t.lemma_.lower() for t in tokens]
        pairs = set(zip(lemmas, lemmas[1:]))
        for digit, words, phrases in self.entries:
            if words.intersection(lemmas) or phrases & pairs:
                return digit
        return None


def _purpose_phrases(head: Token) -> list[list[Token]]:
    """Token lists that may state what the protest is for, nearest first."""
    out = []
    for child in head.children:
        if child.dep_ in ("advcl", "xcomp", "acl", "conj") and child.lemma_.lower() in DEMAND_VERBS:
            out.append([t for c in child.children if c.dep_ in ("dobj", "prep", "ccomp", "xcomp")
                        for t in c.subtree])
        elif child.dep_ == "prep" and child.lower_ in PURPOSE_PREPS:
            out.append(list(child.subtree)[1:])
        elif child.dep_ == "compound" and head.pos_ == "NOUN":  # "a pay strike", "fuel protests"
            out.append([child])
    return out


def refine_protest_purposes(doc: Doc, events: list[Event], cameo: CameoTable, table: PurposeTable) -> None:
    """Give three-digit protest events the purpose digit their sentence states (in place)."""
    for event in events:
        if event.code not in BASES or event.verb_start < 0:
            continue
        span = doc.char_span(event.verb_start, event.verb_end, alignment_mode="expand")
        if span is None:
            continue
        head = span.root
        heads = [head]
        if head.pos_ == "NOUN":  # "a protest against the law" ... "staged a protest demanding ..."
            heads.append(head.head)
        else:  # "staged a protest against the law": the event noun holds the purpose
            heads.extend(c for c in head.children if c.dep_ == "dobj")
        digit = None
        for h in heads:
            for phrase in _purpose_phrases(h):
                digit = table.digit(phrase)
                if digit:
                    break
            if digit:
                break
        code = event.code + digit if digit else None
        if code and code in cameo:
            _recode(event, cameo, code)


def _recode(event: Event, cameo: CameoTable, code: str) -> None:
    c = cameo[code]
    event.code, event.root_code, event.event_name = c.code, c.root, c.name
    event.goldstein, event.quad_class = c.goldstein, c.quad_class
    event.plover_event, event.plover_mode, event.plover_context = c.plover_event, c.plover_mode, c.plover_context
    event.rule = f"{event.rule}+purpose"
