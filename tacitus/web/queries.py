"""The API's queries. Each takes a ``Session`` first; user values are bound parameters only."""
from __future__ import annotations

import datetime as dt

from ..store.schema import EVENT_COLUMNS
from .db import Session
from .errors import BadParameter, NotFound
from .filters import PRINCIPAL_SQL, Filters, where

EVENT_SELECT = ", ".join(EVENT_COLUMNS)
ORDERS = {  # sort key -> constant ORDER BY text
    "date": "date ASC NULLS LAST, doc_id, sentence_index, event_id",
    "-date": "date DESC NULLS LAST, doc_id, sentence_index, event_id",
    "goldstein": "goldstein ASC NULLS LAST, date DESC, event_id",
    "-goldstein": "goldstein DESC NULLS LAST, date DESC, event_id",
    "code": "code, date DESC, event_id",
}
PERIODS = ("day", "week", "month")
MAX_PERIODS = 5000
MAX_DOC_EVENTS = 2000
QUADS = {1: "Verbal cooperation", 2: "Material cooperation", 3: "Verbal conflict", 4: "Material conflict"}


def events_page(s: Session, f: Filters, limit: int, offset: int, sort: str) -> dict:
    cond, params = where(f)
    total = s.scalar(f"SELECT count(*) FROM events WHERE {cond}", params)
    rows = s.rows(f"SELECT {EVENT_SELECT} FROM events WHERE {cond} ORDER BY {ORDERS[sort]} LIMIT ? OFFSET ?",
                  params + [limit, offset])
    return {"total": total, "limit": limit, "offset": offset, "sort": sort, "filters": f.active(), "rows": rows}


def event(s: Session, event_id: str) -> dict:
    row = s.one(f"SELECT {EVENT_SELECT}, (SELECT title FROM documents d WHERE d.doc_id = e.doc_id) AS doc_title "
                "FROM events e WHERE event_id = ?", [event_id])
    if row is None:
        raise NotFound(f"no event with id {event_id!r}")
    return row


def document(s: Session, doc_id: str) -> dict:
    doc = s.one("SELECT doc_id, title, date, url, source, origin, text, n_sentences, n_events FROM documents "
                "WHERE doc_id = ?", [doc_id])
    if doc is None:
        raise NotFound(f"no document with id {doc_id!r}")
    doc["events"] = s.rows(f"SELECT {EVENT_SELECT} FROM events WHERE doc_id = ? "
                           "ORDER BY sentence_index, source_start, event_id LIMIT ?", [doc_id, MAX_DOC_EVENTS])
    return doc


def _next_period(day: dt.date, period: str) -> dt.date:
    if period == "day":
        return day + dt.timedelta(days=1)
    if period == "week":
        return day + dt.timedelta(days=7)
    return dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1)


def timeline(s: Session, f: Filters, period: str, fill: bool) -> dict:
    cond, params = where(f)
    rows = s.rows(f"""
        SELECT date_trunc(?, date)::DATE AS period, count(*) AS events, avg(goldstein) AS goldstein,
               count(*) FILTER (WHERE quad_class = 1) AS q1, count(*) FILTER (WHERE quad_class = 2) AS q2,
               count(*) FILTER (WHERE quad_class = 3) AS q3, count(*) FILTER (WHERE quad_class = 4) AS q4
        FROM events WHERE date IS NOT NULL AND {cond}
        GROUP BY 1 ORDER BY 1 LIMIT ?""", [period] + params + [MAX_PERIODS + 1])
    undated = s.scalar(f"SELECT count(*) FROM events WHERE date IS NULL AND {cond}", params)
    if fill and rows:
        by_period = {r["period"]: r for r in rows}
        first, last = dt.date.fromisoformat(rows[0]["period"]), dt.date.fromisoformat(rows[-1]["period"])
        filled, day = [], first
        while day <= last:
            if len(filled) >= MAX_PERIODS:
                break
            key = day.isoformat()
            filled.append(by_period.get(key) or {"period": key, "events": 0, "goldstein": None,
                                                 "q1": 0, "q2": 0, "q3": 0, "q4": 0})
            day = _next_period(day, period)
        rows = filled
    if len(rows) > MAX_PERIODS:
        raise BadParameter("period", f"more than {MAX_PERIODS} periods of one {period}; use a longer period "
                                     "or narrow the dates")
    for r in rows:
        if r["goldstein"] is not None:
            r["goldstein"] = round(r["goldstein"], 3)
    return {"period": period, "filters": f.active(), "undated": undated, "rows": rows}


