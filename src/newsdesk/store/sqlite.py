"""The SQLite backend: the embedded default, one file, WAL, foreign keys, FTS5."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from newsdesk.store.backend import Backend, FtsClause, Params, Row, SearchKind, StoreError
from newsdesk.store.fts import fts5_query

# How long a writer waits for another process's transaction before giving up. Ingest
# batches commit in well under a second (≈0.15 ms per article), so a minute is generous.
BUSY_TIMEOUT_MS = 60_000
# Page cache of each connection, in KiB (SQLite's default is 2 MiB): the writer's inserts land
# in a dozen indexes and two full-text indexes spread over the file. With the checkpoint below,
# the SQL of the writer bench's 600 articles went from 2.88 to 2.64 ms of CPU per article
# (replayed statements, best of three; 2.83 with this alone). Pages are only taken as they are read.
CACHE_KIB = 65_536
# WAL pages written before a checkpoint copies them back (default 1000, 4 MB): an index page
# rewritten by many batches is copied once per checkpoint, not once per batch's worth of WAL
# (2.71 ms per article alone on the same replay). The WAL file grows to ~40 MB between checkpoints.
WAL_CHECKPOINT_PAGES = 10_000
# SQLite calls the progress handler every this many virtual-machine instructions: often
# enough to stop a runaway query within milliseconds, rarely enough to cost nothing.
_PROGRESS_STEPS = 20_000


def _dict_row(cursor: sqlite3.Cursor, row: tuple[Any, ...]) -> Row:
    return {column[0]: value for column, value in zip(cursor.description, row, strict=True)}


class SqliteBackend(Backend):
    """A SQLite file in WAL mode: readers never block the ingest that writes."""

    name = "sqlite"

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            # Autocommit mode: the store issues BEGIN/COMMIT itself, so a batch is one transaction.
            self.conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
            self.conn.row_factory = _dict_row
            self.conn.execute("PRAGMA journal_mode = WAL")
            # NORMAL in WAL mode is durable against a killed process (only a power cut can
            # lose the last commits), and much faster than FULL.
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self.conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
            self.conn.execute(f"PRAGMA wal_autocheckpoint = {WAL_CHECKPOINT_PAGES}")
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open {path}: {exc}") from None

    def execute(self, sql: str, params: Params = ()) -> None:
        self.conn.execute(sql, tuple(params))

    def executemany(self, sql: str, rows: Sequence[Params]) -> None:
        if rows:
            self.conn.executemany(sql, [tuple(row) for row in rows])

    def query(self, sql: str, params: Params = ()) -> list[Row]:
        rows: list[Row] = self.conn.execute(sql, tuple(params)).fetchall()
        return rows

    def stream(self, sql: str, params: Params = ()) -> Iterator[Row]:
        yield from self.conn.execute(sql, tuple(params))

    def script(self, sql: str) -> None:
        # executescript() would COMMIT first; run statement by statement to stay in the transaction.
        for statement in _statements(sql):
            self.conn.execute(statement)

    def begin(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")

    def commit(self) -> None:
        self.conn.execute("COMMIT")

    def rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def close(self) -> None:
        self.conn.close()

    def lock_migrations(self) -> None:
        """BEGIN IMMEDIATE already holds the database's single write lock."""

    def read_only(self) -> None:
        self.conn.execute("PRAGMA query_only = ON")

    @contextmanager
    def deadline(self, seconds: float) -> Iterator[None]:
        """The progress handler aborts the running statement once the time is up."""
        limit = time.monotonic() + seconds
        self.conn.set_progress_handler(lambda: int(time.monotonic() > limit), _PROGRESS_STEPS)
        try:
            yield
        finally:
            self.conn.set_progress_handler(None, 0)

    def table_exists(self, table: str) -> bool:
        row = self.query_one("SELECT 1 AS found FROM sqlite_master WHERE name = ?", (table,))
        return row is not None

    def columns(self, table: str) -> list[tuple[str, str]]:
        rows = self.query("SELECT name, type FROM pragma_table_info(?)", (table,))
        return [(row["name"], _portable_type(row["type"])) for row in rows]

    def group_concat(self, expr: str) -> str:
        return f"group_concat(DISTINCT {expr})"

    def fts(self, kind: SearchKind, query: str) -> FtsClause:
        match = fts5_query(query)
        if kind == "article":
            # The headline weighs four times the body, like PostgreSQL's A and B weights.
            source = "articles_fts JOIN articles a ON a.id = articles_fts.rowid"
            return FtsClause(source, "articles_fts MATCH ?", "-bm25(articles_fts, 4.0, 1.0)", (match,))
        source = "quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid JOIN articles a ON a.id = q.article_id"
        return FtsClause(source, "quotes_fts MATCH ?", "-bm25(quotes_fts)", (match,))

    def snippets(self, kind: SearchKind, ids: list[int], query: str, mark: tuple[str, str]) -> dict[int, str]:
        if not ids:
            return {}
        marks = ", ".join("?" * len(ids))
        if kind == "article":
            sql = (
                "SELECT rowid AS id, snippet(articles_fts, 1, ?, ?, '…', 24) AS snippet FROM articles_fts "
                f"WHERE articles_fts MATCH ? AND rowid IN ({marks})"
            )
        else:
            sql = (
                "SELECT rowid AS id, highlight(quotes_fts, 0, ?, ?) AS snippet FROM quotes_fts "
                f"WHERE quotes_fts MATCH ? AND rowid IN ({marks})"
            )
        rows = self.query(sql, (*mark, fts5_query(query), *ids))
        return {int(row["id"]): row["snippet"] for row in rows}

    def type_tokens(self) -> dict[str, str]:
        return {"{pk}": "INTEGER PRIMARY KEY", "{blob}": "BLOB"}


def _portable_type(declared: str) -> str:
    """SQLite's type-affinity rules, reduced to the four types the exports need."""
    upper = declared.upper()
    if "INT" in upper:
        return "integer"
    if any(word in upper for word in ("REAL", "FLOA", "DOUB")):
        return "real"
    if "BLOB" in upper:
        return "blob"
    return "text"


def _statements(sql: str) -> list[str]:
    """Split a script into complete statements (trigger bodies hold ``;`` of their own)."""
    out: list[str] = []
    current = ""
    for line in sql.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            if current.strip():
                out.append(current.strip())
            current = ""
    if current.strip():
        out.append(current.strip())
    return out
