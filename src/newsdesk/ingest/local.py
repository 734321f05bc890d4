"""The ingest runner: work items → worker processes → one transaction per batch in the store.

Crash safety comes from the shape of the work, not from a journal: each batch is written in
one transaction, articles are keyed by unique constraints, and a re-run skips every page
whose text is already stored. A run killed at any moment (even ``kill -9``) loses at most
the batches in flight, and running it again completes them without duplicating anything.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass, field

from newsdesk.ingest import chunk_size
from newsdesk.ingest.sources import Item
from newsdesk.ingest.worker import BatchResult, Failed, Known, Parsed, init, process_batch
from newsdesk.pipeline import BATCH_SIZE
from newsdesk.store import Store
from newsdesk.store.backend import Backend, retryable
from newsdesk.store.text import now
from newsdesk.store.writer import Record, Status, record_error, write_records

# Batches queued per worker beyond the one it is working on: enough to keep every worker
# busy while the main process writes, few enough to keep memory flat on huge inputs.
_QUEUED_PER_WORKER = 2
# Writes of one batch before a deadlock counts as a failure: two overlapping ingests into one
# PostgreSQL store lost 7 of 100 pages to deadlocks when each was tried once; a second and third
# try, out of step with the other writer, is what PostgreSQL's manual recommends.
BATCH_ATTEMPTS = 4


@dataclass(kw_only=True)
class StoreCounts:
    """What a run stored (articles added, revised, unchanged, failed), its workers' peak memory
    and its start: shared by an ingest run and a watch pass, which adds up the runs it makes."""

    added: int = 0
    revised: int = 0
    unchanged: int = 0
    failed: int = 0
    peak_rss_mb: float = 0.0
    started: float = field(default_factory=time.monotonic)

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def absorb(self, other: StoreCounts) -> None:
        """Add another run's counts to these (memory: the higher peak)."""
        self.added += other.added
        self.revised += other.revised
        self.unchanged += other.unchanged
        self.failed += other.failed
        self.peak_rss_mb = max(self.peak_rss_mb, other.peak_rss_mb)


@dataclass(kw_only=True)
class RunStats(StoreCounts):
    """Counts of one ingest run, updated after every batch."""

    inputs: int
    workers: int
    done: int = 0

    @property
    def rate(self) -> float:
        """Inputs processed per second of wall-clock time."""
        return self.done / self.elapsed if self.elapsed > 0 else 0.0


ErrorHook = Callable[[str, str], None]
ProgressHook = Callable[[RunStats], None]
Outcome = Parsed | Failed | Known
# Called for every outcome inside the transaction that writes it (status None: nothing stored),
# so what a subscriber records (a watched URL seen, an alert's match) commits with the article.
WrittenHook = Callable[[Backend, Outcome, Status | None], None]


def default_workers() -> int:
    """All the cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def run(
    store: Store,
    items: list[Item],
    *,
    workers: int | None = None,
    batch_size: int = BATCH_SIZE,
    on_error: ErrorHook | None = None,
    on_progress: ProgressHook | None = None,
    on_written: WrittenHook | None = None,
    known: set[tuple[str, str]] | None = None,
) -> RunStats:
    """Ingest ``items`` into ``store``; returns the run's counts (also kept in ``ingest_runs``).
    ``known``: the stored revisions to skip before NLP, when the caller knows better than all of them."""
    workers = max(1, workers or default_workers())
    stats = RunStats(inputs=len(items), workers=workers)
    run_id = start_run(store, stats)
    size = chunk_size(len(items), workers, batch_size)
    batches = [items[i : i + size] for i in range(0, len(items), size)]
    known = store.known_revisions() if known is None else known
    results = _parallel(batches, known, workers) if workers > 1 and len(batches) > 1 else _serial(batches, known)
    for result in results:
        write_batch(store, result, stats, on_error, on_written)
        if on_progress:
            on_progress(stats)
    finish_run(store, run_id, stats)
    return stats


def _serial(batches: list[list[Item]], known: set[tuple[str, str]]) -> Iterator[BatchResult]:
    init(known, load_model=True)
    for batch in batches:
        yield process_batch(batch)


def _parallel(batches: list[list[Item]], known: set[tuple[str, str]], workers: int) -> Iterator[BatchResult]:
    """Results as workers finish them, with a bounded number of batches in flight."""
    # spawn, not fork: the main process may hold threads (progress display) and open connections.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=init, initargs=(known, True)) as pool:
        pending: set[Future[BatchResult]] = set()
        queue = iter(batches)
        limit = workers * (1 + _QUEUED_PER_WORKER)
        while True:
            with _workers_keep_sigint_away():  # the first round starts the worker processes
                for batch in queue:
                    pending.add(pool.submit(process_batch, batch))
                    if len(pending) >= limit:
                        break
            if not pending:
                return
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                yield future.result()


@contextmanager
def _workers_keep_sigint_away() -> Iterator[None]:
    """Processes started inside ignore SIGINT: an ignored signal stays ignored across exec, and
    Python then installs no KeyboardInterrupt handler. A terminal's Ctrl-C reaches the whole
    process group; the main process alone decides what it means (the watch finishes the pages in
    hand, ingest stops), where a worker killed by it would break the pool mid-batch. A Ctrl-C in
    the few milliseconds a process takes to start is lost."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous if previous is not None else signal.default_int_handler)


