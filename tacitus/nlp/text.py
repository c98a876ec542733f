"""A Doc's text, read once.

``Doc.text`` rebuilds the string from every token on each access (about a
millisecond for a news article); the pipeline's stages read it several times,
so the Coder stores the text it tokenized and every stage reads that copy.
"""
from __future__ import annotations

from spacy.tokens import Doc

_KEY = "tacitus_text"


def remember_text(doc: Doc, text: str) -> None:
    """Record ``text`` as the text ``doc`` was tokenized from."""
    doc.user_data[_KEY] = text


def doc_text(doc: Doc) -> str:
    """The Doc's text, from the copy the Coder recorded (or built once and kept)."""
    text = doc.user_data.get(_KEY)
    if text is None or len(doc) and len(text) != doc[-1].idx + len(doc[-1].text_with_ws):
        text = doc.text
        doc.user_data[_KEY] = text
    return text
