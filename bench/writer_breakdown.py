"""Where the store writer's time goes, statement by statement (``bench_writer.py --breakdown``).

On SQLite the CPU spent inside the driver's ``execute`` calls, by statement kind and table (a
``SELECT``'s rows are read by the Python around it, which is counted as Python); on PostgreSQL the
server's time per statement from ``pg_stat_statements``, the foreign-key checks it runs inside each
insert on lines of their own (their time is also in that insert's).
"""

from __future__ import annotations

import re
import sqlite3
import time
from collections import Counter
from typing import Any

from newsdesk.store.backend import Backend

# A statement's kind and table, for --breakdown.
_STATEMENT = re.compile(
    r"\s*(INSERT INTO|UPDATE|DELETE FROM|SELECT\b.*?\bFROM|COPY|BEGIN|COMMIT|SAVEPOINT|RELEASE)\s*(\w*)", re.S
)
# Lines of --breakdown printed per backend.
_BREAKDOWN_LINES = 14


class _TimedConnection:
    """A SQLite connection that adds the CPU time of each ``execute`` to its statement's total: the SQL
    against the Python around it (the batched writer runs a few dozen large statements per batch, so
    timing them costs nothing measurable)."""

    def __init__(self, conn: sqlite3.Connection, totals: Counter[str]) -> None:
        self._conn, self._totals = conn, totals

    def execute(self, sql: str, params: Any = ()) -> sqlite3.Cursor:
        started = time.process_time()
        try:
            return self._conn.execute(sql, params)
        finally:
            self._totals[_statement(sql)] += time.process_time() - started

    def executemany(self, sql: str, rows: Any) -> sqlite3.Cursor:
        started = time.process_time()
        try:
            return self._conn.executemany(sql, rows)
        finally:
            self._totals[_statement(sql)] += time.process_time() - started

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)


def _statement(sql: str) -> str:
    """``INSERT quotes``, ``SELECT entities``, ``COMMIT``: what --breakdown adds a statement's time to."""
    match = _STATEMENT.match(sql)
    if match is None:
        return " ".join(sql.split())[:40]
    return f"{match.group(1).split()[0]} {match.group(2)}".strip()


def start_breakdown(db: Backend) -> Counter[str] | None:
    """Start counting time by statement: the SQLite connection wrapped, PostgreSQL's statistics reset
    (None when the server has no ``pg_stat_statements``)."""
    totals: Counter[str] = Counter()
    if db.name == "sqlite":
        db.conn = _TimedConnection(db.conn, totals)  # type: ignore[attr-defined]
        return totals
    if not db.scalar("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_stat_statements'"):
        return None
    try:
        db.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements")
        db.execute("SELECT pg_stat_statements_reset()")
    except Exception as exc:  # not in shared_preload_libraries: a server not started by this bench
        print(f"PostgreSQL breakdown: skipped ({' '.join(str(exc).split())[:120]})")
        return None
    return totals


def server_parts(db: Backend) -> dict[str, float]:
    """The server's seconds by statement since :func:`start_breakdown`: foreign-key checks on their own lines."""
    rows = db.query(
        "SELECT query, total_exec_time FROM pg_stat_statements "
        "WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) "
        "AND query NOT LIKE '%pg_stat_statements%'"
    )
    parts: Counter[str] = Counter()
    for row in rows:
        query = str(row["query"])
        table = query.split(".")[1].split()[0].strip('"') if "FOR KEY SHARE" in query else ""
        name = f"FK check {table}" if table else _statement(query)
        parts[name] += float(row["total_exec_time"]) / 1000
    return dict(parts)


def print_breakdown(name: str, parts: dict[str, float], cpu: float | None, n: int) -> None:
    """The statements that took the most time, per article of ``n``; with this process's ``cpu`` (SQLite)
    also the Python around them."""
    where = "CPU inside the driver's calls" if cpu is not None else "server time (pg_stat_statements)"
    total = sum(t for k, t in parts.items() if not k.startswith("FK check"))
    python = f"; Python around it {(cpu - total) * 1000 / n:.2f} ms" if cpu is not None else ""
    print(f"  {name} by statement, {where}: {total * 1000 / n:.2f} ms per article{python}")
    for key, seconds in sorted(parts.items(), key=lambda kv: -kv[1])[:_BREAKDOWN_LINES]:
        print(f"  {seconds * 1000 / n:7.3f} ms  {key}")
