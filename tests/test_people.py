from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path

import pytest

from detente.errors import LexiconError
from detente.lexicons import ActorLexicon
from detente.people import OUT_OF_OFFICE, PeopleDictionary, Person, Role

COUNTRIES = frozenset({"IRN", "RUS", "USA", "AZE", "PRT"})

VALID = """\
version: 1
people:
  - name: Hassan Rouhani
    country: IRN
    aliases: [Rouhani, Hasan Rowhani]
    roles:
      - {title: President, sector: GOV, from: 2013-08-03, to: 2021-08-03}
  - name: Vladimir Putin
    country: RUS
    aliases: [Putin]
    roles:
      - {title: Prime Minister, sector: GOV, from: 2008-05-08, to: 2012-05-06}
      - {title: President, sector: GOV, from: 2012-05-07}
  - name: Antonio Guterres
    country: PRT
    aliases: [Guterres]
    roles:
      - {title: Secretary-General, organisation: IGOUNO, sector: GOV, from: 2017-01-01}
  - name: George Bush
    country: USA
    aliases: [Bush, George H. W. Bush]
    roles:
      - {title: President, sector: GOV, from: 1989-01-20, to: 1993-01-20}
  - name: George W. Bush
    country: USA
    aliases: [Bush]
    roles:
      - {title: President, sector: GOV, from: 2001-01-20, to: 2009-01-20}
  - name: Ilham Aliyev
    aliases: [Aliyev]
    roles:
      - {title: Ambassador, sector: GOV, country: AZE, to: 2003-08-03}
"""

# A valid first person (lines 3-7); the offending person starts on line 8.
FIRST = """\
version: 1
people:
  - name: Hassan Rouhani
    country: IRN
    aliases: [Rouhani]
    roles:
      - {sector: GOV, from: 2013-08-03, to: 2021-08-03}
"""
BAD_LINE = 8


