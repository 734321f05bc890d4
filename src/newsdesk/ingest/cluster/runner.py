"""The client half of ``newsdesk ingest --cluster local|--scheduler ADDRESS``: plan, submit, write.

The client enumerates the inputs (paths and offsets, as the local ingest does), sends them to the
workers in chunks with a bounded number in flight, and is the only process that writes to the store,
through the same :func:`newsdesk.ingest.local.write_batch` as the local ingest: one transaction per
chunk, so idempotency, revisions, story grouping, the errors table and crash safety are the local
ingest's. A chunk whose task fails is retried by Dask, then split into single inputs so one poisonous
page (one that kills its worker every time) ends in the errors table and the rest are stored.
"""

from __future__ import annotations

import itertools
import uuid
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from newsdesk.ingest import chunk_size
from newsdesk.ingest.cluster.chunks import Chunk, Items, KnownRevisions, WarcPages, plan
from newsdesk.ingest.cluster.tasks import ChunkResult, LoadModel, process_chunk, unreadable
from newsdesk.ingest.local import ErrorHook, ProgressHook, RunStats, WrittenHook, finish_run, start_run, write_batch
from newsdesk.ingest.sources import Item
from newsdesk.ingest.worker import BatchResult, Failed
from newsdesk.store import Store

if TYPE_CHECKING:
    from distributed import Client, Future

# Chunks in flight per worker thread: one running and one waiting, so a worker starts its next chunk
# while the client fetches and writes the last one; more only grows worker memory and resubmission work.
WINDOW_PER_THREAD = 2
# Dask re-runs a chunk whose task raised once (another worker may succeed: a full disk, a lost file
# handle); a chunk whose worker died is re-run by the scheduler up to its allowed-failures (3).
RETRIES = 1
# Times a chunk is redone when the workers holding the run's stored revisions all died (the scheduler's own
# allowed-failures for a killed worker is 3 too), before it is split or its input recorded as failed.
RETRIES_AFTER_LOSS = 3
WORKER_DIED = "the Dask worker processing it died (killed, crashed or out of memory) on every try"
# Seconds to wait for an existing cluster to answer (Dask's own connect timeout) and to have a worker.
CONNECT_TIMEOUT = 30
# Input folders sampled to check that the workers see the client's paths.
_VISIBILITY_SAMPLE = 20


class ClusterError(Exception):
    """The cluster cannot run this ingest: unreachable, no worker, model or inputs missing on the workers."""


