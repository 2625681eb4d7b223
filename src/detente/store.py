"""SQLite event store: versioned schema with recorded migrations, idempotent writes, WAL mode."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from detente.clusters import ClusterOptions, ClusterSummary, cluster_pending, refresh_clusters, reset_clusters
from detente.errors import StoreError
from detente.model import CodedArticle, Failure
from detente.records import FLAT_COLUMNS, event_record, flatten, unflatten

# Columns of an event cluster (the ``events`` table), as exported.
EVENT_COLUMNS: tuple[str, ...] = (
    "event_id", "source", "target", "cameo", "cameo_root", "quad_class", "goldstein", "plover_type",
    "date", "date_precision", "date_first", "date_last", "historical", "num_mentions", "num_sources",
    "num_articles", "mention_id", "evidence", "location_name", "location_country", "location_latitude",
    "location_longitude", "updated_at",
)  # fmt: skip
TABLES = ("runs", "articles", "event_mentions", "events", "actor_mentions", "failures")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def migrations() -> list[tuple[int, str, str]]:
    """(version, name, sql) of every bundled migration, in order."""
    out = []
    for entry in (resources.files("detente") / "migrations").iterdir():
        if entry.name.endswith(".sql"):
            version = int(entry.name.split("_", 1)[0])
            out.append((version, entry.name, entry.read_text(encoding="utf-8")))
    return sorted(out)


@dataclass(frozen=True)
class RunSummary:
    run_id: int
    coded: int
    skipped: int
    failures: int


class EventStore:
    """An SQLite database of articles, events, actor mentions, failures and runs.

    Opening a store creates or migrates its schema. Writes of one article are one transaction,
    so an interrupted batch keeps every article already written.
    """

    def __init__(self, path: str | Path, timeout: float = 30.0) -> None:
        self.path = Path(path)
        try:
            self.conn = sqlite3.connect(self.path, timeout=timeout, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot open event store: {exc}") from exc
        try:
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self._migrate()
        except StoreError:
            self.conn.close()
            raise
        except sqlite3.Error as exc:
            self.conn.close()  # do not leak the connection of a store that failed to open
            raise StoreError(f"{self.path}: cannot open event store: {exc}") from exc

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> EventStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _migrate(self) -> None:
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
            "name TEXT NOT NULL, applied_at TEXT NOT NULL)"
        )
        done = {r[0] for r in self.conn.execute("SELECT version FROM schema_migrations")}
        known = {version for version, _, _ in migrations()}
        if done - known:
            raise StoreError(f"{self.path}: schema version {max(done)} is newer than this détente "
                             f"knows ({max(known)}); upgrade détente to use this database")
        for version, name, sql in migrations():
            if version in done:
                continue
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                # re-check under the write lock: another process may have migrated meanwhile
                if self.conn.execute("SELECT 1 FROM schema_migrations WHERE version=?",
                                     (version,)).fetchone() is None:  # fmt: skip
                    for statement in sql.split(";\n"):
                        if statement.strip():
                            self.conn.execute(statement)
                    self.conn.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)",
                                      (version, name, _now()))  # fmt: skip
                self.conn.execute("COMMIT")
            except sqlite3.Error:
                self._rollback()
                raise

    def _rollback(self) -> None:
        """Roll back the open transaction, if SQLite has not already done so."""
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    @contextmanager
    def _writing(self, what: str) -> Iterator[None]:
        """Turn an SQLite error of a write (locked, read-only, full, constraint) into StoreError."""
        try:
            yield
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot {what}: {exc}") from exc

    @property
    def schema_version(self) -> int:
        row = self.conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone()
        return int(row[0] or 0)

    # -- runs -------------------------------------------------------------------------------
    def start_run(self, coder_version: str, inputs: Sequence[str]) -> int:
        with self._writing("start a run"):
            cur = self.conn.execute(
                "INSERT INTO runs (started_at, coder_version, inputs) VALUES (?, ?, ?)",
                (_now(), coder_version, json.dumps(list(inputs))),
            )
        return int(cur.lastrowid or 0)

    def finish_run(self, summary: RunSummary, status: str = "finished") -> None:
        with self._writing(f"finish run {summary.run_id}"):
            self.conn.execute(
                "UPDATE runs SET finished_at=?, status=?, articles_coded=?, articles_skipped=?, "
                "failures=? WHERE run_id=?",
                (_now(), status, summary.coded, summary.skipped, summary.failures, summary.run_id),
            )

    # -- articles ---------------------------------------------------------------------------
    def is_coded(self, article_id: str, text_hash: str, coder_version: str) -> bool:
        """True when this exact text was already coded by this coder version."""
        row = self.conn.execute(
            "SELECT text_hash, coder_version FROM articles WHERE article_id=?", (article_id,)
        ).fetchone()
        return row is not None and tuple(row) == (text_hash, coder_version)

    def write_article(self, coded: CodedArticle, run_id: int | None = None) -> None:
        """Store one coded article, replacing any earlier coding of it (one transaction)."""
        a = coded.article
        with self._writing(f"write article {a.id!r}"):
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                stale = self._article_clusters(a.id)
                self.conn.execute("DELETE FROM articles WHERE article_id=?", (a.id,))
                self.conn.execute(
                    "INSERT INTO articles VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (a.id, a.text_hash, a.title, a.published.isoformat() if a.published else None,
                     a.source, a.url, a.origin, a.text, len(coded.sentences), len(coded.events),
                     coded.coder_version, run_id, _now()),
                )  # fmt: skip
                cols = ", ".join(f'"{c}"' for c in FLAT_COLUMNS)
                marks = ", ".join("?" for _ in FLAT_COLUMNS)
                self.conn.executemany(
                    f"INSERT OR REPLACE INTO event_mentions ({cols}) VALUES ({marks})",
                    [tuple(flatten(event_record(e)).values()) for e in coded.events],
                )
                self.conn.executemany(
                    "INSERT OR REPLACE INTO actor_mentions VALUES (?,?,?,?,?,?,?,?,?)",
                    [(a.id, m.sentence_index, m.span.start, m.span.end, m.span.text, m.actor.code,
                      m.actor.country, m.actor.sector, m.kind) for m in coded.mentions],
                )  # fmt: skip
                refresh_clusters(self.conn, stale)
                self.conn.execute("COMMIT")
            except BaseException:  # also KeyboardInterrupt: never leave a transaction open
                self._rollback()
                raise

    def record_failure(self, failure: Failure, run_id: int | None = None) -> None:
        """Record an input problem once (re-runs do not duplicate it)."""
        with self._writing("record a failure"):
            self.conn.execute(
                "INSERT OR IGNORE INTO failures (run_id, origin, line, problem, severity, "
                "article_id, first_seen) VALUES (?,?,?,?,?,?,?)",
                (run_id, failure.origin, failure.line or 0, failure.problem,
                 failure.severity.value, failure.article_id, _now()),
            )  # fmt: skip

    # -- events (clusters of mentions) --------------------------------------------------------
    def cluster(self, options: ClusterOptions | None = None, rebuild: bool = False) -> ClusterSummary:
        """Cluster the mentions not yet clustered into events (all of them with ``rebuild``)."""
        with self._writing("cluster event mentions"):
            if rebuild:
                reset_clusters(self.conn)
            return cluster_pending(self.conn, options)

    # -- reading ----------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        return {t: int(self.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]) for t in TABLES}

    def article(self, article_id: str) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT * FROM articles WHERE article_id=?", (article_id,)).fetchone()
        return dict(row) if row else None

    def _article_clusters(self, article_id: str) -> list[str]:
        rows = self.conn.execute("SELECT DISTINCT cluster_id FROM event_mentions WHERE article_id=? "
                                 "AND cluster_id IS NOT NULL", (article_id,))  # fmt: skip
        return [r[0] for r in rows]

    def mentions(self, article_id: str | None = None) -> Iterator[dict[str, Any]]:
        """Public event records (one per coded event mention), ordered by article, sentence and
        position."""
        sql = "SELECT * FROM event_mentions"
        params: tuple[str, ...] = ()
        if article_id is not None:
            sql += " WHERE article_id=?"
            params = (article_id,)
        sql += " ORDER BY article_id, sentence_index, evidence_start, event_id"
        for row in self.conn.execute(sql, params):
            yield unflatten(dict(row))

    def events(self, *, include_historical: bool = True) -> Iterator[dict[str, Any]]:
        """Event clusters (one per real event), ordered by date, with their mention counts."""
        sql = "SELECT * FROM events" + ("" if include_historical else " WHERE historical = 0")
        for row in self.conn.execute(sql + " ORDER BY date, event_id"):
            yield dict(row)

    def cluster_mentions(self, event_id: str) -> list[str]:
        """Ids of the event mentions behind one event cluster."""
        rows = self.conn.execute("SELECT event_id FROM event_mentions WHERE cluster_id=? ORDER BY event_id",
                                 (event_id,))  # fmt: skip
        return [r[0] for r in rows]

    def failures(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self.conn.execute("SELECT * FROM failures ORDER BY failure_id")]
