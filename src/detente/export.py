"""Export coded events from the store as JSONL (nested records), CSV or Parquet (flat columns)."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import TextIO

from detente.errors import ExportError
from detente.records import FLAT_COLUMNS, flatten
from detente.store import EventStore

EXPORT_FORMATS = (".jsonl", ".csv", ".parquet")


def export_events(store: EventStore, output: Path | str, stdout: TextIO | None = None) -> int:
    """Write every event of ``store`` to ``output`` (format from its suffix); return the count.

    ``output`` ``-`` writes JSONL to ``stdout``.
    """
    if str(output) == "-":
        if stdout is None:
            raise ExportError("export to '-' needs a stdout stream")
        return _write_jsonl(store, stdout)
    output = Path(output)
    suffix = output.suffix.lower()
    if suffix not in EXPORT_FORMATS:
        raise ExportError(f"{output}: unsupported export format {suffix or '(none)'!r}; "
                          f"use one of {', '.join(EXPORT_FORMATS)}")  # fmt: skip
    try:
        if suffix == ".parquet":
            return _write_parquet(store, output)
        with output.open("w", encoding="utf-8", newline="") as fh:
            return _write_jsonl(store, fh) if suffix == ".jsonl" else _write_csv(store, fh)
    except OSError as exc:
        raise ExportError(f"{output}: cannot write: {exc}") from exc


def _write_jsonl(store: EventStore, fh: TextIO) -> int:
    n = 0
    for record in store.mentions():
        fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


def _write_csv(store: EventStore, fh: TextIO) -> int:
    writer = csv.DictWriter(fh, fieldnames=FLAT_COLUMNS)
    writer.writeheader()
    n = 0
    for record in store.mentions():
        writer.writerow(flatten(record))
        n += 1
    return n


def _write_parquet(store: EventStore, output: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"sentence_index": pa.int32(), "goldstein": pa.float64(), "quad_class": pa.int8(),
             "negated": pa.bool_(), "hypothetical": pa.bool_(), "future": pa.bool_(),
             "evidence_start": pa.int64(), "evidence_end": pa.int64(),
             "confidence": pa.float64(), "historical": pa.bool_(), "location_latitude": pa.float64(),
             "location_longitude": pa.float64(), "location_geonames_id": pa.int64()}  # fmt: skip
    schema = pa.schema([(c, types.get(c, pa.string())) for c in FLAT_COLUMNS])
    rows = [flatten(r) for r in store.mentions()]
    table = pa.Table.from_pylist(rows, schema=schema)
    pq.write_table(table, output)
    return len(rows)
