"""The ``jsonl`` export: the stored newsdesk/article@1 record of each article (latest revision),
one a line, so an export can be ingested again elsewhere. As in every export, the desk's default
filter (:mod:`newsdesk.store.shown`) applies to the records' quotes and claims unless ``everything`` (``--all``)."""

from __future__ import annotations

import json
from typing import IO

from newsdesk.store import Store
from newsdesk.store.exports import stream_format
from newsdesk.store.shown import shown_record


@stream_format("jsonl")
def export_jsonl(store: Store, out: IO[str], *, everything: bool = False) -> int:
    """Write one JSON record per line; returns the number of articles."""
    count = 0
    for row in store.db.stream("SELECT record FROM articles ORDER BY id"):
        if everything:
            out.write(row["record"] + "\n")
        else:
            record = shown_record(json.loads(row["record"]))
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count
