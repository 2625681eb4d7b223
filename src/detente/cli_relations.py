"""Commands on event clusters: `detente cluster`, `dyad`, `top-dyads`, `reciprocity`,
`escalation`, `coercion` and `plot dyad`. Registered on the main app by :mod:`detente.cli`."""

from __future__ import annotations

import dataclasses
import json
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from detente.cli_common import DEFAULT_DB, DbOption, err_console, need_db

if TYPE_CHECKING:
    import pandas as pd

    from detente.store import EventStore

FREQS = ("day", "week", "month", "year")
FromOption = Annotated[datetime | None, typer.Option("--from", formats=["%Y-%m-%d"],
                                                     help="First date (YYYY-MM-DD), inclusive.")]  # fmt: skip
ToOption = Annotated[datetime | None, typer.Option("--to", formats=["%Y-%m-%d"],
                                                   help="Last date (YYYY-MM-DD), inclusive.")]  # fmt: skip
FreqOption = Annotated[str, typer.Option("--freq", help="Period: day, week, month or year.")]
DirectedOption = Annotated[bool, typer.Option("--directed", help="Only A toward B (default: both ways).")]
HistoricalOption = Annotated[bool, typer.Option(
    "--historical", help="Include events reported long after they happened (excluded by default).")]
OutputOption = Annotated[Path | None, typer.Option(
    "--output", "-o", help="Write a .csv or .json file instead of printing a table.")]

plot_app = typer.Typer(help="Draw charts of relations.", no_args_is_help=True)


def _open(db: Path) -> EventStore:
    from detente.store import EventStore

    need_db(db)
    return EventStore(db)


def _day(value: datetime | None) -> date | None:
    return value.date() if value is not None else None


def _freq(value: str) -> str:
    if value not in FREQS:
        err_console().print(f"detente: error: --freq must be one of {', '.join(FREQS)}, not {value!r}")
        raise typer.Exit(2)
    return value


def _frame(db: Path, *, dyad: tuple[str, str] | None = None, start: date | None = None,
           end: date | None = None, evidence: bool = False) -> pd.DataFrame:  # fmt: skip
    from detente.frames import events_frame

    with _open(db) as store:
        return events_frame(store, dyad=dyad, start=start, end=end, evidence=evidence)


def _emit(frame: pd.DataFrame, output: Path | None, title: str, index: bool = False) -> None:
    """Print a DataFrame as a table, or write it as CSV or JSON."""
    if index:
        frame = frame.reset_index()
    if output is None:
        table = Table(title=title)
        rows = [[_cell(v) for v in row] for row in frame.itertuples(index=False)]
        for i, col in enumerate(frame.columns):
            first = i == 0  # the period or actor column is never cut short
            widest = max((len(r[i]) for r in rows), default=0)
            table.add_column(str(col), justify="right" if frame[col].dtype.kind in "if" else "left",
                             no_wrap=first, min_width=widest if first else None)
        for row in rows:
            table.add_row(*row)
        Console().print(table)
        return
    if output.suffix == ".csv":
        frame.to_csv(output, index=False)
    elif output.suffix == ".json":
        frame.to_json(output, orient="records", date_format="iso", indent=2)
    else:
        err_console().print(f"{output}: unknown output format (use .csv or .json)")
        raise typer.Exit(2)
    err_console().print(f"wrote {len(frame)} rows to {output}")


def _cell(value: Any) -> str:
    import pandas as pd

    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, float):
        return "" if value != value else f"{value:.2f}"
    if hasattr(value, "strftime"):
        return "" if str(value) == "NaT" else value.strftime("%Y-%m-%d")
    return "" if value is None else str(value)


def _emit_record(record: Any, output: Path | None, title: str) -> None:
    """Print a result dataclass as key/value lines, or write it as JSON."""
    fields = dataclasses.asdict(record)
    if output is not None:
        output.write_text(json.dumps(fields, indent=2, default=str) + "\n", encoding="utf-8")
        err_console().print(f"wrote {output}")
        return
    table = Table(title=title, show_header=False)
    for key, value in fields.items():
        table.add_row(key, _cell(value))
    Console().print(table)


