"""One record per real event: cluster event mentions that report the same event.

Two mentions report the same event when they have the same dyad at country level (source and
target country, or the actor code of an actor without a country such as an IGO), the same CAMEO
root, dates within a window (default ±1 day), and either the same full CAMEO code or evidence
whose content words overlap enough. Only factual mentions are clustered: negated, hypothetical
and future events did not happen (yet). Mentions without a date cluster only within their own
article.

Clustering is incremental: each new mention joins the best matching existing event or starts a
new one, and re-coding an article refreshes the events its old mentions belonged to. Counts of
mentions, sources and articles are recomputed from the mentions, so re-running never duplicates.
"""

from __future__ import annotations

import hashlib
import logging
import re
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

log = logging.getLogger(__name__)

WORD = re.compile(r"[^\W\d_]{3,}")
STOPWORDS = frozenset({
    "the", "and", "for", "with", "that", "this", "from", "have", "has", "had", "was", "were", "are",
    "its", "his", "her", "their", "they", "them", "which", "who", "will", "would", "said", "also",
    "been", "not", "but", "into", "over", "after", "before", "about", "on", "than", "then",
})  # fmt: skip


@dataclass(frozen=True)
class ClusterOptions:
    """``window_days``: how far apart two mentions' dates may be; ``min_similarity``: the word
    overlap (Jaccard, 0-1) two pieces of evidence need when their CAMEO codes differ;
    ``max_span_days``: no event grows longer than this by chaining mentions."""

    window_days: int = 1
    min_similarity: float = 0.25
    max_span_days: int = 14


@dataclass(frozen=True)
class ClusterSummary:
    mentions: int  # mentions looked at
    clustered: int  # of which joined or started an event
    new_events: int
    unclusterable: int  # negated, hypothetical or future, or without a source actor


def _key_sql(side: str) -> str:
    """SQL for a side's country-level key: its country, else an organisation's code (IGOUNO);
    an actor with neither (a bare sector such as "MIL") has no key."""
    return (f"CASE WHEN {side}_country IS NOT NULL THEN {side}_country "
            f"WHEN substr({side}_code, 1, 3) IN ('IGO', 'NGO', 'IMG', 'MNC') "
            f"THEN substr({side}_code, 1, 6) END")


SOURCE_KEY = _key_sql("source")
TARGET_KEY = f"COALESCE({_key_sql('target')}, '')"


def signature(text: str) -> frozenset[str]:
    """Content words of a piece of evidence, for comparing two reports."""
    return frozenset(w for w in WORD.findall(text.lower()) if w not in STOPWORDS)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def cluster_id_for(mention_id: str) -> str:
    """The id of the event started by a mention: stable across re-runs."""
    return "ev" + hashlib.sha1(mention_id.encode("utf-8")).hexdigest()[:14]


@dataclass
class _Cluster:
    """A candidate event while clustering (mutable working state of one run, never shared)."""

    event_id: str
    cameo: str
    first: int  # date ordinals
    last: int
    words: frozenset[str]
    article_id: str | None = None  # set for undated clusters, which stay within one article


@dataclass
class _Index:
    """Candidate events by (source, target, root), loaded from the store as the dates advance."""

    conn: sqlite3.Connection
    options: ClusterOptions
    by_key: dict[tuple[str, str, str], list[_Cluster]] = field(default_factory=lambda: defaultdict(list))
    loaded: set[str] = field(default_factory=set)
    loaded_until: int | None = None

    def candidates(self, key: tuple[str, str, str], day: int) -> list[_Cluster]:
        self._load_until(day + self.options.window_days)
        return self.by_key.get(key, [])

    def _load_until(self, day: int) -> None:
        if self.loaded_until is not None and day <= self.loaded_until:
            return
        hi = day + 31  # load a month at a time
        lo = (self.loaded_until if self.loaded_until is not None  # exclusive
              else day - 2 * self.options.window_days - self.options.max_span_days - 1)  # fmt: skip
        self._evict(day - 2 * self.options.window_days - self.options.max_span_days)
        rows = self.conn.execute(
            "SELECT event_id, source, target, cameo_root, cameo, date_first, date_last, evidence "
            "FROM events WHERE date_first > ? AND date_first <= ?",
            (date.fromordinal(lo).isoformat() if lo > 0 else "", date.fromordinal(hi).isoformat()),
        )
        for r in rows:
            if r[0] in self.loaded:
                continue
            self.loaded.add(r[0])
            first, last = date.fromisoformat(r[5]).toordinal(), date.fromisoformat(r[6]).toordinal()
            self.by_key[(r[1], r[2], r[3])].append(_Cluster(r[0], r[4], first, last, signature(r[7])))
        self.loaded_until = hi

    def _evict(self, before: int) -> None:
        for key, clusters in list(self.by_key.items()):
            kept = [c for c in clusters if c.last >= before]
            if kept:
                self.by_key[key] = kept
            else:
                del self.by_key[key]

    def add(self, key: tuple[str, str, str], cluster: _Cluster) -> None:
        self.loaded.add(cluster.event_id)
        self.by_key[key].append(cluster)


