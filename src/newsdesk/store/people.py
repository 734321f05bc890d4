"""Queries about people (any entity): who is quoted most, everything one speaker said, entity and quote listings."""

from __future__ import annotations

from typing import Any

from newsdesk.store.backend import Backend, Row
from newsdesk.store.search import DEFAULT_MARK, Filters, escape_like, filter_sql, hit_page, like
from newsdesk.store.shown import shown_quote_rows
from newsdesk.store.text import entity_key, words

# How many of a speaker's titles ``speakers`` lists: the most frequent ones.
_TOP_TITLES = 3
_CO_MENTIONED = 10
# A printed quote as the listings show it: speaker, cue, stance and the article it is in.
_QUOTE_ROWS = (
    "SELECT q.id AS quote_id, q.quote_group_id, q.local_id, COALESCE(e.name, q.speaker_name) AS speaker, "
    "q.speaker_entity_id, q.speaker_title, q.content, q.cue, q.kind, q.stance, q.via_medium, q.via_outlet, "
    "q.confidence, q.source_phrase, a.key AS article_key, a.title AS article_title, a.site, a.url, "
    "a.published_date "
    "FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN entities e ON e.id = q.speaker_entity_id"
)


class PeopleQueries:
    """``Store.speakers``, ``Store.speaker``, ``Store.entities``, ``Store.entity_articles`` and ``Store.quotes``."""

    db: Backend

    def speakers(self, *, filters: Filters = Filters(), limit: int = 20, offset: int = 0) -> list[Row]:
        """Speakers by number of distinct statements (a quote repeated by many sites counts once).

        Each row: ``entity_id``, ``name``, ``type``, ``quotes`` (distinct statements),
        ``quote_mentions`` (every printed copy), ``articles``, ``sources`` (distinct sites), ``first_quoted``,
        ``last_quoted`` and ``titles`` (the most frequent titles sources give them).
        """
        where, params = filter_sql("quote", filters)
        rows = self.db.query(
            "SELECT e.id AS entity_id, e.name, e.type, COUNT(DISTINCT q.quote_group_id) AS quotes, "
            "COUNT(q.id) AS quote_mentions, COUNT(DISTINCT q.article_id) AS articles, "
            "COUNT(DISTINCT COALESCE(a.site, a.key)) AS sources, MIN(a.published_date) AS first_quoted, "
            "MAX(a.published_date) AS last_quoted "
            "FROM quotes q JOIN entities e ON e.id = q.speaker_entity_id JOIN articles a ON a.id = q.article_id "
            f"WHERE 1 = 1{where} GROUP BY e.id, e.name, e.type "
            "ORDER BY quotes DESC, quote_mentions DESC, e.name LIMIT ? OFFSET ?",
            (*params, limit, offset),
        )
        titles = self._top_titles([int(row["entity_id"]) for row in rows])
        for row in rows:
            row["titles"] = titles.get(int(row["entity_id"]), [])
        return rows

    def speaker(
        self, ref: str | int, *, everything: bool = False, quote_limit: int | None = None, quote_offset: int = 0
    ) -> dict[str, Any] | None:
        """Everything one entity said, across sources and time; None when no entity matches ``ref``.

        ``ref`` is an entity id or a name (exact, else the best-quoted name containing it).
        Keys: ``entity``; ``titles`` (each title with the site and date that gave it);
        ``statements`` (quote groups: ``content``, ``stance``, ``sources``, ``sites``, dates);
        ``quotes`` (every printed copy, with the ``speaker_title`` its source gave);
        ``stances`` (counts); ``co_mentioned`` (entities most often in the same articles);
        ``claims`` (numbers this entity stated). Quotes are those the desk shows unless ``everything``;
        ``quote_limit`` and ``quote_offset`` page the ``quotes`` (a much-quoted speaker has hundreds).
        """
        entity = self._resolve(ref)
        if entity is None:
            return None
        eid = entity["id"]
        shown, shown_params = ("", []) if everything else shown_quote_rows("q")
        quotes = self.db.query(
            "SELECT q.quote_id, q.quote_group_id, q.content, q.cue, q.stance, q.kind, q.speaker_title, q.via_medium, "
            "q.via_outlet, q.confidence, q.article_id, q.article_title, q.site, q.url, q.published_date "
            f"FROM quotes_with_speakers q WHERE q.speaker_entity_id = ?{shown} "
            "ORDER BY q.published_date DESC NULLS LAST, q.quote_id DESC"
            + ("" if quote_limit is None else " LIMIT ? OFFSET ?"),
            (eid, *shown_params, *(() if quote_limit is None else (quote_limit, quote_offset))),
        )
        statements = self.db.query(
            "SELECT g.id AS quote_group_id, g.content, MIN(q.stance) AS stance, COUNT(q.id) AS copies, "
            f"COUNT(DISTINCT COALESCE(a.site, a.key)) AS sources, {self.db.group_concat('a.site')} AS sites, "
            "MIN(a.published_date) AS first_published, MAX(a.published_date) AS last_published "
            "FROM quotes q JOIN quote_groups g ON g.id = q.quote_group_id JOIN articles a ON a.id = q.article_id "
            f"WHERE q.speaker_entity_id = ?{shown} GROUP BY g.id, g.content "
            "ORDER BY first_published DESC NULLS LAST, g.id DESC",
            (eid, *shown_params),
        )
        return {
            "entity": entity,
            "titles": self.db.query(
                "SELECT title, site, published_date, article_id FROM entity_titles WHERE entity_id = ? "
                "ORDER BY published_date NULLS LAST, site, title",
                (eid,),
            ),
            "statements": statements,
            "quotes": quotes,
            "stances": self.db.query(
                f"SELECT q.stance, COUNT(*) AS quotes FROM quotes q WHERE q.speaker_entity_id = ?{shown} "
                "GROUP BY q.stance ORDER BY quotes DESC, q.stance",
                (eid, *shown_params),
            ),
            "co_mentioned": self.db.query(
                "SELECT e.id AS entity_id, e.name, e.type, COUNT(DISTINCT other.article_id) AS articles "
                "FROM article_entities mine JOIN article_entities other "
                "ON other.article_id = mine.article_id AND other.entity_id <> mine.entity_id "
                "JOIN entities e ON e.id = other.entity_id WHERE mine.entity_id = ? "
                "GROUP BY e.id, e.name, e.type ORDER BY articles DESC, e.name LIMIT ?",
                (eid, _CO_MENTIONED),
            ),
            "claims": self.db.query(
                "SELECT claim_id, text, value, low, high, unit, object, category, country, article_id, site, "
                "published_date FROM claims_with_claimants WHERE claimant_entity_id = ? "
                "ORDER BY published_date DESC NULLS LAST, claim_id DESC",
                (eid,),
            ),
        }

    def speaker_tone(self, entity_id: int, *, everything: bool = False) -> list[Row]:
        """The average tone of what one speaker said, per month (``month``, ``tone``, ``quotes``), oldest first.

        Tone is the quote's own (GDELT's scale: positive minus negative words per 100); a month is
        the article's publication month. Undated quotes and quotes without a tone are left out."""
        shown, shown_params = ("", []) if everything else shown_quote_rows("q")
        return self.db.query(
            "SELECT substr(q.published_date, 1, 7) AS month, AVG(q.tone) AS tone, COUNT(*) AS quotes "
            f"FROM quotes_with_speakers q WHERE q.speaker_entity_id = ? AND q.tone IS NOT NULL "
            f"AND q.published_date IS NOT NULL{shown} GROUP BY substr(q.published_date, 1, 7) ORDER BY month",
            (entity_id, *shown_params),
        )

    def entities(
        self, *, kind: str | None = None, name: str | None = None, limit: int = 50, offset: int = 0
    ) -> list[Row]:
        """Entities with article and mention counts, most written-about first; filter by type or name part."""
        where, params = "", []
        if kind:
            where += " AND type = ?"
            params.append(kind.upper())
        if name:
            where += " AND lower(name) LIKE ? ESCAPE '\\'"
            params.append(like(name))
        return self.db.query(
            f"SELECT entity_id, name, type, articles, mentions FROM entities_with_counts WHERE 1 = 1{where} "
            "ORDER BY articles DESC, mentions DESC, name LIMIT ? OFFSET ?",
            (*params, limit, offset),
        )

    def entity_articles(self, entity_id: int, *, limit: int = 20) -> list[Row]:
        """The newest articles that mention an entity, with how often."""
        return self.db.query(
            "SELECT a.key, a.title, a.site, a.published_date, ae.mention_count FROM article_entities ae "
            "JOIN articles a ON a.id = ae.article_id WHERE ae.entity_id = ? "
            "ORDER BY a.published_date DESC NULLS LAST, a.id DESC LIMIT ?",
            (entity_id, limit),
        )

    def quotes(
        self, *, filters: Filters = Filters(), text: str | None = None, limit: int = 50, offset: int = 0
    ) -> list[Row]:
        """Printed quotes, newest first, filtered like a search (speaker, stance, site, dates, country);
        with ``text``, the quotes matching it, best first, each with the ``snippet`` and ``score`` that
        :meth:`search` gives (the same row otherwise)."""
        if text:
            return self._matching_quotes(text, filters, limit, offset)
        where, params = filter_sql("quote", filters)
        return self.db.query(
            f"{_QUOTE_ROWS} WHERE 1 = 1{where} ORDER BY a.published_date DESC NULLS LAST, q.id DESC LIMIT ? OFFSET ?",
            (*params, limit, offset),
        )

    def _matching_quotes(self, text: str, filters: Filters, limit: int, offset: int) -> list[Row]:
        """The search's page of quote hits, then those quotes' rows and snippets by id: each row fetched once."""
        if not words(text):
            return []
        hits = hit_page(self.db, text, filters, kinds=("quote",), sort="relevance", limit=limit, offset=offset)
        ids = [int(hit["quote_id"]) for hit in hits]
        if not ids:
            return []
        rows = {
            row["quote_id"]: row
            for row in self.db.query(f"{_QUOTE_ROWS} WHERE q.id IN ({', '.join('?' * len(ids))})", ids)
        }
        snippets = self.db.snippets("quote", ids, text, DEFAULT_MARK)
        return [
            {**rows[quote_id], "snippet": snippets.get(quote_id, ""), "score": round(float(hit["score"]), 6)}
            for quote_id, hit in zip(ids, hits, strict=True)
        ]

    def _resolve(self, ref: str | int) -> Row | None:
        """An entity by id, by exact (folded) name, else by the best-quoted name containing ``ref``."""
        columns = "SELECT e.id, e.name, e.type FROM entities e"
        if isinstance(ref, int) or ref.strip().isdigit():
            number = int(ref)
            return self.db.query_one(f"{columns} WHERE e.id = ?", (number,)) if 0 < number < 2**63 else None
        by_quotes = "ORDER BY (SELECT COUNT(*) FROM quotes q WHERE q.speaker_entity_id = e.id) DESC, e.id LIMIT 1"
        pattern = "%" + escape_like(entity_key(ref, ""))
        exact = self.db.query_one(f"{columns} WHERE e.key LIKE ? ESCAPE '\\' {by_quotes}", (pattern,))
        return exact or self.db.query_one(f"{columns} WHERE lower(e.name) LIKE ? ESCAPE '\\' {by_quotes}", (like(ref),))

    def _top_titles(self, entity_ids: list[int]) -> dict[int, list[str]]:
        if not entity_ids:
            return {}
        rows = self.db.query(
            "SELECT entity_id, title, COUNT(*) AS uses FROM entity_titles "
            f"WHERE entity_id IN ({', '.join('?' * len(entity_ids))}) GROUP BY entity_id, title "
            "ORDER BY entity_id, uses DESC, title",
            entity_ids,
        )
        out: dict[int, list[str]] = {}
        for row in rows:
            titles = out.setdefault(int(row["entity_id"]), [])
            if len(titles) < _TOP_TITLES:
                titles.append(row["title"])
        return out
