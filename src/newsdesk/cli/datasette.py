"""``newsdesk datasette-metadata``: the titles and descriptions Datasette shows for a store."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from newsdesk.cli.app import VERBOSITY, app
from newsdesk.cli.output import db_option, open_store, store_target, to_json
from newsdesk.store import StoreError
from newsdesk.store.datasette import database_name, metadata


@app.command("datasette-metadata")
def datasette_metadata_command(
    db: str | None = db_option(),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write here instead of stdout.", metavar="FILE"),
) -> None:
    """Datasette's metadata.json for a SQLite store (datasette STORE.db -m metadata.json): a title and
    description for every table and view, and the full-text tables behind ?_search=."""
    target = store_target(db)
    with open_store(db) as store:
        try:
            document = to_json(metadata(store, database_name(target))) + "\n"
        except StoreError as exc:
            raise typer.BadParameter(str(exc), param_hint="--db") from None
    if output is None:
        sys.stdout.write(document)
        return
    output.write_text(document, encoding="utf-8")
    if not VERBOSITY.quiet:
        sys.stderr.write(f"newsdesk: wrote Datasette metadata to {output}\n")
