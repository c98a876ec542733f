"""Event filters shared by the endpoints: parsed and checked from query parameters, turned into a WHERE clause.

User input only ever reaches SQL as bound parameters. The clause text is built from constants.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, fields

from fastapi import Query

from ..store.analytics import event_conditions
from .errors import BadParameter

CODE_RE = re.compile(r"^[A-Za-z0-9]{1,32}$")
CAMEO_RE = re.compile(r"^[0-9]{1,4}$")
DATE_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
MAX_Q = 200

# An actor's principal: the country (first 3 letters), or the whole 6-letter code of an IGO/NGO/IMG/MNC.
PRINCIPAL_SQL = ("CASE WHEN left({c}, 3) IN ('IGO', 'NGO', 'IMG', 'MNC', 'NGM') THEN left({c}, 6) "
                 "ELSE left({c}, 3) END")


@dataclass(frozen=True)
class Filters:
    start: dt.date | None = None
    end: dt.date | None = None
    actor: str | None = None
    source: str | None = None
    target: str | None = None
    dyad: tuple[str, str] | None = None
    code: str | None = None
    quad: int | None = None
    q: str | None = None

    def active(self) -> dict:
        out = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value is not None:
                out[f.name] = ":".join(value) if f.name == "dyad" else str(value)
        return out


def parse_date(name: str, value: str | None) -> dt.date | None:
    if value is None or value == "":
        return None
    if not DATE_RE.match(value):
        raise BadParameter(name, f"not a date in the form YYYY-MM-DD: {value[:40]!r}")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise BadParameter(name, f"no such date: {value!r}") from None


def parse_actor(name: str, value: str | None) -> str | None:
    if value is None or value.strip() == "":
        return None
    value = value.strip()
    if not CODE_RE.match(value):
        raise BadParameter(name, "an actor code prefix is 1 to 32 letters or digits, e.g. RUS or RUSGOV")
    return value.upper()


def parse_dyad(value: str | None) -> tuple[str, str] | None:
    if value is None or value.strip() == "":
        return None
    parts = value.strip().split(":")
    if len(parts) != 2 or not all(CODE_RE.match(p) for p in parts):
        raise BadParameter("dyad", "a dyad is SOURCE:TARGET actor code prefixes, e.g. RUS:SYR")
    return parts[0].upper(), parts[1].upper()


def event_filters(
    start: str | None = Query(None, description="First date (YYYY-MM-DD), inclusive."),
    end: str | None = Query(None, description="Last date (YYYY-MM-DD), inclusive."),
    actor: str | None = Query(None, description="Actor code prefix matched on source or target (RUS, RUSGOV)."),
    source: str | None = Query(None, description="Source actor code prefix."),
    target: str | None = Query(None, description="Target actor code prefix."),
    dyad: str | None = Query(None, description="Directed dyad SOURCE:TARGET of code prefixes, e.g. RUS:SYR."),
    code: str | None = Query(None, description="CAMEO code prefix: 19, 0241."),
    quad: int | None = Query(None, ge=1, le=4, description="QuadClass 1-4."),
    q: str | None = Query(None, description="Text searched in the sentence (case-insensitive substring)."),
) -> Filters:
    """FastAPI dependency: the common filters, checked."""
    first, last = parse_date("start", start), parse_date("end", end)
    if first and last and first > last:
        raise BadParameter("start", f"{first} is after end {last}")
    if code is not None and code.strip() and not CAMEO_RE.match(code.strip()):
        raise BadParameter("code", "a CAMEO code prefix is 1 to 4 digits, e.g. 19 or 0241")
    if q is not None and len(q) > MAX_Q:
        raise BadParameter("q", f"search text is limited to {MAX_Q} characters")
    if q is not None and "\x00" in q:
        raise BadParameter("q", "search text contains a NUL character")
    return Filters(start=first, end=last, actor=parse_actor("actor", actor), source=parse_actor("source", source),
                   target=parse_actor("target", target), dyad=parse_dyad(dyad),
                   code=(code.strip() or None) if code is not None else None, quad=quad,
                   q=q if q and q.strip() else None)


def _like_literal(text: str) -> str:
    """``text`` as a literal substring pattern for ILIKE ... ESCAPE '\\'."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def where(f: Filters) -> tuple[str, list]:
    """The WHERE condition (always valid SQL, ``TRUE`` when no filter) and its parameters, for table ``events``."""
    clauses, params = event_conditions(f.start, f.end, f.actor, f.source, f.target, f.dyad, f.code)
    if f.quad:
        clauses.append("quad_class = ?")
        params.append(f.quad)
    if f.q:
        clauses.append("sentence ILIKE ? ESCAPE '\\'")
        params.append(_like_literal(f.q))
    return (" AND ".join(clauses) or "TRUE"), params
