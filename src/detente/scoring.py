"""Event evaluation metrics over gold sentences (:mod:`detente.gold`) and coded predictions.

The ``score_*`` functions are pure: they take :class:`Scored` items (a gold sentence and the
plain :class:`Predicted` events of the coder for it). :func:`evaluate_events` codes the gold
sentences with a coder and gathers every metric into a :class:`Report`.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from detente.gold import EVENT_SETS, NER_SET, GoldEvent, GoldSentence
from detente.model import Actor, Article, CodedArticle, Span
from detente.ontology import PLOVER_TYPES, quad_class_of

if TYPE_CHECKING:
    from detente.pipeline import Coder

KEYS = ("root", "code", "plover")  # what an event triple is keyed by, besides its actors
ACTORS = ("both", "source", "none")  # which actors an event triple compares
CLASSES = (0, 1, 2, 3, 4)  # ConfliBERT PentaClass: statement, verbal/material cooperation/conflict
# The PentaClass of each CAMEO root, as the Phoenix pipeline of the Open Event Data Alliance
# defines it (the convention of the ConfliBERT annotators): appeals count as statements,
# investigations as verbal conflict, protests as material conflict and reductions of relations
# (sanctions, expulsions) as verbal conflict. It differs from détente's GDELT-style quad classes.
PENTACLASS = MappingProxyType({
    "01": 0, "02": 0, "03": 1, "04": 1, "05": 1, "06": 2, "07": 2, "08": 2, "09": 3, "10": 3,
    "11": 3, "12": 3, "13": 3, "14": 4, "15": 4, "16": 3, "17": 4, "18": 4, "19": 4, "20": 4,
})  # fmt: skip
NONE = len(CLASSES)  # confusion-matrix column of the sentences coded with no event
ROLES = ("S", "T")


@dataclass(frozen=True)
class Predicted:
    """A coded event reduced to what is scored: country-level actors, codes and evidence."""

    source: str | None
    target: str | None
    cameo: str
    plover: str | None = None
    confidence: float = 1.0
    factual: bool = True  # neither negated nor hypothetical
    source_text: str = ""
    target_text: str = ""
    # (start, end) of the argument noun phrases, relative to the coded text: a gold sentence is
    # coded as its own article, so these are offsets into the gold sentence text
    source_span: tuple[int, int] | None = None
    target_span: tuple[int, int] | None = None

    @property
    def root(self) -> str:
        return self.cameo[:2]

    @property
    def quad(self) -> int:
        return int(quad_class_of(self.root))

    @property
    def penta(self) -> int:
        """ConfliBERT PentaClass of the root (see :data:`PENTACLASS`)."""
        return PENTACLASS[self.root]


@dataclass(frozen=True)
class Scored:
    gold: GoldSentence
    predicted: tuple[Predicted, ...]


@dataclass(frozen=True)
class PRF:
    """Counts of true positives, false positives and false negatives, and what follows."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def to_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}  # fmt: skip


def _match(gold: Counter[Any], predicted: Counter[Any]) -> PRF:
    """Multiset matching of one sentence's gold and predicted items."""
    tp = sum((gold & predicted).values())
    return PRF(tp, sum(predicted.values()) - tp, sum(gold.values()) - tp)


def country_level(actor: Actor | None) -> str | None:
    """Country-level code of a coded actor: its organisation's first three letters, or its country."""
    if actor is None:
        return None
    return actor.organisation[:3] if actor.organisation else actor.country


def _offsets(span: Span | None) -> tuple[int, int] | None:
    return (span.start, span.end) if span is not None else None


def predictions(coded: CodedArticle) -> tuple[Predicted, ...]:
    """The coded events of an article, as :class:`Predicted` records (span offsets are relative
    to the article text)."""
    return tuple(Predicted(country_level(e.source), country_level(e.target), e.cameo, e.plover.type,
                           e.confidence, not (e.modality.negated or e.modality.hypothetical),
                           e.source.text, e.target.text if e.target else "",
                           _offsets(e.source_span), _offsets(e.target_span))
                 for e in coded.events)  # fmt: skip


