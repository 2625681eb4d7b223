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


def test_salience_subject_act_without_target_gives_way_to_its_verb(coder):
    # the bombing is the killing: one event, by the verb, with the victims as target
    events = coder.code_text("A car bombing by the Taliban killed five Afghan policemen.").events
    assert [(e.trigger, e.target.code if e.target else None) for e in events] == [("killed", "AFGCOP")]


def test_salience_subject_act_with_target_is_kept(coder):
    events = coder.code_text("The Israeli air strike on Gaza killed ten people.").events
    assert "strike" in [e.trigger for e in events]
