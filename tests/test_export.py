"""Exports on both backends: JSONL records, CSV and Parquet tables, GDELT GKG 2.1 rows."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
from typer.testing import CliRunner

from newsdesk.cli import app
from newsdesk.record import Article
from newsdesk.store import Store
from newsdesk.store.exports import formats
from newsdesk.store.exports.csv import export_csv
from newsdesk.store.exports.gkg import export_gkg
from newsdesk.store.exports.jsonl import export_jsonl
from newsdesk.store.exports.parquet import export_parquet
from newsdesk.store.exports.tables import TABLES
from test_store import other, scoreboard, wire


def filled(store: Store) -> list[Article]:
    articles = [wire("https://wire.example/a1", "wire.example"), other()]
    for article in articles:
        store.add(article)
    return articles


def test_jsonl_is_the_stored_records(store: Store) -> None:
    articles = filled(store)
    out = io.StringIO()
    assert export_jsonl(store, out) == 2
    records = [Article.from_dict(json.loads(line)) for line in out.getvalue().splitlines()]
    assert records == articles


def test_csv_and_parquet_have_one_table_per_record_type(store: Store, tmp_path: Path) -> None:
    filled(store)
    counts = export_csv(store, tmp_path / "csv")
    assert set(counts) == set(TABLES)
    assert (counts["articles"], counts["quotes"], counts["claims"], counts["places"]) == (2, 2, 2, 2)
    with (tmp_path / "csv" / "quotes.csv").open(encoding="utf-8") as handle:
        quotes = list(csv.DictReader(handle))
    assert {q["speaker_name"] for q in quotes} == {"Marta Velasquez", "Henrik Sol"}
    export_parquet(store, tmp_path / "parquet")
    articles = pq.read_table(tmp_path / "parquet" / "articles.parquet")
    assert articles.num_rows == 2
    assert "record" not in articles.column_names and "search" not in articles.column_names
    assert str(articles.schema.field("id").type) == "int64"
    claims = pq.read_table(tmp_path / "parquet" / "claims.parquet").to_pylist()
    assert sorted(c["value"] for c in claims) == [2500.0, 40000.0]
    assert pq.read_table(tmp_path / "parquet" / "ingest_errors.parquet").num_rows == 0


def test_gkg_rows_follow_the_gkg_2_1_layout(store: Store) -> None:
    article = filled(store)[0]
    out = io.StringIO()
    assert export_gkg(store, out) == 2
    rows = [line.split("\t") for line in out.getvalue().splitlines()]
    assert all(len(row) == 27 for row in rows)
    row = next(r for r in rows if r[4] == "https://wire.example/a1")
    assert (
        row[0].endswith("-1")
        and row[0][:14].isdigit()
        and row[1] == "20240304000000"
        and row[2] == "1"
        and row[3] == "wire.example"
    )
    displaced = article.text.index("40,000")
    assert row[5] == "AFFECT#40000#people displaced#1#Norland#NL#NL#52.25#5.75#NL"
    assert row[6] == row[5] + f"#{displaced}"
    assert row[9] == "1#Norland#NL#NL#52.25#5.75#NL"
    assert row[10] == f"1#Norland#NL#NL##52.25#5.75#NL#{article.text.index('Norland', article.body_start)}"
    assert row[11] == "Marta Velasquez" and row[13] == "Crimson Banner"
    assert row[12] == f"Marta Velasquez,{article.text.index('Marta Velasquez')}"
    quote_start = article.text.index("The border is not holding")
    content = "The border is not holding, and every week we wait the cost of closing it grows"
    cleaned = content.replace(",", "")
    assert row[22] == f"{quote_start}|{len(content)}|said|{cleaned}"
    fighters = article.text.index("2,500")
    assert row[24] == f"2500,fighters of the Crimson Banner militia,{fighters};40000,people displaced,{displaced}"
    assert row[26] == f"<PAGE_TITLE>{article.title}</PAGE_TITLE>"
    assert row[17].startswith("wc:")


def test_every_format_is_registered_by_its_module() -> None:
    found = formats()
    assert sorted(found) == ["claims-csv", "csv", "gexf", "gkg", "graphml", "jsonl", "parquet", "quotes-csv", "xlsx"]
    assert {name for name, fmt in found.items() if fmt.tables} == {"csv", "parquet"}
    assert {name for name, fmt in found.items() if fmt.file} == {"xlsx"}


def test_export_command(store_url: str, tmp_path: Path) -> None:
    with Store.open(store_url) as store:
        filled(store)
    runner = CliRunner()
    result = runner.invoke(app, ["export", "--format", "parquet", "-o", str(tmp_path / "pq"), "--db", store_url])
    assert result.exit_code == 0, result.output
    assert sorted(p.stem for p in (tmp_path / "pq").iterdir()) == sorted(TABLES)
    result = runner.invoke(app, ["export", "--format", "jsonl", "--db", store_url])
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 2
    result = runner.invoke(app, ["export", "--format", "gkg", "-o", str(tmp_path / "out.gkg.csv"), "--db", store_url])
    assert result.exit_code == 0 and len((tmp_path / "out.gkg.csv").read_text().splitlines()) == 2
    assert runner.invoke(app, ["export", "--format", "csv", "--db", store_url]).exit_code == 2


def test_exports_leave_out_unsure_claims_unless_all(store: Store, tmp_path: Path) -> None:
    store.add(scoreboard())
    assert export_csv(store, tmp_path / "default")["claims"] == 1
    assert export_csv(store, tmp_path / "all", everything=True)["claims"] == 3
    out = io.StringIO()
    export_jsonl(store, out)
    assert [c["text"] for c in json.loads(out.getvalue())["claims"]] == ["80 million euros"]
    out = io.StringIO()
    export_jsonl(store, out, everything=True)
    assert len(json.loads(out.getvalue())["claims"]) == 3