def counted(item: Scored, factual_only: bool = True) -> tuple[Predicted, ...]:
    """The predictions that count: with ``factual_only``, not the negated or hypothetical ones."""
    return tuple(p for p in item.predicted if p.factual or not factual_only)


# ---------------------------------------------------------------- event triples


@dataclass(frozen=True)
class TripleScore:
    """Micro P/R/F1 of (source, target, key) triples, and the same per key value (root, type...)."""

    key: str
    actors: str
    overall: PRF
    by_label: tuple[tuple[str, PRF], ...]

    @property
    def name(self) -> str:
        names = {"both": self.key, "source": f"{self.key}, source only", "none": f"{self.key} only"}
        return names[self.actors]

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "actors": self.actors, **self.overall.to_dict(),
                "by_label": {k: v.to_dict() for k, v in self.by_label}}  # fmt: skip


Triple = tuple[str | None, str | None, str]


def _gold_key(event: GoldEvent, key: str) -> str | None:
    if key == "root":
        return event.cameo[:2] if event.cameo else None
    return event.cameo if key == "code" else event.plover


def _pred_key(p: Predicted, key: str) -> str | None:
    return p.root if key == "root" else p.cameo if key == "code" else p.plover


def _triple(source: str | None, target: str | None, label: str, actors: str) -> Triple:
    return (source if actors != "none" else None, target if actors == "both" else None, label)


def applicable(item: Scored, key: str) -> bool:
    """Event triples keyed by ``key`` are scored on an event-coded sentence whose gold events all
    have that key (PLOVER records have no CAMEO codes; some PETRARCH codes have no PLOVER type)."""
    return item.gold.source_set in EVENT_SETS and all(_gold_key(e, key) for e in item.gold.events)


# PLOVER types of détente's reciprocal events ("A and B agreed / met / signed a treaty / held
# exercises"), which the PLOVER codebook and gold code with both parties as actor and no recipient.
PLOVER_RECIPROCAL = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE"})


def plover_convention(predicted: Sequence[Predicted]) -> tuple[Predicted, ...]:
    """Restate détente's reciprocal pairs (A→B and B→A of one cooperative type) as PLOVER codes
    them: A and B each as actor, with no recipient."""
    pairs = {(p.source, p.target, p.plover) for p in predicted}
    out = []
    for p in predicted:
        reverse = p.target != p.source and (p.target, p.source, p.plover) in pairs  # A->A is no pair
        if p.plover in PLOVER_RECIPROCAL and p.target and reverse:
            p = replace(p, target=None, target_text="", target_span=None)
        out.append(p)
    return tuple(out)


def triples(item: Scored, key: str, actors: str = "both",
            factual_only: bool = True) -> tuple[Counter[Triple], Counter[Triple]]:  # fmt: skip
    """Gold and predicted triples of one sentence (predictions without the key are left out).
    Triples keyed by PLOVER type follow the PLOVER convention for reciprocal events."""
    gold = Counter(_triple(e.source, e.target, label, actors)
                   for e in item.gold.events if (label := _gold_key(e, key)))  # fmt: skip
    chosen = counted(item, factual_only)
    if key == "plover":
        chosen = plover_convention(chosen)
    predicted = Counter(_triple(p.source, p.target, label, actors)
                        for p in chosen if (label := _pred_key(p, key)))  # fmt: skip
    return gold, predicted


def score_triples(items: Iterable[Scored], key: str = "root", actors: str = "both",
                  factual_only: bool = True) -> TripleScore | None:  # fmt: skip
    """Micro-averaged triple scores over the sentences where ``key`` applies (None if none do)."""
    if key not in KEYS or actors not in ACTORS:
        raise ValueError(f"key must be one of {KEYS} and actors one of {ACTORS}")
    total, labels, seen = PRF(), dict[str, PRF](), False
    for item in items:
        if not applicable(item, key):
            continue
        seen = True
        gold, predicted = triples(item, key, actors, factual_only)
        total += _match(gold, predicted)
        for label in sorted({t[2] for t in gold} | {t[2] for t in predicted}):
            one = _match(Counter({t: n for t, n in gold.items() if t[2] == label}),
                         Counter({t: n for t, n in predicted.items() if t[2] == label}))  # fmt: skip
            labels[label] = labels.get(label, PRF()) + one
    return TripleScore(key, actors, total, tuple(sorted(labels.items()))) if seen else None


