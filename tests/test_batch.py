from __future__ import annotations

import json

from detente.batch import BatchOptions, code_batch, code_parallel
from detente.config import Config
from detente.model import Article, Severity
from detente.store import EventStore

TEXTS = [
    "Israel struck Syria on Tuesday.",
    "Azerbaijan protested to Iran over the trucks.",
    "The weather was fine.",
    "Russia and Iran condemned the United States.",
]


def _jsonl(path, texts, bad_line=False):
    lines = [json.dumps({"id": f"a{i}", "text": t, "date": "2020-08-12"}) for i, t in enumerate(texts)]
    if bad_line:
        lines.insert(1, "{not json")
    path.write_text("\n".join(lines) + "\n")
    return path


def test_batch_codes_and_stores_everything(tmp_path):
    src = _jsonl(tmp_path / "in.jsonl", TEXTS, bad_line=True)
    seen = []
    with EventStore(tmp_path / "db.sqlite") as store:
        result = code_batch([str(src)], store, options=BatchOptions(processes=1),
                            on_failure=seen.append)
        counts = store.counts()
    assert result.coded == 4 and result.skipped == 0
    assert [f.line for f in seen] == [2] and seen[0].severity is Severity.ERROR
    assert counts["articles"] == 4 and counts["failures"] == 1 and counts["runs"] == 1
    assert counts["event_mentions"] == result.events >= 4


def test_batch_rerun_skips_and_never_duplicates(tmp_path):
    src = _jsonl(tmp_path / "in.jsonl", TEXTS, bad_line=True)
    with EventStore(tmp_path / "db.sqlite") as store:
        code_batch([str(src)], store, options=BatchOptions(processes=1))
        first = store.counts()
        again = code_batch([str(src)], store, options=BatchOptions(processes=1))
        second = store.counts()
    assert again.coded == 0 and again.skipped == 4
    assert {k: v for k, v in second.items() if k != "runs"} == {
        k: v for k, v in first.items() if k != "runs"}
    assert second["runs"] == 2


def test_batch_changed_text_is_recoded(tmp_path):
    src = _jsonl(tmp_path / "in.jsonl", TEXTS)
    with EventStore(tmp_path / "db.sqlite") as store:
        code_batch([str(src)], store, options=BatchOptions(processes=1))
        _jsonl(src, ["The weather was fine."] + TEXTS[1:])
        result = code_batch([str(src)], store, options=BatchOptions(processes=1))
        events_a0 = list(store.mentions("a0"))
    assert result.coded == 1 and result.skipped == 3
    assert events_a0 == []


def test_batch_parallel_matches_serial():
    articles = [Article(id=f"a{i}", text=t) for i, t in enumerate(TEXTS * 3)]
    serial = list(code_parallel(articles, Config(), processes=1))
    parallel = list(code_parallel(articles, Config(), processes=2, chunk_size=2))
    assert [c.article.id for c in parallel] == [a.id for a in articles]
    assert [c.events for c in parallel] == [c.events for c in serial]


def test_batch_two_coders_coexist_in_one_process(tmp_path):
    from detente import Coder

    verbs = tmp_path / "verbs.yaml"
    verbs.write_text('version: 1\nentries:\n  - {verb: strike, code: "195"}\n')
    default, custom = Coder(), Coder(Config(verbs=verbs))
    text = "Israel struck Syria."
    assert [e.cameo for e in default.code_text(text).events] == ["190"]
    assert [e.cameo for e in custom.code_text(text).events] == ["195"]
    assert default.version != custom.version