def write_batch(
    store: Store,
    result: BatchResult,
    stats: RunStats,
    on_error: ErrorHook | None,
    on_written: WrittenHook | None = None,
) -> None:
    """One transaction for the whole batch; a record the store rejects fails alone. A batch that
    loses a deadlock to another writer (two ingests into one PostgreSQL store) is rolled back and
    written again, not failed. The cluster runner (:mod:`newsdesk.ingest.cluster`) writes through
    here too, so both behave the same."""
    for attempt in range(1, BATCH_ATTEMPTS + 1):
        try:
            written = _write_once(store, result, on_written, last_try=attempt == BATCH_ATTEMPTS)
            break
        except _Contended:
            time.sleep(random.uniform(0.05, 0.25) * attempt)  # out of step with the other writer
    stats.done += len(result.outcomes)
    stats.added += written.counts[Status.added]
    stats.revised += written.counts[Status.revised]
    stats.unchanged += written.counts[Status.unchanged]
    stats.failed += len(written.failures)
    stats.peak_rss_mb = max(stats.peak_rss_mb, result.peak_rss_mb)
    for source, reason in written.failures:
        if on_error:
            on_error(source, reason)


@dataclass
class _Written:
    """What one attempt at writing a batch did."""

    counts: dict[Status, int]
    failures: list[tuple[str, str]]


class _Contended(Exception):
    """The database chose this transaction as a deadlock's victim: write the batch again."""


def _write_once(store: Store, result: BatchResult, on_written: WrittenHook | None, *, last_try: bool) -> _Written:
    """One attempt; on the last one a lost deadlock fails its page instead of the batch."""
    written = _Written({status: 0 for status in Status}, [])
    with store.db.transaction():
        stored = iter(_store_all(store, [o for o in result.outcomes if isinstance(o, Parsed)], retry=not last_try))
        for outcome in result.outcomes:
            status: Status | None = None
            if isinstance(outcome, Known):
                status = Status.unchanged
            elif isinstance(outcome, Failed):
                written.failures.append((outcome.source, outcome.reason))
                record_error(store.db, outcome.source, outcome.reason)
            elif isinstance(stored_as := next(stored), Status):
                status = stored_as
            else:
                written.failures.append((outcome.source, stored_as))
                record_error(store.db, outcome.source, stored_as)
            if status is not None:
                written.counts[status] += 1
            if on_written:
                on_written(store.db, outcome, status)
    return written


def _store_all(store: Store, parsed: list[Parsed], *, retry: bool) -> list[Status | str]:
    """What storing each record did (a status, or why the store refused it): the batch in one go;
    when the store refuses it, record by record, so that a refused record fails alone."""
    records = [Record(p.article, p.content_hash, p.signature) for p in parsed]
    try:
        with store.db.savepoint("batch"):
            return list(write_records(store.db, records))
    except Exception as exc:  # a database refusal (size, encoding) of one record, not of the batch
        if retry and retryable(exc):
            raise _Contended from exc
        if os.environ.get("NEWSDESK_DEBUG"):
            raise
    return [_store_one(store, record, retry=retry) for record in records]


def _store_one(store: Store, record: Record, *, retry: bool) -> Status | str:
    try:
        with store.db.savepoint("article"):
            return write_records(store.db, [record])[0]
    except Exception as exc:
        if retry and retryable(exc):
            raise _Contended from exc
        return f"could not store: {type(exc).__name__}: {' '.join(str(exc).split())[:200]}"


def start_run(store: Store, stats: RunStats) -> int:
    """The run's row in ``ingest_runs``; its counts are filled in by :func:`finish_run`."""
    with store.db.transaction():
        row = store.db.query_one(
            "INSERT INTO ingest_runs (started_at, workers, inputs, added, revised, unchanged, failed) "
            "VALUES (?, ?, ?, 0, 0, 0, 0) RETURNING id",
            (now(), stats.workers, stats.inputs),
        )
    assert row is not None
    return int(row["id"])


def finish_run(store: Store, run_id: int, stats: RunStats) -> None:
    """Final counts; ``inputs`` too, as the cluster runner learns a WARC file's page count on the way."""
    with store.db.transaction():
        store.db.execute(
            "UPDATE ingest_runs SET finished_at = ?, inputs = ?, added = ?, revised = ?, unchanged = ?, failed = ? "
            "WHERE id = ?",
            (now(), stats.inputs, stats.added, stats.revised, stats.unchanged, stats.failed, run_id),
        )
