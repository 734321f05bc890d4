"""Search totals and facets: how many hits a search has, and how its articles split by filter value."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from newsdesk.store.backend import Backend, Row, SearchKind
from newsdesk.store.search import Filters, filter_sql, matching
from newsdesk.store.shown import shown_quote_rows

FACET_SIZE = 8
FACET_SAMPLE = 1000


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
    language: list[Row] = field(default_factory=list)


class FacetQueries:
    """``Store.facets``."""

    db: Backend

    def facets(self, text: str, filters: Filters, kinds: tuple[SearchKind, ...] = ("article", "quote")) -> Facets:
        """How many hits a search has, and how the matching articles split by site, month, language, country,
        speaker, stance.

        An empty ``text`` matches every article the filters allow (a listing's facets). The
        full-text match runs once, for the matched article ids and the exact totals. The
        facets then count over at most ``FACET_SAMPLE`` of those articles (the most recently
        added): a word in half of a large store would otherwise cost a join over every quote
        and place of thousands of articles on each page view. The page says when it sampled.
        """
        matches, params = self._matches(text, filters, kinds)
        rows = self.db.query(
            f"SELECT article_id, COUNT(*) AS hits FROM ({matches}) m GROUP BY article_id ORDER BY article_id DESC",
            params,
        )
        out = Facets(total=sum(int(row["hits"]) for row in rows), articles=len(rows))
        ids = [int(row["article_id"]) for row in rows[:FACET_SAMPLE]]
        out.counted = len(ids)
        if not ids:
            return out
        marks = ", ".join("?" * len(ids))
        # Speakers and stances count the quotes the desk shows (unless everything).
        shown, shown_params = ("", []) if filters.everything else shown_quote_rows("q")
        branches = [
            _facet("site", "a.site", "articles a", "a.id", marks),
            _facet("month", "substr(a.published_date, 1, 7)", "articles a", "a.id", marks),
            _facet("language", "a.language", "articles a", "a.id", marks),
            _facet("country", "p.country", "places p", "p.article_id", marks),
            _facet("speaker", "COALESCE(e.name, q.speaker_name)",
                   "quotes q LEFT JOIN entities e ON e.id = q.speaker_entity_id", "q.article_id", marks, shown),
            _facet("stance", "q.stance", "quotes q", "q.article_id", marks, shown),
        ]  # fmt: skip
        params = [*ids, *ids, *ids, *ids, *ids, *shown_params, *ids, *shown_params]
        for row in self.db.query(" UNION ALL ".join(branches), params):
            getattr(out, row["facet"]).append({"value": row["value"], "n": int(row["n"])})
        return out

    def _matches(self, text: str, filters: Filters, kinds: tuple[SearchKind, ...]) -> tuple[str, list[Any]]:
        """SQL for the (article_id, quote_id) rows a search matches, as :meth:`search` finds them."""
        if not text.strip():
            where, filter_params = filter_sql("article", filters)
            return f"SELECT a.id AS article_id, NULL AS quote_id FROM articles a WHERE 1 = 1{where}", filter_params
        branches, params = [], []
        for kind in kinds:
            match = matching(self.db, kind, text, filters)
            quote_id = "q.id" if kind == "quote" else "NULL"
            branches.append(f"SELECT a.id AS article_id, {quote_id} AS quote_id {match.rows}")
            params += match.params
        return " UNION ALL ".join(branches), params


def _facet(name: str, value: str, source: str, article: str, marks: str, where: str = "") -> str:
    """One facet's branch: its top values among the given articles (months: the newest) where ``where`` holds."""
    order = "value DESC" if name == "month" else "n DESC, value"
    return (
        f"SELECT * FROM (SELECT '{name}' AS facet, {value} AS value, COUNT(DISTINCT {article}) AS n FROM {source} "
        f"WHERE {article} IN ({marks}){where} AND {value} IS NOT NULL GROUP BY {value} ORDER BY {order} "
        f"LIMIT {FACET_SIZE}) {name}_facet"
    )
