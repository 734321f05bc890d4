"""``newsdesk -v ingest``: one line per input saying what became of it, on a Dask cluster as locally."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsdesk.cli import app

pytest.importorskip("distributed")


def story(town: str) -> str:
    """A clean article (headline, blank line, body) about ``town``."""
    return (
        f"Bridge in {town} reopens\n\nThe old bridge in {town} reopened to traffic on Thursday after four months "
        "of repairs, the county said. Engineer Dana Whitlow said the new deck would carry buses again from "
        "next week, and that the footpath on the river side would stay closed until the spring.\n"
    )


@pytest.mark.parametrize(
    "runner", [["--workers", "1"], ["--cluster", "local", "--workers", "1"]], ids=["local", "dask"]
)
def test_verbose_ingest_says_what_became_of_each_input(tmp_path: Path, runner: list[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "hexley.txt").write_text(story("Hexley"), encoding="utf-8")
    (folder / "marlow.txt").write_text(story("Marlow"), encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    db = str(tmp_path / "s.db")
    args = ["-v", "ingest", str(folder), "--db", db, "--input-format", "article", *runner]
    first = CliRunner().invoke(app, args)
    assert first.exit_code == 1, first.output  # the empty page fails, alone
    for name in ("hexley.txt", "marlow.txt"):
        assert f"{folder / name}: added" in first.stderr, first.stderr
    assert f"{folder / 'empty.txt'}: " in first.stderr
    # Not a terminal: no progress bar, and the run ends with its one-line summary (and the store's counts).
    assert "ingesting" not in first.stderr and first.stdout.startswith("ingested 3 inputs in "), first.stdout
    again = CliRunner().invoke(app, args)
    assert f"{folder / 'hexley.txt'}: unchanged" in again.stderr, again.stderr
