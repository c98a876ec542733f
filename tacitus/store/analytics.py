"""Analytics over a store: dyad counts, top actors, timelines, the actor network, event clusters.

Every function reads the events table with parameterised SQL and returns a pandas DataFrame (or a networkx
graph), so it serves the CLI, the web API and notebooks alike. ``dedupe=True`` counts one event per cluster
(see ``rebuild_clusters``) instead of every report.
"""
from __future__ import annotations

import datetime as dt

from .store import Store, StoreError

PERIODS = {"day", "week", "month", "year"}


def _period(period: str) -> str:
    if period not in PERIODS:
        raise StoreError(f"period must be one of {sorted(PERIODS)}, not '{period}'")
    return period


def event_conditions(start=None, end=None, actor=None, source=None, target=None,
                     dyad: tuple[str, str] | None = None, code=None) -> tuple[list[str], list]:
    """SQL conditions on the events table and their parameters, shared by the analytics, the CLI and the web API.

    Actor codes match by prefix (RUS matches RUSGOV, RUSMIL ...); ``dyad`` is (source prefix, target prefix).
    """
    clauses, params = [], []
    if start:
        clauses.append("date >= ?")
        params.append(_as_date(start))
    if end:
        clauses.append("date <= ?")
        params.append(_as_date(end))
    if actor:
        clauses.append("(starts_with(source, ?) OR starts_with(target, ?))")
        params += [actor.upper(), actor.upper()]
    for column, prefix in (("source", source), ("target", target), *zip(("source", "target"), dyad or ())):
        if prefix:
            clauses.append(f"starts_with({column}, ?)")
            params.append(prefix.upper())
    if code:
        clauses.append("starts_with(code, ?)")
        params.append(str(code))
    return clauses, params


def _filters(start=None, end=None, source=None, target=None, actor=None, dyad=None, code=None,
             dedupe: bool = False) -> tuple[str, list]:
    """A WHERE clause and its parameters for the analytics (``dyad`` as "SOURCE:TARGET")."""
    if dyad and ":" not in dyad:
        raise StoreError(f"a dyad is SOURCE:TARGET (e.g. RUS:SYR), not '{dyad}'")
    clauses, params = event_conditions(start, end, actor, source, target,
                                       tuple(dyad.split(":", 1)) if dyad else None, code)
    if dedupe:
        clauses.append("(cluster_id IS NULL OR event_id IN (SELECT root_event_id FROM clusters))")
    return " AND ".join(["1=1", *clauses]), params


def _as_date(value) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise StoreError(f"'{value}' is not a date (YYYY-MM-DD)") from exc


def dyads(store: Store, period: str = "month", dedupe: bool = False, **filters):
    """Source x target x period: event count, Goldstein sum and mean, QuadClass counts."""
    where, params = _filters(dedupe=dedupe, **filters)
    return store.query_df(f"""
        SELECT source, target, date_trunc('{_period(period)}', date)::DATE AS period,
               count(*) AS events, round(sum(goldstein), 2) AS goldstein_sum,
               round(avg(goldstein), 2) AS goldstein_mean,
               count(*) FILTER (WHERE quad_class = 1) AS q1, count(*) FILTER (WHERE quad_class = 2) AS q2,
               count(*) FILTER (WHERE quad_class = 3) AS q3, count(*) FILTER (WHERE quad_class = 4) AS q4
        FROM events WHERE {where}
        GROUP BY ALL ORDER BY period, events DESC, source, target""", params)


def actors_top(store: Store, n: int = 20, side: str = "any", dedupe: bool = False, **filters):
    """The most active actors (as source, target or either), with their names."""
    if side not in ("any", "source", "target"):
        raise StoreError("side must be any, source or target")
    where, params = _filters(dedupe=dedupe, **filters)
    parts = []
    if side in ("any", "source"):
        parts.append(f"SELECT source AS code, source_name AS name FROM events WHERE {where}")
    if side in ("any", "target"):
        parts.append(f"SELECT target AS code, target_name AS name FROM events WHERE {where}")
    all_params = params * len(parts)
    return store.query_df(f"""
        SELECT code, mode(name) AS name, count(*) AS events
        FROM ({' UNION ALL '.join(parts)}) GROUP BY code ORDER BY events DESC, code LIMIT ?""",
                          all_params + [int(n)])