# ---------------------------------------------------------------- PLOVER types per sentence


@dataclass(frozen=True)
class TypeScores:
    """Sentence-level PLOVER type scores; macro F1 over the types found in gold or predictions."""

    per_type: tuple[tuple[str, PRF], ...]

    @property
    def macro_f1(self) -> float:
        used = [prf.f1 for _, prf in self.per_type if prf.tp + prf.fp + prf.fn]
        return sum(used) / len(used) if used else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"macro_f1": round(self.macro_f1, 4), "per_type": {t: p.to_dict() for t, p in self.per_type}}


def score_plover_types(items: Iterable[Scored], factual_only: bool = True) -> TypeScores | None:
    """A type is predicted for a sentence when any counted event has it; compared with the
    sentence's gold types, for each of the 16 PLOVER types."""
    counts = {t: PRF() for t in PLOVER_TYPES}
    seen = False
    for item in items:
        if not applicable(item, "plover"):
            continue
        seen = True
        gold = {e.plover for e in item.gold.events}
        predicted = {p.plover for p in counted(item, factual_only)}
        for t in PLOVER_TYPES:
            counts[t] += PRF(int(t in gold and t in predicted), int(t in predicted and t not in gold),
                             int(t in gold and t not in predicted))  # fmt: skip
    return TypeScores(tuple(counts.items())) if seen else None


# ---------------------------------------------------------------- ConfliBERT classes


def predicted_class(predicted: Sequence[Predicted]) -> int | None:
    """PentaClass of the most confident event (ties: the more conflictual), None when none."""
    if not predicted:
        return None
    return max(predicted, key=lambda p: (p.confidence, p.penta)).penta


@dataclass(frozen=True)
class ClassScores:
    """5-way class scores: confusion[gold][predicted] over classes 0-4, and a last column
    (:data:`NONE`) for sentences coded with no event (a miss of the gold class)."""

    confusion: tuple[tuple[int, ...], ...]

    def prf(self, c: int) -> PRF:
        tp = self.confusion[c][c]
        return PRF(tp, sum(row[c] for row in self.confusion) - tp, sum(self.confusion[c]) - tp)

    @property
    def uncoded(self) -> int:
        """Sentences coded with no event."""
        return sum(row[NONE] for row in self.confusion)

    @property
    def macro_f1(self) -> float:
        return sum(self.prf(c).f1 for c in CLASSES) / len(CLASSES)

    @property
    def accuracy(self) -> float:
        n = sum(map(sum, self.confusion))
        return sum(self.confusion[c][c] for c in CLASSES) / n if n else 0.0

    def none_as_statement(self) -> ClassScores:
        """The issue's scoring rule: a sentence coded with no event counts as class 0."""
        merged = tuple(tuple([row[0] + row[NONE], *row[1:NONE], 0]) for row in self.confusion)
        return ClassScores(merged)

    def to_dict(self) -> dict[str, Any]:
        return {"macro_f1": round(self.macro_f1, 4), "accuracy": round(self.accuracy, 4),
                "macro_f1_no_event_as_0": round(self.none_as_statement().macro_f1, 4),
                "uncoded": self.uncoded,
                "per_class": {str(c): self.prf(c).to_dict() for c in CLASSES},
                "confusion": [list(row) for row in self.confusion]}  # fmt: skip


def score_classes(items: Iterable[Scored], factual_only: bool = True) -> ClassScores | None:
    """Confusion matrix of the gold classes against :func:`predicted_class`."""
    matrix = [[0] * (len(CLASSES) + 1) for _ in CLASSES]
    seen = False
    for item in items:
        if item.gold.cls is None:
            continue
        seen = True
        cls = predicted_class(counted(item, factual_only))
        matrix[item.gold.cls][NONE if cls is None else cls] += 1
    return ClassScores(tuple(map(tuple, matrix))) if seen else None


# ---------------------------------------------------------------- actor spans


