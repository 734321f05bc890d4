"""The ``newsdesk`` command: one Typer app, one sub-module per command group.

Exit status: 0 when every input succeeded, 1 when some input failed (each failure is one
line on stderr: ``newsdesk: INPUT: reason``), 2 for usage errors.
"""

from __future__ import annotations

import errno
import os
import sys

from newsdesk.cli import alerts as _alerts  # noqa: F401  (registers the commands)
from newsdesk.cli import datasette as _datasette  # noqa: F401  (registers the command)
from newsdesk.cli import evaluate as _evaluate  # noqa: F401  (registers the command)
from newsdesk.cli import evaluate_geo as _evaluate_geo  # noqa: F401  (registers the commands)
from newsdesk.cli import export as _export  # noqa: F401  (registers the command)
from newsdesk.cli import extract as _extract  # noqa: F401  (registers the command)
from newsdesk.cli import ingest as _ingest  # noqa: F401  (registers the command)
from newsdesk.cli import query as _query  # noqa: F401  (registers the commands)
from newsdesk.cli import schema as _schema  # noqa: F401  (registers the command)
from newsdesk.cli import serve as _serve  # noqa: F401  (registers the command)
from newsdesk.cli import watch as _watch  # noqa: F401  (registers the commands)
from newsdesk.cli.app import app

__all__ = ["app", "main"]


def main() -> None:
    """Console entry point; turns any escaped exception into one line (NEWSDESK_DEBUG=1 shows it)."""
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("newsdesk: interrupted\n")
        sys.exit(130)
    except Exception as exc:  # last resort: never a traceback for a user
        if os.environ.get("NEWSDESK_DEBUG"):
            raise
        if _disk_full(exc):
            sys.stderr.write(
                "newsdesk: the disk holding the store is full: free some space and run the command again "
                "(what was committed is kept; the batch in hand was rolled back and is redone)\n"
            )
            sys.exit(1)
        if _connection_lost(exc):
            reason = " ".join(str(exc).split("\n", 1)[0].split())
            sys.stderr.write(
                f"newsdesk: lost the connection to the database server ({reason}): run the command again once "
                "it is back (what was committed is kept; the batch in hand was rolled back and is redone)\n"
            )
            sys.exit(1)
        sys.stderr.write(f"newsdesk: internal error: {type(exc).__name__}: {exc}\n")
        sys.exit(1)


def _disk_full(exc: BaseException) -> bool:
    """SQLite's "database or disk is full", PostgreSQL's disk_full (53100), or ENOSPC."""
    return (
        "database or disk is full" in str(exc)
        or getattr(exc, "sqlstate", None) == "53100"
        or getattr(exc, "errno", None) == errno.ENOSPC
    )


def _connection_lost(exc: BaseException) -> bool:
    """PostgreSQL went away mid-run: a restart or crash ends every session (57P01-57P03), a dropped
    socket has no SQLSTATE or class 08. Anything else stays an internal error."""
    if not type(exc).__module__.startswith("psycopg"):
        return False  # not from a PostgreSQL store: no need to import the driver to know
    import psycopg

    if not isinstance(exc, psycopg.OperationalError):
        return False
    state = exc.sqlstate
    return state is None or state.startswith("08") or state in ("57P01", "57P02", "57P03")
