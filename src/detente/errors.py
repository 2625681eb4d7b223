"""The one exception hierarchy of détente.

Every error the library raises derives from :class:`DetenteError`. Problems with a single
article are not raised during a batch: they are recorded as :class:`detente.model.Failure` data.
"""

from __future__ import annotations


class DetenteError(Exception):
    """Base class of every error raised by détente."""


class ConfigError(DetenteError):
    """A configuration value is missing or invalid (unknown model, bad option)."""


class LocatedError(DetenteError):
    """An error in a file, at a line when known: the message reads ``path:line: problem``."""

    def __init__(self, path: str, line: int | None, problem: str) -> None:
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {problem}")
        self.path = path
        self.line = line
        self.problem = problem


class LexiconError(LocatedError):
    """A lexicon or ontology data file is malformed."""


class InputError(LocatedError):
    """An input item cannot be read (batches record these as Failure data instead)."""


class StoreError(DetenteError):
    """The event store cannot be opened, migrated or written."""


class ExportError(DetenteError):
    """An export target is unsupported or cannot be written."""