def _best(candidates: Iterable[_Cluster], cameo: str, day: int, words: frozenset[str],
          options: ClusterOptions) -> _Cluster | None:  # fmt: skip
    """The matching event a mention belongs to: same CAMEO code first, then the most similar
    evidence, then the nearest date."""
    best: _Cluster | None = None
    best_score: tuple[bool, float, int] | None = None
    w = options.window_days
    for c in candidates:
        if not c.first - w <= day <= c.last + w:
            continue
        if max(c.last, day) - min(c.first, day) > options.max_span_days:
            continue
        same = c.cameo == cameo
        similarity = jaccard(words, c.words)
        if not same and similarity < options.min_similarity:
            continue
        score = (same, similarity, -min(abs(day - c.first), abs(day - c.last)))
        if best_score is None or score > best_score:
            best, best_score = c, score
    return best


def _pending(conn: sqlite3.Connection, chunk: int) -> Iterator[list[tuple[object, ...]]]:
    """Unclustered mentions in date order (undated last), a chunk at a time. Each chunk must be
    marked clustered before the next is asked for."""
    sql = (f"SELECT event_id, article_id, date, {SOURCE_KEY}, {TARGET_KEY}, cameo, cameo_root, "
           "evidence_text, "
           "negated = 0 AND hypothetical = 0 AND future = 0 "
           "FROM event_mentions WHERE clustered = 0 ORDER BY date IS NULL, date, article_id, event_id "
           "LIMIT ?")  # fmt: skip
    while True:
        rows = conn.execute(sql, (chunk,)).fetchall()
        if not rows:
            return
        yield [tuple(r) for r in rows]


@dataclass
class _Run:
    """The working state of one clustering run."""

    index: _Index
    options: ClusterOptions
    undated: dict[tuple[str, ...], list[_Cluster]] = field(default_factory=lambda: defaultdict(list))
    new_events: int = 0

    def assign(self, row: tuple[object, ...]) -> str | None:
        """The event a pending mention belongs to (None: not clusterable)."""
        mention_id, article_id, day, src, tgt, cameo, root, evidence, factual = row
        if not factual or not src:
            return None
        key = (str(src), str(tgt), str(root))
        words = signature(str(evidence))
        if day is None:
            pool = self.undated[(str(article_id), *key)]
            found = _best_undated(pool, str(cameo), words, self.options)
        else:
            ordinal = date.fromisoformat(str(day)).toordinal()
            found = _best(self.index.candidates(key, ordinal), str(cameo), ordinal, words, self.options)
        if found is not None:
            if day is not None:
                found.first, found.last = min(found.first, ordinal), max(found.last, ordinal)
            return found.event_id
        self.new_events += 1
        cluster_id = cluster_id_for(str(mention_id))
        if day is None:
            pool.append(_Cluster(cluster_id, str(cameo), 0, 0, words, str(article_id)))
        else:
            self.index.add(key, _Cluster(cluster_id, str(cameo), ordinal, ordinal, words))
        return cluster_id


def _best_undated(pool: list[_Cluster], cameo: str, words: frozenset[str],
                  options: ClusterOptions) -> _Cluster | None:  # fmt: skip
    scored = [(c.cameo == cameo, jaccard(words, c.words), c) for c in pool]
    scored = [s for s in scored if s[0] or s[1] >= options.min_similarity]
    return max(scored, key=lambda s: (s[0], s[1]))[2] if scored else None


