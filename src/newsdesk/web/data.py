"""The desk's data access: one store handle per worker thread, plus the few queries the store lacks.

FastAPI runs plain ``def`` routes in a thread pool, and a SQLite connection belongs to the
thread that opened it, so each thread lazily opens its own :class:`~newsdesk.store.Store`
on the same target. Unless the server was started with ``--allow-ingest`` those handles
are read-only at the database level (SQLite ``query_only``, PostgreSQL read-only
transactions), so no route can write even by mistake.

Everything else goes through the store's public query API. The queries below are the
ones the pages need and the store does not offer (yet): search facets and totals, entity
and quote listings, the articles that mention an entity, a country's places and the most
claimed-about subjects. They use the store's own SQL helpers and ``?`` parameters only, and
can move into the store unchanged.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsdesk.store import Filters, Store
from newsdesk.store.backend import Row, SearchKind, connect
from newsdesk.store.search import filter_sql, like

FACET_SIZE = 8
FACET_SAMPLE = 1000
# SQLite calls the progress handler every this many virtual-machine instructions: often
# enough to stop a runaway query within milliseconds, rarely enough to cost nothing.
_PROGRESS_STEPS = 20_000


class Desk:
    """The store the desk serves, opened once to migrate it, then once per worker thread."""

    def __init__(self, target: str | Path, *, writable: bool = False) -> None:
        self.target = str(target)
        self.writable = writable
        Store.open(self.target).close()  # creates or migrates the schema, the only write at start-up
        # Handles live as long as their worker thread: a SQLite connection cannot even be
        # closed from another thread, and the pool's threads last as long as the server.
        self._local = threading.local()

    def store(self) -> Store:
        """This thread's store handle (opened on first use)."""
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = Store(connect(self.target))
            if not self.writable:
                _read_only(store)
            self._local.store = store
        return store

    @contextmanager
    def deadline(self, seconds: float) -> Iterator[Store]:
        """This thread's store, with SQLite queries interrupted once ``seconds`` have passed."""
        store = self.store()
        conn = getattr(store.db, "conn", None)
        if store.db.name != "sqlite" or conn is None:
            yield store
            return
        limit = time.monotonic() + seconds
        conn.set_progress_handler(lambda: int(time.monotonic() > limit), _PROGRESS_STEPS)
        try:
            yield store
        finally:
            conn.set_progress_handler(None, 0)


def _read_only(store: Store) -> None:
    """Make the connection refuse writes, whatever SQL a route sends."""
    if store.db.name == "sqlite":
        store.db.execute("PRAGMA query_only = ON")
    else:
        store.db.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")


# ---------------------------------------------------------------- search: totals and facets


@dataclass(slots=True)
class Facets:
    """Counts of matching articles per value of each filter, plus the number of hits."""

    total: int = 0
    """Hits (articles and quotes) the search has in all."""
    articles: int = 0
    """Distinct articles among the hits."""
    counted: int = 0
    """Articles the facet counts are over: all of them, or the ``FACET_SAMPLE`` most recently added."""
    site: list[Row] = field(default_factory=list)
    month: list[Row] = field(default_factory=list)
    country: list[Row] = field(default_factory=list)
    speaker: list[Row] = field(default_factory=list)
    stance: list[Row] = field(default_factory=list)


def _matches(store: Store, text: str, filters: Filters, kinds: tuple[SearchKind, ...]) -> tuple[str, list[Any]]:
    """SQL for the (article_id, quote_id) rows a search matches, as the store's search finds them."""
    branches, params = [], []
    if not text.strip():
        where, filter_params = filter_sql("article", filters)
        return f"SELECT a.id AS article_id, NULL AS quote_id FROM articles a WHERE 1 = 1{where}", filter_params
    for kind in kinds:
        clause = store.db.fts(kind, text)
        where, filter_params = filter_sql(kind, filters)
        quote_id = "q.id" if kind == "quote" else "NULL"
        branches.append(
            f"SELECT a.id AS article_id, {quote_id} AS quote_id FROM {clause.source} WHERE {clause.where}{where}"
        )
        params += [*clause.params, *filter_params]
    return " UNION ALL ".join(branches), params


