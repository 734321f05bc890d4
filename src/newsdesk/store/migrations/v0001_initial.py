"""Version 1: articles and revisions, entities, mentions, quotes, claims, places, story groups, errors."""

DESCRIPTION = "initial schema"

PORTABLE = """
-- Near-duplicate stories (wire copies, re-posts): every article belongs to exactly one.
CREATE TABLE story_groups (
    id {pk},
    title TEXT,
    created_at TEXT NOT NULL
);

-- One row per article (per normalised URL; per text when there is no URL), holding its
-- latest revision. `key` is newsdesk's article id, the `id` field of the JSON record.
CREATE TABLE articles (
    id {pk},
    key TEXT NOT NULL UNIQUE,
    url TEXT,
    site TEXT,
    source_path TEXT,
    title TEXT,
    section TEXT,
    byline TEXT,
    published TEXT,
    published_date TEXT,
    language TEXT,
    text TEXT NOT NULL,
    body_start INTEGER NOT NULL,
    word_count INTEGER NOT NULL,
    tone DOUBLE PRECISION,
    record TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    revision INTEGER NOT NULL,
    story_group_id BIGINT NOT NULL REFERENCES story_groups (id),
    first_ingested TEXT NOT NULL,
    last_ingested TEXT NOT NULL
);
CREATE INDEX articles_site ON articles (site);
CREATE INDEX articles_published_date ON articles (published_date);
CREATE INDEX articles_story_group ON articles (story_group_id);

-- Every distinct version of an article ever ingested; the same text twice is one row.
CREATE TABLE article_revisions (
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    revision INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    title TEXT,
    record TEXT NOT NULL,
    ingested_at TEXT NOT NULL,
    PRIMARY KEY (article_id, revision),
    UNIQUE (article_id, content_hash)
);

-- MinHash signature and LSH buckets of each article's body, for near-duplicate grouping.
CREATE TABLE article_signatures (
    article_id BIGINT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    signature {blob} NOT NULL
);
CREATE TABLE article_buckets (
    bucket BIGINT NOT NULL,
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    PRIMARY KEY (bucket, article_id)
);
CREATE INDEX article_buckets_article ON article_buckets (article_id);

-- People, organisations, places… across all articles: one row per type + normalised name.
CREATE TABLE entities (
    id {pk},
    key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    first_seen TEXT NOT NULL
);
CREATE INDEX entities_type ON entities (type);

-- Other names of an entity (aliases in records, surnames resolved to a full name): same key format.
CREATE TABLE entity_aliases (
    key TEXT PRIMARY KEY,
    entity_id BIGINT NOT NULL REFERENCES entities (id)
);
CREATE INDEX entity_aliases_entity ON entity_aliases (entity_id);

-- Which entities an article mentions, under its own local ids (E1, E2, … in the record).
CREATE TABLE article_entities (
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    local_id TEXT NOT NULL,
    entity_id BIGINT NOT NULL REFERENCES entities (id),
    name TEXT NOT NULL,
    mention_count INTEGER NOT NULL,
    PRIMARY KEY (article_id, local_id)
);
CREATE INDEX article_entities_entity ON article_entities (entity_id);

-- The titles each source gives an entity ("Special Presidential Envoy"), with when.
CREATE TABLE entity_titles (
    id {pk},
    entity_id BIGINT NOT NULL REFERENCES entities (id),
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    site TEXT,
    published_date TEXT,
    UNIQUE (entity_id, article_id, title)
);
CREATE INDEX entity_titles_article ON entity_titles (article_id);

CREATE TABLE mentions (
    id {pk},
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    entity_id BIGINT NOT NULL REFERENCES entities (id),
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX mentions_article ON mentions (article_id);
CREATE INDEX mentions_entity ON mentions (entity_id);

-- One statement however many sources repeat it: quotes with the same speaker and words
-- (or near-identical words within one story group) share a quote group.
CREATE TABLE quote_groups (
    id {pk},
    key TEXT NOT NULL UNIQUE,
    speaker_entity_id BIGINT REFERENCES entities (id),
    speaker_name TEXT,
    content TEXT NOT NULL,
    first_seen TEXT NOT NULL
);

CREATE TABLE quotes (
    id {pk},
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    local_id TEXT NOT NULL,
    quote_group_id BIGINT NOT NULL REFERENCES quote_groups (id),
    speaker_entity_id BIGINT REFERENCES entities (id),
    speaker_name TEXT,
    speaker_title TEXT,
    content TEXT NOT NULL,
    cue TEXT,
    cue_lemma TEXT,
    kind TEXT NOT NULL,
    stance TEXT NOT NULL,
    via_medium TEXT,
    via_outlet TEXT,
    tone DOUBLE PRECISION,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    UNIQUE (article_id, local_id)
);
CREATE INDEX quotes_speaker ON quotes (speaker_entity_id);
CREATE INDEX quotes_group ON quotes (quote_group_id);
CREATE INDEX quotes_stance ON quotes (stance);

CREATE TABLE places (
    id {pk},
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    country TEXT,
    iso3 TEXT,
    fips TEXT,
    geonameid BIGINT,
    lat DOUBLE PRECISION,
    lon DOUBLE PRECISION,
    entity_id BIGINT REFERENCES entities (id),
    focus INTEGER NOT NULL,
    mention_count INTEGER NOT NULL,
    first_char INTEGER
);
CREATE INDEX places_article ON places (article_id);
CREATE INDEX places_country ON places (country);

-- Numbers about the world. `claim_key` is equal for the same claimant, value and object,
-- so one claim repeated by several sources can be counted once.
CREATE TABLE claims (
    id {pk},
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    local_id TEXT NOT NULL,
    claim_key TEXT NOT NULL,
    text TEXT NOT NULL,
    value DOUBLE PRECISION,
    low DOUBLE PRECISION,
    high DOUBLE PRECISION,
    qualifier TEXT,
    unit TEXT,
    object TEXT,
    category TEXT NOT NULL,
    country TEXT,
    claimant_entity_id BIGINT REFERENCES entities (id),
    claimant_name TEXT,
    quote_id BIGINT REFERENCES quotes (id),
    context TEXT NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    UNIQUE (article_id, local_id)
);
CREATE INDEX claims_key ON claims (claim_key);
CREATE INDEX claims_country ON claims (country);
CREATE INDEX claims_claimant ON claims (claimant_entity_id);

-- Inputs that could not be ingested, once per input and reason, however often retried.
CREATE TABLE ingest_errors (
    id {pk},
    source TEXT NOT NULL,
    reason TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    UNIQUE (source, reason)
);

CREATE TABLE ingest_runs (
    id {pk},
    started_at TEXT NOT NULL,
    finished_at TEXT,
    workers INTEGER NOT NULL,
    inputs INTEGER NOT NULL,
    added INTEGER NOT NULL,
    revised INTEGER NOT NULL,
    unchanged INTEGER NOT NULL,
    failed INTEGER NOT NULL
);

-- Views for the common joins (pleasant in Datasette, used by the queries).
CREATE VIEW quotes_with_speakers AS
SELECT q.id AS quote_id, q.quote_group_id, q.article_id, a.title AS article_title, a.site, a.url,
       a.published_date, q.speaker_entity_id, COALESCE(e.name, q.speaker_name) AS speaker,
       q.speaker_title, q.content, q.cue, q.kind, q.stance, q.via_medium, q.via_outlet, q.tone
FROM quotes q
JOIN articles a ON a.id = q.article_id
LEFT JOIN entities e ON e.id = q.speaker_entity_id;

CREATE VIEW quote_groups_with_sources AS
SELECT g.id AS quote_group_id, COALESCE(e.name, g.speaker_name) AS speaker, g.speaker_entity_id,
       g.content, COUNT(q.id) AS quotes, COUNT(DISTINCT q.article_id) AS articles,
       COUNT(DISTINCT a.site) AS sites, MIN(a.published_date) AS first_published,
       MAX(a.published_date) AS last_published
FROM quote_groups g
JOIN quotes q ON q.quote_group_id = g.id
JOIN articles a ON a.id = q.article_id
LEFT JOIN entities e ON e.id = g.speaker_entity_id
GROUP BY g.id, e.name, g.speaker_name, g.speaker_entity_id, g.content;

CREATE VIEW claims_with_claimants AS
SELECT c.id AS claim_id, c.claim_key, c.article_id, a.title AS article_title, a.site, a.url,
       a.published_date, COALESCE(e.name, c.claimant_name) AS claimant, c.claimant_entity_id,
       c.text, c.value, c.low, c.high, c.qualifier, c.unit, c.object, c.category, c.country,
       q.content AS quote
FROM claims c
JOIN articles a ON a.id = c.article_id
LEFT JOIN entities e ON e.id = c.claimant_entity_id
LEFT JOIN quotes q ON q.id = c.quote_id;

CREATE VIEW speaker_titles AS
SELECT e.id AS entity_id, e.name, t.title, t.site, t.published_date, t.article_id
FROM entity_titles t
JOIN entities e ON e.id = t.entity_id;

CREATE VIEW entities_with_counts AS
SELECT e.id AS entity_id, e.name, e.type, COUNT(ae.article_id) AS articles,
       SUM(ae.mention_count) AS mentions
FROM entities e
JOIN article_entities ae ON ae.entity_id = e.id
GROUP BY e.id, e.name, e.type;

CREATE VIEW places_by_country AS
SELECT p.country, MIN(p.iso3) AS iso3, MIN(p.fips) AS fips, SUM(p.mention_count) AS mentions,
       COUNT(DISTINCT p.article_id) AS articles
FROM places p
WHERE p.country IS NOT NULL
GROUP BY p.country;

CREATE VIEW story_groups_with_articles AS
SELECT g.id AS story_group_id, g.title, COUNT(a.id) AS articles, COUNT(DISTINCT a.site) AS sites,
       MIN(a.published_date) AS first_published, MAX(a.published_date) AS last_published
FROM story_groups g
JOIN articles a ON a.story_group_id = g.id
GROUP BY g.id, g.title;
"""

# FTS5 tables over the articles and quotes tables themselves (external content), kept in
# step by triggers; Porter stemming to match PostgreSQL's English configuration.
SQLITE = """
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE VIRTUAL TABLE quotes_fts USING fts5(
    content, speaker_name, content='quotes', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts (rowid, content, speaker_name) VALUES (new.id, new.content, new.speaker_name);
END;
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, content, speaker_name)
    VALUES ('delete', old.id, old.content, old.speaker_name);
END;
"""

# Generated tsvector columns with GIN indexes: kept in step by PostgreSQL itself.
POSTGRESQL = """
ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', text), 'B')
) STORED;
CREATE INDEX articles_search ON articles USING GIN (search);
ALTER TABLE quotes ADD COLUMN search tsvector GENERATED ALWAYS AS (
    to_tsvector('english', content || ' ' || coalesce(speaker_name, ''))
) STORED;
CREATE INDEX quotes_search ON quotes USING GIN (search);
"""
