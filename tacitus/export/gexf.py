"""Write the weighted actor graph as GEXF 1.3, the native format of Gephi.

Nodes are actor codes; a directed edge source -> target carries weight = number of events and the mean
Goldstein value of those events, so Gephi can size edges by volume and colour them by cooperation/conflict.
Written with xml.etree: networkx's GEXF writer stops at version 1.2draft.
"""
from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

import duckdb

from .. import __version__
from ..store import Store
from .selection import ExportError, ExportResult, Selection, actor_parts, country_names, selection_sql

GEXF_NS = "http://gexf.net/1.3"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"

NODE_ATTRIBUTES = [("name", "string"), ("country", "string"), ("country_name", "string"), ("sector", "string"),
                   ("events_as_source", "integer"), ("events_as_target", "integer")]
EDGE_ATTRIBUTES = [("mean_goldstein", "double"), ("first_date", "string"), ("last_date", "string")]


def graph_data(store: Store, sel: Selection) -> tuple[list[tuple], list[tuple]]:
    """(nodes, edges) of the selected events.

    nodes: (code, most frequent name, country, role, events as source, events as target);
    edges: (source, target, count, mean Goldstein, first date, last date).
    """
    sql, params = selection_sql(sel)
    edges_sql = f"""SELECT source, target, count(*), avg(goldstein), min(date), max(date) FROM ({sql})
                    WHERE coalesce(source, '') <> '' AND coalesce(target, '') <> ''
                    GROUP BY source, target ORDER BY source, target"""
    nodes_sql = f"""WITH sel AS ({sql}), sides AS (
            SELECT source AS code, source_name AS name, source_country AS country, source_role AS role,
                   1 AS s, 0 AS t FROM sel WHERE coalesce(target, '') <> ''
            UNION ALL
            SELECT target, target_name, target_country, target_role, 0, 1 FROM sel
            WHERE coalesce(source, '') <> '')
        SELECT code, mode(nullif(name, '')), mode(nullif(country, '')), mode(nullif(role, '')),
               sum(s)::INTEGER, sum(t)::INTEGER
        FROM sides WHERE coalesce(code, '') <> '' GROUP BY code ORDER BY code"""
    try:
        cursor = store.con.cursor()
        edges = cursor.execute(edges_sql, params).fetchall()
        nodes = cursor.execute(nodes_sql, params + params).fetchall()
        cursor.close()
    except duckdb.Error as exc:
        raise ExportError(f"cannot read the actor graph: {exc}") from exc
    return nodes, edges


def _attributes(parent: ET.Element, cls: str, attributes: list[tuple[str, str]]) -> None:
    block = ET.SubElement(parent, "attributes", {"class": cls, "mode": "static"})
    for i, (title, kind) in enumerate(attributes):
        ET.SubElement(block, "attribute", {"id": str(i), "title": title, "type": kind})


def _attvalues(parent: ET.Element, values: list) -> None:
    block = ET.SubElement(parent, "attvalues")
    for i, value in enumerate(values):
        if value is not None and value != "":
            ET.SubElement(block, "attvalue", {"for": str(i), "value": str(value)})


def build_gexf(nodes: list[tuple], edges: list[tuple]) -> ET.ElementTree:
    """The GEXF document for graph_data's nodes and edges."""
    ET.register_namespace("", GEXF_NS)
    ET.register_namespace("xsi", XSI_NS)
    root = ET.Element(f"{{{GEXF_NS}}}gexf", {"version": "1.3",
                                             f"{{{XSI_NS}}}schemaLocation": f"{GEXF_NS} {GEXF_NS}/gexf.xsd"})
    meta = ET.SubElement(root, "meta", {"lastmodifieddate": dt.date.today().isoformat()})
    ET.SubElement(meta, "creator").text = f"Tacitus {__version__}"
    ET.SubElement(meta, "description").text = "Actor graph: edge weight = events, mean_goldstein = mean Goldstein"
    graph = ET.SubElement(root, "graph", {"defaultedgetype": "directed", "mode": "static"})
    _attributes(graph, "node", NODE_ATTRIBUTES)
    _attributes(graph, "edge", EDGE_ATTRIBUTES)
    node_block = ET.SubElement(graph, "nodes")
    for code, name, country, role, n_source, n_target in nodes:
        country, _, sector = actor_parts(code, country, role)
        node = ET.SubElement(node_block, "node", {"id": code, "label": code})
        _attvalues(node, [name or "", country, country_names().get(country, ""), sector, n_source, n_target])
    edge_block = ET.SubElement(graph, "edges")
    for i, (source, target, count, mean, first, last) in enumerate(edges):
        edge = ET.SubElement(edge_block, "edge", {"id": str(i), "source": source, "target": target,
                                                  "weight": str(count)})
        _attvalues(edge, [None if mean is None else round(mean, 4), first and first.isoformat(),
                          last and last.isoformat()])
    for element in root.iter():  # children inherit the default namespace
        if not element.tag.startswith("{"):
            element.tag = f"{{{GEXF_NS}}}{element.tag}"
    ET.indent(root)
    return ET.ElementTree(root)


def write_gexf(store: Store, path: str | Path, start=None, end=None, dedupe: bool = False) -> ExportResult:
    """Write the actor graph of the selected events as a GEXF 1.3 file; ``rows`` counts the edges."""
    nodes, edges = graph_data(store, Selection.of(start, end, dedupe))
    tree = build_gexf(nodes, edges)
    try:
        tree.write(str(path), encoding="UTF-8", xml_declaration=True)
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror}") from exc
    return ExportResult(rows=len(edges), path=str(path), skipped={})
