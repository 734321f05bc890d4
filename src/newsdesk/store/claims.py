"""The claim tracker: who claimed which numbers about what, when, and which sources printed it."""

from __future__ import annotations

from typing import Any

from newsdesk.store.backend import Backend, Row
from newsdesk.store.search import Filters, escape_like, filter_sql, like
from newsdesk.store.shown import trusted_rows
from newsdesk.store.text import words

# Characters that end a word in a claim's sentence (quotes, dashes, brackets, stops, line breaks). Not
# "?": the PostgreSQL backend reads every "?" in the SQL as a placeholder.
_PUNCTUATION = (".", ",", ";", ":", "!", '"', "''", "(", ")", "[", "]", "/", "-", "\u2013", "\u2014",
                "\u201c", "\u201d", "\u2018", "\u2019", "\n", "\t")  # fmt: skip
# The endings a term may carry and still match: itself, and the plurals ``about_terms`` strips.
_ENDINGS = ("", "s", "es")
# Words of an ``--about`` text too common to narrow anything down.
_STOPWORDS = frozenset("a an and the of in on at to for from by with about over into than as is are was were".split())


def word_haystack(column: str) -> str:
    """SQL: ``column`` lower-cased, punctuation turned to spaces and a space at each end, so that
    ``LIKE '% word %'`` matches whole words only (neither backend's ``LIKE`` knows word
    boundaries, and SQLite has no regular expressions); the same on both backends."""
    expression = f"lower({column})"
    for mark in _PUNCTUATION:
        expression = f"replace({expression}, '{mark}', ' ')"
    return f"(' ' || {expression} || ' ')"


def about_terms(about: str) -> list[str]:
    """The words of ``about`` that a claim's sentence must contain (a trailing plural ``s`` dropped)."""
    terms = []
    for word in words(about):
        if word in _STOPWORDS:
            continue
        terms.append(word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word)
    return terms


class ClaimQueries:
    """``Store.claims`` and ``Store.claim_subjects``."""

    db: Backend

    def claims(
        self,
        *,
        about: str | None = None,
        place: str | None = None,
        claimant: str | None = None,
        filters: Filters = Filters(),
        grouped: bool = True,
        everything: bool = False,
        limit: int = 50,
        offset: int = 0,
    ) -> list[Row]:
        """Numeric claims, newest first.

        ``about``: every significant word must occur in the claim, its object or its sentence
        ("Daesh fighters in Afghanistan"); ``place``: ISO country code the number is about;
        ``claimant``: part of the claimant's name. ``grouped`` (default) folds one claimant's
        same number about the same object into one row with ``sources`` (distinct sites),
        ``articles``, ``sites`` and first/last dates; otherwise one row per printed claim,
        for a chart of values over time. Unless ``everything``, only claims of at least
        :data:`newsdesk.store.shown.MIN_CONFIDENCE` that are not sports or market-table figures (rows stored before
        confidences existed have none and are shown).
        """
        conditions, params = claim_conditions(about, place, claimant, filters)
        if not everything:
            trusted, trusted_params = trusted_rows("c")
            conditions += trusted
            params += trusted_params
        if not grouped:
            return self.db.query(
                "SELECT c.id AS claim_id, c.claim_key, c.text, c.value, c.low, c.high, c.qualifier, c.unit, "
                "c.object, c.category, c.country, COALESCE(e.name, c.claimant_name) AS claimant, "
                "c.claimant_entity_id, c.quote_id, c.context, c.confidence, c.statistic, a.id AS article_id, "
                "a.title AS article_title, a.site, a.url, a.published_date "
                "FROM claims c JOIN articles a ON a.id = c.article_id "
                f"LEFT JOIN entities e ON e.id = c.claimant_entity_id WHERE 1 = 1{conditions} "
                "ORDER BY a.published_date DESC NULLS LAST, c.id DESC LIMIT ? OFFSET ?",
                (*params, limit, offset),
            )
        return self.db.query(
            "SELECT c.claim_key, MIN(c.id) AS claim_id, MIN(COALESCE(e.name, c.claimant_name)) AS claimant, "
            "MIN(c.claimant_entity_id) AS claimant_entity_id, MIN(c.text) AS text, MIN(c.value) AS value, "
            "MIN(c.low) AS low, MIN(c.high) AS high, MIN(c.qualifier) AS qualifier, MIN(c.unit) AS unit, "
            "MIN(c.object) AS object, MIN(c.category) AS category, MIN(c.country) AS country, "
            "MAX(c.confidence) AS confidence, MIN(c.statistic) AS statistic, "
            "COUNT(DISTINCT c.article_id) AS articles, COUNT(DISTINCT COALESCE(a.site, a.key)) AS sources, "
            f"{self.db.group_concat('a.site')} AS sites, MIN(a.published_date) AS first_published, "
            "MAX(a.published_date) AS last_published "
            "FROM claims c JOIN articles a ON a.id = c.article_id LEFT JOIN entities e ON e.id = c.claimant_entity_id "
            f"WHERE 1 = 1{conditions} GROUP BY c.claim_key "
            "ORDER BY first_published DESC NULLS LAST, claim_id DESC LIMIT ? OFFSET ?",
            (*params, limit, offset),
        )

    def claim_subjects(self, *, limit: int = 20) -> list[Row]:
        """What numbers are most often claimed about (objects of the claims the tracker shows by default)."""
        trusted, trusted_params = trusted_rows("c")
        return self.db.query(
            "SELECT object AS value, COUNT(*) AS claims, COUNT(DISTINCT article_id) AS articles FROM claims c "
            f"WHERE object IS NOT NULL{trusted} GROUP BY object ORDER BY claims DESC, value LIMIT ?",
            (*trusted_params, limit),
        )


def claim_conditions(
    about: str | None, place: str | None, claimant: str | None, filters: Filters = Filters()
) -> tuple[str, list[Any]]:
    """`` AND …`` conditions over claims ``c`` joined to articles ``a`` (the tracker's and the alerts')."""
    where, params = filter_sql("article", Filters(site=filters.site, since=filters.since, until=filters.until))
    haystack = word_haystack("c.text || ' ' || COALESCE(c.object, '') || ' ' || c.context")
    for term in about_terms(about or ""):
        where += " AND (" + " OR ".join([f"{haystack} LIKE ? ESCAPE '\\'"] * len(_ENDINGS)) + ")"
        params += [f"% {escape_like(term)}{ending} %" for ending in _ENDINGS]
    if place:
        where += " AND c.country = ?"
        params.append(place.upper())
    if claimant:
        where += (
            " AND (lower(COALESCE(c.claimant_name, '')) LIKE ? ESCAPE '\\' OR c.claimant_entity_id IN "
            "(SELECT id FROM entities WHERE lower(name) LIKE ? ESCAPE '\\'))"
        )
        params += [like(claimant)] * 2
    return where, params
