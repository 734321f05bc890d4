"""Version 6: saved alerts, the articles each one matched, and the webhook delivery log (issue 14)."""

DESCRIPTION = "alerts, their matches and webhook deliveries"

# alerts: one saved search; every criterion given must hold for an article to match.
# alert_matches: written in the transaction that stores the article, so a match is never lost
# or recorded twice (UNIQUE: a later revision of an article that matched adds nothing).
# `evidence` is JSON of what matched (quotes, claims, places) at the time, kept even if the
# article is revised. `delivery`: none (no webhook) | pending | delivered | rejected (the
# receiver answered a 4xx that retrying cannot fix).
# alert_deliveries: every POST attempted, with its outcome.
# IF NOT EXISTS: a store rolled back to version 3 (the v0004 test) runs this step again.
PORTABLE = """
CREATE TABLE IF NOT EXISTS alerts (
    id {pk},
    name TEXT NOT NULL UNIQUE,
    query TEXT,
    speaker TEXT,
    claims_about TEXT,
    place TEXT,
    webhook TEXT,
    created_at TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS alert_matches (
    id {pk},
    alert_id BIGINT NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    revision INTEGER NOT NULL,
    matched_at TEXT NOT NULL,
    evidence TEXT NOT NULL,
    delivery TEXT NOT NULL,
    delivered_at TEXT,
    UNIQUE (alert_id, article_id)
);
CREATE INDEX IF NOT EXISTS alert_matches_pending ON alert_matches (delivery);

CREATE TABLE IF NOT EXISTS alert_deliveries (
    id {pk},
    match_id BIGINT NOT NULL REFERENCES alert_matches (id) ON DELETE CASCADE,
    attempted_at TEXT NOT NULL,
    outcome TEXT NOT NULL,
    http_status INTEGER,
    error TEXT
);
CREATE INDEX IF NOT EXISTS alert_deliveries_match ON alert_deliveries (match_id);
"""
