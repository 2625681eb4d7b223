from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from detente.errors import InputError
from detente.lexicons import ActorLexicon
from detente.people import PeopleDictionary
from detente.petrarch import ImportResult, import_petrarch, parse_date, words_to_name

COUNTRIES = frozenset({"IRN", "RUS", "USA", "AZE", "PRT"})

# Line numbers matter: warnings must point at them.
ACTORS = """\
# PETRARCH-style test dictionary
AZERBAIJAN_  [AZE]
+AZERI_
HEYDAR_ALIYEV_  # CountryInfo.txt
\t[AZEELI 410101-930624]
\t[AZEGOV 930624-031031]
\t[AZEELI]
HASSAN_ROUHANI_
+ROUHANI_
\t[IRNGOV >20130804]
KOFI_ANNAN_
\t[IGOUNO 970101-061231]
JOHN_NOBODY_
\t[XXXGOV]
BORIS_YELTSIN_
\t[RUSGOV 910710-991399]
\t[RUSELI <20070423]
U.N._SECRETARY_GENERAL
\t[IGOUNOGOV]
"""


def _write(tmp_path: Path, text: str, name: str = "actors.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _real_countries() -> frozenset[str]:
    return ActorLexicon.load(str.split).countries


def _by_name(result: ImportResult) -> dict[str, dict]:
    return {p["name"]: p for p in result.document["people"]}


@pytest.fixture
def actors(tmp_path: Path) -> Path:
    return _write(tmp_path, ACTORS)


@pytest.mark.parametrize(("text", "day"), [
    ("031031", date(2003, 10, 31)),
    ("410101", date(1941, 1, 1)),
    ("300101", date(2030, 1, 1)),  # years 00-30 are 20xx
    ("310101", date(1931, 1, 1)),
    ("000229", date(2000, 2, 29)),
    ("20050803", date(2005, 8, 3)),
    ("19410101", date(1941, 1, 1)),
])
def test_petrarch_parse_date(text: str, day: date):
    assert parse_date(text) == day


@pytest.mark.parametrize("text", ["", "0310", "0310311", "200508031", "abcdef", "031399", "20051301",
                                  "010229"])  # fmt: skip
def test_petrarch_parse_date_rejects_bad_input(text: str):
    with pytest.raises(ValueError):
        parse_date(text)


@pytest.mark.parametrize(("raw", "name"), [
    ("HEYDAR_ALIYEV_", "Heydar Aliyev"),
    ("U.N._SECRETARY_GENERAL", "U.N. Secretary General"),
    ("+AZERI_ ", "Azeri"),
    ("JEAN-CLAUDE_JUNCKER_", "Jean-Claude Juncker"),
    ("NBC_NEWS_", "NBC News"),
    ("AL__QAEDA_", "Al Qaeda"),
])
def test_petrarch_words_to_name(raw: str, name: str):
    assert words_to_name(raw) == name


def test_petrarch_import_converts_entries(actors: Path):
    result = import_petrarch(actors, COUNTRIES)
    people = _by_name(result)
    assert list(people) == ["Heydar Aliyev", "Hassan Rouhani", "Kofi Annan", "Boris Yeltsin",
                            "U.N. Secretary General"]  # fmt: skip
    assert result.count == 5
    assert result.document["version"] == 1
    assert people["Heydar Aliyev"] == {
        "name": "Heydar Aliyev", "country": "AZE", "aliases": [],
        "roles": [{"sector": "ELI", "from": date(1941, 1, 1), "to": date(1993, 6, 24)},
                  {"sector": "GOV", "from": date(1993, 6, 24), "to": date(2003, 10, 31)},
                  {"sector": "ELI"}],
    }  # fmt: skip
    assert people["Hassan Rouhani"]["aliases"] == ["Rouhani"]
    assert people["Hassan Rouhani"]["roles"] == [{"sector": "GOV", "from": date(2013, 8, 4)}]
    assert people["Kofi Annan"] == {
        "name": "Kofi Annan", "aliases": [],
        "roles": [{"organisation": "IGOUNO", "from": date(1997, 1, 1), "to": date(2006, 12, 31)}],
    }  # fmt: skip
    assert people["U.N. Secretary General"]["roles"] == [{"organisation": "IGOUNO", "sector": "GOV"}]
    assert "country" not in people["U.N. Secretary General"]
    # The malformed role is left out, the "<until" role kept.
    assert people["Boris Yeltsin"]["roles"] == [{"sector": "ELI", "to": date(2007, 4, 23)}]


def test_petrarch_import_warns_about_what_it_leaves_out(actors: Path):
    result = import_petrarch(actors, COUNTRIES)
    assert "John Nobody" not in _by_name(result)
    assert len(result.warnings) == 4
    country, unknown, dropped, malformed = result.warnings
    assert country.startswith(f"{actors}:2: Azerbaijan: a bare country name")
    assert unknown.startswith(f"{actors}:14: John Nobody: ")
    assert "'XXXGOV'" in unknown
    assert dropped.startswith(f"{actors}:13: John Nobody: ")
    assert "entry left out" in dropped
    assert malformed.startswith(f"{actors}:16: Boris Yeltsin: ")
    assert "malformed date '910710-991399'" in malformed


def test_petrarch_import_ignores_comments(actors: Path):
    result = import_petrarch(actors, COUNTRIES)
    text = result.to_yaml()
    assert "CountryInfo" not in text
    assert "test dictionary" not in text.lower()
    assert not any("#" in w for w in result.warnings)


def test_petrarch_import_legacy_codes_and_other_countries(tmp_path: Path):
    path = _write(tmp_path, "ION_ILIESCU_\n\t[ROMGOV 900620-961129]\n\t[USAELI]\n")
    result = import_petrarch(path, frozenset({"ROU", "USA"}))
    (person,) = result.document["people"]
    assert person["country"] == "ROU"
    assert person["roles"] == [{"sector": "GOV", "from": date(1990, 6, 20), "to": date(1996, 11, 29)},
                               {"sector": "ELI", "country": "USA"}]  # fmt: skip
    assert result.warnings == ()


def test_petrarch_import_warns_about_taken_aliases(tmp_path: Path):
    path = _write(tmp_path, "HASSAN_ROUHANI_\n+ROUHANI_\n\t[IRNGOV]\n"
                            "HASAN_ROWHANI_\n+ROUHANI_\n\t[IRNELI]\n"
                            "ROUHANI_\n\t[IRNGOV]\n")  # fmt: skip
    result = import_petrarch(path, COUNTRIES)
    people = _by_name(result)
    assert list(people) == ["Hassan Rouhani", "Hasan Rowhani"]
    assert people["Hasan Rowhani"]["aliases"] == []
    assert len(result.warnings) == 2
    assert result.warnings[0].startswith(f"{path}:4: Hasan Rowhani: alias 'Rouhani' already used")
    assert result.warnings[1].startswith(f"{path}:7: Rouhani: alias 'Rouhani' already used")


def test_petrarch_to_yaml_round_trips_through_people_dictionary(actors: Path, tmp_path: Path):
    result = import_petrarch(actors, COUNTRIES)
    text = result.to_yaml()
    assert text.startswith("# Converted from a PETRARCH actor dictionary")
    converted = _write(tmp_path, text, "people.yaml")
    people = PeopleDictionary.load(str.split, COUNTRIES, [converted])
    assert [p.name for p in people.people] == list(_by_name(result))
    found = people.match(["heydar", "aliyev", "said"])
    assert found is not None
    assert found[0] == 2
    (aliyev,) = found[1]
    assert aliyev.actor("Aliyev", date(2000, 1, 1)).code == "AZEGOV"
    assert aliyev.actor("Aliyev", date(2010, 1, 1)).code == "AZEELI"
    assert aliyev.actor("Aliyev", date(1980, 1, 1)).code == "AZEELI"
    rouhani = people.match(["rouhani"])
    assert rouhani is not None
    assert rouhani[1][0].actor("Rouhani", date(2020, 1, 1)).code == "IRNGOV"
    assert rouhani[1][0].actor("Rouhani", date(2010, 1, 1)).code == "IRNELI"
    annan = people.match(["kofi", "annan"])
    assert annan is not None
    assert annan[1][0].actor("Annan", date(2000, 1, 1)).code == "IGOUNO"


def test_petrarch_import_warns_about_reversed_date_ranges(tmp_path: Path):
    path = _write(tmp_path, "KAMAL_GANZOURI_\n\t[EGYGOV 960104-991005]\n\t[EGYGOV 20121207-20120802]\n")
    result = import_petrarch(path, frozenset({"EGY"}))
    assert result.document["people"][0]["roles"] == [
        {"sector": "GOV", "from": date(1996, 1, 4), "to": date(1999, 10, 5)}]
    assert any(w.startswith(f"{path}:3: ") for w in result.warnings)


@pytest.mark.parametrize("text", [
    "",
    "# only a comment\n\n",
    "JOHN_NOBODY_\n\t[XXXGOV]\n",
    "\t[AZEGOV]\n",  # a code line with no entry to belong to
])
def test_petrarch_import_without_entries_raises(tmp_path: Path, text: str):
    path = _write(tmp_path, text)
    with pytest.raises(InputError, match="no PETRARCH actor entries") as info:
        import_petrarch(path, COUNTRIES)
    assert info.value.path == str(path)


def test_petrarch_import_missing_file_raises(tmp_path: Path):
    path = tmp_path / "missing.txt"
    with pytest.raises(InputError) as info:
        import_petrarch(path, COUNTRIES)
    assert info.value.path == str(path)
    assert str(path) in str(info.value)


def test_petrarch_import_non_utf8_file_raises(tmp_path: Path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("JOS\xc9_SOCRATES_\n\t[PRTGOV]\n".encode("latin-1"))
    with pytest.raises(InputError, match="cannot read") as info:
        import_petrarch(path, COUNTRIES)
    assert info.value.path == str(path)


PHOENIX = "dictionaries/petrarch2/Phoenix.Countries.actors.txt"


def test_petrarch_import_phoenix_countries(shared: Path):
    path = shared / PHOENIX
    result = import_petrarch(path, _real_countries())
    assert result.count > 10000
    assert result.warnings
    where = re.compile(re.escape(str(path)) + r":\d+: ")
    assert all(where.match(w) for w in result.warnings)
    people = _by_name(result)
    ilham = people["Ilham Aliyev"]
    assert ilham["country"] == "AZE"
    assert {"sector": "GOV", "from": date(2003, 10, 31)} in ilham["roles"]


@pytest.mark.slow
def test_petrarch_phoenix_countries_load_as_people(shared: Path, tmp_path: Path):
    countries = _real_countries()
    result = import_petrarch(shared / PHOENIX, countries)
    converted = _write(tmp_path, result.to_yaml(), "phoenix.yaml")
    people = PeopleDictionary.load(str.split, countries, [converted])
    found = people.match(["ilham", "aliyev"])
    assert found is not None
    person = PeopleDictionary.choose(found[1], date(2020, 1, 1))
    assert person is not None
    assert person.actor("Ilham Aliyev", date(2020, 1, 1)).code == "AZEGOV"


AGENTS = """# agents
!PERSON! = MAN, WOMAN
!MINIST! = MINISTER, MINISTRY
FARMER [~AGR]
CATTLE!PERSON! [~AGR]
!MINIST! OF_DEFENCE [~GOVMIL]
RIOT_POLICE {} [~COP]
SOLDIER_OF_FORTUNE [~MIL]
IMAM [~MUS]
FARMER [~CVL]
"""


def test_petrarch_agents_convert_to_role_nouns(tmp_path: Path):
    from detente.lexicons import SectorLexicon
    from detente.petrarch import import_petrarch_agents, is_agents_file

    path = tmp_path / "agents.txt"
    path.write_text(AGENTS, encoding="utf-8")
    assert is_agents_file(AGENTS) and not is_agents_file("IRAN_ [IRN]\n")
    result = import_petrarch_agents(path)
    assert dict(result.rows) == {"farmer": "AGR", "cattleman": "AGR", "cattlewoman": "AGR",
                                 "riot police": "COP"}  # fmt: skip
    problems = {w.split(": ")[0]: w for w in result.warnings}
    assert "only one- and two-word" in problems[f"{path}:6"]      # MINISTER OF DEFENCE
    assert "only one- and two-word" in problems[f"{path}:8"]      # SOLDIER OF FORTUNE
    assert "'MUS' is not a détente sector" in problems[f"{path}:9"]
    assert "already maps to AGR" in problems[f"{path}:10"]
    out = tmp_path / "sectors.tsv"
    result.write(out)
    assert SectorLexicon.load(out).sectors["riot police"] == "COP"


def test_petrarch_agents_file_without_entries_is_an_error(tmp_path: Path):
    from detente.petrarch import import_petrarch_agents

    path = tmp_path / "agents.txt"
    path.write_text("# nothing\n", encoding="utf-8")
    with pytest.raises(InputError, match="no PETRARCH agent entries"):
        import_petrarch_agents(path)


def test_petrarch_phoenix_agents_import(shared: Path, tmp_path: Path):
    from detente.lexicons import SectorLexicon
    from detente.petrarch import import_petrarch_agents

    source = shared / "dictionaries" / "petrarch2" / "Phoenix.agents.txt"
    result = import_petrarch_agents(source)
    assert result.count > 1000 and all(w.startswith(f"{source}:") for w in result.warnings)
    out = tmp_path / "sectors.tsv"
    result.write(out)
    sectors = SectorLexicon.load(out).sectors
    assert sectors["farmer"] == "AGR" and sectors["police"] == "COP"


def test_petrarch_import_reads_dates_written_with_spaces(tmp_path: Path):
    path = _write(tmp_path, "GOLLUM_\n+SMEAGOL_\n\t[IRN < 950601]\n\t[IRNGOV 19950601 - 19990815]\n")
    result = import_petrarch(path, COUNTRIES)
    (person,) = result.document["people"]
    assert person["country"] == "IRN" and not result.warnings
    assert person["roles"] == [{"to": date(1995, 6, 1)},
                               {"sector": "GOV", "from": date(1995, 6, 1), "to": date(1999, 8, 15)}]
