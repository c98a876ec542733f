"""The pre-pass: parse only the sentences that can hold an event.

Parsing is most of the cost of coding an article, and most news sentences
cannot yield a dyadic event: they name no actor, or one actor and no event
word. Before parsing, Tacitus tokenizes the article (cheap), splits it into
sentences with punctuation rules and the paragraph breaks, and scans each
sentence for *cues*:

- actor cues: a dictionary name (the same PhraseMatcher the coder uses), a role
  noun ("police", "rebels", "ministry"), or an anaphor ("he", "they", "its");
- an event word: any inflected form of a verb or noun in the pattern book.

A sentence is kept when it has an event word and either a name (its partner
may come from context: "Tehran denied any role") or two role nouns. A kept
sentence that holds a quotation keeps its neighbours too, where the speaker is
often named. Because pronouns and definite descriptions ("the president") point
back, the sentences before a kept sentence with an anaphor are kept up to and
including the nearest one that names an actor, and the first sentences of the
article (headline, dateline, lede) always are.

Dropped sentences are blanked with spaces in the text handed to the parser
(line breaks and quotation marks stay), so every character offset of every
event is unchanged and quotations still pair up.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

import numpy
from spacy.attrs import IDX, IS_PUNCT, LOWER, ORTH, SENT_START
from spacy.language import Language
from spacy.strings import hash_string
from spacy.tokens import Doc

from ..actors.mentions import MentionFinder
from ..events.patterns import PatternBook
from ..nlp.text import doc_text as doc_text_of
from .paragraphs import line_starts

#: Pronouns and possessives coreference may resolve to an actor.
ANAPHORS = frozenset({"he", "she", "they", "it", "his", "her", "its", "their", "him", "them", "we", "our", "us",
                      "i", "my", "theirs", "who"})
#: Words that start a definite description pointing back ("the president", "the two sides").
DEFINITE = frozenset({"the", "this", "these", "those", "both"})
QUOTE_MARKS = frozenset({'"', "\u201c", "\u201d", "``", "''", "\u00ab", "\u00bb"})
#: Characters a blanked sentence keeps: line breaks (paragraphs) and quotation marks (quotes still pair up).
KEPT_CHARS = frozenset({"\n", '"', "\u201c", "\u201d", "\u00ab", "\u00bb"})
_BLANKABLE = re.compile("[^" + re.escape("".join(sorted(KEPT_CHARS))) + "]")
#: Tokens that end a sentence when a word follows (closing quotes and brackets may come between).
SENTENCE_END_CHARS = frozenset({".", "!", "?", "...", "\u2026", "!?", "?!"})
_END_HASHES = frozenset(hash_string(c) for c in SENTENCE_END_CHARS)
#: Sentences at the top of an article that are always parsed (headline, dateline, lede).
LEAD_SENTENCES = 2
#: How far back (in sentences) an anaphor may find its antecedent.
ANTECEDENT_WINDOW = 3


@dataclass(frozen=True)
class SentenceCues:
    start_char: int
    end_char: int
    names: int  # dictionary mentions
    roles: int  # role nouns
    anaphors: int  # pronouns and definite descriptions
    event_word: bool
    quote: bool

    @property
    def actor_cues(self) -> int:
        return self.names + self.roles + self.anaphors


def inflections(lemma: str) -> set[str]:
    """Regular inflected forms of an English verb or noun (over-generating is harmless here)."""
    w = lemma.lower()
    forms = {w, w + "s", w + "es", w + "ed", w + "d", w + "ing"}
    if w.endswith("e"):
        forms |= {w[:-1] + "ing", w[:-1] + "ed"}
    if w.endswith("y") and len(w) > 2:
        forms |= {w[:-1] + "ies", w[:-1] + "ied"}
    if len(w) > 2 and w[-1] not in "aeiouwxy" and w[-2] in "aeiou" and w[-3] not in "aeiou":
        forms |= {w + w[-1] + "ed", w + w[-1] + "ing"}  # "ban" -> "banned", "banning"
    return forms


def event_word_forms(book: PatternBook, nlp: Language) -> frozenset[str]:
    """Every surface form of the words that signal a coded event, irregular forms included.

    A verb pattern that needs an object ("hold" + "talks", "impose" + "sanctions") is signalled by its
    object noun, not by the light verb, so "has", "made" or "took" alone do not make a sentence a candidate.
    """
    lemmas: set[str] = set(book.by_noun)
    for patterns in book.by_noun.values():
        for p in patterns:
            lemmas.update(p.words)
    for verb, patterns in book.by_verb.items():
        for p in patterns:
            if p.objects:
                lemmas.update(obj[-1] for obj in p.objects if obj)
            else:
                lemmas.add(verb)
    forms: set[str] = set()
    for lemma in lemmas:
        for word in lemma.split():
            forms |= inflections(word)
    for form, lemma in _irregular_forms(nlp).items():
        if lemma in lemmas:
            forms.add(form)
    return frozenset(forms)


def _irregular_forms(nlp: Language) -> dict[str, str]:
    """Irregular form -> lemma from the lemmatizer's exception tables ("met" -> "meet", "struck" -> "strike")."""
    out: dict[str, str] = {}
    if "lemmatizer" not in nlp.component_names:
        return out
    lookups = nlp.get_pipe("lemmatizer").lookups
    if not lookups.has_table("lemma_exc"):
        return out
    table = lookups.get_table("lemma_exc")
    for pos in ("verb", "noun"):
        for form, lemmas in (table.get(pos) or {}).items():
            for lemma in lemmas:
                out.setdefault(form, lemma)
    return out


