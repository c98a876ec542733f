"""Small parse helpers shared by the verb and the noun extractors."""
from __future__ import annotations

from spacy.tokens import Token

from ..actors.types import Actor

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


_OWN_NOUNS = {"country", "nation", "government", "state", "soldier", "troops", "embassy"}


def stranded_conjuncts(objs: list[Token]) -> list[Token]:
    """ "angered Washington by supporting the Houthis, and Syrian President Assad": the parser hangs the second
    object as a conjunct of the main verb. A name conjoined to a governing verb, after the object, is one more
    object."""
    out = []
    for obj in objs:
        for verb in list(obj.ancestors)[:3]:
            if verb.pos_ not in ("VERB", "AUX"):
                continue
            out.extend(c for c in verb.children if c.i > obj.right_edge.i and c.pos_ == "PROPN" and (
                c.dep_ == "conj" and not any(g.dep_ in ("nsubj", "nsubjpass", "dobj") for g in c.children)
                or c.dep_ == "dobj" and c != obj and any(t.dep_ == "cc" for t in verb.doc[obj.i:c.left_edge.i])))
    return out


def fronted_subject(verb: Token) -> Token | None:
    """ "After weeks of tension over North Korea's actions, South Korea and the United States have been
    discussing ...": the parser hangs the subject as an appositive inside the fronted phrase. The subject is the
    appositive that ends right before the verb (or its auxiliaries)."""
    if verb.dep_ != "ROOT":
        return None
    first = min([verb.i] + [c.i for c in verb.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i])
    if first == 0:
        return None
    before = verb.doc[first - 1]
    if not any(c.dep_ == "prep" and c.i < first for c in verb.children):
        return None
    for tok in (before, *before.ancestors):
        if tok.dep_ in ("appos", "conj") and tok.right_edge.i == first - 1 and tok.left_edge.i > 0 \
                and verb.doc[tok.left_edge.i - 1].text == ",":
            return tok  # "..., South Korea and the United States have been discussing"
        if tok.dep_ not in ("conj", "compound", "appos"):
            break
    return None


_CROWD_WORDS = ("protest", "demonstrat", "crowd", "mob", "riot", "marcher")


def crowd(text: str) -> bool:
    """Protesters, demonstrators, a crowd or a mob: their violence is a riot (145); a lone attacker's is not."""
    low = text.lower()
    return any(w in low for w in _CROWD_WORDS)


def speakers_own(tokens: list[Token], speaker: Actor) -> list[Actor]:
    """Inside a quotation, "our country" / "our soldiers" is the speaker's country."""
    country = speaker.country or speaker.code[:3]
    out = []
    for tok in tokens:
        if tok.lemma_.lower() in _OWN_NOUNS and any(c.dep_ == "poss" and c.lower_ == "our" for c in tok.children):
            out.append(Actor(code=country, text=tok.text, start=tok.idx, end=tok.idx + len(tok.text), name="",
                             country=country, role="", how="quote+our", token_start=tok.i, token_end=tok.i + 1))
    return out
