"""Throughput benchmark: the full `detente code` batch against bare spaCy on the same texts.

    python benchmarks/throughput.py [--n 300] [--processes P] [--repeats 3]

Codes N articles from the Guardian sample in ../shared (249 real articles, repeated to N) with
the whole batch (ingest from JSONL, parse, actors, events, SQLite store) and, in the same run,
times the bare spaCy pipeline (same model, same worker processes and chunking, parse only).
Each measurement runs in a fresh subprocess so that its peak RSS is its own. Prints medians.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import multiprocessing
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections import deque
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpora" / \
    "guardian_syria_2017-2019" / "Guardian_SDF_sample.csv.zip"


def load_texts(n: int, corpus: Path) -> list[str]:
    with zipfile.ZipFile(corpus) as zf:
        name = next(x for x in zf.namelist() if x.endswith(".csv"))
        raw = zf.read(name).decode("utf-8", "replace")
    csv.field_size_limit(1 << 26)
    rows = list(csv.DictReader(io.StringIO(raw)))
    column = next(c for c in ("text", "body", "content", "article") if c in rows[0])
    texts = [r[column] for r in rows if r[column] and r[column].strip()]
    return [texts[i % len(texts)] for i in range(n)]


def _bare_init(model: str) -> None:
    import spacy

    global _NLP
    _NLP = spacy.load(model)


def _bare_chunk(texts: list[str]) -> int:
    return sum(len(doc) for doc in _NLP.pipe(texts, batch_size=32))


def run_bare(texts: list[str], processes: int, chunk: int) -> None:
    """Parse only, with the same spawn-pool and chunking scheme as detente.batch."""
    from detente.config import DEFAULT_MODEL

    if processes <= 1:
        _bare_init(DEFAULT_MODEL)
        _bare_chunk(texts)
        return
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(processes, initializer=_bare_init, initargs=(DEFAULT_MODEL,)) as pool:
        pending: deque = deque()
        for i in range(0, len(texts), chunk):
            pending.append(pool.apply_async(_bare_chunk, (texts[i : i + chunk],)))
            while len(pending) > 2 * processes or (pending and pending[0].ready()):
                pending.popleft().get()
        while pending:
            pending.popleft().get()


def run_full(texts: list[str], processes: int, chunk: int) -> None:
    """The whole `detente code` job: JSONL ingest -> code -> SQLite."""
    from detente.batch import BatchOptions, code_batch
    from detente.store import EventStore

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.jsonl"
        with src.open("w", encoding="utf-8") as fh:
            for i, t in enumerate(texts):
                fh.write(json.dumps({"id": f"a{i}", "text": t, "date": "2019-01-01"}) + "\n")
        with EventStore(Path(tmp) / "bench.sqlite") as store:
            code_batch([str(src)], store, options=BatchOptions(processes=processes, chunk_size=chunk))


def single(kind: str, n: int, processes: int, chunk: int, corpus: Path) -> None:
    texts = load_texts(n, corpus)
    start = time.perf_counter()
    (run_full if kind == "full" else run_bare)(texts, processes, chunk)
    seconds = time.perf_counter() - start
    rss = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
              resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    print(json.dumps({"seconds": seconds, "words": sum(len(t.split()) for t in texts),
                      "rss_mb": rss / 1024}))


def measure(kind: str, args: argparse.Namespace) -> dict[str, float]:
    cmd = [sys.executable, __file__, "--single", kind, "--n", str(args.n), "--processes",
           str(args.processes), "--chunk", str(args.chunk), "--corpus", str(args.corpus)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    from detente.batch import default_processes

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--n", type=int, default=300, help="articles per measurement")
    ap.add_argument("--processes", type=int, default=default_processes())
    ap.add_argument("--chunk", type=int, default=8)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--single", choices=("full", "bare"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.single:
        single(args.single, args.n, args.processes, args.chunk, args.corpus)
        return
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus} (needs ../shared); nothing measured")
        return
    runs: dict[str, list[dict[str, float]]] = {"bare": [], "full": []}
    for _ in range(args.repeats):  # interleave so drift affects both equally
        for kind in ("bare", "full"):
            runs[kind].append(measure(kind, args))
    words = runs["full"][0]["words"]
    print(f"articles: {args.n}  words: {int(words)}  processes: {args.processes}  "
          f"repeats: {args.repeats} (medians)")
    med = {}
    for kind in ("bare", "full"):
        secs = statistics.median(r["seconds"] for r in runs[kind])
        rss = statistics.median(r["rss_mb"] for r in runs[kind])
        med[kind] = secs
        print(f"{kind:5s} spaCy-only={kind == 'bare'!s:5s}  {args.n / secs:7.2f} articles/s  "
              f"{words / secs:9.0f} words/s  peak RSS/process {rss:6.0f} MB  ({secs:.1f} s)")
    print(f"ratio full/bare throughput: {med['bare'] / med['full']:.3f}")


if __name__ == "__main__":
    main()
