"""The store opened in a real Datasette: full-text search filters, metadata titles every table."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import ArticleBuilder
from newsdesk.store import Store, StoreError
from newsdesk.store.datasette import TABLES, metadata, store_tables

HARBOUR = "The council voted to rebuild the harbour wall after the winter storms, the mayor said on Friday."
ORCHARD = "Growers reported a record apple harvest this autumn, and cider makers expect prices to fall."


def _article(title: str, body: str, url: str, speaker: str, said: str) -> Any:
    b = ArticleBuilder(title, f"{body} {speaker} said: {said}", url=url, site="example.org", published="2025-01-02")
    person = b.entity(speaker)
    b.quote(person, speaker, said)
    return b.build()


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    path = tmp_path / "desk.db"
    with Store.open(path) as store:
        store.add(_article("Harbour wall", HARBOUR, "https://example.org/wall", "Ana Lind", "We start in May."))
        store.add(_article("Apple harvest", ORCHARD, "https://example.org/apples", "Tom Berg", "Cider is cheap."))
    return path


def datasette(db: Path, path: str, *extra: str) -> Any:
    """``datasette DB --get PATH``, run as a user would, its JSON answer parsed."""
    done = subprocess.run(
        [sys.executable, "-m", "datasette", str(db), *extra, "--get", path],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(done.stdout)


def titles(db: Path, table: str, search: str) -> list[str]:
    rows = datasette(db, f"/desk/{table}.json?_search={search}&_shape=array")
    return sorted(row["title" if table == "articles" else "content"] for row in rows)


def test_datasette_search_filters_articles_and_quotes(db_file: Path) -> None:
    assert titles(db_file, "articles", "harbour") == ["Harbour wall"]
    assert titles(db_file, "articles", "harvests") == ["Apple harvest"]  # Porter stemming, as in the store
    assert titles(db_file, "articles", "submarine") == []
    assert titles(db_file, "quotes", "cider") == ["Cider is cheap."]


def test_an_old_store_is_migrated_and_its_index_rebuilt(db_file: Path) -> None:
    """A store whose FTS tables were declared content='…' (undetected) gets them re-declared, data kept."""
    with Store.open(db_file) as store, store.db.transaction():
        store.db.script(
            "DROP TABLE articles_fts;\n"
            "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='id');\n"
            "DELETE FROM schema_version WHERE version >= 7;\n"
        )
    assert len(datasette(db_file, "/desk/articles.json?_search=submarine&_shape=array")) == 2  # not detected
    with Store.open(db_file) as store:
        hits = store.search("harbour")
    assert [hit["title"] for hit in hits if hit["kind"] == "article"] == ["Harbour wall"]
    assert titles(db_file, "articles", "harbour") == ["Harbour wall"]


def test_metadata_titles_every_table_and_view_and_names_the_search_tables(db_file: Path, tmp_path: Path) -> None:
    with Store.open(db_file) as store:
        undescribed = [name for name in store_tables(store) if name not in TABLES]
        document = metadata(store, "desk")
    assert undescribed == []
    tables = document["databases"]["desk"]["tables"]
    assert all(table["description"] for table in tables.values())
    assert tables["articles"]["fts_table"] == "articles_fts"
    meta = tmp_path / "metadata.json"
    meta.write_text(json.dumps(document), encoding="utf-8")
    page = subprocess.run(
        [sys.executable, "-m", "datasette", str(db_file), "-m", str(meta), "--get", "/desk/claims_with_claimants"],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    assert TABLES["claims_with_claimants"].description in page


def test_metadata_needs_a_sqlite_store(store_url: str) -> None:
    with Store.open(store_url) as store:
        if store.db.name == "sqlite":
            assert "articles" in store_tables(store)
        else:
            with pytest.raises(StoreError, match="SQLite"):
                store_tables(store)


def test_the_metadata_command_writes_what_datasette_reads(db_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "meta.json"
    done = subprocess.run(
        [sys.executable, "-m", "newsdesk", "datasette-metadata", "--db", str(db_file), "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    document = json.loads(out.read_text(encoding="utf-8"))
    assert set(document["databases"]) == {"desk"}
    table = datasette(db_file, "/desk/articles.json?_search=harbour", "-m", str(out))
    assert table["human_description_en"]  # the search is described ("where … matches …")
    assert len(table["rows"]) == 1
