"""How the store reads an article or entity reference: keys, ids and URLs never confused, no overflow."""

from __future__ import annotations

from conftest import ArticleBuilder
from newsdesk.store import Store


def _stored(store: Store) -> tuple[int, str]:
    b = ArticleBuilder("Tram line opens", "The new tram line to Westbrook opened on Sunday, the city said.",
                       url="https://city.example/tram")  # fmt: skip
    store.add(b.build())
    row = store.db.query_one("SELECT id, key FROM articles")
    assert row is not None
    return int(row["id"]), str(row["key"])


def test_an_all_digit_key_is_a_key_not_an_id(store: Store) -> None:
    pk, _key = _stored(store)
    digits = f"{pk:016d}"  # a key that is all digits and, read as a number, is this very id
    with store.db.transaction():
        store.db.execute("UPDATE articles SET key = ? WHERE id = ?", ("1234567890123456", pk))
    found = store.article("1234567890123456")
    assert found is not None and found["id"] == pk
    assert store.article(digits) is not None  # no article has that key: read as the id
    assert store.article(str(pk))["key"] == "1234567890123456"  # type: ignore[index]


def test_references_beyond_64_bits_are_unknown_not_errors(store: Store) -> None:
    _stored(store)
    assert store.article("99999999999999999999999") is None
    assert store.speaker("99999999999999999999999") is None
    assert store.article("https://city.example/tram") is not None