def facets(store: Store, text: str, filters: Filters, kinds: tuple[SearchKind, ...] = ("article", "quote")) -> Facets:
    """How many hits a search has, and how the matching articles split by site, month, country, speaker, stance.

    The full-text match runs once, for the matched article ids and the exact totals. The
    facets then count over at most ``FACET_SAMPLE`` of those articles (the most recently
    added): a word in half of a large store would otherwise cost a join over every quote
    and place of thousands of articles on each page view. The page says when it sampled.
    """
    matches, params = _matches(store, text, filters, kinds)
    rows = store.db.query(
        f"SELECT article_id, COUNT(*) AS hits FROM ({matches}) m GROUP BY article_id ORDER BY article_id DESC", params
    )
    out = Facets(total=sum(int(row["hits"]) for row in rows), articles=len(rows))
    ids = [int(row["article_id"]) for row in rows[:FACET_SAMPLE]]
    out.counted = len(ids)
    if not ids:
        return out
    marks = ", ".join("?" * len(ids))
    branches = [
        _facet("site", "a.site", "articles a", "a.id", marks),
        _facet("month", "substr(a.published_date, 1, 7)", "articles a", "a.id", marks),
        _facet("country", "p.country", "places p", "p.article_id", marks),
        _facet("speaker", "COALESCE(e.name, q.speaker_name)",
               "quotes q LEFT JOIN entities e ON e.id = q.speaker_entity_id", "q.article_id", marks),
        _facet("stance", "q.stance", "quotes q", "q.article_id", marks),
    ]  # fmt: skip
    for row in store.db.query(" UNION ALL ".join(branches), ids * len(branches)):
        getattr(out, row["facet"]).append({"value": row["value"], "n": int(row["n"])})
    return out


def _facet(name: str, value: str, source: str, article: str, marks: str) -> str:
    """One facet's branch: its top values among the given articles (months: the newest)."""
    order = "value DESC" if name == "month" else "n DESC, value"
    return (
        f"SELECT * FROM (SELECT '{name}' AS facet, {value} AS value, COUNT(DISTINCT {article}) AS n FROM {source} "
        f"WHERE {article} IN ({marks}) AND {value} IS NOT NULL GROUP BY {value} ORDER BY {order} "
        f"LIMIT {FACET_SIZE}) {name}_facet"
    )


# ---------------------------------------------------------------- listings the store does not have


def entities(
    store: Store, *, kind: str | None = None, name: str | None = None, limit: int = 50, offset: int = 0
) -> list[Row]:
    """Entities with article and mention counts, most written-about first; filter by type or name part."""
    where, params = "", []
    if kind:
        where += " AND type = ?"
        params.append(kind.upper())
    if name:
        where += " AND lower(name) LIKE ? ESCAPE '\\'"
        params.append(like(name))
    return store.db.query(
        f"SELECT entity_id, name, type, articles, mentions FROM entities_with_counts WHERE 1 = 1{where} "
        "ORDER BY articles DESC, mentions DESC, name LIMIT ? OFFSET ?",
        (*params, limit, offset),
    )


def entity_articles(store: Store, entity_id: int, *, limit: int = 20) -> list[Row]:
    """The newest articles that mention an entity, with how often."""
    return store.db.query(
        "SELECT a.key, a.title, a.site, a.published_date, ae.mention_count FROM article_entities ae "
        "JOIN articles a ON a.id = ae.article_id WHERE ae.entity_id = ? "
        "ORDER BY a.published_date DESC NULLS LAST, a.id DESC LIMIT ?",
        (entity_id, limit),
    )


def quotes(store: Store, *, filters: Filters = Filters(), limit: int = 50, offset: int = 0) -> list[Row]:
    """Printed quotes, newest first, filtered like a search (speaker, stance, site, dates, country)."""
    where, params = filter_sql("quote", filters)
    return store.db.query(
        "SELECT q.id AS quote_id, q.quote_group_id, q.local_id, COALESCE(e.name, q.speaker_name) AS speaker, "
        "q.speaker_entity_id, q.speaker_title, q.content, q.cue, q.kind, q.stance, q.via_medium, q.via_outlet, "
        "a.key AS article_key, a.title AS article_title, a.site, a.url, a.published_date "
        "FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN entities e ON e.id = q.speaker_entity_id "
        f"WHERE 1 = 1{where} ORDER BY a.published_date DESC NULLS LAST, q.id DESC LIMIT ? OFFSET ?",
        (*params, limit, offset),
    )


def country_places(store: Store, country: str, *, limit: int = 30) -> list[Row]:
    """The places inside one country that articles mention, most mentioned first."""
    return store.db.query(
        "SELECT name, kind, SUM(mention_count) AS mentions, COUNT(DISTINCT article_id) AS articles FROM places "
        "WHERE country = ? GROUP BY name, kind ORDER BY mentions DESC, name LIMIT ?",
        (country.upper(), limit),
    )


def claim_subjects(store: Store, *, limit: int = 20) -> list[Row]:
    """What numbers are most often claimed about (claim objects), to start the claims tracker from."""
    return store.db.query(
        "SELECT object AS value, COUNT(*) AS claims, COUNT(DISTINCT article_id) AS articles FROM claims "
        "WHERE object IS NOT NULL GROUP BY object ORDER BY claims DESC, value LIMIT ?",
        (limit,),
    )


def article_keys(store: Store, ids: list[int]) -> dict[int, str]:
    """Store article id → article key (the URLs use keys), for rows that only carry the id."""
    if not ids:
        return {}
    unique = sorted(set(ids))
    rows = store.db.query(f"SELECT id, key FROM articles WHERE id IN ({', '.join('?' * len(unique))})", unique)
    return {int(row["id"]): str(row["key"]) for row in rows}
