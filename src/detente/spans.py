"""Argument spans: the noun phrase of an event's source or target as written.

The span of an argument is what ConfliBERT's annotators mark: the whole noun phrase of the
subject or object of the act ("*US President Donald Trump's decision*", "*an army camp in western
Kabul*"), even where the actor coded is only part of it (Trump; the country of Kabul).
"""

from __future__ import annotations

from types import MappingProxyType

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from detente.model import Span

# Right dependents of an argument head that end its noun phrase: coordination and clauses. An
# appositive stays ("Nigerian Air Force ( NAF )", "his counterpart , Michel Aoun"), as in the
# ConfliBERT actor spans (cutting it loses 2-3 points of span F1 there).
SPAN_CUTS = frozenset({"conj", "cc", "relcl", "acl"})
# A possessed thing ends at its noun: "X's request *for* revocation", "X's suggestion *that* ...";
# "of" and "to" stay ("Iran's minister *of* defence", "Iran's ambassador *to* Baku").
POSSESSED_CUTS = SPAN_CUTS | {"prep", "ccomp"}
KEPT_PREPS = frozenset({"of", "to"})
TIMES = frozenset({"DATE", "TIME"})
CLOSING = MappingProxyType({")": "(", "]": "["})


def span_head(head: Token, trigger: Token) -> Token:
    """The token whose phrase stands for an argument: a possessor resolved as the actor stands for
    the whole possessed phrase ("praised *Trump's decision*": the act is aimed at Trump)."""
    owner = head.head
    if head.dep_ == "poss" and owner.pos_ in ("NOUN", "PROPN") and owner.i not in (head.i, trigger.i):
        return owner
    return head


def _possessed(head: Token) -> bool:
    """A common noun with a possessor: "the government's *request*"."""
    return head.pos_ == "NOUN" and any(c.dep_ == "poss" for c in head.children)


def _when_or_where(head: Token, child: Token) -> bool:
    """A right dependent saying when ("in May", "last month") or, after a name, where the act took
    place ("met Donald Trump *in Washington*"): no part of the argument. A preposition inside a
    name ("Observatory *for* Human Rights") is none."""
    if child.ent_type_ in TIMES or child.dep_ == "prep" and any(
            o.dep_ == "pobj" and o.ent_type_ in TIMES for o in child.children):  # fmt: skip
        return True
    named = head.pos_ == "PROPN" and not child.ent_type_
    return named and child.dep_ == "prep" and child.lower_ not in KEPT_PREPS


def _ends_phrase(head: Token, child: Token, possessed: bool) -> bool:
    if child.dep_ in SPAN_CUTS or _when_or_where(head, child):
        return True
    return possessed and child.dep_ in POSSESSED_CUTS and child.lower_ not in KEPT_PREPS


def _cut(head: Token, coordination: bool) -> int:
    """The last token index of the head's phrase before its first right dependent that ends it."""
    possessed = _possessed(head)
    for child in head.rights:
        if coordination and child.dep_ in ("conj", "cc"):
            continue
        if _ends_phrase(head, child, possessed):
            return child.left_edge.i - 1
    return head.right_edge.i


def argument_span(head: Token, trigger: Token, sent: SpacySpan, coordination: bool = False) -> Span:
    """The noun phrase of an argument head as written: its subtree, cut before a coordinated
    conjunct ("Russia and Iran": each its own) and before a relative or other clause (and, for a
    possessed thing, before its prepositional phrases), never reaching the trigger, inside the
    sentence, without punctuation at its ends (a closing bracket whose opening bracket is inside
    stays). With ``coordination``, the phrase of the whole coordination the head is part of
    ("*Russia and Iran* met")."""
    head = span_head(head, trigger)
    while coordination and head.dep_ == "conj" and head.head.i < head.i:
        head = head.head
    doc = head.doc
    lo, hi = head.left_edge.i, _cut(head, coordination)
    if lo <= trigger.i <= hi and trigger.i != head.i:
        lo, hi = (lo, trigger.i - 1) if trigger.i > head.i else (trigger.i + 1, hi)
    lo, hi = max(lo, sent.start), min(hi, sent.end - 1)
    while lo < head.i and doc[lo].is_punct:
        lo += 1
    while hi > head.i and doc[hi].is_punct and not (
            doc[hi].text in CLOSING and any(t.text == CLOSING[doc[hi].text] for t in doc[lo:hi])):
        hi -= 1
    start, end = doc[lo].idx, doc[hi].idx + len(doc[hi].text)
    return Span(doc.text[start:end], start, end)
