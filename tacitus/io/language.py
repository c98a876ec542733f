"""Is this text English? (py3langid: offline, a few ms per document.)"""
from __future__ import annotations

from functools import lru_cache

MIN_CHARS = 40  # too short to tell: assume English


@lru_cache(maxsize=1)
def _identifier():
    import py3langid

    return py3langid.classify


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when the text is too short to tell."""
    sample = text[:2000]
    if sum(ch.isalpha() for ch in sample) < MIN_CHARS:
        return None
    return _identifier()(sample)[0]
