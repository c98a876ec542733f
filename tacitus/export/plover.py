"""Write events as PLOVER JSON Lines records (the PLOVER manual's "Data Fields"), one event a line.

CAMEO roots 01 (make public statement) and 02 (appeal) have no PLOVER category: those events, and any other
event without a PLOVER type, are skipped and counted in the result rather than given a made-up category.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import TextIO

from .. import __version__
from ..store import Store
from .selection import (ExportResult, ProgressCallback, Selection, actor_parts, iso, iter_rows, open_text)

CODEBOOK = "CAMEO 1.1b3 via the CAMEO2PLOVER 2021 crosswalk"

# PLOVER's own quad class per category (manual chapter headings); it differs from CAMEO's for a few codes.
PLOVER_QUAD: dict[str, int] = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), 1),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT"), 2),
    **dict.fromkeys(("REQUEST", "ACCUSE", "REJECT", "THREATEN"), 3),
    **dict.fromkeys(("PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"), 4),
}


def _entity(row: dict, side: str) -> dict:
    code = row.get(side) or ""
    country, _, sector = actor_parts(code, row.get(f"{side}_country"), row.get(f"{side}_role"))
    entity = {"code": country or code[:3], "sector": sector, "entity_text": row.get(f"{side}_text") or "",
              "identifier_text": row.get(f"{side}_name") or "", "cameo_code": code}
    start = row.get(f"{side}_start")
    if start is not None and start >= 0:
        entity["text_info"] = {"start": start, "end": row.get(f"{side}_end")}
    return entity


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(",") if v.strip()]


def plover_record(row: dict) -> dict | None:
    """The PLOVER record of one selected event row, or None when its CAMEO code has no PLOVER type."""
    category = row.get("plover_event") or ""
    if not category:
        return None
    added = row.get("doc_ingested_at")
    record = {
        "id": row["event_id"],
        "has_event": True,
        "date": iso(row.get("date")),
        "actor": [_entity(row, "source")],
        "recipient": [_entity(row, "target")],
        "event": [category],
        "event_text": [row["verb"]] if row.get("verb") else [],
        "quad_code": PLOVER_QUAD.get(category, row.get("quad_class")),
        "mode": _split(row.get("plover_mode")),
        "context": _split(row.get("plover_context")),
        "text": row.get("sentence") or "",
        "text_info": {"sequence": row.get("sentence_index"), "start": row.get("sentence_start"),
                      "end": row.get("sentence_end")},
        "cite_info": {"corpus": "tacitus", "citation": row.get("doc_id"), "url": row.get("doc_url") or "",
                      "title": row.get("doc_title") or "", "publication": row.get("doc_source") or "",
                      "language": "en", "codebook": CODEBOOK, "coder": "tacitus", "version": __version__},
        "coder": f"tacitus {__version__}",
        "coded_date": iso(added),
        "doc_id": row.get("doc_id"),
        "cameo": {"code": row.get("code"), "goldstein": row.get("goldstein"), "quad_class": row.get("quad_class"),
                  "rule": row.get("rule") or ""},
        "num_mentions": row.get("num_mentions") or 1,
    }
    return record


def write_plover(store: Store, out: str | Path | TextIO, start=None, end=None, dedupe: bool = False,
                 on_progress: ProgressCallback | None = None) -> ExportResult:
    """Write the selected events as PLOVER JSON Lines; ``result.skipped`` counts skipped events by CAMEO root."""
    sel = Selection.of(start, end, dedupe)
    result = ExportResult(path=str(out) if not hasattr(out, "write") else "")
    seen = 0
    with open_text(out) as fh:
        for row in iter_rows(store, sel):
            seen += 1
            record = plover_record(row)
            if record is None:
                key = row.get("root_code") or (row.get("code") or "")[:2]
                result.skipped[key] = result.skipped.get(key, 0) + 1
            else:
                fh.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
                result.rows += 1
            if on_progress and seen % 1000 == 0:
                on_progress(seen)
    if on_progress:
        on_progress(seen)
    return result
