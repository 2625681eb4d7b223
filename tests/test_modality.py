from __future__ import annotations

import pytest


def _only(coder, text, cameo_root):
    events = [e for e in coder.code_text(text).events if e.cameo_root == cameo_root]
    assert events, text
    return events[0].modality


@pytest.mark.parametrize(("text", "root", "flags"), [
    ("Turkey did not attack the convoy.", "19", {"negated"}),
    ("Iran would never attack Azerbaijan.", "19", {"negated", "hypothetical"}),
    ("Azerbaijan could attack Iran if talks fail.", "19", {"hypothetical"}),
    ("If Iran attacks Azerbaijan, Turkey will respond.", "19", {"hypothetical"}),
    # a conflictual act announced for the future is a threat (13) made now, not a future act
    ("Russia will attack Ukraine.", "13", set()),
    ("Iran plans to expel Azerbaijani diplomats next week.", "13", set()),
    # a cooperative act announced for the future is an intent (03) expressed now, not a future act
    ("Germany will send humanitarian aid to Syria.", "03", set()),
    ("Iran plans to meet Azerbaijan next week.", "03", set()),
    ("Iran intends to help Iraq.", "03", set()),
    ("Iran pledged to help Iraq.", "03", set()),  # the pledge happened; the help is its content
    ("Iran denied attacking Azerbaijan.", "19", {"negated"}),
    ("Israel struck Syria.", "19", set()),
])
def test_modality_flags(coder, text, root, flags):
    m = _only(coder, text, root)
    got = {name for name in ("negated", "hypothetical", "future") if getattr(m, name)}
    assert got == flags


@pytest.mark.parametrize(("text", "who"), [
    ("Iran attacked Iraq, the ministry said.", "the ministry"),
    ("According to the Iranian foreign ministry, Azerbaijan attacked Iran.",
     "the Iranian foreign ministry"),
    ("The spokesman said that Israel struck Syria.", "The spokesman"),
])
def test_modality_attribution(coder, text, who):
    assert _only(coder, text, "19").attributed_to == who


def test_modality_plain_event_is_unattributed(coder):
    assert _only(coder, "Israel struck Syria.", "19").attributed_to is None


def test_modality_ready_adjective_announces_intent(coder):
    # "is willing to send" announces the act: an intent to give aid (03), made now
    [event] = coder.code_text("Norway is willing to send aid to Sudan.").events
    target = event.target.code if event.target else None
    assert (event.cameo_root, event.source.code, target) == ("03", "NOR", "SDN")
    assert not event.modality.future


def test_modality_demanded_clause_is_hypothetical(coder):
    m = _only(coder, "Egypt demanded that Israel release the prisoners.", "08")
    assert m.hypothetical


def test_modality_about_to_is_imminent_not_hypothetical(coder):
    from dataclasses import replace

    from detente.config import Config
    from detente.pipeline import Coder

    # with the CAMEO convention (no intents for announced acts) the imminent act itself is coded
    plain = Coder(replace(Config(), future_as_intent=False))
    [event] = plain.code_text("Iran is about to restore diplomatic ties with Egypt.").events
    assert (event.cameo_root, event.source.code, event.target.code if event.target else None) == (
        "05", "IRN", "EGY")
    assert event.modality.future and not event.modality.hypothetical
