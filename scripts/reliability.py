"""Regenerate docs/reliability.md: bad inputs, kill -9 during an ingest, and a probe of the web desk.

    .venv/bin/python scripts/reliability.py [--write docs/reliability.md]

Every figure comes from this run, on this machine, through the real command line (`python -m
newsdesk`) into a SQLite store in a temporary folder:

- the bad-input corpus of scripts/bad_inputs.py through one `ingest` and one `extract`;
- an ingest of generated pages killed with SIGKILL at three moments (while the model loads, right
  after the first batch is committed, mid-run), each followed by a re-run
  (nothing lost, nothing stored twice, `PRAGMA integrity_check` clean);
- `newsdesk serve` over the resulting store, sent malformed and hostile requests (no 5xx allowed).
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bad_inputs import write as write_corpus

PAGES = 200
# When to kill: before anything is stored (the model loading), as soon as the first batch is
# committed, and once half the pages are in.
KILL_WHEN = ((0, "while the model loads"), (1, "right after the first batch is committed"), (PAGES // 2, "mid-run"))
PROBES = (
    "/", "/search?q=%27", "/search?since=2016-13-45", "/search?country=ZZ", "/claims?about=%27",
    "/entities/9223372036854775808", "/speakers/99999999999999999999", "/articles/99999999999999999999999",
    "/api/articles/0000000000000000", "/api/entities/-1", "/api/quotes?stance=shouting",
    "/api/claims?place=XX", "/api/search?q=" + "x" * 400, "/api/speakers?speaker=" + "y" * 5000,
    "/places/ZZZ", "/alerts/nobody.atom", "/api/alerts/nobody", "/nope", "/static/../../etc/passwd",
)  # fmt: skip


@dataclass
class Row:
    """One line of the table."""

    what: str
    tried: str
    outcome: str


def newsdesk(*args: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    return subprocess.run([sys.executable, "-m", "newsdesk", *args], capture_output=True, text=True,
                          timeout=timeout, env=env)  # fmt: skip


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


def _pages(folder: Path) -> Path:
    pages = folder / "pages"
    pages.mkdir()
    for n in range(PAGES):
        (pages / f"{n:03d}.txt").write_text(
            f"Harbour vote number {n} in Calloway\n\nThe harbour board of Calloway met on day {n} and voted on plan "
            f'{n}. Board chair Miriam Osei said the work would cost about {n + 2} million pounds. "We cannot wait '
            f'another season," Osei told reporters after vote {n}. Crews welcomed decision {n} on the quay.\n',
            encoding="utf-8",
        )
    return pages


def kill_rows(folder: Path) -> list[Row]:
    pages = _pages(folder)
    rows = []
    for stored, moment in KILL_WHEN:
        db = folder / f"kill-{stored}.db"
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
        command = [sys.executable, "-m", "newsdesk", "ingest", str(pages), "--workers", "2", "--db", str(db)]
        process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   start_new_session=True)  # fmt: skip
        _wait_until_stored(db, stored, process)
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        before = _count(db)
        rerun = newsdesk("ingest", str(pages), "--workers", "2", "--db", str(db))
        with sqlite3.connect(db) as conn:
            articles, keys = conn.execute("SELECT COUNT(*), COUNT(DISTINCT key) FROM articles").fetchone()
            integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
            foreign = conn.execute("PRAGMA foreign_key_check").fetchall()
        lost, twice = PAGES - keys, articles - keys
        outcome = (
            f"{before} stored at the kill, {articles} after the re-run; lost {lost}, twice {twice}; "
            f"re-run exit {rerun.returncode}; integrity {integrity}, foreign-key problems {len(foreign)}"
        )
        rows.append(Row(f"kill -9 of a 2-worker ingest {moment}, then a re-run", f"{PAGES} pages", outcome))
    return rows


def _wait_until_stored(db: Path, stored: int, process: subprocess.Popen[bytes]) -> None:
    """Until ``stored`` articles are committed (0: two seconds in, while the model loads)."""
    if stored == 0:
        time.sleep(2)
        return
    deadline = time.monotonic() + 600
    while _count(db) < stored and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)


def _count(db: Path) -> int:
    try:
        with sqlite3.connect(db) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return 0


def web_rows(db: Path) -> list[Row]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    server = subprocess.Popen([sys.executable, "-m", "newsdesk", "serve", "--db", str(db), "--port", str(port)],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        _wait_for(port)
        statuses = [_status(f"http://127.0.0.1:{port}{path}") for path in PROBES]
        big = _status(f"http://127.0.0.1:{port}/api/extract", b"text=" + b"z" * 6_000_000)
    finally:
        server.terminate()
        server.wait(timeout=30)
    errors = sum(status >= 500 for status in [*statuses, big])
    return [Row("web desk probe (ids past 64 bits, impossible dates, unknown codes, quotes in text, "
                "long parameters, path traversal, a 6 MB body)", f"{len(PROBES) + 1} requests",
                f"{errors} answers 5xx; statuses seen {sorted(set([*statuses, big]))}")]  # fmt: skip


def _wait_for(port: int) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("newsdesk serve did not start")


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", type=Path, help="write the page here (docs/reliability.md)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsdesk-reliability-") as tmp:
        folder = Path(tmp)
        rows = corpus_rows(folder) + kill_rows(folder)
        rows += web_rows(folder / f"kill-{KILL_WHEN[-1][0]}.db")
    page = (
        "# Reliability\n\nRegenerated by `.venv/bin/python scripts/reliability.py --write docs/reliability.md` "
        f"({time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores). What was tried and what happened; see the "
        "script's docstring for each probe.\n\n" + table(rows) + "\n\n"
        "Not probed here yet: a full disk, concurrent writers, a PostgreSQL restart mid-run, and the web "
        "desk under load while an ingest writes (issue 16 items 6 and 8). A status 0 is a connection the "
        "server closed before answering (the body limit on a 6 MB upload).\n"
    )
    if args.write:
        args.write.write_text(page, encoding="utf-8")
    sys.stdout.write(page)


if __name__ == "__main__":
    main()
