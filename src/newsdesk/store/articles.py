"""Queries about articles and places: one article in full, listings, the map, store totals."""

from __future__ import annotations

import json
import re
from typing import Any

from newsdesk.ids import article_id
from newsdesk.store.backend import Backend, Row
from newsdesk.store.search import Filters, filter_sql
from newsdesk.store.shown import shown_quote_rows

_KEY = re.compile(r"^[0-9a-f]{16}$")
_COLUMNS = (
    "id, key, url, site, source_path, title, section, byline, published, published_date, language, text, "
    "body_start, word_count, tone, record, content_hash, revision, story_group_id, first_ingested, last_ingested"
)
STAT_TABLES = (
    "articles", "article_revisions", "story_groups", "entities", "mentions", "quotes", "quote_groups",
    "claims", "places", "ingest_errors",
)  # fmt: skip


class ArticleQueries:
    """``Store.article``, ``Store.articles``, ``Store.article_keys``, ``Store.places_summary``,
    ``Store.country_places``, ``Store.stats``."""

    db: Backend

    def article(self, ref: str | int) -> dict[str, Any] | None:
        """One article with everything known about it, or None.

        ``ref`` is the store's numeric id, newsdesk's 16-hex article key, or the page's URL.
        Keys: the ``articles`` columns; ``record`` (the JSON record, parsed); ``entities``
        (local id → store entity id, name, type); ``quotes`` (with ``sources``: sites
        repeating that statement); ``claims``; ``places``; ``revisions``; ``story_group``
        (the other articles carrying the same story).
        """
        row = self._find(ref)
        if row is None:
            return None
        pk = row["id"]
        row["record"] = json.loads(row["record"])
        row["entities"] = self.db.query(
            "SELECT ae.local_id, ae.entity_id, ae.name AS name_here, e.name, e.type, ae.mention_count "
            "FROM article_entities ae JOIN entities e ON e.id = ae.entity_id WHERE ae.article_id = ? "
            "ORDER BY ae.mention_count DESC, ae.local_id",
            (pk,),
        )
        row["quotes"] = self.db.query(
            "SELECT q.local_id, q.id AS quote_id, q.quote_group_id, q.speaker_entity_id, "
            "COALESCE(e.name, q.speaker_name) AS speaker, q.speaker_title, q.content, q.cue, q.kind, q.stance, "
            "q.via_medium, q.via_outlet, q.confidence, q.source_phrase, "
            "(SELECT COUNT(DISTINCT COALESCE(a.site, a.key)) FROM quotes o "
            "JOIN articles a ON a.id = o.article_id WHERE o.quote_group_id = q.quote_group_id) AS sources "
            "FROM quotes q LEFT JOIN entities e ON e.id = q.speaker_entity_id WHERE q.article_id = ? "
            "ORDER BY q.start_char",
            (pk,),
        )
        row["claims"] = self.db.query(
            "SELECT local_id, id AS claim_id, text, value, low, high, qualifier, unit, object, category, country, "
            "claimant_entity_id, claimant_name, quote_id FROM claims WHERE article_id = ? ORDER BY start_char",
            (pk,),
        )
        row["places"] = self.db.query(
            "SELECT name, kind, country, iso3, fips, geonameid, lat, lon, focus, mention_count FROM places "
            "WHERE article_id = ? ORDER BY focus DESC, mention_count DESC, name",
            (pk,),
        )
        row["revisions"] = self.db.query(
            "SELECT revision, content_hash, title, ingested_at FROM article_revisions WHERE article_id = ? "
            "ORDER BY revision",
            (pk,),
        )
        row["story_group"] = self.db.query(
            "SELECT id, key, title, site, url, published_date FROM articles WHERE story_group_id = ? AND id <> ? "
            "ORDER BY published_date NULLS LAST, id",
            (row["story_group_id"], pk),
        )
        return row

    def articles(self, *, filters: Filters = Filters(), limit: int = 20, offset: int = 0) -> list[Row]:
        """Articles newest first, with quote and claim counts and how many sites carry the story."""
        where, params = filter_sql("article", filters)
        shown, shown_params = ("", []) if filters.everything else shown_quote_rows("q")
        return self.db.query(
            "SELECT a.id, a.key, a.title, a.site, a.url, a.published_date, a.word_count, a.revision, "
            f"a.story_group_id, (SELECT COUNT(*) FROM quotes q WHERE q.article_id = a.id{shown}) AS quotes, "
            "(SELECT COUNT(*) FROM claims c WHERE c.article_id = a.id) AS claims, "
            "(SELECT COUNT(DISTINCT COALESCE(s.site, s.key)) FROM articles s "
            "WHERE s.story_group_id = a.story_group_id) AS sources "
            f"FROM articles a WHERE 1 = 1{where} "
            "ORDER BY a.published_date DESC NULLS LAST, a.id DESC LIMIT ? OFFSET ?",
            (*shown_params, *params, limit, offset),
        )

    def places_summary(self) -> list[Row]:
        """Per country (ISO alpha-2): ISO3, FIPS, place mentions and articles, most mentioned first."""
        return self.db.query("SELECT * FROM places_by_country ORDER BY mentions DESC, country")

    def country_places(self, country: str, *, limit: int = 30) -> list[Row]:
        """The places inside one country that articles mention, most mentioned first."""
        return self.db.query(
            "SELECT name, kind, SUM(mention_count) AS mentions, COUNT(DISTINCT article_id) AS articles FROM places "
            "WHERE country = ? GROUP BY name, kind ORDER BY mentions DESC, name LIMIT ?",
            (country.upper(), limit),
        )

    def article_keys(self, ids: list[int]) -> dict[int, str]:
        """Store article id → article key (the desk's URLs use keys), for rows that only carry the id."""
        if not ids:
            return {}
        unique = sorted(set(ids))
        rows = self.db.query(f"SELECT id, key FROM articles WHERE id IN ({', '.join('?' * len(unique))})", unique)
        return {int(row["id"]): str(row["key"]) for row in rows}

    def stats(self) -> dict[str, int]:
        """Row counts of the main tables (for the ingest summary and the home page)."""
        return {table: int(self.db.scalar(f"SELECT COUNT(*) AS n FROM {table}") or 0) for table in STAT_TABLES}

    def _find(self, ref: str | int) -> Row | None:
        """By key first: a 16-hex key can be all digits (one in ~1,850), and is never taken for an id."""
        text = str(ref).strip()
        if "://" in text:
            text = article_id(text, "")
        if _KEY.match(text):
            found = self.db.query_one(f"SELECT {_COLUMNS} FROM articles WHERE key = ?", (text,))
            if found is not None or not text.isdigit():
                return found
        if text.isdigit() and 0 < int(text) < 2**63:  # a store id (64-bit)
            return self.db.query_one(f"SELECT {_COLUMNS} FROM articles WHERE id = ?", (int(text),))
        return None
