"""What the table exports (``csv``, ``parquet``) share: which tables, which columns, rows streamed.

Store ids are kept, so the tables join; rows are streamed, so a large store never sits in memory.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from newsdesk.components import export_tables
from newsdesk.store import Store
from newsdesk.store.backend import Row
from newsdesk.store.shown import shown_rows

# Tables exported by csv/parquet, in an order where each table only refers to earlier ones (the
# component registry's order). Signatures, LSH buckets and the revisions' JSON records are machinery, not data.
TABLES = export_tables()
# The JSON record repeats every table; use the jsonl export for it. An entity's surname is the
# writer's lookup column (derived from its key), not data.
_DROPPED = {"articles": {"record"}, "entities": {"surname"}}

Columns = list[tuple[str, str]]
"""(name, portable type) of the exported columns of one table."""
TableFile = Callable[[Path, Columns, Iterator[Row]], int]
"""Writes one table's rows to one file; returns the number of rows."""


@dataclass(frozen=True, slots=True)
class TableFiles:
    """How one table format writes: the files' suffix and the function writing one table's file."""

    suffix: str
    write: TableFile


def write_tables(store: Store, directory: Path, files: TableFiles, *, everything: bool = False) -> dict[str, int]:
    """Write ``<table>.<suffix>`` files into ``directory``; returns rows per table. The quotes and
    claims tables get the desk's default filter (:mod:`newsdesk.store.shown`) unless ``everything``."""
    directory.mkdir(parents=True, exist_ok=True)
    counts = {}
    for table in TABLES:
        columns = [(name, kind) for name, kind in store.db.columns(table) if name not in _DROPPED.get(table, set())]
        where, params = shown_rows(table, "c") if not everything else ("", [])
        select = f"SELECT {', '.join(f'c.{name}' for name, _ in columns)} FROM {table} c WHERE 1 = 1{where} ORDER BY 1"
        counts[table] = files.write(directory / f"{table}.{files.suffix}", columns, store.db.stream(select, params))
    return counts
