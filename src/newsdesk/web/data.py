"""The desk's data access: one store handle per worker thread.

FastAPI runs plain ``def`` routes in a thread pool, and a SQLite connection belongs to the
thread that opened it, so each thread lazily opens its own :class:`~newsdesk.store.Store`
on the same target. Unless the server was started with ``--allow-ingest`` those handles
are read-only at the database level (:meth:`~newsdesk.store.backend.Backend.read_only`),
so no route can write even by mistake. Every query the pages need is a ``Store`` method.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from newsdesk.store import Store
from newsdesk.store.backend import connect


class Desk:
    """The store the desk serves, opened once to migrate it, then once per worker thread."""

    def __init__(self, target: str | Path, *, writable: bool = False) -> None:
        self.target = str(target)
        self.writable = writable
        Store.open(self.target).close()  # creates or migrates the schema, the only write at start-up
        # Handles live as long as their worker thread: a SQLite connection cannot even be
        # closed from another thread, and the pool's threads last as long as the server.
        self._local = threading.local()

    def store(self) -> Store:
        """This thread's store handle (opened on first use)."""
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = Store(connect(self.target))
            if not self.writable:
                store.db.read_only()
            self._local.store = store
        return store

    @contextmanager
    def deadline(self, seconds: float) -> Iterator[Store]:
        """This thread's store, with queries interrupted once ``seconds`` have passed."""
        store = self.store()
        with store.db.deadline(seconds):
            yield store
