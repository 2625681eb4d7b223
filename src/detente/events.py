"""Event stage: match verb patterns over the dependency parse and build coded events."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from detente.lexicons import VerbEntry, VerbLexicon
from detente.modality import modality_of
from detente.model import Actor, Event, Span
from detente.ontology import Ontology
from detente.resolve import ActorResolver

TARGET_PREPS = ("to", "with", "against", "on", "at", "toward", "towards", "into", "upon", "over")
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
PARTICLES = frozenset({"up", "down", "off", "out", "back", "over", "away", "in", "on"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
# Cooperative roots where "A and B <verb>" with no object means A<->B (e.g. "Iran and Iraq met").
RECIPROCAL_ROOTS = frozenset({"03", "04", "05", "06"})


@dataclass(frozen=True)
class ArticleContext:
    article_id: str
    published: date | None
    coder_version: str


def _short_hash(*parts: object) -> str:
    return hashlib.sha1("|".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]


def _children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def _prep_objects(token: Token, preps: tuple[str, ...]) -> list[Token]:
    return [obj for p in token.children if p.dep_ in ("prep", "prt") and p.lower_ in preps
            for obj in p.children if obj.dep_ == "pobj"]  # fmt: skip


def _objects_with_quantities(token: Token) -> list[Token]:
    """Direct objects, plus the noun of a quantity phrase ("$5 million *of aid*")."""
    objs = _children(token, "dobj", "nsubjpass")
    return objs + [o for obj in objs for o in _prep_objects(obj, ("of",))]


def _is_time_phrase(prep: Token) -> bool:
    """ "on Tuesday", "in March": a preposition whose object is a date or time."""
    return any(o.dep_ == "pobj" and o.ent_type_ in ("DATE", "TIME") for o in prep.children)


def match_entry(token: Token, lexicon: VerbLexicon) -> VerbEntry | None:
    """The most specific lexicon entry whose prep, particle and object are all present."""
    entries = lexicon.by_verb.get(token.lemma_.lower())
    if not entries:
        return None
    preps = {c.lower_ for c in token.children
             if c.dep_ in ("prep", "prt", "agent") and not _is_time_phrase(c)}  # fmt: skip
    particles = {c.lower_ for c in token.children
                 if c.dep_ == "prt" or c.dep_ == "advmod" and c.lower_ in PARTICLES}  # fmt: skip
    objects = {c.lemma_.lower() for c in _objects_with_quantities(token)}
    for entry in entries:
        if entry.prep and entry.prep not in preps:
            continue
        if entry.particle and entry.particle not in particles | preps:
            continue
        if entry.objects and not entry.objects & objects:
            continue
        return entry
    return None


def _subject_token(token: Token) -> tuple[Token | None, bool]:
    """(subject head, passive) for a trigger, inheriting through conjunctions and complements."""
    node = token
    for _ in range(4):
        subj = _children(node, *SUBJECT_DEPS)
        if subj:
            head = subj[0]
            if head.lower_ in RELATIVE_PRONOUNS and node.dep_ == "relcl":
                head = node.head
            return head, head.dep_ == "nsubjpass" and node is token
        if node.dep_ == "relcl":
            return node.head, False
        if node.dep_ not in ("conj", "xcomp", "advcl") or node.head is node:
            break
        infinitive = any(c.lower_ == "to" and c.dep_ == "aux" for c in node.children)
        if node.dep_ == "advcl" and not infinitive:
            break
        controller = _controller(node.head) if infinitive else None
        if controller is not None:
            return controller, False
        node = node.head
    return None, False


def _controller(head: Token) -> Token | None:
    """Object control: in "called on Turkey to withdraw", Turkey is the subject of withdraw."""
    objs = _children(head, "dobj") + _prep_objects(head, ("on", "upon"))
    return objs[0] if objs else None


@dataclass(frozen=True)
class EventCoder:
    """Codes the events of one sentence from its parse and its actor mentions."""

    lexicon: VerbLexicon
    ontology: Ontology

    def code_sentence(self, sent: SpacySpan, index: int, resolver: ActorResolver,
                      ctx: ArticleContext) -> list[Event]:  # fmt: skip
        events: list[Event] = []
        seen: set[tuple[str | None, str | None, str]] = set()
        for token in sent:
            if token.pos_ not in ("VERB", "AUX", "NOUN") or token.dep_ == "aux":
                continue
            entry = match_entry(token, self.lexicon)
            if entry is None:
                continue
            for event in self._events_for(token, entry, sent, index, resolver, ctx):
                key = (event.source.code, event.target.code if event.target else None, event.cameo)
                if key not in seen:
                    seen.add(key)
                    events.append(event)
        return events

    def _arguments(self, token: Token, entry: VerbEntry,
                   resolver: ActorResolver) -> tuple[list[Actor], list[Actor], list[Token]]:  # fmt: skip
        subj, passive = _subject_token(token)
        used: list[Token] = [subj] if subj is not None else []
        target_heads = self._target_heads(token, entry, passive)
        if passive:
            agents = _prep_objects(token, ("by",)) + [
                o for a in _children(token, "agent") for o in a.children if o.dep_ == "pobj"]
            sources = [a for h in agents for a in resolver.resolve_all(h)]
            targets = resolver.resolve_all(subj) if subj is not None else []
            used += agents
        else:
            sources = resolver.resolve_all(subj) if subj is not None else []
            targets = []
            for head in target_heads:
                targets = resolver.resolve_all(head)
                if targets:
                    used.append(head)
                    break
        return sources, targets, used

    def _target_heads(self, token: Token, entry: VerbEntry, passive: bool) -> list[Token]:
        if entry.prep:
            return _prep_objects(token, (entry.prep,))
        objs = [o for o in _children(token, "dobj", "dative", "iobj")
                if o.lemma_.lower() not in entry.objects]  # fmt: skip
        carriers = [token] + [o for o in _objects_with_quantities(token)
                              if o.lemma_.lower() in entry.objects]  # fmt: skip
        preps = [o for c in carriers for o in _prep_objects(c, TARGET_PREPS)]
        # "expelled Russian diplomats": the light-verb object itself may name the target
        return objs + preps + carriers[1:]

    def _events_for(self, token: Token, entry: VerbEntry, sent: SpacySpan, index: int,
                    resolver: ActorResolver, ctx: ArticleContext) -> list[Event]:  # fmt: skip
        sources, targets, used = self._arguments(token, entry, resolver)
        if not sources:
            return []
        pairs: list[tuple[Actor, Actor | None]]
        if targets:
            pairs = [(s, t) for s in sources for t in targets if s != t]
        elif len(sources) > 1 and entry.code[:2] in RECIPROCAL_ROOTS:
            pairs = [(s, t) for s in sources for t in sources if s != t]
        else:
            pairs = [(s, None) for s in sources]
        group = _short_hash(ctx.article_id, index, token.i, entry.code)
        return [self._event(token, entry, s, t, used, sent, index, group, ctx) for s, t in pairs]

    def _event(self, token: Token, entry: VerbEntry, source: Actor, target: Actor | None,
               used: list[Token], sent: SpacySpan, index: int, group: str,
               ctx: ArticleContext) -> Event:  # fmt: skip
        code = self.ontology[entry.code]
        doc = token.doc
        idx = [token.i] + [u.i for u in used]
        lo = min(doc[i].left_edge.i if doc[i] is not token else i for i in idx)
        lo = max(lo, sent.start)
        hi = max(idx)
        start, end = doc[lo].idx, doc[hi].idx + len(doc[hi].text)
        event_id = _short_hash(ctx.article_id, index, token.i, entry.code, source.code,
                               source.text, target.code if target else "", target.text if target else "")
        return Event(
            event_id=event_id, article_id=ctx.article_id, sentence_index=index, sentence=sent.text,
            source=source, target=target, cameo=code.code, cameo_root=code.root,
            goldstein=code.goldstein, quad_class=code.quad_class, plover=code.plover,
            modality=modality_of(token), date=ctx.published,
            evidence=Span(doc[lo : hi + 1].text, start, end),
            confidence=confidence(entry, source, target), coder_version=ctx.coder_version,
            trigger=token.text, group=group,
        )


def confidence(entry: VerbEntry, source: Actor, target: Actor | None) -> float:
    """Heuristic confidence from the evidence used (documented in docs/events.md)."""
    score = 0.5
    score += 0.2 if target is not None and target.country else 0.0
    score += 0.1 if entry.specificity else 0.0
    score += 0.1 if source.country else -0.2
    return round(min(max(score, 0.05), 0.95), 2)
