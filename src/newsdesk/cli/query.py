"""The desk's questions from the command line: search, speakers, speaker, claims, article.

Each command is a thin shell over one :class:`~newsdesk.store.Store` method (the same ones
the web desk calls) plus formatting; ``--format json`` prints exactly what the method returns.
"""

from __future__ import annotations

import sys
from datetime import date
from typing import Any

import typer

from newsdesk.cli.app import app
from newsdesk.cli.output import Format, db_option, emit, format_option, open_store, print_table, to_json
from newsdesk.store import Filters
from newsdesk.store.shown import MIN_CONFIDENCE, MIN_QUOTE_CONFIDENCE

_DATE_HELP = "YYYY-MM-DD (publication date; undated articles never match)."


def _every_quote() -> Any:
    """The ``--all`` switch of the quote commands (the desk's default: newsdesk.store.shown)."""
    return typer.Option(
        False,
        "--all",
        help=f"Also non-speech attributions and quotes below confidence {MIN_QUOTE_CONFIDENCE} (hidden by default).",
    )


def _day(value: str | None, name: str) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise typer.BadParameter(f"not a date: {value!r} (use YYYY-MM-DD)", param_hint=name) from None


@app.command("search")
def search_command(
    text: str = typer.Argument(..., help='Words (all required), "phrases", or, -word.', metavar="QUERY"),
    speaker: str | None = typer.Option(
        None, "--speaker", help="Quotes by (articles quoting) this speaker.", metavar="NAME"
    ),
    site: str | None = typer.Option(
        None, "--site", help="Only this site (host name, e.g. example.com).", metavar="SITE"
    ),
    since: str | None = typer.Option(None, "--since", help=_DATE_HELP, metavar="DATE"),
    until: str | None = typer.Option(None, "--until", help=_DATE_HELP, metavar="DATE"),
    country: str | None = typer.Option(
        None, "--country", help="Articles mentioning a place in this ISO country.", metavar="CODE"
    ),
    stance: str | None = typer.Option(
        None, "--stance", help="Quotes (articles with quotes) of this stance.", metavar="STANCE"
    ),
    limit: int = typer.Option(20, "--limit", "-n", min=1, metavar="N"),
    offset: int = typer.Option(0, "--offset", min=0, metavar="N"),
    newest: bool = typer.Option(False, "--newest", help="Newest first instead of most relevant first."),
    everything: bool = _every_quote(),
    db: str | None = db_option(),
    fmt: Format = format_option(),
) -> None:
    """Full-text search over articles and quotes."""
    filters = Filters(speaker, site, _day(since, "--since"), _day(until, "--until"), country, stance, everything)
    with open_store(db) as store:
        hits = store.search(text, filters=filters, sort="newest" if newest else "relevance", limit=limit, offset=offset)
    columns = ["kind", "article_id", "published_date", "site", "speaker", "stance", "sources", "snippet"]
    emit(hits, fmt, [*columns, "title", "url", "quote_id", "quote_group_id"] if fmt is Format.csv else columns)


@app.command("speakers")
def speakers_command(
    site: str | None = typer.Option(None, "--site", help="Only quotes printed by this site.", metavar="SITE"),
    since: str | None = typer.Option(None, "--since", help=_DATE_HELP, metavar="DATE"),
    until: str | None = typer.Option(None, "--until", help=_DATE_HELP, metavar="DATE"),
    limit: int = typer.Option(20, "--limit", "-n", min=1, metavar="N"),
    everything: bool = _every_quote(),
    db: str | None = db_option(),
    fmt: Format = format_option(),
) -> None:
    """The most quoted people: distinct statements, copies, sources and their titles."""
    filters = Filters(site=site, since=_day(since, "--since"), until=_day(until, "--until"), everything=everything)
    with open_store(db) as store:
        rows = store.speakers(filters=filters, limit=limit)
    emit(
        rows, fmt, ["entity_id", "name", "quotes", "quote_mentions", "sources", "first_quoted", "last_quoted", "titles"]
    )


