"""Stage cost benchmark: time of the actor stage and of the event stage, relative to parsing.

    python benchmarks/stages.py [--n 100] [--repeats 5]

Parses N Guardian articles (../shared) once with the coder's spaCy pipeline, timing the parse,
then runs the actor stage (mention finding, fuzzy/city fallbacks, resolution and coreference of
every noun) and the event stage over the same parsed documents, in one process. Prints the
median of each over the repeats and the stage/parse ratios.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import CORPUS, load_texts  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus} (needs ../shared); nothing measured")
        return
    from detente.events import ArticleContext
    from detente.pipeline import Coder, load_actor_tables

    coder = Coder()
    texts = load_texts(args.n, args.corpus)
    parse, actors, events = [], [], []
    tokenizer = coder.nlp.tokenizer
    for _ in range(args.repeats):
        # fresh tables: the fuzzy-name memos must not make later repeats look cheaper
        coder.actors = load_actor_tables(coder.config, lambda s: [t.text for t in tokenizer(s)])
        coder.sectors = coder.actors.sectors
        if coder.actors.cities is not None:  # lazy parts of loading, not of coding
            coder.actors.cities.country_of("Paris")
            coder.actors.cities.fuzzy_country("Pariss", coder.config.fuzzy_threshold)
        t0 = time.perf_counter()
        docs = list(coder.nlp.pipe(texts, batch_size=32))
        t1 = time.perf_counter()
        staged = [list(coder.actor_stage(doc)) for doc in docs]
        t2 = time.perf_counter()
        ctx = ArticleContext("bench", None, coder.version)
        n_events = 0
        for doc, resolvers in zip(docs, staged, strict=True):
            for sent, resolver in zip(doc.sents, resolvers, strict=True):
                n_events += len(coder.events.code_sentence(sent, resolver.sentence, resolver, ctx))
        t3 = time.perf_counter()
        parse.append(t1 - t0)
        actors.append(t2 - t1)
        events.append(t3 - t2)
    p, a, e = (statistics.median(x) for x in (parse, actors, events))
    print(f"{args.n} articles x {args.repeats} repeats (medians), {n_events} events per pass")
    print(f"  spaCy parse   {p:8.3f} s")
    print(f"  actor stage   {a:8.3f} s   {100 * a / p:5.1f}% of parse (target <= 10%)")
    print(f"  event stage   {e:8.3f} s   {100 * e / p:5.1f}% of parse (target <= 15%)")


if __name__ == "__main__":
    main()
