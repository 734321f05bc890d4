"""Every command's --help, as a trafilatura or spaCy user reads it: no Typer type markers."""

from __future__ import annotations

import re
from typing import Any

import pytest
import typer.main
from typer.testing import CliRunner

from newsdesk.cli import app

# Typer's markers after a parameter: <bool>, <int>, <str>, <path>, <list[str]>, <int range>,
# <float range>, <table|json|csv>. Angle brackets inside help prose ("html/<id>.html") are not.
MARKER = re.compile(
    r"<(?:bool|int|float|str|path|datetime|uuid|list\[[^\]]*\]|(?:int|float) range|[^<>\s]+\|[^<>\s]+)>"
)


def commands(group: Any, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """The path of every command under ``group``, sub-groups included (Typer's groups are its own
    click's, so a group is whatever has commands)."""
    found = []
    for name, command in sorted(getattr(group, "commands", {}).items()):
        found.append((*path, name))
        found.extend(commands(command, (*path, name)))
    return found


ALL = commands(typer.main.get_command(app))


def help_of(*path: str) -> str:
    result = CliRunner().invoke(app, [*path, "--help"])
    assert result.exit_code == 0, result.output
    return result.output


def test_every_command_is_listed() -> None:
    assert {("ingest",), ("extract",), ("watch",), ("eval", "places"), ("alerts", "add")} <= set(ALL)


@pytest.mark.parametrize("path", [(), *ALL], ids=lambda path: " ".join(path) or "newsdesk")
def test_help_has_no_type_markers(path: tuple[str, ...]) -> None:
    text = help_of(*path)
    assert not MARKER.search(text), MARKER.findall(text)


@pytest.mark.parametrize("command", ["ingest", "extract", "watch"])
def test_list_arguments_are_named_with_an_ellipsis(command: str) -> None:
    arguments = help_of(command).split("Arguments:")[1].split("Options:")[0]
    assert re.match(r"\s+[A-Z]+\.\.\.\s", arguments), arguments


def test_valued_options_name_their_value_and_choices() -> None:
    text = help_of("search")
    assert "--since DATE" in text and "-n, --limit N" in text and "-f, --format [table|json|csv]" in text
