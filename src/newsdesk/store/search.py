"""Full-text search over articles and quotes, with the desk's filters, on either backend."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from newsdesk.store.backend import Backend, Row, SearchKind
from newsdesk.store.shown import shown_quote_rows
from newsdesk.store.text import words

Sort = Literal["relevance", "newest"]
DEFAULT_MARK = ("[", "]")
# How much an article's best-matching quote adds to its rank, on the scale where the best
# article match of a search is 1. Below 1 so that an article whose only match is one quoted
# word ranks under one that names the subject in its headline (tests/test_store_search.py).
# Checked on the 91 article-extraction-dev pages, tuning half of 70 entity-name queries: the
# first hit is an article naming the entity in its title for 12/13 (weight 0), 11/13 (0.25,
# 0.5, 1.0), 10/13 before this ranking; 0.5 keeps quotes counting. Held-back: 13/19 (was 11/19).
QUOTE_WEIGHT = 0.5


@dataclass(frozen=True, slots=True)
class Filters:
    """Restrictions shared by search and listings; None means "any"."""

    speaker: str | None = None
    site: str | None = None
    since: str | None = None
    until: str | None = None
    country: str | None = None
    stance: str | None = None
    # Quotes the desk hides by default (non-speech attributions, unsure ones) count too.
    everything: bool = False
    language: str | None = None
    """ISO 639-1 code the article was detected in (``de``)."""


def escape_like(text: str) -> str:
    """``text`` with the ``LIKE`` wildcards escaped (for ``ESCAPE '\\'``)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def like(text: str) -> str:
    """A ``LIKE`` pattern for "contains ``text``", to match against ``lower(column)``."""
    return f"%{escape_like(text.lower())}%"


def speaker_condition(alias: str) -> str:
    """SQL: the quote ``alias`` is by a speaker whose name contains the (two) bound patterns."""
    return (
        f"(lower(COALESCE({alias}.speaker_name, '')) LIKE ? ESCAPE '\\' OR {alias}.speaker_entity_id IN "
        "(SELECT id FROM entities WHERE lower(name) LIKE ? ESCAPE '\\'))"
    )


def filter_sql(kind: SearchKind, filters: Filters) -> tuple[str, list[Any]]:
    """``AND …`` conditions over articles ``a`` (and quotes ``q``) for the given filters."""
    conditions: list[str] = []
    params: list[Any] = []
    if filters.site:
        conditions.append("lower(a.site) = lower(?)")
        params.append(filters.site)
    if filters.since:
        conditions.append("a.published_date >= ?")
        params.append(filters.since)
    if filters.until:
        conditions.append("a.published_date <= ?")
        params.append(filters.until)
    if filters.language:
        conditions.append("a.language = ?")
        params.append(filters.language.lower())
    if filters.country:
        # IN (uncorrelated) rather than EXISTS: computed once, not probed per matching row.
        conditions.append("a.id IN (SELECT p.article_id FROM places p WHERE p.country = ?)")
        params.append(filters.country.upper())
    quote_conditions: list[str] = []
    quote_params: list[Any] = []
    alias = "q" if kind == "quote" else "x"
    if filters.speaker:
        quote_conditions.append(speaker_condition(alias))
        quote_params += [like(filters.speaker)] * 2
    if filters.stance:
        quote_conditions.append(f"{alias}.stance = ?")
        quote_params.append(filters.stance)
    if not filters.everything and (quote_conditions or kind == "quote"):
        shown, shown_params = shown_quote_rows(alias)
        quote_conditions.append(shown.removeprefix(" AND "))
        quote_params += shown_params
    if quote_conditions and kind == "quote":
        conditions += quote_conditions
    elif quote_conditions:
        joined = " AND ".join(quote_conditions)
        conditions.append(f"a.id IN (SELECT x.article_id FROM quotes x WHERE {joined})")
    params += quote_params
    return "".join(f" AND {condition}" for condition in conditions), params


@dataclass(frozen=True, slots=True)
class Matching:
    """The rows of one kind that a search matches: ``FROM … WHERE …`` over ``a`` (and ``q``), filters included.

    The search ranks them and the facets count them; building both from this keeps the two
    in agreement about what matches."""

    rows: str
    score: str
    params: list[Any]


