"""Ingest throughput on a two-worker Dask LocalCluster against the local two-worker ingest, same texts.

Usage: ``.venv/bin/python bench/bench_cluster.py [--copies 3] [--workers 2] [--postgres URL] [--cache DIR]``

Corpus: the Lee corpus of ABC news (gensim's test data, fetched at run time with ``pip download`` by
bench_ingest.py's loader into a cache directory, never committed), grouped into ~700-word texts and
repeated ``--copies`` times under different URLs, in one JSONL file. Every figure is measured in this run:

- local ingest (``newsdesk ingest --workers N``) and cluster ingest (``--cluster local --workers N``) into
  fresh SQLite stores; throughput in steady state (first stored batch to last, so worker start-up and
  model loading are reported apart) and over the whole run;
- the store writer alone (the cluster run's batches written again into an empty store, with no worker
  competing for the CPU), on SQLite and (with ``--postgres``) PostgreSQL, and from it the number of
  workers one writing client keeps up with: a worker's seconds per article divided by the writer's.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import newsdesk.cluster.runner as runner
from bench_ingest import lee_texts
from newsdesk.store import Store
from newsdesk.store.ingest import ErrorHook, RunStats, write_batch
from newsdesk.store.sources import Item, collect
from newsdesk.store.worker import BatchResult


def steady_rate(marks: list[tuple[float, int]]) -> float:
    """Inputs per second from the first stored batch to the last."""
    (t0, d0), (t1, d1) = marks[0], marks[-1]
    return (d1 - d0) / (t1 - t0)


def marker(marks: list[tuple[float, int]]) -> Callable[[RunStats], None]:
    return lambda stats: marks.append((time.perf_counter(), stats.done))


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


def local_run(target: str, items: list[Item], workers: int) -> tuple[RunStats, float, float]:
    from newsdesk.store.ingest import run

    marks: list[tuple[float, int]] = []
    with Store.open(target) as store:
        started = time.perf_counter()
        stats = run(store, items, workers=workers, on_progress=marker(marks))
        return stats, steady_rate(marks), time.perf_counter() - started


def cluster_run(
    target: str, items: list[Item], workers: int
) -> tuple[RunStats, float, float, float, list[BatchResult]]:
    """Stats, steady rate, whole-run seconds (cluster start included), cluster start seconds, the written batches."""
    from newsdesk.cluster import connect, run

    marks: list[tuple[float, int]] = []
    results: list[BatchResult] = []
    started = time.perf_counter()
    with connect(None, workers) as client, Store.open(target) as store, kept_results(results):
        startup = time.perf_counter() - started
        stats = run(store, items, client, batch_size=32, on_progress=marker(marks))
        wall = time.perf_counter() - started
    return stats, steady_rate(marks), wall, startup, results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=3, help="Times the corpus is repeated (distinct URLs).")
    parser.add_argument("--workers", type=int, default=2)
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

    local, local_steady, local_wall = local_run(str(work / "local.db"), items, args.workers)
    print(
        f"local ingest:   {local_steady:.2f} articles/s steady, {len(items) / local_wall:.2f} whole run "
        f"({local_wall:.1f} s), added {local.added}, failed {local.failed}, "
        f"peak worker memory {local.peak_rss_mb:.0f} MB"
    )
    stats, steady, wall, startup, results = cluster_run(str(work / "cluster.db"), items, args.workers)
    print(
        f"cluster ingest: {steady:.2f} articles/s steady, {len(items) / wall:.2f} whole run ({wall:.1f} s, of which "
        f"{startup:.1f} s starting the cluster), added {stats.added}, failed {stats.failed}, "
        f"peak worker memory {stats.peak_rss_mb:.0f} MB"
    )
    print(f"ratio cluster / local, steady state: {steady / local_steady:.2f}; whole run: {local_wall / wall:.2f}")
    per_worker = args.workers / steady
    print(
        f"a worker needs {per_worker * 1000:.0f} ms per article (steady state, {args.workers} workers on this machine)"
    )
    stores = [("SQLite", str(work / "replay.db"))] + ([("PostgreSQL", args.postgres)] if args.postgres else [])
    for name, target in stores:
        write_s = replay(target, results)
        print(
            f"writer alone on {name}: {write_s * 1000:.1f} ms per article, so one writing client keeps up with "
            f"about {per_worker / write_s:.0f} such workers"
        )


if __name__ == "__main__":
    main()
