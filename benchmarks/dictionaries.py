"""Dictionary loading benchmark: time and memory to load every actor dictionary.

    python benchmarks/dictionaries.py [--repeats 5]

Each measurement runs in a fresh subprocess (so caches in memory do not carry over) and loads
the tokenizer-only spaCy pipeline and the modules (imports are not timed), then every actor
table détente reads (countries, organisations, groups, sub-state and ethnic entities, role
sectors, the people dictionary, the fuzzy-name indexes and the city index, whose compact form
is cached on disk after the first use). The baseline, measured in the same run, loads the tokenizer and
only the country table. Prints medians of wall time and of the added peak memory (Python
allocations by tracemalloc, and the growth of the process's peak RSS).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys

CHILD = r"""
import json, resource, sys, time, tracemalloc
import spacy
nlp = spacy.blank("en")
tok = lambda s: [t.text for t in nlp.tokenizer(s)]
from detente.config import Config
from detente.lexicons import ActorLexicon
from detente.pipeline import load_actor_tables
rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
if sys.argv[2] == "memory":
    tracemalloc.start()  # slows allocation down: timed runs go without it
t0 = time.perf_counter()
if sys.argv[1] == "full":
    tables = load_actor_tables(Config(), tok)
    tables.cities.country_of("Baku")
else:
    ActorLexicon.load(tok)
elapsed = time.perf_counter() - t0
peak = tracemalloc.get_traced_memory()[1]
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss0
print(json.dumps({"s": elapsed, "py_mb": peak / 1e6, "rss_mb": rss / 1024}))
"""


def measure(kind: str) -> dict[str, float]:
    """Wall time and RSS from a plain run, Python allocations from a run under tracemalloc."""
    runs = []
    for mode in ("time", "memory"):
        out = subprocess.run([sys.executable, "-c", CHILD, kind, mode], check=True, capture_output=True,
                             text=True)  # fmt: skip
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    return {"s": runs[0]["s"], "rss_mb": runs[0]["rss_mb"], "py_mb": runs[1]["py_mb"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    runs = {k: [measure(k) for _ in range(args.repeats)] for k in ("baseline", "full")}
    print(f"median of {args.repeats} fresh processes each (targets: <= 1 s, <= 150 MB)")
    for kind, rows in runs.items():
        s, py, rss = (statistics.median(r[f] for r in rows) for f in ("s", "py_mb", "rss_mb"))
        print(f"  {kind:9} load {s:6.3f} s   peak Python allocations {py:7.1f} MB   "
              f"peak RSS growth {rss:7.1f} MB")


if __name__ == "__main__":
    main()
