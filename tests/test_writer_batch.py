"""The batched writer stores exactly what writing the same records one by one stores (both backends)."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import psycopg
import pytest

from conftest import ArticleBuilder
from newsdesk.ingest import local
from newsdesk.ingest.worker import BatchResult, Parsed
from newsdesk.record import Article
from newsdesk.store import Status, Store
from newsdesk.store.alerts import AlertSpec
from newsdesk.store.minhash import signature
from newsdesk.store.text import content_hash
from newsdesk.store.writer import Record, write_records

# Columns that hold the time of writing, which two runs never share.
_STAMPS = {"first_seen", "created_at", "first_ingested", "last_ingested", "ingested_at", "matched_at", "search"}
_TABLES = (
    "story_groups", "articles", "article_revisions", "article_signatures", "article_buckets", "entities",
    "entity_aliases", "article_entities", "entity_titles", "mentions", "quote_groups", "quotes", "places", "claims",
    "alert_matches",
)  # fmt: skip

_WIRE = (
    "The harbour board of Ashby voted on Monday to close the northern pier for repairs after the storm of last "
    "winter cracked two of its pillars, and the works will last until the end of the summer season."
)


@pytest.fixture
def stores(store_url: str, tmp_path: Any) -> Iterator[tuple[Store, Store]]:
    """Two empty stores on one backend: one written record by record, one in batches."""
    other = str(tmp_path / "other.db")
    if store_url.startswith("postgresql://"):
        server, name = store_url.rsplit("/", 1)
        other = f"{server}/{name}_b"
        with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}_b")
    with Store.open(store_url) as one, Store.open(other) as batched:
        yield one, batched
    if store_url.startswith("postgresql://"):
        with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name}_b WITH (FORCE)")


def _record(article: Article) -> Record:
    return Record(article, content_hash(article.text), signature(article.body))


def _harbour(url: str, extra: str = "", *, speaker: str = "Maria Velasquez") -> Article:
    """A harbour story: a person (with a title), an organisation, a quote, a claim citing it, a place."""
    b = ArticleBuilder(
        "Ashby pier to close",
        f'{_WIRE} {speaker}, the harbour master, said: "We cannot risk a collapse." The repairs will cost '
        f"4 million pounds, the Ashby Harbour Board said.{extra}",
        url=url,
        site=url.split("/")[2],
        published="2024-03-04",
    )
    person = b.entity(speaker, titles=("harbour master",))
    board = b.entity("Ashby Harbour Board", "ORG")
    quote = b.quote(person, speaker, "We cannot risk a collapse.")
    b.claim(
        "4 million pounds", 4e6, "repairs", "money", claimant=board, claimant_name="Ashby Harbour Board", quote=quote
    )
    b.place("Ashby", "city", "GB", "GBR", "UK", 2656946, 51.3, -1.1, focus=True)
    return b.build()


def _bare(url: str) -> Article:
    """A follow-up naming the harbour master by her surname only, and someone new."""
    b = ArticleBuilder(
        "Pier works begin",
        "Works on the northern pier began on Tuesday. Velasquez said the crews from Tom Okafor's firm "
        '"will be done by August". Okafor declined to comment.',
        url=url,
        site=url.split("/")[2],
    )
    person = b.entity("Velasquez")
    b.entity("Tom Okafor", mention="Tom Okafor")
    b.quote(person, "Velasquez", '"will be done by August"')
    return b.build()


def _rounds() -> list[list[Article]]:
    """Two ingest batches: new articles sharing entities, a wire copy, then revisions, repeats and keys twice."""
    first = [
        _harbour("https://a.example/pier"),
        _harbour("https://b.example/pier-closes"),  # a wire copy: same story group, same quote group
        _bare("https://a.example/works"),
        _harbour("https://c.example/pier", " The board meets again in May.", speaker="Maria J. Velasquez"),
    ]
    second = [
        _harbour("https://a.example/pier", " Update: the mayor agreed."),  # a new revision
        first[1],  # unchanged
        _bare("https://d.example/works"),
        _harbour("https://e.example/pier", " More soon."),
        _harbour("https://e.example/pier", " More soon, said the board."),  # one key twice: a revision of the above
        _harbour("https://a.example/pier"),  # its first revision again: unchanged
    ]
    return [first, second]


def _dump(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    out = {}
    for table in _TABLES:
        rows = store.db.query(f"SELECT * FROM {table}")
        out[table] = sorted((tuple((k, repr(v)) for k, v in row.items() if k not in _STAMPS) for row in rows), key=repr)
    return out


def _alert(store: Store) -> None:
    store.add_alert(AlertSpec("pier", query="pier collapse"))


def test_a_batch_stores_what_one_by_one_stores(stores: tuple[Store, Store]) -> None:
    one, batched = stores
    _alert(one)
    _alert(batched)
    expected, got = [], []
    for articles in _rounds():
        records = [_record(a) for a in articles]
        with one.db.transaction():
            expected += [write_records(one.db, [r])[0] for r in records]
        with batched.db.transaction():
            got += write_records(batched.db, records)
    assert got == expected
    assert expected.count(Status.added) == 6 and expected.count(Status.revised) == 2
    assert _dump(batched) == _dump(one)


def test_running_a_batch_again_adds_nothing(store: Store) -> None:
    records = [_record(a) for a in _rounds()[0]]
    with store.db.transaction():
        write_records(store.db, records)
    before = _dump(store)
    with store.db.transaction():
        assert write_records(store.db, records) == [Status.unchanged] * len(records)
    assert _dump(store) == before


def test_articles_of_one_batch_share_their_entities_and_story(store: Store) -> None:
    articles = _rounds()[0][:2]
    with store.db.transaction():
        assert write_records(store.db, [_record(a) for a in articles]) == [Status.added, Status.added]
    assert store.db.scalar("SELECT COUNT(*) AS n FROM entities WHERE key = 'PERSON:maria velasquez'") == 1
    assert store.db.scalar("SELECT COUNT(*) AS n FROM entities WHERE key = 'ORG:ashby harbour board'") == 1
    assert store.db.scalar("SELECT COUNT(DISTINCT story_group_id) AS n FROM articles") == 1
    assert store.db.scalar("SELECT COUNT(DISTINCT quote_group_id) AS n FROM quotes") == 1
    assert store.db.scalar("SELECT COUNT(*) AS n FROM alert_matches") == 0


def test_a_key_twice_in_one_batch_is_a_revision(store: Store) -> None:
    twice = _rounds()[1][3:5]
    with store.db.transaction():
        assert write_records(store.db, [_record(a) for a in twice]) == [Status.added, Status.revised]
    assert store.db.scalar("SELECT revision FROM articles") == 2
    assert store.db.scalar("SELECT COUNT(*) AS n FROM quotes") == 1


def test_a_record_the_store_refuses_fails_alone(store: Store) -> None:
    good, bad, other = _rounds()[0][0], _rounds()[0][2], _rounds()[0][3]
    bad.quotes.append(copy.copy(bad.quotes[0]))  # two quotes with one local id: the store refuses it
    outcomes: list[Any] = [Parsed(a.url or a.id, *_record(a)) for a in (good, bad, other)]
    errors: list[str] = []
    stats = local.RunStats(inputs=3, workers=1)
    local.write_batch(store, BatchResult(outcomes), stats, on_error=lambda source, _reason: errors.append(source))
    assert (stats.added, stats.failed) == (2, 1) and errors == [bad.url]
    assert store.db.scalar("SELECT COUNT(*) AS n FROM articles") == 2
    assert store.db.scalar("SELECT COUNT(*) AS n FROM ingest_errors") == 1
