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
