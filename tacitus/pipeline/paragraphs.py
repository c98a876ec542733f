"""Sentence boundaries at paragraph breaks.

News text puts headlines, datelines and paragraphs on their own lines; the
parser alone sometimes runs a headline into the first sentence. This component
marks a sentence start after every blank line (and after a line break that
ends a line without closing punctuation), and the parser respects it.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("tacitus_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    for i, tok in enumerate(doc[:-1]):
        nxt = doc[i + 1]
        if tok.is_space and "\n" in tok.text:
            nxt.is_sent_start = True
        elif "\n" in tok.whitespace_ or (tok.is_space and tok.text.count("\n") >= 1):
            nxt.is_sent_start = True
    return doc
