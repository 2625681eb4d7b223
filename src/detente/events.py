"""Event stage: match verb patterns over the dependency parse and build coded events."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from types import MappingProxyType

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from detente.demands import DEMAND, obligation_clause, obliged
from detente.gazetteer import Gazetteer
from detente.lexicons import VerbEntry, VerbLexicon
from detente.modality import modality_of
from detente.model import Actor, Event, Modality, Span
from detente.ontology import Ontology
from detente.places import context_countries, event_location
from detente.recipients import (
    Resolved,
    active_targets,
    known,
    loose_target,
    noun_target,
    place_in_object,
    place_target,
)
from detente.resolve import ActorResolver
from detente.salience import main_events, without_subject_acts
from detente.spans import argument_span
from detente.targets import children, prep_objects
from detente.threats import ULTIMATUM, threat_code, ultimatum
from detente.timex import event_date

TARGET_PREPS = ("to", "with", "against", "on", "at", "toward", "towards", "into", "upon", "over")
ABOUT_PREPS = ("about", "over", "regarding", "concerning")
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
PARTICLES = frozenset({"up", "down", "off", "out", "back", "over", "away", "in", "on"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
# Cooperative roots where "A and B <verb>" with no object means A<->B (e.g. "Iran and Iraq met").
RECIPROCAL_ROOTS = frozenset({"03", "04", "05", "06"})
# ... but for praise, verbal support, rallying, recognition, apology and forgiveness, always aimed at
# someone else ("Egypt and Jordan welcomed the agreement": not each other)
ONE_WAY_CODES = frozenset({"051", "052", "053", "054", "055", "056"})
# Acts done together, whoever the sentence names first: "A met B" is also "B met A".
MUTUAL_CODES = frozenset({"036", "040", "046"})
# Roots whose acts are never aimed at the place where they happen ("met in Geneva", "said in Paris").
PLACE_LESS_ROOTS = frozenset({"01", "02", "04"})
# Idioms that look like events but are not (lemma sequences), and sports results.
IDIOMS = (("stab", "in", "the", "back"), ("kill", "two", "bird"), ("bury", "the", "hatchet"),
          ("cross", "swords"), ("pull", "the", "trigger", "on"), ("declare", "war", "on", "poverty"),
          ("fight", "an", "uphill", "battle"), ("shoot", "oneself", "in", "the", "foot"),
          ("shoot", "itself", "in", "the", "foot"), ("bite", "the", "bullet"), ("up", "in", "arm"))
SCORE = re.compile(r"^\d{1,2}\s*[-–:]\s*\d{1,2}$")
SPORTS_VERBS = frozenset({"beat", "defeat", "crush", "thrash", "rout", "edge", "down", "overcome",
                          "draw", "tie", "trounce", "hammer", "stun", "upset", "eliminate", "knock"})

# sources, targets, tokens used as evidence, and the head of a target that names no actor
Arguments = tuple[Resolved, Resolved, list[Token], Token | None]
ArgumentFinder = Callable[[Token, VerbEntry, ActorResolver], Arguments]


@dataclass(frozen=True)
class ArticleContext:
    article_id: str
    published: date | None
    coder_version: str
    historical_days: int = 30
    places: tuple[str, ...] = ()  # countries of the places the article names, most named first


def _short_hash(*parts: object) -> str:
    return hashlib.sha1("|".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]




def _objects_with_quantities(token: Token) -> list[Token]:
    """Direct objects, plus the noun of a quantity phrase ("$5 million *of aid*")."""
    objs = children(token, "dobj", "nsubjpass")
    return objs + [o for obj in objs for o in prep_objects(obj, ("of",))]


def _is_time_phrase(prep: Token) -> bool:
    """ "on Tuesday", "in March": a preposition whose object is a date or time."""
    return any(o.dep_ == "pobj" and o.ent_type_ in ("DATE", "TIME") for o in prep.children)


def _following_preps(token: Token) -> list[Token]:
    """The prepositions and particles that can complete a phrasal verb: after it, and not heading a
    time phrase ("*On Nov. 2*, X called Y" is no "call on")."""
    return [c for c in token.children
            if c.dep_ in ("prep", "prt", "agent") and c.i > token.i and not _is_time_phrase(c)]  # fmt: skip


def match_entry(token: Token, lexicon: VerbLexicon) -> VerbEntry | None:
    """The most specific lexicon entry whose prep, particle and object are all present."""
    entries = lexicon.by_verb.get(token.lemma_.lower())
    if not entries:
        return None
    following = _following_preps(token)
    preps = {c.lower_ for c in following}
    particles = {c.lower_ for c in token.children
                 if c.dep_ == "prt" or c.dep_ == "advmod" and c.lower_ in PARTICLES}  # fmt: skip
    objects = {c.lemma_.lower() for c in _objects_with_quantities(token)}
    for entry in entries:
        if entry.prep and entry.prep not in preps:
            continue
        if entry.prep_objects and not entry.prep_objects & {
                o.lemma_.lower() for p in following if p.lower_ == entry.prep for o in p.children
                if o.dep_ == "pobj"}:  # fmt: skip
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
        subj = children(node, *SUBJECT_DEPS)
        if subj:
            head = subj[0]
            if head.lower_ in RELATIVE_PRONOUNS and node.dep_ == "relcl":
                head = node.head
            return head, head.dep_ == "nsubjpass" and node is token
        if node.dep_ == "relcl":
            return node.head, False
        if node.dep_ == "acomp" and node.head is not node:  # "Norway is willing to send": the copula's
            node = node.head
            continue
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


def _target_span(target: tuple[Actor, Token] | None, loose: Token | None, trigger: Token,
                 sent: SpacySpan) -> Span | None:  # fmt: skip
    """The resolved target's noun phrase, else that of a target naming no actor, else None."""
    head = target[1] if target is not None else loose
    return argument_span(head, trigger, sent) if head is not None else None


