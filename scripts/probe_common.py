"""What the reliability probes share: generated pages, the `newsdesk` command line, a free loopback
port, and counting what a store holds on either backend.

The pages are written here, not taken from anyone's site: each is a short news item with a headline,
a named speaker, a direct quote, a number with a unit and a real place, so that every store table an
ingest writes (articles, entities, quotes, claims, places) gets rows from every page.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from newsdesk.store import Store


@dataclass
class Row:
    """One line of the reliability table."""

    what: str
    tried: str
    outcome: str


@dataclass(frozen=True)
class Contents:
    """What a store holds: articles stored, distinct keys, recorded ingest errors."""

    articles: int
    keys: int
    errors: int


def write_pages(folder: Path, count: int, start: int = 0) -> Path:
    """``count`` distinct generated news pages as text files in ``folder`` (created)."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(start, start + count):
        (folder / f"{n:04d}.txt").write_text(
            f"Harbour vote number {n} in Calloway\n\nThe harbour board of Calloway met in Lisbon on day {n} and "
            f"voted on plan {n}. Board chair Miriam Osei said the work would cost about {n + 2} million pounds. "
            f'"We cannot wait another season," Osei told reporters after vote {n}. Crews welcomed decision {n} '
            "on the quay, and the port of Lisbon said traffic had grown by 12 percent this year.\n",
            encoding="utf-8",
        )
    return folder


def environment() -> dict[str, str]:
    """This process's environment with its import path, so a child runs the same newsdesk code."""
    return {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}


def command(*args: str) -> list[str]:
    """The argument list that runs ``newsdesk ARGS`` with this interpreter."""
    return [sys.executable, "-m", "newsdesk", *args]


def newsdesk(*args: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    """Run ``newsdesk ARGS`` to the end (``subprocess.TimeoutExpired`` past ``timeout``)."""
    return subprocess.run(command(*args), capture_output=True, text=True, timeout=timeout, env=environment())


def start(*args: str) -> subprocess.Popen[str]:
    """Start ``newsdesk ARGS`` in its own process group, its stderr kept for the report."""
    return launch(command(*args))


def launch(argv: list[str]) -> subprocess.Popen[str]:
    """Start ``argv`` in its own process group with this import path, its stderr kept for the report."""
    return subprocess.Popen(argv, env=environment(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)  # fmt: skip


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for_port(port: int, seconds: float = 60) -> None:
    """Until something listens on the loopback ``port``; SystemExit when nothing does in time."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"nothing listens on port {port} after {seconds:.0f} s")


def contents(url: str) -> Contents:
    """Articles, distinct keys and ingest errors in the store at ``url`` (zeros when it cannot be read)."""
    try:
        with Store.open(url) as store:
            row = store.db.query_one("SELECT COUNT(*) AS n, COUNT(DISTINCT key) AS k FROM articles")
            errors = store.db.query_one("SELECT COUNT(*) AS n FROM ingest_errors")
    except Exception:  # a store being created, or a server restarting, reads as empty
        return Contents(0, 0, 0)
    assert row is not None and errors is not None
    return Contents(int(row["n"]), int(row["k"]), int(errors["n"]))


def last_line(text: str) -> str:
    """The last non-blank line of a command's stderr (what a user reads), or '(nothing)'."""
    lines = [line for line in text.splitlines() if line.strip()]
    return lines[-1][:240] if lines else "(nothing)"
