"""Version 8: what the batched writer needs to keep up with a cluster (issue 16).

- ``entities.surname``, indexed: the surname of a person named in full (given name and surname),
  NULL for every other entity. The writer finds the stored people a new name may be by it; it
  scanned every entity's key with two ``LIKE`` patterns per surname before, a cost that grew with
  the store. Filled here for the stored entities, by the rule the writer fills it with
  (:func:`~newsdesk.store.writers.entities.surname_of`).
- PostgreSQL: the large text columns (an article's text, its JSON record twice) compressed with
  LZ4 instead of pglz: an article row took 2.33 ms of server CPU with pglz, 1.75 with LZ4 (best of
  three, 600 writer-bench articles), and the revisions' COPY 0.88 → 0.30 ms per article. Not the
  search vector: LZ4 shrinks it by ~3% where pglz leaves it whole, and every ranked search would
  decompress it (search bench median 68 → 118 ms with it). Rows stored before keep their
  compression; a server built without LZ4 (or older than PostgreSQL 14) keeps pglz.

The column is added by :func:`apply`, not by ``PORTABLE``: SQLite has no ``ADD COLUMN IF NOT
EXISTS``, and a store rolled back to version 3 (the version 4 test) runs this step again.
"""

from __future__ import annotations

from newsdesk.store.backend import Backend
from newsdesk.store.writers.entities import surname_of

DESCRIPTION = "entities' indexed surname for the writer's people lookup; LZ4 for PostgreSQL's article texts and records"

PORTABLE = ""

# EXECUTE: the statement is parsed only where SET COMPRESSION exists (PostgreSQL 14 and later).
POSTGRESQL = """
DO $$
BEGIN
    IF current_setting('server_version_num')::int >= 140000 THEN
        EXECUTE 'ALTER TABLE articles ALTER COLUMN text SET COMPRESSION lz4, ALTER COLUMN record SET COMPRESSION lz4';
        EXECUTE 'ALTER TABLE article_revisions ALTER COLUMN record SET COMPRESSION lz4';
    END IF;
EXCEPTION WHEN feature_not_supported THEN
    NULL;
END
$$;
"""


def apply(db: Backend) -> None:
    """Add and index ``entities.surname`` (unless there), then fill it for every stored person."""
    if "surname" not in {name for name, _ in db.columns("entities")}:
        db.execute("ALTER TABLE entities ADD COLUMN surname TEXT")
    db.execute("CREATE INDEX IF NOT EXISTS entities_surname ON entities (surname)")
    rows = db.query("SELECT id, key FROM entities WHERE key LIKE 'PERSON:%'")
    db.executemany(
        "UPDATE entities SET surname = ? WHERE id = ?",
        [(surname, row["id"]) for row in rows if (surname := surname_of(str(row["key"]))) is not None],
    )