def _agents_of_thing(subj: Token | None, resolver: ActorResolver) -> Resolved:
    """The actors behind a subject that is a thing or an act ("*a car bombing by IS* killed",
    "*the missiles fired by Israel* struck", "*Iran's drone* hit"); the subject's phrase is the
    source span."""
    if subj is None or subj.pos_ != "NOUN":
        return []
    heads = children(subj, "poss") + prep_objects(subj, ("by",))
    heads += [o for acl in children(subj, "acl") for a in acl.children if a.dep_ == "agent"
              for o in a.children if o.dep_ == "pobj"]  # fmt: skip
    return [(actor, subj) for h in heads for actor, _ in resolver.resolve_heads(h)]


def _listed_heads(head: Token, resolver: ActorResolver) -> Resolved:
    """The actors of a head and its conjuncts, and of an appositive that is really a member of the
    list ("Mordor, *the Shire*, Arnor and Bree": the parser takes the second name for an appositive
    of the first, with the rest as its conjuncts)."""
    found = resolver.resolve_heads(head)
    listing = bool(children(head, "conj"))
    for appos in children(head, "appos"):
        if listing or children(appos, "conj"):
            found += [f for f in resolver.resolve_heads(appos) if f[0] not in [a for a, _ in found]]
    return found


def _aimless(event: Event) -> bool:
    return event.target is None


def _controller(head: Token) -> Token | None:
    """Object control: in "called on Turkey to withdraw", Turkey is the subject of withdraw."""
    objs = children(head, "dobj") + prep_objects(head, ("on", "upon"))
    return objs[0] if objs else None


