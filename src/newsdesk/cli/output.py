"""What the store commands share: the ``--db`` and ``--format`` options and the three output formats."""

from __future__ import annotations

import csv
import json
import math
import os
import sys
from collections.abc import Sequence
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from newsdesk.cli.app import choices, note
from newsdesk.store import DEFAULT_DB, Store, StoreError

DB_HELP = "SQLite file or postgresql:// URL (default: $NEWSDESK_DB, else ./newsdesk.db)."
# Columns of running text: they wrap and share the width left by the short columns.
_WIDE = frozenset({"snippet", "content", "title", "article_title", "sites", "titles", "url", "value", "text", "object"})
_HEADERS = {
    "published_date": "date", "article_id": "article", "entity_id": "id", "quote_mentions": "copies",
    "first_published": "first", "last_published": "last", "first_quoted": "first", "last_quoted": "last",
    "mention_count": "mentions", "speaker_title": "title given",
}  # fmt: skip
# Width of tables written to a pipe or file (a terminal uses its own width).
_PIPE_WIDTH = 160
# Table cells longer than this are cut: a terminal row per hit, the full text is in json/csv.
_CELL_CHARS = 160
# Significant digits of a fractional number in a table (exact in CSV and JSON): enough for any
# figure a news story prints (a percentage to two decimals, $1.234 billion).
_TABLE_DIGITS = 6
# Numbers from this size up are grouped by thousands in tables ("160,000,000,000"); below it a
# four-digit figure is more often a year than a quantity, and stays as written.
_GROUP_FROM = 10_000
_POSTGRES_SCHEMES = ("postgresql://", "postgres://")


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


def db_option() -> Any:
    return typer.Option(None, "--db", help=DB_HELP, show_default=False, metavar="DB")


def format_option() -> Any:
    return typer.Option(Format.table, "--format", "-f", help="Output format.", metavar=choices(Format))


def store_target(db: str | None) -> str:
    """The store ``--db`` names: the option, else ``$NEWSDESK_DB``, else ``./newsdesk.db``."""
    return db or os.environ.get("NEWSDESK_DB") or DEFAULT_DB


def missing_sqlite_file(target: str) -> Path | None:
    """The SQLite file ``target`` names when it does not exist (a URL or ``:memory:`` is never missing)."""
    if target.startswith(_POSTGRES_SCHEMES) or target == ":memory:":
        return None
    path = Path(target.removeprefix("sqlite:///"))
    return None if path.exists() else path


def refuse_missing(path: Path) -> NoReturn:
    """One line and exit status 2 for a store file that is not there."""
    sys.stderr.write(f"newsdesk: no store at {path} (check --db or $NEWSDESK_DB; `newsdesk ingest` creates one)\n")
    raise typer.Exit(2)


def open_store(db: str | None, *, create: bool = False) -> Store:
    """Open the store named by ``--db`` (or the environment), or exit 2 with one line.

    Only commands that put articles in (``create``) may start a new SQLite file: for any other, a
    missing file is a mistyped ``--db``, and answering from a new empty store would hide it."""
    target = store_target(db)
    missing = missing_sqlite_file(target)
    if missing is not None and not create:
        refuse_missing(missing)
    try:
        store = Store.open(target)
    except StoreError as exc:
        sys.stderr.write(f"newsdesk: {exc}\n")
        raise typer.Exit(2) from None
    note(f"{'created' if missing is not None else 'opened'} store {target}")
    return store


def emit(rows: Sequence[dict[str, Any]], fmt: Format, columns: Sequence[str], title: str | None = None) -> None:
    """Print ``rows``: a table of ``columns``, JSON (every field) or CSV (``columns``)."""
    if fmt is Format.json:
        sys.stdout.write(to_json(list(rows)) + "\n")
    elif fmt is Format.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({key: cell(row.get(key), exact=True) for key in columns})
    else:
        print_table(rows, columns, title)


def print_table(rows: Sequence[dict[str, Any]], columns: Sequence[str], title: str | None = None) -> None:
    console = Console(highlight=False, soft_wrap=False)
    if not console.is_terminal:
        console.width = _PIPE_WIDTH
    table = Table(title=escape(title) if title else None, title_justify="left", show_lines=False)
    for column in columns:
        header = _HEADERS.get(column, column.replace("_", " "))
        if column in _WIDE:
            table.add_column(header, overflow="fold", ratio=1, min_width=20)
        else:
            table.add_column(header, overflow="fold")
    if not rows:
        console.print(f"{escape(title or 'results')}: none", style="dim")
        return
    for row in rows:
        table.add_row(*(escape(_cut(cell(row.get(column)))) for column in columns))
    console.print(table)


def to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, default=_json_default)


def cell(value: Any, *, exact: bool = False) -> str:
    """One value as text: lists joined with "; ", None as empty, numbers never in exponent
    notation: ``exact`` (CSV) every digit the value has, else (tables) rounded and grouped."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(cell(item, exact=exact) for item in value)
    if isinstance(value, float | Decimal) and not isinstance(value, bool):
        return exact_number(value) if exact else readable_number(value)
    return " ".join(str(value).split())


def exact_number(value: float | Decimal) -> str:
    """Every digit of ``value`` (the shortest text that reads back as the same float), without
    an exponent or a trailing ".0": what a spreadsheet or a CSV reader parses back exactly."""
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    number = Decimal(repr(value)) if isinstance(value, float) else value
    return format(number.normalize() + 0, "f")  # + 0: no "-0"


def readable_number(value: float | Decimal) -> str:
    """``value`` as people read it in a table: at most six significant digits, grouped by
    thousands from five digits up (``160,000,000,000``, ``0.25``, ``2016``)."""
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    rounded = Decimal(f"{value:.{_TABLE_DIGITS}g}").normalize() + 0  # + 0: no "-0"
    return format(rounded, ",f" if abs(rounded) >= _GROUP_FROM else "f")


def _cut(text: str) -> str:
    return text if len(text) <= _CELL_CHARS else text[: _CELL_CHARS - 1] + "…"


def _json_default(value: Any) -> Any:
    if isinstance(value, bytes | memoryview):
        return bytes(value).hex()
    return str(value)
