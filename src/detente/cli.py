"""The ``detente`` command line: a thin layer over the library."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from detente._version import __version__
from detente.cli_common import DEFAULT_DB, DbOption, err_console, need_db
from detente.cli_relations import register as register_relations
from detente.errors import DetenteError

app = typer.Typer(
    help="détente: code news about international relations into political event data.",
    no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
)  # fmt: skip
db_app = typer.Typer(help="Inspect the event database.", no_args_is_help=True)
app.add_typer(db_app, name="db")
evaluate_app = typer.Typer(help="Evaluate the coder against public gold data.", no_args_is_help=True)
app.add_typer(evaluate_app, name="evaluate")
dict_app = typer.Typer(help="Check and convert actor dictionaries.", no_args_is_help=True)
app.add_typer(dict_app, name="dict")
DEFAULT_PLOVER_GOLD = Path("../shared/gold/plover-gsr/PLOVER_GSR_CAMEO.txt")
DEFAULT_GOLD_DIR = Path("../shared/gold")

PeopleOption = Annotated[list[Path] | None, typer.Option(
    "--people", help="Extra people dictionary (TSV or YAML); repeat for several.")]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"detente {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log progress details.")] = False,
) -> None:  # fmt: skip
    """détente: code news about international relations into political event data."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, stream=sys.stderr,
                        format="%(levelname)s %(name)s: %(message)s")  # fmt: skip


@app.command()
def code(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders or - for stdin.")],
    db: DbOption = DEFAULT_DB,
    processes: Annotated[int, typer.Option("--processes", "-p", min=0,
                                           help="Worker processes (0 = all cores).")] = 0,
    strict: Annotated[bool, typer.Option(help="Exit non-zero on any input problem.")] = False,
    model: Annotated[str | None, typer.Option(help="spaCy model package to use.")] = None,
    input_format: Annotated[str | None, typer.Option("--format",
                            help="Force the input format: txt, html, jsonl or csv.")] = None,
    max_chars: Annotated[int, typer.Option(help="Longest article text accepted.")] = 1_000_000,
    max_file_bytes: Annotated[int, typer.Option(help="Largest single-article file.")] = 10_000_000,
    people: PeopleOption = None,
    substate_coding: Annotated[str, typer.Option(
        help="Breakaway entities: dejure (country + SEP) or entity (own code).")] = "dejure",
    sectors: Annotated[Path | None, typer.Option(
        help="Role lexicon (noun, sector TSV) to use instead of the bundled one.")] = None,
    min_confidence: Annotated[float, typer.Option(
        min=0.0, max=1.0, help="Keep only events with at least this confidence (0-1).")] = 0.0,
    historical_days: Annotated[int, typer.Option(
        min=0, help="Flag events dated more than this many days before publication as historical.")] = 30,
    places: Annotated[bool, typer.Option(help="Resolve event locations with the offline gazetteer.")] = True,
    future_as_intent: Annotated[bool, typer.Option(
        help="Code cooperative acts announced for the future as intents (033), not acts (070).")] = True,
    sentence_country: Annotated[bool, typer.Option(
        help="Give an official or group with no country the sentence's only country.")] = True,
) -> None:  # fmt: skip
    """Code articles into events and store them in the database."""
    from detente.cli_code import run_code
    from detente.config import DEFAULT_MODEL, Config

    config = Config(model=model or DEFAULT_MODEL, people=tuple(people or ()),
                    substate_coding=substate_coding, sectors=sectors,
                    min_confidence=min_confidence, historical_days=historical_days,
                    places=places, future_as_intent=future_as_intent,
                    sentence_country=sentence_country)  # fmt: skip
    raise typer.Exit(run_code(inputs, db, processes, strict, config, input_format, max_chars,
                              max_file_bytes, err_console()))  # fmt: skip


