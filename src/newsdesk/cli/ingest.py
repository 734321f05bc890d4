"""``newsdesk ingest``: pages in, store updated, with a progress bar and a summary."""

from __future__ import annotations

import sys
from typing import NamedTuple

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

from newsdesk.cli.alerts import deliver
from newsdesk.cli.app import VERBOSITY, app, choices
from newsdesk.cli.extract import InputFormat
from newsdesk.cli.output import db_option, open_store
from newsdesk.ingest import local
from newsdesk.ingest.sources import Inputs, Item, PageMeta, collect, expand_warcs
from newsdesk.pipeline import BATCH_SIZE
from newsdesk.read import is_url
from newsdesk.record import iso_published
from newsdesk.store import Store
from newsdesk.store.backend import Backend
from newsdesk.store.writer import Status


@app.command("ingest")
def ingest_command(
    inputs: list[str] = typer.Argument(
        None,
        help="Page files, directories (recursive), globs, http(s) URLs, .urls lists, .jsonl files, or '-' for stdin.",
        show_default=False,
        metavar="INPUT",
    ),
    db: str | None = db_option(),
    urls: list[str] = typer.Option([], "--urls", help="A file of URLs, one per line (repeatable).", metavar="FILE"),
    workers: int = typer.Option(
        0, "--workers", "-w", help="Worker processes (default: all cores).", min=0, metavar="N"
    ),
    batch_size: int = typer.Option(
        BATCH_SIZE, "--batch-size", help="Pages per NLP batch and transaction.", min=1, metavar="N"
    ),
    cluster: str | None = typer.Option(
        None, "--cluster", help="Run on a Dask cluster started here: 'local' (--workers processes).", metavar="local"
    ),
    scheduler: str | None = typer.Option(
        None,
        "--scheduler",
        help="Run on an existing Dask cluster: its scheduler's address (tcp://HOST:8786).",
        metavar="ADDRESS",
    ),
    input_format: InputFormat = typer.Option(
        InputFormat.auto,
        "--input-format",
        help="What the page files are: auto tells HTML from scraped text by content; article is a clean text "
        "(headline, blank line, body) kept verbatim.",
        metavar=choices(InputFormat),
    ),
    url: str | None = typer.Option(None, "--url", help="The page's URL, for a single page file.", metavar="URL"),
    site: str | None = typer.Option(None, "--site", help="The site (host name) of a single input.", metavar="SITE"),
    published: str | None = typer.Option(
        None, "--published", help="Publication date of a single input (ISO 8601).", metavar="DATE"
    ),
) -> None:
    """Extract pages and store them: idempotent, resumable after a crash, errors recorded; then POST new
    alert matches to their webhooks. A page file's PAGE.meta.json sidecar, or a JSONL line's fields, may
    give input_format, url, site and published."""
    if not inputs and not urls:
        raise typer.BadParameter("give at least one input (or --urls FILE)", param_hint="INPUT")
    if cluster not in (None, "local"):
        raise typer.BadParameter("the only cluster newsdesk starts is 'local'", param_hint="--cluster")
    if cluster and scheduler:
        raise typer.BadParameter("give --cluster or --scheduler, not both", param_hint="--scheduler")
    if scheduler and workers:
        raise typer.BadParameter("the cluster at --scheduler has its own workers", param_hint="--workers")
    meta = _command_line_meta(input_format, url, site, published)
    collected = collect(inputs or [], urls, meta)
    _check_single(collected, meta)
    store = open_store(db, create=True)
    console = Console(stderr=True)
    columns = (
        TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[rate]:.1f} articles/s"), TextColumn("{task.fields[errors]} errors"),
        TimeElapsedColumn(), TimeRemainingColumn(),
    )  # fmt: skip
    try:
        shown = console.is_terminal and not VERBOSITY.quiet
        with Progress(*columns, console=console, disable=not shown) as progress:
            task = progress.add_task("ingest", total=len(collected.items), rate=0.0, errors=0)

            def on_error(source: str, reason: str) -> None:
                progress.console.print(
                    f"newsdesk: {source}: {' '.join(reason.split())}", markup=False, highlight=False, soft_wrap=True
                )

            def on_progress(stats: local.RunStats) -> None:
                progress.update(task, completed=stats.done, total=stats.inputs, rate=stats.rate, errors=stats.failed)

            hooks = Hooks(on_error, on_progress, _say_stored if VERBOSITY.verbose else None)
            if cluster or scheduler:
                stats = _on_cluster(store, collected.items, scheduler, workers, batch_size, hooks)
            else:
                stats = local.run(
                    store, expand_warcs(collected.items), workers=workers or None, batch_size=batch_size,
                    on_error=on_error, on_progress=on_progress, on_written=hooks.on_written,
                )  # fmt: skip
        if not VERBOSITY.quiet:
            _summary(stats, store.stats())
        deliver(store)
    finally:
        collected.cleanup()
        store.close()
    if stats.failed:
        raise typer.Exit(1)


