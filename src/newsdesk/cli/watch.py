"""``newsdesk watch`` (follow feeds, sitemaps and sites) and ``newsdesk sources`` (what is followed)."""

from __future__ import annotations

import signal
import sys
import threading
from types import FrameType

import typer

from newsdesk.cli.alerts import deliver
from newsdesk.cli.app import VERBOSITY, app, report_failure
from newsdesk.cli.output import Format, db_option, emit, format_option, missing_sqlite_file, open_store, store_target
from newsdesk.read import is_url
from newsdesk.store.sources import SOURCE_COLUMNS
from newsdesk.watch.http import USER_AGENT, Politeness
from newsdesk.watch.loop import PassStats, Watcher, WatchOptions, watch

# Default seconds between passes: news feeds refresh every few minutes, and five is the usual
# floor publishers ask aggregators to respect.
DEFAULT_INTERVAL = 300.0
_DEFAULTS = Politeness()


@app.command("watch")
def watch_command(
    sources: list[str] = typer.Argument(
        None,
        help="RSS/Atom feeds, sitemaps (index, news, gzipped) or home pages (their feeds are found). "
        "None: every source already watched.",
        show_default=False,
        metavar="SOURCE",
    ),
    db: str | None = db_option(),
    once: bool = typer.Option(False, "--once", help="One pass, then exit (for cron)."),
    interval: float = typer.Option(
        DEFAULT_INTERVAL, "--interval", help="Seconds between passes.", min=1.0, metavar="SECONDS"
    ),
    workers: int = typer.Option(1, "--workers", "-w", help="Worker processes for the NLP.", min=1, metavar="N"),
    delay: float = typer.Option(
        _DEFAULTS.delay, "--delay", help="Seconds between two requests to one host.", min=0, metavar="SECONDS"
    ),
    timeout: float = typer.Option(
        _DEFAULTS.timeout, "--timeout", help="Seconds per request.", min=0.1, metavar="SECONDS"
    ),
    user_agent: str = typer.Option(
        USER_AGENT, "--user-agent", help="User-Agent sent (and matched in robots.txt).", metavar="TEXT"
    ),
    max_new: int = typer.Option(
        1000, "--max-new", help="New items taken from one source per pass.", min=1, metavar="N"
    ),
) -> None:
    """Follow sources: ingest their new stories, politely, each story once; after each pass, POST new alert
    matches to their webhooks. Stops cleanly on SIGINT/SIGTERM."""
    for source in sources or []:
        if not is_url(source):
            raise typer.BadParameter(f"not an http(s) URL: {source}", param_hint="SOURCE")
    politeness = Politeness(user_agent=user_agent, delay=delay, timeout=timeout)
    stop = threading.Event()
    if not sources and (missing := missing_sqlite_file(store_target(db))) is not None:  # nothing to follow
        raise typer.BadParameter(
            f"give a SOURCE: no source is watched yet (no store at {missing})", param_hint="SOURCE"
        )
    with open_store(db, create=True) as store:
        if not sources and not store.sources():
            raise typer.BadParameter("give a SOURCE: no source is watched yet", param_hint="SOURCE")
        watcher = Watcher(store, WatchOptions(politeness, workers, max_new), stop, on_error=report_failure)
        _stop_on_signals(stop)
        try:
            failed = _run(watcher, sources or [], once, interval)
        finally:
            watcher.close()
    if once and failed:
        raise typer.Exit(1)


def _run(watcher: Watcher, sources: list[str], once: bool, interval: float) -> bool:
    """Run the passes; whether a source failed in the last one."""
    last = PassStats()

    def on_pass(stats: PassStats) -> None:
        nonlocal last
        last = stats
        _summary(stats)
        if not watcher.stop.is_set():
            deliver(watcher.store)

    watch(watcher, sources, once=once, interval=interval, on_pass=on_pass)
    return last.source_errors > 0


def _stop_on_signals(stop: threading.Event) -> None:
    """SIGINT and SIGTERM end the watch after the article in hand, not in the middle of it."""

    def handler(signum: int, _frame: FrameType | None) -> None:
        sys.stderr.write(f"newsdesk: {signal.Signals(signum).name}: finishing the pages in hand, then stopping\n")
        stop.set()

    signal.signal(signal.SIGINT, handler)
    signal.signal(signal.SIGTERM, handler)


def _summary(stats: PassStats) -> None:
    if VERBOSITY.quiet:
        return
    sys.stdout.write(
        f"pass {stats.number}: {stats.sources} sources ({stats.source_errors} failed), {stats.listed} items listed, "
        f"{stats.new} new; added {stats.added}, revised {stats.revised}, unchanged {stats.unchanged}, "
        f"failed {stats.failed}; {stats.elapsed:.1f} s, peak memory {stats.peak_rss_mb:.0f} MB\n"
    )
    sys.stdout.flush()


@app.command("sources")
def sources_command(db: str | None = db_option(), fmt: Format = format_option()) -> None:
    """The sources `newsdesk watch` follows: last fetch, status, counts and last error."""
    with open_store(db) as store:
        rows = store.sources()
    emit(rows, fmt, SOURCE_COLUMNS, title="watched sources")