def cluster(
    db: DbOption = DEFAULT_DB,
    window: Annotated[int, typer.Option(min=0, help="Days two reports of one event may differ by.")] = 1,
    min_similarity: Annotated[float, typer.Option(
        min=0.0, max=1.0, help="Evidence word overlap needed when CAMEO codes differ (0-1).")] = 0.25,
    max_span: Annotated[int, typer.Option(min=0, help="Longest an event may grow, in days.")] = 14,
    rebuild: Annotated[bool, typer.Option(help="Forget all clusters and build them again.")] = False,
) -> None:  # fmt: skip
    """Group event mentions that report the same real event (run by `detente code` too)."""
    from detente.clusters import ClusterOptions

    options = ClusterOptions(window_days=window, min_similarity=min_similarity, max_span_days=max_span)
    with _open(db) as store:
        summary = store.cluster(options, rebuild=rebuild)
        total = store.counts()["events"]
    err_console().print(f"looked at {summary.mentions} mentions: {summary.clustered} clustered "
                 f"({summary.new_events} new events), {summary.unclusterable} not factual or without "
                 f"a source actor; {total} events in {db}")  # fmt: skip


def dyad(
    a: Annotated[str, typer.Argument(help="First actor code, e.g. AZE.")],
    b: Annotated[str, typer.Argument(help="Second actor code, e.g. IRN.")],
    db: DbOption = DEFAULT_DB, directed: DirectedOption = False, freq: FreqOption = "month",
    start: FromOption = None, end: ToOption = None, historical: HistoricalOption = False,
    output: OutputOption = None,
) -> None:  # fmt: skip
    """Per-period counts by quad class, Goldstein sum and mean, and net cooperation for a dyad."""
    from detente.relations import dyad_series

    frame = _frame(db, dyad=(a, b))
    series = dyad_series(frame, a, b, directed=directed, freq=_freq(freq), start=_day(start),  # type: ignore[arg-type]
                         end=_day(end), include_historical=historical)  # fmt: skip
    arrow = "→" if directed else "–"
    _emit(series, output, f"{a} {arrow} {b} by {freq}", index=True)


def top_dyads(
    db: DbOption = DEFAULT_DB, start: FromOption = None, end: ToOption = None,
    n: Annotated[int, typer.Option("-n", min=1, help="How many pairs.")] = 10,
    by: Annotated[str, typer.Option(
        help="active (most events) or hostile (lowest Goldstein sum).")] = "active",
    directed: Annotated[bool, typer.Option("--directed", help="Keep A→B and B→A apart.")] = False,
    historical: HistoricalOption = False, output: OutputOption = None,
) -> None:  # fmt: skip
    """The most active or most hostile pairs of actors in a period."""
    from detente.relations import top_dyads as top

    if by not in ("active", "hostile"):
        err_console().print(f"detente: error: --by must be active or hostile, not {by!r}")
        raise typer.Exit(2)
    frame = _frame(db, start=_day(start), end=_day(end))
    result = top(frame, start=_day(start), end=_day(end), n=n, by=by, directed=directed,  # type: ignore[arg-type]
                 include_historical=historical)  # fmt: skip
    _emit(result, output, f"top {n} dyads ({by})")


def reciprocity(
    a: Annotated[str, typer.Argument(help="First actor code.")],
    b: Annotated[str, typer.Argument(help="Second actor code.")],
    db: DbOption = DEFAULT_DB, freq: FreqOption = "month", start: FromOption = None,
    end: ToOption = None, historical: HistoricalOption = False,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write JSON here.")] = None,
) -> None:  # fmt: skip
    """Correlation between the A→B and B→A Goldstein series (same period and one period later)."""
    from detente.relations import reciprocity as recip

    result = recip(_frame(db, dyad=(a, b)), a, b, freq=_freq(freq), start=_day(start),  # type: ignore[arg-type]
                   end=_day(end), include_historical=historical)  # fmt: skip
    _emit_record(result, output, f"reciprocity {a} ↔ {b} by {freq}")


