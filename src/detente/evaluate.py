"""Evaluation against public gold data. v1: actor resolution on the PLOVER gold records."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from detente.actors import ActorResolver, find_mentions
from detente.errors import InputError
from detente.model import Actor
from detente.pipeline import Coder


@dataclass(frozen=True)
class GoldActor:
    """One coded actor of a gold record: its text, country-level code and sector."""

    record_id: str
    text: str
    code: str  # ISO alpha-3 country, or "IGO"
    sector: str | None

    @property
    def full(self) -> str:
        return self.code + (self.sector or "")


@dataclass(frozen=True)
class ActorResult:
    gold: GoldActor
    country: str | None  # predicted country-level code
    full: str | None  # predicted country + sector


@dataclass(frozen=True)
class ActorEvaluation:
    results: tuple[ActorResult, ...]

    @property
    def n(self) -> int:
        return len(self.results)

    @property
    def country_accuracy(self) -> float:
        return sum(r.country == r.gold.code for r in self.results) / max(self.n, 1)

    @property
    def full_accuracy(self) -> float:
        return sum(r.full == r.gold.full for r in self.results) / max(self.n, 1)

    def confusions(self) -> list[tuple[tuple[str, str], int]]:
        """(gold full code, predicted full code) pairs of the misses, most frequent first."""
        pairs = Counter((r.gold.full, r.full or "-") for r in self.results if r.full != r.gold.full)
        return pairs.most_common()


def load_plover_actors(path: Path) -> list[GoldActor]:
    """Every source and target actor of the PLOVER gold records (JSON list)."""
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(str(path), None, f"cannot read PLOVER gold records: {exc}") from exc
    out: list[GoldActor] = []
    for record in records:
        for role in ("source", "target"):
            actors = record.get(role)
            if not isinstance(actors, list):
                continue
            out.extend(GoldActor(record.get("id", ""), a["actorText"].strip(), a["code"],
                                 a.get("sector") or None)
                       for a in actors if isinstance(a, dict) and a.get("actorText"))  # fmt: skip
    return out


def country_level(actor: Actor | None) -> str | None:
    if actor is None:
        return None
    return actor.organisation[:3] if actor.organisation else actor.country


def resolve_phrase(coder: Coder, text: str) -> Actor | None:
    """Resolve a standalone actor phrase ("Iran's Deputy Foreign Minister X") to an actor."""
    doc = coder.nlp(text)
    span = doc[:]
    mentions = find_mentions(span, 0, coder.actors)
    resolver = ActorResolver.for_mentions(mentions, coder.sectors)
    actor = resolver.resolve(span.root)
    if actor is None and mentions:
        actor = mentions[0].actor
    return actor


def evaluate_actors(coder: Coder, gold: Iterable[GoldActor]) -> ActorEvaluation:
    results = []
    for g in gold:
        actor = resolve_phrase(coder, g.text)
        country = country_level(actor)
        sector = actor.sector if actor is not None and actor.sector != "IGO" else None
        full = None if country is None else country + (sector or "")
        results.append(ActorResult(g, country, full))
    return ActorEvaluation(tuple(results))
