from __future__ import annotations

from pathlib import Path

import pytest

from detente.errors import LexiconError
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
    ("IGOUN\tUnited Nations\tUN\n", "bad organisation code"),
    ("IGOUNO\tUnited Nations\tIran\n", "already used for IRN"),
])
def test_lexicons_bad_organisation_file(tmp_path, rows, problem):
    countries = tmp_path / "countries.tsv"
    countries.write_text(HEADER + "IRN\tIran\t\t\tTehran\n")
    orgs = tmp_path / "organisations.tsv"
    orgs.write_text("code\tname\taliases\n" + rows)
    with pytest.raises(LexiconError, match=problem) as info:
        ActorLexicon.load(_split, countries, orgs)
    assert str(orgs) in str(info.value) and info.value.line == 2
