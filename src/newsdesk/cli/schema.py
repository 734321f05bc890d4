"""``newsdesk schema``: print the JSON Schema of the article record."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from newsdesk.cli.app import app
from newsdesk.record import json_schema


@app.command("schema")
def schema_command(
    output: Path | None = typer.Option(None, "--output", "-o", help="Write here instead of stdout.", metavar="FILE"),
) -> None:
    """The JSON Schema of newsdesk/article@1, generated from the record types."""
    text = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        typer.echo(text, nl=False)
