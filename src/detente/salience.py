"""Which events of a sentence are its main ones.

A sentence reports one or two acts in its main clauses; acts in a relative clause ("the curfew
*that was imposed* six months ago"), a participle modifier ("a helicopter *captured* last week")
or a subordinate clause of time or cause ("one day *after* a Serbian jet *shot down* a helicopter")
are background, already reported when they happened. They are left out when the sentence has an
event in a main clause, and kept when they are all it reports.
"""

from __future__ import annotations

from typing import TypeVar

from spacy.tokens import Doc, Token

E = TypeVar("E")

# Subordinating conjunctions of background clauses: time, cause, concession.
# ("before" is not one: "before Israel strikes" is a possible act, its modality says so.)
BACKGROUND_MARKS = frozenset({"after", "as", "since", "because", "when", "while", "until", "although",
                              "though", "whereas", "once"})
BACKGROUND_DEPS = frozenset({"relcl", "acl"})


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
