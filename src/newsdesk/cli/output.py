"""What the store commands share: the ``--db`` and ``--format`` options and the three output formats."""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Sequence
from enum import StrEnum
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

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


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


def db_option() -> Any:
    return typer.Option(None, "--db", help=DB_HELP, show_default=False)


def format_option() -> Any:
    return typer.Option(Format.table, "--format", "-f", help="Output format.")


def open_store(db: str | None) -> Store:
    """Open the store named by ``--db`` (or the environment), or exit 2 with one line."""
    try:
        return Store.open(db or os.environ.get("NEWSDESK_DB") or DEFAULT_DB)
    except StoreError as exc:
        sys.stderr.write(f"newsdesk: {exc}\n")
        raise typer.Exit(2) from None


def emit(rows: Sequence[dict[str, Any]], fmt: Format, columns: Sequence[str], title: str | None = None) -> None:
    """Print ``rows``: a table of ``columns``, JSON (every field) or CSV (``columns``)."""
    if fmt is Format.json:
        sys.stdout.write(to_json(list(rows)) + "\n")
    elif fmt is Format.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({key: cell(row.get(key)) for key in columns})
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


def cell(value: Any) -> str:
    """One value as text: lists joined with "; ", None as empty."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(cell(item) for item in value)
    if isinstance(value, float):
        return f"{value:g}"
    return " ".join(str(value).split())


def _cut(text: str) -> str:
    return text if len(text) <= _CELL_CHARS else text[: _CELL_CHARS - 1] + "…"


def _json_default(value: Any) -> Any:
    if isinstance(value, bytes | memoryview):
        return bytes(value).hex()
    return str(value)
