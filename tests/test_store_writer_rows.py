"""Values the writer's fast paths must still handle like the slow ones (both backends)."""

from __future__ import annotations

import re

from conftest import ArticleBuilder
from newsdesk.store import Store
from newsdesk.store.text import words
from newsdesk.vocab.names import fold


def test_a_nul_character_is_dropped_where_the_backend_cannot_keep_it(store: Store) -> None:
    b = ArticleBuilder(
        "Ferry\x00 launched", "The new ferry left the quay on Friday morning.", url="https://x.example/f"
    )
    b.entity("Tarrow Ferry\x00 Company", "ORG", mention="ferry")
    store.add(b.build())
    kept = store.db.name == "sqlite"
    assert store.db.scalar("SELECT title FROM articles") == ("Ferry\x00 launched" if kept else "Ferry launched")
    assert store.db.scalar("SELECT title FROM article_revisions") == (
        "Ferry\x00 launched" if kept else "Ferry launched"
    )
    assert store.db.scalar("SELECT name FROM article_entities") == (
        "Tarrow Ferry\x00 Company" if store.db.name == "sqlite" else "Tarrow Ferry Company"
    )


def test_words_are_the_word_tokens_of_the_full_fold() -> None:
    for text in ("We can't  risk a COLLAPSE, he said.", "‘Quoted’ — and “done”", "Ünïcode café ÉTÉ", "a_b c-d 12.5%\t"):
        assert words(text) == re.findall(r"\w+", fold(text))


def test_insert_rows_stores_every_kind_of_value(store: Store) -> None:
    """Numbers, NULLs, texts with quotes and backslashes, and bytes go in as they are (PostgreSQL: as text arrays)."""
    db = store.db
    with db.transaction():
        db.insert_rows(
            "INSERT INTO story_groups (id, title, created_at)",
            [(7, 'a "quoted" \\ title, {braced}', "t"), (8, None, "t")],
        )
        db.insert_rows("INSERT INTO articles (key, text, body_start, word_count, tone, record, content_hash, revision, "
                       "story_group_id, first_ingested, last_ingested)",
                       [("k", "x", 0, 1, -0.125, "{}", "h", 1, 7, "t", "t")])  # fmt: skip
        db.insert_rows("INSERT INTO article_signatures (article_id, signature)", [(1, b"\x00\x01\xff")])
    assert db.query("SELECT id, title FROM story_groups ORDER BY id") == [
        {"id": 7, "title": 'a "quoted" \\ title, {braced}'},
        {"id": 8, "title": None},
    ]
    assert db.scalar("SELECT tone FROM articles") == -0.125
    assert bytes(db.scalar("SELECT signature FROM article_signatures")) == b"\x00\x01\xff"
