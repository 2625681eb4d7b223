"""Which events of a sentence are its main ones.

A sentence reports one or two acts in its main clauses; acts in a relative clause ("the curfew
*that was imposed* six months ago"), a participle modifier ("a helicopter *captured* last week")
or a subordinate clause of time or cause ("one day *after* a Serbian jet *shot down* a helicopter")
are background, already reported when they happened. They are left out when the sentence has an
event in a main clause, and kept when they are all it reports.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from spacy.tokens import Doc, Token

E = TypeVar("E")

# Subordinating conjunctions of background clauses: time, cause, concession.
# ("before" is not one: "before Israel strikes" is a possible act, its modality says so.)
BACKGROUND_MARKS = frozenset({"after", "as", "since", "because", "when", "while", "until", "although",
                              "though", "whereas", "once"})
BACKGROUND_DEPS = frozenset({"relcl", "acl"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def _background_step(node: Token) -> bool:
    if node.dep_ in BACKGROUND_DEPS:
        return True
    if node.dep_ == "advcl":
        return any(c.dep_ == "mark" and c.lower_ in BACKGROUND_MARKS for c in node.children)
    return False


def in_background(token: Token) -> bool:
    """The trigger is inside a relative, participle or background subordinate clause (looked for on
    its path up to the sentence root)."""
    node = token
    for _ in range(12):
        if _background_step(node):
            return True
        if node.head is node:
            return False
        node = node.head
    return False


def main_events(by_trigger: dict[int, list[E]], doc: Doc) -> dict[int, list[E]]:
    """The events of one sentence by trigger index, without the background ones when any event
    is in a main clause."""
    main = {i: events for i, events in by_trigger.items() if not in_background(doc[i])}
    return main if main else by_trigger


def without_subject_acts(by_trigger: dict[int, list[E]], doc: Doc,
                         aimless: Callable[[E], bool]) -> dict[int, list[E]]:  # fmt: skip
    """Without the ``aimless`` events (no target) of an act that is itself the subject of a coded
    verb: in "a car bombing by IS killed 75 people" the bombing is the killing, coded once, by its
    verb; "the air strike *on Gaza* killed ten people" keeps the strike, which says at whom."""
    return {i: events for i, events in by_trigger.items()
            if not (doc[i].pos_ == "NOUN" and doc[i].dep_ in SUBJECT_DEPS and doc[i].head.i in by_trigger
                    and all(aimless(e) for e in events))}
