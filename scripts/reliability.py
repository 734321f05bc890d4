"""Regenerate docs/reliability.md: bad inputs, kill -9, faults and load during an ingest, the web desk.

    .venv/bin/python scripts/reliability.py [--write docs/reliability.md] [--quick]

Every figure comes from this run, on this machine, through the real command line (`python -m
newsdesk`) into stores in a temporary folder (SQLite, and a throwaway PostgreSQL server from
Debian's binaries when installed; `--quick` runs every probe on fewer pages and requests):

- the bad-input corpus of scripts/bad_inputs.py through one `ingest` and one `extract`;
- an ingest of generated pages killed with SIGKILL at three moments (while the model loads, right
  after the first batch is committed, mid-run), each followed by a re-run
  (nothing lost, nothing stored twice, `PRAGMA integrity_check` clean);
- `newsdesk serve` over the resulting store, sent malformed and hostile requests (no 5xx allowed);
- `newsdesk serve` under load while an ingest writes into its store, on each backend (scripts/load.py);
- a full disk, two concurrent ingests on each backend, PostgreSQL restarted mid-run (scripts/faults.py).
"""

from __future__ import annotations

import argparse
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import faults
import load
from bad_inputs import write as write_corpus
from pg import PgServer
from probe_common import Row, contents, free_port, newsdesk, start, wait_for_port, write_pages

PROBES = (
    "/", "/search?q=%27", "/search?since=2016-13-45", "/search?country=ZZ", "/claims?about=%27",
    "/entities/9223372036854775808", "/speakers/99999999999999999999", "/articles/99999999999999999999999",
    "/api/articles/0000000000000000", "/api/entities/-1", "/api/quotes?stance=shouting",
    "/api/claims?place=XX", "/api/search?q=" + "x" * 400, "/api/speakers?speaker=" + "y" * 5000,
    "/places/ZZZ", "/alerts/nobody.atom", "/api/alerts/nobody", "/nope", "/static/../../etc/passwd",
)  # fmt: skip


@dataclass(frozen=True)
class Sizes:
    """How much each probe does: the full run, or ``--quick`` (about a third of the time)."""

    kill_pages: int
    disk_pages: int
    disk_mb: int
    writer_pages: int
    restart_pages: int
    load: load.Plan


# Load: 480 pages keep the ingest writing through 2,000 requests from 4 clients on the 2-core
# machine (it committed 384 of 400 pages during such a load, at 33 req/s).
FULL = Sizes(200, 200, 3, 100, 100, load.Plan("", pages=480, clients=4, requests=2000))
QUICK = Sizes(80, 48, 1, 40, 48, load.Plan("", pages=120, clients=2, requests=200))


def corpus_rows(folder: Path) -> list[Row]:
    bad = folder / "bad"
    write_corpus(bad)
    inputs = len(list(bad.iterdir()))
    rows = []
    for command in (["ingest", str(bad), "--workers", "1", "--db", str(folder / "bad.db")],
                    ["extract", *sorted(str(p) for p in bad.iterdir())]):  # fmt: skip
        started = time.monotonic()
        try:
            done = newsdesk(*command, timeout=600)
            hang = False
        except subprocess.TimeoutExpired:
            hang = True
        took = time.monotonic() - started
        if hang:
            rows.append(Row(f"bad-input corpus, `{command[0]}`", f"{inputs} inputs", "HANG (600 s)"))
            continue
        lines = done.stderr.splitlines()
        internal = sum("internal error" in line for line in lines)
        tracebacks = done.stderr.count("Traceback")
        good = len([p for p in bad.iterdir() if ".good." in p.name])
        rows.append(Row(f"bad-input corpus, `{command[0]}`", f"{inputs} inputs ({good} good)",
                        f"{took:.0f} s, exit {done.returncode}, {len(lines)} one-line reasons, "
                        f"{internal} internal errors, {tracebacks} tracebacks"))  # fmt: skip
    return rows


NOTES = """\
How to read it:

- *lost*: pages given to the ingest that are not in the store after the re-run; *twice*: article rows
  beyond one per key; *not whole*: articles whose child rows (quotes, claims, entity links, places)
  do not match the record stored with them, or with other than one revision.
- *half-written articles seen*: answers of `GET /api/articles/{key}` (and the quote and claim counts of
  `GET /api/articles?all=true`) taken while the ingest wrote, that disagree with the article's own
  record or with what the store holds for it once the ingest has finished (see scripts/load.py).
- Server RSS is sampled every half second during the load (start → ¼ → ½ → ¾ → end), then during
  half as many requests once the ingest has finished: a leak would keep rising on the quiet store.
  Statuses count every request, the warm-up and the quiet round included; req/s and p50/p99 are of
  the requests sent while the ingest wrote.
- The full disk is real: a size-limited tmpfs mounted for the probe (it needs root; without root the
  row says "not run"). A status 0 is a connection the server closed before answering (the body limit
  on a 6 MB upload).

Not probed here yet: a full disk under PostgreSQL, and an ingest that reconnects by itself when
PostgreSQL comes back (today it stops with one line and the re-run completes the work).
"""


