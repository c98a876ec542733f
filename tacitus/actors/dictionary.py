"""The actor dictionary: countries, organisations, people and role nouns.

All of it is package data in YAML (``tacitus/data/actors``) that users can read
and extend; a user file passed with ``--actors FILE`` adds to it. Every file is
validated on load and a problem names the file and the entry.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from importlib import resources
from pathlib import Path


from ..datafile import load_yaml, string_list
from ..errors import DataFileError
from .types import DictionaryEntry, Person, Role

_CODE = re.compile(r"^[A-Z][A-Z0-9]{2,11}$")
SECTORS = {"GOV", "MIL", "REB", "OPP", "PTY", "LEG", "JUD", "COP", "SPY", "BUS", "MED", "CVL",
           "REF", "HRI", "EDU", "HLH", "LAB", "REL", "NGO", "IGO", "MNC", "AGR", "ELI", "UAF"}
ORG_KINDS = {"igo", "ngo", "armed_group", "party", "national_body"}


def _name_key(name: str) -> str:
    """Accent- and case-insensitive key, so "Horst Köhler" in two files is one person."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower().strip()


def _date(value, where: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise DataFileError(f"{where}: '{value}' is not a date (YYYY-MM-DD).") from exc


def _code(value, where: str) -> str:
    if not isinstance(value, str) or not _CODE.match(value):
        raise DataFileError(f"{where}: '{value}' is not an actor code (3-12 capital letters or digits).")
    return value


class ActorDictionary:
    """Everything Tacitus knows about actors, indexed for matching and resolution."""

    def __init__(self) -> None:
        self.entries: list[DictionaryEntry] = []
        self.people: list[Person] = []
        self.roles: dict[str, str] = {}  # role noun lemma (1-2 words) -> sector code
        self.proxies: set[str] = set()
        self.short_forms: dict[str, str] = {}  # "the league" -> IGOARL (for coreference)
        self.countries: dict[str, str] = {}  # ISO3 -> name
        self.sources: list[str] = []
        self._people_by_key: dict[str, Person] = {}

    # -- loading -----------------------------------------------------------
    @classmethod
    def packaged(cls) -> "ActorDictionary":
        """The dictionary that ships with Tacitus."""
        d = cls()
        base = resources.files("tacitus") / "data" / "actors"
        d._add_countries(load_yaml("countries.yaml", (base / "countries.yaml").read_text("utf-8")), "countries.yaml")
        d._add_organisations(
            load_yaml("organisations.yaml", (base / "organisations.yaml").read_text("utf-8")), "organisations.yaml"
        )
        d._add_regions(load_yaml("regions.yaml", (base / "regions.yaml").read_text("utf-8")), "regions.yaml")
        d._add_roles(load_yaml("roles.yaml", (base / "roles.yaml").read_text("utf-8")), "roles.yaml")
        people_dir = base / "people"
        for item in sorted(people_dir.iterdir(), key=lambda p: p.name):
            if item.name.endswith(".yaml"):
                name = f"people/{item.name}"
                d._add_people(load_yaml(name, item.read_text("utf-8")), name)
        return d

    def add_file(self, path: str | Path) -> None:
        """Add a user's dictionary: a YAML mapping with any of the keys
        ``countries``, ``organisations``, ``people`` and ``roles``, each in the
        layout of the packaged file of that name."""
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise DataFileError(f"{path}: cannot read the actor file ({exc.strerror}).") from exc
        data = load_yaml(str(path), text)
        if not isinstance(data, dict):
            raise DataFileError(
                f"{path}: an actor file is a mapping with keys countries/organisations/people/roles."
            )
        unknown = set(data) - {"countries", "organisations", "people", "roles"}
        if unknown:
            raise DataFileError(f"{path}: unknown top-level keys {sorted(unknown)}.")
        self._add_countries(data.get("countries") or [], f"{path}:countries")
        self._add_organisations(data.get("organisations") or [], f"{path}:organisations")
        self._add_people(data.get("people") or [], f"{path}:people")
        self._add_roles(data.get("roles") or {}, f"{path}:roles")

    def _entries_list(self, data, where: str) -> list[dict]:
        if not isinstance(data, list):
            raise DataFileError(f"{where}: expected a list of entries.")
        for i, item in enumerate(data):
            if not isinstance(item, dict):
                raise DataFileError(f"{where}, entry {i + 1}: expected a mapping, found {item!r}.")
        return data

    def _add_countries(self, data, where: str) -> None:
        for i, item in enumerate(self._entries_list(data, where)):
            at = f"{where}, entry {i + 1} ({item.get('name', '?')})"
            code = _code(item.get("code"), at)
            if len(code) != 3:
                raise DataFileError(f"{at}: a country code has three letters, found '{code}'.")
            name = item.get("name") or code
            self.countries[code] = name
            for key, kind in (("names", "country"), ("adjectives", "adjective"), ("people", "people"),
                              ("capitals", "capital"), ("seats", "seat")):
                for phrase in string_list(item.get(key), f"{at}: {key}"):
                    self.entries.append(DictionaryEntry(phrase, kind, code, name, source=where))
        self.sources.append(where)

    def _add_regions(self, data, where: str) -> None:
        """First-level regions ("California", "Ontario"): their government, under the country's principal."""
        for i, item in enumerate(self._entries_list(data, where)):
            at = f"{where}, entry {i + 1} ({item.get('code', '?')})"
            code = _code(item.get("code"), at)
            if len(code) != 3:
                raise DataFileError(f"{at}: a region belongs to a country code of three letters, found '{code}'.")
            for phrase in string_list(item.get("names"), f"{at}: names"):
                self.entries.append(DictionaryEntry(phrase, "region", code, phrase, source=where))
        self.sources.append(where)

    def _add_organisations(self, data, where: str) -> None:
        for i, item in enumerate(self._entries_list(data, where)):
            at = f"{where}, entry {i + 1} ({item.get('name', '?')})"
            code = _code(item.get("code"), at)
            kind = item.get("kind", "igo")
            if kind not in ORG_KINDS:
                raise DataFileError(f"{at}: kind must be one of {sorted(ORG_KINDS)}, found '{kind}'.")
            name = item.get("name") or code
            names = string_list(item.get("names"), f"{at}: names") or [name]
            for phrase in names:
                self.entries.append(DictionaryEntry(phrase, "organisation", code, name, source=where))
            for short in string_list(item.get("short"), f"{at}: short"):
                self.short_forms.setdefault(short.lower(), code)
        self.sources.append(where)

    def _add_people(self, data, where: str) -> None:
        for i, item in enumerate(self._entries_list(data or [], where)):
            at = f"{where}, entry {i + 1} ({item.get('name', '?')})"
            name = item.get("name")
            if not isinstance(name, str) or not name.strip():
                raise DataFileError(f"{at}: every person needs a name.")
            aliases = string_list(item.get("aliases"), f"{at}: aliases")
            if name not in aliases:
                aliases.insert(0, name)
            roles = []
            raw_roles = item.get("roles")
            if not isinstance(raw_roles, list) or not raw_roles:
                raise DataFileError(f"{at}: a person needs a non-empty list of roles.")
            for j, r in enumerate(raw_roles):
                rat = f"{at}, role {j + 1}"
                if not isinstance(r, dict):
                    raise DataFileError(f"{rat}: expected a mapping with code/title/from/to.")
                role = Role(_code(r.get("code"), rat), str(r.get("title", "")),
                            _date(r.get("from"), rat), _date(r.get("to"), rat))
                if role.start and role.end and role.end < role.start:
                    raise DataFileError(f"{rat}: ends ({role.end}) before it starts ({role.start}).")
                roles.append(role)
            key = _name_key(name)
            if key in self._people_by_key:  # the same person in two files: merge roles and aliases
                old = self._people_by_key[key]
                roles = list(old.roles) + roles
                aliases = list(old.aliases) + [a for a in aliases if a not in old.aliases]
                self.people.remove(old)
                self.entries = [e for e in self.entries if e.person is not old]
            roles.sort(key=lambda r: r.start or dt.date.min)
            person = Person(name.strip(), tuple(aliases), tuple(roles))
            self._people_by_key[key] = person
            self.people.append(person)
            for alias in aliases:
                self.entries.append(DictionaryEntry(alias, "person", roles[-1].code, person.name, person, where))
        self.sources.append(where)

    def _add_roles(self, data, where: str) -> None:
        if not isinstance(data, dict):
            raise DataFileError(f"{where}: expected a mapping of sector code -> list of nouns.")
        for sector, nouns in data.items():
            nouns = string_list(nouns, f"{where}: {sector}")
            if sector == "_proxy":
                self.proxies.update(n.lower() for n in nouns)
                continue
            if sector not in SECTORS:
                raise DataFileError(f"{where}: '{sector}' is not a CAMEO sector code ({', '.join(sorted(SECTORS))}).")
            for noun in nouns:
                self.roles[noun.lower()] = sector
        self.sources.append(where)

    # -- queries -----------------------------------------------------------
    def find(self, name: str) -> list[DictionaryEntry]:
        """Entries whose phrase equals ``name`` (case-insensitive)."""
        key = name.strip().lower()
        return [e for e in self.entries if e.phrase.lower() == key]

    def role_of(self, lemma: str) -> str | None:
        return self.roles.get(lemma.lower())

    def iter_phrases(self) -> Iterable[DictionaryEntry]:
        return iter(self.entries)