@dataclass(frozen=True)
class EventCoder:
    """Codes the events of one sentence from its parse and its actor mentions."""

    lexicon: VerbLexicon
    ontology: Ontology
    nouns: VerbLexicon | None = None  # event nouns ("gift", "telephone conversation")
    gazetteer: Gazetteer | None = None  # resolves event locations; None: no locations
    future_as_intent: bool = True  # a cooperative act announced for the future codes as its 03x intent

    def code_sentence(self, sent: SpacySpan, index: int, resolver: ActorResolver,
                      ctx: ArticleContext) -> list[Event]:  # fmt: skip
        by_trigger: dict[int, list[Event]] = {}
        blocked = figurative_tokens(sent)
        for token in sent:
            if token.pos_ not in ("VERB", "AUX", "NOUN") or token.dep_ == "aux" or token.i in blocked:
                continue
            noun = token.pos_ == "NOUN" and self.nouns is not None and \
                token.lemma_.lower() in self.nouns.by_verb
            if noun and self.nouns is not None:
                # an event noun already coded with its verb ("imposed sanctions") is not coded again
                entry = None if token.head.i in by_trigger else match_noun(token, self.nouns)
            else:
                entry = match_entry(token, self.lexicon)
            arguments = _noun_arguments if noun else self._arguments
            if (entry is None or entry.code[:2] == "01") and obligation_clause(token) is not None:
                entry, arguments = VerbEntry(token.lemma_.lower(), DEMAND), _obligation_arguments
            if entry is None:
                continue
            found = self._events_for(token, entry, sent, index, resolver, ctx, arguments)
            if found:
                by_trigger[token.i] = found
        events: list[Event] = []
        seen: set[tuple[str | None, str | None, str]] = set()
        main = main_events(without_subject_acts(by_trigger, sent.doc, _aimless), sent.doc)
        for event in fold_complements(main, sent.doc, self.ontology):
            key = (event.source.code, event.target.code if event.target else None, event.cameo)
            if key not in seen:
                seen.add(key)
                events.append(event)
        return events

    def _arguments(self, token: Token, entry: VerbEntry,
                   resolver: ActorResolver) -> Arguments:  # fmt: skip
        subj, passive = _subject_token(token)
        used: list[Token] = [subj] if subj is not None else []
        target_heads = self._target_heads(token, entry, passive)
        if passive:
            agents = prep_objects(token, ("by",)) + [
                o for a in children(token, "agent") for o in a.children if o.dep_ == "pobj"]
            sources = [a for h in agents for a in resolver.resolve_heads(h)]
            targets = resolver.resolve_heads(subj) if subj is not None else []
            used += agents
        else:
            sources = _listed_heads(subj, resolver) if subj is not None else []
            sources = sources or _agents_of_thing(subj, resolver)
            threat = entry.code[:2] == "13" or ultimatum(token)
            targets, found_in = active_targets(token, target_heads, sources, resolver, threat)
            used += found_in
            weak = bool(targets) and not any(known(a) for a, _ in targets)
            if (weak or not (targets or found_in)) and entry.code[:2] not in PLACE_LESS_ROOTS:
                places, deeper = place_target(token, resolver)
                used += [deeper] if deeper is not None else []
                thing = loose_target(target_heads, token, entry, resolver) or (found_in[0] if weak else None)
                targets = place_in_object(places, deeper, thing) or targets
        candidates = [subj] if passive and subj is not None else target_heads
        loose = None if targets else loose_target(candidates, token, entry, resolver)
        return sources, targets, used, loose

    def _target_heads(self, token: Token, entry: VerbEntry, passive: bool) -> list[Token]:
        if entry.prep:
            # after the verb only: "*On* Nov. 2, X called Y" has no object of "call on"
            return [o for o in prep_objects(token, (entry.prep,)) if o.head.i > token.i]
        objs = [o for o in children(token, "dobj", "dative", "iobj")
                if o.lemma_.lower() not in entry.objects]  # fmt: skip
        # the small model sometimes attaches a bare proper-noun object as npadvmod
        objs += [o for o in children(token, "npadvmod") if o.pos_ == "PROPN"]
        carriers = [token] + [o for o in _objects_with_quantities(token)
                              if o.lemma_.lower() in entry.objects]  # fmt: skip
        # "provided aid to Syria": the target may hang on any direct object
        others = [o for o in _objects_with_quantities(token) if o not in carriers]
        preps = [o for c in carriers + others for o in prep_objects(c, TARGET_PREPS)]
        # "expressed concern *about* X": what a light-verb object is about is what the act is aimed at
        preps += [o for c in carriers[1:] for o in prep_objects(c, ABOUT_PREPS)]
        # "expelled Russian diplomats": the light-verb object itself may name the target
        return objs + preps + carriers[1:]

    def _events_for(self, token: Token, entry: VerbEntry, sent: SpacySpan, index: int,
                    resolver: ActorResolver, ctx: ArticleContext,
                    arguments: ArgumentFinder) -> list[Event]:  # fmt: skip
        sources, targets, used, loose = arguments(token, entry, resolver)
        if not sources:
            return []
        pairs: list[tuple[tuple[Actor, Token], tuple[Actor, Token] | None]]
        reciprocal = not targets and len(sources) > 1 and entry.code[:2] in RECIPROCAL_ROOTS \
            and entry.code[:3] not in ONE_WAY_CODES
        if targets:
            ways = [(s, t) for s in sources for t in targets if s[0] != t[0]]
            # "A met B": B met A too (CAMEO and ConfliBERT code both; PLOVER both as actors)
            mutual = entry.code in MUTUAL_CODES
            ways += [(t, s) for s, t in ways if mutual and known(t[0]) and known(s[0])]
            pairs = list(ways)
        elif reciprocal:
            pairs = [(s, t) for s in sources for t in sources if s[0] != t[0]]
        else:
            pairs = [(s, None) for s in sources]
        group = _short_hash(ctx.article_id, index, token.i, entry.code)
        events = [self._event(token, entry, s, t, used, sent, index, group, ctx, loose) for s, t in pairs]
        if reciprocal:  # "A and B met": each is source and target, the span is the whole "A and B"
            whole = argument_span(sources[0][1], token, sent, coordination=True)
            events = [replace(e, source_span=whole, target_span=whole) for e in events]
        return events

    def _event(self, token: Token, entry: VerbEntry, source_head: tuple[Actor, Token],
               target_head: tuple[Actor, Token] | None, used: list[Token], sent: SpacySpan, index: int,
               group: str, ctx: ArticleContext, loose: Token | None = None) -> Event:  # fmt: skip
        source = source_head[0]
        target = target_head[0] if target_head is not None else None
        cameo, modality = entry.code, modality_of(token)
        if self.future_as_intent:
            cameo, modality = announced(cameo, modality, token.pos_ != "NOUN", ultimatum(token))
        code = self.ontology[cameo]
        doc = token.doc
        idx = [token.i] + [u.i for u in used]
        lo = min(doc[i].left_edge.i if doc[i] is not token else i for i in idx)
        lo = max(lo, sent.start)
        hi = max(idx)
        start, end = doc[lo].idx, doc[hi].idx + len(doc[hi].text)
        event_id = _short_hash(ctx.article_id, index, token.i, entry.code, source.code,
                               source.text, target.code if target else "", target.text if target else "")
        when = event_date(token, ctx.published, ctx.historical_days)
        where = None
        if self.gazetteer is not None:
            prefer = context_countries([source.country, target.country if target else None], ctx.places)
            where = event_location(token, self.gazetteer, prefer)
        return Event(
            event_id=event_id, article_id=ctx.article_id, sentence_index=index, sentence=sent.text,
            source=source, target=target, cameo=code.code, cameo_root=code.root,
            goldstein=code.goldstein, quad_class=code.quad_class, plover=code.plover,
            modality=modality, date=when.value if when else None,
            date_precision=when.precision if when else None, date_text=when.text if when else None,
            historical=when.historical if when else False,
            evidence=Span(doc[lo : hi + 1].text, start, end),
            confidence=confidence(entry, source, target), coder_version=ctx.coder_version,
            trigger=token.text, group=group, location=where,
            source_span=argument_span(source_head[1], token, sent),
            target_span=_target_span(target_head, loose, token, sent),
        )


