"""The indexed surname the writer finds stored people by (migration 8), on both backends."""

from __future__ import annotations

from conftest import ArticleBuilder
from newsdesk.record import Article
from newsdesk.store import Store
from newsdesk.store.writers.entities import surname_of


def _launch() -> Article:
    b = ArticleBuilder(
        "Ferry launched",
        "Nadia K. Brennholt cut the ribbon as the Tarrow Ferry Company launched its new boat.",
        url="https://one.example/ferry",
    )
    b.entity("Nadia K. Brennholt")
    b.entity("Tarrow Ferry Company", "ORG")
    return b.build()


def _follow_up() -> Article:
    b = ArticleBuilder(
        "Ferry sails",
        "The boat sailed on Friday. Brennholt waved from the quay.",
        url="https://two.example/ferry",
    )
    b.entity("Brennholt")
    return b.build()


def _surnames(store: Store) -> dict[str, str | None]:
    return {row["key"]: row["surname"] for row in store.db.query("SELECT key, surname FROM entities")}


def _linked(store: Store, name: str) -> str | None:
    return store.db.scalar(
        "SELECT e.key FROM article_entities ae JOIN entities e ON e.id = ae.entity_id WHERE ae.name = ?", (name,)
    )


def test_surname_of_a_key() -> None:
    assert surname_of("PERSON:nadia k brennholt") == "brennholt"
    assert surname_of("PERSON:nadia brennholt jr") == "brennholt"
    assert surname_of("PERSON:brennholt") is None  # one word: no given name
    assert surname_of("ORG:tarrow ferry company") is None


def test_the_writer_fills_the_surname_of_people_named_in_full(store: Store) -> None:
    store.add(_launch())
    assert _surnames(store) == {"PERSON:nadia k brennholt": "brennholt", "ORG:tarrow ferry company": None}


def test_a_bare_surname_finds_the_person_stored_earlier_by_the_column(store: Store) -> None:
    store.add(_launch())
    store.add(_follow_up())
    assert _linked(store, "Brennholt") == "PERSON:nadia k brennholt"


def test_a_person_without_the_column_filled_is_not_found_by_surname(store: Store) -> None:
    """The lookup reads the column (no scan of the keys): a row it does not name stays unfound."""
    store.add(_launch())
    with store.db.transaction():
        store.db.execute("UPDATE entities SET surname = NULL")
    store.add(_follow_up())
    assert _linked(store, "Brennholt") == "PERSON:brennholt"


def test_migration_fills_the_column_of_a_store_written_before_it(store_url: str) -> None:
    with Store.open(store_url) as store:
        store.add(_launch())
        with store.db.transaction():
            store.db.execute("UPDATE entities SET surname = NULL")
            store.db.execute("DELETE FROM schema_version WHERE version >= 8")  # as version 7 left it
    with Store.open(store_url) as store:
        assert _surnames(store) == {"PERSON:nadia k brennholt": "brennholt", "ORG:tarrow ferry company": None}
        assert store.db.table_exists("entities_surname")
        store.add(_follow_up())
        assert _linked(store, "Brennholt") == "PERSON:nadia k brennholt"
