"""Direct quotations and who said them.

A quotation is a span between quotation marks (curly or straight). Its speaker is the subject of a speech verb
outside the marks in the sentence where the quotation ends ('"...," said Sheikh Hamad', '"...," he said') or
begins ('Lavrov said: "..."'). The speaker is resolved like any actor (names, titles, pronouns by coreference).
Events inside a quotation are flagged, and a first-person subject inside it ("We must ...") is the speaker.
"""
from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..actors.mentions import Mention
from ..actors.resolve import ActorResolver
from ..actors.types import Actor
from ..nlp.text import doc_text

SPEECH_LEMMAS = {"say", "tell", "add", "state", "declare", "warn", "insist", "write", "tweet", "announce",
                 "explain", "argue", "stress", "note", "ask", "claim", "conclude", "remark", "reply", "respond"}
_OPENERS = {"\u201c": "\u201d", '"': '"', "\u00ab": "\u00bb"}


@dataclass
class Quote:
    start: int  # character offsets of the quoted text, marks excluded
    end: int
    text: str
    speaker: Actor | None
    speaker_text: str = ""


def find_quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans inside matching quotation marks (straight quotes pair up in order)."""
    spans, i, n = [], 0, len(text)
    while i < n:
        ch = text[i]
        close = _OPENERS.get(ch)
        if close is None:
            i += 1
            continue
        j = text.find(close, i + 1)
        if j == -1:
            break
        if j - i > 1:
            spans.append((i + 1, j))
        i = j + 1
    return spans


def find_quotes(doc: Doc, index: dict[int, Mention], resolver: ActorResolver, day: dt.date | None) -> list[Quote]:
    quotes = []
    text = doc_text(doc)
    spans = find_quote_spans(text)
    sentences = [(s.start, s.end) for s in doc.sents] if spans else []
    for start, end in spans:
        inside = doc.char_span(start, end, alignment_mode="expand")
        if inside is None or len(inside) < 3:  # a scare-quoted word is not a quotation
            continue
        verb = _speech_verb(doc, inside.start, inside.end, sentences)
        speaker, speaker_text = None, ""
        if verb is not None:
            subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None:
                found = resolver.resolve(subject, index, day)
                speaker_text = subject.text
                speaker = found[0] if found else None
        quotes.append(Quote(start, end, text[start:end], speaker, speaker_text))
    return quotes


def _sentence_of(sentences: list[tuple[int, int]], i: int) -> tuple[int, int]:
    """(start, end) token bounds of the sentence holding token ``i`` (``Token.sent`` walks every sentence)."""
    k = bisect.bisect_right(sentences, (i, float("inf"))) - 1
    return sentences[max(k, 0)]


def _speech_verb(doc: Doc, q_start: int, q_end: int, sentences: list[tuple[int, int]]) -> Token | None:
    """The speech verb outside the quotation: after it in its last sentence, else before it in its first."""
    last_end = _sentence_of(sentences, q_end - 1)[1]
    for tok in doc[q_end:last_end]:
        if tok.lemma_.lower() in SPEECH_LEMMAS and tok.pos_ in ("VERB", "AUX"):
            return tok
    first_start = _sentence_of(sentences, q_start)[0]
    for tok in reversed(doc[first_start:q_start]):
        if tok.lemma_.lower() in SPEECH_LEMMAS and tok.pos_ in ("VERB", "AUX"):
            return tok
    return None


def quote_at(quotes: list[Quote], char: int) -> Quote | None:
    return next((q for q in quotes if q.start <= char < q.end), None)
