"""Small parse helpers shared by the verb and the noun extractors."""
from __future__ import annotations

from spacy.tokens import Token

HYPOTHETICAL_ADJECTIVES = {"possible", "potential", "planned", "proposed", "future", "threatened", "expected",
                           "hypothetical", "new"}


def prep_objects(verb: Token, event_object: Token | None, preps: tuple[str, ...]) -> list[Token]:
    out = []
    hosts = [verb, event_object]
    if event_object is not None:  # "raised the issue of persecution with the court"
        hosts += [g for c in event_object.children if c.dep_ == "prep" and c.lower_ == "of"
                  for g in c.children if g.dep_ == "pobj"]
    for host in hosts:
        if host is None:
            continue
        for c in host.children:
            if c.dep_ in ("prep", "dative") and c.lower_ in preps:
                out.extend(g for g in c.children if g.dep_ == "pobj")
            elif c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in preps for g in c.children):
                out.extend(g for g in c.children if g.dep_ == "nsubj")  # "called for Assad to step aside"
    return out


def with_conjuncts(tokens: list[Token]) -> list[Token]:
    """The tokens and their conjuncts ("Russia and China"), minus misparsed clause subjects."""
    out: list[Token] = []
    stack = list(tokens)
    while stack:
        tok = stack.pop(0)
        if tok in out:
            continue
        out.append(tok)
        stack.extend(c for c in tok.children if c.dep_ == "conj" and not _clause_subject(c)
                     # "Canada, Brazil and Colombia" misparsed as Canada + appositive "Brazil and Colombia"
                     or c.dep_ == "appos" and c.pos_ == "PROPN" and any(g.dep_ == "cc" for g in c.children))
    return out


def _clause_subject(conj: Token) -> bool:
    """ "urged restraint and the European Union called on ...": a conjunct followed by a coordinated verb that
    has no subject of its own is that verb's subject, misparsed as a conjunct of the object."""
    nxt = conj.right_edge.i + 1
    if nxt >= len(conj.doc):
        return False
    verb = conj.doc[nxt]
    return verb.pos_ in ("VERB", "AUX") and verb.dep_ == "conj" and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def reciprocal(tok: Token) -> bool:
    """ "each other", "one another": the target is the other conjuncts of the subject."""
    return (tok.lower_ == "other" and any(c.lower_ == "each" for c in tok.children)) or (
        tok.lower_ == "another" and any(c.lower_ == "one" for c in tok.children))