NOUN_TARGET_PREPS = ("to", "with", "on", "against", "for", "at", "toward", "towards", "into", "of")
SUPPORT_VERBS = frozenset({"have", "hold", "conduct", "launch", "carry", "make", "give", "send",
                           "stage", "begin", "start", "continue", "resume", "impose", "provide",
                           "deliver", "offer", "announce", "order", "mount", "pay", "extend"})


def match_noun(token: Token, nouns: VerbLexicon) -> VerbEntry | None:
    """The most specific event-noun entry whose modifier and target preposition are present."""
    mods = {c.lemma_.lower() for c in token.children if c.dep_ in ("compound", "amod", "nmod")}
    preps = {c.lower_ for c in token.children if c.dep_ == "prep" and not _is_time_phrase(c)}
    for entry in nouns.by_verb.get(token.lemma_.lower(), ()):
        if entry.objects and not entry.objects & mods:
            continue
        if entry.prep and entry.prep not in preps:
            continue
        return entry
    return None


def _noun_arguments(token: Token, entry: VerbEntry,
                    resolver: ActorResolver) -> Arguments:  # fmt: skip
    """Source: the possessor ("Baku's gift"), a "by" agent, an actor modifier ("Israeli air
    strike") or the subject of a support verb ("had a conversation"); target: a prepositional
    object of the noun ("gift *to Tehran*", "sanctions *on Iran*")."""
    heads = prep_objects(token, (entry.prep,) if entry.prep else NOUN_TARGET_PREPS)
    target_head = next((h for h in heads if resolver.resolve_all(h)), None)
    targets = resolver.resolve_heads(target_head) if target_head is not None else []
    target_actors = [a for a, _ in targets]
    candidates = (children(token, "poss") + prep_objects(token, ("by",))
                  + [c for c in children(token, "amod", "compound", "nmod") if c.i in resolver.mentions])
    support = token.head if token.dep_ in ("dobj", "attr") and \
        token.head.lemma_.lower() in SUPPORT_VERBS else None
    if support is not None:
        subj, passive = _subject_token(support)
        candidates += [subj] if subj is not None and not passive else []
    for head in candidates:
        sources = [(a, h) for a, h in resolver.resolve_heads(head) if a not in target_actors]
        if sources:
            if not targets:  # "a strike to demand the resignation of X", "a demand that X stop"
                targets, target_head = noun_target(token, support, resolver, sources)
            loose = None if targets else loose_target(heads, token, entry, resolver)
            return sources, targets, [head] + ([target_head] if target_head is not None else []), loose
    return [], [], [], None


