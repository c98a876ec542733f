"""Find dictionary mentions (countries, capitals, organisations, people) in a Doc.

A spaCy ``PhraseMatcher`` over every phrase of the dictionary: short all-caps
abbreviations ("US", "UN", "WHO") match case-sensitively, everything else
case-insensitively but only when written as a name (capitalised), so "turkey"
the bird and "us" the pronoun are not countries.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from .dictionary import ActorDictionary
from .types import DictionaryEntry

#: When one phrase means several things, the more specific reading wins.
_KIND_PRIORITY = {"person": 0, "organisation": 1, "country": 2, "seat": 3, "capital": 4, "region": 4, "people": 5,
                  "adjective": 6}
_LOWER_WORDS = {"the", "of", "for", "and", "al", "bin", "de", "la", "el", "van", "von", "der", "du", "le", "da"}


@dataclass(frozen=True)
class Mention:
    start: int  # token offsets in the Doc
    end: int
    entry: DictionaryEntry

    @property
    def kind(self) -> str:
        return self.entry.kind


def _case_sensitive(phrase: str) -> bool:
    letters = phrase.replace(".", "").replace("-", "")
    return letters.isalpha() and letters.isupper() and len(letters) <= 5


class MentionFinder:
    """Matches the actor dictionary against a Doc's tokens."""

    def __init__(self, nlp, dictionary: ActorDictionary):
        self.dictionary = dictionary
        self._lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._orth = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._entries: dict[str, list[DictionaryEntry]] = {}
        grouped: dict[tuple[bool, str], list[DictionaryEntry]] = {}
        for entry in dictionary.iter_phrases():
            phrases = [entry.phrase]
            if entry.phrase.lower().startswith("the ") and len(entry.phrase) > 6:
                phrases.append(entry.phrase[4:])  # "White House spokesman": no article inside a compound
            for phrase in phrases:
                cs = _case_sensitive(phrase)
                key = (cs, phrase if cs else phrase.lower())
                grouped.setdefault(key, []).append(entry)
        keys = list(grouped)
        docs = list(nlp.tokenizer.pipe([k[1] for k in keys]))
        for (cs, text), pattern in zip(keys, docs):
            label = ("CS:" if cs else "CI:") + text
            entries = sorted(grouped[(cs, text)], key=lambda e: _KIND_PRIORITY.get(e.kind, 9))
            self._entries[label] = entries
            (self._orth if cs else self._lower).add(label, [pattern])

    def __call__(self, doc: Doc) -> list[Mention]:
        spans = []
        for matcher in (self._orth, self._lower):
            for match_id, start, end in matcher(doc):
                label = doc.vocab.strings[match_id]
                span = doc[start:end]
                if label.startswith("CI:") and not _written_as_name(span):
                    continue
                span.label_ = label
                spans.append(span)
        found = []
        kept = filter_spans(spans)
        covered = {i for span in kept for i in range(span.start, span.end)}
        for span in kept:
            entries = self._entries[span.label_]
            if entries[0].kind == "organisation" and _inside_longer_name(span, covered, self.dictionary.roles):
                continue
            found.append(Mention(span.start, span.end, entries[0]))
        return found


def _inside_longer_name(span, covered: set[int], roles: dict) -> bool:
    """ "Kurdish Democratic Party" is not the "Democratic Party": a capitalised word right before an
    organisation's name (that is not itself a known name) means the match is part of a longer unknown name."""
    if span.start == 0 or span[0].is_sent_start:
        return False
    prev = span.doc[span.start - 1]
    return (prev.is_alpha and prev.text[0].isupper() and prev.i not in covered and not prev.is_sent_start
            and prev.lower_ not in roles)  # "Senate Republicans" stays a name


def _written_as_name(span) -> bool:
    """True when the significant words of the span are capitalised as a name."""
    words = [t for t in span if t.is_alpha and t.lower_ not in _LOWER_WORDS
             and not (t.i > span.start and t.doc[t.i - 1].text == "-" and not t.doc[t.i - 1].whitespace_)]
    if not words:
        return any(ch.isupper() for ch in span.text)
    return all(t.text[0].isupper() for t in words)
