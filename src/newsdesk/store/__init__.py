"""The store: articles and what was extracted from them, in SQLite (default) or PostgreSQL.

``Store.open(target)`` opens (and migrates) a store; its methods are the query API that the
CLI and the web desk share, each returning plain dicts. Module map: :mod:`.backend`,
:mod:`.sqlite`, :mod:`.postgres` (the dialect seam), :mod:`.migrations` (schema),
:mod:`.writer` (writing records), :mod:`.minhash` (near-duplicates), :mod:`.search`, :mod:`.facets`,
:mod:`.people`, :mod:`.claims`, :mod:`.articles`, :mod:`.sources`, :mod:`.alerts` (queries),
:mod:`.export` and :mod:`.gkg` (exports). Running an ingest is :mod:`newsdesk.ingest`'s; nothing
here loads the pipeline. See docs/store.md.
"""

from __future__ import annotations

from pathlib import Path
from types import TracebackType

from newsdesk.record import Article
from newsdesk.store.alerts import AlertQueries
from newsdesk.store.articles import ArticleQueries
from newsdesk.store.backend import DEFAULT_DB, Backend, StoreError, connect
from newsdesk.store.claims import ClaimQueries
from newsdesk.store.facets import FacetQueries
from newsdesk.store.migrations import migrate
from newsdesk.store.minhash import signature
from newsdesk.store.people import PeopleQueries
from newsdesk.store.search import Filters, SearchQueries
from newsdesk.store.sources import SourceQueries
from newsdesk.store.text import content_hash
from newsdesk.store.writer import Status, record_error, write_article

__all__ = ["DEFAULT_DB", "Filters", "Status", "Store", "StoreError"]


class Store(SearchQueries, FacetQueries, PeopleQueries, ClaimQueries, ArticleQueries, SourceQueries, AlertQueries):
    """An open store. Every query method is backend-agnostic and returns plain dicts."""

    def __init__(self, db: Backend) -> None:
        self.db = db

    @classmethod
    def open(cls, target: str | Path | None = None) -> Store:
        """Open ``target`` (a SQLite path, default ``./newsdesk.db``, or a ``postgresql://`` URL) and migrate it."""
        db = connect(target)
        try:
            migrate(db)
        except Exception:
            db.close()
            raise
        return cls(db)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()

    def add(self, article: Article) -> Status:
        """Store one article record in its own transaction (the ingest runner batches instead)."""
        with self.db.transaction():
            return write_article(self.db, article, content_hash(article.text), signature(article.body))

    def add_error(self, source: str, reason: str) -> None:
        """Record one input that could not be ingested."""
        with self.db.transaction():
            record_error(self.db, source, reason)

    def known_revisions(self) -> set[tuple[str, str]]:
        """(article key, content hash) of every stored revision: inputs the ingest can skip before NLP."""
        rows = self.db.query(
            "SELECT a.key, r.content_hash FROM article_revisions r JOIN articles a ON a.id = r.article_id"
        )
        return {(row["key"], row["content_hash"]) for row in rows}
