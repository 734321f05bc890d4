"""``newsdesk eval …``: score the stages on gold data."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from newsdesk.cli.app import choices, eval_app, report_failure
from newsdesk.cli.extract import InputFormat
from newsdesk.errors import InputError
from newsdesk.evaluation.audit import RATE, AuditReport, Extracted, audit, in_context
from newsdesk.evaluation.extraction import ExtractionReport, evaluate_extraction
from newsdesk.evaluation.quotes import ROLES, QuoteReport, evaluate_quotes
from newsdesk.evaluation.snippets import SnippetReport, evaluate_snippets, is_snippet_set
from newsdesk.store.shown import MIN_QUOTE_CONFIDENCE


class Mode(StrEnum):
    html = "html"
    text = "text"


class Style(StrEnum):
    lines = "lines"
    glued = "glued"


class Half(StrEnum):
    tune = "tune"
    check = "check"


@eval_app.command("extraction")
def eval_extraction(
    directory: Path = typer.Argument(
        ...,
        help="Benchmark dir (html/<id>.html[.gz], ground-truth.json) or snippet set (evaldata.json, eval/).",
        metavar="DIR",
    ),
    mode: Mode = typer.Option(
        Mode.html, "--mode", help="html: clean the HTML; text: flatten, then clean as text.", metavar=choices(Mode)
    ),
    style: Style = typer.Option(Style.lines, "--style", help="How text mode flattens pages.", metavar=choices(Style)),
    half: Half | None = typer.Option(
        None, "--half", help="Only the pages of this half (a fixed hash of the page key).", metavar=choices(Half)
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Body-extraction scores and pages/s of newsdesk's clean stage beside trafilatura alone: the
    benchmark's shingle metric, or snippets found micro-averaged for a snippet set."""
    chosen = half.value if half else None
    try:
        report: ExtractionReport | SnippetReport
        if is_snippet_set(directory):
            report = evaluate_snippets(directory, mode.value, style.value, chosen)
        else:
            report = evaluate_extraction(directory, mode.value, style.value, chosen)
    except InputError as exc:
        report_failure(str(directory), str(exc))
        raise typer.Exit(1) from None
    if as_json:
        typer.echo(json.dumps(report.to_dict(), indent=2))
        return
    data = "snippets" if isinstance(report, SnippetReport) else "benchmark"
    title = f"extraction ({data}), {mode.value} mode" + (f", {style.value}" if mode is Mode.text else "")
    table = Table(title=title + (f", {chosen} half" if chosen else ""))
    for column in ("system", "pages", "precision", "recall", "F1", "pages/s", "failed"):
        table.add_column(column, justify="left" if column == "system" else "right")
    for row in (report, report.baseline):
        if row is not None:
            table.add_row(
                row.system,
                str(row.pages),
                f"{row.precision:.3f}",
                f"{row.recall:.3f}",
                f"{row.f1:.3f}",
                f"{row.pages_per_second:.1f}",
                str(len(row.errors)),
            )
    Console().print(table)


