"""Relations benchmark: dyad queries and clustering on a store of 1,000,000 synthetic events.

    python benchmarks/relations.py [--events 1000000] [--new 100000] [--repeats 3] [--db PATH]

Builds an SQLite store (in a temporary folder unless --db is given) holding EVENTS synthetic
event clusters, each backed by one mention, spread over ten years and 60 countries with a skewed
(Zipf-like) choice of dyads. Then measures, quoting medians over the repeats:

- the dyad series of the busiest dyad (SQL on the dyad index into a DataFrame, then
  ``relations.dyad_series``), against a baseline of the same SQL forced to scan the table;
- clustering NEW fresh mentions into the store (each repeat a new batch in another month),
  against a baseline that only reads the pending mentions and marks them clustered;
- peak memory (max RSS) of the process.

Targets (issue #5): dyad series <= 1 s, clustering 100,000 mentions <= 60 s, memory <= 1 GB.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from detente.clusters import cluster_pending
from detente.frames import events_frame
from detente.records import FLAT_COLUMNS
from detente.relations import dyad_series
from detente.store import EventStore

COUNTRIES = ("AZE", "IRN", "ARM", "TUR", "RUS", "USA", "CHN", "UKR", "ISR", "PSE", "SYR", "IRQ", "SAU",
             "EGY", "FRA", "DEU", "GBR", "IND", "PAK", "AFG", "JPN", "KOR", "PRK", "GEO", "KAZ", "UZB",
             "TKM", "LBN", "JOR", "YEM", "QAT", "ARE", "OMN", "KWT", "BHR", "LBY", "SDN", "ETH", "SOM",
             "KEN", "NGA", "MLI", "NER", "TCD", "DZA", "MAR", "TUN", "ITA", "ESP", "POL", "BLR", "MDA",
             "ROU", "HUN", "SRB", "GRC", "CYP", "VEN", "COL", "BRA")  # fmt: skip
CODES = (("010", "01", 0.0, 1), ("036", "03", 4.0, 1), ("042", "04", 1.9, 1), ("057", "05", 8.0, 1),
         ("070", "07", 7.0, 2), ("111", "11", -2.0, 3), ("112", "11", -2.0, 3), ("130", "13", -4.4, 3),
         ("163", "16", -8.0, 4), ("173", "17", -5.0, 4), ("190", "19", -10.0, 4))  # fmt: skip
START = date(2015, 1, 1)
DAYS = 3650
WORDS = ("protest", "talks", "troops", "border", "aid", "sanctions", "envoy", "summit", "strike", "fuel",
         "minister", "statement", "ceasefire", "embassy", "trade", "visit", "warning", "drill")  # fmt: skip


# Zipf-like activity: the k-th country is in the news in proportion to 1/k.
CUM_WEIGHTS = tuple(sum(1 / k for k in range(1, i + 2)) for i in range(len(COUNTRIES)))


def _dyad(rng: random.Random) -> tuple[str, str]:
    a, b = rng.choices(COUNTRIES, cum_weights=CUM_WEIGHTS, k=2)
    return (a, b) if a != b else (a, COUNTRIES[(COUNTRIES.index(a) + 1) % len(COUNTRIES)])


def _mention(rng: random.Random, mid: str, aid: str, day: date, pending: bool) -> tuple[object, ...]:
    src, tgt = _dyad(rng)
    code, root, goldstein, quad = rng.choice(CODES)
    evidence = f"{src} {' '.join(rng.sample(WORDS, 4))} {tgt}"
    row = dict.fromkeys(FLAT_COLUMNS)
    row.update(event_id=mid, article_id=aid, sentence_index=0, sentence=evidence, group="",
               source_text=src, source_code=src, source_country=src, target_text=tgt, target_code=tgt,
               target_country=tgt, cameo=code, cameo_root=root, goldstein=goldstein, quad_class=quad,
               negated=0, hypothetical=0, future=0, date=day.isoformat(), date_precision="day",
               historical=0, evidence_text=evidence, evidence_start=0, evidence_end=len(evidence),
               confidence=0.8, coder_version="bench", trigger="x")  # fmt: skip
    return (*row.values(), None if pending else "ev" + mid, 0 if pending else 1)


def _insert(store: EventStore, rows: list[tuple[object, ...]], n_articles: int, prefix: str) -> None:
    cols = ", ".join(f'"{c}"' for c in (*FLAT_COLUMNS, "cluster_id", "clustered"))
    marks = ", ".join("?" for _ in range(len(FLAT_COLUMNS) + 2))
    conn = store.conn
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO articles VALUES (?,?,NULL,?,?,NULL,'bench','',1,1,'bench',NULL,'now')",
                     ((f"{prefix}{i}", f"h{i}", "2020-01-01", f"outlet{i % 40}") for i in range(n_articles)))
    conn.executemany(f"INSERT INTO event_mentions ({cols}) VALUES ({marks})", rows)
    conn.execute("COMMIT")


def build(store: EventStore, n_events: int, seed: int = 5) -> None:
    """n_events clusters with one mention each (clusters computed from mentions by refresh)."""
    rng = random.Random(seed)
    n_articles = n_events // 5
    chunk = 200_000
    for lo in range(0, n_events, chunk):
        rows = [_mention(rng, f"m{i}", f"a{i % n_articles}", START + timedelta(days=rng.randrange(DAYS)),
                         False) for i in range(lo, min(lo + chunk, n_events))]  # fmt: skip
        _insert(store, rows, n_articles if lo == 0 else 0, "a")
    conn = store.conn
    conn.execute("BEGIN")
    conn.execute(
        "INSERT INTO events SELECT cluster_id, source_country, target_country, cameo, cameo_root, "
        "quad_class, goldstein, NULL, date, 'day', date, date, 0, 1, 1, 1, event_id, evidence_text, "
        "NULL, NULL, NULL, NULL, 'now' FROM event_mentions"
    )  # same columns as clusters.REFRESH_SQL produces for one-mention clusters
    conn.execute("COMMIT")
    conn.execute("ANALYZE")


def busiest_dyad(store: EventStore) -> tuple[str, str, int]:
    row = store.conn.execute("SELECT source, target, COUNT(*) n FROM events GROUP BY source, target "
                             "ORDER BY n DESC LIMIT 1").fetchone()  # fmt: skip
    return row[0], row[1], row[2]


def time_dyad(store: EventStore, a: str, b: str, repeats: int) -> tuple[float, float, int]:
    fast, slow = [], []
    n = 0
    for _ in range(repeats):
        t0 = time.perf_counter()
        frame = events_frame(store, dyad=(a, b), evidence=False)
        series = dyad_series(frame, a, b, freq="month")
        fast.append(time.perf_counter() - t0)
        n = int(series["events"].sum())
        t0 = time.perf_counter()
        store.conn.execute("SELECT * FROM events NOT INDEXED WHERE (source=? AND target=?) OR "
                           "(source=? AND target=?)", (a, b, b, a)).fetchall()  # fmt: skip
        slow.append(time.perf_counter() - t0)  # the same rows read by a full scan, without pandas
    return statistics.median(fast), statistics.median(slow), n


def time_clustering(store: EventStore, n_new: int, repeats: int) -> tuple[float, float, int]:
    rng = random.Random(11)
    runs, floors = [], []
    new_events = 0
    for r in range(repeats):
        month = START + timedelta(days=400 + 365 * r)
        rows = [_mention(rng, f"n{r}_{i}", f"b{r}_{i % (n_new // 5)}",
                         month + timedelta(days=rng.randrange(30)), True) for i in range(n_new)]  # fmt: skip
        _insert(store, rows, n_new // 5, f"b{r}_")
        t0 = time.perf_counter()
        summary = cluster_pending(store.conn)
        runs.append(time.perf_counter() - t0)
        new_events = summary.new_events
        store.conn.execute(f"UPDATE event_mentions SET clustered = 0 WHERE event_id LIKE 'n{r}_%'")
        t0 = time.perf_counter()
        pending = store.conn.execute("SELECT * FROM event_mentions WHERE clustered = 0").fetchall()
        store.conn.executemany("UPDATE event_mentions SET clustered = 1 WHERE event_id = ?",
                               ((p["event_id"],) for p in pending))  # fmt: skip
        floors.append(time.perf_counter() - t0)
    return statistics.median(runs), statistics.median(floors), new_events


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--new", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--db", type=Path, default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / "bench.sqlite"
        with EventStore(path) as store:
            t0 = time.perf_counter()
            if store.counts()["events"] == 0:
                build(store, args.events)
            print(f"store: {store.counts()['events']:,} events ({time.perf_counter() - t0:.1f} s to build), "
                  f"{path.stat().st_size / 1e6:.0f} MB")
            a, b, n = busiest_dyad(store)
            fast, slow, counted = time_dyad(store, a, b, args.repeats)
            print(f"dyad series {a}-{b} ({counted:,} events both ways, {n:,} {a}->{b}): median {fast:.3f} s; "
                  f"baseline full-scan SQL alone {slow:.3f} s  [target <= 1 s]")
            run, floor, new = time_clustering(store, args.new, args.repeats)
            print(f"clustering {args.new:,} new mentions: median {run:.1f} s ({args.new / run:,.0f}/s, "
                  f"{new:,} new events in the last batch); baseline read + mark only {floor:.1f} s  "
                  f"[target <= 60 s]")
            print(f"peak memory (max RSS): {rss_mb():.0f} MB  [target <= 1024 MB]")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
