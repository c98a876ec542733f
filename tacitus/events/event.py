"""The Event record: one coded event with its provenance."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields


@dataclass
class Event:
    """One dyadic event: who did what to whom, where in which article, and why it was coded.

    Character offsets (``*_start``/``*_end``) are into the article text, so a
    user can highlight the sentence, the actors and the verb.
    """

    doc_id: str
    sentence_index: int
    sentence: str
    sentence_start: int
    sentence_end: int
    source: str
    source_text: str
    target: str
    target_text: str
    code: str
    root_code: str
    event_name: str
    goldstein: float
    quad_class: int
    rule: str
    date: str | None = None  # the event's date: a date expression in the sentence, else the article date
    date_precision: str = ""  # day, week, month, year, article (the article date was used) or none
    verb: str = ""
    verb_start: int = -1
    verb_end: int = -1
    source_start: int = -1
    source_end: int = -1
    target_start: int = -1
    target_end: int = -1
    source_name: str = ""
    target_name: str = ""
    source_country: str = ""
    source_role: str = ""
    target_country: str = ""
    target_role: str = ""
    source_resolution: str = ""
    target_resolution: str = ""
    place_name: str = ""  # where the event happened, from a location phrase in the sentence
    place_country: str = ""
    latitude: float | None = None
    longitude: float | None = None
    place_precision: str = ""  # city, region or country
    killed: int | None = None  # casualty counts read from the sentence (violent events only)
    wounded: int | None = None
    arrested: int | None = None
    casualties_at_least: bool = False  # a count is a lower bound ("at least 10", "dozens")
    modality: str = ""  # "" for a reported fact; "stated-intent" for "X said it would ..." / "ready to ..."
    quote: bool = False  # the event was coded from inside a direct quotation
    speaker: str = ""  # ... then the code of its speaker
    speaker_text: str = ""
    plover_event: str = ""
    plover_mode: str = ""
    plover_context: str = ""
    extras: dict = field(default_factory=dict, repr=False)

    def to_dict(self) -> dict:
        """A flat, JSON-ready dict (``extras`` merged in)."""
        d = asdict(self)
        extras = d.pop("extras") or {}
        d.update(extras)
        return d

    @classmethod
    def field_names(cls) -> list[str]:
        return [f.name for f in fields(cls) if f.name != "extras"]
