"""``newsdesk extract``: pages in, article records out."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import IO

import typer

from newsdesk.cli.app import app, choices, report_failure
from newsdesk.cli.summary import print_summary
from newsdesk.errors import InputError
from newsdesk.pipeline import extract_many
from newsdesk.read import DEFAULT_MAX_BYTES
from newsdesk.record import Article


class InputFormat(StrEnum):
    auto = "auto"
    html = "html"
    text = "text"
    article = "article"


class OutputFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"
    summary = "summary"


@app.command("extract")
def extract_command(
    inputs: list[str] = typer.Argument(
        ..., help="Files (.html, .htm, .html.gz, .txt), '-' for stdin, or URLs.", metavar="INPUT"
    ),
    input_format: InputFormat = typer.Option(
        InputFormat.auto,
        "--input-format",
        help="auto tells HTML from scraped text by content.",
        metavar=choices(InputFormat),
    ),
    url: str | None = typer.Option(None, "--url", help="The page's URL, when reading a file.", metavar="URL"),
    output_format: OutputFormat = typer.Option(
        OutputFormat.summary, "--format", "-f", help="Output format.", metavar=choices(OutputFormat)
    ),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write here instead of stdout.", metavar="FILE"),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", help="Refuse pages larger than this.", metavar="N"),
) -> None:
    """Clean and annotate news pages; print one record per page."""
    if url and len(inputs) > 1:
        raise typer.BadParameter("--url names one page; give one input with it", param_hint="--url")
    articles: list[Article] = []
    failed = 0
    handle: IO[str] = output.open("w", encoding="utf-8") if output else sys.stdout
    try:
        for name, result in extract_many(inputs, input_format=input_format.value, url=url, max_bytes=max_bytes):
            if isinstance(result, InputError):
                failed += 1
                report_failure(name, str(result))
                continue
            article = result
            if output_format is OutputFormat.jsonl:
                handle.write(article.to_json() + "\n")
            elif output_format is OutputFormat.summary:
                print_summary(article, handle)
            else:
                articles.append(article)
        if output_format is OutputFormat.json and articles:
            payload = articles[0].to_dict() if len(inputs) == 1 else [a.to_dict() for a in articles]
            handle.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    finally:
        if output:
            handle.close()
    if failed:
        raise typer.Exit(1)
