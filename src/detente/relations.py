"""Relations between two actors: time series, top dyads, reciprocity, trend and coercion outcomes.

Every function takes a pandas DataFrame of events, one row per real event cluster, with the columns
of :data:`EVENT_COLUMNS`. Rows marked ``historical`` are left out unless ``include_historical`` is
true; rows whose ``date`` is NaT are left out of everything that is ordered in time. Periods are
calendar periods named by their first day: ``day``, ``week`` (Monday to Sunday), ``month`` and
``year``. ``start`` and ``end`` are inclusive dates; the first and last period may then be partial.

The library never prints; it returns DataFrames and frozen dataclasses.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from types import MappingProxyType
from typing import Literal, TypeAlias

import numpy as np
import numpy.typing as npt
import pandas as pd

from detente.errors import DetenteError

EVENT_COLUMNS: tuple[str, ...] = (
    "event_id", "date", "source", "target", "cameo", "cameo_root", "quad_class", "goldstein",
    "num_mentions", "num_sources", "num_articles", "historical", "evidence",
)  # fmt: skip
QUAD_COLUMNS: tuple[str, ...] = ("verbal_coop", "material_coop", "verbal_conflict", "material_conflict")
SERIES_COLUMNS: tuple[str, ...] = (
    *QUAD_COLUMNS, "events", "goldstein_sum", "goldstein_mean", "net_cooperation",
)  # fmt: skip
TOP_DYAD_COLUMNS: tuple[str, ...] = (
    "source", "target", "events", "conflict", "cooperation", "goldstein_sum", "goldstein_mean",
)  # fmt: skip
RESPONSE_COLUMNS: tuple[str, ...] = (
    "coercive_event_id", "coercive_date", "coercive_cameo", "outcome",
    "response_event_id", "response_date", "response_cameo", "lag_days",
)  # fmt: skip

Floats = npt.NDArray[np.float64]
Freq = Literal["day", "week", "month", "year"]
DateLike: TypeAlias = "date | str | pd.Timestamp | None"
PERIOD_CODES = MappingProxyType({"day": "D", "week": "W-SUN", "month": "M", "year": "Y"})
COOPERATION = (1, 2)
CONFLICT = (3, 4)
Z_975 = 1.959963984540054  # standard normal 97.5% quantile
# Student t 97.5% quantiles for 1..30 degrees of freedom.
T_975 = (
    12.706204736, 4.302652730, 3.182446305, 2.776445105, 2.570581836, 2.446911851, 2.364624252,
    2.306004135, 2.262157163, 2.228138852, 2.200985160, 2.178812830, 2.160368656, 2.144786688,
    2.131449546, 2.119905299, 2.109815578, 2.100922040, 2.093024054, 2.085963447, 2.079613845,
    2.073873068, 2.068657610, 2.063898562, 2.059538553, 2.055529439, 2.051830516, 2.048407142,
    2.045229642, 2.042272456,
)  # fmt: skip


class Outcome(StrEnum):
    """What the target of a coercive act did next (see :func:`coercion_responses`)."""

    COMPLIANCE = "compliance"
    COUNTER_COERCION = "counter-coercion"
    NO_RESPONSE = "no response"


@dataclass(frozen=True)
class Reciprocity:
    """Correlation of the a→b and b→a Goldstein-sum series (``None`` where undefined)."""

    a: str
    b: str
    freq: str
    n: int  # periods compared
    correlation: float | None
    ci_low: float | None  # 95% interval by Fisher's z
    ci_high: float | None
    lag1_n: int  # period pairs (a→b at t, b→a at t+1)
    lag1_correlation: float | None  # b→a responding one period later


@dataclass(frozen=True)
class Trend:
    """OLS trend of a dyad's Goldstein series over the period index (``None`` when n < 3)."""

    measure: str  # "mean" or "sum" of Goldstein per period
    freq: str
    n: int  # periods used
    slope: float | None  # Goldstein points per period
    intercept: float | None  # fitted value at the first period
    stderr: float | None
    ci_low: float | None  # 95% interval from Student's t with n - 2 degrees of freedom
    ci_high: float | None
    direction: str  # "escalating", "de-escalating" or "no clear trend"