def _sentence_starts(text: str, cols: numpy.ndarray) -> list[int]:
    """Token indices that start a sentence: after a line break, and after sentence-final punctuation
    (and any closing marks) when a word follows, as spaCy's rule-based sentencizer does."""
    orth, is_punct, idx = cols[:, 0].tolist(), cols[:, 2].tolist(), cols[:, 3].tolist()
    starts = {0, *line_starts(text, idx)}
    seen_end = False
    for i, (o, punct) in enumerate(zip(orth, is_punct)):
        if o in _END_HASHES:
            seen_end = True
        elif seen_end and not punct:
            starts.add(i)
            seen_end = False
    return sorted(starts)


class SentenceFilter:
    """Decides, before parsing, which sentences of a document the parser must see.

    Works on token columns (``Doc.to_array``) and string hashes, never on Token objects: the pre-pass
    must cost a small fraction of the parse it saves.
    """

    def __init__(self, nlp: Language, finder: MentionFinder, book: PatternBook, roles: dict[str, str]):
        self.nlp = nlp
        self.finder = finder
        strings = nlp.vocab.strings

        def hashes(words) -> numpy.ndarray:
            return numpy.array(sorted({strings.add(w) for w in words}), dtype="uint64")

        self.event_words = hashes(event_word_forms(book, nlp))
        self.role_words = hashes(w for r in roles for w in inflections(r.split()[-1]))
        self.anaphors = hashes(ANAPHORS)
        self.definite = hashes(DEFINITE)
        self.quote_marks = hashes(QUOTE_MARKS)

    def cues(self, text: str) -> list[SentenceCues]:
        """Split ``text`` into sentences (no parse) and count each sentence's cues."""
        doc = self.nlp.make_doc(text)
        if not len(doc):
            return []
        cols = doc.to_array([ORTH, LOWER, IS_PUNCT, IDX])
        starts = _sentence_starts(text, cols)
        flags = numpy.full(len(doc), -1, dtype="int64").view("uint64")  # -1: not a start
        flags[starts] = 1
        doc.from_array([SENT_START], flags.reshape(-1, 1))  # the finder reads sentence starts
        return self._count(doc, cols, starts, len(text))

    def _count(self, doc: Doc, cols: numpy.ndarray, starts: list[int], length: int) -> list[SentenceCues]:
        n = len(doc)
        orth, lower, idx = cols[:, 0], cols[:, 1], cols[:, 3]
        sent_of = numpy.zeros(n, dtype="int64")
        sent_of[starts[1:]] = 1
        sent_of = numpy.cumsum(sent_of)
        k = len(starts)
        role = numpy.isin(lower, self.role_words)
        definite_before = numpy.zeros(n, dtype=bool)
        definite_before[1:] = numpy.isin(lower[:-1], self.definite)
        anaphor = numpy.isin(lower, self.anaphors) | (role & definite_before)
        event = numpy.isin(lower, self.event_words)
        quote = numpy.isin(orth, self.quote_marks)
        names = numpy.zeros(k, dtype="int64")
        for m in self.finder(doc):
            names[sent_of[m.start]] += 1
        roles = numpy.bincount(sent_of, weights=role, minlength=k)
        anaphors = numpy.bincount(sent_of, weights=anaphor, minlength=k)
        events = numpy.bincount(sent_of, weights=event, minlength=k)
        quotes = numpy.bincount(sent_of, weights=quote, minlength=k)
        bounds = [int(idx[i]) for i in starts] + [length]
        return [SentenceCues(bounds[j], bounds[j + 1], int(names[j]), int(roles[j]), int(anaphors[j]),
                             bool(events[j]), bool(quotes[j])) for j in range(k)]

    def select(self, cues: list[SentenceCues]) -> list[bool]:
        """Which sentences to parse (see the module docstring)."""
        keep = [c.event_word and (c.names >= 1 or c.roles >= 2) for c in cues]
        for i in range(min(LEAD_SENTENCES, len(cues))):
            keep[i] = True
        chosen = list(keep)
        for i, c in enumerate(cues):
            if not chosen[i]:
                continue
            if c.quote:  # a quotation's speaker is often in the sentence before or after
                for j in (i - 1, i + 1):
                    if 0 <= j < len(cues):
                        keep[j] = True
            if c.anaphors:
                for j in range(i - 1, max(-1, i - 1 - ANTECEDENT_WINDOW), -1):
                    if cues[j].names or cues[j].roles:
                        keep[j] = True
                        if cues[j].names:
                            break
        return keep

    def masked_text(self, text: str) -> tuple[str, list[SentenceCues], list[bool]]:
        """``text`` with the sentences that cannot yield an event blanked (offsets unchanged)."""
        cues = self.cues(text)
        keep = self.select(cues)
        if all(keep):
            return text, cues, keep
        pieces = [text[c.start_char:c.end_char] if k else _BLANKABLE.sub(" ", text[c.start_char:c.end_char])
                  for c, k in zip(cues, keep)]
        return "".join(pieces), cues, keep


