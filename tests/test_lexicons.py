from __future__ import annotations

from pathlib import Path

import pytest

from detente.errors import ConfigError, LexiconError
from detente.lexicons import SECTORS, ActorLexicon, SectorLexicon, VerbLexicon
from detente.ontology import Ontology


def _split(text: str) -> list[str]:
    return text.split()


@pytest.fixture(scope="module")
def ontology() -> Ontology:
    return Ontology.load()


@pytest.fixture(scope="module")
def verbs(ontology) -> VerbLexicon:
    return VerbLexicon.load(ontology)


def test_lexicons_countries_load_with_unique_codes():
    lex = ActorLexicon.load(_split)
    assert len(lex.countries) >= 195
    assert {"AZE", "IRN", "USA", "RUS", "GBR", "ARM", "TUR"} <= lex.countries


def test_lexicons_sectors_are_known_codes():
    lex = SectorLexicon.load()
    assert set(lex.sectors.values()) <= SECTORS
    assert lex.sectors["troop"] == "MIL"
    assert lex.sectors["ambassador"] == "GOV"


def test_lexicons_verbs_codes_exist_and_reach_every_root(verbs, ontology):
    entries = verbs.entries
    assert all(e.code in ontology for e in entries)
    roots = {e.code[:2] for e in entries}
    assert roots == {f"{n:02d}" for n in range(1, 21)}


def test_lexicons_verbs_most_specific_first(verbs):
    for patterns in verbs.by_verb.values():
        specificity = [p.specificity for p in patterns]
        assert specificity == sorted(specificity, reverse=True)


HEADER = "iso3\tname\taliases\tdemonyms\tcapitals\n"


@pytest.mark.parametrize(("rows", "problem", "line"), [
    ("AZE\tAzerbaijan\t\tAzeri\tBaku\nIRN\tIran\tAzerbaijan\t\tTehran\n", "already used for AZE", 3),
    ("az\tAzerbaijan\t\t\t\n", "bad ISO alpha-3", 2),
    ("AZE\tAzerbaijan\t\t\n", "expected 5 fields", 2),
])
def test_lexicons_bad_country_file_names_file_line_and_problem(tmp_path, rows, problem, line):
    path = tmp_path / "countries.tsv"
    path.write_text("# test\n" + HEADER + rows)
    with pytest.raises(LexiconError, match=problem) as info:
        ActorLexicon.load(_split, path)
    assert info.value.line == line + 1
    assert str(path) in str(info.value)


@pytest.mark.parametrize(("body", "problem"), [
    ('version: 1\nentries:\n  - {verb: attack, code: "999"}\n', "unknown CAMEO code"),
    ('version: 1\nentries:\n  - {verb: attack, code: 190}\n', "unknown CAMEO code"),
    ('version: 1\nentries:\n  - {verb: attack, code: "190", colour: red}\n', "unknown keys"),
    ('version: 1\nentries:\n  - {verb: attack, code: "190"}\n  - {verb: attack, code: "193"}\n',
     "duplicate pattern"),
    ("version: 1\nentries: [\n", "invalid YAML"),
    ("version: 1\n", "'entries' list"),
])
def test_lexicons_bad_verb_file_fails_at_load(tmp_path, ontology, body, problem):
    path = tmp_path / "verbs.yaml"
    path.write_text(body)
    with pytest.raises(LexiconError, match=problem) as info:
        VerbLexicon.load(ontology, path)
    assert str(path) in str(info.value)


def test_lexicons_duplicate_verb_error_names_the_line(tmp_path, ontology):
    path = tmp_path / "verbs.yaml"
    path.write_text('version: 1\nentries:\n  - {verb: attack, code: "190"}\n'
                    '  - {verb: attack, code: "193"}\n')
    with pytest.raises(LexiconError) as info:
        VerbLexicon.load(ontology, path)
    assert info.value.line == 4


def test_lexicons_bad_sector_file(tmp_path):
    path = tmp_path / "sectors.tsv"
    path.write_text("noun\tsector\narmy\tXXX\n")
    with pytest.raises(LexiconError, match="unknown sector code 'XXX'"):
        SectorLexicon.load(path)


def test_lexicons_custom_file_is_used(tmp_path, ontology):
    path = tmp_path / "verbs.yaml"
    path.write_text('version: 1\nentries:\n  - {verb: smile, code: "051"}\n')
    lex = VerbLexicon.load(ontology, Path(path))
    assert [e.code for e in lex.by_verb["smile"]] == ["051"]


def test_lexicons_organisations_load_with_igo_codes():
    lex = ActorLexicon.load(_split)
    orgs = {e.organisation for entries in lex.by_first.values() for e in entries if e.organisation}
    assert {"IGOUNO", "IGOEUR", "IGONAT", "IGOOSC", "IGOIAE", "IGOICC"} <= orgs
    assert all(len(code) == 6 for code in orgs)


@pytest.mark.parametrize(("rows", "problem"), [
    ("IGOUN\t\tUnited Nations\tUN\n", "bad organisation code"),
    ("IGOUNO\tXXX\tUnited Nations\tUN\n", "unknown sector code"),
    ("IGOUNO\t\tUnited Nations\tIran\n", "already used for IRN"),
])
def test_lexicons_bad_organisation_file(tmp_path, rows, problem):
    countries = tmp_path / "countries.tsv"
    countries.write_text(HEADER + "IRN\tIran\t\t\tTehran\n")
    orgs = tmp_path / "organisations.tsv"
    orgs.write_text("code\tsector\tname\taliases\n" + rows)
    with pytest.raises(LexiconError, match=problem) as info:
        ActorLexicon.load(_split, countries, orgs)
    assert str(orgs) in str(info.value) and info.value.line == 2


