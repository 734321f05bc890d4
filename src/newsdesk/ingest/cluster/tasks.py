"""What runs on the Dask workers: the model loaded once per worker process, and one call per chunk.

No database here: workers read, clean and annotate, and send back the same :class:`BatchResult` the
local ingest's worker processes do: pickled article records, a fifth smaller than their JSON and quicker
to load on the client, which is the single writer and must stay light (0.24 ms against 0.38 ms through
``Article.from_dict`` for the two example pages, warm).
"""

from __future__ import annotations

import asyncio
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from distributed.diagnostics.plugin import WorkerPlugin

from newsdesk.errors import InputError
from newsdesk.ingest.cluster.chunks import Chunk, Items, KnownRevisions, WarcFile, WarcPages
from newsdesk.ingest.sources import Item
from newsdesk.ingest.worker import BatchResult, Failed, Known, Parsed, peak_memory_mb, process_batch
from newsdesk.read.warc import list_warc_pages

if TYPE_CHECKING:
    from distributed import Worker


@dataclass(slots=True)
class ChunkResult:
    """A chunk's outcomes, or — for a WARC file — the chunks of its pages, still to be processed."""

    batch: BatchResult = field(default_factory=BatchResult)
    more: list[Chunk] = field(default_factory=list)


class LoadModel(WorkerPlugin):
    """Loads the spaCy pipeline when a worker joins (or is restarted by its nanny), not on its first chunk.

    Registered under one fixed name, so every ingest run on a cluster shares it; the model itself is
    cached per process by :class:`newsdesk.pipeline.Pipeline`.
    """

    name = "newsdesk-nlp"

    async def setup(self, worker: Worker) -> None:
        # Off the worker's event loop: a load of several seconds would stall its heartbeats.
        await asyncio.to_thread(load_model)


def load_model() -> None:
    from newsdesk.ingest.worker import PIPELINE

    PIPELINE.load()


def process_chunk(chunk: Chunk, known: KnownRevisions) -> ChunkResult:
    """Read, clean and annotate one chunk (``nlp.pipe`` over all its new pages at once)."""
    if isinstance(chunk, Items):
        return ChunkResult(process_batch(list(chunk.items), known))
    if isinstance(chunk, WarcPages):
        pages = [
            Item(source=chunk.source(url), url=url or None, warc=(chunk.path, offset, chunk.name))
            for offset, url in chunk.pages
        ]
        return ChunkResult(process_batch(pages, known))
    return _scan(chunk)


def unreadable(paths: list[str]) -> list[str]:
    """The ``paths`` this worker cannot see: the client checks its inputs are on storage the workers share."""
    return [path for path in paths if not os.path.exists(path)]


def _scan(chunk: WarcFile) -> ChunkResult:
    """List a WARC file's pages (record offsets and URLs) in page chunks; it decompresses, but parses no page."""
    try:
        listing = list_warc_pages(Path(chunk.path))
    except InputError as exc:
        return ChunkResult(BatchResult([Failed(chunk.name, str(exc))], peak_memory_mb()))
    size, pages = chunk.batch_size, listing.pages
    pieces = [tuple(pages[i : i + size]) for i in range(0, len(pages), size)]
    failed: list[Parsed | Failed | Known] = [Failed(chunk.name, listing.problem)] if listing.problem else []
    more: list[Chunk] = [WarcPages(chunk.path, chunk.name, piece) for piece in pieces]
    return ChunkResult(BatchResult(failed, peak_memory_mb()), more=more)
