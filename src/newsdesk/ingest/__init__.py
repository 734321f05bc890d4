"""Running an ingest: inputs → worker processes (or a Dask cluster) → the store.

Kept apart from :mod:`newsdesk.store` so the store stays persistence and queries only: it
never loads the pipeline, and everything that reads, cleans and annotates pages lives here.
Module map: :mod:`.sources` (what the command line names, as work items), :mod:`.worker`
(read, clean and annotate a batch, in each worker process), :mod:`.local` (the runner on
this machine, and the batch writer both runners share), :mod:`.cluster` (the Dask runner,
an optional extra). See docs/store.md.
"""

from __future__ import annotations

import math

from newsdesk.pipeline import BATCH_SIZE

# Chunks per worker at the least: a small run still spreads over every worker instead of one
# batch of ``BATCH_SIZE`` landing on one of them while the others idle. A rule, not a tuned
# value: any number above one keeps a small run from sitting on one worker.
MIN_CHUNKS_PER_WORKER = 4


def chunk_size(inputs: int, workers: int, batch_size: int = BATCH_SIZE) -> int:
    """Inputs per chunk (one batch, one task): ``batch_size`` at most, small enough that every
    worker gets ``MIN_CHUNKS_PER_WORKER`` chunks, and at least one."""
    return max(1, min(batch_size, math.ceil(inputs / (max(1, workers) * MIN_CHUNKS_PER_WORKER))))
