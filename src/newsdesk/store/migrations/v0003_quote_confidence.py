"""Version 3: how sure the extractor is of each quote, and the words of a source nobody could name."""

DESCRIPTION = "quotes' confidence and source_phrase (an unresolved source: 'they', 'each')"

# NULL confidence: a row written before version 3 (shown by default); re-ingesting fills it.
# The view is rebuilt to carry the new columns (views cannot gain columns in place on SQLite).
PORTABLE = """
ALTER TABLE quotes ADD COLUMN confidence DOUBLE PRECISION;
ALTER TABLE quotes ADD COLUMN source_phrase TEXT;
DROP VIEW quotes_with_speakers;
CREATE VIEW quotes_with_speakers AS
SELECT q.id AS quote_id, q.quote_group_id, q.article_id, a.title AS article_title, a.site, a.url,
       a.published_date, q.speaker_entity_id, COALESCE(e.name, q.speaker_name) AS speaker,
       q.speaker_title, q.content, q.cue, q.kind, q.stance, q.via_medium, q.via_outlet, q.tone,
       q.confidence, q.source_phrase
FROM quotes q
JOIN articles a ON a.id = q.article_id
LEFT JOIN entities e ON e.id = q.speaker_entity_id;
"""
