"""Charts of the relations between two actors (matplotlib, drawn off-screen).

:func:`plot_dyad` draws two panels over the same time axis: the Goldstein sum per period (bars,
green above zero, red below) with the mean score per period on a second axis (line, -10..+10), and
stacked bars of the events per quad class. The largest events, by ``|goldstein| x num_mentions``,
are numbered on the chart and listed in a key under it. Figures are built from
:class:`matplotlib.figure.Figure` with an Agg canvas, so pyplot's global state is never touched.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

import matplotlib.dates as mdates
import numpy as np
import numpy.typing as npt
import pandas as pd
from matplotlib import rc_context
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from detente.errors import DetenteError
from detente.relations import (
    PERIOD_CODES,
    QUAD_COLUMNS,
    DateLike,
    Freq,
    dyad_events,
    dyad_series,
)  # fmt: skip

PLOT_FORMATS = (".png", ".svg")
DPI = 150
WIDTH_IN = 11.0
PANEL_HEIGHTS_IN = (3.4, 2.4)  # Goldstein panel, quad-class panel
KEY_LINE_IN = 0.2
CHROME_IN = 1.3  # title, legends and the date axis
QUAD_LABELS = ("verbal cooperation", "material cooperation", "verbal conflict", "material conflict")
QUAD_COLOURS = ("#a6d96a", "#1a9641", "#fdae61", "#d7191c")
POSITIVE, NEGATIVE, MEAN_COLOUR, NOTE_COLOUR = "#1a9641", "#d7191c", "#252525", "#2166ac"
SUM_ALPHA = 0.5
EVIDENCE_CHARS = 110
DATE_FORMATS = MappingProxyType({"day": "%d %b %Y", "week": "%d %b %Y", "month": "%b %Y", "year": "%Y"})
FREQ_WORDS = MappingProxyType({"day": "daily", "week": "weekly", "month": "monthly", "year": "yearly"})


@dataclass(frozen=True)
class _Grid:
    """Where each period's bar goes: centres (datetime64) and widths (timedelta64)."""

    centres: npt.NDArray[np.datetime64]
    widths: npt.NDArray[np.timedelta64]
    first: pd.Timestamp
    last: pd.Timestamp  # last day of the last period


def plot_dyad(events: pd.DataFrame, a: str, b: str, path: Path | str, *, freq: Freq = "month",
              directed: bool = False, annotate: int = 3, start: DateLike = None, end: DateLike = None,
              title: str | None = None, names: Mapping[str, str] | None = None,
              include_historical: bool = False) -> Path:  # fmt: skip
    """Draw the dyad a–b (only a→b when ``directed``) to ``path`` (.png or .svg); return the path.

    ``names`` maps actor codes to the names shown in the title (default: the codes). ``annotate``
    is how many of the largest events to number and list. Raises :class:`DetenteError` for an
    unknown suffix or a dyad without dated events in the window.
    """
    path = Path(path)
    fmt = _format(path)
    rows = dyad_events(events, a, b, directed=directed, start=start, end=end,
                       include_historical=include_historical)  # fmt: skip
    if rows.empty:
        arrow = "→" if directed else "–"
        raise DetenteError(f"no dated events between {a} {arrow} {b} in the chosen window: nothing to plot")
    series = dyad_series(events, a, b, freq=freq, directed=directed, start=start, end=end,
                         include_historical=include_historical)  # fmt: skip
    notable = _notable(rows, annotate)
    fig = _figure(len(notable))
    grid = _grid(series.index, freq)
    top, bottom, key = _axes(fig, len(notable))
    mean_axis = _draw_goldstein(top, series, grid)
    _draw_quads(bottom, series, grid, freq)
    if key is not None:
        _draw_notable(mean_axis, key, notable, grid, freq)
    _top_legend(top, bool(len(notable)))
    span = _span(grid, start, end, freq)
    fig.suptitle(title if title is not None else _title(a, b, directed, names, span, freq, len(rows)))
    _save(fig, path, fmt)
    return path


