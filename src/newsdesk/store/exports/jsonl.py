"""The ``jsonl`` export: the stored newsdesk/article@1 record of each article (latest revision),
one a line, so an export can be ingested again elsewhere. As in every export, the claim
tracker's default filter applies to the records' claims unless ``everything`` (``--all``)."""

from __future__ import annotations

import json
from typing import IO

from newsdesk.store import Store
from newsdesk.store.claims import trusted
from newsdesk.store.exports import stream_format


@stream_format("jsonl")
def export_jsonl(store: Store, out: IO[str], *, everything: bool = False) -> int:
    """Write one JSON record per line; returns the number of articles."""
    count = 0
    for row in store.db.stream("SELECT record FROM articles ORDER BY id"):
        if everything:
            out.write(row["record"] + "\n")
        else:
            record = json.loads(row["record"])
            record["claims"] = [c for c in record.get("claims") or [] if trusted(c)]
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count
