"""Version 5: the sources ``newsdesk watch`` follows and every item URL it has seen (issue 14)."""

DESCRIPTION = "watched sources (feeds, sitemaps, sites) and the item URLs seen in them"

# watch_sources: one row per watched URL. `kind` is what its last fetch turned out to be (feed,
# sitemap, site; `new` before the first fetch); `etag` and `last_modified` make the next fetch
# conditional. The counts are running totals over every pass.
# watch_items: one row per item URL (normalised, `url_key`), written in the same transaction as
# the article it produced, so a crash never leaves a URL marked seen without its article.
# `status` stored | unchanged | failed (not fetched again) | retry (a transient failure, fetched
# again until `attempts` runs out); `lastmod` is the source's date for it: a later one re-fetches.
# IF NOT EXISTS: a store rolled back to version 3 (the v0004 test) runs this step again.
PORTABLE = """
CREATE TABLE IF NOT EXISTS watch_sources (
    id {pk},
    url TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    via TEXT,
    added_at TEXT NOT NULL,
    last_fetch TEXT,
    status TEXT,
    etag TEXT,
    last_modified TEXT,
    fetches INTEGER NOT NULL DEFAULT 0,
    items_listed INTEGER NOT NULL DEFAULT 0,
    stories_added INTEGER NOT NULL DEFAULT 0,
    errors INTEGER NOT NULL DEFAULT 0,
    last_error TEXT
);

CREATE TABLE IF NOT EXISTS watch_items (
    url_key TEXT PRIMARY KEY,
    url TEXT NOT NULL,
    source_id BIGINT REFERENCES watch_sources (id) ON DELETE SET NULL,
    status TEXT NOT NULL,
    lastmod TEXT,
    reason TEXT,
    attempts INTEGER NOT NULL,
    first_seen TEXT NOT NULL,
    last_fetch TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS watch_items_source ON watch_items (source_id);
"""