def _format(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in PLOT_FORMATS:
        raise DetenteError(f"{path}: unsupported plot format {suffix or '(none)'!r}; "
                           f"use one of {', '.join(PLOT_FORMATS)}")  # fmt: skip
    return suffix[1:]


def _notable(rows: pd.DataFrame, k: int) -> pd.DataFrame:
    """The ``k`` events with the largest |goldstein| x num_mentions, in date order."""
    if k <= 0:
        return rows.iloc[0:0]
    weight = rows["goldstein"].astype(float).abs() * rows["num_mentions"].astype(float).clip(lower=1)
    ranked = rows.assign(_weight=weight.fillna(0.0))
    ranked = ranked.sort_values(["_weight", "date", "event_id"], ascending=[False, True, True], kind="stable")
    return ranked.head(k).sort_values(["date", "event_id"], kind="stable").drop(columns="_weight")


def _figure(n_notes: int) -> Figure:
    height = sum(PANEL_HEIGHTS_IN) + CHROME_IN + (KEY_LINE_IN * (n_notes + 1) if n_notes else 0.0)
    fig = Figure(figsize=(WIDTH_IN, height), dpi=DPI, layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def _axes(fig: Figure, n_notes: int) -> tuple[Axes, Axes, Axes | None]:
    heights = [*PANEL_HEIGHTS_IN, KEY_LINE_IN * (n_notes + 0.5)] if n_notes else list(PANEL_HEIGHTS_IN)
    spec = fig.add_gridspec(len(heights), 1, height_ratios=heights)
    top = fig.add_subplot(spec[0])
    bottom = fig.add_subplot(spec[1], sharex=top)
    top.tick_params(labelbottom=False)
    if not n_notes:
        return top, bottom, None
    key = fig.add_subplot(spec[2])
    key.set_axis_off()
    return top, bottom, key


def _grid(index: pd.Index, freq: str) -> _Grid:
    periods = pd.PeriodIndex(index, freq=PERIOD_CODES[freq])
    starts = periods.start_time.to_numpy(dtype="datetime64[ns]")
    lengths = (periods.end_time.normalize() + pd.Timedelta(days=1)).to_numpy(dtype="datetime64[ns]") - starts
    return _Grid(centres=starts + lengths // 2, widths=lengths * 8 // 10,
                 first=periods.start_time.min(), last=periods.end_time.max().normalize())  # fmt: skip


def _draw_goldstein(ax: Axes, series: pd.DataFrame, grid: _Grid) -> Axes:
    """Goldstein sum bars on ``ax`` and the mean on a twin axis, which is returned."""
    sums = series["goldstein_sum"].to_numpy(dtype=float)
    colours = [POSITIVE if v >= 0 else NEGATIVE for v in sums]
    ax.bar(grid.centres, sums, width=grid.widths, color=colours, alpha=SUM_ALPHA)
    ax.axhline(0.0, color="#888888", linewidth=0.8)
    limit = max(float(np.nanmax(np.abs(sums))) if len(sums) else 0.0, 1.0) * 1.15
    ax.set_ylim(-limit, limit)  # symmetric, so both axes put zero at the same height
    ax.set_ylabel("Goldstein sum per period")
    ax.grid(axis="y", color="#e5e5e5", linewidth=0.6)
    ax.set_axisbelow(True)
    mean_axis = ax.twinx()
    means = series["goldstein_mean"].to_numpy(dtype=float)
    mean_axis.plot(grid.centres, means, color=MEAN_COLOUR, marker="o", markersize=3.5, linewidth=1.2)
    mean_axis.set_ylim(-11.5, 11.5)
    mean_axis.set_yticks([-10, -5, 0, 5, 10])
    mean_axis.set_ylabel("Mean Goldstein score (−10 … +10)")
    return mean_axis


def _top_legend(ax: Axes, notes: bool) -> None:
    handles: list[Artist] = [
        Patch(facecolor=POSITIVE, alpha=SUM_ALPHA, label="Goldstein sum ≥ 0"),
        Patch(facecolor=NEGATIVE, alpha=SUM_ALPHA, label="Goldstein sum < 0"),
        Line2D([], [], color=MEAN_COLOUR, marker="o", markersize=3.5, label="mean score (right axis)"),
    ]  # fmt: skip
    if notes:
        handles.append(Line2D([], [], color=NOTE_COLOUR, marker="D", markersize=5, linestyle="none",
                              label="largest events, numbered as below (score on right axis)"))  # fmt: skip
    ax.legend(handles=handles, loc="lower left", bbox_to_anchor=(0.0, 1.0), ncols=len(handles),
              frameon=False, fontsize=8, borderaxespad=0.2)  # fmt: skip


def _draw_quads(ax: Axes, series: pd.DataFrame, grid: _Grid, freq: str) -> None:
    base = np.zeros(len(series))
    for column, label, colour in zip(QUAD_COLUMNS, QUAD_LABELS, QUAD_COLOURS, strict=True):
        counts = series[column].to_numpy(dtype=float)
        ax.bar(grid.centres, counts, width=grid.widths, bottom=base, color=colour, label=label)
        base = base + counts
    ax.set_ylim(0, max(float(base.max()), 1.0) * 1.1)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylabel("Events per period")
    ax.set_xlabel(f"{freq.capitalize()} (bars centred on each period)")
    ax.grid(axis="y", color="#e5e5e5", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.legend(loc="lower left", bbox_to_anchor=(0.0, 1.0), ncols=4, frameon=False, fontsize=8,
              borderaxespad=0.2)  # fmt: skip
    _date_axis(ax, grid, freq)


def _date_axis(ax: Axes, grid: _Grid, freq: str) -> None:
    """Concise date ticks (years at their bars for yearly data), the periods with a 1% margin."""
    if freq == "year":
        ax.set_xticks(grid.centres, labels=[str(pd.Timestamp(c).year) for c in grid.centres])
    else:
        locator = mdates.AutoDateLocator(minticks=4, maxticks=12)  # type: ignore[no-untyped-call]
        ax.xaxis.set_major_locator(locator)
        formatter = mdates.ConciseDateFormatter(locator, show_offset=False)  # type: ignore[no-untyped-call]
        ax.xaxis.set_major_formatter(formatter)  # the title gives the years
    first, after = grid.first, grid.last + pd.Timedelta(days=1)
    pad = (after - first) * 0.01
    left, right = mdates.date2num([first - pad, after + pad])  # type: ignore[no-untyped-call]
    ax.set_xlim(float(left), float(right))


def _centre(period: pd.Period) -> np.datetime64:
    start = period.start_time
    centre = start + (period.end_time.normalize() + pd.Timedelta(days=1) - start) / 2
    return np.datetime64(centre.to_datetime64(), "ns")


def _draw_notable(ax: Axes, key: Axes, notable: pd.DataFrame, grid: _Grid, freq: str) -> None:
    """Number each notable event at (its period, its score) on the mean axis; list it in ``key``.

    Events that fall on the same point share one marker, labelled "1, 2".
    """
    n = len(notable)
    span = np.timedelta64(grid.last - grid.first, "ns")
    points: dict[tuple[np.datetime64, float], list[str]] = {}
    for i, (_, row) in enumerate(notable.iterrows(), start=1):
        x = _centre(pd.Period(row["date"], freq=PERIOD_CODES[freq]))
        points.setdefault((x, float(row["goldstein"])), []).append(str(i))
        key.text(0.0, 1.0 - (i - 0.5) / (n + 0.5), _note(i, row), transform=key.transAxes,
                 fontsize=8, va="center", ha="left", parse_math=False)  # fmt: skip
    levels = _label_levels(list(points), span)
    for ((x, y), numbers), level in zip(points.items(), levels, strict=True):
        ax.plot([x], [y], marker="D", markersize=6, color=NOTE_COLOUR, zorder=5)
        lift = 8 + 10 * level  # points; labels of close neighbours are staggered
        ax.annotate(", ".join(numbers), (x, y), xytext=(0, lift if y <= 0 else -lift),
                    textcoords="offset points", ha="center", va="bottom" if y <= 0 else "top",
                    fontsize=8, fontweight="bold", color=NOTE_COLOUR, annotation_clip=False, zorder=6,
                    bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none",
                          "alpha": 0.85})  # fmt: skip


def _label_levels(points: list[tuple[np.datetime64, float]], span: np.timedelta64) -> list[int]:
    """Stagger level (0, 1, 2) of each point's label: raised when a neighbour on its side is close."""
    levels = [0] * len(points)
    last: dict[bool, tuple[np.datetime64, int]] = {}  # side of zero -> (x, level) of the last label
    for i in sorted(range(len(points)), key=lambda j: points[j][0]):
        x, y = points[i]
        previous = last.get(y <= 0)
        if previous is not None and (x - previous[0]) < span * 0.035:
            levels[i] = (previous[1] + 1) % 3
        last[y <= 0] = (x, levels[i])
    return levels


def _note(i: int, row: pd.Series) -> str:
    evidence = " ".join(str(row["evidence"] or "").split())
    if len(evidence) > EVIDENCE_CHARS:
        evidence = evidence[: EVIDENCE_CHARS - 1].rstrip() + "…"
    day = row["date"].strftime("%Y-%m-%d")
    score = f"{float(row['goldstein']):+.1f}".replace("-", "−")
    who = f"{row['source']}→{row['target']}"
    n = int(row["num_mentions"])
    mentions = f"{n} mention" + ("" if n == 1 else "s")
    return f"{i}.  {day}  {who}  CAMEO {row['cameo']}  ({score}, {mentions})  “{evidence}”"


def _span(grid: _Grid, start: DateLike, end: DateLike, freq: str) -> tuple[str, str]:
    """First and last day shown, as the title words them: the window asked for, else the periods."""
    first = grid.first if start is None else max(grid.first, pd.Timestamp(start).normalize())
    last = grid.last if end is None else min(grid.last, pd.Timestamp(end).normalize())
    fmt = DATE_FORMATS[freq]
    return first.strftime(fmt), last.strftime(fmt)


def _title(a: str, b: str, directed: bool, names: Mapping[str, str] | None, span: tuple[str, str],
           freq: str, n_events: int) -> str:  # fmt: skip
    label = names or {}
    arrow = " → " if directed else " – "
    first, last = span
    when = first if first == last else f"{first} – {last}"
    plural = "event" if n_events == 1 else "events"
    return f"{label.get(a, a)}{arrow}{label.get(b, b)}, {when} ({n_events} {plural}, {FREQ_WORDS[freq]})"


def _save(fig: Figure, path: Path, fmt: str) -> None:
    metadata: dict[str, str | None] = {"Date": None} if fmt == "svg" else {"Software": "détente"}
    try:
        with rc_context({"svg.fonttype": "none", "svg.hashsalt": "detente"}):
            fig.savefig(path, format=fmt, dpi=DPI, metadata=metadata)
    except OSError as exc:
        raise DetenteError(f"{path}: cannot write: {exc}") from exc
