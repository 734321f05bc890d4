"""The evaluation commands' own files: a missing or binary gold or judgments file is a one-line error."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsdesk.cli import app


@pytest.mark.parametrize("command", [["eval", "places"], ["eval", "claims"], ["eval", "audit"]])
def test_a_binary_or_missing_file_is_a_one_line_error(command: list[str], tmp_path: Path) -> None:
    binary = tmp_path / "gold.jsonl"
    binary.write_bytes(b"\xf9\xfa\x00\x01 not text")
    pages_dir = tmp_path / "pages"
    pages_dir.mkdir()
    (pages_dir / "a.html").write_text("<html><body><p>The mayor said the ferry would run.</p></body></html>")
    pages = [str(pages_dir)] if command[-1] == "audit" else []
    cases = [(binary, "not UTF-8 text")]
    if command[-1] != "audit":  # the audit starts a first round from a judgments file not yet written
        cases.append((tmp_path / "missing.jsonl", "No such file"))
    for path, reason in cases:
        result = CliRunner().invoke(app, [*command, str(path), *pages])
        assert result.exit_code == 1, result.output
        lines = result.output.strip().splitlines()
        assert len(lines) == 1 and reason in lines[0] and "internal error" not in lines[0]
