"""`detente code`: run a batch with a progress bar and one stderr line per input problem."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from detente.batch import BatchOptions, BatchResult, code_batch
from detente.config import Config
from detente.ingest import FORMATS, IngestOptions
from detente.model import CodedArticle, Failure
from detente.store import EventStore

EXIT_OK, EXIT_NOTHING, EXIT_STRICT, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 3, 2, 130


def run_code(inputs: list[str], db: Path, processes: int, strict: bool, config: Config,
             input_format: str | None, max_chars: int, max_file_bytes: int,
             err: Console) -> int:  # fmt: skip
    """Run `detente code`; returns the exit status."""
    if input_format is not None and input_format not in FORMATS:
        err.print(f"detente: error: --format must be one of {', '.join(FORMATS)}")
        return EXIT_USAGE
    options = BatchOptions(processes=processes, ingest=IngestOptions(
        max_article_chars=max_chars, max_file_bytes=max_file_bytes, format=input_format))
    progress = Progress(TextColumn("coding"), BarColumn(), MofNCompleteColumn(),
                        TextColumn("{task.fields[events]} events"), TimeElapsedColumn(),
                        console=err, disable=not err.is_terminal, transient=True)  # fmt: skip
    task = progress.add_task("code", total=None, events=0)

    def on_failure(failure: Failure) -> None:
        progress.console.print(failure.message())

    def on_article(coded: CodedArticle) -> None:
        progress.update(task, advance=1, events=progress.tasks[0].fields["events"] + len(coded.events))

    with EventStore(db) as store:
        try:
            with progress:
                result = code_batch(inputs, store, config, options, on_failure, on_article)
        except KeyboardInterrupt:
            err.print(f"interrupted: articles coded so far are stored in {db}; "
                      "run the same command again to finish")  # fmt: skip
            return EXIT_INTERRUPTED
    err.print(_summary(result, db))
    return _exit_status(result, strict)


def _summary(result: BatchResult, db: Path) -> str:
    clusters = result.clusters
    grouped = (f"; {clusters.clustered} factual mentions clustered, {clusters.new_events} new events"
               if clusters is not None else "")  # fmt: skip
    return (f"coded {result.coded} articles ({result.events} event mentions), skipped {result.skipped} "
            f"already coded, {len(result.failures)} input problems{grouped}; stored in {db}")


def _exit_status(result: BatchResult, strict: bool) -> int:
    if strict and result.failures:
        return EXIT_STRICT
    if result.coded + result.skipped == 0:
        return EXIT_NOTHING
    return EXIT_OK
