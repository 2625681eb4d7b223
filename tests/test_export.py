"""Exports of the event store: JSONL (nested records), CSV and Parquet (flat columns)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from jsonschema import Draft202012Validator

from detente.errors import ExportError
from detente.export import EXPORT_FORMATS, export_events
from detente.records import FLAT_COLUMNS, event_record, flatten, schema
from detente.store import EventStore

from .factories import TUR_IRN, make_coded

ARTICLES = {"a1": 3, "a2": 1, "a3": 4}
N_EVENTS = sum(ARTICLES.values())


@pytest.fixture
def store(tmp_path: Path):
    with EventStore(tmp_path / "events.sqlite") as s:
        for article_id, n in ARTICLES.items():
            s.write_article(make_coded(article_id, n, template=TUR_IRN))
        yield s


@pytest.fixture
def empty_store(tmp_path: Path):
    with EventStore(tmp_path / "empty.sqlite") as s:
        yield s


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    return Draft202012Validator(schema())


def expected_records() -> list[dict]:
    return [event_record(e) for a, n in sorted(ARTICLES.items())
            for e in make_coded(a, n, template=TUR_IRN).events]


def test_export_jsonl_lines_validate(store: EventStore, tmp_path: Path,
                                     validator: Draft202012Validator) -> None:
    out = tmp_path / "events.jsonl"
    assert export_events(store, out) == N_EVENTS
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == N_EVENTS
    records = [json.loads(line) for line in lines]
    for record in records:
        assert [e.message for e in validator.iter_errors(record)] == []
    assert records == expected_records()
    assert "Türkiye" in lines[0]  # written as UTF-8, not \u escapes


def test_export_csv_header_and_rows(store: EventStore, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    assert export_events(store, out) == N_EVENTS
    with out.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        rows = list(reader)
    assert tuple(header) == FLAT_COLUMNS
    assert len(rows) == N_EVENTS
    first = dict(zip(header, rows[0], strict=True))
    want = flatten(expected_records()[0])
    assert first["event_id"] == want["event_id"] == "a1-e0"
    assert first["cameo"] == "111" and first["cameo_root"] == "11"  # leading digits kept
    assert float(first["goldstein"]) == -2.0 and first["quad_class"] == "3"
    assert first["source_code"] == "TURMIL" and first["target_code"] == "IRNGOV"
    second = dict(zip(header, rows[1], strict=True))
    assert second["target_code"] == "" and second["date"] == ""  # None -> empty field
    codes = [dict(zip(header, r, strict=True))["cameo"] for r in rows]
    assert "0841" in codes and "010" in codes


def test_export_parquet_columns_types_values(store: EventStore, tmp_path: Path) -> None:
    out = tmp_path / "events.parquet"
    assert export_events(store, out) == N_EVENTS
    table = pq.read_table(out)
    assert tuple(table.column_names) == FLAT_COLUMNS
    assert table.num_rows == N_EVENTS
    types = dict(zip(table.schema.names, table.schema.types, strict=True))
    for col in ("negated", "hypothetical", "future"):
        assert types[col] == pa.bool_()
    for col in ("sentence_index", "quad_class", "evidence_start", "evidence_end"):
        assert pa.types.is_integer(types[col]), col
    for col in ("goldstein", "confidence"):
        assert pa.types.is_floating(types[col]), col
    for col in ("event_id", "cameo", "cameo_root", "date", "target_code", "attributed_to"):
        assert pa.types.is_string(types[col]), col
    assert table.to_pylist() == [flatten(r) for r in expected_records()]


def test_export_dash_writes_jsonl_to_stream(store: EventStore,
                                            validator: Draft202012Validator) -> None:
    stream = io.StringIO()
    assert export_events(store, Path("-"), stdout=stream) == N_EVENTS
    records = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert records == expected_records()
    assert all(validator.is_valid(r) for r in records)


def test_export_dash_without_stream_raises(store: EventStore) -> None:
    with pytest.raises(ExportError):
        export_events(store, Path("-"))


@pytest.mark.parametrize("name", ["events.xlsx", "events.json", "events"])
def test_export_unsupported_suffix_raises(store: EventStore, tmp_path: Path, name: str) -> None:
    out = tmp_path / name
    with pytest.raises(ExportError) as info:
        export_events(store, out)
    assert str(out) in str(info.value)
    assert not out.exists()


def test_export_suffix_is_case_insensitive(store: EventStore, tmp_path: Path) -> None:
    out = tmp_path / "EVENTS.JSONL"
    assert export_events(store, out) == N_EVENTS
    assert len(out.read_text(encoding="utf-8").splitlines()) == N_EVENTS


@pytest.mark.parametrize("suffix", EXPORT_FORMATS)
def test_export_unwritable_target_raises(store: EventStore, tmp_path: Path, suffix: str) -> None:
    out = tmp_path / "missing-dir" / f"events{suffix}"
    with pytest.raises(ExportError) as info:
        export_events(store, out)
    assert str(out) in str(info.value)


def test_export_empty_store(empty_store: EventStore, tmp_path: Path) -> None:
    jsonl, csv_path, parquet = (tmp_path / f"e{s}" for s in EXPORT_FORMATS)
    assert export_events(empty_store, jsonl) == 0
    assert jsonl.read_text(encoding="utf-8") == ""
    assert export_events(empty_store, csv_path) == 0
    with csv_path.open(encoding="utf-8", newline="") as fh:
        assert [tuple(r) for r in csv.reader(fh)] == [FLAT_COLUMNS]
    assert export_events(empty_store, parquet) == 0
    table = pq.read_table(parquet)
    assert table.num_rows == 0
    assert tuple(table.column_names) == FLAT_COLUMNS
    assert table.schema.field("negated").type == pa.bool_()
    stream = io.StringIO()
    assert export_events(empty_store, Path("-"), stdout=stream) == 0
    assert stream.getvalue() == ""
