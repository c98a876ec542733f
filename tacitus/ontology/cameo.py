"""Load the CAMEO 1.1b3 code table shipped as ``data/cameo/cameo_codes.tsv``.

The table is plain TSV so analysts can read and correct it; every code carries
its Goldstein value and QuadClass (as GDELT uses them) and its PLOVER mapping.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import DataFileError, UnknownCodeError

QUAD_CLASS_NAMES = {
    1: "Verbal Cooperation",
    2: "Material Cooperation",
    3: "Verbal Conflict",
    4: "Material Conflict",
}

_COLUMNS = ["code", "name", "goldstein", "quad_class", "plover_event", "plover_mode", "plover_context"]


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    quad_class: int
    plover_event: str = ""
    plover_mode: str = ""
    plover_context: str = ""

    @property
    def root(self) -> str:
        return self.code[:2]

    @property
    def parent(self) -> str | None:
        """The code one level up: 0241 -> 024 -> 02 -> None."""
        if len(self.code) == 4:
            return self.code[:3]
        if len(self.code) == 3:
            return self.code[:2]
        return None

    @property
    def quad_class_name(self) -> str:
        return QUAD_CLASS_NAMES[self.quad_class]


class CameoTable:
    """All CAMEO codes, looked up by code string (``"0241"``) or by name."""

    def __init__(self, codes: dict[str, CameoCode]):
        self._codes = codes
        self._by_name = {c.name.lower(): c for c in codes.values()}

    def __contains__(self, code: str) -> bool:
        return str(code) in self._codes

    def __len__(self) -> int:
        return len(self._codes)

    def __iter__(self):
        return iter(self._codes.values())

    def get(self, code: str) -> CameoCode | None:
        return self._codes.get(str(code))

    def __getitem__(self, code: str) -> CameoCode:
        found = self.lookup(code)
        if found is None:
            raise UnknownCodeError(
                f"'{code}' is not a CAMEO 1.1b3 code or name; try `tacitus explain --list`."
            )
        return found

    def lookup(self, key: str) -> CameoCode | None:
        """Find a code by its digits (``"129"``, ``"0241"``) or its name (``"veto"``)."""
        key = str(key).strip()
        if key in self._codes:
            return self._codes[key]
        if key.isdigit() and len(key) == 1:
            return self._codes.get("0" + key)
        return self._by_name.get(key.lower())

    def children(self, code: str) -> list[CameoCode]:
        return [c for c in self._codes.values() if c.parent == code]


def _read_table(path: Path | str, text: str) -> dict[str, CameoCode]:
    rows: dict[str, CameoCode] = {}
    lines = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip() and not line.startswith("#")]
    if not lines:
        raise DataFileError(f"{path}: the CAMEO table is empty.")
    header = lines[0][1].split("\t")
    if header[: len(_COLUMNS)] != _COLUMNS:
        raise DataFileError(f"{path}:{lines[0][0]}: expected the columns {_COLUMNS}, found {header}.")
    for lineno, line in lines[1:]:
        fields = next(csv.reader([line], delimiter="\t"))
        fields += [""] * (len(_COLUMNS) - len(fields))
        code, name, goldstein, quad, *plover = fields[: len(_COLUMNS)]
        try:
            entry = CameoCode(code.strip(), name.strip(), float(goldstein), int(quad), *[p.strip() for p in plover])
        except ValueError as exc:
            raise DataFileError(f"{path}:{lineno}: cannot read this row ({exc}): {line!r}") from exc
        if not (code.isdigit() and 2 <= len(code) <= 4):
            raise DataFileError(f"{path}:{lineno}: '{code}' is not a CAMEO code (2-4 digits).")
        if entry.quad_class not in QUAD_CLASS_NAMES:
            raise DataFileError(f"{path}:{lineno}: QuadClass must be 1-4, found {entry.quad_class}.")
        if code in rows:
            raise DataFileError(f"{path}:{lineno}: code {code} appears twice.")
        rows[code] = entry
    return rows


@lru_cache(maxsize=1)
def load_cameo_table() -> CameoTable:
    """The packaged CAMEO table (cached: it never changes while a program runs)."""
    res = resources.files("tacitus") / "data" / "cameo" / "cameo_codes.tsv"
    return CameoTable(_read_table("tacitus/data/cameo/cameo_codes.tsv", res.read_text(encoding="utf-8")))


def explain(code: str) -> str:
    """One-paragraph description of a CAMEO code (or a PLOVER event type), like ``spacy.explain``."""
    table = load_cameo_table()
    key = code.strip()
    plover = {c.plover_event for c in table}
    if key.upper() in plover and (key.isupper() or table.lookup(key) is None):  # "ASSAULT" is PLOVER's
        return _explain_plover(table, key.upper())
    c = table[code]
    parent = table.get(c.parent) if c.parent else None
    lines = [
        f"{c.code}  {c.name}",
        f"  Goldstein:  {c.goldstein:+.1f}",
        f"  QuadClass:  {c.quad_class} ({c.quad_class_name})",
        f"  Parent:     {parent.code + '  ' + parent.name if parent else '(root)'}",
    ]
    if c.plover_event:
        plover = c.plover_event + "".join(f" / {x}" for x in (c.plover_mode, c.plover_context) if x)
        lines.append(f"  PLOVER:     {plover}")
    kids = table.children(c.code)
    if kids:
        lines.append("  Children:   " + ", ".join(f"{k.code} {k.name}" for k in kids))
    return "\n".join(lines)


def _explain_plover(table: CameoTable, event: str) -> str:
    codes = [c for c in table if c.plover_event == event]
    quads = sorted({c.quad_class for c in codes})
    modes = sorted({c.plover_mode for c in codes if c.plover_mode})
    contexts = sorted({x.strip() for c in codes for x in c.plover_context.split(";") if x.strip()})
    lines = [f"{event}  (PLOVER event type)",
             f"  QuadClass:  {', '.join(f'{q} ({QUAD_CLASS_NAMES[q]})' for q in quads)}",
             f"  Modes:      {', '.join(modes) or '-'}",
             f"  Contexts:   {', '.join(contexts) or '-'}",
             "  CAMEO:      " + ", ".join(f"{c.code} {c.name}" for c in codes[:12])
             + (f" (+{len(codes) - 12} more)" if len(codes) > 12 else "")]
    return "\n".join(lines)