@app.command("speaker")
def speaker_command(
    name: str = typer.Argument(..., help="A name (or part of one) or an entity id.", metavar="NAME"),
    everything: bool = _every_quote(),
    db: str | None = db_option(),
    fmt: Format = format_option(),
) -> None:
    """Everything one person said, across sources and time, with the titles each source gave them."""
    with open_store(db) as store:
        found = _found(store.speaker(name, everything=everything), f"no speaker matches {name!r}")
    if fmt is Format.json:
        sys.stdout.write(to_json(found) + "\n")
        return
    quote_columns = ["published_date", "site", "speaker_title", "stance", "cue", "content", "article_id", "url"]
    if fmt is Format.csv:
        emit(found["quotes"], fmt, ["quote_id", "quote_group_id", *quote_columns])
        return
    entity = found["entity"]
    print_table(found["titles"], ["title", "site", "published_date"], f"{entity['name']} ({entity['type']}): titles")
    print_table(
        found["statements"],
        ["first_published", "stance", "sources", "sites", "content"],
        f"statements ({len(found['statements'])}; each counted once however many sources printed it)",
    )
    print_table(found["stances"], ["stance", "quotes"], "stance mix")


@app.command("claims")
def claims_command(
    about: str | None = typer.Option(
        None, "--about", help='What the number is about ("Daesh fighters").', metavar="WORDS"
    ),
    place: str | None = typer.Option(None, "--place", help="ISO country code the number is about.", metavar="CODE"),
    claimant: str | None = typer.Option(None, "--claimant", help="Part of the claimant's name.", metavar="NAME"),
    site: str | None = typer.Option(None, "--site", metavar="SITE"),
    since: str | None = typer.Option(None, "--since", help=_DATE_HELP, metavar="DATE"),
    until: str | None = typer.Option(None, "--until", help=_DATE_HELP, metavar="DATE"),
    every: bool = typer.Option(False, "--every", help="One row per printed claim, not per distinct claim."),
    everything: bool = typer.Option(
        False,
        "--all",
        help=f"Also claims below confidence {MIN_CONFIDENCE} and sports or market-table figures (hidden by default).",
    ),
    limit: int = typer.Option(50, "--limit", "-n", min=1, metavar="N"),
    db: str | None = db_option(),
    fmt: Format = format_option(),
) -> None:
    """The claim tracker: who claimed which numbers about what, when, with sources."""
    filters = Filters(site=site, since=_day(since, "--since"), until=_day(until, "--until"))
    with open_store(db) as store:
        rows = store.claims(
            about=about,
            place=place,
            claimant=claimant,
            filters=filters,
            grouped=not every,
            everything=everything,
            limit=limit,
        )
    if every:
        columns = ["published_date", "claimant", "text", "value", "low", "high", "unit", "object", "country", "site"]
    else:
        columns = ["first_published", "claimant", "text", "value", "low", "high", "unit", "object", "country"]
        columns += ["sources", "sites"]
    emit(rows, fmt, [*columns, "confidence"])


@app.command("article")
def article_command(
    ref: str = typer.Argument(
        ..., help="The store's article id, newsdesk's 16-hex key, or the page URL.", metavar="REF"
    ),
    db: str | None = db_option(),
    fmt: Format = format_option(),
) -> None:
    """One stored article: metadata, quotes, claims, places, revisions and its story group."""
    with open_store(db) as store:
        found = _found(store.article(ref), f"no article {ref!r} in the store")
    if fmt is Format.json:
        sys.stdout.write(to_json(found) + "\n")
        return
    if fmt is Format.csv:
        emit(found["quotes"], fmt, ["local_id", "speaker", "speaker_title", "stance", "cue", "content", "sources"])
        return
    meta = [
        {"field": key, "value": found[key]}
        for key in ("id", "key", "title", "site", "url", "published", "byline", "revision", "word_count", "tone")
        if found[key] is not None
    ]
    meta.append({"field": "story group", "value": f"{len(found['story_group'])} other articles"})
    print_table(meta, ["field", "value"], found["title"] or "(no headline)")
    print_table(found["quotes"], ["local_id", "speaker", "stance", "cue", "content", "sources"], "quotes")
    print_table(found["claims"], ["local_id", "text", "value", "unit", "object", "claimant_name", "country"], "claims")
    print_table(found["places"], ["name", "kind", "country", "focus", "mention_count"], "places")
    print_table(found["story_group"], ["id", "site", "published_date", "title"], "same story elsewhere")


def _found(row: dict[str, Any] | None, missing: str) -> dict[str, Any]:
    """The looked-up row, or a one-line error and exit status 1 when there is none."""
    if row is None:
        sys.stderr.write(f"newsdesk: {missing}\n")
        raise typer.Exit(1)
    return row