def timeline(store: Store, period: str = "month", dedupe: bool = False, **filters):
    """Per period: event count, mean Goldstein and QuadClass counts (for a dyad, an actor, or everything)."""
    where, params = _filters(dedupe=dedupe, **filters)
    return store.query_df(f"""
        SELECT date_trunc('{_period(period)}', date)::DATE AS period, count(*) AS events,
               round(avg(goldstein), 2) AS goldstein_mean,
               count(*) FILTER (WHERE quad_class = 1) AS q1, count(*) FILTER (WHERE quad_class = 2) AS q2,
               count(*) FILTER (WHERE quad_class = 3) AS q3, count(*) FILTER (WHERE quad_class = 4) AS q4
        FROM events WHERE {where} GROUP BY ALL ORDER BY period""", params)


def network(store: Store, min_events: int = 1, dedupe: bool = False, **filters):
    """The weighted, directed actor graph (networkx): edge weight = events, plus mean Goldstein."""
    import networkx as nx

    where, params = _filters(dedupe=dedupe, **filters)
    _, rows = store.query(f"""
        SELECT source, target, count(*) AS events, avg(goldstein) AS goldstein_mean,
               any_value(source_name), any_value(target_name)
        FROM events WHERE {where} GROUP BY source, target HAVING count(*) >= ?""", params + [int(min_events)])
    graph = nx.DiGraph()
    for source, target, n, mean, sname, tname in rows:
        graph.add_node(source, name=sname or source)
        graph.add_node(target, name=tname or target)
        graph.add_edge(source, target, weight=int(n), goldstein_mean=round(float(mean), 2))
    return graph


def rebuild_clusters(store: Store, window_days: int = 3) -> int:
    """Link reports of one event: same source, target and code, dates within ``window_days`` of the previous
    report. Fills the clusters table (mentions, articles, sources, earliest report as root) and
    events.cluster_id. Raw events always stay. Returns the number of clusters."""
    con = store.con
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM clusters")
        con.execute("UPDATE events SET cluster_id = NULL")
        con.execute("""
            CREATE OR REPLACE TEMP TABLE _chain AS
            SELECT event_id, source, target, code, date,
                   sum(CASE WHEN prev IS NULL OR date - prev > ? THEN 1 ELSE 0 END)
                       OVER (PARTITION BY source, target, code ORDER BY date, event_id) AS chain
            FROM (SELECT event_id, source, target, code, date,
                         lag(date) OVER (PARTITION BY source, target, code ORDER BY date, event_id) AS prev
                  FROM events WHERE date IS NOT NULL)""", [int(window_days)])
        con.execute("""
            CREATE OR REPLACE TEMP TABLE _cid AS
            SELECT event_id, source || '|' || target || '|' || code || '|' ||
                   strftime(min(date) OVER (PARTITION BY source, target, code, chain), '%Y%m%d') AS cluster_id
            FROM _chain""")
        con.execute("UPDATE events SET cluster_id = _cid.cluster_id FROM _cid WHERE events.event_id = _cid.event_id")
        con.execute("""
            INSERT INTO clusters
            SELECT e.cluster_id, min(e.source), min(e.target), min(e.code),
                   min(e.root_code), min(e.date), max(e.date), count(*), count(DISTINCT e.doc_id),
                   count(DISTINCT coalesce(d.source, d.doc_id)),
                   arg_min(e.event_id, (e.date, e.event_id)),
                   min(e.goldstein), min(e.quad_class)
            FROM events e LEFT JOIN documents d USING (doc_id)
            WHERE e.cluster_id IS NOT NULL GROUP BY e.cluster_id""")
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return con.execute("SELECT count(*) FROM clusters").fetchone()[0]
