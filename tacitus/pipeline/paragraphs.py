"""Sentence boundaries at paragraph breaks.

News text puts headlines, datelines and paragraphs on their own lines; the
parser alone sometimes runs a headline into the first sentence. This component
marks a sentence start after every blank line (and after a line break that
ends a line without closing punctuation), and the parser respects it.
"""
from __future__ import annotations

import bisect
import re

from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc

from ..nlp.text import doc_text


@Language.component("tacitus_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    _split_dateline(doc)
    if len(doc) < 2:
        return doc
    text = doc_text(doc)
    for i in line_starts(text, doc.to_array([IDX]).ravel().tolist()):
        doc[i].is_sent_start = True
    return doc


def line_starts(text: str, idx: list[int]) -> list[int]:
    """Indices of the tokens that follow a line break (in a whitespace token or a token's trailing space).

    ``idx`` holds each token's character offset; one bisection per line break, no Token objects.
    """
    out = []
    pos = text.find("\n")
    while pos != -1:
        t = bisect.bisect_right(idx, pos) - 1
        if 0 <= t < len(idx) - 1 and (not out or out[-1] != t + 1):
            out.append(t + 1)
        pos = text.find("\n", pos + 1)
    return out


_DATELINE = re.compile(
    r"(?:^|\n)[ \t]*[A-Z][A-Z.'\- ]{1,40}(?:,[ \t]*[A-Z][A-Za-z.]{1,20})?"  # CITY[, State]
    r"(?:,?[ \t]*[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2})?"                          # , June 14
    r"[ \t]*(?:\([A-Za-z][A-Za-z .]{0,20}\))?[ \t]*[-\u2013\u2014]+[ \t]*")


def _split_dateline(doc: Doc) -> None:
    """ "SEOUL (Reuters) - U.S. Defense ..." / "MUSCAT, June 14 - Iran ...": the dateline is not part of
    the first sentence (it would otherwise be parsed as its subject)."""
    match = _DATELINE.search(doc_text(doc)[:400])
    if not match:
        return
    span = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
    if span is not None and span.start < len(doc) and span.start > 0:
        doc[span.start].is_sent_start = True