def matching(db: Backend, kind: SearchKind, text: str, filters: Filters) -> Matching:
    """The full-text match of ``text`` among rows of ``kind``, restricted by ``filters``."""
    clause = db.fts(kind, text)
    where, filter_params = filter_sql(kind, filters)
    return Matching(f"FROM {clause.source} WHERE {clause.where}{where}", clause.score, [*clause.params, *filter_params])


def hit_page(
    db: Backend, text: str, filters: Filters, *, kinds: Sequence[SearchKind], sort: Sort, limit: int, offset: int
) -> list[Row]:
    """One page of matches of each of ``kinds``, best (or newest) first: ``kind``, ``article_id``,
    ``quote_id`` and ``score`` only, so that each caller fetches the rows it shows once."""
    branches, params = [], []
    order = "score DESC" if sort == "relevance" else "published_date DESC NULLS LAST, score DESC"
    for kind in kinds:
        match = matching(db, kind, text, filters)
        quote_id = "q.id" if kind == "quote" else "CAST(NULL AS BIGINT)"
        # Each kind's best offset + limit rows first: the merge then sorts a page, not every match.
        branches.append(
            f"SELECT * FROM (SELECT '{kind}' AS kind, a.id AS article_id, {quote_id} AS quote_id, "
            f"{match.score} AS score, a.published_date {match.rows} ORDER BY {order} LIMIT ?) {kind}_hits"
        )
        params += [*match.params, offset + limit]
    return db.query(
        f"SELECT kind, article_id, quote_id, score FROM ({' UNION ALL '.join(branches)}) hits "
        f"ORDER BY {order}, article_id DESC, quote_id LIMIT ? OFFSET ?",
        (*params, limit, offset),
    )