@dataclass(frozen=True)
class CoercionReport:
    """Outcomes of a's coercive acts toward b; ``responses`` has one row per dated act."""

    a: str
    b: str
    days: int
    compliance: int
    counter_coercion: int
    no_response: int
    undated: int  # coercive acts without a date, not evaluated
    responses: pd.DataFrame = field(compare=False, repr=False)

    @property
    def total(self) -> int:
        """Dated coercive acts evaluated."""
        return self.compliance + self.counter_coercion + self.no_response

    @property
    def shares(self) -> dict[str, float]:
        """Share of each outcome among the dated acts (NaN when there are none)."""
        counts = {Outcome.COMPLIANCE.value: self.compliance,
                  Outcome.COUNTER_COERCION.value: self.counter_coercion,
                  Outcome.NO_RESPONSE.value: self.no_response}  # fmt: skip
        return {k: (v / self.total if self.total else math.nan) for k, v in counts.items()}


# ---------------------------------------------------------------------------------------------
# Input handling


def validate_events(events: pd.DataFrame) -> None:
    """Raise :class:`DetenteError` unless ``events`` is a DataFrame with every event column."""
    if not isinstance(events, pd.DataFrame):
        raise DetenteError(f"events must be a pandas DataFrame, not {type(events).__name__}")
    missing = [c for c in EVENT_COLUMNS if c not in events.columns]
    if missing:
        raise DetenteError(f"events frame is missing columns: {', '.join(missing)}")


def _prepare(events: pd.DataFrame, include_historical: bool) -> pd.DataFrame:
    """Validated events with a datetime ``date``, historical rows dropped unless wanted."""
    validate_events(events)
    df = events if include_historical else events[~events["historical"].eq(True)]
    if not pd.api.types.is_datetime64_any_dtype(df["date"]):
        try:
            df = df.assign(date=pd.to_datetime(df["date"], format="mixed"))
        except (ValueError, TypeError) as exc:
            raise DetenteError(f"events column 'date' is not a date: {exc}") from exc
    return df


def _timestamp(value: DateLike, name: str) -> pd.Timestamp | None:
    if value is None:
        return None
    try:
        return pd.Timestamp(value).normalize()
    except (ValueError, TypeError) as exc:
        raise DetenteError(f"{name} is not a date: {value!r}") from exc


def _window(df: pd.DataFrame, start: DateLike, end: DateLike) -> pd.DataFrame:
    """Rows dated within [start, end]; NaT rows are dropped."""
    lo, hi = _timestamp(start, "start"), _timestamp(end, "end")
    if lo is not None and hi is not None and hi < lo:
        raise DetenteError(f"end {hi.date()} is before start {lo.date()}")
    keep = df["date"].notna()
    if lo is not None:
        keep &= df["date"] >= lo
    if hi is not None:
        keep &= df["date"] < hi + pd.Timedelta(days=1)
    return df[keep]


def _period_code(freq: str) -> str:
    code = PERIOD_CODES.get(freq)
    if code is None:
        raise DetenteError(f"unknown freq {freq!r}; use one of {', '.join(PERIOD_CODES)}")
    return code


def _directed(df: pd.DataFrame, a: str, b: str) -> pd.DataFrame:
    return df[(df["source"] == a) & (df["target"] == b)]


def _dyad(df: pd.DataFrame, a: str, b: str, directed: bool) -> pd.DataFrame:
    forward = (df["source"] == a) & (df["target"] == b)
    if directed:
        return df[forward]
    return df[forward | ((df["source"] == b) & (df["target"] == a))]


# ---------------------------------------------------------------------------------------------
# Time series


def _period_grid(dates: pd.Series, code: str, start: DateLike, end: DateLike) -> pd.PeriodIndex:
    """Every period from start (or the first date) to end (or the last date)."""
    lo, hi = _timestamp(start, "start"), _timestamp(end, "end")
    dated = dates.dropna()
    first = lo if lo is not None else (dated.min() if len(dated) else None)
    last = hi if hi is not None else (dated.max() if len(dated) else None)
    if first is None or last is None or last < first:
        return pd.PeriodIndex([], freq=code, name="period")
    return pd.period_range(pd.Period(first, freq=code), pd.Period(last, freq=code), name="period")


