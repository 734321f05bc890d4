"""The ``jsonl`` export: the stored newsdesk/article@1 record of each article (latest revision),
one a line, so an export can be ingested again elsewhere."""

from __future__ import annotations

from typing import IO

from newsdesk.store import Store
from newsdesk.store.exports import stream_format


@stream_format("jsonl")
def export_jsonl(store: Store, out: IO[str]) -> int:
    """Write one JSON record per line; returns the number of articles."""
    count = 0
    for row in store.db.stream("SELECT record FROM articles ORDER BY id"):
        out.write(row["record"] + "\n")
        count += 1
    return count
