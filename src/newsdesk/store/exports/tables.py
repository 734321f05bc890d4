"""What the table exports (``csv``, ``parquet``) share: which tables, which columns, rows streamed.

Store ids are kept, so the tables join; rows are streamed, so a large store never sits in memory.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from newsdesk.store import Store
from newsdesk.store.backend import Row

# Tables exported by csv/parquet, in an order where each table only refers to earlier ones.
# Signatures, LSH buckets and the revisions' JSON records are machinery, not data.
TABLES = (
    "story_groups", "articles", "entities", "article_entities", "entity_titles", "mentions",
    "quote_groups", "quotes", "claims", "places", "ingest_errors",
)  # fmt: skip
# The JSON record repeats every table; use the jsonl export for it.
_DROPPED = {"articles": {"record"}}

Columns = list[tuple[str, str]]
"""(name, portable type) of the exported columns of one table."""
TableFile = Callable[[Path, Columns, Iterator[Row]], int]
"""Writes one table's rows to one file; returns the number of rows."""


def export_tables(store: Store, directory: Path, suffix: str, write: TableFile) -> dict[str, int]:
    """Write ``<table>.<suffix>`` files into ``directory`` with ``write``; returns rows per table."""
    directory.mkdir(parents=True, exist_ok=True)
    counts = {}
    for table in TABLES:
        columns = [(name, kind) for name, kind in store.db.columns(table) if name not in _DROPPED.get(table, set())]
        rows = store.db.stream(f"SELECT {', '.join(name for name, _ in columns)} FROM {table} ORDER BY 1")
        counts[table] = write(directory / f"{table}.{suffix}", columns, rows)
    return counts
