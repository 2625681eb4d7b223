from __future__ import annotations

import pytest

from detente.errors import LexiconError
from detente.model import QuadClass
from detente.ontology import PLOVER_TYPES, Ontology, quad_class_of


@pytest.fixture(scope="module")
def ontology() -> Ontology:
    return Ontology.load()


def test_ontology_every_code_has_name_score_and_quad_class(ontology):
    assert len(ontology.codes) >= 300
    for code, entry in ontology.codes.items():
        assert entry.name, code
        assert -10.0 <= entry.goldstein <= 10.0, code
        assert entry.quad_class in QuadClass, code
        assert entry.root == code[:2]


def test_ontology_has_all_twenty_roots(ontology):
    assert {f"{n:02d}" for n in range(1, 21)} <= set(ontology.codes)


def test_ontology_plover_targets_exist_and_all_types_reachable(ontology):
    reached = {e.plover.type for e in ontology.codes.values() if e.plover.type}
    assert reached <= set(PLOVER_TYPES)
    assert reached == set(PLOVER_TYPES)


@pytest.mark.parametrize(("root", "quad"), [("01", 1), ("05", 1), ("06", 2), ("09", 2),
                                            ("10", 3), ("14", 3), ("15", 4), ("20", 4)])
def test_ontology_quad_class_ranges(root, quad):
    assert quad_class_of(root) == quad


@pytest.mark.parametrize(("code", "goldstein", "ptype"), [
    ("0841", 7.0, "RETREAT"), ("190", -10.0, "ASSAULT"), ("111", -2.0, "ACCUSE"),
    ("041", 1.0, "CONSULT"), ("020", 3.0, "REQUEST"),
])
def test_ontology_known_facts(ontology, code, goldstein, ptype):
    assert ontology[code].goldstein == goldstein
    assert ontology[code].plover.type == ptype


def test_ontology_matches_gdelt_tables(ontology, shared):
    table = shared / "ontology" / "cameo" / "CAMEO.goldsteinscale.txt"
    rows = [line.split("\t") for line in table.read_text().splitlines()[1:] if line.strip()]
    for code, score in rows:
        assert ontology[code].goldstein == float(score), code
    assert len(rows) == len(ontology.codes)


@pytest.mark.parametrize(("body", "problem"), [
    ("99\tBad\t1.0\t\t\t\n", "bad CAMEO code"),
    ("010\tStatement\tabc\t\t\t\n", "bad Goldstein"),
    ("010\tStatement\t0.0\tNOPE\t\t\n", "unknown PLOVER type"),
])
def test_ontology_bad_file_names_file_line_and_problem(tmp_path, body, problem):
    path = tmp_path / "cameo.tsv"
    path.write_text("# comment\ncode\tname\tgoldstein\tplover_type\tplover_mode\tplover_context\n"
                    + body)
    with pytest.raises(LexiconError, match=problem) as info:
        Ontology.load(path)
    assert f"{path}:3" in str(info.value)