@dataclass(frozen=True)
class SpanScores:
    """Source (S) and target (T) span scores: exact span match and token overlap."""

    exact: tuple[tuple[str, PRF], ...]
    partial: tuple[tuple[str, PRF], ...]

    def to_dict(self) -> dict[str, Any]:
        return {"exact": {r: p.to_dict() for r, p in self.exact},
                "partial": {r: p.to_dict() for r, p in self.partial}}  # fmt: skip


Spans = set[tuple[str, int, int]]


def predicted_spans(text: str, predicted: Iterable[Predicted]) -> Spans:
    """(role, start, end) of each event's source and target noun phrase, where the coder gave
    one; else of its actor text at its first occurrence in ``text``."""
    out: Spans = set()
    for p in predicted:
        for role, actor, span in (("S", p.source_text, p.source_span), ("T", p.target_text, p.target_span)):
            if span is not None and 0 <= span[0] < span[1] <= len(text):
                out.add((role, *span))
                continue
            at = text.find(actor) if actor else -1
            if at >= 0:
                out.add((role, at, at + len(actor)))
    return out


def gold_spans(sentence: GoldSentence) -> Spans:
    """Gold (role, start, end); a reciprocal span (R) counts as both source and target."""
    roles = {"S": ("S",), "T": ("T",), "R": ("S", "T")}
    return {(r, s.start, s.end) for s in sentence.spans for r in roles.get(s.role, ())}


def _tokens(text: str, spans: Spans, role: str) -> set[int]:
    """Indices of the whitespace tokens the spans of ``role`` overlap."""
    bounds, pos = [], 0
    for word in text.split(" "):
        bounds.append((pos, pos + len(word)))
        pos += len(word) + 1
    return {i for r, start, end in spans if r == role
            for i, (a, b) in enumerate(bounds) if a < end and b > start and a < b}  # fmt: skip


def score_spans(items: Iterable[Scored], factual_only: bool = True) -> SpanScores | None:
    """Exact and token-overlap span F1 for S and T over the ConfliBERT NER sentences."""
    exact = {r: PRF() for r in ROLES}
    partial = {r: PRF() for r in ROLES}
    seen = False
    for item in items:
        if item.gold.source_set != NER_SET:
            continue
        seen = True
        text = item.gold.text
        gold, pred = gold_spans(item.gold), predicted_spans(text, counted(item, factual_only))
        for r in ROLES:
            exact[r] += _match(Counter(s for s in gold if s[0] == r), Counter(s for s in pred if s[0] == r))
            partial[r] += _match(Counter(_tokens(text, gold, r)), Counter(_tokens(text, pred, r)))
    return SpanScores(tuple(exact.items()), tuple(partial.items())) if seen else None


# ---------------------------------------------------------------- false events


@dataclass(frozen=True)
class Rate:
    flagged: int
    total: int

    @property
    def rate(self) -> float:
        return self.flagged / self.total if self.total else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"flagged": self.flagged, "total": self.total, "rate": round(self.rate, 4)}


def false_event_rate(items: Iterable[Scored], factual_only: bool = True) -> Rate | None:
    """Share of the sentences whose gold has no event that get at least one counted event."""
    eventless = [item for item in items if item.gold.eventless]
    if not eventless:
        return None
    return Rate(sum(bool(counted(item, factual_only)) for item in eventless), len(eventless))


# ---------------------------------------------------------------- misses


@dataclass(frozen=True)
class Miss:
    """A sentence where the coder's output differs from the gold (as short descriptions)."""

    id: str
    text: str
    gold: tuple[str, ...]
    predicted: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "text": self.text, "gold": list(self.gold), "predicted": list(self.predicted)}


def _describe(source: str | None, target: str | None, label: str) -> str:
    return f"{source or '-'}>{target or '-'} {label}"


