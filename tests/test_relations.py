"""Relations between two actors, on hand-built event frames whose answers are known."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from detente.errors import DetenteError
from detente.relations import (
    EVENT_COLUMNS,
    RESPONSE_COLUMNS,
    SERIES_COLUMNS,
    TOP_DYAD_COLUMNS,
    Outcome,
    coercion_responses,
    dyad_events,
    dyad_series,
    escalation,
    reciprocity,
    t_quantile_975,
    top_dyads,
    validate_events,
)  # fmt: skip

CAMEO_BY_QUAD = {1: ("036", "03"), 2: ("0841", "08"), 3: ("112", "11"), 4: ("190", "19")}


def ev(event_id: str, day: str | None, source: str, target: str | None, quad: int, goldstein: float,
       *, mentions: int = 1, historical: bool = False, cameo: str | None = None) -> dict[str, object]:
    code, root = (cameo, cameo[:2]) if cameo else CAMEO_BY_QUAD[quad]
    return {"event_id": event_id, "date": day, "source": source, "target": target, "cameo": code,
            "cameo_root": root, "quad_class": quad, "goldstein": goldstein, "num_mentions": mentions,
            "num_sources": 1, "num_articles": 1, "historical": historical,
            "evidence": f"{source} did {code} to {target}."}  # fmt: skip


def frame(rows: list[dict[str, object]]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=list(EVENT_COLUMNS))
    return df.assign(date=pd.to_datetime(df["date"], format="ISO8601"))


@pytest.fixture
def small() -> pd.DataFrame:
    return frame([
        ev("e1", "2024-01-03", "AZE", "IRN", 3, -2.0),
        ev("e2", "2024-01-10", "IRN", "AZE", 1, 4.0),
        ev("e3", "2024-03-02", "AZE", "IRN", 4, -10.0),
        ev("e4", "2024-03-20", "AZE", "IRN", 2, 7.0),
        ev("x1", "2024-02-15", "AZE", "TUR", 1, 3.0),  # another dyad
        ev("x2", "2024-02-16", "AZE", None, 3, -2.0),  # no target
        ev("h1", "2024-02-10", "AZE", "IRN", 4, -10.0, historical=True),
        ev("n1", None, "AZE", "IRN", 4, -10.0),  # undated
    ])  # fmt: skip


def ts(day: str) -> pd.Timestamp:
    return pd.Timestamp(day)


# ---------------------------------------------------------------------------------------------
# dyad_series


def test_relations_series_counts_and_sums(small: pd.DataFrame) -> None:
    s = dyad_series(small, "AZE", "IRN")
    assert list(s.columns) == list(SERIES_COLUMNS)
    assert s.index.name == "period"
    assert list(s.index) == [ts("2024-01-01"), ts("2024-02-01"), ts("2024-03-01")]
    jan, feb, mar = (s.loc[ts(d)] for d in ("2024-01-01", "2024-02-01", "2024-03-01"))
    assert (jan["verbal_coop"], jan["material_coop"], jan["verbal_conflict"], jan["material_conflict"]) == (
        1, 0, 1, 0)  # fmt: skip
    assert jan["events"] == 2 and jan["goldstein_sum"] == 2.0 and jan["goldstein_mean"] == 1.0
    assert jan["net_cooperation"] == 0
    assert mar["material_coop"] == 1 and mar["material_conflict"] == 1 and mar["events"] == 2
    assert mar["goldstein_sum"] == -3.0 and mar["goldstein_mean"] == -1.5
    assert feb["events"] == 0 and feb["goldstein_sum"] == 0.0 and math.isnan(feb["goldstein_mean"])
    assert s["events"].dtype == np.int64


def test_relations_series_zero_fills_between_start_and_end(small: pd.DataFrame) -> None:
    s = dyad_series(small, "AZE", "IRN", start="2023-12-15", end="2024-04-30")
    assert list(s.index) == [ts(f"{m}-01") for m in ("2023-12", "2024-01", "2024-02", "2024-03", "2024-04")]
    assert list(s["events"]) == [0, 2, 0, 2, 0]
    assert list(s["net_cooperation"]) == [0, 0, 0, 0, 0]
    narrow = dyad_series(small, "AZE", "IRN", start="2024-01-05", end="2024-03-02")  # inclusive end
    assert list(narrow["events"]) == [1, 0, 1]
    assert list(narrow["goldstein_sum"]) == [4.0, 0.0, -10.0]


def test_relations_series_week_day_and_year_periods(small: pd.DataFrame) -> None:
    weeks = dyad_series(small, "AZE", "IRN", freq="week")
    assert weeks.index[0] == ts("2024-01-01")  # the Monday of 3 January 2024
    assert all(day.day_of_week == 0 for day in weeks.index)
    assert len(weeks) == 12 and weeks["events"].sum() == 4
    days = dyad_series(small, "AZE", "IRN", freq="day")
    assert days.index[0] == ts("2024-01-03") and days.index[-1] == ts("2024-03-20")
    assert len(days) == 31 - 2 + 29 + 20 and days["events"].sum() == 4
    years = dyad_series(small, "AZE", "IRN", freq="year")
    assert list(years.index) == [ts("2024-01-01")] and years["goldstein_sum"].iloc[0] == -1.0


def test_relations_series_directed_versus_undirected(small: pd.DataFrame) -> None:
    both = dyad_series(small, "AZE", "IRN")
    forward = dyad_series(small, "AZE", "IRN", directed=True)
    backward = dyad_series(small, "IRN", "AZE", directed=True)
    assert forward["events"].sum() == 3 and backward["events"].sum() == 1
    assert list(forward["goldstein_sum"]) == [-2.0, 0.0, -3.0]
    assert len(backward) == 1 and backward["goldstein_sum"].iloc[0] == 4.0
    assert dyad_series(small, "IRN", "AZE").equals(both)  # undirected is symmetric


def test_relations_series_excludes_historical_and_undated(small: pd.DataFrame) -> None:
    s = dyad_series(small, "AZE", "IRN")
    assert s.loc[ts("2024-02-01"), "events"] == 0
    with_hist = dyad_series(small, "AZE", "IRN", include_historical=True)
    assert with_hist.loc[ts("2024-02-01"), "events"] == 1
    assert with_hist.loc[ts("2024-02-01"), "material_conflict"] == 1
    assert with_hist["events"].sum() == 5  # the undated row is still left out
    assert set(dyad_events(small, "AZE", "IRN")["event_id"]) == {"e1", "e2", "e3", "e4"}


def test_relations_series_empty_dyad_is_empty(small: pd.DataFrame) -> None:
    assert dyad_series(small, "AZE", "RUS").empty
    filled = dyad_series(small, "AZE", "RUS", start="2024-01-01", end="2024-02-29")
    assert list(filled["events"]) == [0, 0]


def test_relations_validate_rejects_missing_columns_and_bad_options(small: pd.DataFrame) -> None:
    with pytest.raises(DetenteError, match="missing columns: goldstein, historical"):
        validate_events(small.drop(columns=["goldstein", "historical"]))
    with pytest.raises(DetenteError, match="DataFrame"):
        validate_events([1, 2])  # type: ignore[arg-type]
    with pytest.raises(DetenteError, match="unknown freq"):
        dyad_series(small, "AZE", "IRN", freq="fortnight")  # type: ignore[arg-type]
    with pytest.raises(DetenteError, match="before start"):
        dyad_series(small, "AZE", "IRN", start="2024-03-01", end="2024-01-01")


def test_relations_string_dates_are_parsed(small: pd.DataFrame) -> None:
    raw = small.assign(date=small["date"].dt.strftime("%Y-%m-%d"))
    assert dyad_series(raw, "AZE", "IRN").equals(dyad_series(small, "AZE", "IRN"))


# ---------------------------------------------------------------------------------------------
# top_dyads


@pytest.fixture
def many() -> pd.DataFrame:
    rows = [ev(f"ai{i}", "2024-01-05", "ARM", "AZE", 3, -2.0) for i in range(3)]  # 3 events, -6
    rows += [ev(f"ia{i}", "2024-01-06", "AZE", "ARM", 4, -10.0) for i in range(2)]  # 2 events, -20
    rows += [ev(f"tu{i}", "2024-01-07", "TUR", "AZE", 1, 3.0) for i in range(6)]  # 6 events, +18
    rows += [ev(f"ri{i}", "2024-02-07", "RUS", "IRN", 3, -4.0) for i in range(4)]  # 4 events, -16
    rows += [ev("self", "2024-01-07", "IRN", "IRN", 4, -10.0)]  # a self-dyad
    rows += [ev("none", "2024-01-07", "IRN", None, 4, -10.0)]  # no target
    rows += [ev("old", "2024-01-07", "GEO", "RUS", 4, -10.0, historical=True)]
    return frame(rows)


def test_relations_top_dyads_active_undirected(many: pd.DataFrame) -> None:
    top = top_dyads(many)
    assert list(top.columns) == list(TOP_DYAD_COLUMNS)
    assert list(zip(top["source"], top["target"], strict=True)) == [("AZE", "TUR"), ("ARM", "AZE"),
                                                                    ("IRN", "RUS")]  # fmt: skip
    assert list(top["events"]) == [6, 5, 4]  # the self-dyad and the targetless event are left out
    second = top.iloc[1]
    assert (second["conflict"], second["cooperation"]) == (5, 0)
    assert second["goldstein_sum"] == -26.0 and second["goldstein_mean"] == pytest.approx(-5.2)
    assert top.iloc[0]["cooperation"] == 6 and top.iloc[0]["conflict"] == 0


def test_relations_top_dyads_ties_and_n(many: pd.DataFrame) -> None:
    top = top_dyads(many, n=2)
    assert len(top) == 2
    tie = frame([ev("p", "2024-01-01", "AAA", "BBB", 1, 1.0), ev("q", "2024-01-01", "CCC", "DDD", 3, -1.0)])
    assert list(top_dyads(tie)["source"]) == ["CCC", "AAA"]  # equal counts: the more hostile first


def test_relations_top_dyads_hostile_directed(many: pd.DataFrame) -> None:
    top = top_dyads(many, by="hostile", directed=True)
    assert list(zip(top["source"], top["target"], strict=True)) == [("AZE", "ARM"), ("RUS", "IRN"),
                                                                    ("ARM", "AZE")]  # fmt: skip
    assert list(top["goldstein_sum"]) == [-20.0, -16.0, -6.0]  # cooperative TUR->AZE is not listed
    undirected = top_dyads(many, by="hostile")
    assert list(undirected["goldstein_sum"]) == [-26.0, -16.0]


def test_relations_top_dyads_window_and_historical(many: pd.DataFrame) -> None:
    feb = top_dyads(many, start="2024-02-01", end="2024-02-29")
    assert list(feb["source"]) == ["IRN"] and feb["events"].iloc[0] == 4
    with_hist = top_dyads(many, include_historical=True)
    assert ("GEO", "RUS") in set(zip(with_hist["source"], with_hist["target"], strict=True))
    with pytest.raises(DetenteError, match="unknown ranking"):
        top_dyads(many, by="friendly")  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------------
# reciprocity


def monthly(pairs: list[tuple[float, float]], *, lag: int = 0) -> pd.DataFrame:
    """One a->b event per month with the first score, one b->a event ``lag`` months later."""
    rows = []
    for i, (forward, backward) in enumerate(pairs):
        rows.append(ev(f"f{i}", f"2024-{i + 1:02d}-05", "AZE", "IRN", 3 if forward < 0 else 1, forward))
        month = i + 1 + lag
        day = f"{2024 + (month - 1) // 12}-{(month - 1) % 12 + 1:02d}-09"
        rows.append(ev(f"b{i}", day, "IRN", "AZE", 3 if backward < 0 else 1, backward))
    return frame(rows)


SCORES = [-2.0, 4.0, -5.0, 1.0, 3.0, -10.0, 0.5, 7.0]


def test_relations_reciprocity_mirrored_is_one() -> None:
    r = reciprocity(monthly([(s, s) for s in SCORES]), "AZE", "IRN")
    assert r.n == 8 and r.correlation == pytest.approx(1.0)
    assert r.ci_low == pytest.approx(1.0) and r.ci_high == pytest.approx(1.0)


def test_relations_reciprocity_opposed_is_minus_one() -> None:
    r = reciprocity(monthly([(s, -s) for s in SCORES]), "AZE", "IRN")
    assert r.correlation == pytest.approx(-1.0)


def test_relations_reciprocity_fisher_interval() -> None:
    noisy = [(s, s + d) for s, d in zip(SCORES, [3.0, -2.0, 1.0, 4.0, -3.0, 2.0, -4.0, 1.0], strict=True)]
    r = reciprocity(monthly(noisy), "AZE", "IRN")
    x = np.array(SCORES)
    y = x + np.array([3.0, -2.0, 1.0, 4.0, -3.0, 2.0, -4.0, 1.0])
    want = float(np.corrcoef(x, y)[0, 1])
    assert r.correlation == pytest.approx(want)
    half = 1.959963984540054 / math.sqrt(8 - 3)
    assert r.ci_low == pytest.approx(math.tanh(math.atanh(want) - half))
    assert r.ci_high == pytest.approx(math.tanh(math.atanh(want) + half))
    assert r.ci_low is not None and r.ci_high is not None and r.ci_low < want < r.ci_high


def test_relations_reciprocity_lag_one_response() -> None:
    r = reciprocity(monthly([(s, s) for s in SCORES], lag=1), "AZE", "IRN")
    assert r.n == 9 and r.lag1_n == 8
    assert r.lag1_correlation == pytest.approx(1.0)
    assert r.correlation is not None and r.correlation < 0.5


def test_relations_reciprocity_too_short_or_constant_is_none() -> None:
    short = reciprocity(monthly([(s, s) for s in SCORES[:3]]), "AZE", "IRN")
    assert short.n == 3 and short.correlation is None and short.ci_low is None and short.ci_high is None
    assert short.lag1_correlation is None
    flat = reciprocity(monthly([(s, 2.0) for s in SCORES]), "AZE", "IRN")
    assert flat.correlation is None
    empty = reciprocity(monthly([]), "AZE", "IRN")
    assert empty.n == 0 and empty.correlation is None


# ---------------------------------------------------------------------------------------------
# escalation


NOISE = [0.1, -0.1, 0.05, -0.05, 0.0, 0.1, -0.1, 0.05, -0.05, 0.0, 0.1, -0.1]


def linear(slope: float, intercept: float, *, noise: list[float] = NOISE) -> pd.DataFrame:
    """Two events a month, mean ``intercept + slope * month + noise``; sum = twice that."""
    rows = []
    for i, e in enumerate(noise):
        mean = intercept + slope * i + e
        rows.append(ev(f"a{i}", f"2023-{i + 1:02d}-03", "AZE", "IRN", 3, mean - 1.0))
        rows.append(ev(f"b{i}", f"2023-{i + 1:02d}-20", "IRN", "AZE", 3, mean + 1.0))
    return frame(rows)


def test_relations_escalation_slope_of_linear_series() -> None:
    trend = escalation(linear(-0.5, 2.0), "AZE", "IRN")
    x = np.arange(12.0)
    y = 2.0 - 0.5 * x + np.array(NOISE)
    slope, intercept = np.polyfit(x, y, 1)
    assert trend.n == 12 and trend.measure == "mean"
    assert trend.slope == pytest.approx(slope) and trend.intercept == pytest.approx(intercept)
    assert trend.ci_low is not None and trend.ci_high is not None and trend.stderr is not None
    assert trend.ci_low < -0.5 < trend.ci_high
    assert trend.ci_high - trend.ci_low == pytest.approx(2 * t_quantile_975(10) * trend.stderr)
    assert trend.direction == "escalating"


def test_relations_escalation_sum_measure_and_direction_labels() -> None:
    up = escalation(linear(0.4, -3.0), "AZE", "IRN", measure="sum")
    assert up.slope == pytest.approx(0.8, abs=0.05) and up.direction == "de-escalating"
    flat = escalation(linear(0.0, 1.0, noise=[1.0, -1.0] * 6), "AZE", "IRN")
    assert flat.direction == "no clear trend"
    directed = escalation(linear(-0.5, 2.0), "AZE", "IRN", directed=True)
    assert directed.slope == pytest.approx(escalation(linear(-0.5, 2.0), "AZE", "IRN").slope)


def test_relations_escalation_skips_empty_periods_but_keeps_their_place() -> None:
    df = linear(-0.5, 2.0)
    gappy = df[~df["date"].dt.month.isin([4, 5])]
    trend = escalation(gappy, "AZE", "IRN")
    keep = [i for i in range(12) if i not in (3, 4)]
    x = np.array(keep, dtype=float)
    y = 2.0 - 0.5 * x + np.array([NOISE[i] for i in keep])
    assert trend.n == 10 and trend.slope == pytest.approx(np.polyfit(x, y, 1)[0])


def test_relations_escalation_too_short_has_no_trend() -> None:
    trend = escalation(linear(-0.5, 2.0, noise=[0.0, 0.0]), "AZE", "IRN")
    assert trend.n == 2 and trend.slope is None and trend.ci_low is None
    assert trend.direction == "no clear trend"


def test_relations_t_quantiles() -> None:
    assert t_quantile_975(1) == pytest.approx(12.7062, abs=1e-4)
    assert t_quantile_975(10) == pytest.approx(2.2281, abs=1e-4)
    assert t_quantile_975(30) == pytest.approx(2.0423, abs=1e-4)
    assert t_quantile_975(40) == pytest.approx(2.021075, abs=1e-5)
    assert t_quantile_975(120) == pytest.approx(1.979930, abs=1e-5)
    assert t_quantile_975(10**6) == pytest.approx(1.959966, abs=1e-5)
    with pytest.raises(DetenteError):
        t_quantile_975(0)


# ---------------------------------------------------------------------------------------------
# coercion_responses


@pytest.fixture
def coerced() -> pd.DataFrame:
    return frame([
        ev("c1", "2024-01-01", "AZE", "IRN", 3, -2.0),
        ev("r1", "2024-01-05", "IRN", "AZE", 1, 3.0),  # compliance, 4 days
        ev("c2", "2024-02-01", "AZE", "IRN", 4, -9.0),
        ev("r2", "2024-02-03", "IRN", "AZE", 2, 7.0),  # compliance, 2 days
        ev("r2b", "2024-02-20", "IRN", "AZE", 4, -10.0),  # later: not the first response
        ev("c3", "2024-03-01", "AZE", "IRN", 3, -4.0),
        ev("r3", "2024-03-10", "IRN", "AZE", 4, -10.0),  # counter-coercion, 9 days
        ev("c4", "2024-04-01", "AZE", "IRN", 3, -2.0),
        ev("r4", "2024-04-01", "IRN", "AZE", 1, 3.0),  # same day as the act: not a response
        ev("c5", "2024-06-01", "AZE", "IRN", 4, -10.0),
        ev("r5", "2024-07-15", "IRN", "AZE", 1, 3.0),  # 44 days later: outside the window
        ev("k1", "2024-05-01", "AZE", "IRN", 1, 3.0),  # cooperative: not a coercive act
        ev("c6", None, "AZE", "IRN", 4, -10.0),  # undated
        ev("c7", "2024-05-05", "AZE", "IRN", 4, -10.0, historical=True),
    ])  # fmt: skip


def test_relations_coercion_outcomes(coerced: pd.DataFrame) -> None:
    report = coercion_responses(coerced, "AZE", "IRN")
    assert (report.compliance, report.counter_coercion, report.no_response) == (2, 1, 2)
    assert report.undated == 1 and report.total == 5 and report.days == 30
    assert report.shares == {"compliance": 0.4, "counter-coercion": 0.2, "no response": 0.4}
    table = report.responses
    assert list(table.columns) == list(RESPONSE_COLUMNS)
    assert list(table["coercive_event_id"]) == ["c1", "c2", "c3", "c4", "c5"]
    assert list(table["outcome"]) == ["compliance", "compliance", "counter-coercion", "no response",
                                      "no response"]  # fmt: skip
    assert list(table["response_event_id"][:3]) == ["r1", "r2", "r3"]
    assert table["response_event_id"][3:].isna().all() and table["response_date"][3:].isna().all()
    assert list(table["lag_days"][:3]) == [4, 2, 9] and table["lag_days"][3:].isna().all()
    assert table.loc[2, "response_cameo"] == "190" and table.loc[0, "coercive_cameo"] == "112"
    assert table.loc[1, "response_date"] == ts("2024-02-03")


def test_relations_coercion_window_and_historical(coerced: pd.DataFrame) -> None:
    wide = coercion_responses(coerced, "AZE", "IRN", days=45)
    assert wide.responses.loc[4, "outcome"] == Outcome.COMPLIANCE and wide.responses.loc[4, "lag_days"] == 44
    with_hist = coercion_responses(coerced, "AZE", "IRN", include_historical=True)
    assert with_hist.total == 6  # c7 on 5 May, answered by nothing before 4 June
    reverse = coercion_responses(coerced, "IRN", "AZE")  # r2b and r3, answered by c3 and c4
    assert reverse.total == 2 and reverse.counter_coercion == 2
    with pytest.raises(DetenteError, match="days"):
        coercion_responses(coerced, "AZE", "IRN", days=0)


def test_relations_coercion_first_day_tie_rule() -> None:
    df = frame([
        ev("c1", "2024-01-01", "AZE", "IRN", 3, -2.0),
        ev("t1", "2024-01-03", "IRN", "AZE", 1, 3.0, mentions=9),
        ev("t2", "2024-01-03 15:00", "IRN", "AZE", 3, -2.0, mentions=2),  # tie: conflict wins
        ev("c2", "2024-03-01", "AZE", "IRN", 3, -2.0),
        ev("m1", "2024-03-04", "IRN", "AZE", 1, 3.0, mentions=1),
        ev("m2", "2024-03-04", "IRN", "AZE", 2, 5.0, mentions=4),  # majority: cooperation
        ev("m3", "2024-03-04", "IRN", "AZE", 4, -10.0, mentions=50),
        ev("m4", "2024-03-05", "IRN", "AZE", 4, -10.0),  # a later day does not count
    ])  # fmt: skip
    table = coercion_responses(df, "AZE", "IRN").responses
    assert list(table["outcome"]) == ["counter-coercion", "compliance"]
    assert list(table["response_event_id"]) == ["t2", "m2"]  # the winning class's most mentioned
    assert list(table["lag_days"]) == [2, 3]


def test_relations_coercion_without_acts() -> None:
    report = coercion_responses(frame([ev("k", "2024-01-01", "AZE", "IRN", 1, 3.0)]), "AZE", "IRN")
    assert report.total == 0 and report.responses.empty
    assert list(report.responses.columns) == list(RESPONSE_COLUMNS)
    assert all(math.isnan(v) for v in report.shares.values())
