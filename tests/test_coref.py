from __future__ import annotations

from datetime import date

import pytest


def _resolved(coder, text, day=date(2020, 8, 1)):
    """token text -> resolved actor, per sentence, in reading order (after the discourse pass)."""
    doc = coder.nlp(text)
    return [{doc[i].text: a for i, a in sorted(r.memo.items())} for r in coder.actor_stage(doc, day)]


def _actors(coder, text, day=date(2020, 8, 1)):
    return [{k: (a.code if a else None) for k, a in s.items()} for s in _resolved(coder, text, day)]


def test_coref_surname_and_role_resolve_to_the_person_introduced(coder):
    text = ("Azerbaijan's Deputy Foreign Minister Xalaf Xalafov met the Iranian ambassador Javad "
            "Jahangirzadeh. Xalafov protested to the ambassador.")
    first, second = _actors(coder, text)
    assert first["Xalafov"] == "AZEGOV" and first["Jahangirzadeh"] == "IRNGOV"
    assert second["Xalafov"] == "AZEGOV"
    assert second["ambassador"] == "IRNGOV"


def test_coref_spelling_variant_of_an_introduced_person(coder):
    text = "Iran's Deputy Foreign Minister Abbas Araghchi arrived in Baku. Aragchi met officials."
    _, second = _actors(coder, text)
    assert second["Aragchi"] == "IRNGOV"


@pytest.mark.parametrize(("text", "word", "code"), [
    ("Iran closed the border. Its army was deployed.", "Its", "IRN"),
    ("Azerbaijani troops advanced. They shelled the town.", "They", "AZEMIL"),
    ("Azerbaijan protested to Iran. The latter denied the claim.", "latter", "IRN"),
    ("Azerbaijan protested to Iran. The former demanded an answer.", "former", "AZE"),
    ("Azerbaijan protested to Iran. Baku accused the neighbouring country of lying.", "country", "IRN"),
    ("Iran summoned the envoy. The Azerbaijani side rejected the claim.", "side", "AZEGOV"),
])
def test_coref_anaphors_resolve_to_the_nearest_compatible_actor(coder, text, word, code):
    resolved = _actors(coder, text)[-1]
    assert resolved[word] == code


@pytest.mark.parametrize(("text", "word"), [
    ("The weather was bad. It rained all day.", "It"),           # no state or organisation before
    ("Nothing happened. They said nothing.", "They"),            # no plural actor before
    ("The minister arrived.", "minister"),                       # role never introduced: no country
    ("Azerbaijan protested. The latter was not amused.", "latter"),  # only one actor before
])
def test_coref_unresolved_mentions_stay_unresolved(coder, text, word):
    actor = _resolved(coder, text)[-1].get(word)
    assert actor is None or (actor.country is None and actor.organisation is None)


def test_coref_pronouns_do_not_reach_beyond_two_sentences(coder):
    text = "Iran protested. Nothing else. Nothing more. Still nothing. Its army moved."
    assert _actors(coder, text)[-1].get("Its") is None


def test_coref_discourse_is_per_article(coder):
    coder.code_text("Azerbaijan's Deputy Foreign Minister Xalaf Xalafov spoke.")
    doc = coder.nlp("Xalafov spoke.")
    resolver = next(iter(coder.actor_stage(doc, None)))
    assert resolver.resolve(doc[0]) is None
