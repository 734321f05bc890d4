"""Version 7: the SQLite full-text tables declared so Datasette finds them (issue 15).

Datasette 0.65 links a table to its FTS5 table only when the declaration reads
``content="articles"`` (double quotes) or ``content=[articles]``; version 1 wrote
``content='articles'``, so ``?_search=`` silently matched every row. The tables are dropped and
declared again with the same columns and tokenizer, their triggers re-created, and the index
rebuilt from the content tables (external content: nothing else is stored in them).
PostgreSQL searches a generated column instead and has nothing to change.
"""

DESCRIPTION = 'full-text tables declared with content="…" so Datasette detects them'

PORTABLE = ""

SQLITE = """
DROP TRIGGER IF EXISTS articles_fts_insert;
DROP TRIGGER IF EXISTS articles_fts_delete;
DROP TRIGGER IF EXISTS articles_fts_update;
DROP TRIGGER IF EXISTS quotes_fts_insert;
DROP TRIGGER IF EXISTS quotes_fts_delete;
DROP TABLE IF EXISTS articles_fts;
DROP TABLE IF EXISTS quotes_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content="articles", content_rowid="id", tokenize='porter unicode61 remove_diacritics 2'
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
    content, speaker_name, content="quotes", content_rowid="id", tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts (rowid, content, speaker_name) VALUES (new.id, new.content, new.speaker_name);
END;
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, content, speaker_name)
    VALUES ('delete', old.id, old.content, old.speaker_name);
END;
INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
INSERT INTO quotes_fts (quotes_fts) VALUES ('rebuild');
"""

POSTGRESQL = ""
