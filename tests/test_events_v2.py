"""Issue #4 coding rules: event nouns, threats and refusals folded with their act, figurative
language and sports results, hearsay attribution, noun modality, the confidence threshold."""

from __future__ import annotations

import pytest

from detente.config import Config


def _events(coder, text):
    events = coder.code_text(text).events
    return [(e.cameo, e.source.code, e.target.code if e.target else None) for e in events]


@pytest.mark.parametrize(("text", "expected"), [
    ("Weeks earlier, Baku's $5 million gift to Tehran was delivered.", ("070", "AZEGOV", "IRNGOV")),
    ("Azerbaijan's deputy foreign minister had a telephone conversation with the Iranian ambassador.",
     ("041", "AZEGOV", "IRNGOV")),
    ("The Israeli air strike on Gaza killed ten people.", ("195", "ISR", "PSE")),
    ("Azerbaijan's protest to Iran was rejected.", ("111", "AZE", "IRN")),
    ("Russia's sanctions on Georgia hurt farmers.", ("163", "RUS", "GEO")),
])
def test_events_v2_event_nouns(coder, text, expected):
    assert expected in _events(coder, text)


def test_events_v2_noun_already_coded_with_its_verb_is_not_doubled(coder):
    assert _events(coder, "The United States imposed sanctions on Iran.") == [("163", "USA", "IRN")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Iran threatened to strike Azerbaijan.", [("138", "IRN", "AZE")]),
    ("Russia threatened to impose sanctions on Georgia.", [("132", "RUS", "GEO")]),
    ("Germany refused to provide aid to Syria.", [("122", "DEU", "SYR")]),
    ("Iran refused to meet Azerbaijan.", [("125", "IRN", "AZE")]),
])
def test_events_v2_threat_and_refusal_are_one_event_never_the_act(coder, text, expected):
    assert _events(coder, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Japan agreed to provide aid to Syria.", [("033", "JPN", "SYR")]),
    ("Iran offered to release the Azerbaijani sailors.", [("0353", "IRN", "AZE")]),
    ("China promised to lift sanctions on Japan.", [("0354", "CHN", "JPN")]),
    ("Finland will give Tanzania a grant.", [("0331", "FIN", "TZA")]),  # announced = intent
    ("Planned Russian talks with Turkey were announced.", [("036", "RUS", "TUR"), ("036", "TUR", "RUS")]),
    ("Azerbaijan sent aid to Iran.", [("070", "AZE", "IRN")]),  # done, not intended
])  # fmt: skip
def test_events_v2_intent_to_cooperate_is_one_event_never_the_act(coder, text, expected):
    assert _events(coder, text) == expected


@pytest.mark.parametrize("text", [
    "Iran beat Armenia 2-1 in the World Cup qualifier.",
    "Russia defeated Turkey 3:0 on Saturday.",
    "Turkey's move was a stab in the back for Iran.",
    "Russia wants to kill two birds with one stone in Syria.",
])
def test_events_v2_idioms_and_sports_results_code_nothing(coder, text):
    assert _events(coder, text) == []


def test_events_v2_denied_act_is_not_coded_as_happened(coder):
    events = coder.code_text("Iran denied supplying fuel to the separatists.").events
    assert [e.cameo for e in events] == ["016"]


def test_events_v2_hearsay_is_attributed(coder):
    (event,) = coder.code_text("Iran reportedly attacked Iraq.").events
    assert event.modality.attributed_to == "reportedly"


@pytest.mark.parametrize(("text", "flag"), [
    ("Possible Israeli strikes on Iran worried Baku.", "hypothetical"),
    ("Planned Russian strikes on Turkey were announced.", "future"),
])
def test_events_v2_noun_modality(coder, text, flag):
    events = [e for e in coder.code_text(text).events if e.trigger in ("strikes", "talks")]
    assert events and all(getattr(e.modality, flag) for e in events)


def test_events_v2_confidence_threshold_drops_weak_events(coder):
    from detente.pipeline import Coder

    text = "Iran attacked. Azerbaijan protested to Iran."
    strict = Coder(Config(min_confidence=0.85))
    kept = strict.code_text(text).events
    assert kept and all(e.confidence >= 0.85 for e in kept)
    assert len(coder.code_text(text).events) > len(kept)
    assert strict.version != coder.version


def test_events_v2_call_to_disprove_is_a_denial_not_a_phone_call(coder):
    assert [c for c, _, _ in _events(coder, "Baku called to disprove what the video showed.")] == ["016"]
    assert _events(coder, "Azerbaijan called Iran on Tuesday.") == [("041", "AZE", "IRN")]


@pytest.mark.parametrize(("text", "root", "hypothetical"), [
    # future in the past, reported: an attack announced is a threat made now (138x), not yet an attack
    ("Iran said it would attack Azerbaijan.", "13", False),
    ("Iran would attack Azerbaijan if talks fail.", "19", True),  # conditional stays hypothetical
])
def test_events_v2_reported_would_is_future(coder, text, root, hypothetical):
    (event,) = coder.code_text(text).events
    m = event.modality
    assert (event.cameo_root, m.future, m.hypothetical) == (root, False, hypothetical)


def test_events_v2_aspectual_verbs_keep_the_act_factual(coder):
    (event,) = coder.code_text("The United States continued to send arms to Pakistan.").events
    assert event.cameo == "072" and not event.modality.hypothetical


def test_events_v2_city_after_preposition_is_not_a_target(coder):
    events = _events(coder, "Iranian negotiators returned to Geneva on Monday.")
    assert all(target != "CHE" for _, _, target in events)
    assert ("154", "RUS", "SYR") in _events(coder, "Russia sent troops to Syria.")  # countries still are


@pytest.mark.parametrize(("text", "hypothetical"), [
    ("Azerbaijan warned Iran to stop the trucks before Israel strikes Iran.", True),
    ("Azerbaijan protested before Israel struck Iran.", False),  # past tense: it happened
])
def test_events_v2_before_clause_in_present_tense_is_hypothetical(coder, text, hypothetical):
    strikes = [e for e in coder.code_text(text).events if e.cameo_root == "19"]
    assert strikes and all(e.modality.hypothetical == hypothetical for e in strikes)


def test_events_v2_future_acts_can_stay_acts(coder):
    from dataclasses import replace

    from detente.pipeline import Coder

    text = "Finland will give Tanzania a grant."
    assert [e.cameo for e in coder.code_text(text).events] == ["0331"]
    as_act = Coder(replace(coder.config, future_as_intent=False))
    [event] = as_act.code_text(text).events
    assert (event.cameo, event.modality.future) == ("071", True)  # economic aid, still to come
    assert as_act.version != coder.version  # switching re-codes stored articles
