"""Running an ingest: inputs → worker processes (or a Dask cluster) → the store.

Kept apart from :mod:`newsdesk.store` so the store stays persistence and queries only: it
never loads the pipeline, and everything that reads, cleans and annotates pages lives here.
Module map: :mod:`.sources` (what the command line names, as work items), :mod:`.worker`
(read, clean and annotate a batch, in each worker process), :mod:`.local` (the runner on
this machine, and the batch writer both runners share), :mod:`.cluster` (the Dask runner,
an optional extra). See docs/store.md.
"""