def find_miss(item: Scored, factual_only: bool = True) -> Miss | None:
    """The sentence as a :class:`Miss` when coded differently from its gold, else None. Events
    that do not count (negated, hypothetical) are listed after the others, marked with "~"."""
    key = next((k for k in ("root", "plover") if applicable(item, k)), None)
    left_out = tuple(f"~{_describe(p.source, p.target, p.cameo)}" for p in item.predicted
                     if factual_only and not p.factual)  # fmt: skip
    events = tuple(_describe(p.source, p.target, p.cameo) for p in counted(item, factual_only))
    text = item.gold.text
    gold: tuple[str, ...]
    predicted: tuple[str, ...]
    if item.gold.cls is not None:
        cls = predicted_class(counted(item, factual_only))
        if cls == item.gold.cls:
            return None
        gold, predicted = (f"class {item.gold.cls}",), (f"class {'none' if cls is None else cls}", *events)
    elif item.gold.source_set == NER_SET:
        spans, found = gold_spans(item.gold), predicted_spans(text, counted(item, factual_only))
        if spans == found:
            return None
        gold = tuple(f"{r}:{text[s:e]}" for r, s, e in sorted(spans, key=lambda x: x[1:]))
        predicted = tuple(f"{r}:{text[s:e]}" for r, s, e in sorted(found, key=lambda x: x[1:]))
    elif key is not None:
        gold_triples, pred_triples = triples(item, key, "both", factual_only)
        if gold_triples == pred_triples:
            return None
        gold = tuple(_describe(*t) for t in sorted(gold_triples.elements(), key=str))
        predicted = tuple(_describe(*t) for t in sorted(pred_triples.elements(), key=str))
    else:
        return None
    return Miss(item.gold.id, text, gold, predicted + left_out)


# ---------------------------------------------------------------- report


@dataclass(frozen=True)
class SetReport:
    """Every figure for one gold set (None where a metric does not apply to the set)."""

    name: str
    sentences: int
    factual_only: bool
    triples: tuple[TripleScore, ...]
    types: TypeScores | None
    classes: ClassScores | None
    spans: SpanScores | None
    false_events: Rate | None
    misses: tuple[Miss, ...]

    def triple(self, key: str, actors: str = "both") -> TripleScore | None:
        return next((t for t in self.triples if t.key == key and t.actors == actors), None)

    def to_dict(self) -> dict[str, Any]:
        def opt(x: TypeScores | ClassScores | SpanScores | Rate | None) -> dict[str, Any] | None:
            return None if x is None else x.to_dict()

        return {"name": self.name, "sentences": self.sentences, "factual_only": self.factual_only,
                "triples": [t.to_dict() for t in self.triples], "plover_types": opt(self.types),
                "classes": opt(self.classes), "spans": opt(self.spans),
                "false_events": opt(self.false_events),
                "misses": [m.to_dict() for m in self.misses]}  # fmt: skip


def score_set(name: str, items: Sequence[Scored], factual_only: bool = True) -> SetReport:
    """All metrics of one gold set."""
    scores = (score_triples(items, k, a, factual_only) for k in KEYS for a in ACTORS)
    misses = (find_miss(item, factual_only) for item in items)
    return SetReport(name, len(items), factual_only, tuple(s for s in scores if s is not None),
                     score_plover_types(items, factual_only), score_classes(items, factual_only),
                     score_spans(items, factual_only), false_event_rate(items, factual_only),
                     tuple(m for m in misses if m is not None))  # fmt: skip


@dataclass(frozen=True)
class Report:
    """Figures per gold set, as JSON or Markdown."""

    sets: tuple[SetReport, ...]
    coder_version: str = ""

    def to_json(self) -> str:
        return json.dumps({"coder_version": self.coder_version, "sets": [s.to_dict() for s in self.sets]},
                          indent=2, ensure_ascii=False)  # fmt: skip

    def to_markdown(self, max_misses: int = 50) -> str:
        lines = ["# Event evaluation", ""]
        if self.coder_version:
            lines += [f"Coder version: `{self.coder_version}`", ""]
        for s in self.sets:
            lines += _set_markdown(s, max_misses)
        return "\n".join(lines).rstrip() + "\n"


def _pct(x: float) -> str:
    return f"{100 * x:.1f}"


def _prf_cells(p: PRF) -> str:
    return f"{_pct(p.precision)} | {_pct(p.recall)} | {_pct(p.f1)} | {p.tp} | {p.fp} | {p.fn}"