def _command_line_meta(input_format: InputFormat, url: str | None, site: str | None, published: str | None) -> PageMeta:
    """The ``--input-format --url --site --published`` options, checked."""
    if url is not None and not is_url(url):
        raise typer.BadParameter(f"not an http(s) URL: {url}", param_hint="--url")
    day = iso_published(published) if published is not None else None
    if published is not None and day is None:
        raise typer.BadParameter(f"not an ISO 8601 date: {published!r} (use YYYY-MM-DD)", param_hint="--published")
    return PageMeta(input_format.value, url, site or None, day)


def _check_single(collected: Inputs, meta: PageMeta) -> None:
    """``--url``, ``--site`` and ``--published`` describe one page: refuse them for many (or none)."""
    given = [name for name, value in (("--url", meta.url), ("--site", meta.site), ("--published", meta.published))
             if value]  # fmt: skip
    if not given:
        return
    pages = [item for item in collected.items if item.path or item.url]
    if len(collected.items) != 1 or len(pages) != 1:
        collected.cleanup()
        raise typer.BadParameter(
            f"{'/'.join(given)} describe one page: give one page file or URL (for many: PAGE.meta.json sidecars "
            "or JSONL fields)",
            param_hint=given[0],
        )
    if meta.url and pages[0].path is None:
        collected.cleanup()
        raise typer.BadParameter("--url names a page file's address; the input is already a URL", param_hint="--url")


def _say_stored(_db: Backend, outcome: local.Outcome, status: Status | None) -> None:
    """``-v``: what became of each input (failures are reported as they happen)."""
    if status is not None:
        sys.stderr.write(f"newsdesk: {outcome.source}: {status.value}\n")


class Hooks(NamedTuple):
    """What the runners call as they go: a failure, the counts so far, and (``-v``) each stored input."""

    on_error: local.ErrorHook
    on_progress: local.ProgressHook
    on_written: local.WrittenHook | None


def _on_cluster(
    store: Store, items: list[Item], scheduler: str | None, workers: int, batch_size: int, hooks: Hooks
) -> local.RunStats:
    """The ingest on a Dask cluster (imported only here: Dask is the optional ``cluster`` extra)."""
    try:
        from newsdesk.ingest import cluster
    except ImportError as exc:
        raise typer.BadParameter(
            f"needs Dask ({exc.name} is missing): pip install 'newsdesk[cluster]'", param_hint="--cluster/--scheduler"
        ) from None
    try:
        with cluster.connect(scheduler, workers or local.default_workers()) as client:
            return cluster.run(
                store, items, client, batch_size=batch_size, on_error=hooks.on_error, on_progress=hooks.on_progress,
                on_written=hooks.on_written,
            )  # fmt: skip
    except cluster.ClusterError as exc:
        sys.stderr.write(f"newsdesk: {exc}\n")
        raise typer.Exit(2) from None


def _summary(stats: local.RunStats, totals: dict[str, int]) -> None:
    out = sys.stdout.write
    out(
        f"ingested {stats.done} inputs in {stats.elapsed:.1f} s ({stats.rate:.1f} articles/s, "
        f"{stats.workers} worker{'s' if stats.workers > 1 else ''}, peak worker memory {stats.peak_rss_mb:.0f} MB)\n"
    )
    failed = f"failed {stats.failed} (see the ingest_errors table)" if stats.failed else "failed 0"
    out(f"  added {stats.added}, revised {stats.revised}, unchanged {stats.unchanged}, {failed}\n")
    out(
        f"  store: {totals['articles']} articles ({totals['article_revisions']} revisions) in "
        f"{totals['story_groups']} stories, {totals['entities']} entities, {totals['quotes']} quotes "
        f"({totals['quote_groups']} statements), {totals['claims']} claims, {totals['places']} places\n"
    )
