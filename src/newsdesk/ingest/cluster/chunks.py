"""The units of work the cluster runner sends to Dask workers, and the stored-revisions digest they carry.

A task per page would flood the scheduler (each task costs it about a millisecond of bookkeeping, and a
crawl has millions of pages), so pages travel in chunks of ``--batch-size``: one chunk is one task, one
``nlp.pipe`` batch on the worker and one store transaction on the client. Chunks name their inputs
(paths, URLs, JSONL line offsets, WARC record offsets) and never carry page bytes: the worker reads them.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from newsdesk.ingest.sources import Item
from newsdesk.read.warc import is_warc

_DIGEST_BYTES = 16


@dataclass(frozen=True, slots=True)
class Items:
    """Pages, URLs and JSONL lines as the local ingest enumerates them (:mod:`newsdesk.ingest.sources`)."""

    items: tuple[Item, ...]

    @property
    def size(self) -> int:
        return len(self.items)

    def split(self) -> list[Chunk]:
        return [Items((item,)) for item in self.items]


@dataclass(frozen=True, slots=True)
class WarcFile:
    """A WARC file not yet looked into: a worker lists its pages and returns them as :class:`WarcPages`.
    ``path`` is absolute, for the workers; ``name`` is the path as given, for the store."""

    path: str
    name: str
    batch_size: int

    @property
    def size(self) -> int:
        return 1

    def split(self) -> list[Chunk]:
        return [self]


@dataclass(frozen=True, slots=True)
class WarcPages:
    """Pages of one WARC file, by the byte offset of their record and the URL the crawler recorded."""

    path: str
    name: str
    pages: tuple[tuple[int, str], ...]

    @property
    def size(self) -> int:
        return len(self.pages)

    def split(self) -> list[Chunk]:
        return [WarcPages(self.path, self.name, (page,)) for page in self.pages]

    def source(self, url: str) -> str:
        """A page's name, as ``newsdesk extract`` gives it (and as the errors table records it)."""
        return f"{url} (in {self.name})"


Chunk = Items | WarcFile | WarcPages


def plan(items: list[Item], batch_size: int, *, warc_batch_size: int) -> list[Chunk]:
    """Chunks for ``items``: WARC files first (so their pages are known early), then ``batch_size`` items a
    chunk; a WARC file's pages go ``warc_batch_size`` a chunk (their number is unknown until it is read)."""
    warcs: list[Chunk] = []
    rest: list[Item] = []
    for item in items:
        if item.path and is_warc(Path(item.path)) and Path(item.path).is_file():
            warcs.append(WarcFile(os.path.abspath(item.path), item.path, warc_batch_size))
        else:
            rest.append(_absolute(item))
    return warcs + [Items(tuple(rest[i : i + batch_size])) for i in range(0, len(rest), batch_size)]


def _absolute(item: Item) -> Item:
    """Workers run in another directory, or on another machine: paths travel absolute, names stay as given."""
    if item.path:
        return replace(item, path=os.path.abspath(item.path))
    if item.jsonl:
        return replace(item, jsonl=(os.path.abspath(item.jsonl[0]), item.jsonl[1]))
    return item


class KnownRevisions:
    """The store's (article key, content hash) pairs, as sorted 16-byte digests in one bytes object.

    Every worker needs the list to skip stored pages before NLP. As a set of string pairs it costs
    about 250 bytes a revision (1.2 GB per worker process for a 5-million-article store, and as much
    to pickle through the network); as digests it costs 16, looked up by binary search. 128 bits make
    a false "already stored" (a page silently skipped) as likely as a SHA-256 collision in practice.
    """

    def __init__(self, pairs: Iterable[tuple[str, str]]) -> None:
        self._blob = b"".join(sorted({_digest(key, chash) for key, chash in pairs}))

    def __len__(self) -> int:
        return len(self._blob) // _DIGEST_BYTES

    def __contains__(self, pair: object) -> bool:
        if not (isinstance(pair, tuple) and len(pair) == 2):
            return False
        wanted = _digest(str(pair[0]), str(pair[1]))
        low, high = 0, len(self)
        while low < high:
            middle = (low + high) // 2
            if self._blob[middle * _DIGEST_BYTES : (middle + 1) * _DIGEST_BYTES] < wanted:
                low = middle + 1
            else:
                high = middle
        return self._blob[low * _DIGEST_BYTES : (low + 1) * _DIGEST_BYTES] == wanted


def _digest(key: str, chash: str) -> bytes:
    return hashlib.blake2b(f"{key}\0{chash}".encode(), digest_size=_DIGEST_BYTES).digest()
