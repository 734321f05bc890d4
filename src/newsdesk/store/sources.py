"""What ``newsdesk watch`` keeps: the sources it follows and every item URL it has seen.

Queries are ``Store`` methods (:class:`SourceQueries`); :func:`mark_item` runs inside the
caller's transaction, the one that stores the item's article, so a URL is never marked seen
without its article (a ``kill -9`` in between loses both, and the next pass fetches it again).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from newsdesk.store.backend import Backend, Row
from newsdesk.store.text import now
from newsdesk.store.writer import record_error

# Keys per ``IN (…)`` query: well under SQLite's 32,766 host parameters and PostgreSQL's 65,535.
_KEYS_PER_QUERY = 500
# Fetches of an item that failed for a passing reason (timeout, 5xx) before it counts as failed:
# three passes ride out a site's bad quarter of an hour at the default interval.
MAX_ATTEMPTS = 3
SOURCE_COLUMNS = (
    "url", "kind", "status", "last_fetch", "fetches", "items_listed", "stories_added", "errors", "last_error",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class SourceFetch:
    """What one fetch of a source found (``listed``: item URLs it named)."""

    kind: str
    status: str
    listed: int = 0
    error: str | None = None


@dataclass(frozen=True, slots=True)
class ItemMark:
    """One item URL's outcome: ``stored``, ``unchanged``, ``failed`` or ``retry``."""

    url_key: str
    url: str
    source_id: int | None
    status: str
    lastmod: str | None = None
    reason: str | None = None


def mark_item(db: Backend, mark: ItemMark) -> None:
    """Record an item URL as seen (in the caller's transaction); a new story counts for its source."""
    stamp = now()
    db.execute(
        "INSERT INTO watch_items (url_key, url, source_id, status, lastmod, reason, attempts, first_seen, last_fetch) "
        "VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?) ON CONFLICT (url_key) DO UPDATE SET status = excluded.status, "
        "lastmod = excluded.lastmod, reason = excluded.reason, attempts = watch_items.attempts + 1, "
        "last_fetch = excluded.last_fetch",
        (mark.url_key, mark.url, mark.source_id, mark.status, mark.lastmod, mark.reason, stamp, stamp),
    )
    if mark.source_id is not None and mark.status == "stored":
        db.execute("UPDATE watch_sources SET stories_added = stories_added + 1 WHERE id = ?", (mark.source_id,))


class SourceQueries:
    """``Store.sources`` and the watch's bookkeeping."""

    db: Backend

    def sources(self) -> list[Row]:
        """Every watched source, in the order they were added, with its counts and last error."""
        return self.db.query(
            "SELECT id, url, kind, via, added_at, last_fetch, status, etag, last_modified, fetches, items_listed, "
            "stories_added, errors, last_error FROM watch_sources ORDER BY id"
        )

    def watch_source(self, url: str, via: str | None = None) -> Row:
        """The source's row, added first when it is new (``via``: the site page it was found on)."""
        with self.db.transaction():
            self.db.execute(
                "INSERT INTO watch_sources (url, kind, via, added_at) VALUES (?, 'new', ?, ?) "
                "ON CONFLICT (url) DO NOTHING",
                (url, via, now()),
            )
            row = self.db.query_one("SELECT * FROM watch_sources WHERE url = ?", (url,))
        assert row is not None
        return row

    def record_fetch(self, source_id: int, fetch: SourceFetch) -> None:
        """Note one fetch of a source; ``last_error`` keeps the latest error when this fetch had none."""
        with self.db.transaction():
            self.db.execute(
                "UPDATE watch_sources SET kind = ?, status = ?, last_fetch = ?, fetches = fetches + 1, "
                "items_listed = items_listed + ?, errors = errors + ?, last_error = COALESCE(?, last_error) "
                "WHERE id = ?",
                (fetch.kind, fetch.status, now(), fetch.listed, 1 if fetch.error else 0, fetch.error, source_id),
            )

    def record_validators(self, source_id: int, etag: str | None, last_modified: str | None) -> None:
        """The ETag / Last-Modified the next fetch of the source sends (a response without them clears them)."""
        with self.db.transaction():
            self.db.execute(
                "UPDATE watch_sources SET etag = ?, last_modified = ? WHERE id = ?", (etag, last_modified, source_id)
            )

    def retry_items(self, source_id: int) -> list[Row]:
        """The source's items that failed for a passing reason and have attempts left."""
        return self.db.query(
            "SELECT url_key, url, lastmod FROM watch_items WHERE source_id = ? AND status = 'retry' AND attempts < ?",
            (source_id, MAX_ATTEMPTS),
        )

    def mark_items(self, marks: Iterable[ItemMark]) -> None:
        """Record item outcomes that store no article (a fetch refused or failed), in one transaction."""
        with self.db.transaction():
            for mark in marks:
                mark_item(self.db, mark)
                if mark.reason:
                    record_error(self.db, mark.url, mark.reason)

    def settled_items(self, lastmods: dict[str, str | None]) -> set[str]:
        """The URL keys not to fetch: seen before, not left to retry, and not dated later by the source."""
        keys = list(lastmods)
        settled: set[str] = set()
        for start in range(0, len(keys), _KEYS_PER_QUERY):
            part = keys[start : start + _KEYS_PER_QUERY]
            rows = self.db.query(
                f"SELECT url_key, status, lastmod, attempts FROM watch_items "
                f"WHERE url_key IN ({', '.join('?' * len(part))})",
                part,
            )
            settled.update(row["url_key"] for row in rows if _settled(row, lastmods[row["url_key"]]))
        return settled


def _settled(row: Row, lastmod: str | None) -> bool:
    if row["status"] == "retry" and int(row["attempts"]) < MAX_ATTEMPTS:
        return False
    return not (lastmod and row["lastmod"] and lastmod > row["lastmod"])
