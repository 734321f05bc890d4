"""``newsdesk alerts``: saved searches checked against every article stored, delivered by Atom, JSON and webhook."""

from __future__ import annotations

import sys
from typing import Any

import typer

from newsdesk.alerts import DeliveryStats, deliver_pending
from newsdesk.cli.app import VERBOSITY, Newsdesk, app
from newsdesk.cli.output import Format, db_option, emit, format_option, open_store
from newsdesk.store import Store, StoreError
from newsdesk.store.alerts import AlertSpec

alerts_app = Newsdesk(
    help="Saved alerts: every ingest (ingest, watch, the desk's 'try it') records the new articles each matches.",
    no_args_is_help=True,
)
app.add_typer(alerts_app, name="alerts")

ALERT_COLUMNS = ("name", "query", "speaker", "claims_about", "place", "webhook", "matches", "last_match",
                 "undelivered", "last_error")  # fmt: skip
MATCH_COLUMNS = ("id", "matched_at", "title", "site", "published_date", "url", "delivery")


@alerts_app.command("add")
def add_command(
    name: str = typer.Argument(
        ..., help="A short name: letters, digits, '-' and '_' (used in its feed's URL).", metavar="NAME"
    ),
    query: str | None = typer.Option(
        None, "--query", help="Words the article must contain (search syntax).", metavar="WORDS"
    ),
    speaker: str | None = typer.Option(
        None, "--speaker", help="Part of the name of someone quoted in it.", metavar="NAME"
    ),
    claims_about: str | None = typer.Option(
        None,
        "--claims-about",
        help="Words a numeric claim in it must be about (as `newsdesk claims --about`).",
        metavar="WORDS",
    ),
    place: str | None = typer.Option(None, "--place", help="ISO country code of a place it mentions.", metavar="CODE"),
    webhook: str | None = typer.Option(
        None, "--webhook", help="An http(s) URL each new match is POSTed to as JSON.", metavar="URL"
    ),
    replace: bool = typer.Option(False, "--replace", help="Give an existing alert these criteria (its matches stay)."),
    db: str | None = db_option(),
) -> None:
    """Save an alert. Every criterion given must hold; it matches articles stored from now on (so it may
    be saved in a new store, before the first ingest)."""
    spec = AlertSpec(name, query, speaker, claims_about, place, webhook)
    with open_store(db, create=True) as store:
        try:
            store.add_alert(spec, replace=replace)
        except StoreError as exc:
            raise typer.BadParameter(str(exc)) from None
    typer.echo(f"alert {name!r} saved; its feed: /alerts/{name}.atom on the desk (newsdesk serve)")


@alerts_app.command("list")
def list_command(db: str | None = db_option(), fmt: Format = format_option()) -> None:
    """The saved alerts: criteria, matches, deliveries waiting and the last delivery error."""
    with open_store(db) as store:
        emit(store.alerts(), fmt, ALERT_COLUMNS, title="alerts")


@alerts_app.command("remove")
def remove_command(name: str = typer.Argument(..., metavar="NAME"), db: str | None = db_option()) -> None:
    """Delete an alert with its matches and delivery log."""
    with open_store(db) as store:
        if not store.remove_alert(name):
            sys.stderr.write(f"newsdesk: no alert named {name!r}\n")
            raise typer.Exit(1)
    typer.echo(f"alert {name!r} removed")


@alerts_app.command("matches")
def matches_command(
    name: str = typer.Argument(..., metavar="NAME"),
    limit: int = typer.Option(20, "--limit", "-n", min=1, max=10_000, metavar="N"),
    db: str | None = db_option(),
    fmt: Format = format_option(),
) -> None:
    """An alert's matches, newest first (json: with the evidence, as the webhook receives it)."""
    with open_store(db) as store:
        if store.alert(name) is None:
            sys.stderr.write(f"newsdesk: no alert named {name!r}\n")
            raise typer.Exit(1)
        matches = store.alert_matches(name, limit=limit)
    flat: list[dict[str, Any]] = [{**match, **match["article"]} for match in matches]
    emit(matches if fmt is Format.json else flat, fmt, MATCH_COLUMNS, title=f"matches of {name}")


@alerts_app.command("deliver")
def deliver_command(db: str | None = db_option()) -> None:
    """POST the matches still owed to webhooks (ingest and each watch pass do this too)."""
    with open_store(db) as store:
        stats = deliver(store)
    if stats.waiting:
        raise typer.Exit(1)


def deliver(store: Store) -> DeliveryStats:
    """Deliver what is queued and say so in one line when there was anything to send."""
    stats = deliver_pending(store)
    if (stats.delivered or stats.rejected or stats.waiting) and not VERBOSITY.quiet:
        sys.stdout.write(
            f"alerts: {stats.delivered} delivered, {stats.rejected} refused by the receiver, "
            f"{stats.waiting} waiting for the next run\n"
        )
    return stats
