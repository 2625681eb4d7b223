from __future__ import annotations

import json

import pytest

from detente.errors import InputError
from detente.evaluate import GoldActor, evaluate_actors, find_text, load_plover_actors, resolve_phrase


def _gold_file(tmp_path, records):
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(records))
    return path


def test_evaluate_loads_source_and_target_actors(tmp_path):
    path = _gold_file(tmp_path, [
        {"id": "doc", "event": "DOCUMENT"},
        {"id": "r1", "source": [{"actorText": "Iranian troops", "code": "IRN", "sector": "MIL"}],
         "target": [{"actorText": "Baku", "code": "AZE"}]},
        {"id": "r2", "source": [{"actorText": "Syria", "code": "SYR"}], "target": "diplomatic"},
    ])
    gold = load_plover_actors(path)
    assert [(g.record_id, g.text, g.full) for g in gold] == [
        ("r1", "Iranian troops", "IRNMIL"), ("r1", "Baku", "AZE"), ("r2", "Syria", "SYR")]


def test_evaluate_bad_gold_file_names_it(tmp_path):
    path = tmp_path / "gold.json"
    path.write_text("[{not json")
    with pytest.raises(InputError, match="gold.json"):
        load_plover_actors(path)


@pytest.mark.parametrize(("text", "code"), [
    ("Iran's Deputy Foreign Minister Abbas Araghchi", "IRNGOV"),
    ("Azerbaijani troops", "AZEMIL"),
    ("the Kremlin", "RUSGOV"),
    ("U.N. Security Council", "IGOUNOGOV"),
])
def test_evaluate_resolve_phrase(coder, text, code):
    actor = resolve_phrase(coder, text)
    assert actor is not None and actor.code == code


def test_evaluate_actor_accuracy_and_confusions(coder):
    gold = [GoldActor("r", "Iranian troops", "IRN", "MIL"), GoldActor("r", "Tehran", "IRN", "GOV"),
            GoldActor("r", "United Nations", "IGO", None), GoldActor("r", "the rebels", "SYR", "REB")]
    result = evaluate_actors(coder, gold)
    assert result.n == 4
    assert result.country_accuracy == 0.75 and result.full_accuracy == 0.75
    assert result.confusions() == [(("SYRREB", "-"), 1)]


def test_evaluate_plover_gold_figures(coder, shared):
    gold = load_plover_actors(shared / "gold" / "plover-gsr" / "PLOVER_GSR_CAMEO.txt")
    result = evaluate_actors(coder, gold)
    assert result.n > 600
    # measured 0.951 / 0.854 (issue #3 targets 0.95 / 0.85)
    assert result.country_accuracy >= 0.95 and result.full_accuracy >= 0.85


def test_evaluate_legacy_gold_codes_are_mapped(tmp_path):
    path = _gold_file(tmp_path, [
        {"id": "r1", "source": [{"actorText": "Japan", "code": "JAP"}],
         "target": [{"actorText": "Iraqis", "code": "IRQ", "sector": "CIV"}]},
        {"id": "r2", "source": [{"actorText": "La Prensa", "code": "NIC", "sector": "JRN"}], "target": []},
    ])
    gold = load_plover_actors(path)
    assert [(g.code, g.primary_sector) for g in gold] == [("JPN", None), ("IRQ", "CVL"), ("NIC", "MED")]


def test_evaluate_find_text_ignores_spacing_differences():
    sentence = "The Homeland Union (Conservatives) began collecting signatures."
    assert find_text(sentence, "Homeland Union  (Conservatives)") == (4, 34)
    assert find_text(sentence, "Homeland Party") is None


def test_evaluate_petrarch_config_brings_the_validation_dictionary(shared, tmp_path):
    from datetime import date

    from detente.config import Config
    from detente.evaluate import petrarch_config
    from detente.pipeline import Coder

    base = shared / "gold" / "petrarch-validation" / "universal" / "validate-dictionaries"
    config = petrarch_config(Config(), base, tmp_path)
    assert not config.bundled_people and not config.future_as_intent
    coder = Coder(config)
    coded = coder.code_text("Smeagol praised Arnor.", published=date(1994, 1, 1))
    assert [(e.source.code if e.source else None, e.target.code if e.target else None)
            for e in coded.events] == [("HOB", "ARN")]  # a dated PETRARCH person entry
