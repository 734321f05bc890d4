"""One pass over the watched sources, and the polling loop around it.

A pass: fetch each source (conditionally), list its items, keep the URLs not seen before
(normalised, so a story listed by several feeds is one item), fetch those pages politely and
ingest them through :func:`newsdesk.ingest.local.run` a chunk at a time. Each item URL is
marked seen by the ``on_written`` hook, inside the transaction that stores its article: a
``kill -9`` at any moment loses at most the chunk in hand, which the next run fetches again,
and stores nothing twice (ingest is idempotent). A stop request (SIGINT/SIGTERM) is honoured
between pages: the pages already fetched are ingested and committed, then the pass ends.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from newsdesk.ids import normalise_url
from newsdesk.ingest import MIN_CHUNKS_PER_WORKER, local
from newsdesk.ingest.sources import Item
from newsdesk.ingest.worker import Failed, Known, Parsed
from newsdesk.pipeline import BATCH_SIZE
from newsdesk.store import Status, Store
from newsdesk.store.backend import Backend, Row
from newsdesk.store.sources import ItemMark, SourceFetch, mark_item
from newsdesk.watch.http import FetchError, PoliteClient, Politeness, Validators
from newsdesk.watch.listing import Link, Listing, ListingError, read_listing

# Content types ingested as pages; anything else (PDF, images, video) is skipped with a reason.
PAGE_TYPES = frozenset({"", "text/html", "application/xhtml+xml", "text/plain"})
# Child sitemaps read per sitemap index and levels of nesting followed: a news site's index
# names a few dozen (one per day or section); more is an archive, not news.
MAX_CHILD_SITEMAPS = 50
MAX_SITEMAP_DEPTH = 2


@dataclass(frozen=True, slots=True)
class WatchOptions:
    """How a watch runs. ``max_new``: new items taken from one source per pass — Google News
    sitemaps hold at most 1,000 URLs, so a larger listing is an archive and the rest waits."""

    politeness: Politeness = field(default_factory=Politeness)
    workers: int = 1
    max_new: int = 1000


@dataclass(kw_only=True)
class PassStats(local.StoreCounts):
    """Counts of one pass: sources read, items listed and new, and what its ingest runs stored."""

    number: int = 0
    sources: int = 0
    source_errors: int = 0
    listed: int = 0
    new: int = 0


@dataclass(frozen=True, slots=True)
class _Pending:
    """A new item URL waiting to be fetched, and the source that listed it."""

    key: str
    link: Link
    source_id: int


ErrorHook = Callable[[str, str], None]


class Watcher:
    """Runs passes over sources with one polite client. Alerts need nothing from it: the store
    matches every article it writes against them (:mod:`newsdesk.store.alerts`)."""

    def __init__(
        self,
        store: Store,
        options: WatchOptions,
        stop: threading.Event,
        *,
        on_error: ErrorHook | None = None,
    ) -> None:
        self.store = store
        self.options = options
        self.stop = stop
        self.client = PoliteClient(options.politeness)
        self.on_error = on_error
        self.passes = 0
        self._pending: dict[str, _Pending] = {}  # by URL as listed, for the current chunk
        self._validators: dict[int, Validators] = {}  # by source, saved once the pass is complete

    def close(self) -> None:
        self.client.close()

    def run_pass(self, urls: list[str]) -> PassStats:
        """Poll every source in ``urls`` (adding the new ones), then ingest their new items."""
        self.passes += 1
        stats = PassStats(number=self.passes)
        new: dict[str, _Pending] = {}
        queue = [self.store.watch_source(url) for url in dict.fromkeys(urls)]
        polled: set[int] = set()
        while queue and not self.stop.is_set():
            source = queue.pop(0)
            if int(source["id"]) in polled:
                continue
            polled.add(int(source["id"]))
            queue += self._poll(source, new, stats)
        stats.new = len(new)
        self._ingest(list(new.values()), stats)
        self._save_validators()
        return stats

    def _save_validators(self) -> None:
        """Keep the sources' ETag / Last-Modified only after a complete pass: a pass cut short (a stop,
        a ``kill -9``) leaves the old ones, so the next fetch is not a 304 that hides unfetched items."""
        validators, self._validators = self._validators, {}
        if self.stop.is_set():
            return
        for source_id, found in validators.items():
            self.store.record_validators(source_id, found.etag, found.last_modified)

    def _poll(self, source: Row, new: dict[str, _Pending], stats: PassStats) -> list[Row]:
        """Fetch one source and add its unseen items to ``new``; returns the feeds a home page names."""
        stats.sources += 1
        url, source_id = str(source["url"]), int(source["id"])
        try:
            fetched = self.client.get(url, Validators(source["etag"], source["last_modified"]))
            if fetched.not_modified:
                self.store.record_fetch(source_id, SourceFetch(str(source["kind"]), "not modified"))
                self._retry(source_id, new)
                return []
            listing = read_listing(fetched.url, fetched.body, self.options.politeness.max_bytes)
            self._children(listing)
        except (FetchError, ListingError) as exc:
            stats.source_errors += 1
            self.store.record_fetch(source_id, SourceFetch(str(source["kind"]), "error", error=str(exc)))
            self._report(url, str(exc))
            return []
        note = self._take(listing, source_id, new) or listing.warning
        stats.listed += len(listing.links)
        self.store.record_fetch(
            source_id, SourceFetch(listing.kind, "partial" if note else "ok", len(listing.links), note)
        )
        self._validators[source_id] = fetched.validators
        if note:
            self._report(url, note)
        return [self.store.watch_source(feed, via=url) for feed in listing.feeds]

    def _retry(self, source_id: int, new: dict[str, _Pending]) -> None:
        """An unchanged feed still owes the items that failed for a passing reason: fetch them again."""
        for row in self.store.retry_items(source_id):
            new.setdefault(
                str(row["url_key"]), _Pending(str(row["url_key"]), Link(str(row["url"]), row["lastmod"]), source_id)
            )

    def _children(self, listing: Listing, depth: int = 1) -> None:
        """Read a sitemap index's child sitemaps into ``listing`` (a failed child becomes its warning)."""
        children, listing.sitemaps = listing.sitemaps[:MAX_CHILD_SITEMAPS], []
        for child in children:
            if self.stop.is_set():
                return
            try:
                fetched = self.client.get(child)
                found = read_listing(fetched.url, fetched.body, self.options.politeness.max_bytes)
            except (FetchError, ListingError) as exc:
                listing.warning = f"{child}: {exc}"
                continue
            listing.links += found.links
            if depth < MAX_SITEMAP_DEPTH:
                listing.sitemaps = found.sitemaps
                self._children(listing, depth + 1)

    def _take(self, listing: Listing, source_id: int, new: dict[str, _Pending]) -> str | None:
        """Add the listing's unseen links to ``new`` (at most ``max_new``); a note when some wait."""
        dates: dict[str, str | None] = {}
        links: dict[str, Link] = {}
        for link in listing.links:
            key = normalise_url(link.url)
            if key not in new and key not in links:
                links[key], dates[key] = link, link.lastmod
        settled = self.store.settled_items(dates)
        fresh = [(key, link) for key, link in links.items() if key not in settled]
        for key, link in fresh[: self.options.max_new]:
            new[key] = _Pending(key, link, source_id)
        if len(fresh) > self.options.max_new:
            return f"{len(fresh)} new items listed; {self.options.max_new} taken this pass, the rest on later passes"
        return None

    def _ingest(self, pending: list[_Pending], stats: PassStats) -> None:
        """Fetch and ingest the new items a chunk at a time, until done or asked to stop."""
        size = BATCH_SIZE * (1 if self.options.workers == 1 else self.options.workers * MIN_CHUNKS_PER_WORKER)
        for start in range(0, len(pending), size):
            if self.stop.is_set():
                return
            spool = Path(tempfile.mkdtemp(prefix="newsdesk-watch-"))
            try:
                items = self._fetch_pages(pending[start : start + size], spool, stats)
                if items:
                    self._run(items, stats)
            finally:
                shutil.rmtree(spool, ignore_errors=True)

    def _fetch_pages(self, chunk: list[_Pending], spool: Path, stats: PassStats) -> list[Item]:
        """Fetch a chunk's pages into ``spool``; refused and failed fetches are recorded at once."""
        items: list[Item] = []
        marks: list[ItemMark] = []
        self._pending = {}
        for number, item in enumerate(chunk):
            if self.stop.is_set():
                break
            url = item.link.url
            try:
                fetched = self.client.get(url)
                if fetched.content_type not in PAGE_TYPES:
                    raise FetchError(f"not a web page ({fetched.content_type}), skipped")
            except FetchError as exc:
                status = "retry" if exc.transient else "failed"
                marks.append(ItemMark(item.key, url, item.source_id, status, item.link.lastmod, str(exc)))
                self._report(url, str(exc))
                continue
            path = spool / f"{number}.html"
            path.write_bytes(fetched.body)
            self._pending[url] = item
            items.append(Item(source=url, path=str(path), url=fetched.url))
        stats.failed += len(marks)
        self.store.mark_items(marks)
        return items

    def _run(self, items: list[Item], stats: PassStats) -> None:
        """Ingest one chunk. No revisions are loaded to skip NLP (``known`` empty): the items are new
        URLs or ones their source re-dated, and loading every stored revision per chunk would make a
        long watch's memory and time grow with the store; the writer still stores nothing twice."""
        run = local.run(self.store, items, workers=self.options.workers, on_error=self.on_error,
                        on_written=self._written, known=set())  # fmt: skip
        stats.absorb(run)

    def _written(self, db: Backend, outcome: Parsed | Failed | Known, status: Status | None) -> None:
        """Mark the item seen in the transaction that stored (or refused) its article."""
        item = self._pending[outcome.source]
        if status in (Status.added, Status.revised):
            state, reason = "stored", None
        elif status is Status.unchanged:
            state, reason = "unchanged", None
        else:
            state, reason = "failed", outcome.reason if isinstance(outcome, Failed) else "could not store"
        mark_item(db, ItemMark(item.key, item.link.url, item.source_id, state, item.link.lastmod, reason))

    def _report(self, source: str, reason: str) -> None:
        if self.on_error:
            self.on_error(source, reason)


def watch(
    watcher: Watcher, urls: list[str], *, once: bool, interval: float, on_pass: Callable[[PassStats], None]
) -> None:
    """Pass after pass every ``interval`` seconds (one with ``once``) until the stop event is set.
    With no ``urls`` each pass polls every stored source."""
    while True:
        sources = urls or [str(row["url"]) for row in watcher.store.sources()]
        on_pass(watcher.run_pass(sources))
        if once or watcher.stop.wait(interval):
            return
