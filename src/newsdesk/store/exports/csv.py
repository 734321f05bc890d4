"""The ``csv`` export: one CSV file per table (binary columns as hex)."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsdesk.store import Store
from newsdesk.store.backend import Row
from newsdesk.store.exports import table_format
from newsdesk.store.exports.tables import Columns, TableFiles, write_tables


@table_format("csv")
def export_csv(store: Store, directory: Path, *, everything: bool = False) -> dict[str, int]:
    """Write ``<table>.csv`` files into ``directory``; returns rows per table."""
    return write_tables(store, directory, TableFiles("csv", _write_csv), everything=everything)


def _write_csv(path: Path, columns: Columns, rows: Iterator[Row]) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=[name for name, _ in columns])
        writer.writeheader()
        for row in rows:
            writer.writerow({key: _csv_value(value) for key, value in row.items()})
            count += 1
    return count


def _csv_value(value: Any) -> Any:
    return bytes(value).hex() if isinstance(value, bytes | memoryview) else value
