"""Plain data types of the actor layer."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Role:
    """One office a person held: the code it gives and the dates it held."""

    code: str
    title: str
    start: dt.date | None = None
    end: dt.date | None = None

    def holds_on(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Person:
    name: str
    aliases: tuple[str, ...]
    roles: tuple[Role, ...]

    def role_on(self, day: dt.date | None) -> Role | None:
        """The role held on ``day``; without a date, the most recent role.

        When several roles hold on the same day (a prime minister who is also
        foreign minister) the one that started last wins: it is usually the
        one the news is about.
        """
        if not self.roles:
            return None
        if day is None:
            return self.roles[-1]
        holding = [r for r in self.roles if r.holds_on(day)]
        if not holding:
            return None
        return max(holding, key=lambda r: r.start or dt.date.min)


@dataclass(frozen=True)
class DictionaryEntry:
    """One phrase of the actor dictionary and what it stands for.

    ``kind`` is one of ``country`` (the country's name), ``adjective``
    (demonym adjective), ``people`` (plural demonym), ``capital``, ``seat`` and ``region``
    (metonyms for the government), ``organisation`` and ``person``.
    """

    phrase: str
    kind: str
    code: str
    name: str
    person: Person | None = None
    source: str = ""


@dataclass
class Actor:
    """An actor as coded in one event, with how it was resolved."""

    code: str
    text: str
    start: int  # character offsets in the document
    end: int
    name: str = ""
    country: str = ""
    role: str = ""
    how: str = ""  # dictionary, person, role+country, title, appositive, organisation, proxy
    token_start: int = field(default=-1, repr=False)
    token_end: int = field(default=-1, repr=False)

    @property
    def principal(self) -> str:
        code = self.code
        if code.startswith("IGO"):  # IGOMEAARL -> ARL: the last organisation named
            return code[-3:] if len(code) >= 6 else "IGO"
        if code.startswith(("NGO", "IMG")):
            return code
        return code[:3]