@eval_app.command("quotes")
def eval_quotes(
    directory: Path = typer.Argument(
        ..., help="PolNeAR-style dir: metadata.tsv and <split>/text, <split>/attributions.", metavar="DIR"
    ),
    split: str = typer.Option("dev", "--split", help="Which compartment of metadata.tsv to score.", metavar="SPLIT"),
    limit: int | None = typer.Option(
        None, "--limit", min=1, help="Score only the split's first N articles.", metavar="N"
    ),
    min_confidence: float | None = typer.Option(
        None, "--min-confidence", help="Desk metrics: leave out quotes whose confidence is below this.", metavar="X"
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Attribution P/R/F1 per role (exact and begin match), linked F1 (exact and overlap), the
    desk's direct-quote metrics (found, precision, speaker right) and speed."""
    try:
        report = evaluate_quotes(directory, split, limit=limit, min_confidence=min_confidence)
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
    desk = report.desk.to_dict()
    console.print(
        f"direct quotes (desk): {desk['gold_direct']} gold; found {desk['found_pct']:.1f}% "
        f"({desk['found_any_kind_pct']:.1f}% as any kind); precision of {desk['predicted_direct_mixed']} "
        f"predicted direct/mixed {desk['precision_pct']:.1f}% "
        f"({desk['precision_any_attribution_pct']:.1f}% matching any attribution); "
        f"speaker right {desk['speaker_right_pct']:.1f}% of found"
    )
    timing = report.timing
    total = timing.nlp or 1.0
    parts = ", ".join(
        f"{name} {100 * t / total:.1f}%" for name, t in (("spaCy", timing.spacy), *timing.components.items())
    )
    console.print(f"{report.articles_per_second:.2f} articles/s, {report.words_per_second:,.0f} words/s; time: {parts}")


@eval_app.command("audit")
def eval_audit(
    judgments: Path = typer.Argument(
        ..., help="The hand judgments (JSON Lines, docs/speaker-audit.md).", metavar="FILE"
    ),
    directory: Path = typer.Argument(
        ..., help="The pages the judgments refer to (<page>.html[.gz] or <page>.txt).", metavar="DIR"
    ),
    min_confidence: float = typer.Option(
        MIN_QUOTE_CONFIDENCE,
        "--min-confidence",
        help="The threshold of the 'shown' group (the desk's default).",
        metavar="X",
    ),
    rate: float = typer.Option(
        RATE, "--rate", min=0.0, max=1.0, help="Share of quotes in the audit sample.", metavar="SHARE"
    ),
    input_format: InputFormat = typer.Option(
        InputFormat.auto,
        "--input-format",
        help="How the pages are read, as in 'newsdesk extract' (article: headline, blank line, body).",
        metavar=choices(InputFormat),
    ),
    unjudged: bool = typer.Option(False, "--unjudged", help="Print the sample's unjudged quotes in context."),
    context: int = typer.Option(
        200, "--context", min=0, help="With --unjudged: characters shown either side.", metavar="N"
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Share of quotes that are speech with the right speaker, by hand judgment of a sample: all,
    shown, per kind; --unjudged lists the sampled quotes still to judge (docs/speaker-audit.md)."""
    try:
        report = audit(judgments, directory, min_confidence, rate, input_format.value)
    except InputError as exc:
        report_failure(str(judgments), str(exc))
        raise typer.Exit(1) from None
    for error in report.errors:
        report_failure(str(directory), error)
    if unjudged:
        _print_unjudged(report.unjudged, context)
    elif as_json:
        typer.echo(json.dumps(report.to_dict(), indent=2))
    else:
        _print_audit(report)


def _print_audit(report: AuditReport) -> None:
    table = Table(title=f"speaker audit: {report.pages} pages, shown = not action, confidence ≥ {report.threshold}")
    for column in ("group", "quotes", "sample", "judged", "speech", "right", "95% CI", "unres", "none"):
        table.add_column(column, justify="left" if column == "group" else "right")
    for name, tally in report.groups.items():
        t = tally.to_dict()
        low, high = t["right_ci95"]
        table.add_row(
            name, str(t["extracted"]), str(t["sampled"]), str(t["judged"]), f"{t['speech_pct']:.1f}%",
            f"{t['right_pct']:.1f}%", f"{low:.0f}–{high:.0f}%", str(t["unresolved"]), str(t["unattributed"]),
        )  # fmt: skip
    console = Console()
    console.print(table)
    console.print("rules of the judged: " + ", ".join(f"{rule} {n}" for rule, n in report.rules.most_common()))
    console.print(
        "right = speech with the right speaker, of the judged; unres / none = speech whose speaker is an "
        f"unresolved phrase / none shown. {len(report.unjudged)} sampled quotes unjudged (--unjudged lists them); "
        f"{report.orphaned} judgments match no current quote (theirs changed or went)."
    )


def _print_unjudged(quotes: list[Extracted], width: int) -> None:
    """Each quote's judgment stub (references only) and its context, for a human to judge."""
    for q in quotes:
        cue = q.quote.cue.text if q.quote.cue else "-"
        typer.echo(json.dumps(q.stub()))
        typer.echo(
            f"  kind={q.quote.kind} cue={cue!r} speaker={q.speaker_shown() or 'unattributed'!r} "
            f"confidence={q.quote.confidence}"
        )
        typer.echo("  " + " ".join(in_context(q, width).split()) + "\n")