def _tables(tmp_path, groups="", substate=""):
    countries = tmp_path / "countries.tsv"
    countries.write_text(HEADER + "IRN\tIran\t\t\tTehran\nAZE\tAzerbaijan\t\t\tBaku\n")
    orgs = tmp_path / "organisations.tsv"
    orgs.write_text("code\tsector\tname\taliases\nIGOUNO\t\tUnited Nations\tUN\n")
    g = tmp_path / "groups.tsv"
    g.write_text("country\tsector\tname\taliases\n" + groups)
    sub = tmp_path / "substate.tsv"
    sub.write_text("code\tcountry\tkind\tname\taliases\tcapitals\n" + substate)
    (tmp_path / "ethnic.tsv").write_text("name\taliases\tcountry\nTalysh\t\tAZE\n")
    return countries, orgs, g, sub


@pytest.mark.parametrize(("groups", "substate", "bad", "problem"), [
    ("XXX\tREB\tSome Front\t\n", "", "groups", "unknown country code 'XXX'"),
    ("IRN\tFOO\tSome Front\t\n", "", "groups", "unknown sector code 'FOO'"),
    ("IRN\tREB\tSome Front\tBaku\n", "", "groups", "already used for AZE"),
    ("", "NKR\tXXX\tbreakaway\tKarabakh\t\t\n", "substate", "unknown country code"),
    ("", "NKR\tAZE\tenclave\tKarabakh\t\t\n", "substate", "kind must be"),
    ("", "\tAZE\tbreakaway\tKarabakh\t\t\n", "substate", "needs a code"),
    ("", "IRN\tAZE\tbreakaway\tKarabakh\t\t\n", "substate", "bad entity code"),
])
def test_lexicons_bad_group_and_substate_files(tmp_path, groups, substate, bad, problem):
    countries, orgs, g, sub = _tables(tmp_path, groups, substate)
    with pytest.raises(LexiconError, match=problem) as info:
        ActorLexicon.load(_split, countries, orgs, g, sub, ethnic=tmp_path / "ethnic.tsv")
    assert str({"groups": g, "substate": sub}[bad]) in str(info.value) and info.value.line == 2


@pytest.mark.parametrize(("coding", "name_code", "capital_code"), [
    ("dejure", ("AZE", "SEP"), ("AZE", "SEP")),
    ("entity", ("NKR", None), ("NKR", "GOV")),
])
def test_lexicons_substate_coding_is_configurable(tmp_path, coding, name_code, capital_code):
    paths = _tables(tmp_path, "", "NKR\tAZE\tbreakaway\tNagorno-Karabakh\tKarabakh\tStepanakert\n"
                                  "\tAZE\tregion\tNakhchivan\t\t\n")
    lex = ActorLexicon.load(_split, *paths, substate_coding=coding, ethnic=tmp_path / "ethnic.tsv")
    codes = {e.tokens: (e.country, e.sector) for entries in lex.by_first.values() for e in entries}
    assert codes[("Karabakh",)] == name_code and codes[("Stepanakert",)] == capital_code
    assert codes[("Nakhchivan",)] == ("AZE", None)


def test_lexicons_unknown_substate_coding_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="substate_coding"):
        ActorLexicon.load(_split, substate_coding="own")


def test_lexicons_bundled_actor_tables_cover_the_issue_list():
    lex = ActorLexicon.load(_split)
    entries = {" ".join(e.tokens).lower(): e for group in lex.by_first.values() for e in group}
    for name in ("united nations", "european union", "nato", "osce", "minsk group", "csto", "sco",
                 "oic", "arab league", "african union", "asean", "who", "iaea", "imf", "world bank",
                 "icc", "icj", "red cross", "amnesty international", "human rights watch"):
        assert entries[name].organisation is not None, name
    for name in ("nagorno-karabakh", "transnistria", "abkhazia", "south ossetia", "northern cyprus",
                 "somaliland", "luhansk people's republic", "donetsk people's republic"):
        assert entries[name].sector == "SEP", name
    assert (entries["hamas"].country, entries["hamas"].sector) == ("PSE", "REB")


def test_lexicons_country_names_agree_with_countrynames():
    """Cross-check the country table against the independent `countrynames` package."""
    countrynames = pytest.importorskip("countrynames")
    text = (Path(__file__).parents[1] / "src/detente/data/countries.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")][1:]
    disagree = []
    for iso3, name, aliases, *_ in rows:
        for alias in [name, *filter(None, aliases.split("|"))]:
            try:
                other = countrynames.to_code_3(alias)
            except KeyError:  # a legacy code countrynames has no alpha-3 for (e.g. Zaire)
                continue
            if other is not None and other != iso3:
                disagree.append((alias, iso3, other))
    assert disagree == [] and len(rows) >= 190


@pytest.mark.parametrize(("body", "problem"), [
    ('  - {noun: strike, prep: on, code: "190"}\n', "prep must be a quoted string"),  # YAML 1.1: on = true
    ('  - {noun: strike, code: "999"}\n', "unknown CAMEO code"),
    ('  - {verb: strike, code: "190"}\n', "needs 'noun' and 'code'"),
])
def test_lexicons_bad_noun_file(tmp_path, ontology, body, problem):
    from detente.lexicons import load_nouns

    path = tmp_path / "nouns.yaml"
    path.write_text("version: 1\nentries:\n" + body)
    with pytest.raises(LexiconError, match=problem) as info:
        load_nouns(ontology, path)
    assert str(path) in str(info.value) and info.value.line == 3


def test_lexicons_bundled_nouns_load_with_known_codes(ontology):
    from detente.lexicons import load_nouns

    nouns = load_nouns(ontology)
    assert {"gift", "conversation", "sanction", "strike", "protest"} <= set(nouns.by_verb)
    assert all(e.code in ontology for e in nouns.entries)
