"""Export from the store as JSONL, CSV or Parquet: event mentions (the public record; nested in
JSONL, flat columns elsewhere) or events (clusters of mentions, flat rows)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from types import MappingProxyType
from typing import Any, TextIO

from detente.errors import ExportError
from detente.records import FLAT_COLUMNS, flatten
from detente.store import EVENT_COLUMNS, EventStore

EXPORT_FORMATS = (".jsonl", ".csv", ".parquet")
LEVELS = ("mentions", "events")
_TYPES = MappingProxyType({
          "sentence_index": "int32", "goldstein": "float64", "quad_class": "int8", "negated": "bool",
          "hypothetical": "bool", "future": "bool", "evidence_start": "int64", "evidence_end": "int64",
          "source_span_start": "int64", "source_span_end": "int64", "target_span_start": "int64",
          "target_span_end": "int64",
          "confidence": "float64", "historical": "bool", "location_latitude": "float64",
          "location_longitude": "float64", "location_geonames_id": "int64", "num_mentions": "int64",
          "num_sources": "int64", "num_articles": "int64"})  # fmt: skip


def export_events(store: EventStore, output: Path | str, stdout: TextIO | None = None,
                  level: str = "mentions") -> int:  # fmt: skip
    """Write every event mention (``level="mentions"``) or every event cluster (``"events"``) of
    ``store`` to ``output`` (format from its suffix); return the count.

    ``output`` ``-`` writes JSONL to ``stdout``.
    """
    if level not in LEVELS:
        raise ExportError(f"unknown export level {level!r}; use one of {', '.join(LEVELS)}")
    if str(output) == "-":
        if stdout is None:
            raise ExportError("export to '-' needs a stdout stream")
        return _write_jsonl(_records(store, level), stdout)
    output = Path(output)
    suffix = output.suffix.lower()
    if suffix not in EXPORT_FORMATS:
        raise ExportError(f"{output}: unsupported export format {suffix or '(none)'!r}; "
                          f"use one of {', '.join(EXPORT_FORMATS)}")  # fmt: skip
    columns = FLAT_COLUMNS if level == "mentions" else EVENT_COLUMNS
    try:
        if suffix == ".parquet":
            return _write_parquet(_rows(store, level), columns, output)
        with output.open("w", encoding="utf-8", newline="") as fh:
            if suffix == ".jsonl":
                return _write_jsonl(_records(store, level), fh)
            return _write_csv(_rows(store, level), columns, fh)
    except OSError as exc:
        raise ExportError(f"{output}: cannot write: {exc}") from exc


def _records(store: EventStore, level: str) -> Iterator[dict[str, Any]]:
    return store.mentions() if level == "mentions" else _events(store)


def _events(store: EventStore) -> Iterator[dict[str, Any]]:
    for row in store.events():
        yield {**row, "historical": bool(row["historical"])}


def _rows(store: EventStore, level: str) -> Iterator[dict[str, Any]]:
    if level == "events":
        return _events(store)
    return (flatten(r) for r in store.mentions())


def _write_jsonl(records: Iterator[dict[str, Any]], fh: TextIO) -> int:
    n = 0
    for record in records:
        fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


def _write_csv(rows: Iterator[dict[str, Any]], columns: tuple[str, ...], fh: TextIO) -> int:
    writer = csv.DictWriter(fh, fieldnames=columns)
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow(row)
        n += 1
    return n


def _write_parquet(rows: Iterator[dict[str, Any]], columns: tuple[str, ...], output: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(c, pa.type_for_alias(_TYPES.get(c, "string"))) for c in columns])
    table = pa.Table.from_pylist(list(rows), schema=schema)
    pq.write_table(table, output)
    return int(table.num_rows)
