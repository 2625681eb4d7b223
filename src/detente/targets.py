"""Deeper target search for an event trigger whose own objects name no actor.

CAMEO and PLOVER code the recipient of an act even when the sentence names it only inside the
trigger's object or complement: "rejected *Saddam Hussein's* proposal", "rejected calls *by Kofi
Annan*", "demanded that *the US* cancel the sale", "threatened to cut off electricity *to
Nakhichevan*", "agreed to provide aid *for Romania*". The helpers here list such candidate heads in
order of preference; :mod:`detente.events` resolves them.
"""

from __future__ import annotations

from spacy.tokens import Token

# Prepositions of an object noun whose object owns it or is what it is about: "calls *by* X",
# "demands *from* X", "the removal *of* X", "a meeting *between* X and Y".
OWNER_PREPS = ("by", "from", "of", "between")
# Prepositions whose object, inside a complement clause, is whom the act is aimed at.
COMPLEMENT_PREPS = ("to", "with", "against", "on", "at", "toward", "towards", "into", "upon", "over",
                    "for", "from", "between")
# Complement clauses searched: infinitives ("threatened to cut"), that-clauses ("demanded that X
# stop") and purpose clauses ("staged a strike to demand reforms from X").
CLAUSE_DEPS = frozenset({"xcomp", "ccomp", "advcl"})
OBJECT_DEPS = ("dobj", "dative", "iobj")
CONDITION_MARKS = ("unless", "if")


def children(token: Token, *deps: str) -> list[Token]:
    """The children of ``token`` with one of the dependency labels ``deps``."""
    return [c for c in token.children if c.dep_ in deps]


def prep_objects(token: Token, preps: tuple[str, ...], particles: bool = True) -> list[Token]:
    """The objects of the prepositions ``preps`` on ``token`` (also of particles, unless not
    ``particles``): "met *with* Iran"."""
    deps = ("prep", "prt", "dative") if particles else ("prep", "dative")
    return [obj for p in token.children if p.dep_ in deps and p.lower_ in preps
            for obj in p.children if obj.dep_ == "pobj"]  # fmt: skip


def _infinitive(token: Token) -> bool:
    return any(c.lower_ == "to" and c.dep_ == "aux" for c in token.children)


def owner_heads(noun: Token) -> list[Token]:
    """Who an object noun belongs to: its possessor ("Saddam Hussein's *proposal*"), or the object
    of "by", "from" or "of" ("calls *by* Kofi Annan", "the removal *of* President X")."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return []
    return children(noun, "poss") + prep_objects(noun, OWNER_PREPS, particles=False) + participle_agents(noun)


def participle_agents(noun: Token) -> list[Token]:
    """The agent of a participle on a noun: "the policy *imposed by* X", "property *seized by* X"."""
    clauses = [c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    return [o for c in clauses for a in c.children if a.dep_ == "agent" and a.lower_ == "by"
            for o in a.children if o.dep_ == "pobj"]  # fmt: skip


def own_thing(head: Token) -> bool:
    """An object that is the subject's own: a reflexive or possessive pronoun ("withdrew *its
    troops*", "completed *their* withdrawal"); it names no recipient."""
    if head.tag_ == "PRP" and head.lower_.endswith(("self", "selves")):
        return True
    return any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in head.children)


def object_heads(token: Token) -> list[Token]:
    """The owners of the trigger's direct objects (see :func:`owner_heads`)."""
    return [o for obj in children(token, *OBJECT_DEPS) for o in owner_heads(obj)]


def clause_heads(token: Token, depth: int = 2) -> list[Token]:
    """Candidate targets inside the clauses a trigger governs, nearest first: the subject of a
    that-clause with a subject of its own, the objects and prepositional objects of the clause
    verb and of its objects, then (``depth`` deep) the clauses it governs in turn."""
    out: list[Token] = []
    for clause in token.children:
        if clause.dep_ not in CLAUSE_DEPS or clause.pos_ not in ("VERB", "AUX"):
            continue
        if clause.dep_ == "advcl" and not _infinitive(clause):
            continue
        if clause.dep_ == "ccomp":
            out += children(clause, "nsubj")
        objects = children(clause, *OBJECT_DEPS)
        out += objects + prep_objects(clause, COMPLEMENT_PREPS, particles=False)
        out += [o for obj in objects
                for o in prep_objects(obj, COMPLEMENT_PREPS, particles=False) + owner_heads(obj)]
        if depth > 1:
            out += clause_heads(clause, depth - 1)
    return out


def object_clause_heads(token: Token) -> list[Token]:
    """Candidates inside a clause that modifies the trigger's object: "lifted a ban *imposed on X*",
    "accepted an invitation *to meet with X*"."""
    clauses = [c for obj in children(token, *OBJECT_DEPS) for c in obj.children
               if c.dep_ == "acl" and c.pos_ in ("VERB", "AUX")]  # fmt: skip
    return [h for clause in clauses for h in _clause_candidates(clause)]


def _that_clause(clause: Token) -> bool:
    return any(m.lower_ == "that" for m in children(clause, "mark"))


