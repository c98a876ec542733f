"""Accusations made as reported clauses: "Mattis says Syria retains chemical weapons", "Britain said Syrian forces
bombed a hospital" are also accusations by the speaker against the accused (CAMEO 112), beside the reported
event itself. Only political speakers (states, governments, international organisations) accuse in this way;
a police or army spokesman reporting a clash is not accusing anyone.
"""
from __future__ import annotations

from spacy.tokens import Token

#: verbs that report a claim about someone else
CLAIM_SPEECH = {"say", "claim", "allege", "charge", "suggest", "insist", "assert", "maintain", "contend", "argue",
                "believe", "conclude", "determine", "find", "tell", "warn", "add"}
#: what one accuses others of even when it is not itself an event with a target
CLAIM_VERBS = {"retain", "possess", "stockpile", "develop", "hide", "conceal", "harbor", "harbour", "sponsor",
               "finance", "fund", "arm", "violate", "breach", "flout", "interfere", "meddle", "lie", "cheat",
               "smuggle", "sabotage", "plot", "orchestrate", "commit", "perpetrate", "abuse", "torture",
               "persecute", "oppress"}
#: plain statements that become demands when they say what someone else must do
DEMAND_SPEECH = {"say", "state", "add", "stress", "argue", "reiterate", "emphasize", "emphasise", "underline",
                 "maintain", "declare", "repeat"}
OBLIGATION_MODALS = {"should", "must"}
HOSTILE_ROOTS = {"17", "18", "19", "20"}  # not 15: drills and alerts are displays, not wrongdoing
_POLITICAL_ROLES = {"", "GOV"}


def reported_clauses(verb: Token) -> list[Token]:
    """The clauses a speech verb reports: its ccomp and the clauses coordinated with it."""
    out = []
    for c in verb.children:
        if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX"):
            out.append(c)
            out.extend(g for g in c.children if g.dep_ == "conj" and g.pos_ in ("VERB", "AUX"))
    return out


def demanded_clause(verb: Token) -> Token | None:
    """ "Russia said the United States must withdraw its troops": a statement of what another must or should do
    is a demand (10) on the clause's subject. The clause is returned for the caller to check it is an event."""
    if verb.lemma_.lower() not in DEMAND_SPEECH:
        return None
    for c in reported_clauses(verb):
        if any(a.dep_ == "aux" and a.lower_ in OBLIGATION_MODALS for a in c.children) \
                and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children):
            return c
    return None


def is_accusation(clause: Token, match, victims=None) -> bool:
    """The reported clause states a wrongful act or condition of its subject: a hostile act against the speaker
    itself ("Kenya said Somali militants attacked a Kenyan base"; a third party's fight is only reported), or
    one of the claim verbs ("retains chemical weapons", "violated the ceasefire"). ``victims``: a callable
    giving the principals of the act's targets."""
    if clause.lemma_.lower() in CLAIM_VERBS:
        return True
    return match is not None and match.pattern.code[:2] in HOSTILE_ROOTS and victims is not None and victims()


def political(actor) -> bool:
    return actor.code.startswith("IGO") or (len(actor.code) <= 6 and actor.role in _POLITICAL_ROLES
                                            and not actor.code.startswith(("NGO", "IMG")))
