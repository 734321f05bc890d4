"""``newsdesk export``: the store as JSONL records, CSV or Parquet tables, or GDELT GKG 2.1 rows."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path

import typer

from newsdesk.cli.app import app
from newsdesk.cli.output import db_option, open_store
from newsdesk.store.export import export_jsonl, export_tables
from newsdesk.store.gkg import export_gkg


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    gkg = "gkg"


@app.command("export")
def export_command(
    fmt: ExportFormat = typer.Option(..., "--format", "-f", help="jsonl, csv, parquet or gkg."),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="A file (jsonl, gkg; default stdout) or a directory (csv, parquet: required)."
    ),
    db: str | None = db_option(),
) -> None:
    """Export the store: records (jsonl), one table per record type (csv, parquet), or GKG 2.1 (gkg)."""
    if fmt in (ExportFormat.csv, ExportFormat.parquet) and output is None:
        raise typer.BadParameter(f"{fmt.value} writes one file per table: give a directory", param_hint="--output")
    with open_store(db) as store:
        if fmt in (ExportFormat.csv, ExportFormat.parquet):
            assert output is not None
            counts = export_tables(store, output, fmt.value)
            listing = ", ".join(f"{table} {rows}" for table, rows in counts.items())
            sys.stderr.write(f"newsdesk: wrote {len(counts)} {fmt.value} tables to {output}/ ({listing})\n")
            return
        writer = export_jsonl if fmt is ExportFormat.jsonl else export_gkg
        if output is None:
            writer(store, sys.stdout)
            return
        with output.open("w", encoding="utf-8", newline="\n") as handle:
            rows = writer(store, handle)
        sys.stderr.write(f"newsdesk: wrote {rows} {fmt.value} rows to {output}\n")
