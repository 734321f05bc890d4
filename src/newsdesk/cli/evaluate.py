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
from newsdesk.evaluation.quotes import ROLES, QuoteReport, evaluate_quotes


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


@eval_app.command("quotes")
def eval_quotes(
    directory: Path = typer.Argument(
        ..., help="PolNeAR-style dir: metadata.tsv and <split>/text, <split>/attributions."
    ),
    split: str = typer.Option("dev", "--split", help="Which compartment of metadata.tsv to score."),
    as_json: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Attribution P/R/F1 per role (exact and begin match), linked F1 (exact and overlap) and speed."""
    try:
        report = evaluate_quotes(directory, split)
    except InputError as exc:
        report_failure(str(directory), str(exc))
        raise typer.Exit(1) from None
    for error in report.errors:
        report_failure(str(directory), error)
    if as_json:
        typer.echo(json.dumps(report.to_dict(), indent=2))
        return
    _print_quote_report(report)


def _print_quote_report(report: QuoteReport) -> None:
    console = Console()
    scores = report.scores
    table = Table(title=f"attributions, {report.split}: {report.articles} articles, {report.gold_attributions} gold")
    for column in ("role", "match", "precision", "recall", "F1"):
        table.add_column(column, justify="right" if column not in ("role", "match") else "left")
    for match, by_role in (("exact", scores.exact), ("begin", scores.begin)):
        for role in ROLES:
            s = by_role[role]
            table.add_row(role, match, f"{100 * s.precision:.1f}", f"{100 * s.recall:.1f}", f"{100 * s.f1:.1f}")
    for match, s in (("exact", scores.linked_exact), ("overlap", scores.linked_overlap)):
        table.add_row("linked", match, f"{100 * s.precision:.1f}", f"{100 * s.recall:.1f}", f"{100 * s.f1:.1f}")
    console.print(table)
    timing = report.timing
    total = timing.nlp or 1.0
    parts = ", ".join(
        f"{name} {100 * t / total:.1f}%" for name, t in (("spaCy", timing.spacy), *timing.components.items())
    )
    console.print(f"{report.articles_per_second:.2f} articles/s, {report.words_per_second:,.0f} words/s; time: {parts}")
