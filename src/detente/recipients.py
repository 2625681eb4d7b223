"""Resolving whom an act is aimed at, beyond the trigger's own objects.

:mod:`detente.targets` lists candidate heads from the parse; the helpers here resolve them to
actors: a deeper candidate (the owner of the object, the subject of a that-clause, the party a
threat's condition is put to), the place of the act as a last resort, or a head that names no
actor at all (a "loose" target, kept for its span). Candidates that are the source's own side are
skipped (:func:`self_reference`).
"""

from __future__ import annotations

from spacy.tokens import Token

from detente.lexicons import VerbEntry
from detente.model import Actor
from detente.resolve import ActorResolver
from detente.targets import deeper_heads, noun_heads, own_thing, place_heads, prep_objects

Resolved = list[tuple[Actor, Token]]  # actors with the head token each was resolved from
# sectors that act for their state: such a source's bare country is its own side, not a target
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG", "ELI"})



def known(actor: Actor) -> bool:
    """The actor has a country or an organisation (is more than a bare role: "deputies")."""
    return bool(actor.country or actor.organisation)


def nominal(head: Token) -> bool:
    """A noun, or a number heading a quantity of people or things ("*three* of the hostages")."""
    return head.pos_ in ("NOUN", "PROPN") or head.pos_ == "NUM" and bool(prep_objects(head, ("of",)))


def loose_target(heads: list[Token], trigger: Token, entry: VerbEntry,
                  resolver: ActorResolver) -> Token | None:  # fmt: skip
    """The head of a target that names no actor ("killed *dozens of displaced people*"), so the
    event still shows whom it was done to; places and dates are not targets."""
    for head in heads:
        mention = resolver.mentions.get(head.i)
        if not nominal(head) or head.lemma_.lower() in entry.objects or head is trigger:
            continue
        if head.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL") \
                and not (head.ent_type_ == "CARDINAL" and prep_objects(head, ("of",))):  # "millions of"
            continue
        if head.ent_type_ in ("GPE", "LOC", "FAC") or (mention is not None and mention.kind == "place"):
            continue
        return head
    return None


def place_after_prep(head: Token, resolver: ActorResolver) -> bool:
    mention = resolver.mentions.get(head.i)
    return head.dep_ == "pobj" and mention is not None and mention.kind == "place"


def self_reference(actor: Actor, head: Token, sources: Resolved, resolver: ActorResolver) -> bool:
    """A candidate target that is the source itself or its own side: the same code; the bare country
    a source acts for ("the Ukrainian president warned that *Ukraine* would not ..."); or a pronoun
    or a phrase owned by one that points back to a source's country ("Rwanda condemned *the killing
    of its soldiers*")."""
    if actor.code in {a.code for a, _ in sources}:
        return True
    if actor.organisation or actor.country not in {a.country for a, _ in sources if a.country}:
        return False
    if actor.sector is None and head.i in resolver.mentions:  # the state a state actor speaks for
        return any(a.sector in STATE_SECTORS and a.country == actor.country for a, _ in sources)
    return head.i not in resolver.mentions and any(t.tag_ in ("PRP", "PRP$") for t in head.subtree)


def deeper_target(token: Token, resolver: ActorResolver, sources: Resolved,
                   conditions: bool = False) -> tuple[Resolved, Token | None]:  # fmt: skip
    """The actors of the first deeper target candidate (:func:`detente.targets.deeper_heads`) that
    names an actor other than the sources and their own side, and its head."""
    return first_target(deeper_heads(token, conditions), resolver, sources)


def noun_target(noun: Token, support: Token | None, resolver: ActorResolver,
                sources: Resolved) -> tuple[Resolved, Token | None]:  # fmt: skip
    """The deeper target of an event noun (:func:`detente.targets.noun_heads`), and its head."""
    return first_target(noun_heads(noun, support), resolver, sources)


def first_target(heads: list[Token], resolver: ActorResolver,
                 sources: Resolved) -> tuple[Resolved, Token | None]:  # fmt: skip
    """The actors of the first head that names one other than the sources and their own side
    (a place after a preposition is where, not whom), and that head."""
    for head in heads:
        if place_after_prep(head, resolver) or own_thing(head):
            continue
        found = [(a, h) for a, h in resolver.resolve_heads(head)
                 if not self_reference(a, h, sources, resolver)]  # fmt: skip
        if found:
            return found, head
    return [], None


def place_target(token: Token, resolver: ActorResolver) -> tuple[Resolved, Token | None]:
    """The place where the act is done, as a last-resort target (:func:`detente.targets.place_heads`)."""
    for head in place_heads(token):
        found = resolver.resolve_heads(head)
        if found:
            return found, head
    return [], None


def place_in_object(targets: Resolved, place: Token | None, thing: Token | None) -> Resolved:
    """Where the act has an object naming no actor, a place target stands for the object's phrase:
    in "attacked *an army camp in Kabul*" or "attacked *a camp* in Kabul" the act is aimed at the
    camp (its span) in Afghanistan (its actor)."""
    if place is None or thing is None:
        return targets
    return [(actor, thing) for actor, _ in targets]


def _direct_targets(heads: list[Token], sources: Resolved,
                    resolver: ActorResolver) -> tuple[Resolved, Token | None]:  # fmt: skip
    """The actors of the first of the trigger's own target heads that names one, and that head.
    A head naming only the source's own side stops the search with no target (its head is still
    returned); one naming the very source is kept, so that no event of the source on itself is made."""
    for head in heads:
        if place_after_prep(head, resolver) or own_thing(head):
            continue  # "returned to Geneva": a city after a preposition is where, not whom
        found = resolver.resolve_heads(head)
        if found:
            return [(a, h) for a, h in found if a in [s for s, _ in sources]
                    or not self_reference(a, h, sources, resolver)], head  # fmt: skip
    return [], None


def active_targets(token: Token, heads: list[Token], sources: Resolved, resolver: ActorResolver,
                   threat: bool = False) -> tuple[Resolved, list[Token]]:  # fmt: skip
    """Targets of an active trigger and the heads they were found on: its own target heads, else a
    deeper candidate (:func:`deeper_target`). A bare role with no country ("sent *troops* to
    Mali", "provided *intelligence* to Macedonia") gives way to a deeper candidate naming a known
    actor. An empty list of targets with heads: the act is aimed at the source's own side."""
    targets, head = _direct_targets(heads, sources, resolver)
    weak = bool(targets) and not any(known(a) for a, _ in targets)
    if not targets or weak:
        deeper, found_in = deeper_target(token, resolver, sources, threat)
        if deeper and found_in is not None and (not weak or any(known(a) for a, _ in deeper)):
            return deeper, [found_in]
    return targets, [head] if head is not None else []
