"""Faults injected into a running ingest (issue 16, item 8): a full disk, two writers at once, and a
PostgreSQL server restarted mid-run. Each probe ends with a re-run and counts what the store holds.

- **Full disk**: a SQLite store on a size-limited tmpfs (a real ENOSPC, which needs root for
  ``mount``); the ingest must stop with one line that says what happened, leave a readable store,
  and, once the disk is made larger, a re-run must complete.
- **Concurrent writers**: two ingests of the same pages into one store at the same moment
  (SQLite, PostgreSQL): both must finish, each article stored once and whole, no error recorded.
- **PostgreSQL restart**: the server is stopped (``fast``: sessions ended, or ``immediate``: a
  crash) and started again while an ingest writes; the ingest either finishes or stops with one
  line, and a re-run completes.

"Whole" means every article's child rows agree with its stored record (as many quotes, claims,
entity links and places as the record lists) and it has exactly one revision.
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pg import PgServer
from probe_common import Row, contents, last_line, newsdesk, start, write_pages

from newsdesk.store import Store

INGEST = ("--workers", "1", "--batch-size", "8")
HANG_SECONDS = 300  # no probe's ingest takes a tenth of this on the 2-core machine
# Children of an article the record lists, and the table that stores each.
CHILDREN = {"quotes": "quotes", "claims": "claims", "entities": "article_entities", "places": "places"}


@dataclass(frozen=True)
class Ending:
    """How one ingest process ended: exit code (None: hung and killed), its stderr's last line, how many
    lines it wrote there, and how many tracebacks."""

    exit: int | None
    line: str
    lines: int
    tracebacks: int

    def describe(self) -> str:
        if self.exit is None:
            return f"HANG (killed after {HANG_SECONDS} s)"
        return f"exit {self.exit}, {self.tracebacks} tracebacks, last line “{self.line}”"


@dataclass(frozen=True)
class Check:
    """A store after a probe: distinct articles, articles stored twice, not whole, errors recorded."""

    keys: int
    twice: int
    broken: int
    errors: int

    def describe(self, expected: int) -> str:
        return (f"{self.keys} stored: lost {expected - self.keys}, twice {self.twice}, not whole {self.broken}, "
                f"ingest_errors rows {self.errors}")  # fmt: skip


def ending(process: subprocess.Popen[str]) -> Ending:
    """Wait for an ingest started with :func:`probe_common.start`; kill it when it hangs."""
    try:
        _, stderr = process.communicate(timeout=HANG_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        return Ending(None, "", 0, 0)
    lines = len([line for line in stderr.splitlines() if line.strip()])
    return Ending(process.returncode, last_line(stderr), lines, stderr.count("Traceback"))


def check(url: str) -> Check:
    """Count what a probe left in the store at ``url``."""
    with Store.open(url) as store:
        counted = ", ".join(f"(SELECT COUNT(*) FROM {table} t WHERE t.article_id = a.id) AS {part}"
                            for part, table in CHILDREN.items())  # fmt: skip
        rows = store.db.query(
            f"SELECT a.key, a.record, {counted}, "
            "(SELECT COUNT(*) FROM article_revisions r WHERE r.article_id = a.id) AS revisions FROM articles a"
        )
        errors = store.db.query_one("SELECT COUNT(*) AS n FROM ingest_errors")
    broken = sum(_not_whole(row) for row in rows)
    keys = len({row["key"] for row in rows})
    return Check(keys, len(rows) - keys, broken, int(errors["n"]) if errors else 0)


def _not_whole(row: dict[str, object]) -> bool:
    record = json.loads(str(row["record"]))
    return row["revisions"] != 1 or any(len(record.get(part) or []) != row[part] for part in CHILDREN)


def wait_until_stored(url: str, count: int, process: subprocess.Popen[str]) -> int:
    """Until ``count`` articles are committed or the ingest ends; how many there are then."""
    deadline = time.monotonic() + HANG_SECONDS
    while (stored := contents(url).articles) < count and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    return stored


@dataclass(frozen=True)
class Probe:
    """What one probe saw: how its ingests ended, what the store held at the fault, the re-run, the store."""

    endings: list[Ending]
    at_fault: str
    rerun: int | None
    after: Check

    def describe(self, expected: int) -> str:
        runs = "; ".join(e.describe() for e in self.endings)
        rerun = "" if self.rerun is None else f"; re-run exit {self.rerun}"
        return f"{self.at_fault}{runs}{rerun}: {self.after.describe(expected)}"


def disk_full(folder: Path, pages: int, size_mb: int = 3) -> Probe:
    """Ingest into a SQLite store on a ``size_mb`` tmpfs until it is full, grow the disk, re-run.

    3 MB fills about a quarter into 200 pages: their store and its write-ahead log need about 7 MB.
    """
    source, disk = write_pages(folder / "disk-pages", pages), folder / "disk"
    disk.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_mb}m", "tmpfs", str(disk)], check=True)
    try:
        db = str(disk / "newsdesk.db")
        first = ending(start("ingest", str(source), *INGEST, "--db", db))
        at_fault = f"{contents(db).articles} stored when the disk filled, integrity {_integrity(db)}; the run: "
        subprocess.run(["mount", "-o", "remount,size=64m", str(disk)], check=True)
        rerun = newsdesk("ingest", str(source), *INGEST, "--db", db, timeout=HANG_SECONDS)
        return Probe([first], at_fault, rerun.returncode, check(db))
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def disk_full_row(folder: Path, pages: int, size_mb: int) -> Row:
    what = (f"disk full: SQLite store on a {size_mb} MB tmpfs (real ENOSPC), ingest until full, then the disk "
            "grown and a re-run")  # fmt: skip
    if os.geteuid() != 0:
        return Row(what, f"{pages} pages", "not run: mounting a size-limited tmpfs needs root")
    return Row(what, f"{pages} pages, 1 fault (ENOSPC)", disk_full(folder, pages, size_mb).describe(pages))


def _integrity(db: str) -> str:
    import sqlite3

    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
            return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    except sqlite3.Error as exc:
        return f"unreadable ({exc})"


def concurrent(folder: Path, pages: int, url: str) -> Probe:
    """Two ingests of the same pages into the store at ``url``, started together."""
    source = write_pages(Path(tempfile.mkdtemp(prefix="both-", dir=folder)), pages)
    ingests = [start("ingest", str(source), *INGEST, "--db", url) for _ in range(2)]
    return Probe([ending(process) for process in ingests], "", None, check(url))


def concurrent_row(folder: Path, pages: int, url: str, backend: str) -> Row:
    return Row(f"concurrent writers ({backend}): two ingests of the same pages into one store at once",
               f"{pages} pages × 2 runs", concurrent(folder, pages, url).describe(pages))  # fmt: skip


def restart(folder: Path, pages: int, server: PgServer, mode: str) -> Probe:
    """Stop PostgreSQL (``mode``) and start it again once the ingest has stored a quarter of the pages."""
    source, url = write_pages(folder / f"restart-{mode}", pages), server.database()
    process = start("ingest", str(source), *INGEST, "--db", url)
    stored = wait_until_stored(url, pages // 4, process)
    server.stop(mode)
    time.sleep(2)
    server.start()
    first = ending(process)
    rerun = newsdesk("ingest", str(source), *INGEST, "--db", url, timeout=HANG_SECONDS)
    return Probe([first], f"{stored} stored at the stop; the run: ", rerun.returncode, check(url))


def restart_row(folder: Path, pages: int, server: PgServer, mode: str) -> Row:
    return Row(f"PostgreSQL stopped ({mode}) and restarted 2 s later while an ingest writes, then a re-run",
               f"{pages} pages, 1 restart", restart(folder, pages, server, mode).describe(pages))  # fmt: skip


def postgres_rows(folder: Path, writers: int, restarts: int, extra: Callable[[PgServer], list[Row]]) -> list[Row]:
    """The PostgreSQL probes on one throwaway server (``extra``: more rows that need the server)."""
    try:
        server = PgServer()
    except (RuntimeError, OSError, KeyError) as exc:
        return [Row("PostgreSQL probes", "-", f"not run: {exc}")]
    with server:
        rows = [concurrent_row(folder, writers, server.database(), "PostgreSQL")]
        rows += [restart_row(folder, restarts, server, mode) for mode in ("fast", "immediate")]
        return rows + extra(server)
