"""Conflictual acts announced for the future are threats made now (detente.threats)."""

from __future__ import annotations

import pytest


def _events(coder, text):
    events = coder.code_text(text).events
    return [(e.cameo, e.source.code, e.target.code if e.target else None) for e in events]


@pytest.mark.parametrize(("code", "threat"), [
    ("1723", "1323"), ("172", "132"), ("163", "1312"), ("195", "1384"), ("145", "133"), ("0874", None),
    ("057", None),
])  # fmt: skip
def test_threats_threat_code_table(code, threat):
    from detente.threats import threat_code

    assert threat_code(code) == threat


@pytest.mark.parametrize(("text", "expected"), [
    ("Iran will attack Iraq.", ("1384", "IRN", "IRQ")),
    ("Pakistan said it would impose sanctions on India.", ("1312", "PAK", "IND")),
])
def test_threats_announced_attack_is_threat(coder, text, expected):
    events = coder.code_text(text).events
    assert expected in [(e.cameo, e.source.code, e.target.code if e.target else None) for e in events]
    assert not any(e.modality.future for e in events)


def test_threats_act_announced_unless_is_ultimatum(coder):
    events = _events(coder, "Chad will expel the French ambassador unless Paris apologises.")
    assert events[0][:2] == ("139", "TCD")


def test_threats_petrarch_convention_keeps_the_act(coder):
    from dataclasses import replace

    from detente.pipeline import Coder

    [event] = Coder(replace(coder.config, future_as_intent=False)).code_text("Iran will attack Iraq.").events
    assert (event.cameo_root, event.modality.future) == ("19", True)