def cluster_pending(conn: sqlite3.Connection, options: ClusterOptions | None = None,
                    chunk: int = 20_000) -> ClusterSummary:  # fmt: skip
    """Cluster every mention not yet clustered into new or existing events (one transaction per
    chunk, so an interrupted run keeps what it finished)."""
    options = options or ClusterOptions()
    run = _Run(_Index(conn, options), options)
    seen = clustered = 0
    for rows in _pending(conn, chunk):
        updates = [(run.assign(row), row[0]) for row in rows]
        touched = {cid for cid, _ in updates if cid is not None}
        seen += len(rows)
        clustered += sum(1 for cid, _ in updates if cid is not None)
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.executemany("UPDATE event_mentions SET cluster_id = ?, clustered = 1 WHERE event_id = ?",
                             updates)  # fmt: skip
            refresh_clusters(conn, touched)
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        log.info("clustered %d mentions (%d new events so far)", seen, run.new_events)
    return ClusterSummary(seen, clustered, run.new_events, seen - clustered)


def reset_clusters(conn: sqlite3.Connection) -> None:
    """Forget every event cluster, so the next :func:`cluster_pending` rebuilds them all."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("DELETE FROM events")
        conn.execute("UPDATE event_mentions SET cluster_id = NULL, clustered = 0")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


STATS_SQL = """
INSERT INTO temp.cluster_stats
SELECT m.cluster_id, AVG(m.goldstein), MIN(m.date), MAX(m.date), MIN(m.historical), COUNT(*),
       COUNT(DISTINCT COALESCE(a.source, a.article_id)), COUNT(DISTINCT m.article_id)
FROM event_mentions m JOIN articles a ON a.article_id = m.article_id
WHERE m.cluster_id IN (SELECT cluster_id FROM temp.touched_clusters)
GROUP BY m.cluster_id
"""
# The representative mention of each event: the most precise date, then the most confident.
REFRESH_SQL = f"""
WITH ranked AS (
    SELECT m.*, ROW_NUMBER() OVER (PARTITION BY m.cluster_id ORDER BY
               CASE m.date_precision WHEN 'day' THEN 0 WHEN 'week' THEN 1 WHEN 'month' THEN 2
                    WHEN 'year' THEN 3 ELSE 4 END,
               m.confidence DESC, m.date, m.event_id) AS rank
    FROM event_mentions m
    WHERE m.cluster_id IN (SELECT cluster_id FROM temp.touched_clusters)
)
INSERT INTO events (event_id, source, target, cameo, cameo_root, quad_class, goldstein, plover_type,
    date, date_precision, date_first, date_last, historical, num_mentions, num_sources, num_articles,
    mention_id, evidence, location_name, location_country, location_latitude, location_longitude,
    updated_at)
SELECT r.cluster_id, {SOURCE_KEY.replace("source_", "r.source_")},
       {TARGET_KEY.replace("target_", "r.target_")}, r.cameo, r.cameo_root, r.quad_class,
       s.goldstein, r.plover_type, r.date, r.date_precision, s.first, s.last, s.historical,
       s.mentions, s.sources, s.articles, r.event_id, r.evidence_text, r.location_name,
       r.location_country, r.location_latitude, r.location_longitude, ?
FROM ranked r JOIN temp.cluster_stats s ON s.cluster_id = r.cluster_id WHERE r.rank = 1
"""
TEMP_TABLES = (
    "CREATE TEMP TABLE IF NOT EXISTS touched_clusters (cluster_id TEXT PRIMARY KEY)",
    "CREATE TEMP TABLE IF NOT EXISTS cluster_stats (cluster_id TEXT PRIMARY KEY, goldstein REAL, "
    "first TEXT, last TEXT, historical INTEGER, mentions INTEGER, sources INTEGER, articles INTEGER)",
)


def refresh_clusters(conn: sqlite3.Connection, ids: Iterable[str]) -> None:
    """Recompute the events ``ids`` from their mentions (an event left without mentions is
    deleted). Runs inside the caller's transaction."""
    ids = list(ids)
    if not ids:
        return
    for sql in TEMP_TABLES:
        conn.execute(sql)
    conn.execute("DELETE FROM temp.touched_clusters")
    conn.execute("DELETE FROM temp.cluster_stats")
    conn.executemany("INSERT OR IGNORE INTO temp.touched_clusters VALUES (?)", ((i,) for i in ids))
    conn.execute("DELETE FROM events WHERE event_id IN (SELECT cluster_id FROM temp.touched_clusters)")
    conn.execute(STATS_SQL)
    conn.execute(REFRESH_SQL, (datetime.now(UTC).isoformat(timespec="seconds"),))
    conn.execute("DELETE FROM temp.touched_clusters")
    conn.execute("DELETE FROM temp.cluster_stats")

