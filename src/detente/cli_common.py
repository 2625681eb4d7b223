"""What every command module shares: the --db option, the error console and the database check."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

DbOption = Annotated[Path, typer.Option("--db", help="SQLite event database.")]
DEFAULT_DB = Path("detente.sqlite")


def err_console() -> Console:
    """Standard error, plain: messages name files and must not be reflowed or marked up."""
    return Console(stderr=True, highlight=False, soft_wrap=True, markup=False)


def need_db(db: Path) -> None:
    """Exit 1 with a one-line message when the database does not exist."""
    if not db.exists():
        err_console().print(f"{db}: no such database (run `detente code ... --db {db}` first)")
        raise typer.Exit(1)