PRF_HEADER = ["| {} | P | R | F1 | tp | fp | fn |", "|---|---:|---:|---:|---:|---:|---:|"]


def _table(first: str, rows: Iterable[tuple[str, PRF]]) -> list[str]:
    return [PRF_HEADER[0].format(first), PRF_HEADER[1], *(f"| {n} | {_prf_cells(p)} |" for n, p in rows), ""]


def _set_markdown(s: SetReport, max_misses: int) -> list[str]:
    mode = "factual events only" if s.factual_only else "all events"
    lines = [f"## {s.name}", "", f"{s.sentences} sentences; {mode}.", "", "### Overall", ""]
    rows = [(f"triples ({t.name})", t.overall) for t in s.triples]
    if s.spans is not None:
        rows += [(f"spans {r} ({kind})", p) for kind, table in (("exact", s.spans.exact),
                 ("token overlap", s.spans.partial)) for r, p in table]  # fmt: skip
    lines += _table("metric", rows)
    if s.types is not None:
        lines.append(f"PLOVER type macro-F1 (sentence level): {_pct(s.types.macro_f1)}")
    if s.classes is not None:
        merged = s.classes.none_as_statement()
        lines.append(f"Class macro-F1 (0-4), no event counted as class 0 (the issue's rule): "
                     f"{_pct(merged.macro_f1)}; accuracy {_pct(merged.accuracy)}")
        lines.append("")
        lines.append(f"Class macro-F1 (0-4), no event counted as a miss (stricter): "
                     f"{_pct(s.classes.macro_f1)}; accuracy {_pct(s.classes.accuracy)}; "
                     f"{s.classes.uncoded} sentences coded with no event")
    if s.false_events is not None:
        f = s.false_events
        lines.append(f"False-event rate: {f.flagged}/{f.total} = {_pct(f.rate)}% of the sentences "
                     "without gold events")
    lines.append("")
    if s.types is not None:
        lines += ["### PLOVER types", "", *_table("type", s.types.per_type)]
    root = s.triple("root")
    if root is not None:
        lines += ["### CAMEO roots (triples)", "", *_table("root", root.by_label)]
    if s.classes is not None:
        lines += ["### Confusion matrix (rows gold, columns predicted)", "", *_confusion(s.classes)]
    lines += _misses_markdown(s.misses, max_misses)
    return lines


def _confusion(c: ClassScores) -> list[str]:
    head = "| gold \\ predicted | " + " | ".join(map(str, CLASSES)) + " | none | F1 |"
    rule = "|---|" + "---:|" * (len(CLASSES) + 2)
    rows = [f"| {g} | " + " | ".join(map(str, c.confusion[g])) + f" | {_pct(c.prf(g).f1)} |" for g in CLASSES]
    return [head, rule, *rows, ""]


def _misses_markdown(misses: Sequence[Miss], limit: int) -> list[str]:
    if not misses:
        return []
    shown = misses[:limit]
    lines = [f"### Misses ({len(shown)} of {len(misses)})", ""]
    for m in shown:
        text = m.text if len(m.text) <= 150 else m.text[:149] + "…"
        lines.append(f"- `{m.id}` {text}  \n  gold: {', '.join(m.gold) or '—'}; "
                     f"predicted: {', '.join(m.predicted) or '—'}")  # fmt: skip
    return [*lines, ""]


# ---------------------------------------------------------------- with a coder


def code_sentences(coder: Coder, sentences: Sequence[GoldSentence]) -> list[Scored]:
    """Code each gold sentence as one article (dated by its gold day) and pair it with its gold."""
    articles = (Article(id=s.id, text=s.text, published=s.day) for s in sentences)
    coded = coder.code_many(articles)
    return [Scored(s, predictions(c)) for s, c in zip(sentences, coded, strict=True)]


def evaluate_events(coder: Coder, sets: dict[str, list[GoldSentence]], limit: int | None = None,
                    factual_only: bool = True) -> Report:  # fmt: skip
    """Code the (first ``limit``) sentences of each gold set and score them."""
    reports = tuple(score_set(name, code_sentences(coder, gold[:limit]), factual_only)
                    for name, gold in sets.items())  # fmt: skip
    return Report(reports, coder.version)
