"""What another actor "must" do, said by an actor, is a demand (detente.demands)."""

from __future__ import annotations


def test_demands_must_clause_is_demand(coder):
    events = coder.code_text("Germany said Russia must release the activists.").events
    assert [(e.cameo, e.source.code, e.target.code if e.target else None)
            for e in events if e.cameo_root == "10"] == [("100", "DEU", "RUS")]  # fmt: skip
    assert all(e.modality.hypothetical for e in events if e.cameo_root == "08")  # not released yet


def test_demands_obligation_of_oneself_is_no_demand(coder):
    events = coder.code_text("Germany said it must defend itself.").events
    assert not [e for e in events if e.cameo_root == "10"]


def test_demands_obligation_clause(coder):
    from detente.demands import obligation_clause

    said = next(t for t in coder.nlp("Germany said Russia must release the activists.") if t.lemma_ == "say")
    clause = obligation_clause(said)
    assert clause is not None and clause.lemma_ == "release"
    said = next(t for t in coder.nlp("Germany said Russia released the activists.") if t.lemma_ == "say")
    assert obligation_clause(said) is None
