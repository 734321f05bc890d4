"""The store commands from a user's side: a mistyped --db, numbers in tables and CSV, and CLI hygiene."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ArticleBuilder
from newsdesk.cli import app
from newsdesk.cli.output import cell, missing_sqlite_file
from newsdesk.store import Store

READ_ONLY = [
    ["search", "harbour"],
    ["speakers"],
    ["speaker", "Lind"],
    ["claims"],
    ["article", "1"],
    ["export", "--format", "jsonl"],
    ["sources"],
    ["alerts", "list"],
    ["alerts", "matches", "floods"],
    ["alerts", "remove", "floods"],
    ["alerts", "deliver"],
    ["datasette-metadata"],
    ["serve"],
]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("command", READ_ONLY, ids=lambda c: " ".join(c[:2]))
def test_read_only_commands_refuse_a_missing_store(command: list[str], tmp_path: Path) -> None:
    mistyped = tmp_path / "newsdsk.db"
    code, out, err = run(*command, "--db", str(mistyped))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith(f"newsdesk: no store at {mistyped}")
    assert not mistyped.exists()


def test_watch_without_a_source_needs_a_store(tmp_path: Path) -> None:
    code, _out, err = run("watch", "--once", "--db", str(tmp_path / "w.db"))
    assert code == 2 and "no source is watched yet" in err and "no store at" in err
    assert not (tmp_path / "w.db").exists()


def test_the_environment_names_the_store_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSDESK_DB", str(tmp_path / "missing.db"))
    assert run("speakers")[0] == 2
    assert not (tmp_path / "missing.db").exists()


def test_a_url_or_memory_is_never_a_missing_file(tmp_path: Path) -> None:
    assert missing_sqlite_file("postgresql://user@host/news") is None
    assert missing_sqlite_file(":memory:") is None
    assert missing_sqlite_file(f"sqlite:///{tmp_path}/x.db") == tmp_path / "x.db"


def test_alerts_add_starts_a_new_store(tmp_path: Path) -> None:
    """An alert matches articles stored from now on, so it may be saved before the first ingest."""
    db = tmp_path / "new.db"
    code, _out, _err = run("alerts", "add", "floods", "--query", "flood", "--db", str(db))
    assert code == 0 and db.exists()
    assert run("alerts", "list", "--db", str(db))[0] == 0


def test_verbose_names_the_store_and_quiet_is_silent(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    Store.open(db).close()
    code, _out, err = run("-v", "speakers", "--db", str(db))
    assert code == 0 and f"opened store {db}" in err
    code, out, err = run("-q", "export", "--format", "jsonl", "--db", str(db), "-o", str(tmp_path / "x.jsonl"))
    assert code == 0 and out == "" and err == ""
    assert run("-q", "-v", "speakers", "--db", str(db))[0] == 2


@pytest.mark.parametrize(
    ("value", "table", "exact"),
    [
        (1.6e11, "160,000,000,000", "160000000000"),
        (2016.0, "2016", "2016"),
        (12345.678, "12,345.7", "12345.678"),
        (0.25, "0.25", "0.25"),
        (1e-07, "0.0000001", "0.0000001"),
        (33.333333333, "33.3333", "33.333333333"),
        (-0.0, "0", "0"),
        (7, "7", "7"),
    ],
)
def test_numbers_read_as_numbers(value: float, table: str, exact: str) -> None:
    assert cell(value) == table
    assert cell(value, exact=True) == exact
    assert float(exact) == value


def test_claims_print_no_exponent_in_tables_or_csv(tmp_path: Path) -> None:
    db = tmp_path / "n.db"
    b = ArticleBuilder(
        "Budget passes",
        "The finance minister said the budget of 160 billion dollars would pass, and lawmakers agreed.",
        url="https://example.org/budget",
        published="2025-02-03",
    )
    b.claim("160 billion dollars", 1.6e11, "budget", "money", claimant_name="the publication")
    with Store.open(db) as store:
        store.add(b.build())
    code, out, _err = run("claims", "--all", "--db", str(db), "--format", "csv")
    assert code == 0 and "e+" not in out
    [row] = list(csv.DictReader(io.StringIO(out)))
    assert row["value"] == "160000000000"
    code, out, _err = run("claims", "--all", "--db", str(db))
    assert code == 0 and "160,000,000,000" in out and "e+" not in out


def test_help_version_and_completion() -> None:
    code, out, _err = run("-h")
    assert code == 0 and "--quiet" in out and "--install-completion" in out
    code, out, _err = run("search", "-h")
    assert code == 0 and "--newest" in out and "<bool>" not in out
    code, out, _err = run("-V")
    assert code == 0 and out.startswith("newsdesk ")
    done = subprocess.run(
        [sys.executable, "-m", "newsdesk", "--show-completion", "bash"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"},
    )
    assert done.returncode == 0 and "complete" in done.stdout, done.stderr