@app.command()
def export(
    output: Annotated[Path, typer.Option("--output", "-o",
                      help="Output file: .jsonl, .csv or .parquet (- for JSONL on stdout).")],
    db: DbOption = DEFAULT_DB,
    level: Annotated[str, typer.Option(
        help="mentions (every coded event mention) or events (one row per real event).")] = "mentions",
) -> None:  # fmt: skip
    """Export the coded event mentions, or the events they cluster into, as JSONL, CSV or Parquet."""
    from detente.export import export_events
    from detente.store import EventStore

    need_db(db)
    with EventStore(db) as store:
        n = export_events(store, output, stdout=sys.stdout, level=level)
    err_console().print(f"exported {n} {level} to {output}")


@app.command()
def show(
    article_id: Annotated[str, typer.Argument(help="Article id (see `detente db info`).")],
    db: DbOption = DEFAULT_DB,
) -> None:  # fmt: skip
    """Show an article with its coded events highlighted."""
    from detente.show import render_article
    from detente.store import EventStore

    need_db(db)
    with EventStore(db) as store:
        article = store.article(article_id)
        if article is None:
            err_console().print(f"{db}: no article with id {article_id!r}")
            raise typer.Exit(1)
        Console().print(render_article(article, list(store.mentions(article_id))))


@db_app.command("info")
def db_info(db: DbOption = DEFAULT_DB) -> None:
    """Show the schema version and the number of rows in each table."""
    from rich.table import Table

    from detente.store import EventStore

    need_db(db)
    with EventStore(db) as store:
        console = Console()
        console.print(f"{db}: schema version {store.schema_version}")
        table = Table()
        table.add_column("table")
        table.add_column("rows", justify="right")
        for name, count in store.counts().items():
            table.add_row(name, str(count))
        console.print(table)


@evaluate_app.command("actors")
def evaluate_actors_cmd(
    gold: Annotated[Path, typer.Option(help="PLOVER gold records (JSON list).")] = DEFAULT_PLOVER_GOLD,
    misses: Annotated[int, typer.Option(help="How many confusion rows to print.")] = 20,
    model: Annotated[str | None, typer.Option(help="spaCy model package to use.")] = None,
    people: PeopleOption = None,
) -> None:  # fmt: skip
    """Resolve every actor of the PLOVER gold records in its sentence and compare with its code."""
    from rich.table import Table

    from detente.config import DEFAULT_MODEL, Config
    from detente.evaluate import evaluate_actors, load_plover_actors
    from detente.pipeline import Coder

    if not gold.exists():
        err_console().print(f"{gold}: no such file (pass --gold PATH)")
        raise typer.Exit(1)
    config = Config(model=model or DEFAULT_MODEL, people=tuple(people or ()))
    result = evaluate_actors(Coder(config), load_plover_actors(gold))
    console = Console()
    console.print(f"{result.n} actors from {gold}: country-level accuracy "
                  f"{result.country_accuracy:.3f}, full-code accuracy {result.full_accuracy:.3f}")
    table = Table(title="most frequent misses (gold -> predicted)")
    for col in ("gold", "predicted", "count"):
        table.add_column(col)
    for (want, got), n in result.confusions()[:misses]:
        table.add_row(want, got, str(n))
    console.print(table)


