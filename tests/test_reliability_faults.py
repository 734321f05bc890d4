"""Faults injected into a running ingest (scripts/faults.py): two writers at once, a full disk, a
PostgreSQL restart — and the one line a user reads when the database server goes away."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import psycopg
import pytest

import newsdesk.cli as cli

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

import faults
from pg import PgServer


@pytest.mark.parametrize(
    "error",
    [
        psycopg.errors.AdminShutdown("terminating connection due to administrator command"),
        psycopg.OperationalError("server closed the connection unexpectedly\n\tThis probably means the server died"),
        psycopg.errors.ConnectionFailure("connection to the server was lost"),
    ],
)
def test_losing_the_database_server_is_one_line_that_says_what_to_do(
    error: Exception, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def gone(*_args: object, **_kwargs: object) -> None:
        raise error

    monkeypatch.setattr(cli, "app", gone)
    with pytest.raises(SystemExit) as stopped:
        cli.main()
    err = capsys.readouterr().err
    assert stopped.value.code == 1 and err.count("\n") == 1
    assert "lost the connection to the database server" in err and "internal error" not in err


def test_other_database_errors_stay_internal_errors(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise psycopg.errors.UniqueViolation("duplicate key value")

    monkeypatch.setattr(cli, "app", broken)
    with pytest.raises(SystemExit):
        cli.main()
    assert "internal error: UniqueViolation" in capsys.readouterr().err


def clean(probe: faults.Probe, pages: int) -> None:
    """Nothing lost, nothing twice, every article whole, no error recorded, no traceback, no hang."""
    assert probe.after == faults.Check(keys=pages, twice=0, broken=0, errors=0)
    assert all(e.exit is not None and e.tracebacks == 0 for e in probe.endings)


def test_two_ingests_into_one_sqlite_store_at_once(tmp_path: Path) -> None:
    probe = faults.concurrent(tmp_path, 40, str(tmp_path / "newsdesk.db"))
    clean(probe, 40)
    assert [e.exit for e in probe.endings] == [0, 0]


def test_two_ingests_into_one_postgresql_store_at_once(tmp_path: Path, postgres_url: str) -> None:
    probe = faults.concurrent(tmp_path, 40, postgres_url)
    clean(probe, 40)
    assert [e.exit for e in probe.endings] == [0, 0]


@pytest.mark.skipif(os.geteuid() != 0, reason="mounting a size-limited tmpfs needs root")
def test_a_full_disk_stops_the_ingest_with_one_line_and_a_rerun_completes(tmp_path: Path) -> None:
    probe = faults.disk_full(tmp_path, 48, size_mb=1)
    clean(probe, 48)
    (first,) = probe.endings
    assert first.exit == 1 and first.lines == 1 and "disk holding the store is full" in first.line
    assert probe.rerun == 0 and "integrity ok" in probe.at_fault


def test_a_postgresql_restart_mid_run_ends_in_one_line_and_a_rerun_completes(tmp_path: Path) -> None:
    try:
        server = PgServer()
    except (RuntimeError, OSError, KeyError) as exc:
        pytest.skip(f"PostgreSQL server unavailable: {exc}")
    with server:
        probe = faults.restart(tmp_path, 48, server, "immediate")
    clean(probe, 48)
    (first,) = probe.endings
    assert first.exit == 0 or (first.lines == 1 and "lost the connection to the database server" in first.line)
    assert probe.rerun == 0
