"""A readable one-screen summary of an article record, for ``--format summary``."""

from __future__ import annotations

from typing import IO

from rich.console import Console
from rich.table import Table

from newsdesk.record import Article

_PREVIEW_CHARS = 400


def print_summary(article: Article, handle: IO[str]) -> None:
    """Print the metadata, the start of the body and counts of what was found."""
    console = Console(file=handle, highlight=False, soft_wrap=True)
    console.rule(f"[bold]{_escape(article.title or '(no headline)')}")
    meta = Table.grid(padding=(0, 2))
    meta.add_column(style="dim")
    meta.add_column()
    fields = [
        ("id", article.id),
        ("site", article.site),
        ("section", article.section),
        ("byline", article.byline),
        ("authors", ", ".join(article.authors) or None),
        ("published", article.published),
        ("language", article.language),
        ("words", str(len(article.body.split()))),
        ("removed", f"{len(article.removed)} pieces of page furniture"),
    ]
    for name, value in fields:
        if value:
            meta.add_row(name, _escape(value))
    console.print(meta)
    body = article.body
    preview = body[:_PREVIEW_CHARS] + ("…" if len(body) > _PREVIEW_CHARS else "")
    console.print()
    console.print(_escape(preview))
    counts = (
        f"{len(article.entities)} entities, {len(article.quotes)} quotes, "
        f"{len(article.claims)} claims, {len(article.places)} places"
    )
    console.print()
    console.print(f"[dim]{counts}[/dim]")
    for warning in article.warnings:
        console.print(f"[yellow]warning:[/yellow] {_escape(warning)}")
    console.print()


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)