def kill_moments(pages: int) -> tuple[tuple[int, str], ...]:
    """When to kill: before anything is stored (the model loading), as soon as the first batch is
    committed, and once half the pages are in."""
    return ((0, "while the model loads"), (1, "right after the first batch is committed"), (pages // 2, "mid-run"))


def kill_rows(folder: Path, count: int) -> list[Row]:
    pages = write_pages(folder / "pages", count)
    rows = []
    for stored, moment in kill_moments(count):
        db = folder / f"kill-{stored}.db"
        process = start("ingest", str(pages), "--workers", "2", "--db", str(db))
        _wait_until_stored(str(db), stored, process)
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        before = contents(str(db)).articles
        rerun = newsdesk("ingest", str(pages), "--workers", "2", "--db", str(db))
        with sqlite3.connect(db) as conn:
            integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
            foreign = conn.execute("PRAGMA foreign_key_check").fetchall()
        outcome = (
            f"{before} stored at the kill; re-run exit {rerun.returncode}: {faults.check(str(db)).describe(count)}; "
            f"integrity {integrity}, foreign-key problems {len(foreign)}"
        )
        rows.append(Row(f"kill -9 of a 2-worker ingest {moment}, then a re-run", f"{count} pages", outcome))
    return rows


def _wait_until_stored(db: str, stored: int, process: subprocess.Popen[str]) -> None:
    """Until ``stored`` articles are committed (0: two seconds in, while the model loads)."""
    if stored == 0:
        time.sleep(2)
        return
    faults.wait_until_stored(db, stored, process)


def web_rows(db: Path) -> list[Row]:
    port = free_port()
    server = start("serve", "--db", str(db), "--port", str(port))
    try:
        wait_for_port(port)
        statuses = [_status(f"http://127.0.0.1:{port}{path}") for path in PROBES]
        big = _status(f"http://127.0.0.1:{port}/api/extract", b"text=" + b"z" * 6_000_000)
    finally:
        server.terminate()
        server.wait(timeout=30)
    errors = sum(status >= 500 for status in [*statuses, big])
    return [Row("web desk probe (ids past 64 bits, impossible dates, unknown codes, quotes in text, "
                "long parameters, path traversal, a 6 MB body)", f"{len(PROBES) + 1} requests",
                f"{errors} answers 5xx; statuses seen {sorted(set([*statuses, big]))}")]  # fmt: skip


def _status(url: str, body: bytes | None = None) -> int:
    request = urllib.request.Request(url, data=body, method="POST" if body else "GET")
    if body:
        request.add_header("Content-Type", "application/x-www-form-urlencoded")
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)
    except (urllib.error.URLError, ConnectionError):
        return 0  # closed before answering (the body limit may close the connection on a large upload)


def table(rows: list[Row]) -> str:
    lines = ["| what | tried | outcome |", "| --- | --- | --- |"]
    lines += [f"| {row.what} | {row.tried} | {row.outcome} |" for row in rows]
    return "\n".join(lines)


def load_row(folder: Path, plan: load.Plan, backend: str) -> Row:
    return load.row(plan, load.run(plan, folder), backend)


def postgres_extra(folder: Path, sizes: Sizes) -> Callable[[PgServer], list[Row]]:
    """The load run on the probes' PostgreSQL server."""

    def rows(server: PgServer) -> list[Row]:
        plan = replace(sizes.load, db=server.database())
        return [load_row(folder / "load-postgresql", plan, "PostgreSQL")]

    return rows


def all_rows(folder: Path, sizes: Sizes) -> list[Row]:
    """Every probe, one after the other (never two heavy ones at once on a shared machine); each
    one's time goes to stderr as it ends."""
    (folder / "load-sqlite").mkdir()
    (folder / "load-postgresql").mkdir()
    steps: list[Callable[[], list[Row]]] = [
        lambda: corpus_rows(folder),
        lambda: kill_rows(folder, sizes.kill_pages),
        lambda: web_rows(folder / f"kill-{kill_moments(sizes.kill_pages)[-1][0]}.db"),
        lambda: [load_row(folder / "load-sqlite", replace(sizes.load, db=str(folder / "load.db")), "SQLite")],
        lambda: [faults.disk_full_row(folder, sizes.disk_pages, sizes.disk_mb)],
        lambda: [faults.concurrent_row(folder, sizes.writer_pages, str(folder / "writers.db"), "SQLite")],
        lambda: faults.postgres_rows(folder, sizes.writer_pages, sizes.restart_pages, postgres_extra(folder, sizes)),
    ]
    rows: list[Row] = []
    for step in steps:
        started = time.monotonic()
        done = step()
        sys.stderr.write(f"{time.monotonic() - started:5.0f} s  {len(done)} rows: {done[0].what[:80]}\n")
        rows += done
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", type=Path, help="write the page here (docs/reliability.md)")
    parser.add_argument("--quick", action="store_true", help="fewer pages and requests (a few minutes)")
    args = parser.parse_args()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="newsdesk-reliability-") as tmp:
        rows = all_rows(Path(tmp), QUICK if args.quick else FULL)
    took = (time.monotonic() - started) / 60
    page = (
        "# Reliability\n\nRegenerated by `.venv/bin/python scripts/reliability.py --write docs/reliability.md` "
        f"({time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores, {took:.0f} minutes{', --quick' if args.quick else ''})."
        " What was tried and what happened; see the docstrings of scripts/reliability.py, scripts/load.py and "
        "scripts/faults.py for each probe.\n\n" + table(rows) + "\n\n" + NOTES
    )
    if args.write:
        args.write.write_text(page, encoding="utf-8")
    sys.stdout.write(page)


if __name__ == "__main__":
    main()