def quadclass(s: Session, f: Filters) -> dict:
    cond, params = where(f)
    counts = dict(s.cursor.execute(f"SELECT quad_class, count(*) FROM events WHERE {cond} GROUP BY 1",
                                   params).fetchall())
    rows = [{"quad_class": q, "label": label, "events": counts.get(q, 0)} for q, label in QUADS.items()]
    return {"filters": f.active(), "total": sum(counts.values()), "rows": rows}


def _names(s: Session, codes: list[str]) -> dict[str, str]:
    if not codes:
        return {}
    rows = s.cursor.execute("SELECT code, name FROM actors WHERE code IN (SELECT unnest(?))", [codes]).fetchall()
    return {c: n for c, n in rows if n}


def network(s: Session, f: Filters, level: str, min_events: int, max_edges: int) -> dict:
    cond, params = where(f)
    node = PRINCIPAL_SQL if level == "principal" else "{c}"
    src, tgt = node.format(c="source"), node.format(c="target")
    edges = s.rows(f"""
        SELECT {src} AS source, {tgt} AS target, count(*) AS weight, round(avg(goldstein), 3) AS goldstein
        FROM events WHERE source IS NOT NULL AND source <> '' AND target IS NOT NULL AND target <> '' AND {cond}
        GROUP BY 1, 2 HAVING count(*) >= ? ORDER BY weight DESC, source, target LIMIT ?""",
                   params + [min_events, max_edges])
    nodes: dict[str, dict] = {}
    for e in edges:
        for end, key in ((e["source"], "out"), (e["target"], "in")):
            n = nodes.setdefault(end, {"id": end, "out": 0, "in": 0})
            n[key] += e["weight"]
    names = _names(s, list(nodes))
    for n in nodes.values():
        n["name"] = names.get(n["id"], n["id"])
        n["events"] = n["out"] + n["in"]
    ordered = sorted(nodes.values(), key=lambda n: (-n["events"], n["id"]))
    return {"level": level, "min_events": min_events, "filters": f.active(), "nodes": ordered, "edges": edges,
            "truncated": len(edges) == max_edges}


def top_actors(s: Session, f: Filters, limit: int, role: str) -> dict:
    cond, params = where(f)
    parts, args = [], []
    if role in ("any", "source"):
        parts.append(f"SELECT source AS code, 1 AS s, 0 AS t FROM events WHERE {cond}")
        args += params
    if role in ("any", "target"):
        parts.append(f"SELECT target AS code, 0 AS s, 1 AS t FROM events WHERE {cond}")
        args += params
    rows = s.rows(f"""
        SELECT code, sum(s)::INTEGER AS as_source, sum(t)::INTEGER AS as_target, count(*) AS events
        FROM ({' UNION ALL '.join(parts)}) WHERE code IS NOT NULL AND code <> ''
        GROUP BY code ORDER BY events DESC, code LIMIT ?""", args + [limit])
    names = _names(s, [r["code"] for r in rows])
    for r in rows:
        r["name"] = names.get(r["code"], r["code"])
    return {"role": role, "filters": f.active(), "rows": rows}


def places(s: Session, f: Filters) -> dict:
    cond, params = where(f)
    rows = s.rows(f"""
        SELECT CASE WHEN latitude IS NOT NULL THEN place_name END AS place,
               coalesce(nullif(place_country, ''), nullif(target_country, ''), left(target, 3)) AS country,
               round(avg(latitude), 4) AS lat, round(avg(longitude), 4) AS lon,
               count(*) AS events, round(avg(goldstein), 3) AS goldstein
        FROM events WHERE target IS NOT NULL AND target <> '' AND {cond}
        GROUP BY 1, 2 ORDER BY events DESC, country LIMIT 500""", params)
    return {"filters": f.active(),
            "basis": "the event's coded place; else the target country's centroid (approximate)", "rows": rows}


def summary(s: Session, f: Filters) -> dict:
    counts = {t: s.scalar(f"SELECT count(*) FROM {t}")
              for t in ("documents", "sentences", "events", "actors", "clusters", "rejects")}
    span = s.one("SELECT min(date) AS first, max(date) AS last FROM events")
    cond, params = where(f)
    matched = s.one(f"SELECT count(*) AS events, count(DISTINCT doc_id) AS documents, "
                    f"round(avg(goldstein), 3) AS goldstein FROM events WHERE {cond}", params)
    version = s.scalar("SELECT value FROM meta WHERE key = 'schema_version'")
    return {"counts": counts, "dates": span, "filters": f.active(), "matching": matched,
            "schema_version": version}
