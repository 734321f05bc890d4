"""Extraction for the desk ("try it", ``POST /api/extract``) in a worker process, never in the server.

A page pasted into the desk is untrusted input. Extracted in one of the server's threads, a
page that makes a stage run for minutes would hold that thread, and the CPU, and the per-
article time budget (:mod:`newsdesk.budget`, SIGALRM) cannot work in a thread. So pages go
to a small pool of worker processes, each with the model loaded once: there the budget
applies, the server's threads only wait, and a worker still busy past the request's deadline
is killed and replaced. At most ``workers + queue`` extractions are admitted at once; the next
one is told the desk is busy (503) instead of queueing behind them.
"""

from __future__ import annotations

import multiprocessing
import threading
from multiprocessing.pool import Pool
from typing import Any

from newsdesk.budget import time_budget
from newsdesk.errors import InputError
from newsdesk.read import InputFormatOption

# Worker processes and waiting requests: each worker holds a spaCy model (~400 MB) and a core; a
# desk is read far more than it is asked to extract, so one worker and a short queue are enough.
WORKERS = 1
QUEUE = 3


class Busy(Exception):
    """Every worker is taken and the queue is full, or the page ran past its deadline."""


def _load() -> None:
    """A worker's start-up: the model, once (every Pipeline in the process shares it)."""
    from newsdesk.pipeline import Pipeline

    Pipeline().load()


def _extract(content: bytes, url: str | None, input_format: InputFormatOption, max_bytes: int, seconds: float) -> Any:
    """In the worker: the record as a dict, or the InputError (pickled back) that stopped it."""
    from newsdesk.pipeline import extract

    try:
        with time_budget(seconds, "page"):
            article = extract(content, input_format=input_format, url=url, max_bytes=max_bytes)
    except InputError as exc:
        return exc
    return article.to_dict()


class Extractor:
    """The desk's extraction pool, started on first use and stopped with the server."""

    def __init__(self, workers: int = WORKERS, queue: int = QUEUE) -> None:
        self.workers = workers
        self._slots = threading.BoundedSemaphore(workers + queue)
        self._lock = threading.Lock()
        self._pool: Pool | None = None

    def extract(
        self, content: bytes, *, url: str | None, input_format: InputFormatOption, max_bytes: int, seconds: float
    ) -> dict[str, Any]:
        """The page's record (a dict); :class:`InputError` for a page that is no article, :class:`Busy`
        when the desk cannot take it now or it ran past ``seconds``."""
        if not self._slots.acquire(blocking=False):
            raise Busy("the desk is extracting other pages; try again in a moment")
        try:
            pending = self._started().apply_async(_extract, (content, url, input_format, max_bytes, seconds))
            try:
                result = pending.get(timeout=seconds + 1)
            except multiprocessing.TimeoutError:
                self._restart()
                raise Busy(f"the page took longer than {seconds:g} s to extract") from None
        finally:
            self._slots.release()
        if isinstance(result, InputError):
            raise result
        record: dict[str, Any] = result
        return record

    def close(self) -> None:
        with self._lock:
            if self._pool is not None:
                self._pool.terminate()
                self._pool.join()
                self._pool = None

    def _started(self) -> Pool:
        with self._lock:
            if self._pool is None:
                # spawn, not fork: the server holds threads and database connections.
                self._pool = multiprocessing.get_context("spawn").Pool(self.workers, initializer=_load)
            return self._pool

    def _restart(self) -> None:
        """Kill the workers (one is stuck on a page) and start afresh on the next request."""
        self.close()
