"""Write events in the GDELT 1.0 event layout, so GDELT tools and loaders read Tacitus output unchanged.

The layout is GDELT's daily-file one: 58 tab-separated fields, no header row, one event per line. See
docs/exports.md for the column mapping and the choices for the fields Tacitus cannot fill.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TextIO

from ..store import Store
from .selection import (ExportResult, ProgressCallback, Selection, actor_parts, clean, number, stable_event_id,
                        write_tsv)

_ACTOR_FIELDS = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
                 "Type1Code", "Type2Code", "Type3Code"]
_GEO1 = ["Type", "FullName", "CountryCode", "ADM1Code", "Lat", "Long", "FeatureID"]
_GEO2 = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]

GDELT1_COLUMNS: list[str] = (
    ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
    + [f"Actor1{f}" for f in _ACTOR_FIELDS] + [f"Actor2{f}" for f in _ACTOR_FIELDS]
    + ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
       "NumMentions", "NumSources", "NumArticles", "AvgTone"]
    + [f"{who}Geo_{f}" for who in ("Actor1", "Actor2", "Action") for f in _GEO1]
    + ["DATEADDED", "SOURCEURL"]
)
"""The 58 columns of a GDELT 1.0 daily event file, in file order."""

GDELT2_COLUMNS: list[str] = (
    GDELT1_COLUMNS[:35]
    + [f"{who}Geo_{f}" for who in ("Actor1", "Actor2", "Action") for f in _GEO2]
    + ["DATEADDED", "SOURCEURL"]
)
"""The 61 columns of a GDELT 2.0 event file: 1.0 plus an ADM2Code after each ADM1Code."""


def fraction_date(day: dt.date) -> str:
    """GDELT's YYYY.FFFF: the year plus the share of it completed by that day (capped at .9999)."""
    return f"{day.year + min(day.timetuple().tm_yday / 365, 0.9999):.4f}"


def _actor(row: dict, side: str) -> list[str]:
    code = row.get(side) or ""
    country, group, role = actor_parts(code, row.get(f"{side}_country"), row.get(f"{side}_role"))
    name = row.get(f"{side}_name") or row.get(f"{side}_text") or ""
    return [clean(code), clean(name), country, group, "", "", "", clean(role), "", ""]


_GEO_TYPES = {"country": "1", "region": "5", "city": "4"}


def action_geo_fields(row: dict) -> list[str] | None:
    """ActionGeo_* from the event's place: Type (1 country, 3 US city, 4 world city, 5 region), FullName,
    CountryCode, ADM1Code, Lat, Long, FeatureID. The country code is ISO3 (Tacitus's codes), not GDELT's FIPS."""
    if row.get("latitude") is None or not row.get("place_name"):
        return None
    kind = _GEO_TYPES.get(row.get("place_precision") or "", "4")
    if kind == "4" and row.get("place_country") == "USA":
        kind = "3"
    return [kind, clean(row["place_name"]), row.get("place_country") or "", "", number(row["latitude"]),
            number(row["longitude"]), ""]


def gdelt_row(row: dict) -> list[str]:
    """The 58 GDELT 1.0 fields of one selected event row (see ``selection.iter_rows``)."""
    day: dt.date | None = row.get("date")
    code = row.get("code") or ""
    added = row.get("doc_ingested_at")
    no_geo = ["0", "", "", "", "", "", ""]  # GDELT writes Geo_Type 0 when it has no location
    action_geo = action_geo_fields(row) or no_geo
    return (
        [str(stable_event_id(row["event_id"])),
         day.strftime("%Y%m%d") if day else "", day.strftime("%Y%m") if day else "",
         str(day.year) if day else "", fraction_date(day) if day else ""]
        + _actor(row, "source") + _actor(row, "target")
        + ["1" if row.get("is_root_event") else "0", code, row.get("base_code") or code[:3],
           row.get("root_code") or code[:2], "" if row.get("quad_class") is None else str(row["quad_class"]),
           number(row.get("goldstein")),
           str(row.get("num_mentions") or 1), str(row.get("num_sources") or 1), str(row.get("num_articles") or 1),
           ""]  # AvgTone: Tacitus measures no tone; empty, because 0 would claim a neutral tone
        + no_geo * 2 + action_geo
        + [added.strftime("%Y%m%d") if added else "", clean(row.get("doc_url") or row.get("doc_id"))]
    )


def write_gdelt(store: Store, out: str | Path | TextIO, start=None, end=None, dedupe: bool = False,
                header: bool = False, on_progress: ProgressCallback | None = None) -> ExportResult:
    """Write the selected events as a GDELT 1.0 event file (tab-separated, no header unless ``header``)."""
    return write_tsv(store, out, Selection.of(start, end, dedupe), GDELT1_COLUMNS if header else None, gdelt_row,
                     on_progress)
