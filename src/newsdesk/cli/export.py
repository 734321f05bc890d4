"""``newsdesk export``: the store in any registered export format (:mod:`newsdesk.store.exports`)."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from newsdesk.cli.app import VERBOSITY, app, choices
from newsdesk.cli.output import db_option, open_store
from newsdesk.store import Store
from newsdesk.store.exports import Format, formats
from newsdesk.store.shown import MIN_CONFIDENCE, MIN_QUOTE_CONFIDENCE

_FORMATS = formats()
if TYPE_CHECKING:
    ExportFormat = str
else:  # typer offers an Enum's values as the option's choices
    ExportFormat = StrEnum("ExportFormat", {name: name for name in _FORMATS})


@app.command("export")
def export_command(
    name: ExportFormat = typer.Option(
        ...,
        "--format",
        "-f",
        help="What to write (each format is described above).",
        metavar=choices(_FORMATS),
    ),
    output: Path | None = typer.Option(
        None,
        "--output",
        "-o",
        help="A file (default stdout; xlsx: required) or a directory (csv, parquet: required).",
        metavar="FILE",
    ),
    db: str | None = db_option(),
    everything: bool = typer.Option(
        False,
        "--all",
        help=f"Every claim and quote: also claims below confidence {MIN_CONFIDENCE} and sports or market-table "
        f"figures, non-speech attributions and quotes below confidence {MIN_QUOTE_CONFIDENCE}.",
    ),
) -> None:
    """Export the store: records (jsonl), one table per record type (csv, parquet), GKG 2.1 (gkg), a quote or
    claim sheet (quotes-csv, claims-csv, xlsx) or a speaker network (gexf, graphml)."""
    fmt = _FORMATS[name]
    if output is not None and fmt.tables is None:
        _check_file(output)
    if fmt.file is not None:
        if output is None:
            raise typer.BadParameter(f"{name} is a binary file: give its path", param_hint="--output")
        with open_store(db) as store:
            rows = fmt.file(store, output, everything=everything)
        sys.stderr.write(f"newsdesk: wrote {rows} {name} rows to {output}\n")
        return
    if fmt.tables is not None:
        if output is None:
            raise typer.BadParameter(f"{name} writes one file per table: give a directory", param_hint="--output")
        with open_store(db) as store:
            counts = fmt.tables(store, output, everything=everything)
        listing = ", ".join(f"{table} {rows}" for table, rows in counts.items())
        if not VERBOSITY.quiet:
            sys.stderr.write(f"newsdesk: wrote {len(counts)} {name} tables to {output}/ ({listing})\n")
        return
    with open_store(db) as store:
        _stream(store, fmt, output, everything=everything)


def _check_file(output: Path) -> None:
    """A one-file format's path must name a file in an existing directory: checked before the
    store is read, so a typo costs a one-line error rather than a half-written export."""
    if output.is_dir():
        raise typer.BadParameter(f"{output} is a directory: give a file name", param_hint="--output")
    if not output.parent.is_dir():
        raise typer.BadParameter(f"no directory {output.parent}", param_hint="--output")


def _stream(store: Store, fmt: Format, output: Path | None, *, everything: bool) -> None:
    """A one-file format, to ``output`` or stdout."""
    assert fmt.stream is not None
    if output is None:
        fmt.stream(store, sys.stdout, everything=everything)
        return
    with output.open("w", encoding="utf-8", newline="\n") as handle:
        rows = fmt.stream(store, handle, everything=everything)
    if not VERBOSITY.quiet:
        sys.stderr.write(f"newsdesk: wrote {rows} {fmt.name} rows to {output}\n")
