"""The public event record v2: JSON Schema validity and the flat <-> nested round trip."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from detente.model import Actor, Event, Modality, Plover, QuadClass, Span
from detente.records import FLAT_COLUMNS, event_record, flatten, schema, unflatten

SENTENCE = "Azerbaijan's foreign ministry criticized Iran on Monday."
TRIGGER = "criticized"
IRAN = Actor("Iran", "IRN", None)
PLAIN = Modality()


def make_event(
    event_id: str = "a1-e0",
    *,
    target: Actor | None = IRAN,
    spans: bool = True,
    modality: Modality = PLAIN,
    when: date | None = date(2024, 3, 4),
    cameo: tuple[str, str, float, QuadClass, Plover] = (
        "111", "11", -2.0, QuadClass.VERBAL_CONFLICT, Plover("ACCUSE", "disapprove", None)),
) -> Event:
    """A hand-built event with real CAMEO facts (default: 111 Criticize or denounce)."""
    code, root, goldstein, quad, plover = cameo
    start = SENTENCE.index(TRIGGER)
    return Event(
        event_id=event_id,
        article_id="a1",
        sentence_index=0,
        sentence=SENTENCE,
        source=Actor("Azerbaijan's foreign ministry", "AZE", "GOV"),
        target=target,
        cameo=code,
        cameo_root=root,
        goldstein=goldstein,
        quad_class=quad,
        plover=plover,
        modality=modality,
        date=when,
        evidence=Span(TRIGGER, start, start + len(TRIGGER)),
        confidence=0.9,
        coder_version="detente-0.1.0+test",
        trigger=TRIGGER,
        source_span=_span("Azerbaijan's foreign ministry") if spans else None,
        target_span=_span("Iran") if spans and target is not None else None,
    )


def _span(text: str) -> Span:
    start = SENTENCE.index(text)
    return Span(text, start, start + len(text))


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    s = schema()
    Draft202012Validator.check_schema(s)
    return Draft202012Validator(s)


RECORDS: dict[str, Any] = {
    "with_target": make_event(),
    "no_target": make_event(target=None),
    "no_spans": make_event(spans=False),
    "attributed": make_event(modality=Modality(negated=True, future=True,
                                               attributed_to="the ministry")),
    "no_date": make_event(when=None),
    "sector_only_target": make_event(target=Actor("the army", None, "MIL")),
    "root_01_no_plover": make_event(cameo=("010", "01", 0.0, QuadClass.VERBAL_COOPERATION,
                                           Plover(None, None, None))),
    "assault": make_event(cameo=("190", "19", -10.0, QuadClass.MATERIAL_CONFLICT,
                                 Plover("ASSAULT", None, "military"))),
}


@pytest.mark.parametrize("name", sorted(RECORDS))
def test_records_event_record_validates(validator: Draft202012Validator, name: str) -> None:
    record = event_record(RECORDS[name])
    errors = [e.message for e in validator.iter_errors(record)]
    assert errors == []


def test_records_event_record_fields() -> None:
    record = event_record(make_event(target=None, when=None,
                                     modality=Modality(hypothetical=True, attributed_to="Baku")))
    assert record["target"] is None
    assert record["date"] is None
    assert record["source"] == {"text": "Azerbaijan's foreign ministry", "code": "AZEGOV",
                                "country": "AZE", "sector": "GOV"}
    assert record["modality"] == {"negated": False, "hypothetical": True, "future": False,
                                  "attributed_to": "Baku"}
    assert record["quad_class"] == 3 and type(record["quad_class"]) is int
    assert record["plover"] == {"type": "ACCUSE", "mode": "disapprove", "context": None}
    ev = record["evidence"]
    assert SENTENCE[ev["start"]:ev["end"]] == ev["text"] == TRIGGER
    assert event_record(make_event())["date"] == "2024-03-04"
    assert set(record) == set(schema()["required"])


@pytest.mark.parametrize("name", sorted(RECORDS))
def test_records_flatten_unflatten_round_trip(name: str) -> None:
    record = event_record(RECORDS[name])
    flat = flatten(record)
    assert tuple(flat) == FLAT_COLUMNS
    back = unflatten(flat)
    assert back == record
    assert list(back) == list(record)  # same key order as event_record, too


def test_records_flatten_values() -> None:
    flat = flatten(event_record(make_event(target=None)))
    assert flat["source_code"] == "AZEGOV"
    assert flat["target_text"] is flat["target_code"] is None
    assert flat["negated"] is False and flat["attributed_to"] is None
    assert flat["evidence_text"] == TRIGGER
    assert flat["plover_type"] == "ACCUSE"
    assert len(FLAT_COLUMNS) == len(set(FLAT_COLUMNS))


def test_records_argument_spans() -> None:
    record = event_record(make_event())
    assert record["source_span"] == {"text": "Azerbaijan's foreign ministry", "start": 0, "end": 29}
    assert SENTENCE[record["target_span"]["start"]:record["target_span"]["end"]] == "Iran"
    assert event_record(make_event(target=None))["target_span"] is None
    flat = flatten(record)
    assert (flat["source_span_text"], flat["source_span_start"], flat["source_span_end"]) == (
        "Azerbaijan's foreign ministry", 0, 29)
    assert flat["source_text"] == "Azerbaijan's foreign ministry"  # the actor, a column of its own
    i = FLAT_COLUMNS.index("target_sector")
    assert FLAT_COLUMNS[i + 1 : i + 7] == ("source_span_text", "source_span_start", "source_span_end",
                                           "target_span_text", "target_span_start", "target_span_end")
    back = unflatten(flat)
    assert back["source_span"] == record["source_span"] and "span_text" not in back["source"]
    assert unflatten(flatten(event_record(make_event(spans=False))))["source_span"] is None


def test_records_unflatten_sqlite_style_row() -> None:
    """SQLite hands back booleans as 0/1: unflatten turns them into real booleans."""
    record = event_record(make_event(modality=Modality(negated=True)))
    row = flatten(record)
    row.update(negated=1, hypothetical=0, future=0)
    back = unflatten(row)
    assert back == record
    assert back["modality"]["negated"] is True and back["modality"]["future"] is False


def _broken(change: str) -> dict[str, Any]:
    record = copy.deepcopy(event_record(make_event()))
    if change == "cameo_99":
        record["cameo"] = "99"
    elif change == "cameo_root_21":
        record["cameo_root"] = "21"
    elif change == "quad_class_5":
        record["quad_class"] = 5
    elif change == "goldstein_11":
        record["goldstein"] = 11.0
    elif change == "no_evidence":
        del record["evidence"]
    elif change == "empty_evidence_text":
        record["evidence"]["text"] = ""
    elif change == "unknown_plover":
        record["plover"]["type"] = "INVADE"
    elif change == "negated_not_bool":
        record["modality"]["negated"] = 1
    elif change == "lowercase_country":
        record["source"]["country"] = "aze"
    elif change == "extra_field":
        record["extra"] = True
    elif change == "bad_date":
        record["date"] = "4 March 2024"
    elif change == "confidence_above_1":
        record["confidence"] = 1.5
    elif change == "no_source_span":
        del record["source_span"]
    elif change == "span_extra_field":
        record["target_span"]["extra"] = 1
    elif change == "negative_span_start":
        record["source_span"]["start"] = -1
    else:  # pragma: no cover
        raise AssertionError(change)
    return record


@pytest.mark.parametrize("change", [
    "cameo_99", "cameo_root_21", "quad_class_5", "goldstein_11", "no_evidence",
    "empty_evidence_text", "unknown_plover", "negated_not_bool", "lowercase_country",
    "extra_field", "bad_date", "confidence_above_1", "no_source_span", "span_extra_field",
    "negative_span_start",
])  # fmt: skip
def test_records_invalid_record_fails_validation(validator: Draft202012Validator,
                                                 change: str) -> None:
    assert not validator.is_valid(_broken(change))