def _aggregate(df: pd.DataFrame, grid: pd.PeriodIndex, code: str) -> pd.DataFrame:
    """Per-period counts and Goldstein statistics of ``df`` (dated rows) over ``grid``."""
    quad = df["quad_class"].astype(int)
    goldstein = df["goldstein"].astype(float)
    parts = {col: (quad == q).astype(int) for q, col in enumerate(QUAD_COLUMNS, start=1)}
    frame = pd.DataFrame({"period": df["date"].dt.to_period(code), **parts,
                          "events": 1, "goldstein_sum": goldstein.fillna(0.0),
                          "scored": goldstein.notna().astype(int)})  # fmt: skip
    out = frame.groupby("period").sum().reindex(grid, fill_value=0)
    out = out.astype({c: "int64" for c in (*QUAD_COLUMNS, "events", "scored")})
    out["goldstein_sum"] = out["goldstein_sum"].astype(float)
    out["goldstein_mean"] = out["goldstein_sum"] / out["scored"].where(out["scored"] > 0)
    out["net_cooperation"] = (out["verbal_coop"] + out["material_coop"]
                              - out["verbal_conflict"] - out["material_conflict"])  # fmt: skip
    out.index = grid.to_timestamp(how="start").rename("period")
    return out[list(SERIES_COLUMNS)]


def dyad_series(events: pd.DataFrame, a: str, b: str, *, directed: bool = False, freq: Freq = "month",
                start: DateLike = None, end: DateLike = None,
                include_historical: bool = False) -> pd.DataFrame:  # fmt: skip
    """Per-period activity of the dyad a–b (only a→b when ``directed``).

    The index ``period`` holds each period's first day; every period between ``start`` and ``end``
    (default: the dyad's first and last dated event) is present, empty ones as zeros with a NaN
    ``goldstein_mean``. Columns: :data:`SERIES_COLUMNS`; ``net_cooperation`` is the number of
    cooperative (quad 1, 2) minus conflictual (quad 3, 4) events.
    """
    code = _period_code(freq)
    df = dyad_events(events, a, b, directed=directed, start=start, end=end,
                     include_historical=include_historical)  # fmt: skip
    return _aggregate(df, _period_grid(df["date"], code, start, end), code)


def dyad_events(events: pd.DataFrame, a: str, b: str, *, directed: bool = False, start: DateLike = None,
                end: DateLike = None, include_historical: bool = False) -> pd.DataFrame:  # fmt: skip
    """The dyad's dated events within [start, end] (only a→b when ``directed``), in date order."""
    df = _window(_dyad(_prepare(events, include_historical), a, b, directed), start, end)
    return df.sort_values(["date", "event_id"], kind="stable")


# ---------------------------------------------------------------------------------------------
# Top dyads


def top_dyads(events: pd.DataFrame, *, start: DateLike = None, end: DateLike = None, n: int = 10,
              by: Literal["active", "hostile"] = "active", directed: bool = False,
              include_historical: bool = False) -> pd.DataFrame:  # fmt: skip
    """The ``n`` most active or most hostile pairs of actors, as columns :data:`TOP_DYAD_COLUMNS`.

    ``active`` ranks by event count (ties: lower Goldstein sum first). ``hostile`` ranks by the most
    negative Goldstein sum, so severity counts (a -10 attack outweighs five -2 accusations), and
    lists only pairs whose sum is negative (ties: more conflict events first). Undirected pairs
    are named in alphabetical order. Events without a target, or aimed at their own source, are
    left out; undated events count unless ``start`` or ``end`` is given.
    """
    if by not in ("active", "hostile"):
        raise DetenteError(f"unknown ranking {by!r}; use 'active' or 'hostile'")
    if n < 0:
        raise DetenteError(f"n must not be negative, got {n}")
    df = _prepare(events, include_historical)
    if start is not None or end is not None:
        df = _window(df, start, end)
    df = df[df["target"].notna() & (df["target"] != "") & (df["source"] != df["target"])]
    source, target = df["source"].astype(str), df["target"].astype(str)
    if not directed:
        source, target = source.where(source <= target, target), target.where(source <= target, source)
    quad = df["quad_class"].astype(int)
    frame = pd.DataFrame({"source": source, "target": target, "events": 1,
                          "conflict": quad.isin(CONFLICT).astype(int),
                          "cooperation": quad.isin(COOPERATION).astype(int),
                          "goldstein_sum": df["goldstein"].astype(float)})  # fmt: skip
    out = frame.groupby(["source", "target"], as_index=False).sum()
    out["goldstein_mean"] = out["goldstein_sum"] / out["events"]
    if by == "active":
        keys, ascending = ["events", "goldstein_sum"], [False, True]
    else:
        out = out[out["goldstein_sum"] < 0]
        keys, ascending = ["goldstein_sum", "conflict"], [True, False]
    out = out.sort_values([*keys, "source", "target"], ascending=[*ascending, True, True], kind="stable")
    return out[list(TOP_DYAD_COLUMNS)].head(n).reset_index(drop=True)


# ---------------------------------------------------------------------------------------------
# Statistics