class SearchQueries:
    """``Store.search``: one ranked, paginated list of matching articles and quotes."""

    db: Backend

    def search(
        self,
        text: str,
        *,
        filters: Filters = Filters(),
        kinds: Sequence[SearchKind] = ("article", "quote"),
        sort: Sort = "relevance",
        limit: int = 20,
        offset: int = 0,
        mark: tuple[str, str] = DEFAULT_MARK,
    ) -> list[Row]:
        """Articles and quotes matching ``text``, best (or newest) first.

        Each hit is a dict with ``kind`` (``article`` or ``quote``), the article's ``article_id``,
        ``article_key``, ``title``, ``site``, ``url`` and ``published_date``; ``sources`` (sites
        carrying the story, or repeating the quote); for quotes ``quote_id``, ``quote_group_id``,
        ``speaker``, ``stance`` and ``cue``; a ``snippet`` with matches between the ``mark``
        strings; and ``score`` (higher is better; comparable within one backend only).
        """
        if not words(text) or not kinds:
            return []
        if sort == "relevance" and set(kinds) == {"article", "quote"}:
            hits = self._ranked(text, filters, limit, offset)
        else:
            hits = hit_page(self.db, text, filters, kinds=kinds, sort=sort, limit=limit, offset=offset)
        return self._describe(hits, text, mark)

    def _ranked(self, text: str, filters: Filters, limit: int, offset: int) -> list[Row]:
        """Articles ranked by their own match plus their best quote's, each followed by its matching quotes.

        BM25 (SQLite) and ts_rank_cd (PostgreSQL) scores of articles and of quotes are on
        different scales (a two-word quote scores far above a long article), so each kind's
        scores are divided by that kind's best score in this search before they are added.
        A quote then only lifts its own article, and by at most :data:`QUOTE_WEIGHT`: a
        passing mention in quotation marks cannot outrank an article about the subject.
        """
        article, quote = (matching(self.db, kind, text, filters) for kind in ("article", "quote"))
        sql = (
            f"WITH article_hits AS (SELECT a.id AS article_id, {article.score} AS score {article.rows}), "
            f"quote_hits AS (SELECT a.id AS article_id, q.id AS quote_id, {quote.score} AS score {quote.rows}), "
            "best_quotes AS (SELECT article_id, MAX(score) AS score FROM quote_hits GROUP BY article_id), "
            "parts AS (SELECT article_id, COALESCE(score / NULLIF(MAX(score) OVER (), 0), 0) AS part "
            "FROM article_hits UNION ALL SELECT article_id, "
            "? * COALESCE(score / NULLIF(MAX(score) OVER (), 0), 0) FROM best_quotes), "
            "ranked AS (SELECT article_id, SUM(part) AS rank FROM parts GROUP BY article_id) "
            "SELECT kind, article_id, quote_id, rank AS score FROM ("
            "SELECT 'article' AS kind, h.article_id, CAST(NULL AS BIGINT) AS quote_id, r.rank, 0 AS within, "
            "h.score AS own FROM article_hits h JOIN ranked r ON r.article_id = h.article_id UNION ALL "
            "SELECT 'quote', h.article_id, h.quote_id, r.rank, 1, h.score "
            "FROM quote_hits h JOIN ranked r ON r.article_id = h.article_id) hits "
            "ORDER BY rank DESC, article_id DESC, within, own DESC, quote_id LIMIT ? OFFSET ?"
        )
        return self.db.query(sql, (*article.params, *quote.params, QUOTE_WEIGHT, limit, offset))

    def _describe(self, hits: list[Row], text: str, mark: tuple[str, str]) -> list[Row]:
        """Fill in the hits' details with a few keyed queries (only for the page being shown)."""
        article_ids = sorted({int(hit["article_id"]) for hit in hits})
        quote_ids = sorted({int(hit["quote_id"]) for hit in hits if hit["quote_id"] is not None})
        articles = {
            row["id"]: row
            for row in self._by_ids(
                "SELECT a.id, a.key, a.title, a.site, a.url, a.published_date, "
                "(SELECT COUNT(DISTINCT COALESCE(s.site, s.key)) FROM articles s "
                "WHERE s.story_group_id = a.story_group_id) AS sources "
                "FROM articles a WHERE a.id IN ({ids})",
                article_ids,
            )
        }
        quotes = {
            row["quote_id"]: row
            for row in self._by_ids(
                "SELECT v.quote_id, v.quote_group_id, v.speaker, v.speaker_entity_id, v.stance, v.cue, "
                "v.kind AS quote_kind, v.confidence, v.source_phrase, "
                "(SELECT COUNT(DISTINCT COALESCE(a.site, a.key)) FROM quotes o JOIN articles a ON a.id = o.article_id "
                "WHERE o.quote_group_id = v.quote_group_id) AS sources "
                "FROM quotes_with_speakers v WHERE v.quote_id IN ({ids})",
                quote_ids,
            )
        }
        article_hits = [int(h["article_id"]) for h in hits if h["kind"] == "article"]
        snippets = {
            "article": self.db.snippets("article", article_hits, text, mark),
            "quote": self.db.snippets("quote", quote_ids, text, mark),
        }
        out = []
        for hit in hits:
            article = articles[hit["article_id"]]
            quote = quotes.get(hit["quote_id"], {})
            key = hit["quote_id"] if hit["kind"] == "quote" else hit["article_id"]
            out.append(
                {
                    "kind": hit["kind"],
                    "article_id": article["id"],
                    "article_key": article["key"],
                    "title": article["title"],
                    "site": article["site"],
                    "url": article["url"],
                    "published_date": article["published_date"],
                    "quote_id": hit["quote_id"],
                    "quote_group_id": quote.get("quote_group_id"),
                    "speaker": quote.get("speaker"),
                    "speaker_entity_id": quote.get("speaker_entity_id"),
                    "stance": quote.get("stance"),
                    "cue": quote.get("cue"),
                    "quote_kind": quote.get("quote_kind"),
                    "confidence": quote.get("confidence"),
                    "source_phrase": quote.get("source_phrase"),
                    "sources": quote.get("sources", article["sources"]),
                    "snippet": snippets[hit["kind"]].get(int(key), ""),
                    "score": round(float(hit["score"]), 6),
                }
            )
        return out

    def _by_ids(self, sql: str, ids: list[int]) -> list[Row]:
        if not ids:
            return []
        return self.db.query(sql.format(ids=", ".join("?" * len(ids))), ids)
