"""Sentence boundaries at paragraph breaks.

News text puts headlines, datelines and paragraphs on their own lines; the
parser alone sometimes runs a headline into the first sentence. This component
marks a sentence start after every blank line (and after a line break that
ends a line without closing punctuation), and the parser respects it.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


_AGENCIES = {"reuters", "ap", "afp", "upi", "xinhua", "dpa", "ians", "bloomberg"}


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


def _split_dateline(doc: Doc) -> None:
    """ "SEOUL (Reuters) - U.S. Defense Secretary ...": the dateline is not part of the first sentence."""
    limit = min(len(doc), 60)
    for i in range(limit - 2):
        tok = doc[i]
        if tok.text == "(" and i + 2 < limit and doc[i + 1].lower_ in _AGENCIES and doc[i + 2].text == ")":
            j = i + 3
            while j < limit and doc[j].text in ("-", "--", "\u2013", "\u2014"):
                j += 1
            if j < len(doc) and j > i + 3:
                doc[j].is_sent_start = True
            return