def t_quantile_975(df: int) -> float:
    """The 97.5% quantile of Student's t with ``df`` degrees of freedom.

    Exact table values up to 30; beyond, the Cornish-Fisher expansion around the normal quantile
    (error below 1e-6 there).
    """
    if df < 1:
        raise DetenteError(f"degrees of freedom must be positive, got {df}")
    if df <= len(T_975):
        return T_975[df - 1]
    z, v = Z_975, float(df)
    return (z + (z**3 + z) / (4 * v) + (5 * z**5 + 16 * z**3 + 3 * z) / (96 * v**2)
            + (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / (384 * v**3)
            + (79 * z**9 + 776 * z**7 + 1482 * z**5 - 1920 * z**3 - 945 * z) / (92160 * v**4))  # fmt: skip


def _pearson(x: npt.ArrayLike, y: npt.ArrayLike) -> float | None:
    """Pearson's r, or ``None`` for fewer than 4 pairs or a constant series."""
    xs, ys = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if len(xs) < 4:
        return None
    dx, dy = xs - xs.mean(), ys - ys.mean()
    sxx, syy = float(dx @ dx), float(dy @ dy)
    scale = max(float(np.abs(xs).max()), float(np.abs(ys).max()), 1.0)
    if sxx <= 1e-12 * scale**2 * len(xs) or syy <= 1e-12 * scale**2 * len(ys):
        return None
    return max(-1.0, min(1.0, float(dx @ dy) / math.sqrt(sxx * syy)))


def _fisher_ci(r: float | None, n: int) -> tuple[float | None, float | None]:
    if r is None or n < 4:
        return None, None
    if abs(r) >= 1.0:
        return r, r
    z, half = math.atanh(r), Z_975 / math.sqrt(n - 3)
    return math.tanh(z - half), math.tanh(z + half)


def reciprocity(events: pd.DataFrame, a: str, b: str, *, freq: Freq = "month", start: DateLike = None,
                end: DateLike = None, include_historical: bool = False) -> Reciprocity:  # fmt: skip
    """How b's treatment of a tracks a's treatment of b, period by period.

    Both directions' Goldstein sums are put on the same zero-filled grid of periods (the common
    span from the dyad's first to last dated event, or ``start`` to ``end``); a period without
    events in one direction counts as 0 there. ``lag1_correlation`` pairs a→b at t with b→a at t+1.
    """
    code = _period_code(freq)
    df = _window(_dyad(_prepare(events, include_historical), a, b, False), start, end)
    grid = _period_grid(df["date"], code, start, end)
    x = _aggregate(_directed(df, a, b), grid, code)["goldstein_sum"].to_numpy()
    y = _aggregate(_directed(df, b, a), grid, code)["goldstein_sum"].to_numpy()
    r = _pearson(x, y)
    lo, hi = _fisher_ci(r, len(x))
    lag_x, lag_y = x[:-1], y[1:]
    return Reciprocity(a=a, b=b, freq=freq, n=len(x), correlation=r, ci_low=lo, ci_high=hi,
                       lag1_n=len(lag_x), lag1_correlation=_pearson(lag_x, lag_y))  # fmt: skip


def _ols(y: Floats, x: Floats) -> tuple[float, float, float]:
    """Slope, intercept and the slope's standard error of y on x (needs n >= 3)."""
    dx = x - x.mean()
    sxx = float(dx @ dx)
    slope = float(dx @ (y - y.mean())) / sxx
    intercept = float(y.mean()) - slope * float(x.mean())
    resid = y - (intercept + slope * x)
    sigma2 = float(resid @ resid) / (len(y) - 2)
    return slope, intercept, math.sqrt(sigma2 / sxx)


def escalation(events: pd.DataFrame, a: str, b: str, *, directed: bool = False, freq: Freq = "month",
               start: DateLike = None, end: DateLike = None, include_historical: bool = False,
               measure: Literal["mean", "sum"] = "mean") -> Trend:  # fmt: skip
    """Linear trend of the dyad's Goldstein score per period, by ordinary least squares.

    ``measure="mean"`` (default) fits the mean Goldstein score per period, the tone of relations
    regardless of how much is reported; periods without events are skipped but keep their place on
    the time axis. ``measure="sum"`` fits the zero-filled sums, which also grow with volume. The
    direction is "escalating" when the 95% interval of the slope is entirely below zero,
    "de-escalating" when entirely above, else "no clear trend".
    """
    if measure not in ("mean", "sum"):
        raise DetenteError(f"unknown measure {measure!r}; use 'mean' or 'sum'")
    series = dyad_series(events, a, b, directed=directed, freq=freq, start=start, end=end,
                         include_historical=include_historical)[f"goldstein_{measure}"]  # fmt: skip
    y = series.to_numpy(dtype=float)
    x = np.arange(len(y), dtype=float)
    keep = ~np.isnan(y)
    x, y = x[keep], y[keep]
    n = len(y)
    if n < 3:
        return Trend(measure, freq, n, None, None, None, None, None, "no clear trend")
    slope, intercept, se = _ols(y, x)
    half = t_quantile_975(n - 2) * se
    lo, hi = slope - half, slope + half
    direction = "escalating" if hi < 0 else "de-escalating" if lo > 0 else "no clear trend"
    return Trend(measure, freq, n, slope, intercept, se, lo, hi, direction)


# ---------------------------------------------------------------------------------------------
# Coercion


def _first_response(acts_day: pd.Timestamp, replies: pd.DataFrame, days: int) -> pd.Series | None:
    """b's deciding reply within (day, day + days], or ``None``.

    On the first day with replies, the majority class wins (cooperation vs conflict); a tie counts
    as conflict. The reply shown is that class's most mentioned event (then lowest event id).
    """
    lag = (replies["day"] - acts_day).dt.days
    window = replies[(lag > 0) & (lag <= days)]
    if window.empty:
        return None
    first = window[window["day"] == window["day"].min()]
    conflict = first["quad_class"].astype(int).isin(CONFLICT)
    chosen = first[conflict] if int(conflict.sum()) * 2 >= len(first) else first[~conflict]
    ranked = chosen.sort_values(["num_mentions", "event_id"], ascending=[False, True], kind="stable")
    return ranked.iloc[0]


def _response_row(act: pd.Series, reply: pd.Series | None) -> dict[str, object]:
    row: dict[str, object] = {"coercive_event_id": act["event_id"], "coercive_date": act["date"],
                              "coercive_cameo": act["cameo"]}  # fmt: skip
    if reply is None:
        return {**row, "outcome": Outcome.NO_RESPONSE.value, "response_event_id": None,
                "response_date": pd.NaT, "response_cameo": None, "lag_days": pd.NA}  # fmt: skip
    conflict = int(reply["quad_class"]) in CONFLICT
    outcome = Outcome.COUNTER_COERCION if conflict else Outcome.COMPLIANCE
    return {**row, "outcome": outcome.value, "response_event_id": reply["event_id"],
            "response_date": reply["date"], "response_cameo": reply["cameo"],
            "lag_days": int((reply["day"] - act["day"]).days)}  # fmt: skip


def coercion_responses(events: pd.DataFrame, a: str, b: str, *, days: int = 30,
                       include_historical: bool = False) -> CoercionReport:  # fmt: skip
    """How b answered each coercive act (quad class 3 or 4) of a toward b.

    The answer is b's first event toward a within ``days`` days after the act (same-day events do
    not count): cooperation (quad 1, 2) is "compliance", conflict (quad 3, 4) "counter-coercion",
    nothing "no response". See :func:`_first_response` for several replies on the first day. Each
    act is judged on its own, so one reply may answer several acts. Undated acts are only counted.
    """
    if days < 1:
        raise DetenteError(f"days must be at least 1, got {days}")
    df = _prepare(events, include_historical)
    acts = _directed(df, a, b)
    acts = acts[acts["quad_class"].astype(int).isin(CONFLICT)]
    undated = int(acts["date"].isna().sum())
    acts = acts[acts["date"].notna()].assign(day=lambda f: f["date"].dt.normalize())
    acts = acts.sort_values(["date", "event_id"], kind="stable")
    replies = _directed(df, b, a)
    replies = replies[replies["date"].notna()].assign(day=lambda f: f["date"].dt.normalize())
    rows = [_response_row(act, _first_response(act["day"], replies, days)) for _, act in acts.iterrows()]
    table = pd.DataFrame(rows, columns=list(RESPONSE_COLUMNS))
    table = table.astype({"coercive_date": "datetime64[ns]", "response_date": "datetime64[ns]",
                          "lag_days": "Int64"})  # fmt: skip
    counts = table["outcome"].value_counts()
    return CoercionReport(a=a, b=b, days=days, compliance=int(counts.get(Outcome.COMPLIANCE.value, 0)),
                          counter_coercion=int(counts.get(Outcome.COUNTER_COERCION.value, 0)),
                          no_response=int(counts.get(Outcome.NO_RESPONSE.value, 0)),
                          undated=undated, responses=table)  # fmt: skip
