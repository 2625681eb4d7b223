"""The public event record v2: the JSON contract of every export (docs/event-record.md).

``event_record`` turns an :class:`Event` into the nested record; ``flatten`` and ``unflatten``
convert between that record and the flat columns used by SQLite, CSV and Parquet.
"""

from __future__ import annotations

import json
from importlib import resources
from types import MappingProxyType
from typing import Any

from detente.model import Actor, Event, Place, Span

SCHEMA_VERSION = 2

FLAT_COLUMNS: tuple[str, ...] = (
    "event_id", "article_id", "sentence_index", "sentence", "group",
    "source_text", "source_code", "source_country", "source_sector",
    "target_text", "target_code", "target_country", "target_sector",
    "source_span_text", "source_span_start", "source_span_end",
    "target_span_text", "target_span_start", "target_span_end",
    "cameo", "cameo_root", "goldstein", "quad_class",
    "plover_type", "plover_mode", "plover_context",
    "negated", "hypothetical", "future", "attributed_to",
    "date", "date_precision", "date_text", "historical",
    "location_text", "location_name", "location_country", "location_latitude", "location_longitude",
    "location_geonames_id", "location_level",
    "evidence_text", "evidence_start", "evidence_end",
    "confidence", "coder_version", "trigger",
)  # fmt: skip
_NESTED = {"source": ("text", "code", "country", "sector"), "target": ("text", "code", "country", "sector"),
           "source_span": ("text", "start", "end"), "target_span": ("text", "start", "end"),
           "plover": ("type", "mode", "context"), "evidence": ("text", "start", "end"),
           "location": ("text", "name", "country", "latitude", "longitude", "geonames_id",
                        "level")}  # fmt: skip
_MODALITY = ("negated", "hypothetical", "future", "attributed_to")
_NULLABLE = ("target", "source_span", "target_span", "location")  # nested objects that may be null


def _nested_column(col: str) -> tuple[str, str] | None:
    """(nested key, sub-field) of a flat column, by the longest nested key it starts with
    ("source_span_text" -> ("source_span", "text"), not ("source", "span_text"))."""
    for key in sorted(_NESTED, key=len, reverse=True):
        sub = col[len(key) + 1 :]
        if col.startswith(key + "_") and sub in _NESTED[key]:
            return key, sub
    return None


_COLUMN_KEYS = MappingProxyType({col: nested for col in FLAT_COLUMNS
                                 if (nested := _nested_column(col)) is not None})


def _actor(actor: Actor | None) -> dict[str, Any] | None:
    if actor is None:
        return None
    return {"text": actor.text, "code": actor.code, "country": actor.country, "sector": actor.sector}


def _span(span: Span | None) -> dict[str, Any] | None:
    return None if span is None else {"text": span.text, "start": span.start, "end": span.end}


def _place(place: Place | None) -> dict[str, Any] | None:
    if place is None:
        return None
    return {"text": place.text, "name": place.name, "country": place.country, "latitude": place.latitude,
            "longitude": place.longitude, "geonames_id": place.geonames_id,
            "level": place.level.value if place.level else None}  # fmt: skip


def event_record(event: Event) -> dict[str, Any]:
    """The public v2 record of an event (JSON-serialisable)."""
    m = event.modality
    return {
        "event_id": event.event_id,
        "article_id": event.article_id,
        "sentence_index": event.sentence_index,
        "sentence": event.sentence,
        "group": event.group,
        "source": _actor(event.source),
        "target": _actor(event.target),
        "source_span": _span(event.source_span),
        "target_span": _span(event.target_span),
        "cameo": event.cameo,
        "cameo_root": event.cameo_root,
        "goldstein": event.goldstein,
        "quad_class": int(event.quad_class),
        "plover": {"type": event.plover.type, "mode": event.plover.mode,
                   "context": event.plover.context},  # fmt: skip
        "modality": {"negated": m.negated, "hypothetical": m.hypothetical, "future": m.future,
                     "attributed_to": m.attributed_to},  # fmt: skip
        "date": event.date.isoformat() if event.date else None,
        "date_precision": event.date_precision.value if event.date_precision else None,
        "date_text": event.date_text,
        "historical": event.historical,
        "location": _place(event.location),
        "evidence": {"text": event.evidence.text, "start": event.evidence.start,
                     "end": event.evidence.end},  # fmt: skip
        "confidence": event.confidence,
        "coder_version": event.coder_version,
        "trigger": event.trigger,
    }


def flatten(record: dict[str, Any]) -> dict[str, Any]:
    """Nested record -> flat row with the columns of FLAT_COLUMNS."""
    row: dict[str, Any] = {}
    for key, value in record.items():
        if key in _NESTED:
            for sub in _NESTED[key]:
                row[f"{key}_{sub}"] = value[sub] if value is not None else None
        elif key == "modality":
            row.update({sub: value[sub] for sub in _MODALITY})
        else:
            row[key] = value
    return {col: row.get(col) for col in FLAT_COLUMNS}


def unflatten(row: dict[str, Any]) -> dict[str, Any]:
    """Flat row (e.g. from SQLite) -> nested record."""
    record: dict[str, Any] = {}
    for col in FLAT_COLUMNS:
        nested = _COLUMN_KEYS.get(col)
        if nested is not None:
            record.setdefault(nested[0], {})[nested[1]] = row[col]
        elif col in _MODALITY:
            value = row[col]
            record.setdefault("modality", {})[col] = bool(value) if col != "attributed_to" else value
        elif col == "historical":
            record[col] = bool(row[col])
        else:
            record[col] = row[col]
    for key in _NULLABLE:
        if all(value is None for value in record[key].values()):
            record[key] = None
    record["quad_class"] = int(record["quad_class"])
    return record


def schema() -> dict[str, Any]:
    """The JSON Schema of the public event record (``detente/schema/event.schema.json``)."""
    text = (resources.files("detente") / "schema" / "event.schema.json").read_text(encoding="utf-8")
    result: dict[str, Any] = json.loads(text)
    return result
