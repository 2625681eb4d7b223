"""Argument spans (detente.spans): the noun phrase of an event's source or target as written."""

from __future__ import annotations

import pytest


def _target_spans(coder, text):
    return [e.target_span.text if e.target_span else None for e in coder.code_text(text).events]


@pytest.mark.parametrize(("text", "expected"), [
    ("Iran praised Turkey's decision to reopen the border.", "Turkey's decision"),  # possessor as target
    ("Armenia rejected the Georgian government's request for talks.", "the Georgian government's request"),
    ("The Iranian president will meet Turkish President Erdogan in Ankara on Monday.",
     "Turkish President Erdogan"),  # where and when are not part of a name
])  # fmt: skip
def test_spans_target_phrase(coder, text, expected):
    assert _target_spans(coder, text)[0] == expected


def test_spans_span_head_possessor_stands_for_possessed(coder):
    from detente.spans import span_head

    doc = coder.nlp("Iran praised Turkey's decision.")
    assert span_head(doc[2], doc[1]).text == "decision"
    assert span_head(doc[0], doc[1]).text == "Iran"
