"""Write events as an ICEWS-style coded-event file, so analyses written for ICEWS (R ``icews``) can run.

ICEWS files are tab-separated with a header row; countries are full names and sectors are words, not codes.
Tacitus has no places yet, so the six location columns are empty.
"""
from __future__ import annotations

from pathlib import Path
from typing import TextIO

from ..store import Store
from .selection import (ExportResult, ProgressCallback, Selection, actor_parts, clean, country_names, iso, number,
                        stable_event_id, write_tsv)

ICEWS_COLUMNS: list[str] = [
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text", "CAMEO Code",
    "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID", "Sentence Number", "Publisher",
    "City", "District", "Province", "Country", "Latitude", "Longitude",
]

# CAMEO role (and organisation-type) codes -> ICEWS-like sector words. Unknown codes are written as they are.
SECTOR_NAMES: dict[str, str] = {
    "GOV": "Government", "MIL": "Military", "REB": "Rebels", "OPP": "Opposition", "PTY": "Parties",
    "LEG": "Legislative / Parliamentary", "JUD": "Judicial", "COP": "Police", "SPY": "Intelligence",
    "BUS": "Business", "MED": "Media", "CVL": "General Population / Civilian / Social", "REF": "Refugees",
    "HRI": "Human Rights", "EDU": "Education", "HLH": "Health", "LAB": "Labor", "REL": "Religious",
    "IGO": "International Government Organization", "NGO": "Nongovernmental Organization",
    "IMG": "International Militarized Group", "MNC": "Multinational Corporation", "CRM": "Criminal",
    "ELI": "Elite", "AGR": "Agriculture", "ENV": "Environment", "UAF": "Unaligned Armed Forces",
    "SEP": "Separatists", "INS": "Insurgents",
}


def _actor(row: dict, side: str) -> list[str]:
    code = row.get(side) or ""
    country, _, role = actor_parts(code, row.get(f"{side}_country"), row.get(f"{side}_role"))
    name = row.get(f"{side}_name") or row.get(f"{side}_text") or code
    return [clean(name), SECTOR_NAMES.get(role, role), country_names().get(country, country)]


def icews_row(row: dict) -> list[str]:
    """The 20 ICEWS fields of one selected event row."""
    sentence = row.get("sentence_index")
    source_name, source_sectors, source_country = _actor(row, "source")
    target_name, target_sectors, target_country = _actor(row, "target")
    return [
        str(stable_event_id(row["event_id"])), iso(row.get("date")),
        source_name, source_sectors, source_country,
        clean(row.get("event_name")), row.get("code") or "", number(row.get("goldstein")),
        target_name, target_sectors, target_country,
        clean(row.get("doc_id")), "" if sentence is None else str(sentence + 1), clean(row.get("doc_source")),
        *_place(row),
    ]


def _place(row: dict) -> list[str]:
    """City, District, Province, Country, Latitude, Longitude from the event's place (empty when unknown)."""
    if not row.get("place_name"):
        return ["", "", "", "", "", ""]
    precision = row.get("place_precision")
    city = clean(row["place_name"]) if precision == "city" else ""
    province = clean(row["place_name"]) if precision == "region" else ""
    country = country_names().get(row.get("place_country") or "", row.get("place_country") or "")
    return [city, "", province, clean(country), number(row.get("latitude")), number(row.get("longitude"))]


def write_icews(store: Store, out: str | Path | TextIO, start=None, end=None, dedupe: bool = False,
                on_progress: ProgressCallback | None = None) -> ExportResult:
    """Write the selected events as an ICEWS-style TSV with its header row."""
    return write_tsv(store, out, Selection.of(start, end, dedupe), ICEWS_COLUMNS, icews_row, on_progress)
