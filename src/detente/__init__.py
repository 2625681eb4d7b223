"""détente: code news about international relations into political event data.

The Python API in brief::

    from detente import Coder, EventStore, read_articles
    coder = Coder()
    coded = coder.code_text("Azerbaijan lodged a protest with Iran.")
    for event in coded.events:
        print(event.source.code, event.cameo, event.target and event.target.code)

Names are imported lazily, so ``import detente`` (and the CLI's ``--help``) does not load spaCy.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from detente._version import __version__

_EXPORTS = {
    "Config": "detente.config",
    "ConfigError": "detente.errors", "DetenteError": "detente.errors",
    "ExportError": "detente.errors", "InputError": "detente.errors",
    "LexiconError": "detente.errors", "StoreError": "detente.errors",
    "IngestOptions": "detente.ingest", "read_articles": "detente.ingest",
    "Actor": "detente.model", "ActorMention": "detente.model", "Article": "detente.model",
    "CodedArticle": "detente.model", "Event": "detente.model", "Failure": "detente.model",
    "Modality": "detente.model", "Plover": "detente.model", "QuadClass": "detente.model",
    "Sentence": "detente.model", "Span": "detente.model",
    "Coder": "detente.pipeline",
    "event_record": "detente.records",
    "EventStore": "detente.store",
    "code_batch": "detente.batch",
    "export_events": "detente.export",
}  # fmt: skip

__all__ = ["__version__", *sorted(_EXPORTS)]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'detente' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


if TYPE_CHECKING:
    from detente.batch import code_batch
    from detente.config import Config
    from detente.errors import (
        ConfigError,
        DetenteError,
        ExportError,
        InputError,
        LexiconError,
        StoreError,
    )  # fmt: skip
    from detente.export import export_events
    from detente.ingest import IngestOptions, read_articles
    from detente.model import (
        Actor,
        ActorMention,
        Article,
        CodedArticle,
        Event,
        Failure,
        Modality,
        Plover,
        QuadClass,
        Sentence,
        Span,
    )  # fmt: skip
    from detente.pipeline import Coder
    from detente.records import event_record
    from detente.store import EventStore
