"""détente: code news about international relations into political event data.

The Python API in brief::

    from detente import Coder, EventStore, read_articles
    coder = Coder()
    coded = coder.code_text("Azerbaijan lodged a protest with Iran.")
    for event in coded.events:
        print(event.source.code, event.cameo, event.target and event.target.code)
"""

from __future__ import annotations

from detente._version import __version__
from detente.config import Config
from detente.errors import (
    ConfigError,
    DetenteError,
    ExportError,
    InputError,
    LexiconError,
    StoreError,
)  # fmt: skip
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

__all__ = [
    "Actor", "ActorMention", "Article", "Coder", "CodedArticle", "Config", "ConfigError",
    "DetenteError", "Event", "EventStore", "ExportError", "Failure", "IngestOptions",
    "InputError", "LexiconError", "Modality", "Plover", "QuadClass", "Sentence", "Span",
    "StoreError", "__version__", "event_record", "read_articles",
]  # fmt: skip
