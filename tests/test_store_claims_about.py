"""The claims tracker's ``about`` filter matches whole words, on both backends."""

from __future__ import annotations

from conftest import ArticleBuilder
from newsdesk.store import Store
from newsdesk.store.claims import about_terms


def claims_article() -> ArticleBuilder:
    """Three claims: one about a poll, one about a moon mission, one about dirty air."""
    b = ArticleBuilder(
        "Three numbers",
        "A new poll put support at 41 percent. The Apollo programme cost $25 billion. "
        "Air pollution killed 4,000 people last year. Two polls, in May, showed 38 percent.",
        url="https://daily.example/numbers",
        site="daily.example",
        published="2026-03-01",
    )
    b.claim("41 percent", 41.0, "support", "share/support", confidence=0.9)
    b.claim("$25 billion", 25e9, "programme cost", "money/cost", confidence=0.9)
    b.claim("4,000 people", 4000.0, "deaths", "people/deaths", confidence=0.9)
    b.claim("38 percent", 38.0, "support", "share/support", confidence=0.9)
    return b


def test_about_matches_whole_words_and_plurals(store: Store) -> None:
    store.add(claims_article().build())
    texts = sorted(row["text"] for row in store.claims(about="poll", grouped=False))
    assert texts == ["38 percent", "41 percent"]
    assert [row["text"] for row in store.claims(about="polls", grouped=False)] != []
    assert [row["text"] for row in store.claims(about="pollution", grouped=False)] == ["4,000 people"]
    assert [row["text"] for row in store.claims(about="apollo", grouped=False)] == ["$25 billion"]
    assert store.claims(about="pol", grouped=False) == []


def test_claims_page_through_every_row(store: Store) -> None:
    store.add(claims_article().build())
    first = store.claims(grouped=False, limit=3)
    rest = store.claims(grouped=False, limit=3, offset=3)
    assert len(first) == 3 and len(rest) == 1
    assert {row["claim_id"] for row in first}.isdisjoint(row["claim_id"] for row in rest)


def test_about_terms_drop_stopwords_and_plurals() -> None:
    assert about_terms("Daesh fighters in Afghanistan") == ["daesh", "fighter", "afghanistan"]
