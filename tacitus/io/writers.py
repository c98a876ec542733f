"""Write events as JSON Lines or CSV (the table view lives in the CLI)."""
from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import TextIO

from ..events.event import Event

EVENT_COLUMNS = Event.field_names()


def write_jsonl(events: Iterable[Event], out: TextIO) -> int:
    n = 0
    for e in events:
        out.write(json.dumps(e.to_dict(), ensure_ascii=False) + "\n")
        n += 1
    return n


class CsvEventWriter:
    """CSV with a header written once, so events can be streamed document by document."""

    def __init__(self, out: TextIO):
        self._writer = csv.DictWriter(out, fieldnames=EVENT_COLUMNS, extrasaction="ignore")
        self._header = False

    def write(self, events: Iterable[Event]) -> int:
        if not self._header:
            self._writer.writeheader()
            self._header = True
        n = 0
        for e in events:
            self._writer.writerow(e.to_dict())
            n += 1
        return n


def write_csv(events: Iterable[Event], out: TextIO) -> int:
    return CsvEventWriter(out).write(events)