def _clause_candidates(clause: Token) -> list[Token]:
    """Candidates in a clause on a noun: the subject of a that-clause ("its demand *that Israel*
    ease ..."), then the owners of the objects of an infinitive or that-clause ("to demand the
    resignation *of X*"), the objects themselves and the clause's prepositional objects."""
    full = _infinitive(clause) or _that_clause(clause)
    out = children(clause, "nsubj") if _that_clause(clause) else []
    objects = children(clause, *OBJECT_DEPS) if full else []
    out += [o for obj in objects for o in owner_heads(obj)] + objects
    return out + prep_objects(clause, COMPLEMENT_PREPS, particles=False)


def noun_heads(noun: Token, support: Token | None) -> list[Token]:
    """Deeper candidates of an event noun: the clauses on the noun ("a demand *that X* stop", "a
    strike *to demand* ... *of X*"), the purpose clause of its support verb ("continued their hunger
    strike *to demand* the resignation *of X*"), the parties "between" whom it is ("a mediation
    effort *between* A and B"), then the noun's deeper candidates (:func:`deeper_heads`)."""
    clauses = [c for c in noun.children if c.dep_ in ("acl", "relcl") and c.pos_ in ("VERB", "AUX")
               and (_infinitive(c) or _that_clause(c))]  # fmt: skip
    if support is not None:
        clauses += [c for c in children(support, "advcl") if _infinitive(c)]
    if noun.dep_ == "dobj":  # "reiterated its demand today *that Israel* ease ...": parsed on the verb
        clauses += [c for c in children(noun.head, "ccomp") if c.i > noun.i and _that_clause(c)]
    out = [h for clause in clauses for h in _clause_candidates(clause)]
    out += prep_objects(noun, ("between", "among"), particles=False)
    out += phrase_heads(support) if support is not None else []
    return out + [h for h in deeper_heads(noun) if h not in out]


def phrase_heads(token: Token) -> list[Token]:
    """What a noun in a prepositional phrase of the trigger is about: "began a hunger strike *in
    protest against* the violations", "staged a rally *in support of* the opposition"."""
    nouns = [o for p in token.children if p.dep_ == "prep" for o in p.children
             if o.dep_ == "pobj" and o.pos_ == "NOUN"]  # fmt: skip
    nouns += [o for obj in children(token, *OBJECT_DEPS) for p in obj.children if p.dep_ == "prep"
              for o in p.children if o.dep_ == "pobj" and o.pos_ == "NOUN"]  # fmt: skip
    # "in protest *of* the arrest", "in support *of* the opposition" (not "following the deaths *of*")
    return [o for n in nouns for o in prep_objects(
        n, COMPLEMENT_PREPS + (("of",) if n.head.lower_ == "in" else ()), particles=False)]


def condition_heads(token: Token) -> list[Token]:
    """The subjects of the conditions of a threat, on the trigger or its complement: "threatened to
    strike unless *Israel* rescinded ...", "will stop the talks if *the United States* goes ahead"."""
    verbs = [token] + [c for c in token.children if c.dep_ in ("xcomp", "ccomp")]
    clauses = [c for v in verbs for c in children(v, "advcl")
               if any(m.lower_ in CONDITION_MARKS for m in children(c, "mark"))]  # fmt: skip
    return [s for c in clauses for s in children(c, "nsubj")]


def deeper_heads(token: Token, conditions: bool = False) -> list[Token]:
    """Every deeper candidate of a trigger, owners of its objects first, then those named in its
    clauses, what it leaves ("withdrew its troops *from* Lebanon") and what its phrases are about;
    last, the owners of all of these ("the violations *by the army*"). With ``conditions`` (a
    threat), whoever the condition is put to comes first. No repeats."""
    seen: dict[int, Token] = {}
    first = condition_heads(token) if conditions else []
    first += object_heads(token) + object_clause_heads(token) + clause_heads(token)
    first += prep_objects(token, ("from",), particles=False) + phrase_heads(token)
    for head in first + [o for h in first for o in owner_heads(h)]:
        if head.i != token.i and not own_thing(head):
            seen.setdefault(head.i, head)
    return list(seen.values())


# Prepositions of where an act is done: "imposed a curfew *in* Cizre", "fired shells *at* targets".
PLACE_PREPS = ("in", "into", "at", "inside", "throughout", "across")


def place_heads(token: Token) -> list[Token]:
    """Where an act is done, as a last-resort target (PLOVER codes "imposed a curfew in Cizre" or
    "exploded bombs in Kabul" as aimed at the place): the objects of a place preposition on the
    trigger, on its direct objects and on the verbs of its complement clauses, then the places
    those name in turn ("at a jail *in* northern Israel", "in the town *of* Cizre")."""
    carriers = [token, *children(token, *OBJECT_DEPS)]
    for clause in token.children:
        if clause.dep_ in ("xcomp", "ccomp") and clause.pos_ in ("VERB", "AUX"):
            carriers += [clause, *children(clause, *OBJECT_DEPS)]
    heads = [o for c in carriers for o in prep_objects(c, PLACE_PREPS, particles=False)]
    # "contributed troops to a force *in* Liberia": a place inside the object's target phrase
    heads += [o for c in carriers for h in prep_objects(c, ("to", "into"), particles=False)
              for o in prep_objects(h, PLACE_PREPS, particles=False)]  # fmt: skip
    return heads + [o for h in heads for o in prep_objects(h, ("in", "of"), particles=False)]
