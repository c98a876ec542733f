"""Criticism by description: "described the U.N. as a house of lies", "branded X a puppet", "called X unfit".

A verb of describing or naming whose object is given a disparaging description is a criticism of the
object (111), whatever the describing verb's own pattern (a statement, 010, or none). The description is
not an actor. Only the words below count as disparaging, so "described Germany as a partner" stays a
statement; a negated description ("not a threat") is not criticism.
"""
from __future__ import annotations

from spacy.tokens import Token

from .patterns import VerbPattern

DESCRIBING_VERBS = {"describe", "call", "label", "term", "dub", "brand", "characterize", "characterise",
                    "portray", "paint", "depict", "denounce", "condemn", "criticize", "criticise", "blast", "slam",
                    "lambast", "lambaste", "decry", "deride", "tar", "castigate"}

DISPARAGING = {
    # nouns
    "threat", "danger", "menace", "liar", "lie", "terrorist", "terrorism", "terror", "criminal", "crime",
    "murderer", "killer", "butcher", "dictator", "tyrant", "despot", "thug", "puppet", "stooge", "enemy",
    "aggressor", "occupier", "fascist", "nazi", "racist", "bigot", "extremist", "fanatic", "madman", "lunatic",
    "maniac", "disgrace", "farce", "sham", "hypocrite", "hypocrisy", "traitor", "bully", "warmonger", "rogue",
    "pariah", "outlaw", "gangster", "mafia", "hotbed", "propaganda", "cleansing",
    "genocide", "atrocity", "massacre", "aggression", "provocation", "blackmail", "piracy",
    "barbarism", "barbarian", "savage", "coward", "clown", "idiot", "fool", "failure", "joke", "cancer",
    "scourge", "evil", "devil", "lackey", "mercenary",
    # adjectives
    "deranged", "insane", "crazy", "mad", "unfit", "dangerous", "irresponsible", "reckless", "illegal",
    "illegitimate", "unacceptable", "hostile", "aggressive", "corrupt", "incompetent",
    "barbaric", "barbarous", "brutal", "shameful", "disgraceful", "absurd", "ridiculous", "hypocritical",
    "provocative", "destabilizing", "destabilising", "unlawful", "outrageous", "despicable", "treacherous",
    "dishonest", "inhuman", "inhumane", "genocidal", "pathetic", "arrogant", "untrustworthy", "unreliable",
    "cowardly", "stupid", "senile", "unhinged", "lying", "fake", "hateful", "heinous",
    "monstrous", "sinister", "belligerent", "warmongering", "imperialist", "colonialist",
}
_PHRASE_DEPS = {"amod", "compound", "prep", "pobj", "advmod", "conj", "cc", "det", "acomp", "nmod", "neg",
                "npadvmod", "quantmod", "nummod", "punct", "pcomp"}
NEGATORS = {"not", "no", "never", "n't", "neither", "nor"}
_PATTERN = VerbPattern(id="describe#disparaging", code="111", verb="describe",
                       note="X described Y as <disparaging description>")


def _descriptions(verb: Token) -> list[Token]:
    """The description given to the object: an 'as' phrase, an object predicative, the second of two objects."""
    found = []
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    for holder in [verb] + objects:
        for c in holder.children:
            if c.dep_ == "prep" and c.lower_ == "as":
                found.extend(g for g in c.children if g.dep_ in ("pobj", "acomp", "amod", "pcomp"))
    for c in verb.children:
        if c.dep_ == "oprd" or (c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "as" for m in c.children)):
            found.append(c)
        elif c.dep_ == "npadvmod" and c.pos_ in ("NOUN", "ADJ") and objects:
            found.append(c)  # "labelled the minister a warmonger"
    if any(c.dep_ == "dative" for c in verb.children):  # "branded the government a puppet"
        found.extend(c for c in verb.children if c.dep_ == "dobj")
    return found


def _phrase(head: Token) -> list[Token]:
    """The description's own phrase: modifiers and prepositional phrases, not clauses inside it ("... a hand
    that China considers a threat" does not call the hand a threat)."""
    out, todo = [], [head]
    while todo:
        t = todo.pop()
        out.append(t)
        todo.extend(c for c in t.children if c.dep_ in _PHRASE_DEPS)
    return out


def disparaging_description(verb: Token, event_nouns) -> bool:
    """Whether a describing verb gives its object a disparaging description. An event noun with a name before
    it ("called the Syria strikes illegal") is left out: the name may be the place or victim, not the culprit
    ("called the sanctions outrageous" criticises whoever imposed them)."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative", "nsubjpass")]
    if verb.lemma_.lower() not in DESCRIBING_VERBS or not objects or any(
            o.lemma_.lower() in event_nouns and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in o.children)
            for o in objects):
        return False
    if any(c.dep_ == "oprd" and c.lemma_.lower() in event_nouns for c in verb.children):
        return False  # "called the Syria strikes illegal" misparsed as object "Syria", predicate "strikes"
    for d in _descriptions(verb):
        phrase = _phrase(d)
        words = {t.lemma_.lower() for t in phrase} | {t.lower_ for t in phrase}
        if words & DISPARAGING and not words & NEGATORS:
            return True
    return False


def description_pattern() -> VerbPattern:
    return _PATTERN