def escalation(
    a: Annotated[str, typer.Argument(help="First actor code.")],
    b: Annotated[str, typer.Argument(help="Second actor code.")],
    db: DbOption = DEFAULT_DB, directed: DirectedOption = False, freq: FreqOption = "month",
    start: FromOption = None, end: ToOption = None, historical: HistoricalOption = False,
    measure: Annotated[str, typer.Option(help="Goldstein per period: mean or sum.")] = "mean",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write JSON here.")] = None,
) -> None:  # fmt: skip
    """Trend of the dyad's Goldstein series: slope per period with its 95% interval."""
    from detente.relations import escalation as trend

    if measure not in ("mean", "sum"):
        err_console().print(f"detente: error: --measure must be mean or sum, not {measure!r}")
        raise typer.Exit(2)
    result = trend(_frame(db, dyad=(a, b)), a, b, directed=directed, freq=_freq(freq),  # type: ignore[arg-type]
                   start=_day(start), end=_day(end), include_historical=historical,
                   measure=measure)  # type: ignore[arg-type]  # fmt: skip
    _emit_record(result, output, f"Goldstein trend {a} {'→' if directed else '–'} {b} by {freq}")


def coercion(
    a: Annotated[str, typer.Argument(help="The coercing actor's code.")],
    b: Annotated[str, typer.Argument(help="The coerced actor's code.")],
    db: DbOption = DEFAULT_DB,
    days: Annotated[int, typer.Option(min=1, help="How long after each act to look for B's response.")] = 30,
    historical: HistoricalOption = False, output: OutputOption = None,
) -> None:  # fmt: skip
    """Does coercion work? B's first response to each coercive act of A: compliance,
    counter-coercion or nothing, with the event ids behind each."""
    from detente.relations import coercion_responses

    report = coercion_responses(_frame(db, dyad=(a, b)), a, b, days=days, include_historical=historical)
    shares = report.shares
    console = Console() if output is None else err_console()
    console.print(f"{report.total} coercive acts by {a} toward {b} ({report.undated} undated, not "
                  f"counted); {b}'s first response within {days} days:")  # fmt: skip
    for outcome, count in (("compliance", report.compliance), ("counter-coercion", report.counter_coercion),
                           ("no response", report.no_response)):  # fmt: skip
        share = shares.get(outcome)
        console.print(f"  {outcome}: {count}" + (f" ({share:.0%})" if share is not None else ""))
    _emit(report.responses, output, f"responses of {b} to {a}")


def plot_dyad_cmd(
    a: Annotated[str, typer.Argument(help="First actor code.")],
    b: Annotated[str, typer.Argument(help="Second actor code.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Image file: .png or .svg.")],
    db: DbOption = DEFAULT_DB, directed: DirectedOption = False, freq: FreqOption = "month",
    start: FromOption = None, end: ToOption = None, historical: HistoricalOption = False,
    annotate: Annotated[int, typer.Option(min=0, help="Label this many of the largest events.")] = 3,
) -> None:  # fmt: skip
    """Chart of a dyad: Goldstein and quad-class counts per period, largest events labelled."""
    from detente.lexicons import country_names
    from detente.plot import plot_dyad

    frame = _frame(db, dyad=(a, b), evidence=True)
    path = plot_dyad(frame, a, b, output, freq=_freq(freq), directed=directed,  # type: ignore[arg-type]
                     annotate=annotate, start=_day(start), end=_day(end), names=country_names(),
                     include_historical=historical)  # fmt: skip
    err_console().print(f"wrote {path}")


def register(app: typer.Typer) -> None:
    """Add the relation commands to the main app."""
    app.command("cluster")(cluster)
    app.command("dyad")(dyad)
    app.command("top-dyads")(top_dyads)
    app.command("reciprocity")(reciprocity)
    app.command("escalation")(escalation)
    app.command("coercion")(coercion)
    plot_app.command("dyad")(plot_dyad_cmd)
    app.add_typer(plot_app, name="plot")
