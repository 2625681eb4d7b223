"""Obligations reported as said: "Russia said Sudan must return the helicopter" is, in CAMEO, a
demand (10) by Russia on Sudan, whatever the verb of saying; the act itself has not happened.
"""

from __future__ import annotations

from spacy.tokens import Token

DEMAND = "100"  # CAMEO: make demand, not specified below
OBLIGATION_AUX = frozenset({"must"})
# Verbs through which an actor states what another must do.
SPEECH_VERBS = frozenset({
    "say", "tell", "state", "declare", "announce", "add", "note", "stress", "insist", "reiterate",
    "repeat", "conclude", "argue", "write", "warn", "emphasize", "emphasise", "remind", "maintain",
})  # fmt: skip


def obligation_clause(token: Token) -> Token | None:
    """The that-clause of a verb of saying whose subject "must" act ("said *Sudan must return*
    the helicopter"), else None."""
    if token.lemma_.lower() not in SPEECH_VERBS or token.pos_ not in ("VERB", "AUX"):
        return None
    for clause in token.children:
        if clause.dep_ != "ccomp":
            continue
        if any(c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX for c in clause.children) and obliged(clause):
            return clause
    return None


def obliged(clause: Token) -> list[Token]:
    """The subject heads of an obligation clause: who must act."""
    return [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
