"""Ingest throughput on a Dask LocalCluster against the local ingest, same workers, same texts.

Usage: ``.venv/bin/python bench/bench_cluster.py [--copies 3] [--workers 2] [--rounds 1] [--postgres URL]``

Corpus: the Lee corpus of ABC news (gensim's test data, fetched at run time with ``pip download`` by
bench_ingest.py's loader into a cache directory, never committed), grouped into ~700-word texts and
repeated ``--copies`` times under different URLs, in one JSONL file. Every figure is measured in this run:

- the local ingest (``newsdesk ingest --workers N``) and the cluster ingest (``--cluster local --workers N``),
  each into a fresh SQLite store, ``--rounds`` times alternately: throughput in steady state (first stored
  batch to last, so start-up and model loading are apart) and over the whole run (cluster start included),
  and CPU seconds per article in the workers and in the client (writer; for the cluster also the scheduler),
  which a shared machine's load distorts less than wall-clock rates;
- the store writer alone: the cluster run's batches written again into an empty store with no worker
  competing for the CPU, on SQLite and (``--postgres``) PostgreSQL, and from it the number of workers one
  writing client keeps up with (a worker's seconds per article divided by the writer's).
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import newsdesk.ingest.cluster.runner as runner
from bench_ingest import lee_texts
from newsdesk.ingest.local import ErrorHook, RunStats, write_batch
from newsdesk.ingest.sources import Item, collect
from newsdesk.ingest.worker import BatchResult
from newsdesk.store import Store

Hook = Callable[[RunStats], None]


@dataclass
class Measured:
    """One ingest run: counts, throughput, and CPU seconds per article in the client and in the workers."""

    stats: RunStats
    steady: float
    wall: float
    first_batch: float
    client_cpu: float
    workers_cpu: float

    def line(self, name: str) -> str:
        return (
            f"{name}: {self.steady:.2f} articles/s steady, {self.stats.done / self.wall:.2f} whole run "
            f"({self.wall:.1f} s, first batch stored after {self.first_batch:.1f} s); CPU per article: workers "
            f"{self.workers_cpu * 1000:.0f} ms, client {self.client_cpu * 1000:.0f} ms; added {self.stats.added}, "
            f"failed {self.stats.failed}, peak worker memory {self.stats.peak_rss_mb:.0f} MB"
        )


def cpu() -> tuple[float, float]:
    """CPU seconds of this process, and of its children that have ended (the workers, once shut down)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def measure(ingest: Callable[[Hook], RunStats]) -> Measured:
    """Runs ``ingest`` (which must shut its workers down before returning) with a progress hook."""
    marks: list[tuple[float, int]] = []
    (own, children), started = cpu(), time.perf_counter()
    stats = ingest(lambda stats: marks.append((time.perf_counter(), stats.done)))
    wall = time.perf_counter() - started
    own_after, children_after = cpu()
    (t0, d0), (t1, d1) = marks[0], marks[-1]
    done = max(1, stats.done)
    return Measured(
        stats, (d1 - d0) / (t1 - t0), wall, t0 - started, (own_after - own) / done, (children_after - children) / done
    )


@contextmanager
def kept_results(results: list[BatchResult]) -> Iterator[None]:
    """Keeps every batch the cluster runner writes, to replay them into other stores afterwards."""
    original = write_batch

    def keep(store: Store, result: BatchResult, stats: RunStats, on_error: ErrorHook | None) -> None:
        results.append(result)
        original(store, result, stats, on_error)

    runner.write_batch = keep  # type: ignore[attr-defined]
    try:
        yield
    finally:
        runner.write_batch = original  # type: ignore[attr-defined]


def local_ingest(target: Path, items: list[Item], workers: int) -> Callable[[Hook], RunStats]:
    from newsdesk.ingest.local import run

    def ingest(hook: Hook) -> RunStats:
        with Store.open(target) as store:
            return run(store, items, workers=workers, on_progress=hook)

    return ingest


def cluster_ingest(
    target: Path, items: list[Item], workers: int, kept: list[BatchResult]
) -> Callable[[Hook], RunStats]:
    from newsdesk.ingest.cluster import connect, run

    def ingest(hook: Hook) -> RunStats:
        with connect(None, workers) as client, Store.open(target) as store, kept_results(kept):
            return run(store, items, client, batch_size=32, on_progress=hook)

    return ingest


def replay(target: str, results: list[BatchResult]) -> float:
    """Seconds per stored article when the writer runs alone (no worker competing for the CPU)."""
    with Store.open(target) as store:
        if store.stats()["articles"]:
            raise SystemExit(f"{target} already holds articles: give an empty database")
        stats = RunStats(inputs=0, workers=0)
        started = time.perf_counter()
        for result in results:
            write_batch(store, result, stats, None)
        return (time.perf_counter() - started) / max(1, stats.added)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=3, help="Times the corpus is repeated (distinct URLs).")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=1, help="Local and cluster runs, alternately, this many times.")
    parser.add_argument("--postgres", help="An empty PostgreSQL database, to measure the writer there too.")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "newsdesk-bench")
    args = parser.parse_args()

    texts = lee_texts(args.cache)
    work = Path(tempfile.mkdtemp(prefix="newsdesk-bench-cluster-"))
    feed = work / "feed.jsonl"
    with feed.open("w", encoding="utf-8") as handle:
        for copy in range(args.copies):
            for number, text in enumerate(texts):
                handle.write(json.dumps({"url": f"https://bench{copy}.example/{number}", "text": text}) + "\n")
    items = collect([str(feed)]).items
    words = sum(len(text.split()) for text in texts) * args.copies
    print(f"corpus: {len(items)} texts, {words} words ({words / len(items):.0f} per text), {args.workers} workers")

    local: list[Measured] = []
    cluster: list[Measured] = []
    kept: list[BatchResult] = []
    for round_ in range(args.rounds):
        local.append(measure(local_ingest(work / f"local{round_}.db", items, args.workers)))
        print(local[-1].line("local ingest  "), flush=True)
        kept.clear()
        cluster.append(measure(cluster_ingest(work / f"cluster{round_}.db", items, args.workers, kept)))
        print(cluster[-1].line("cluster ingest"), flush=True)

    def ratio(value: Callable[[Measured], float]) -> float:
        return statistics.median(map(value, cluster)) / statistics.median(map(value, local))

    print(
        f"ratio cluster / local (medians of {args.rounds} round(s)): steady throughput "
        f"{ratio(lambda m: m.steady):.2f}, whole-run throughput {1 / ratio(lambda m: m.wall):.2f}, "
        f"worker CPU per article {ratio(lambda m: m.workers_cpu):.2f}"
    )
    per_worker = statistics.median(args.workers / m.steady for m in cluster)
    print(f"a cluster worker needs {per_worker * 1000:.0f} ms per article (steady state, on this machine)")
    stores = [("SQLite", str(work / "replay.db"))] + ([("PostgreSQL", args.postgres)] if args.postgres else [])
    for name, target in stores:
        write_s = replay(target, kept)
        print(
            f"writer alone on {name}: {write_s * 1000:.1f} ms per article, so one writing client keeps up with "
            f"about {per_worker / write_s:.0f} such workers"
        )


if __name__ == "__main__":
    main()