def _obligation_arguments(token: Token, entry: VerbEntry,
                          resolver: ActorResolver) -> Arguments:  # fmt: skip
    """Source: the subject of the verb of saying; target: who "must" act (see
    :mod:`detente.demands`). Without a target there is no demand."""
    clause = obligation_clause(token)
    subj, passive = _subject_token(token)
    if clause is None or subj is None or passive:
        return [], [], [], None
    heads = obliged(clause)
    targets = [t for h in heads for t in resolver.resolve_heads(h)]
    sources = resolver.resolve_heads(subj)
    if not targets or not sources:
        return [], [], [], None
    return sources, targets, [subj, *heads], None


def figurative_tokens(sent: SpacySpan) -> set[int]:
    """Tokens that cannot trigger events: idioms ("a stab in the back", "kill two birds with one
    stone") and sports results ("Iran beat Armenia 2-1")."""
    lemmas = [t.lemma_.lower() for t in sent]
    blocked: set[int] = set()
    for idiom in IDIOMS:
        n = len(idiom)
        for i in range(len(lemmas) - n + 1):
            if tuple(lemmas[i : i + n]) == idiom:
                blocked.update(range(sent.start + i, sent.start + i + n))
    if any(SCORE.match(t.text) for t in sent):
        blocked.update(t.i for t in sent if t.lemma_.lower() in SPORTS_VERBS)
    return blocked


