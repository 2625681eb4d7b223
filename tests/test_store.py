"""The SQLite event store: migrations, WAL, idempotent writes, runs, failures, concurrency."""

from __future__ import annotations

import multiprocessing
import sqlite3
from pathlib import Path

import pytest

from detente.errors import StoreError
from detente.model import (
    Failure,
    Severity,
)
from detente.records import event_record
from detente.store import TABLES, EventStore, RunSummary, migrations

from .factories import CODER, make_coded


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "events.sqlite"


@pytest.fixture
def store(db: Path):
    with EventStore(db) as s:
        yield s


def _raw(db: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    return conn


# -- schema and migrations -----------------------------------------------------------------
def test_store_open_creates_schema_and_records_migration(store: EventStore, db: Path) -> None:
    assert db.is_file()
    rows = [tuple(r) for r in store.conn.execute(
        "SELECT version, name FROM schema_migrations ORDER BY version")]  # fmt: skip
    assert rows == [(1, "0001_initial.sql"), (2, "0002_places_dates_clusters.sql")]
    assert store.schema_version == 2
    tables = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert set(TABLES) | {"schema_migrations"} <= tables
    assert store.counts() == dict.fromkeys(TABLES, 0)
    assert [m[:2] for m in migrations()][0] == (1, "0001_initial.sql")


def test_store_uses_wal_journal_mode(store: EventStore, db: Path) -> None:
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    store.close()
    with _raw(db) as conn:  # WAL is persistent: a fresh plain connection sees it too
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_store_reopen_does_not_reapply_migrations(db: Path) -> None:
    with EventStore(db) as s:
        s.write_article(make_coded("a1", 2))
        applied = s.conn.execute("SELECT applied_at FROM schema_migrations").fetchall()
    for _ in range(2):
        with EventStore(db) as s:
            rows = s.conn.execute("SELECT version, name, applied_at FROM schema_migrations")
            assert [tuple(r) for r in rows] == [(1, "0001_initial.sql", applied[0][0]),
                                                (2, "0002_places_dates_clusters.sql", applied[1][0])]
            assert s.counts()["event_mentions"] == 2  # data survives re-opening


# -- articles and events -------------------------------------------------------------------
def test_store_write_article_then_events_equal_records(store: EventStore) -> None:
    coded = make_coded("a1", 4)
    store.write_article(coded)
    got = list(store.mentions())
    assert got == [event_record(e) for e in coded.events]
    assert got[1]["target"] is None and got[0]["target"]["code"] == "IRN"
    assert got[1]["modality"]["negated"] is True
    assert list(store.mentions("a1")) == got
    assert list(store.mentions("nope")) == []


def test_store_article_row(store: EventStore) -> None:
    coded = make_coded("a1", 3)
    run_id = store.start_run(CODER, ["in.jsonl"])
    store.write_article(coded, run_id)
    row = store.article("a1")
    assert row is not None
    assert row["text_hash"] == coded.article.text_hash
    assert row["text"] == coded.article.text
    assert row["published"] == "2024-03-04"
    assert (row["n_sentences"], row["n_events"]) == (3, 3)
    assert row["coder_version"] == CODER and row["run_id"] == run_id
    assert store.article("missing") is None


def test_store_events_ordered_by_article_and_sentence(store: EventStore) -> None:
    store.write_article(make_coded("b", 2))
    store.write_article(make_coded("a", 3))
    got = [(r["article_id"], r["sentence_index"]) for r in store.mentions()]
    assert got == [("a", 0), ("a", 1), ("a", 2), ("b", 0), ("b", 1)]


def test_store_write_same_article_twice_no_duplicates(store: EventStore) -> None:
    coded = make_coded("a1", 3)
    store.write_article(coded)
    first = store.counts()
    store.write_article(coded)
    store.write_article(coded)
    assert store.counts() == first
    assert first["articles"] == 1 and first["event_mentions"] == 3 and first["actor_mentions"] == 6


def test_store_rewrite_with_fewer_events_removes_stale_rows(store: EventStore) -> None:
    store.write_article(make_coded("a1", 4))
    store.write_article(make_coded("a2", 2))
    fewer = make_coded("a1", 1, coder_version="detente-0.2.0+test")
    store.write_article(fewer)
    assert [r["event_id"] for r in store.mentions("a1")] == ["a1-e0"]
    assert list(store.mentions("a1")) == [event_record(e) for e in fewer.events]
    counts = store.counts()
    assert counts["articles"] == 2
    assert counts["event_mentions"] == 1 + 2
    assert counts["actor_mentions"] == 2 + 4
    assert len(list(store.mentions("a2"))) == 2  # the other article is untouched
    row = store.article("a1")
    assert row is not None and row["n_events"] == 1 and row["coder_version"] == "detente-0.2.0+test"


def test_store_rewrite_with_no_events(store: EventStore) -> None:
    store.write_article(make_coded("a1", 3))
    store.write_article(make_coded("a1", 0))
    assert list(store.mentions()) == []
    assert store.counts()["articles"] == 1
    assert store.counts()["actor_mentions"] == 0


def test_store_is_coded_only_for_same_hash_and_version(store: EventStore) -> None:
    coded = make_coded("a1", 1)
    h = coded.article.text_hash
    assert not store.is_coded("a1", h, CODER)
    store.write_article(coded)
    assert store.is_coded("a1", h, CODER)
    assert not store.is_coded("a1", h, "detente-0.2.0+other")
    assert not store.is_coded("a1", make_coded("a1", 1, text="Other text.").article.text_hash,
                              CODER)  # fmt: skip
    assert not store.is_coded("a2", h, CODER)


def test_store_actor_mentions_stored(store: EventStore, db: Path) -> None:
    store.write_article(make_coded("a1", 2))
    rows = [dict(r) for r in store.conn.execute(
        'SELECT * FROM actor_mentions ORDER BY start, "end"')]  # fmt: skip
    assert len(rows) == 4
    first = rows[0]
    assert first == {"article_id": "a1", "sentence_index": 0, "start": 0, "end": 10,
                     "text": "Azerbaijan", "code": "AZEGOV", "country": "AZE", "sector": "GOV",
                     "kind": "name"}  # fmt: skip
    iran = rows[1]
    assert (iran["text"], iran["code"], iran["country"], iran["sector"]) == \
        ("Iran", "IRN", "IRN", None)
    assert {r["sentence_index"] for r in rows} == {0, 1}


# -- failures and runs ---------------------------------------------------------------------
def test_store_record_failure_twice_one_row(store: EventStore) -> None:
    failure = Failure("in.jsonl", 3, "missing 'text'", Severity.ERROR, "a9")
    store.record_failure(failure)
    store.record_failure(failure)
    no_line = Failure("<stdin>", None, "empty input", Severity.WARNING)
    store.record_failure(no_line)
    store.record_failure(no_line)
    rows = store.failures()
    assert len(rows) == 2 and store.counts()["failures"] == 2
    assert (rows[0]["origin"], rows[0]["line"], rows[0]["problem"], rows[0]["severity"],
            rows[0]["article_id"]) == ("in.jsonl", 3, "missing 'text'", "error", "a9")  # fmt: skip
    assert (rows[1]["line"], rows[1]["severity"]) == (0, "warning")


def test_store_counts_all_tables(store: EventStore) -> None:
    run_id = store.start_run(CODER, ["a.jsonl"])
    store.write_article(make_coded("a1", 3), run_id)
    store.write_article(make_coded("a2", 1), run_id)
    store.record_failure(Failure("a.jsonl", 7, "bad json"), run_id)
    assert store.counts() == {"runs": 1, "articles": 2, "event_mentions": 4, "events": 0,
                              "actor_mentions": 8, "failures": 1}  # fmt: skip
    assert tuple(store.counts()) == TABLES


def test_store_start_and_finish_run(store: EventStore) -> None:
    run_id = store.start_run(CODER, ["a.jsonl", "b.csv"])
    row = dict(store.conn.execute("SELECT * FROM runs WHERE run_id=?", (run_id,)).fetchone())
    assert row["status"] == "running" and row["finished_at"] is None
    assert row["coder_version"] == CODER and row["inputs"] == '["a.jsonl", "b.csv"]'
    store.finish_run(RunSummary(run_id, coded=5, skipped=2, failures=1))
    row = dict(store.conn.execute("SELECT * FROM runs WHERE run_id=?", (run_id,)).fetchone())
    assert row["status"] == "finished" and row["finished_at"] is not None
    assert (row["articles_coded"], row["articles_skipped"], row["failures"]) == (5, 2, 1)

    second = store.start_run(CODER, [])
    assert second != run_id
    store.finish_run(RunSummary(second, 0, 0, 0), status="interrupted")
    status = store.conn.execute("SELECT status FROM runs WHERE run_id=?", (second,)).fetchone()
    assert status[0] == "interrupted"


def test_store_failed_write_keeps_earlier_articles(store: EventStore, db: Path) -> None:
    store.write_article(make_coded("a1", 2))
    with pytest.raises(StoreError) as info:
        store.write_article(make_coded("a2", 1), run_id=999)  # no such run: FK violation
    assert str(db) in str(info.value) and "'a2'" in str(info.value)
    assert isinstance(info.value.__cause__, sqlite3.IntegrityError)
    assert not store.conn.in_transaction  # rolled back
    assert store.counts()["articles"] == 1
    assert store.article("a2") is None and list(store.mentions("a2")) == []
    store.write_article(make_coded("a3", 1))  # the store is still usable
    assert store.counts()["articles"] == 2


class _Interrupt(BaseException):
    """Stands in for KeyboardInterrupt (which pytest itself would act on)."""


@pytest.mark.parametrize("exc", [_Interrupt, RuntimeError])
def test_store_interrupted_write_rolls_back(store: EventStore, monkeypatch: pytest.MonkeyPatch,
                                            exc: type[BaseException]) -> None:  # fmt: skip
    store.write_article(make_coded("a1", 2))

    def explode(record: object) -> None:
        raise exc("half-way through the transaction")

    monkeypatch.setattr("detente.store.flatten", explode)  # fails after DELETE + INSERT article
    with pytest.raises(exc):  # propagates as is, not as StoreError
        store.write_article(make_coded("a1", 1))
    assert not store.conn.in_transaction
    monkeypatch.undo()
    assert store.counts()["articles"] == 1 and store.counts()["event_mentions"] == 2  # old coding kept
    assert len(list(store.mentions("a1"))) == 2


def test_store_locked_database_raises_store_error(db: Path) -> None:
    with EventStore(db) as holder, EventStore(db, timeout=0.1) as waiter:
        holder.conn.execute("BEGIN IMMEDIATE")  # another writer holds the write lock
        with pytest.raises(StoreError, match="database is locked") as info:
            waiter.write_article(make_coded("a1", 1))
        assert str(db) in str(info.value)
        with pytest.raises(StoreError, match="database is locked"):
            waiter.record_failure(Failure("in.jsonl", 1, "bad"))
        with pytest.raises(StoreError, match="database is locked"):
            waiter.start_run(CODER, [])
        holder.conn.execute("ROLLBACK")
        waiter.write_article(make_coded("a1", 1))  # fine once the lock is released
        assert holder.counts()["articles"] == 1


# -- concurrency ---------------------------------------------------------------------------
def _write_many(path: str, prefix: str, n: int) -> None:
    with EventStore(path) as s:
        run_id = s.start_run(CODER, [prefix])
        for i in range(n):
            s.write_article(make_coded(f"{prefix}-{i:03d}", 1 + i % 3), run_id)
            s.record_failure(Failure(f"{prefix}.jsonl", i, "shared problem"))
        s.finish_run(RunSummary(run_id, n, 0, n))


@pytest.mark.slow
def test_store_concurrent_writers(db: Path) -> None:
    ctx = multiprocessing.get_context("spawn")
    writers, per_writer = 3, 30
    procs = [ctx.Process(target=_write_many, args=(str(db), f"w{k}", per_writer))
             for k in range(writers)]  # fmt: skip
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=120)
    assert [p.exitcode for p in procs] == [0] * writers
    with EventStore(db) as s:
        counts = s.counts()
        assert counts["articles"] == writers * per_writer
        expected_events = writers * sum(1 + i % 3 for i in range(per_writer))
        assert counts["event_mentions"] == expected_events
        assert counts["runs"] == writers
        assert counts["failures"] == writers * per_writer
        assert s.conn.execute("SELECT COUNT(*) FROM schema_migrations").fetchone()[0] == 2
        ids = {r[0] for r in s.conn.execute("SELECT article_id FROM articles")}
        assert ids == {f"w{k}-{i:03d}" for k in range(writers) for i in range(per_writer)}
        statuses = {r[0] for r in s.conn.execute("SELECT status FROM runs")}
        assert statuses == {"finished"}


# -- errors --------------------------------------------------------------------------------
def test_store_directory_path_raises_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as info:
        EventStore(tmp_path)
    assert str(tmp_path) in str(info.value)


def test_store_corrupt_file_raises_store_error(tmp_path: Path) -> None:
    bad = tmp_path / "corrupt.sqlite"
    bad.write_bytes(b"this is not an SQLite database\x00\xff" * 200)
    with pytest.raises(StoreError) as info:
        EventStore(bad)
    assert str(bad) in str(info.value)
    assert bad.read_bytes().startswith(b"this is not")  # left as it was


def test_store_missing_parent_directory_raises_store_error(tmp_path: Path) -> None:
    path = tmp_path / "no" / "such" / "dir" / "events.sqlite"
    with pytest.raises(StoreError) as info:
        EventStore(path)
    assert str(path) in str(info.value)


def test_store_refuses_a_newer_schema(tmp_path):
    path = tmp_path / "future.sqlite"
    EventStore(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO schema_migrations VALUES (99, '0099_future.sql', 'now')")
    with pytest.raises(StoreError, match="newer than this"):
        EventStore(path)
