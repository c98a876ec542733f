"""The article date from its dateline: "CAIRO, March 10 (Reuters) -" or "LONDON, 10 March 2012 -".

A dateline without a year takes the year of the fallback date (``--date``); a dateline day later than that
fallback belongs to the year before (a story datelined "Dec. 30" filed in a January batch).
"""
from __future__ import annotations

import datetime as dt
import re

_MONTHS = {m: i for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                                       "dec"], 1)}
_DATELINE = re.compile(
    r"^\s*(?:[^\n]{0,200}\n\s*)?[A-Z][A-Z .'\-]{1,40}(?:,\s*[A-Z][A-Za-z.]{1,20})?,\s*"
    r"(?:(?P<m1>[A-Z][a-z]{2,8})\.?\s+(?P<d1>\d{1,2})|(?P<d2>\d{1,2})\s+(?P<m2>[A-Z][a-z]{2,8}))"
    r"(?:,?\s+(?P<y>(?:19|20)\d\d))?\s*(?:\([A-Za-z .]{1,20}\))?\s*[-\u2013\u2014]")


def dateline_date(text: str, fallback: dt.date | None) -> dt.date | None:
    match = _DATELINE.match(text[:400])
    if not match:
        return None
    month_name = (match.group("m1") or match.group("m2") or "")[:3].lower()
    month = _MONTHS.get(month_name)
    day = int(match.group("d1") or match.group("d2"))
    if month is None:
        return None
    if match.group("y"):
        year = int(match.group("y"))
    elif fallback is not None:
        year = fallback.year
    else:
        return None
    try:
        found = dt.date(year, month, day)
    except ValueError:
        return None
    if not match.group("y") and fallback is not None and found > fallback + dt.timedelta(days=1):
        found = found.replace(year=year - 1)
    return found
