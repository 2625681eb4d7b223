"""Evaluation against public gold data. v1: actor resolution on the PLOVER gold records."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from spacy.tokens import Doc

from detente.config import Config
from detente.errors import InputError
from detente.gold import LEGACY_COUNTRIES, LEGACY_SECTORS, petrarch_countries_tsv
from detente.lexicons import ActorLexicon
from detente.model import Actor
from detente.petrarch import import_petrarch
from detente.pipeline import Coder
from detente.resolve import ActorResolver

WILDCARD = "***"  # gold sector "***": sector unspecified, any sector counts at full-code level


@dataclass(frozen=True)
class GoldActor:
    """One coded actor of a gold record: its text, country-level code and sector, and the record's
    sentence and date (the context the actor is resolved in)."""

    record_id: str
    text: str
    code: str  # ISO alpha-3 country, or IGO/NGO/IMG
    sector: str | None  # as written in the gold, e.g. "GOV", "CVLalb", "***"
    sentence: str | None = None
    day: date | None = None

    @property
    def full(self) -> str:
        return self.code + (self.sector or "")

    @property
    def primary_sector(self) -> str | None:
        """The first sector code (CAMEO secondary codes such as ethnic "alb" are not compared)."""
        head = (self.sector or "")[:3]
        return LEGACY_SECTORS.get(head, head) if head.isalpha() and head.isupper() else None


@dataclass(frozen=True)
class ActorResult:
    gold: GoldActor
    country: str | None  # predicted country-level code
    sector: str | None  # predicted sector

    @property
    def full(self) -> str | None:
        return None if self.country is None else self.country + (self.sector or "")

    @property
    def country_ok(self) -> bool:
        return self.country == self.gold.code

    @property
    def full_ok(self) -> bool:
        if not self.country_ok:
            return False
        return self.gold.sector == WILDCARD or self.sector == self.gold.primary_sector


@dataclass(frozen=True)
class ActorEvaluation:
    results: tuple[ActorResult, ...]

    @property
    def n(self) -> int:
        return len(self.results)

    @property
    def country_accuracy(self) -> float:
        return sum(r.country_ok for r in self.results) / max(self.n, 1)

    @property
    def full_accuracy(self) -> float:
        return sum(r.full_ok for r in self.results) / max(self.n, 1)

    def confusions(self) -> list[tuple[tuple[str, str], int]]:
        """(gold full code, predicted full code) pairs of the misses, most frequent first."""
        pairs = Counter((r.gold.full, r.full or "-") for r in self.results if not r.full_ok)
        return pairs.most_common()

    def misses(self) -> list[ActorResult]:
        return [r for r in self.results if not r.full_ok]


def load_plover_actors(path: Path) -> list[GoldActor]:
    """Every source and target actor of the PLOVER gold records (JSON list). When all records
    carry one date (the PLOVER file's placeholder 2000-01-01), it is not used."""
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(str(path), None, f"cannot read PLOVER gold records: {exc}") from exc
    out: list[GoldActor] = []
    dates = {r.get("date") for r in records if r.get("event") != "DOCUMENT"}
    placeholder = len(dates) == 1  # every record carries the same date: not a real one
    for record in records:
        day = None if placeholder else _day(record.get("date"))
        for role in ("source", "target"):
            actors = record.get(role)
            if not isinstance(actors, list):
                continue
            out.extend(GoldActor(record.get("id", ""), a["actorText"].strip(), _code(a["code"]),
                                 a.get("sector") or None, record.get("text"), day)
                       for a in actors if isinstance(a, dict) and a.get("actorText"))  # fmt: skip
    return out


def _code(code: str) -> str:
    """The gold code with a legacy country code mapped to ISO ("JAP" -> "JPN")."""
    return LEGACY_COUNTRIES.get(code[:3], code[:3]) + code[3:]


def _day(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def country_level(actor: Actor | None) -> str | None:
    if actor is None:
        return None
    return actor.organisation[:3] if actor.organisation else actor.country


def find_text(sentence: str, text: str) -> tuple[int, int] | None:
    """Character span of an actor text in its sentence (whole words, exact case first);
    "U.S. ... negotiators" spans the gap."""
    parts = [p.strip() for p in re.split(r"\.\.\.?", text) if p.strip()]
    if not parts:
        return None
    start = end = -1
    for i, part in enumerate(parts):
        found = _find_word(sentence, part, max(end, 0))
        if found is None:
            return None
        if i == 0:
            start = found[0]
        end = found[1]
    return start, end


def _find_word(sentence: str, part: str, pos: int) -> tuple[int, int] | None:
    pattern = r"(?<!\w)" + r"\s+".join(re.escape(w) for w in part.split()) + r"(?!\w)"
    for flags in (0, re.IGNORECASE):
        m = re.compile(pattern, flags).search(sentence, pos)
        if m:
            return m.start(), m.end()
    return None


def resolve_phrase(coder: Coder, text: str, day: date | None = None) -> Actor | None:
    """Resolve a standalone actor phrase ("Iran's Deputy Foreign Minister X") to an actor."""
    return resolve_in_context(coder, text, (0, len(text)), day)


Parsed = tuple[Doc, list[ActorResolver]]


Cache = dict[tuple[str, date | None], Parsed]


def resolve_in_context(coder: Coder, sentence: str, span: tuple[int, int], day: date | None = None,
                       cache: Cache | None = None) -> Actor | None:  # fmt: skip
    """Resolve the actor phrase at ``span`` of ``sentence`` as the coder would as an argument:
    the phrase's head, or the role noun it modifies ("Hungarian" in "Hungarian officials")."""
    cache = {} if cache is None else cache
    if (sentence, day) not in cache:
        doc = coder.nlp(sentence)
        cache[sentence, day] = (doc, list(coder.actor_stage(doc, day)))
    doc, resolvers = cache[sentence, day]
    phrase = doc.char_span(*span, alignment_mode="expand")
    if phrase is None or not len(phrase):
        return None
    tops = [t for t in phrase if not phrase.start <= t.head.i < phrase.end or t.head.i == t.i]
    root = tops[-1] if tops else phrase.root  # the rightmost top token is the head noun
    resolver = resolvers[next(i for i, s in enumerate(doc.sents) if s.start <= root.i < s.end)]
    first = root
    while first.dep_ == "conj" and first.head.i < first.i:  # "Hungarian and Romanian officials"
        first = first.head
    head = first.head
    if (first.dep_ in ("amod", "compound", "nmod", "poss") and not phrase.start <= head.i < phrase.end
            and resolver.sector_of(head)):  # fmt: skip
        mention = resolver.mentions.get(root.i)
        role = resolver.resolve(head)
        if mention is not None and role is not None and role.country != mention.actor.country:
            return Actor(phrase.text, mention.actor.country, role.sector)
        root = head
    inside = [resolver.mentions[t.i].actor for t in phrase if t.i in resolver.mentions]
    found = resolver.resolve(root)
    more = resolver.modifier_conjuncts(root) if found is not None else []
    candidates = [] if found is None else [found, *(
        Actor(found.text, c.country, found.sector, c.organisation) for c in more)]
    countries = {a.country for a in inside}
    actor = next((a for a in candidates if a.country in countries), candidates[0] if candidates else None)
    return actor if actor is not None else (inside[0] if inside else None)


def evaluate_actors(coder: Coder, gold: Iterable[GoldActor]) -> ActorEvaluation:
    """Resolve each gold actor in its sentence (alone when its text is not found there)."""
    results = []
    cache: Cache = {}
    for g in gold:
        where = find_text(g.sentence, g.text) if g.sentence else None
        if where is not None and g.sentence is not None:
            actor = resolve_in_context(coder, g.sentence, where, g.day, cache)
        else:
            actor = resolve_phrase(coder, g.text, g.day)
        results.append(ActorResult(g, country_level(actor), actor.sector if actor else None))
    return ActorEvaluation(tuple(results))


def petrarch_config(config: Config, dictionaries: Path, workdir: Path) -> Config:
    """A coder configuration for the PETRARCH validation records, which use fictional actors
    and their own dictionary: its country entries are merged into the country table, its other
    actor entries (people with dated codes: "GOLLUM [HOB < 950601]") become the people
    dictionary in place of the bundled one, and acts announced for the future are coded as acts,
    as PETRARCH codes them. Writes two files into ``workdir``."""
    actors = dictionaries / "PETR_Validate_actors_2_02.txt"
    countries = workdir / "countries.tsv"
    countries.write_text(petrarch_countries_tsv(actors), encoding="utf-8")
    people = workdir / "people.tsv"
    import_petrarch(actors, ActorLexicon.load(str.split, countries).countries).write(people)
    return replace(config, countries=countries, people=(people,), bundled_people=False,
                   future_as_intent=False)  # fmt: skip
