"""Exports: JSONL records, and one CSV or Parquet table per record type.

``jsonl`` writes the stored newsdesk/article@1 record of each article (latest revision), so
an export can be ingested again elsewhere. ``csv`` and ``parquet`` write the store's tables
(store ids are kept, so the tables join), streaming rows so a large store never sits in memory.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

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
# Rows per Parquet row group (and per pyarrow conversion): a few MB of article text.
_PARQUET_BATCH = 2_000


def export_jsonl(store: Store, out: IO[str]) -> int:
    """Write one JSON record per line; returns the number of articles."""
    count = 0
    for row in store.db.stream("SELECT record FROM articles ORDER BY id"):
        out.write(row["record"] + "\n")
        count += 1
    return count


def export_tables(store: Store, directory: Path, fmt: str) -> dict[str, int]:
    """Write ``<table>.csv`` or ``<table>.parquet`` files into ``directory``; returns rows per table."""
    directory.mkdir(parents=True, exist_ok=True)
    counts = {}
    for table in TABLES:
        columns = [(name, kind) for name, kind in store.db.columns(table) if name not in _DROPPED.get(table, set())]
        rows = store.db.stream(f"SELECT {', '.join(name for name, _ in columns)} FROM {table} ORDER BY 1")
        if fmt == "parquet":
            counts[table] = _write_parquet(directory / f"{table}.parquet", columns, rows)
        else:
            counts[table] = _write_csv(directory / f"{table}.csv", [name for name, _ in columns], rows)
    return counts


def _write_csv(path: Path, names: list[str], rows: Iterator[Row]) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=names)
        writer.writeheader()
        for row in rows:
            writer.writerow({key: _csv_value(value) for key, value in row.items()})
            count += 1
    return count


def _csv_value(value: Any) -> Any:
    return bytes(value).hex() if isinstance(value, bytes | memoryview) else value


def _write_parquet(path: Path, columns: list[tuple[str, str]], rows: Iterator[Row]) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"integer": pa.int64(), "real": pa.float64(), "text": pa.string(), "blob": pa.binary()}
    schema = pa.schema([(name, types[kind]) for name, kind in columns])
    count = 0
    with pq.ParquetWriter(path, schema) as writer:
        batch: list[Row] = []
        for row in rows:
            batch.append(row)
            if len(batch) >= _PARQUET_BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                count += len(batch)
                batch = []
        if batch or count == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            count += len(batch)
    return count