def fold_complements(by_trigger: dict[int, list[Event]], doc: Doc, ontology: Ontology) -> list[Event]:
    """A threat or a refusal and the act it is about are one event: "threatened to strike
    Azerbaijan" is THREATEN (military force) against Azerbaijan, never a strike; "refused to
    provide aid to Syria" is REJECT (material aid) towards Syria, never aid."""
    folded: dict[int, list[Event]] = dict(by_trigger)
    for i, events in by_trigger.items():
        token = doc[i]
        if token.dep_ not in ("xcomp", "ccomp") or token.head.i not in by_trigger:
            continue
        outer = by_trigger[token.head.i]
        root = outer[0].cameo_root
        intent = _intent_code(outer[0].cameo, events[0].cameo) if token.dep_ == "xcomp" else None
        if intent is not None:  # "agreed to provide aid to Syria": intent to aid (033), no aid yet
            folded[token.head.i] = [_recode(_borrow_target(o, events), ontology, intent) for o in outer]
            folded.pop(i, None)
            continue
        if outer[0].cameo == "041" and token.dep_ == "xcomp" and not children(token.head, "dobj"):
            # "called to disprove": no phone call ("called Erdogan to apologise" is one)
            folded.pop(token.head.i, None)
            folded[i] = [replace(e, modality=replace(e.modality, hypothetical=False)) for e in events]
            continue
        if root not in ("12", "13"):
            continue
        code = _folded_code(root, events[0].cameo_root, outer[0].cameo)
        new = [_recode(_borrow_target(o, events), ontology, code) for o in outer]
        folded[token.head.i] = new
        folded.pop(i, None)
    return [e for i in sorted(folded) for e in folded[i]]


def _borrow_target(outer: Event, inner: list[Event]) -> Event:
    """``outer`` with the target (and its span) of the first inner event that has one, when it has
    none of its own."""
    if outer.target is not None:
        return outer
    lender = next((e for e in inner if e.target is not None), None)
    if lender is None:
        return outer
    return replace(outer, target=lender.target, target_span=lender.target_span)


# CAMEO 03 (express intent to cooperate) refined by the act intended, for complements of an intent
# verb ("pledged/offered/agreed to ..."): full codes first, then roots.
INTENT_CODES = MappingProxyType({
    "061": "0311", "062": "0312", "063": "0313", "064": "0314", "06": "031",
    "071": "0331", "072": "0332", "073": "0333", "074": "0334", "07": "033",
    "081": "0351", "082": "0352", "084": "0353", "085": "0354", "086": "0355", "087": "0356", "08": "035",
    "04": "036", "05": "032",
})  # fmt: skip


def _intent_code(outer_code: str, inner_code: str) -> str | None:
    """The 03x code of an intent to cooperate whose complement is a cooperative act, else None."""
    if outer_code[:2] != "03":
        return None
    if inner_code[:2] == "03":  # the act, announced for the future, is already an intent
        return inner_code
    return INTENT_CODES.get(inner_code[:3]) or INTENT_CODES.get(inner_code[:2])


def announced(code: str, modality: Modality, threats: bool = False,
              condition: bool = False) -> tuple[str, Modality]:  # fmt: skip
    """A cooperative act announced for the future ("Finland will give Tanzania a grant") is, in
    CAMEO, an expression of intent (0331) made now; with ``threats``, a conflictual one ("NATO will
    tighten the blockade") is a threat (1381) made now, and any act announced on a ``condition``
    ("unless ...") an ultimatum (139). Negated or hypothetical acts stay as they are."""
    if not modality.future or modality.negated or modality.hypothetical:
        return code, modality
    if threats and condition:  # "will withdraw its force unless Chad holds elections"
        return ULTIMATUM, replace(modality, future=False)
    now = _intent_code("030", code) or (threat_code(code) if threats else None)
    return (now, replace(modality, future=False)) if now is not None else (code, modality)


def _folded_code(outer_root: str, inner_root: str, outer_code: str) -> str:
    if outer_root == "13":
        return {"15": "138", "17": "138", "18": "138", "19": "138", "20": "138", "16": "132",
                "11": "131"}.get(inner_root, outer_code)  # fmt: skip
    return {"07": "122", "06": "121", "04": "125", "08": "123"}.get(inner_root, outer_code)


def _recode(event: Event, ontology: Ontology, code: str) -> Event:
    c = ontology[code]
    return replace(event, cameo=c.code, cameo_root=c.root, goldstein=c.goldstein,
                   quad_class=c.quad_class, plover=c.plover)  # fmt: skip


def confidence(entry: VerbEntry, source: Actor, target: Actor | None) -> float:
    """Heuristic confidence from the evidence used (documented in docs/events.md)."""
    score = 0.5
    score += 0.2 if target is not None and target.country else 0.0
    score += 0.1 if entry.specificity else 0.0
    score += 0.1 if source.country else -0.2
    return round(min(max(score, 0.05), 0.95), 2)
