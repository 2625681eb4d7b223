"""Modality of an event trigger: negation, hypothetical/conditional, future, attribution."""

from __future__ import annotations

from spacy.tokens import Token

from detente.model import Modality

HYPOTHETICAL_AUX = frozenset({"could", "would", "might", "may", "should", "must"})
FUTURE_AUX = frozenset({"will", "shall", "'ll"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether", "lest"})
# Heads whose infinitival complement is an intended (future) act: "Iran plans to meet ...".
FUTURE_HEADS = frozenset({
    "plan", "intend", "agree", "decide", "pledge", "promise", "vow", "prepare", "aim", "expect",
    "schedule", "set", "go", "resolve", "offer",
    # predicative adjectives: "Norway is willing to send troops", "it is prepared to impose ..."
    "ready", "willing", "prepared", "determined", "poised", "eager",
    "about",  # "Iran is about to restore ties": imminent
})  # fmt: skip
# Heads whose that-clause is what is asked for, not done: "demanded that the US cancel the sale".
DEMAND_HEADS = frozenset({"demand", "urge", "ask", "insist", "request", "propose", "suggest",
                          "recommend", "order", "require", "press", "push", "appeal", "call"})
# Heads whose complement did not happen (as reported): "Iran denied supplying fuel".
DENIAL_HEADS = frozenset({"deny", "refute", "dismiss", "reject", "refuse", "decline", "fail"})
REPORTING_VERBS = frozenset({
    "say", "tell", "state", "announce", "report", "claim", "add", "note", "write", "declare",
    "allege", "insist", "stress", "confirm", "assert", "quote", "cite", "suggest", "indicate",
})  # fmt: skip
HEARSAY = frozenset({"reportedly", "allegedly", "purportedly", "supposedly", "ostensibly"})
# Modifiers of an event noun that make it hypothetical or future: "possible strikes".
HYPOTHETICAL_MODIFIERS = frozenset({"possible", "potential", "likely", "hypothetical", "feared",
                                    "threatened", "alleged", "rumoured", "rumored"})
FUTURE_MODIFIERS = frozenset({"planned", "upcoming", "future", "proposed", "scheduled", "forthcoming",
                              "expected", "impending", "imminent"})
# Heads whose infinitival complement is an act that happens: "continued to send arms".
ASPECTUAL_HEADS = frozenset({"continue", "begin", "start", "resume", "keep", "proceed", "manage"})
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "advcl", "pcomp", "acl"})


def _aux_lemmas(token: Token) -> set[str]:
    return {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}


def is_negated(token: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in ("never", "no") and c.dep_ in ("advmod", "neg")
               for c in token.children)  # fmt: skip


def _conditional(token: Token) -> bool:
    node = token
    for _ in range(6):
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in node.children):
            return True
        if node.head is node:
            return False
        node = node.head
    return False


def attribution(token: Token) -> str | None:
    """Who the sentence attributes the event to: "X said ...", "according to X"."""
    node = token
    for _ in range(6):
        if node.head is node:
            break
        parent = node.head
        if node.dep_ in ("ccomp", "parataxis") and parent.lemma_.lower() in REPORTING_VERBS:
            for subj in parent.children:
                if subj.dep_ in ("nsubj", "nsubjpass"):
                    return token.doc[subj.left_edge.i : subj.right_edge.i + 1].text
        node = parent
    for child in token.children:  # "Iran reportedly attacked": an unnamed source
        if child.dep_ == "advmod" and child.lower_ in HEARSAY:
            return child.text
    root = token.sent
    for tok in root:
        if tok.lower_ == "according" and tok.i + 1 < len(token.doc) and token.doc[tok.i + 1].lower_ == "to":
            for obj in token.doc[tok.i + 1].children:
                if obj.dep_ == "pobj":
                    return token.doc[obj.left_edge.i : obj.right_edge.i + 1].text
    return None


def _reported(token: Token) -> bool:
    """The trigger is the complement of a reporting verb ("X said it would ...")."""
    return token.dep_ in ("ccomp", "parataxis") and token.head.lemma_.lower() in REPORTING_VERBS


def modality_of(token: Token) -> Modality:
    """Compute the modality of an event trigger from its dependency context."""
    aux = _aux_lemmas(token)
    negated = is_negated(token)
    hypothetical = bool(aux & HYPOTHETICAL_AUX) or _conditional(token)
    future = bool(aux & FUTURE_AUX)
    if token.pos_ == "NOUN":  # event nouns: "possible strikes", "planned talks", "no talks"
        mods = {c.lower_ for c in token.children if c.dep_ in ("amod", "det", "compound")}
        hypothetical = hypothetical or bool(mods & HYPOTHETICAL_MODIFIERS)
        future = future or bool(mods & FUTURE_MODIFIERS)
        negated = negated or "no" in mods
    if token.tag_ in ("VBZ", "VBP", "VB") and any(
            c.dep_ == "mark" and c.lower_ in ("before", "until") for c in token.children):  # fmt: skip
        hypothetical = True  # "before it strikes": not (yet) done
    if "would" in aux and _reported(token) and not _conditional(token):
        hypothetical, future = False, True  # "said they would boycott": future in the past
    if token.dep_ in COMPLEMENT_DEPS and token.head is not token:
        head = token.head
        head_lemma = head.lemma_.lower()
        infinitive = any(c.lower_ == "to" and c.dep_ == "aux" for c in token.children)
        if head_lemma in DENIAL_HEADS:
            negated = True
        elif token.dep_ == "ccomp" and head_lemma in DEMAND_HEADS:
            hypothetical = True
        elif infinitive and head_lemma in FUTURE_HEADS:
            future = True
        elif infinitive and head_lemma in ASPECTUAL_HEADS:
            pass  # "continued to send arms": the act happens
        elif infinitive:
            hypothetical = True
        future = future or bool(_aux_lemmas(head) & FUTURE_AUX) and infinitive
    return Modality(negated=negated, hypothetical=hypothetical, future=future,
                    attributed_to=attribution(token))  # fmt: skip
