"""Batch coding: ingest -> skip already coded -> code on all cores -> store.

Workers each build their own :class:`Coder` (spawned processes); the parent only reads input and
writes to SQLite, one transaction per article, so an interrupted batch loses nothing committed.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from multiprocessing.pool import AsyncResult

from detente.clusters import ClusterOptions, ClusterSummary
from detente.config import Config
from detente.ingest import IngestOptions, read_articles
from detente.model import Article, CodedArticle, Failure, Severity
from detente.pipeline import Coder, coder_version
from detente.store import EventStore, RunSummary

log = logging.getLogger(__name__)

_WORKER: dict[str, Coder] = {}  # per-process coder of a spawned worker (never used in the parent)


def default_processes() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def _init_worker(config: Config) -> None:
    _WORKER["coder"] = Coder(config)


def _code_chunk(articles: list[Article]) -> list[CodedArticle]:
    return list(_WORKER["coder"].code_many(articles))


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def code_parallel(articles: Iterable[Article], config: Config, processes: int,
                  chunk_size: int = 8) -> Iterator[CodedArticle]:  # fmt: skip
    """Code articles on ``processes`` worker processes, yielding results in input order.

    The input iterable is consumed in the calling thread, a few chunks ahead of the results.
    """
    if processes <= 1:
        yield from Coder(config).code_many(articles)
        return
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(processes, initializer=_init_worker, initargs=(config,)) as pool:
        in_flight: deque[AsyncResult[list[CodedArticle]]] = deque()
        for chunk in _chunks(articles, chunk_size):
            in_flight.append(pool.apply_async(_code_chunk, (chunk,)))
            while len(in_flight) > 2 * processes or (in_flight and in_flight[0].ready()):
                yield from in_flight.popleft().get()
        while in_flight:
            yield from in_flight.popleft().get()


@dataclass
class BatchResult:
    run_id: int
    coded: int = 0
    skipped: int = 0
    events: int = 0
    failures: list[Failure] = field(default_factory=list)
    clusters: ClusterSummary | None = None

    @property
    def errors(self) -> int:
        return sum(1 for f in self.failures if f.severity is Severity.ERROR)


@dataclass(frozen=True)
class BatchOptions:
    processes: int = 0  # 0 = all cores
    chunk_size: int = 8
    ingest: IngestOptions = IngestOptions()
    cluster: ClusterOptions | None = ClusterOptions()  # None: leave new mentions unclustered


def code_batch(inputs: Sequence[str], store: EventStore, config: Config | None = None,
               options: BatchOptions | None = None,
               on_failure: Callable[[Failure], None] | None = None,
               on_article: Callable[[CodedArticle], None] | None = None) -> BatchResult:  # fmt: skip
    """Code every article of ``inputs`` into ``store``; failures are recorded, never raised."""
    config = config or Config()
    opts = options or BatchOptions()
    version = coder_version(config)
    result = BatchResult(run_id=store.start_run(version, inputs))

    def pending() -> Iterator[Article]:
        for item in read_articles(inputs, opts.ingest):
            if isinstance(item, Failure):
                result.failures.append(item)
                store.record_failure(item, result.run_id)
                if on_failure:
                    on_failure(item)
            elif store.is_coded(item.id, item.text_hash, version):
                result.skipped += 1
            else:
                yield item

    status = "interrupted"
    try:
        processes = opts.processes or default_processes()
        for coded in code_parallel(pending(), config, processes, opts.chunk_size):
            store.write_article(coded, result.run_id)
            result.coded += 1
            result.events += len(coded.events)
            if on_article:
                on_article(coded)
        if opts.cluster is not None:
            result.clusters = store.cluster(opts.cluster)
        status = "finished"
    finally:
        store.finish_run(RunSummary(result.run_id, result.coded, result.skipped,
                                    len(result.failures)), status)  # fmt: skip
    return result
