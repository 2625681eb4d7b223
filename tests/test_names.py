from __future__ import annotations

import pytest

from detente.names import MIN_LENGTH, CityIndex, FuzzyNames, skeleton, translit_key, variants


@pytest.mark.parametrize(("name", "key"), [
    ("Araghchi", "aragci"),
    ("Aragchi", "aragci"),
    ("Gəncə", "ganca"),
    ("Ganca", "ganca"),
    ("Khankendi", "xankendi"),
    ("Xankandi", "xankandi"),
    ("Philippines", "filipines"),
    ("Bouteflika", "buteflika"),
    ("Qatar", "katar"),
    ("Dzhabrail", "jabrail"),
    ("  Abbas   ARAGHCHI ", "abas aragci"),
    ("Ağdam", "agdam"),
    ("İlham Əliyev", "ilham aliev"),
    ("O'Brien", "obrien"),
])
def test_names_translit_key(name: str, key: str):
    assert translit_key(name) == key


def test_names_translit_key_folds_spellings_together():
    assert translit_key("Araghchi") == translit_key("ARAGCHI") == translit_key("Aragchi")
    assert translit_key("Gəncə") == translit_key("Ganca") != translit_key("Ganja")
    assert variants(translit_key("Gəncə")) == ("ganca", "ganja")  # Turkic c = English j
    assert variants("ganja") == ("ganja",)
    assert skeleton("xankandi") == "xnknd"


@pytest.mark.parametrize(("query", "known"), [
    ("Aragchi", "Araghchi"),
    ("Ganca", "Ganja"),
    ("Gəncə", "Ganja"),
    ("Xankandi", "Khankendi"),
    ("Bouteflicka", "Bouteflika"),
    ("Quatar", "Qatar"),
    ("Phillippines", "Philippines"),
    ("Ethopia", "Ethiopia"),
    ("Afganistan", "Afghanistan"),
])
def test_names_fuzzy_matches_spelling_variants(query: str, known: str):
    names = FuzzyNames.build([(known, known), ("Australia", "AUS"), ("Nigeria", "NGA")])
    assert names.threshold == 90
    assert names.lookup(query) == known
    assert names.lookup(known) == known


@pytest.mark.parametrize(("a", "b"), [
    ("Austrian", "Australian"),
    ("Niger", "Nigeria"),
    ("Gambia", "Zambia"),
    ("Slovakia", "Slovenia"),
    ("Serbia", "Syria"),
    ("Armenia", "Romania"),
    ("Iraqi", "Iranian"),
    ("Guinea", "Guyana"),
])
def test_names_fuzzy_keeps_different_names_apart(a: str, b: str):
    assert FuzzyNames.build([(b, b)]).lookup(a) is None
    assert FuzzyNames.build([(a, a)]).lookup(b) is None
    both = FuzzyNames.build([(a, a), (b, b)])
    assert both.lookup(a) == a
    assert both.lookup(b) == b


@pytest.mark.parametrize(("query", "known", "matching"), [
    ("Kazakstan", "Kazakhstan", {85: True, 90: False, 95: False}),  # ratio 88.9
    ("Austrian", "Australian", {85: True, 90: False, 95: False}),  # ratio 88.9
    ("Lithuana", "Lithuania", {85: True, 90: True, 95: False}),  # ratio 93.3
])
def test_names_fuzzy_threshold_matters(query: str, known: str, matching: dict[int, bool]):
    for threshold, matches in matching.items():
        found = FuzzyNames.build([(known, "X")], threshold).lookup(query)
        assert found == ("X" if matches else None), threshold


@pytest.mark.parametrize("name", ["Baku", "Oman", "Iran", "Mali", "Goa"])
def test_names_fuzzy_never_matches_short_names(name: str):
    assert len(translit_key(name)) < MIN_LENGTH
    names = FuzzyNames.build([(name, "X"), ("Azerbaijan", "AZE")], threshold=0)
    assert names.keys == (translit_key("Azerbaijan"),)
    assert names.lookup(name) is None
    assert names.lookup(name + "x") != "X"  # even at threshold 0 only Azerbaijan is left


def test_names_fuzzy_short_query_is_not_matched():
    names = FuzzyNames.build([("Bakuvia", "X")], threshold=0)
    assert names.lookup("Baku") is None
    assert names.lookup("Bakuvi") == "X"


def test_names_fuzzy_tie_between_targets_returns_none():
    names = FuzzyNames.build([("Mammadova", "A"), ("Mammadovi", "B")])
    assert names.lookup("Mammadov") is None  # 93.3 to both
    assert names.lookup("Mammadova") == "A"
    assert names.lookup("Mammadovi") == "B"


def test_names_fuzzy_same_target_is_not_a_tie():
    names = FuzzyNames.build([("Mammadova", "A"), ("Mammadovi", "A")])
    assert names.lookup("Mammadov") == "A"


@pytest.mark.parametrize(("names", "keys", "found"), [
    ([("Georgia", "GEO"), ("Georgia", "GEO")], ("georgia",), "GEO"),
    ([("Georgia", "GEO"), ("GEORGIA", "USA")], (), None),
    ([("Georgia", "GEO"), ("Georgia", "USA"), ("Georgia", "GEO")], (), None),
])
def test_names_fuzzy_key_with_two_targets_is_dropped(names, keys, found):
    index = FuzzyNames.build(names)
    assert index.keys == keys
    assert index.lookup("Georgia") == found
    assert index.lookup("Gorgia") == found


def test_names_fuzzy_empty_index_matches_nothing():
    assert FuzzyNames.build([]).lookup("Azerbaijan") is None


@pytest.fixture(scope="module")
def cities() -> CityIndex:
    return CityIndex()


@pytest.mark.parametrize(("name", "country"), [
    ("Tel Aviv", "ISR"),
    ("tel aviv", "ISR"),
    ("Baku", "AZE"),
    ("Xyzzyville", None),
    ("", None),
])
def test_names_city_index_country_of(cities: CityIndex, name: str, country: str | None):
    assert cities.country_of(name) == country


def test_names_city_index_is_cached_and_reused(tmp_path):
    first = CityIndex(cache=tmp_path)
    assert first.country_of("Tel Aviv") == "ISR"
    cached = list(tmp_path.glob("cities-*-15000.tsv"))
    assert len(cached) == 1 and "tel aviv\tISR\t" in cached[0].read_text(encoding="utf-8")
    cached[0].write_text("tel aviv\tXXX\t400000\n", encoding="utf-8")  # the cache is what is read
    assert CityIndex(cache=tmp_path).country_of("Tel Aviv") == "XXX"


def test_names_city_index_works_when_the_cache_cannot_be_written(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    assert CityIndex(cache=blocker / "sub").country_of("Baku") == "AZE"


@pytest.mark.parametrize(("name", "country"), [("Ganca", "AZE"), ("Gəncə", "AZE"), ("Ganja", None)])
def test_names_city_fuzzy_country_finds_spelling_variants(name, country):
    cities = CityIndex()
    if country is None:  # an exact name is for country_of; fuzzy finds it too
        assert cities.country_of(name) == "AZE" and cities.fuzzy_country(name) == "AZE"
    else:
        assert cities.country_of(name) is None and cities.fuzzy_country(name) == country
