"""The bad-input corpus (scripts/bad_inputs.py) through one ``extract`` and one ``ingest``: every good page
out, every bad one a one-line reason, nothing hangs; and the pieces that made each case safe."""

from __future__ import annotations

import errno
import importlib.util
import io
import math
import os
import sqlite3
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ArticleBuilder
from newsdesk import cli
from newsdesk.budget import OverBudget, time_budget
from newsdesk.cli import app
from newsdesk.errors import InputError
from newsdesk.extract.claims.numbers import parse_number
from newsdesk.ingest.sources import _copy_at_most
from newsdesk.read import read, read_bytes
from newsdesk.read.warc import list_warc_pages
from newsdesk.store import Store

ROOT = Path(__file__).resolve().parent.parent


def _corpus(folder: Path) -> Path:
    spec = importlib.util.spec_from_file_location("bad_inputs", ROOT / "scripts" / "bad_inputs.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.write(folder)
    return folder


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _corpus(tmp_path_factory.mktemp("bad"))


def test_one_ingest_stores_every_good_page_and_names_every_bad_one(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "bad.db"
    result = CliRunner().invoke(app, ["ingest", str(corpus), "--workers", "1", "--db", str(db)])
    assert result.exit_code == 1 and "internal error" not in result.stderr and "Traceback" not in result.stderr
    with Store.open(db) as store:
        stored = {Path(row["source_path"]).name for row in store.db.query("SELECT source_path FROM articles")}
        errors = {Path(row["source"].split(":")[0]).name: row["reason"] for row in
                  store.db.query("SELECT source, reason FROM ingest_errors")}  # fmt: skip
        values = [row["value"] for row in store.db.query("SELECT value FROM claims WHERE value IS NOT NULL")]
    good = {path.name for path in corpus.iterdir() if ".good." in path.name}
    assert good <= stored
    expected_bad = {"million-p.html", "nested.jsonl", "pipe.html", "binary.html", "empty.txt", "garbage.warc",
                    "garbage.warc.gz", "no-html.warc", "malformed.jsonl", "bad.urls"}  # fmt: skip
    assert expected_bad <= set(errors)
    assert all("\n" not in reason and reason.isprintable() for reason in errors.values())
    assert "too many HTML tags" in errors["million-p.html"] and "nested too deeply" in errors["nested.jsonl"]
    assert "not a regular file" in errors["pipe.html"] and "no HTML responses" in errors["no-html.warc"]
    assert all(math.isfinite(value) for value in values)


def test_one_extract_over_the_corpus_finishes_with_every_good_page(corpus: Path) -> None:
    names = sorted(str(path) for path in corpus.iterdir())
    result = CliRunner().invoke(app, ["extract", *names, "--format", "json"])
    assert result.exit_code == 1 and "internal error" not in result.stderr
    assert result.stdout.count('"schema"') >= len([n for n in names if ".good." in n])
    assert all(line.startswith("newsdesk: ") for line in result.stderr.splitlines())


def test_a_time_budget_abandons_a_runaway_step() -> None:
    with pytest.raises(OverBudget, match="time budget"), time_budget(0.2):
        while True:
            time.sleep(0.01)
    with time_budget(5):  # and a step within its budget is untouched, the alarm cleared after it
        pass
    time.sleep(0.01)


def test_control_characters_do_not_hide_the_body() -> None:
    page = (
        b"<html><body><article><h1>Bridge\x0b reopens</h1><p>The old bridge over the Lenne reopened on Friday "
        b"after two years of\x1b repairs, the council said, and buses will use it again from Monday.</p>"
        b"</article></body></html>"
    )
    doc = read_bytes(page)
    assert "\x0b" not in doc.content and "\x1b" not in doc.content and doc.input_format == "html"


def test_numbers_too_large_for_a_float_are_not_claims() -> None:
    assert parse_number(["9" * 400]) is None
    assert parse_number(["1,200"]) == 1200.0


def test_infinite_values_never_reach_the_store(store: Store) -> None:
    b = ArticleBuilder("Deficit", "The deficit reached 12 pounds, the treasurer said on Monday in Hallam.")
    b.claim("12 pounds", 12.0, "deficit", "money")
    article = b.build()
    article.claims[0].value = math.inf
    store.add(article)
    assert int(store.db.scalar("SELECT COUNT(*) AS n FROM claims")) == 0


def test_a_named_pipe_is_refused_not_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "page.html"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="not a regular file"):
        read(fifo)


def test_a_damaged_warc_is_one_printable_line(tmp_path: Path) -> None:
    warc = tmp_path / "broken.warc"
    warc.write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\n" + bytes(range(256)) * 8)
    listing = list_warc_pages(warc)
    assert listing.pages == [] and listing.problem and listing.problem.startswith("damaged WARC record after 0")


def test_standard_input_is_spooled_up_to_a_cap() -> None:
    target = io.BytesIO()
    assert _copy_at_most(io.BytesIO(b"x" * 5000), target, 1000) == 1001
    assert _copy_at_most(io.BytesIO(b"short"), io.BytesIO(), 1000) == 5


@pytest.mark.parametrize(
    "error",
    [
        sqlite3.OperationalError("database or disk is full"),
        OSError(errno.ENOSPC, "No space left on device"),
    ],
)
def test_a_full_disk_is_one_line_that_says_what_to_do(
    error: Exception, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def full(*_args: object, **_kwargs: object) -> None:
        raise error

    monkeypatch.setattr(cli, "app", full)
    with pytest.raises(SystemExit) as stopped:
        cli.main()
    err = capsys.readouterr().err
    assert stopped.value.code == 1 and err.count("\n") == 1
    assert "disk holding the store is full" in err and "internal error" not in err
