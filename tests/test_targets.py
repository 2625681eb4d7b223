"""Deeper target search (detente.targets): the recipient named inside the trigger's object or
complement, and the place of the act as a last resort."""

from __future__ import annotations

import pytest


def _events(coder, text):
    events = coder.code_text(text).events
    return [(e.cameo, e.source.code, e.target.code if e.target else None) for e in events]


@pytest.mark.parametrize(("text", "expected"), [
    ("Turkey rejected Armenia's proposal for talks.", ("120", "TUR", "ARM")),  # possessor of the object
    ("Turkey rejected calls by Armenia for talks.", ("120", "TUR", "ARM")),  # "by" agent of the object
])  # fmt: skip
def test_targets_owner_of_object_is_target(coder, text, expected):
    assert expected in _events(coder, text)


def test_targets_found_inside_infinitive_clause(coder):
    [(code, source, target)] = _events(coder, "Iran threatened to cut off gas supplies to Armenia.")
    assert (code[:2], source, target) == ("13", "IRN", "ARM")


def test_targets_subject_of_demanded_clause_is_target(coder):
    assert ("100", "EGY", "ISR") in _events(coder, "Egypt demanded that Israel release the prisoners.")


def test_targets_own_troops_are_not_target(coder):
    [(_, source, target)] = _events(coder, "Russia withdrew its troops from Georgia.")
    assert (source, target) == ("RUS", "GEO")


def test_targets_phrase_about_gives_target(coder):
    text = "Somali students staged a hunger strike in protest against the arrests by Kenyan police."
    events = _events(coder, text)
    assert ("143", "SOMEDU", "KENCOP") in events


def test_targets_place_of_act_as_last_resort(coder):
    [event] = coder.code_text("Kenyan police imposed a curfew in Mombasa.").events
    assert event.target is not None and event.target.country == "KEN"
    assert event.target_span is not None and event.target_span.text == "Mombasa"


def test_targets_meeting_place_is_no_target(coder):
    [(code, _, target)] = _events(coder, "Iranian officials met in Geneva.")
    assert (code, target) == ("040", None)


def test_targets_deeper_heads_order(coder):
    from detente.targets import deeper_heads

    doc = coder.nlp("Turkey rejected Armenia's proposal to send troops to Syria.")
    trigger = next(t for t in doc if t.lemma_ == "reject")
    assert [t.text for t in deeper_heads(trigger)][:1] == ["Armenia"]


def test_targets_inside_clause_of_object(coder):
    # the target hangs on a participle or infinitive modifying the object
    text = "The White House lifted a ban imposed on Iranian students."
    assert ("081", "USAGOV", "IRNEDU") in _events(coder, text)
    assert ("036", "TURGOV", "IRNGOV") in _events(
        coder, "The Turkish president accepted an invitation to meet with the Iranian president.")


def test_targets_what_an_expressed_feeling_is_about(coder):
    [event] = coder.code_text("China expressed concern about the Japanese navy.").events
    assert (event.cameo_root, event.target.code if event.target else None) == ("01", "JPNMIL")


def test_targets_quantity_of_people_is_loose_target(coder):
    [event] = coder.code_text("Saudi Arabia eased restrictions on millions of foreign workers.").events
    assert event.target_span is not None and event.target_span.text == "millions of foreign workers"


def test_targets_condition_heads_only_for_threats(coder):
    from detente.targets import condition_heads, deeper_heads

    doc = coder.nlp("Russia threatened to stop the talks if the United States deploys missiles.")
    trigger = next(t for t in doc if t.lemma_ == "threaten")
    assert [t.text for t in condition_heads(trigger)] == ["States"]
    assert deeper_heads(trigger, conditions=True)[0].text == "States"
    assert "States" not in [t.text for t in deeper_heads(trigger)]


def test_targets_noun_heads_of_noun_clause_and_support_purpose(coder):
    from detente.targets import noun_heads

    doc = coder.nlp("Egypt reiterated its demand that Israel ease the blockade.")
    noun = next(t for t in doc if t.text == "demand")
    assert noun_heads(noun, None)[0].text == "Israel"
    doc = coder.nlp("The students began a strike to demand the resignation of the minister.")
    noun = next(t for t in doc if t.text == "strike")
    assert noun_heads(noun, noun.head)[0].text == "minister"


def test_targets_phrase_heads_of_only_after_in(coder):
    from detente.targets import phrase_heads

    doc = coder.nlp("The workers went on strike in protest of the arrest of their leader.")
    verb = next(t for t in doc if t.text == "went")
    strike = next(t for t in doc if t.text == "strike")
    assert "arrest" in [t.text for t in phrase_heads(verb) + phrase_heads(strike)]
    doc = coder.nlp("Israel imposed a closure following the deaths of two soldiers.")
    verb = next(t for t in doc if t.text == "imposed")
    assert "deaths" not in [t.text for t in phrase_heads(verb)]
    assert "soldiers" not in [t.text for t in phrase_heads(verb)]


def test_targets_owner_heads_include_participle_agent(coder):
    from detente.targets import owner_heads

    doc = coder.nlp("The farmers protested the tax imposed by the provincial government.")
    tax = next(t for t in doc if t.text == "tax")
    assert [t.text for t in owner_heads(tax)] == ["government"]
