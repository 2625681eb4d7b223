"""Typed records that flow through the détente pipeline.

``Article`` comes out of ingest; the NLP stage splits it into ``Sentence`` records; the actor stage
adds ``ActorMention`` records; the event stage adds ``Event`` records. ``CodedArticle`` bundles
them. Every record is a frozen dataclass so stages cannot mutate each other's output.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from enum import IntEnum, StrEnum


class QuadClass(IntEnum):
    """GDELT quad classes."""

    VERBAL_COOPERATION = 1
    MATERIAL_COOPERATION = 2
    VERBAL_CONFLICT = 3
    MATERIAL_CONFLICT = 4


class Severity(StrEnum):
    """How bad an input problem is: ``error`` drops the item, ``warning`` keeps it."""

    ERROR = "error"
    WARNING = "warning"


def content_hash(text: str) -> str:
    """Stable hash of an article text (sha256, first 16 hex digits)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Article:
    """One article as read by ingest."""

    id: str
    text: str
    title: str | None = None
    published: date | None = None
    source: str | None = None
    url: str | None = None
    origin: str = ""  # file (and line) it came from, for messages
    text_hash: str = ""

    def __post_init__(self) -> None:
        if not self.text_hash:
            object.__setattr__(self, "text_hash", content_hash(self.text))


@dataclass(frozen=True)
class Failure:
    """An input item (or part of one) that could not be processed as given."""

    origin: str  # file path, or "<stdin>"
    line: int | None
    problem: str
    severity: Severity = Severity.ERROR
    article_id: str | None = None

    def message(self) -> str:
        where = f"{self.origin}:{self.line}" if self.line is not None else self.origin
        return f"{where}: {self.severity.value}: {self.problem}"


@dataclass(frozen=True)
class Span:
    """Character span in the article text."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    index: int
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Actor:
    """A resolved actor: CAMEO-style code = country + sector, or an organisation's code."""

    text: str
    country: str | None
    sector: str | None
    organisation: str | None = None  # e.g. IGOUNO; the code is then the organisation's + sector

    @property
    def code(self) -> str | None:
        if self.organisation is not None:
            return self.organisation + (self.sector or "")
        if self.country is None and self.sector is None:
            return None
        return f"{self.country or ''}{self.sector or ''}"


@dataclass(frozen=True)
class ActorMention:
    """An actor mention found in a sentence: token range (sentence-relative doc indices)."""

    sentence_index: int
    token_start: int
    token_end: int  # exclusive
    span: Span
    actor: Actor
    kind: str  # name, demonym, capital, organisation, group, region, breakaway, person, place


@dataclass(frozen=True)
class Plover:
    type: str | None
    mode: str | None
    context: str | None


@dataclass(frozen=True)
class Modality:
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    attributed_to: str | None = None


class DatePrecision(StrEnum):
    """How precisely an event date is known."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


@dataclass(frozen=True)
class EventDate:
    """When an event happened: the first day of the period meant, and how precise it is.

    ``text`` is the expression it was resolved from ("in early March"); ``None`` means the
    publication date was used. ``historical`` marks events far before publication.
    """

    value: date
    precision: DatePrecision
    text: str | None = None
    historical: bool = False


class PlaceLevel(StrEnum):
    CITY = "city"
    REGION = "region"
    COUNTRY = "country"


@dataclass(frozen=True)
class Place:
    """Where an event happened, resolved offline; an unresolvable place keeps only its text."""

    text: str  # as written: "Xankandi", "the Iranian border"
    name: str | None = None  # gazetteer name
    country: str | None = None  # ISO alpha-3
    latitude: float | None = None
    longitude: float | None = None
    geonames_id: int | None = None
    level: PlaceLevel | None = None


@dataclass(frozen=True)
class Event:
    """One coded event: a (source, target, CAMEO code) triple with its evidence."""

    event_id: str
    article_id: str
    sentence_index: int
    sentence: str
    source: Actor
    target: Actor | None
    cameo: str
    cameo_root: str
    goldstein: float
    quad_class: QuadClass
    plover: Plover
    modality: Modality
    date: date | None
    evidence: Span
    confidence: float
    coder_version: str
    trigger: str = ""
    group: str = ""
    location: Place | None = None
    date_precision: DatePrecision | None = None
    date_text: str | None = None
    historical: bool = False
    # the noun phrases of the source and target arguments as written ("Nigerian Air Force ( NAF )"),
    # article-relative offsets; ``source.text`` / ``target.text`` are only the matched mentions
    source_span: Span | None = None
    target_span: Span | None = None


@dataclass(frozen=True)
class CodedArticle:
    """An article with everything the pipeline found in it."""

    article: Article
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[ActorMention, ...] = ()
    events: tuple[Event, ...] = ()
    coder_version: str = ""