@contextmanager
def connect(scheduler: str | None, workers: int) -> Iterator[Client]:
    """A client of the cluster at ``scheduler``, or of a new local cluster of ``workers`` processes."""
    import dask
    from distributed import Client, LocalCluster

    if scheduler is None:
        # One single-threaded process per core: spaCy holds the GIL for most of its work. Everything on
        # loopback; the scheduler's HTTP server on a free port, so two local runs never compete for 8787.
        # No worker profiler: it samples the compute thread every 10 ms for a dashboard nobody opens here;
        # worker CPU per article was 1.22x the local ingest's with it, 1.07x without (bench/bench_cluster.py
        # --copies 1 --rounds 2: 76 Lee corpus texts, 2 workers).
        with (
            dask.config.set({"distributed.worker.profile.enabled": False}),
            LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address="127.0.0.1:0",
            ) as cluster,
            Client(cluster) as client,
        ):
            yield client
        return
    try:
        client = Client(scheduler, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClusterError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    with client:
        try:
            client.wait_for_workers(1, timeout=CONNECT_TIMEOUT)
        except TimeoutError:
            raise ClusterError(f"the Dask cluster at {scheduler} has no worker") from None
        yield client


def run(
    store: Store,
    items: list[Item],
    client: Client,
    *,
    batch_size: int,
    on_error: ErrorHook | None = None,
    on_progress: ProgressHook | None = None,
    on_written: WrittenHook | None = None,
) -> RunStats:
    """Ingest ``items`` into ``store`` on ``client``'s cluster; returns the run's counts, as the local ingest
    (``on_written`` hears of each stored input, as in the local ingest: ``-v``)."""
    stats = RunStats(inputs=len(items), workers=_threads(client))
    size = chunk_size(len(items), stats.workers, batch_size)
    chunks = plan(items, size, warc_batch_size=batch_size)
    _check_visible(client, chunks)
    try:
        client.register_plugin(LoadModel())
    except Exception as exc:
        raise ClusterError(f"the Dask workers cannot load the spaCy pipeline: {type(exc).__name__}: {exc}") from None
    known = KnownRevisions(store.known_revisions())
    run_id = start_run(store, stats)
    flow = _Flow(client, deque(chunks), known, stats)
    for batch in flow.results():
        if batch.outcomes:
            write_batch(store, batch, stats, on_error, on_written)
        if on_progress:
            on_progress(stats)
    finish_run(store, run_id, stats)
    return stats


class _Flow:
    """Chunks submitted with a bounded window, and their outcomes as they complete."""

    def __init__(self, client: Client, queue: deque[Chunk], known: KnownRevisions, stats: RunStats) -> None:
        from distributed import as_completed

        self.client, self.queue, self.known, self.stats = client, queue, known, stats
        self.known_future = self._send_known()
        self.token = uuid.uuid4().hex[:12]
        self.numbers = itertools.count()
        self.in_flight: dict[Future[ChunkResult], tuple[Chunk, Future[KnownRevisions]]] = {}
        self.completed = as_completed()
        self.lost: dict[Chunk, int] = {}

    def results(self) -> Iterator[BatchResult]:
        self._refill()
        for future in self.completed:
            chunk, known = self.in_flight.pop(future)
            batch = self._outcome(future, chunk, known)
            future.release()
            self._refill()
            yield batch

    def _send_known(self) -> Future[KnownRevisions]:
        """The stored revisions, copied to every worker once (a worker that joins later fetches them from a peer)."""
        future: Future[KnownRevisions] = self.client.scatter(self.known, broadcast=True, hash=False)
        return future

    def _refill(self) -> None:
        limit = WINDOW_PER_THREAD * max(1, _threads(self.client))
        while self.queue and len(self.in_flight) < limit:
            chunk = self.queue.popleft()
            key = f"newsdesk-ingest-{self.token}-{next(self.numbers)}"
            future = self.client.submit(process_chunk, chunk, self.known_future, key=key, retries=RETRIES)
            self.in_flight[future] = (chunk, self.known_future)
            self.completed.add(future)

    def _outcome(self, future: Future[ChunkResult], chunk: Chunk, known: Future[KnownRevisions]) -> BatchResult:
        """What to write for a completed chunk; queues a WARC file's pages, or a failed chunk's inputs one by one."""
        if future.status == "finished":
            result: ChunkResult = future.result()
            if result.more:
                self.queue.extendleft(reversed(result.more))
                self.stats.inputs += sum(more.size for more in result.more) - chunk.size
            return result.batch
        if future.status == "cancelled":
            if known.status == "finished":
                raise ClusterError(
                    "the Dask cluster cancelled the work (scheduler lost?); stored chunks are kept: run again"
                )
            # Every worker holding the stored revisions died at once (a one-worker cluster whose worker died):
            # send them again and redo the chunk, as the scheduler would redo it had the data survived.
            if self.known_future.status != "finished":
                self.known_future = self._send_known()
            self.lost[chunk] = self.lost.get(chunk, 0) + 1
            if self.lost[chunk] <= RETRIES_AFTER_LOSS:
                self.queue.appendleft(chunk)
                return BatchResult()
            return self._failed(chunk, WORKER_DIED)
        return self._failed(chunk, failure_reason(future.exception()))

    def _failed(self, chunk: Chunk, reason: str) -> BatchResult:
        """A chunk Dask gave up on: its inputs again one by one, or — a single input — an error to record."""
        if chunk.size > 1:
            self.queue.extendleft(reversed(chunk.split()))
            return BatchResult()
        return BatchResult([Failed(source, reason) for source in sources(chunk)])


def failure_reason(exc: BaseException | None) -> str:
    """A stable reason (the errors table counts attempts per input and reason), for a chunk of one input."""
    from distributed.scheduler import KilledWorker

    if isinstance(exc, KilledWorker):
        return WORKER_DIED
    first = (str(exc).splitlines() or [""])[0]
    return f"internal error on a Dask worker: {type(exc).__name__}: {first}"[:300]


def sources(chunk: Chunk) -> list[str]:
    """The input names a chunk stands for, as the errors table records them."""
    if isinstance(chunk, Items):
        return [item.source for item in chunk.items]
    if isinstance(chunk, WarcPages):
        return [chunk.source(url) for _, url in chunk.pages]
    return [chunk.name]


def _threads(client: Client) -> int:
    return sum(client.nthreads().values())


def _check_visible(client: Client, chunks: list[Chunk]) -> None:
    """Fail early, with the reason, when the workers cannot read the inputs the client can (a remote cluster
    without the shared storage, or stdin spooled to the client's own disk); missing inputs stay per-input errors."""
    folders: dict[str, str] = {}
    for path in _paths(chunks):
        if Path(path).exists():
            folders.setdefault(str(Path(path).parent), path)
            if len(folders) >= _VISIBILITY_SAMPLE:
                break
    if not folders:
        return
    missing = client.submit(unreadable, list(folders.values()), pure=False).result()
    if missing:
        raise ClusterError(
            f"the Dask workers cannot read {missing[0]}: on a cluster, inputs must be on storage the workers share, "
            "under the same path (or be URLs)"
        )


def _paths(chunks: list[Chunk]) -> Iterator[str]:
    """The (absolute) files the chunks read."""
    for chunk in chunks:
        if isinstance(chunk, Items):
            for item in chunk.items:
                if item.path:
                    yield item.path
                elif item.jsonl:
                    yield item.jsonl[0]
        else:
            yield chunk.path
