"""The ``parquet`` export: one Parquet file per table, typed from the store's columns."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from newsdesk.store import Store
from newsdesk.store.backend import Row
from newsdesk.store.exports import table_format
from newsdesk.store.exports.tables import Columns, TableFiles, write_tables

# Rows per Parquet row group (and per pyarrow conversion): a few MB of article text.
_PARQUET_BATCH = 2_000


@table_format("parquet")
def export_parquet(store: Store, directory: Path, *, everything: bool = False) -> dict[str, int]:
    """Write ``<table>.parquet`` files into ``directory``; returns rows per table."""
    return write_tables(store, directory, TableFiles("parquet", _write_parquet), everything=everything)


def _write_parquet(path: Path, columns: Columns, rows: Iterator[Row]) -> int:
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
