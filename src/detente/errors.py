"""The one exception hierarchy of détente.

Every error the library raises derives from :class:`DetenteError`. Problems with a single
article are not raised during a batch: they are recorded as :class:`detente.model.Failure` data.
"""

from __future__ import annotations


class DetenteError(Exception):
    """Base class of every error raised by détente."""


class ConfigError(DetenteError):
    """A configuration value is missing or invalid (unknown model, bad option)."""


class LexiconError(DetenteError):
    """A lexicon or ontology data file is malformed; the message names file, line and problem."""

    def __init__(self, path: str, line: int | None, problem: str) -> None:
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {problem}")
        self.path = path
        self.line = line
        self.problem = problem


class InputError(DetenteError):
    """An input item cannot be read; the message names file (and line) and the problem."""

    def __init__(self, path: str, line: int | None, problem: str) -> None:
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {problem}")
        self.path = path
        self.line = line
        self.problem = problem


class StoreError(DetenteError):
    """The event store cannot be opened, migrated or written."""


class ExportError(DetenteError):
    """An export target is unsupported or cannot be written."""
