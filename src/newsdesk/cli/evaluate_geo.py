"""``newsdesk eval places GOLD`` and ``newsdesk eval claims GOLD``: score places and claims on a gold file.

The gold format (JSON Lines, one article per line) is documented in docs/gold-format.md;
tests/gold/geo.jsonl is the project's own gold in that format.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol, TypeVar

import typer
from rich.console import Console
from rich.table import Table

from newsdesk.cli.app import eval_app, report_failure
from newsdesk.errors import InputError
from newsdesk.evaluation.claims import ClaimsReport, evaluate_claims
from newsdesk.evaluation.places import PlacesReport, evaluate_places
from newsdesk.evaluation.reliability import Bucket

GOLD_HELP = "Gold file: JSON Lines, one article per line (format in docs/gold-format.md)."
HALF = typer.Option(
    None,
    "--half",
    help="Score one half: tune (articles 1, 3, 5, … of the file) or check (2, 4, 6, …).",
    metavar="[tune|check]",
)


@eval_app.command("places")
def eval_places(
    gold: Path = typer.Argument(..., help=GOLD_HELP, metavar="FILE"),
    as_json: bool = typer.Option(False, "--json", help="Print the result as JSON."),
    errors: bool = typer.Option(False, "--errors", help="Also list missed, wrong and spurious places."),
    half: str | None = HALF,
) -> None:
    """Place precision, recall, F1 and correct-country accuracy."""
    _show(gold, lambda: evaluate_places(gold, keep_errors=errors, half=half), _print_places, as_json=as_json)


@eval_app.command("claims")
def eval_claims(
    gold: Path = typer.Argument(..., help=GOLD_HELP, metavar="FILE"),
    as_json: bool = typer.Option(False, "--json", help="Print the result as JSON."),
    misses: bool = typer.Option(False, "--misses", help="Also list missed and spurious claims."),
    half: str | None = HALF,
) -> None:
    """Claim precision, recall and F1 on value + object + claimant (and looser rules)."""
    _show(gold, lambda: evaluate_claims(gold, keep_misses=misses, half=half), _print_claims, as_json=as_json)


class _Report(Protocol):
    def to_dict(self) -> dict[str, Any]: ...


_R = TypeVar("_R", bound=_Report)


def _show(gold: Path, evaluate: Callable[[], _R], show: Callable[[_R], None], *, as_json: bool) -> None:
    """Run one evaluation; bad gold is a one-line error and exit status 1, never a traceback."""
    try:
        report = evaluate()
    except InputError as exc:
        report_failure(str(gold), str(exc))
        raise typer.Exit(1) from None
    if as_json:
        typer.echo(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    else:
        show(report)


def _print_places(report: PlacesReport) -> None:
    table = Table(title=f"places, {report.articles} articles")
    for column in ("gold", "predicted", "precision", "recall", "F1", "country acc.", "kind acc.", "focus F1"):
        table.add_column(column, justify="right")
    focus = f"{report.focus['f1']:.3f}" if report.focus else "–"
    table.add_row(
        str(report.gold), str(report.predicted), f"{report.precision:.3f}", f"{report.recall:.3f}",
        f"{report.f1:.3f}", f"{report.country_accuracy:.3f}", f"{report.kind_accuracy:.3f}", focus,
    )  # fmt: skip
    console = Console()
    console.print(table)
    _print_reliability(console, report.reliability, "a place in the right country")
    for error in report.errors:
        console.print(json.dumps(error, ensure_ascii=False), markup=False, highlight=False)


def _print_claims(report: ClaimsReport) -> None:
    table = Table(title=f"claims, {report.articles} articles")
    for column in ("match on", "gold", "predicted", "precision", "recall", "F1"):
        table.add_column(column, justify="right")
    for name, score in (("value+object+claimant", report.full), ("value+object", report.number_object),
                        ("value", report.number)):  # fmt: skip
        table.add_row(name, str(score.gold), str(score.predicted), f"{score.precision:.3f}", f"{score.recall:.3f}",
                      f"{score.f1:.3f}")  # fmt: skip
    console = Console()
    console.print(table)
    _print_reliability(console, report.reliability, "value, object and claimant right")
    if report.attribute_accuracy:
        shown = ", ".join(f"{k} {v:.3f}" for k, v in report.attribute_accuracy.items())
        console.print(f"on fully matched claims: {shown}", markup=False, highlight=False)
    for miss in report.misses:
        console.print(json.dumps(miss, ensure_ascii=False), markup=False, highlight=False)


def _print_reliability(console: Console, buckets: list[Bucket], correct: str) -> None:
    """Confidence bucket → measured precision, when the extractor gives confidences."""
    if not any(b.low is not None for b in buckets):
        return
    table = Table(title=f"reliability (correct = {correct})")
    for column in ("confidence", "predicted", "correct", "precision", "mean confidence"):
        table.add_column(column, justify="right")
    for b in buckets:
        span = "none" if b.low is None else f"{b.low:.1f}–{b.high:.1f}"
        mean = "–" if b.mean_confidence is None else f"{b.mean_confidence:.2f}"
        table.add_row(span, str(b.predicted), str(b.correct), f"{b.precision:.2f}", mean)
    console.print(table)
