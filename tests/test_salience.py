"""Background acts (relative, participle and time clauses) give way to the main event of a
sentence (detente.salience)."""

from __future__ import annotations


def _codes(coder, text):
    return [e.cameo for e in coder.code_text(text).events]


def test_salience_relative_clause_act_is_background(coder):
    assert _codes(coder, "Kenya condemned the attack that killed ten Somali soldiers.") == ["111"]


def test_salience_time_clause_act_is_background(coder):
    text = "Kenya closed its border with Somalia after Somali militants attacked a Kenyan town."
    assert _codes(coder, text) == ["163"]


def test_salience_background_act_alone_is_kept(coder):
    assert _codes(coder, "The rebels who attacked the Kenyan army base were Somali.") == ["190"]


def test_salience_in_background(coder):
    from detente.salience import in_background

    doc = coder.nlp("Kenya condemned the attack that killed ten Somali soldiers.")
    assert [t.text for t in doc if in_background(t) and t.pos_ == "VERB"] == ["killed"]
