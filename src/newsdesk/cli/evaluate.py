"""``newsdesk eval …``: score the stages on gold data."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from newsdesk.cli.app import eval_app, report_failure
from newsdesk.errors import InputError
from newsdesk.evaluation.extraction import evaluate_extraction


class Mode(StrEnum):
    html = "html"
    text = "text"


class Style(StrEnum):
    lines = "lines"
    glued = "glued"


@eval_app.command("extraction")
def eval_extraction(
    directory: Path = typer.Argument(..., help="Benchmark dir: html/<id>.html[.gz] and ground-truth.json."),
    mode: Mode = typer.Option(Mode.html, "--mode", help="html: clean the HTML; text: flatten, then clean as text."),
    style: Style = typer.Option(Style.lines, "--style", help="How text mode flattens pages."),
    as_json: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Body-extraction precision, recall and F1 (shingle metric) and pages/s."""
    try:
        report = evaluate_extraction(directory, mode.value, style.value)
    except InputError as exc:
        report_failure(str(directory), str(exc))
        raise typer.Exit(1) from None
    if as_json:
        typer.echo(json.dumps(report.to_dict(), indent=2))
        return
    table = Table(title=f"extraction, {mode.value} mode" + (f", {style.value}" if mode is Mode.text else ""))
    for column in ("pages", "precision", "recall", "F1", "pages/s", "failed"):
        table.add_column(column, justify="right")
    table.add_row(
        str(report.pages),
        f"{report.precision:.3f}",
        f"{report.recall:.3f}",
        f"{report.f1:.3f}",
        f"{report.pages_per_second:.1f}",
        str(len(report.errors)),
    )
    Console().print(table)