def _write(tmp_path: Path, text: str, name: str = "people.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _load(*paths: Path) -> PeopleDictionary:
    return PeopleDictionary.load(str.split, COUNTRIES, list(paths))


def _person(people: PeopleDictionary, name: str) -> Person:
    (person,) = [p for p in people.people if p.name == name]
    return person


def _real_countries() -> frozenset[str]:
    return ActorLexicon.load(str.split).countries


@pytest.fixture
def people(tmp_path: Path) -> PeopleDictionary:
    return _load(_write(tmp_path, VALID))


def test_people_valid_file_loads(people: PeopleDictionary, tmp_path: Path):
    assert [p.name for p in people.people] == [
        "Hassan Rouhani", "Vladimir Putin", "Antonio Guterres", "George Bush", "George W. Bush",
        "Ilham Aliyev",
    ]
    rouhani = _person(people, "Hassan Rouhani")
    assert rouhani.country == "IRN"
    assert rouhani.roles == (Role("GOV", date(2013, 8, 3), date(2021, 8, 3), "President"),)
    assert rouhani.source == f"{tmp_path / 'people.yaml'}:3"
    assert _person(people, "George W. Bush").source.endswith(":24")


@pytest.mark.parametrize(("words", "length", "name"), [
    (["rouhani", "said"], 1, "Hassan Rouhani"),
    (["hassan", "rouhani"], 2, "Hassan Rouhani"),
    (["hasan", "rowhani", "met", "putin"], 2, "Hassan Rouhani"),
    (["putin"], 1, "Vladimir Putin"),
    (["george", "bush", "visited"], 2, "George Bush"),
    (["george", "w.", "bush", "visited"], 3, "George W. Bush"),
    (["george", "h.", "w.", "bush"], 4, "George Bush"),
])
def test_people_match_finds_longest_name(people: PeopleDictionary, words, length, name):
    found = people.match(words)
    assert found is not None
    n, owners = found
    assert n == length
    assert [p.name for p in owners] == [name]


@pytest.mark.parametrize("words", [[], ["george"], ["obama"], ["Putin"], ["vladimir", "lenin"]])
def test_people_match_returns_none_without_a_name(people: PeopleDictionary, words):
    assert people.match(words) is None


def test_people_match_shared_alias_lists_every_owner(people: PeopleDictionary):
    found = people.match(["bush", "said"])
    assert found is not None
    assert found[0] == 1
    assert {p.name for p in found[1]} == {"George Bush", "George W. Bush"}


@pytest.mark.parametrize(("day", "code"), [
    (date(2020, 1, 1), "IRNGOV"),
    (date(2013, 8, 3), "IRNGOV"),  # both ends are inclusive
    (date(2021, 8, 3), "IRNGOV"),
    (date(2013, 8, 2), "IRNELI"),
    (date(2021, 8, 4), "IRNELI"),
    (date(2024, 1, 1), "IRNELI"),
    (None, "IRNGOV"),  # no date, no open-ended role: the most recent role
])
def test_people_dated_role_is_gov_inside_and_eli_outside(people: PeopleDictionary, day, code):
    rouhani = _person(people, "Hassan Rouhani")
    actor = rouhani.actor("Rouhani", day)
    assert actor.text == "Rouhani"
    assert actor.country == "IRN"
    assert actor.code == code
    inside = code.endswith("GOV")
    assert (rouhani.role_on(day) is not None) is inside
    if not inside:
        assert actor.sector == OUT_OF_OFFICE


@pytest.mark.parametrize(("day", "title"), [
    (date(2010, 1, 1), "Prime Minister"),
    (date(2020, 1, 1), "President"),
    (None, "President"),  # the open-ended role
    (date(2000, 1, 1), None),
])
def test_people_role_on_picks_the_role_of_the_day(people: PeopleDictionary, day, title):
    putin = _person(people, "Vladimir Putin")
    role = putin.role_on(day)
    assert (role.title if role else None) == title
    assert putin.actor("Putin", day).code == ("RUSGOV" if title else "RUSELI")


@pytest.mark.parametrize("day", [date(2020, 1, 1), date(2017, 1, 1), None])
def test_people_organisation_role_codes_the_organisation(people: PeopleDictionary, day):
    actor = _person(people, "Antonio Guterres").actor("Guterres", day)
    assert actor.organisation == "IGOUNO"
    assert actor.country is None
    assert actor.sector == "GOV"
    assert actor.code == "IGOUNOGOV"


def test_people_organisation_person_out_of_office_is_national_elite(people: PeopleDictionary):
    actor = _person(people, "Antonio Guterres").actor("Guterres", date(2010, 1, 1))
    assert (actor.country, actor.sector, actor.organisation) == ("PRT", "ELI", None)
    assert actor.code == "PRTELI"


def test_people_role_in_another_country_codes_that_country(people: PeopleDictionary):
    aliyev = _person(people, "Ilham Aliyev")
    assert aliyev.country is None
    assert aliyev.actor("Aliyev", date(2000, 1, 1)).code == "AZEGOV"


@pytest.mark.parametrize(("day", "name"), [
    (date(1990, 6, 1), "George Bush"),
    (date(2005, 6, 1), "George W. Bush"),
    # neither in office, or no date: both are American, so the most recent one (coded USAELI)
    (date(1995, 6, 1), "George W. Bush"),
    (date(2015, 6, 1), "George W. Bush"),
    (None, "George W. Bush"),
])
def test_people_choose_picks_the_person_serving_that_day(people: PeopleDictionary, day, name):
    found = people.match(["bush"])
    assert found is not None
    chosen = PeopleDictionary.choose(found[1], day)
    assert (chosen.name if chosen else None) == name
    if day is not None and day.year in (1995, 2015):
        assert chosen is not None and chosen.actor("Bush", day).code == "USAELI"


def test_people_choose_returns_none_when_both_serve():
    a = Person("A Smith", "USA", (Role("GOV", date(2000, 1, 1)),), "x.yaml:3")
    b = Person("B Smith", "GBR", (Role("LEG", date(1990, 1, 1), date(2010, 1, 1)),), "x.yaml:7")
    assert PeopleDictionary.choose([a, b], date(2005, 1, 1)) is None
    assert PeopleDictionary.choose([a, b], None) is None  # no date, two countries: ambiguous
    assert PeopleDictionary.choose([a, b], date(1995, 1, 1)) is b
    assert PeopleDictionary.choose([a], date(1980, 1, 1)) is a  # a single owner is always chosen


def test_people_paths_load_in_order(tmp_path: Path):
    first = _write(tmp_path, VALID, "a.yaml")
    second = _write(tmp_path, "version: 1\npeople:\n  - name: Ebrahim Raisi\n    country: IRN\n"
                              "    roles: [{sector: GOV, from: 2021-08-05}]\n", "b.yaml")  # fmt: skip
    people = _load(first, second)
    assert people.people[-1].name == "Ebrahim Raisi"
    assert people.people[-1].source == f"{second}:3"
    assert people.match(["ebrahim", "raisi"]) is not None
    assert people.match(["rouhani"]) is not None


def test_people_person_repeated_in_another_file_stays_resolvable(tmp_path: Path):
    people = _load(_write(tmp_path, VALID, "a.yaml"), _write(tmp_path, VALID, "b.yaml"))
    found = people.match(["putin"])
    assert found is not None
    chosen = PeopleDictionary.choose(found[1], date(2020, 1, 1))
    assert chosen is not None and chosen.name == "Vladimir Putin"


def test_people_empty_dictionary_matches_nothing():
    people = PeopleDictionary.empty()
    assert people.people == ()
    assert people.match(["putin"]) is None


X_IRN = "  - name: X Person\n    country: IRN\n"

BAD_PEOPLE = {
    "unknown country": ("  - name: X Person\n    country: XYZ\n    roles: [{sector: GOV}]\n",
                        "unknown country code 'XYZ'"),
    "unknown role country": (X_IRN + "    roles: [{sector: GOV, country: ZZZ}]\n",
                             "unknown country code 'ZZZ'"),
    "unknown sector": (X_IRN + "    roles: [{sector: PRESIDENT}]\n", "unknown sector code 'PRESIDENT'"),
    "unknown organisation": (X_IRN + "    roles: [{organisation: UNO}]\n", "unknown organisation code 'UNO'"),
    "impossible date": (X_IRN + "    roles: [{sector: GOV, from: '2020-13-45'}]\n",
                        "malformed date '2020-13-45'"),
    "word date": (X_IRN + "    roles: [{sector: GOV, to: yesterday}]\n", "malformed date 'yesterday'"),
    "numeric date": (X_IRN + "    roles: [{sector: GOV, from: 2020}]\n", "malformed date 2020"),
    "ends before start": (X_IRN + "    roles: [{sector: GOV, from: 2020-01-02, to: 2020-01-01}]\n",
                          "role ends (2020-01-01) before it starts (2020-01-02)"),
    "missing name": ("  - country: IRN\n    roles: [{sector: GOV}]\n", "missing 'name'"),
    "blank name": ("  - name: '  '\n    country: IRN\n    roles: [{sector: GOV}]\n", "missing 'name'"),
    "empty roles": (X_IRN + "    roles: []\n", "'roles' must be a non-empty list"),
    "missing roles": (X_IRN, "'roles' must be a non-empty list"),
    "unknown key": (X_IRN + "    party: X\n    roles: [{sector: GOV}]\n", "unknown keys ['party']"),
    "unknown role key": (X_IRN + "    roles: [{sector: GOV, since: 2020-01-01}]\n",
                         "a role must be a mapping"),
    "no country": ("  - name: X Person\n    roles: [{sector: GOV}]\n", "needs a 'country'"),
    "aliases not a list": (X_IRN + "    aliases: Xp\n    roles: [{sector: GOV}]\n",
                           "'aliases' must be a list"),
    "not a mapping": ("  - X Person\n", "person must be a mapping"),
    "overlapping alias": ("  - name: Ebrahim Raisi\n    country: IRN\n    aliases: [Rouhani]\n"
                          "    roles: [{sector: GOV, from: 2021-08-03}]\n",
                          "alias 'Rouhani' of Ebrahim Raisi is also used for Hassan Rouhani"),
}


@pytest.mark.parametrize(("person", "problem"), BAD_PEOPLE.values(), ids=BAD_PEOPLE.keys())
def test_people_bad_person_names_file_and_line(tmp_path: Path, person: str, problem: str):
    path = _write(tmp_path, FIRST + person)
    with pytest.raises(LexiconError) as info:
        _load(path)
    assert info.value.path == str(path)
    assert info.value.line == BAD_LINE
    assert str(info.value).startswith(f"{path}:{BAD_LINE}: ")
    assert problem in str(info.value)


def test_people_overlapping_alias_across_files_names_the_second_file(tmp_path: Path):
    first = _write(tmp_path, FIRST, "a.yaml")
    second = _write(tmp_path, "version: 1\npeople:\n\n  - name: Rouhani Junior\n    country: IRN\n"
                              "    aliases: [Rouhani]\n    roles: [{sector: LEG}]\n", "b.yaml")  # fmt: skip
    with pytest.raises(LexiconError) as info:
        _load(first, second)
    assert str(info.value).startswith(f"{second}:4: ")
    assert f"({first}:3)" in str(info.value)


def test_people_shared_alias_without_overlap_loads(people: PeopleDictionary):
    bushes = [p for p in people.people if p.name.startswith("George")]
    assert len(bushes) == 2
    assert not any(a.overlaps(b) for a in bushes[0].roles for b in bushes[1].roles)


@pytest.mark.parametrize(("text", "problem", "line"), [
    ("version: 1\npeople:\n  - name: A\n    roles: [{sector: GOV}\n  - name: B\n", "invalid YAML", 5),
    ("version: 1\npeople: [\n", "invalid YAML", 3),
    ("version: 2\npeople: []\n", "unsupported version 2", None),
    ("people:\n  - name: A\n    roles: [{sector: GOV, country: IRN}]\n", "unsupported version None", None),
    ("version: 1\npersons: []\n", "expected a mapping with a 'people' list", None),
    ("- version: 1\n", "expected a mapping with a 'people' list", None),
])
def test_people_bad_document_names_the_file(tmp_path: Path, text: str, problem: str, line):
    path = _write(tmp_path, text)
    with pytest.raises(LexiconError) as info:
        _load(path)
    assert info.value.path == str(path)
    assert info.value.line == line
    assert str(info.value).startswith(f"{path}:{line}: " if line else f"{path}: ")
    assert problem in str(info.value)


def test_people_unquoted_impossible_date_is_a_lexicon_error(tmp_path: Path):
    path = _write(tmp_path, FIRST + "  - name: X Person\n    country: IRN\n"
                                    "    roles: [{sector: GOV, from: 2020-13-45}]\n")  # fmt: skip
    with pytest.raises(LexiconError, match="malformed date"):
        _load(path)


def test_people_line_numbers_survive_block_style_lists(tmp_path: Path):
    text = textwrap.dedent("""\
        version: 1
        people:
        - name: Hassan Rouhani
          country: IRN
          aliases:
          - Rouhani
          roles:
          - sector: GOV
        - name: X Person
          country: XYZ
          roles:
          - sector: GOV
        """)
    with pytest.raises(LexiconError) as info:
        _load(_write(tmp_path, text))
    assert info.value.line == 9


def test_people_bundled_file_knows_putin():
    people = PeopleDictionary.load(str.split, _real_countries(), [None])
    found = people.match(["putin"])
    assert found is not None
    putins = [p for p in found[1] if p.country == "RUS" or any(r.country == "RUS" for r in p.roles)]
    assert putins
    assert any(p.actor("Putin", date(2020, 1, 1)).code == "RUSGOV" for p in putins)
