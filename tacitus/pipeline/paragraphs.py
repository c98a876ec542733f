"""Sentence boundaries at paragraph breaks.

News text puts headlines, datelines and paragraphs on their own lines; the
parser alone sometimes runs a headline into the first sentence. This component
marks a sentence start after every blank line (and after a line break that
ends a line without closing punctuation), and the parser respects it.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("tacitus_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    _split_dateline(doc)
    for i, tok in enumerate(doc[:-1]):
        nxt = doc[i + 1]
        if tok.is_space and "\n" in tok.text:
            nxt.is_sent_start = True
        elif "\n" in tok.whitespace_ or (tok.is_space and tok.text.count("\n") >= 1):
            nxt.is_sent_start = True
    return doc


_DATELINE = re.compile(
    r"(?:^|\n)[ \t]*[A-Z][A-Z.'\- ]{1,40}(?:,[ \t]*[A-Z][A-Za-z.]{1,20})?"  # CITY[, State]
    r"(?:,?[ \t]*[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2})?"                          # , June 14
    r"[ \t]*(?:\([A-Za-z][A-Za-z .]{0,20}\))?[ \t]*[-\u2013\u2014]+[ \t]*")


def _split_dateline(doc: Doc) -> None:
    """ "SEOUL (Reuters) - U.S. Defense ..." / "MUSCAT, June 14 - Iran ...": the dateline is not part of
    the first sentence (it would otherwise be parsed as its subject)."""
    match = _DATELINE.search(doc.text[:400])
    if not match:
        return
    span = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
    if span is not None and span.start < len(doc) and span.start > 0:
        doc[span.start].is_sent_start = True
