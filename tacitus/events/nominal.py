"""Nominal events: an event expressed by a noun of ``data/patterns/nouns.yaml``.

"Russia's veto of the resolution", "the arrest of three journalists by police", "Israeli air strikes on Gaza",
and the light-verb forms "Myanmar's army carried out a crackdown on Rohingya villagers", "Gaza militants
launched a rocket attack on Israel": the noun carries the event, the light verb only its subject. Kept apart
from the verb extractor because the arguments are found differently (possessor, "by" agent, modifiers).
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from .parse import HYPOTHETICAL_ADJECTIVES, prep_objects, with_conjuncts

#: verbs that only carry an event noun: "launch an attack", "carry out a crackdown", "make a visit"
LIGHT_VERBS = {"launch", "carry", "conduct", "stage", "stag", "mount", "make", "hold", "unleash", "order", "begin",
               "start", "intensify", "escalate", "wage", "step", "pay", "resume", "continue", "undertake", "perform",
               "execute", "commit", "impose", "issue", "deliver", "level", "lodge", "file"}


#: verbs whose subject takes part in the event noun of their "for"/"in" phrase: "gathered for the protests"
PARTICIPATION_VERBS = {"gather", "join", "participate", "take", "march", "rally", "turn", "assemble", "converge"}


#: verbs whose object event has not happened: "to plan attacks", "cancel a visit", "seek talks"
IRREALIS_NOUN_GOVERNORS = {"plan", "plot", "prepare", "seek", "cancel", "postpone", "call", "propose", "consider",
                           "threaten", "want", "fear", "avert", "prevent", "deter", "urge", "demand"}


def light_verb(noun: Token) -> Token | None:
    """The light verb whose object (or passive subject) is ``noun``, or the verb of taking part in it."""
    head = noun.head
    if noun.dep_ in ("dobj", "nsubjpass") and head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in LIGHT_VERBS:
        return head
    if noun.dep_ == "pobj" and head.lower_ in ("for", "in") and head.head.pos_ == "VERB" \
            and head.head.lemma_.lower() in PARTICIPATION_VERBS:
        return head.head
    if noun.dep_ == "dobj" and head.pos_ == "VERB" and head.lemma_.lower() == "join":
        return head
    return None


def nominal_events(ex, noun: Token, sent: Span, sent_index: int, index, day, doc_id) -> list:
    """Events of one event noun; ``ex`` is the EventExtractor (actor resolution, filters, event building)."""
    patterns = ex.patterns.by_noun[noun.lemma_.lower()]
    pattern = next((p for p in sorted(patterns, key=lambda p: -len(p.words)) if p.matches(noun)), None)
    if pattern is None or any(c.dep_ == "det" and c.lower_ in ("no", "any") for c in noun.children):
        return []
    governor = noun.head
    while governor.dep_ in ("pobj", "prep", "conj", "compound") and governor.head is not governor:
        governor = governor.head
    if governor.pos_ in ("VERB", "AUX") and (ex._unreal(governor) or governor.lemma_.lower() in IRREALIS_NOUN_GOVERNORS) \
            or any(
            c.dep_ == "amod" and c.lower_ in HYPOTHETICAL_ADJECTIVES for c in noun.children):
        return []
    light = light_verb(noun)
    target_tokens = prep_objects(noun, None, pattern.target_preps)
    if not target_tokens and light is not None:  # "carried out a crackdown | on X": the parser hangs "on" high
        target_tokens = prep_objects(light, None, pattern.target_preps)
    target_tokens = with_conjuncts(target_tokens)
    targets = ex._actors(target_tokens, index, day)
    if not targets and not any(ex._bare_state_role(t) for t in target_tokens):
        return []
    hosts = [noun] + [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children if g.dep_ == "pobj"]  # "the veto of X by Y" (often parsed low)
    agents = [p for h in hosts for c in h.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"
              for p in c.children if p.dep_ == "pobj"]
    sources = ex._actors(with_conjuncts(agents), index, day) if agents else []
    if not sources:
        sources = [a for a in ex.resolver.owners_of(noun, index, day) if a.how != "possessive"]
    if not sources and light is not None:
        tokens = ex._source_tokens(light)
        sources = ex._actors(tokens, index, day) or ex._located_actors(light, tokens, index, day, as_source=True)
    if not sources and pattern.code[:2] == "04" and noun.dep_ in ("pobj", "dobj"):
        sources = _traveller(ex, noun, index, day)
    if not targets:  # "Rohingya militant attacks on an army base"
        targets = ex._counterparts(target_tokens, sources)
    events = []
    for s in sources:
        for t in targets:
            if s.principal == t.principal and s.code == t.code:
                continue
            events.append(ex._event(doc_id, sent, sent_index, noun, s, t, pattern.code, pattern.id, day))
    return events


def instrument_code(ex, tokens: list[Token]) -> str | None:
    """ "Israeli air strikes killed 12 militants": an event noun as the subject of a generic violent verb gives
    its own, more specific code (195 rather than 190)."""
    for tok in tokens:
        for p in ex.patterns.by_noun.get(tok.lemma_.lower(), ()):
            if p.matches(tok) and p.code[:2] in ("18", "19", "20"):
                return p.code
    return None


def framed_noun(ex, verb: Token, event_object: Token | None):
    """ "called for sanctions against Russia", "demanded an apology from Japan", "rejected talks with Israel": an
    appeal, demand or refusal whose object is an event noun with its own target. Returns the noun's pattern and
    target tokens, or None. The addressee, if any, is left to the verb's own pattern."""
    nouns = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children
             if g.dep_ == "pobj"] + [c for c in verb.children if c.dep_ == "dobj"]
    for noun in nouns:
        patterns = ex.patterns.by_noun.get(noun.lemma_.lower(), ())
        pattern = next((p for p in sorted(patterns, key=lambda p: -len(p.words)) if p.matches(noun)), None)
        if pattern is None or any(c.dep_ == "det" and c.lower_ in ("no", "any") for c in noun.children):
            continue
        targets = with_conjuncts(prep_objects(noun, None, pattern.target_preps))
        if targets:
            return pattern, targets
    return None


def _traveller(ex, noun: Token, index, day) -> list:
    """ "During a visit to Beijing, Kerry said ...", "a tour that included visits to Greece and Germany, Obama
    ...", "leading Abe to raise it in a phone call with Moon": a visit or meeting with no owner is made by the
    subject of the nearest verb above it that has an actor as subject."""
    tok, first = noun, True
    for _ in range(12):
        if tok.head is tok or tok.dep_ in ("nsubj", "nsubjpass", "ccomp"):  # inside a subject or a report
            return []
        below, tok = tok, tok.head
        if tok.pos_ in ("VERB", "AUX"):
            if ex._unreal(tok) or first and any(c.dep_ in ("dobj", "dative") and c != below
                                                for c in tok.children):
                return []  # "invited Trump for a visit": the guest, not the host, travels
            first = False
            found = ex._actors(ex._source_tokens(tok), index, day)
            if found:
                return found
    return []
