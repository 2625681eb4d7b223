"""The relation commands, run in-process on a hand-built store whose answers are known."""

from __future__ import annotations

import csv
import json
from datetime import date

import pytest
from typer.testing import CliRunner

from detente.cli import app
from detente.frames import events_frame
from detente.store import EventStore

from .factories import M, article

runner = CliRunner()
PROTEST = "Azerbaijan lodged a protest with Iran"
STRIKE = "Iran fired artillery at Azerbaijan"
PRAISE = "Iran praised Azerbaijan for restraint"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    """AZE->IRN: protests on 1 Mar and 1 May 2020 (coercion); IRN->AZE: praise on 10 Mar
    (compliance within 30 days), a strike on 20 May (counter-coercion); AZE->ARM one visit."""
    path = tmp_path_factory.mktemp("rel") / "events.sqlite"
    with EventStore(path) as store:
        for aid, mention, outlet in [
            ("a1", M("AZE", "IRN", "111", date(2020, 3, 1), PROTEST), "Wire"),
            ("a2", M("AZE", "IRN", "111", date(2020, 3, 1), PROTEST), "Times"),  # same event, 2nd source
            ("a3", M("IRN", "AZE", "057", date(2020, 3, 10), PRAISE), "Wire"),
            ("a4", M("AZE", "IRN", "111", date(2020, 5, 1), PROTEST), "Wire"),
            ("a5", M("IRN", "AZE", "190", date(2020, 5, 20), STRIKE), "Wire"),
            ("a6", M("AZEGOV", None, "042", date(2020, 4, 2), "Baku hosted talks"), "Wire"),
        ]:  # fmt: skip
            store.write_article(article(aid, [mention], outlet))
        store.cluster()
    return path


def invoke(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


def test_cli_relations_dyad_series_csv(db, tmp_path):
    out = tmp_path / "dyad.csv"
    result = invoke("dyad", "AZE", "IRN", "--db", str(db), "-o", str(out))
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(out.open()))
    assert [r["period"] for r in rows] == ["2020-03-01", "2020-04-01", "2020-05-01"]
    assert [int(r["events"]) for r in rows] == [2, 0, 2]  # the protest reported twice counts once
    assert [float(r["goldstein_sum"]) for r in rows] == [6.0, 0.0, -12.0]
    assert [int(r["net_cooperation"]) for r in rows] == [0, 0, -2]


def test_cli_relations_dyad_directed_and_period(db):
    result = invoke("dyad", "AZE", "IRN", "--db", str(db), "--directed", "--freq", "year", "--from",
                    "2020-01-01", "--to", "2020-12-31")  # fmt: skip
    assert result.exit_code == 0
    assert "2020-01-01" in result.output and "AZE → IRN" in result.output


def test_cli_relations_top_dyads_json(db, tmp_path):
    out = tmp_path / "top.json"
    assert invoke("top-dyads", "--db", str(db), "--by", "hostile", "-o", str(out)).exit_code == 0
    [row] = json.loads(out.read_text())
    assert (row["source"], row["target"], row["events"], row["goldstein_sum"]) == ("AZE", "IRN", 4, -6.0)


def test_cli_relations_coercion_known_outcomes(db, tmp_path):
    out = tmp_path / "coercion.csv"
    result = invoke("coercion", "AZE", "IRN", "--db", str(db), "-o", str(out))
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(out.open()))
    assert [(r["coercive_date"][:10], r["outcome"], r["lag_days"]) for r in rows] == [
        ("2020-03-01", "compliance", "9"), ("2020-05-01", "counter-coercion", "19")]
    assert "compliance: 1 (50%)" in result.output


def test_cli_relations_coercion_window_matters(db):
    result = invoke("coercion", "AZE", "IRN", "--db", str(db), "--days", "5")
    assert "no response: 2 (100%)" in result.output


def test_cli_relations_reciprocity_and_escalation_json(db, tmp_path):
    out = tmp_path / "r.json"
    assert invoke("reciprocity", "AZE", "IRN", "--db", str(db), "-o", str(out)).exit_code == 0
    got = json.loads(out.read_text())
    assert got["n"] == 3 and got["a"] == "AZE"
    assert invoke("escalation", "AZE", "IRN", "--db", str(db), "-o", str(out)).exit_code == 0
    got = json.loads(out.read_text())
    assert got["measure"] == "mean" and got["direction"] in ("escalating", "de-escalating", "no clear trend")


def test_cli_relations_plot_png(db, tmp_path):
    out = tmp_path / "dyad.png"
    result = invoke("plot", "dyad", "AZE", "IRN", "--db", str(db), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_cli_relations_cluster_rebuild_is_idempotent(db):
    with EventStore(db) as store:
        before = sorted(e["event_id"] for e in store.events())
    result = invoke("cluster", "--db", str(db), "--rebuild")
    assert result.exit_code == 0 and "6 mentions" in result.output
    with EventStore(db) as store:
        assert sorted(e["event_id"] for e in store.events()) == before


@pytest.mark.parametrize(("args", "code", "message"), [
    (("dyad", "AZE", "IRN", "--freq", "fortnight"), 2, "--freq must be one of"),
    (("top-dyads", "--by", "nasty"), 2, "--by must be active or hostile"),
    (("dyad", "AZE", "IRN", "-o", "out.xlsx"), 2, "unknown output format"),
])  # fmt: skip
def test_cli_relations_bad_options(db, tmp_path, args, code, message):
    result = runner.invoke(app, [*args, "--db", str(db)])
    assert result.exit_code == code and message in result.output


def test_cli_relations_missing_database(tmp_path):
    result = runner.invoke(app, ["dyad", "AZE", "IRN", "--db", str(tmp_path / "none.sqlite")])
    assert result.exit_code == 1 and "no such database" in result.output


def test_frames_events_frame_filters(db):
    with EventStore(db) as store:
        everything = events_frame(store)
        dyad = events_frame(store, dyad=("IRN", "AZE"))
        spring = events_frame(store, actors=["AZE"], start=date(2020, 4, 1), end=date(2020, 4, 30))
    assert len(everything) == 5 and len(dyad) == 4
    assert list(spring["cameo"]) == ["042"] and spring["target"].isna().all()
    assert str(everything["date"].dtype).startswith("datetime64") and everything["historical"].dtype == bool
