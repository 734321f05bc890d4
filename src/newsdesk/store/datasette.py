"""Datasette metadata for a SQLite store: a title and a description for every table and view.

Datasette (``datasette newsdesk.db -m metadata.json``) shows these above each table, links a
table to its full-text index (``fts_table``: the search box and ``?_search=``) and labels
foreign keys with ``label_column``. The tables listed are the store's own, read from its schema,
so a table a later migration adds without a description here shows up in the tests.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from newsdesk import __version__
from newsdesk.store import Store, StoreError


class Described(NamedTuple):
    """What Datasette shows for one table or view."""

    title: str
    description: str
    label: str | None = None  # the column naming a row, shown beside foreign keys to it


# Full-text indexes (SQLite FTS5, external content) and the tables they index.
FTS_TABLES = {"articles": "articles_fts", "quotes": "quotes_fts"}

TABLES: dict[str, Described] = {
    "articles": Described(
        "Articles",
        "The latest revision of every article stored: URL, site, headline, publication date, the cleaned "
        "text and the whole newsdesk/article@1 record as JSON. Full-text search covers headline and text.",
        "title",
    ),
    "article_revisions": Described(
        "Article revisions", "Every revision of every article (the record as JSON), by content hash."
    ),
    "article_entities": Described(
        "Article entities", "An article's local entity ids (E1, E2, …) mapped to the store's entities."
    ),
    "article_signatures": Described("Article signatures", "MinHash signatures used to find near-duplicate articles."),
    "article_buckets": Described("Article buckets", "Locality-sensitive hashing buckets over the signatures."),
    "story_groups": Described("Story groups", "Articles telling the same story (near-duplicate texts).", "title"),
    "entities": Described(
        "Entities", "People, organisations and places, linked across articles by name and alias.", "name"
    ),
    "entity_aliases": Described("Entity aliases", "Other names an entity goes by (surnames, acronyms)."),
    "entity_titles": Described("Entity titles", "Titles and roles each article gives a person, with site and date."),
    "mentions": Described("Mentions", "Every mention of an entity, as character offsets into articles.text."),
    "quotes": Described(
        "Quotes",
        "Every attribution: speaker, cue, what was said, kind (direct, indirect, mixed, action), stance and "
        "confidence. Full-text search covers the words and the speaker's name.",
        "content",
    ),
    "quote_groups": Described("Statements", "The same statement printed by several articles, counted once."),
    "claims": Described(
        "Claims", "Numbers that count or measure something, with value, bounds, unit, object, place and claimant."
    ),
    "places": Described("Places", "Places mentioned in each article, geocoded offline (ISO codes, GeoNames id)."),
    "ingest_errors": Described("Ingest errors", "Inputs that produced no article, with the reason and attempts."),
    "ingest_runs": Described("Ingest runs", "Each ingest run: start, end, workers and counts."),
    "schema_version": Described("Schema version", "The migrations applied to this store."),
    "watch_sources": Described(
        "Watched sources", "Feeds, sitemaps and sites `newsdesk watch` follows: last fetch, status, counts."
    ),
    "watch_items": Described("Watched items", "Every item URL the watch has seen, with its outcome."),
    "alerts": Described("Alerts", "Saved searches matched against every article stored, with their webhook.", "name"),
    "alert_matches": Described("Alert matches", "One row per alert and matching article, with the evidence."),
    "alert_deliveries": Described("Alert deliveries", "Every webhook POST attempted, with its outcome."),
    "quotes_with_speakers": Described("Quotes with speakers", "Quotes joined with their speaker and article."),
    "quote_groups_with_sources": Described(
        "Statements with sources", "Each statement with how many articles and sites printed it."
    ),
    "claims_with_claimants": Described("Claims with claimants", "Claims joined with their claimant and article."),
    "speaker_titles": Described("Speaker titles", "The titles each source gave each speaker, with dates."),
    "entities_with_counts": Described("Entities with counts", "Entities with their mention and article counts."),
    "places_by_country": Described("Places by country", "How many articles mention places in each country."),
    "story_groups_with_articles": Described(
        "Story groups with articles", "Each story group with its articles, sites and first and last dates."
    ),
}


def store_tables(store: Store) -> list[str]:
    """The store's tables and views as Datasette lists them (FTS5 tables and their shadows left out)."""
    if store.db.name != "sqlite":
        raise StoreError("Datasette reads SQLite files only: give --db a SQLite store")
    rows = store.db.query(
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY name"
    )
    fts = set(FTS_TABLES.values())
    return [row["name"] for row in rows if not any(row["name"].startswith(name) for name in fts)]


def metadata(store: Store, database: str) -> dict[str, Any]:
    """Datasette's ``metadata.json`` for ``store`` served under the name ``database`` (its file stem)."""
    tables = {name: _table(name) for name in store_tables(store)}
    return {
        "title": "newsdesk",
        "description": "Who said what, about whom, where and how many: structured records from news pages.",
        "source": f"newsdesk {__version__}",
        "databases": {database: {"tables": tables}},
    }


def database_name(path: str) -> str:
    """The name Datasette serves a SQLite file under: the file name without its extension."""
    return Path(path.removeprefix("sqlite:///")).stem


def _table(name: str) -> dict[str, Any]:
    described = TABLES.get(name)
    if described is None:
        return {"title": name.replace("_", " ").capitalize()}
    table: dict[str, Any] = {"title": described.title, "description": described.description}
    if described.label:
        table["label_column"] = described.label
    if name in FTS_TABLES:
        table.update(fts_table=FTS_TABLES[name], fts_pk="id")
    return table