@evaluate_app.command("events")
def evaluate_events_cmd(
    gold_dir: Annotated[Path, typer.Option(help="Folder with the public gold sets.")] = DEFAULT_GOLD_DIR,
    limit: Annotated[int | None, typer.Option(min=1, help="Code only the first N sentences per set.")] = None,
    markdown: Annotated[Path | None, typer.Option(help="Write the full Markdown report here.")] = None,
    json_report: Annotated[Path | None, typer.Option("--json", help="Write the JSON report here.")] = None,
    all_events: Annotated[bool, typer.Option(
        help="Count negated and hypothetical events too (default: factual events only).")] = False,
    petrarch: Annotated[bool, typer.Option(
        help="Also score the PETRARCH validation records (fictional actors, own dictionary).")] = False,
    model: Annotated[str | None, typer.Option(help="spaCy model package to use.")] = None,
) -> None:  # fmt: skip
    """Code the public gold sentences and report event, PLOVER-type, class and span scores."""
    import tempfile

    from detente.config import DEFAULT_MODEL, Config
    from detente.evaluate import petrarch_config
    from detente.gold import (
        load_conflibert_class,
        load_conflibert_ner,
        load_petrarch,
        load_plover,
    )
    from detente.pipeline import Coder
    from detente.scoring import Report, evaluate_events

    if not gold_dir.is_dir():
        err_console().print(f"{gold_dir}: no such folder (pass --gold-dir PATH)")
        raise typer.Exit(1)
    config = Config(model=model or DEFAULT_MODEL)
    sets = {"plover-gsr": load_plover(gold_dir / "plover-gsr" / "PLOVER_GSR_CAMEO.txt"),
            "conflibert-class": load_conflibert_class(gold_dir / "conflibert" / "cameo_class" / "train.tsv"),
            "conflibert-ner": load_conflibert_ner(gold_dir / "conflibert" / "cameo_ner" / "train.txt")}
    report = evaluate_events(Coder(config), sets, limit, factual_only=not all_events)
    if petrarch:
        base = gold_dir / "petrarch-validation" / "universal"
        with tempfile.TemporaryDirectory() as tmp:
            own = petrarch_config(config, base / "validate-dictionaries", Path(tmp))
            records = {"petrarch": load_petrarch(base / "PETR_Validate_records_2_02.xml")}
            other = evaluate_events(Coder(own), records, limit, factual_only=not all_events)
        report = Report(report.sets + other.sets, report.coder_version)
    if markdown is not None:
        markdown.write_text(report.to_markdown(max_misses=10_000), encoding="utf-8")
    if json_report is not None:
        json_report.write_text(report.to_json(), encoding="utf-8")
    typer.echo(report.to_markdown(max_misses=0))


@dict_app.command("import-petrarch")
def dict_import_petrarch(
    source: Annotated[Path, typer.Argument(help="PETRARCH actor dictionary (.txt).")],
    output: Annotated[Path, typer.Option("--output", "-o",
                      help="People dictionary to write: .tsv (fast to load) or .yaml.")],
) -> None:  # fmt: skip
    """Convert a PETRARCH actor dictionary into a détente people dictionary, or a PETRARCH agents
    dictionary into a role lexicon (sectors TSV)."""
    from detente.lexicons import ActorLexicon
    from detente.petrarch import import_petrarch, import_petrarch_agents, is_agents_file

    try:
        agents = is_agents_file(source.read_text(encoding="utf-8", errors="replace"))
    except OSError:
        agents = False  # import_petrarch reports the unreadable file
    result = (import_petrarch_agents(source) if agents
              else import_petrarch(source, ActorLexicon.load(str.split).countries))  # fmt: skip
    result.write(output)
    err = err_console()
    for warning in result.warnings:
        err.print(warning)
    what = "role nouns (a sectors file)" if agents else "entries"
    err.print(f"wrote {result.count} {what} to {output}; {len(result.warnings)} items left out "
              "(listed above)")


@dict_app.command("check")
def dict_check(
    files: Annotated[list[Path], typer.Argument(help="People dictionaries (TSV or YAML) to validate.")],
) -> None:  # fmt: skip
    """Validate people dictionaries: codes, dates and aliases (errors name file and line)."""
    from detente.lexicons import ActorLexicon
    from detente.people import PeopleDictionary

    countries = ActorLexicon.load(str.split).countries
    people = PeopleDictionary.load(str.split, countries, list(files))
    Console().print(f"{len(people.people)} people in {len(files)} file(s): OK")


register_relations(app)


def main() -> None:
    """Entry point: run the app, turning library errors into one-line messages."""
    try:
        app()
    except DetenteError as exc:
        err_console().print(f"detente: error: {exc}")
        sys.exit(2)
