from __future__ import annotations

import pytest

from detente.actors import find_mentions
from detente.resolve import ActorResolver


def _mentions(coder, text):
    doc = coder.nlp(text)
    return [m for i, s in enumerate(doc.sents) for m in find_mentions(s, i, coder.actors)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Azerbaijan protested.", [("Azerbaijan", "AZE", "name")]),
    ("The United States and the UK spoke.", [("United States", "USA", "name"), ("UK", "GBR", "name")]),
    ("The U.S. sanctioned Russia.", [("U.S.", "USA", "name"), ("Russia", "RUS", "name")]),
    ("Iranian and Azeri officials met.", [("Iranian", "IRN", "demonym"), ("Azeri", "AZE", "demonym")]),
    ("Armenians rallied.", [("Armenians", "ARM", "demonym")]),
    ("Tehran and official Baku disagree.", [("Tehran", "IRNGOV", "capital"),
                                            ("official Baku", "AZEGOV", "capital")]),
    ("The Kremlin replied to the White House.", [("Kremlin", "RUSGOV", "capital"),
                                                  ("White House", "USAGOV", "capital")]),
    ("Downing Street and Beijing agreed.", [("Downing Street", "GBRGOV", "capital"),
                                            ("Beijing", "CHNGOV", "capital")]),
    ("The Islamic Republic warned the Jewish state.", [("Islamic Republic", "IRN", "name"),
                                                        ("Jewish state", "ISR", "name")]),
    ("The UN Security Council and NATO met.", [("UN Security Council", "IGOUNOGOV", "organisation"),
                                               ("NATO", "IGONAT", "organisation")]),
    ("Hamas and Hezbollah fired rockets.", [("Hamas", "PSEREB", "group"), ("Hezbollah", "LBNREB", "group")]),
    ("Nagorno-Karabakh and Transnistria voted.", [("Nagorno-Karabakh", "AZESEP", "breakaway"),
                                                   ("Transnistria", "MDASEP", "breakaway")]),
    ("Stepanakert replied to Baku.", [("Stepanakert", "AZESEP", "breakaway"), ("Baku", "AZEGOV", "capital")]),
    ("Gaza was shelled.", [("Gaza", "PSE", "region")]),
    ("The OSCE Minsk Group visited Baku.", [("OSCE Minsk Group", "IGOOSCGOV", "organisation"),
                                            ("Baku", "AZEGOV", "capital")]),
])
def test_actors_find_mentions(coder, text, expected):
    found = [(m.span.text, m.actor.code, m.kind) for m in _mentions(coder, text)]
    assert found == expected


@pytest.mark.parametrize("text", [
    "Let us talk about it.",              # "us" is not the US
    "They ate turkey and rice.",          # lowercase common noun, not Turkey
    "The chad of the ballot was hanging.",
    "Who knows what amnesty means?",       # "Who" is not the WHO, "amnesty" not Amnesty
])
def test_actors_no_false_mentions(coder, text):
    assert _mentions(coder, text) == []


def test_actors_mention_offsets_point_into_text(coder):
    text = "Officials said that Azerbaijan's army and Iranian troops clashed."
    for m in _mentions(coder, text):
        assert text[m.span.start : m.span.end] == m.span.text


@pytest.mark.parametrize(("text", "head", "code"), [
    ("The Iranian ambassador left.", "ambassador", "IRNGOV"),
    ("Azerbaijani troops crossed.", "troops", "AZEMIL"),
    ("Iran's foreign ministry replied.", "ministry", "IRNGOV"),
    ("The army of Armenia advanced.", "army", "ARMMIL"),
    ("Russian police arrived.", "police", "RUSCOP"),
    ("Protesters gathered.", "Protesters", "CVL"),
    ("Tehran replied.", "Tehran", "IRNGOV"),
    ("UN peacekeepers withdrew.", "peacekeepers", "IGOUNOMIL"),
    ("The Iranian side denied it.", "side", "IRNGOV"),
    ("Palestinians marched.", "Palestinians", "PSECVL"),
    ("The European Union replied.", "Union", "IGOEUR"),
])
def test_actors_resolver_country_and_sector(coder, text, head, code):
    doc = coder.nlp(text)
    sent = next(doc.sents)
    resolver = ActorResolver.for_mentions(find_mentions(sent, 0, coder.actors), coder.sectors)
    token = next(t for t in doc if t.text == head)
    actor = resolver.resolve(token)
    assert actor is not None and actor.code == code


def test_actors_resolver_conjuncts(coder):
    doc = coder.nlp("Russia and Iran met.")
    sent = next(doc.sents)
    resolver = ActorResolver.for_mentions(find_mentions(sent, 0, coder.actors), coder.sectors)
    assert [a.code for a in resolver.resolve_all(doc[0])] == ["RUS", "IRN"]


def test_actors_unknown_noun_resolves_to_nothing(coder):
    doc = coder.nlp("The weather changed.")
    resolver = ActorResolver.for_mentions([], coder.sectors)
    assert resolver.resolve(doc[1]) is None
