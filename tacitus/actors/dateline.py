"""The dateline's country: "WASHINGTON (Reuters) -" -> USA.

Domestic institutions named without a country ("senators", "the legislature",
"police", "the court") are almost always those of the country the story is
datelined in; the resolver uses this as a last resort for those sectors only.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

from ..nlp.text import doc_text
from .mentions import Mention

_DATELINE = re.compile(r"^\s*(?:[^\n]{0,200}\n\s*)?([A-Z][A-Za-z .'\-]{1,40}?)(?:,\s*([A-Z][A-Za-z.]{1,20}))?"
                       r"\s*(?:,\s*[A-Z][a-z]+\.? \d{1,2})?\s*(?:\([A-Za-z ]+\))?\s*[-\u2013\u2014]")
US_STATE_ABBREVIATIONS = {
    "Ala.", "Alaska", "Ariz.", "Ark.", "Calif.", "Colo.", "Conn.", "Del.", "Fla.", "Ga.", "Hawaii", "Idaho", "Ill.",
    "Ind.", "Iowa", "Kan.", "Ky.", "La.", "Maine", "Md.", "Mass.", "Mich.", "Minn.", "Miss.", "Mo.", "Mont.",
    "Neb.", "Nev.", "N.H.", "N.J.", "N.M.", "N.Y.", "N.C.", "N.D.", "Ohio", "Okla.", "Ore.", "Pa.", "R.I.", "S.C.",
    "S.D.", "Tenn.", "Texas", "Utah", "Vt.", "Va.", "Wash.", "W.Va.", "Wis.", "Wyo.", "D.C.",
}


def dateline_country(doc: Doc, mentions: list[Mention]) -> str | None:
    """ISO3 of the dateline place, when the article opens with one we can place."""
    match = _DATELINE.match(doc_text(doc)[:300])
    if not match:
        return None
    if match.group(2) and match.group(2) in US_STATE_ABBREVIATIONS:
        return "USA"
    for group in (2, 1):  # "SULAIMANIYAH, Iraq": the country named in the dateline wins over the city
        if not match.group(group):
            continue
        start, end = match.span(group)
        for m in mentions:
            span = doc[m.start:m.end]
            if span.start_char >= start and span.end_char <= end + 1 and m.kind in ("capital", "country", "seat"):
                return m.entry.code[:3]
    return None