@dataclass
class Plan:
    """Which sentences of one document were blanked, and how to put the sentence list back together."""

    cues: list[SentenceCues]
    keep: list[bool]

    def mark_boundaries(self, doc: Doc) -> None:
        """Sentence starts where blanked and kept text meet, so the parser never joins across a blank."""
        changes = [c.start_char for i, (c, k) in enumerate(zip(self.cues, self.keep)) if i and k != self.keep[i - 1]]
        if not changes:
            return
        starts = doc.to_array([IDX]).ravel().tolist()
        for char in changes:
            i = bisect.bisect_left(starts, char)
            if 0 < i < len(doc):
                doc[i].is_sent_start = True

    def blanked_spans(self, text: str) -> list[tuple[int, int]]:
        return [_strip(text, c.start_char, c.end_char) for c, k in zip(self.cues, self.keep) if not k]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _overlaps(spans: list[tuple[int, int]], starts: list[int], a: int, b: int) -> bool:
    """Does [a, b) overlap any of the sorted, disjoint ``spans`` (whose starts are ``starts``)?"""
    k = bisect.bisect_right(starts, a) - 1
    return any(0 <= j < len(spans) and spans[j][0] < b and a < spans[j][1] for j in (k, k + 1))


def sentence_layout(doc: Doc, text: str, events: list, plan: Plan | None) -> list[tuple[int, int]]:
    """Every sentence of the article as character spans, whitespace trimmed, in order; events renumbered to it.

    Parsed sentences come from the parser; blanked ones from the pre-pass. Each event's ``sentence``,
    ``sentence_start``/``_end`` and ``sentence_index`` are set to match, with the same trimming whether or
    not the pre-pass ran, so the two modes give identical records.
    """
    parsed = []
    doc_text = doc_text_of(doc)
    if doc.has_annotation("SENT_START"):
        for s in doc.sents:
            a, b = _strip(doc_text, s.start_char, s.end_char)
            if a < b:
                parsed.append((a, b))
    spans = parsed
    if plan is not None:
        blanked = [(a, b) for a, b in plan.blanked_spans(text) if a < b]
        # a blanked sentence keeps its quotation marks, which the parser may see as a "sentence": drop those
        starts = [a for a, _ in blanked]
        parsed = [(a, b) for a, b in parsed if not _overlaps(blanked, starts, a, b)]
        spans = sorted(parsed + blanked)
    index = {a: i for i, (a, _) in enumerate(spans)}
    for event in events:
        a, b = _strip(doc_text, event.sentence_start, event.sentence_end)
        event.sentence_start, event.sentence_end = a, b
        event.sentence = text[a:b]
        event.sentence_index = index.get(a, event.sentence_index)
    return spans
