"""The flat quote and claim sheets: CSV read back with the csv module, the workbook with openpyxl,
the desk's download links, and the Parquet tables queried with DuckDB."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import duckdb
import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook
from typer.testing import CliRunner

from conftest import ArticleBuilder
from newsdesk.cli import app
from newsdesk.record import Article
from newsdesk.store import Store
from newsdesk.store.exports.parquet import export_parquet
from newsdesk.store.exports.sheets import export_claims_csv, export_quotes_csv
from newsdesk.web.app import Settings, create_app

BODY = (
    "The harbour board voted on Friday to spend $1.6 billion on new cranes. "
    "“It is the “right” moment,” said Ines Carvalho, the board's chair. "
    'Carvalho said "=1+1 is not how we budget" when asked about the sums. '
    "Dock workers walked off the quay in protest. "
    "The board's chair put the cost of delay at 4 million dollars a month."
)


def harbour() -> Article:
    """A story with a direct quote (curly marks inside), one whose content starts like a formula,
    an action the desk hides, and two claims by the same speaker."""
    b = ArticleBuilder("Harbour board buys cranes", BODY, url="https://port.example/cranes", site="port.example",
                       published="2025-02-14")  # fmt: skip
    chair = b.entity("Ines Carvalho", titles=("chair",))
    first = b.quote(chair, "Ines Carvalho", "It is the “right” moment,")
    b.quote(chair, "Carvalho", "=1+1 is not how we budget", cue='said "')
    b.quote(None, "Dock workers", "walked off the quay in protest", cue="walked", kind="action")
    b.claim("$1.6 billion", 1.6e9, "new cranes", "money", claimant=chair, claimant_name="Ines Carvalho",
            quote=first)  # fmt: skip
    b.claim("4 million dollars", 4e6, "cost of delay", "money", claimant=chair, claimant_name="Ines Carvalho")
    return b.build()


def sheet(write: object, store: Store, *, everything: bool = False) -> list[dict[str, str]]:
    out = io.StringIO()
    write(store, out, everything=everything)  # type: ignore[operator]
    text = out.getvalue()
    assert text.startswith("\ufeff"), "Excel needs the BOM to read UTF-8"
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


def test_quote_sheet_is_one_row_per_shown_quote(store: Store) -> None:
    store.add(harbour())
    rows = sheet(export_quotes_csv, store)
    assert [r["Quote"] for r in rows] == ["It is the “right” moment,", "'=1+1 is not how we budget"]
    first = rows[0]
    assert (first["Speaker"], first["Speaker title"], first["Cue"], first["Stance"], first["Kind"]) == (
        "Ines Carvalho", "chair", "said", "say", "direct",
    )  # fmt: skip
    assert (first["Article title"], first["Site"], first["URL"], first["Date"]) == (
        "Harbour board buys cranes", "port.example", "https://port.example/cranes", "2025-02-14",
    )  # fmt: skip
    assert len(sheet(export_quotes_csv, store, everything=True)) == 3
    # Speakers are named as the store names the entity (the speaker page's name, one per person for a
    # pivot), not as each sentence does ("Carvalho"); a speaker with no entity as the article names them.
    assert [r["Speaker"] for r in rows] == ["Ines Carvalho", "Ines Carvalho"]
    assert {r["Speaker"] for r in sheet(export_quotes_csv, store, everything=True)} == {"Ines Carvalho", "Dock workers"}


def test_claim_sheet_has_claimant_title_exact_numbers_and_the_quote_cue(store: Store) -> None:
    store.add(harbour())
    rows = sheet(export_claims_csv, store)
    assert [(r["Claimant"], r["Claimant title"], r["Value"], r["Object"]) for r in rows] == [
        ("Ines Carvalho", "chair", "1600000000", "new cranes"),
        ("Ines Carvalho", "chair", "4000000", "cost of delay"),
    ]
    assert (rows[0]["Cue"], rows[0]["Stance"], rows[0]["Kind"]) == ("said", "say", "direct")
    assert rows[1]["Cue"] == "" and rows[1]["Category"] == "money"


def test_workbook_has_typed_quote_and_claim_sheets(store_url: str, tmp_path: Path) -> None:
    with Store.open(store_url) as store:
        store.add(harbour())
    path = tmp_path / "desk.xlsx"
    result = CliRunner().invoke(app, ["export", "--format", "xlsx", "-o", str(path), "--db", store_url])
    assert result.exit_code == 0, result.output
    book = load_workbook(path)
    assert book.sheetnames == ["Quotes", "Claims"]
    quotes = list(book["Quotes"].values)
    assert quotes[0][:3] == ("Speaker", "Speaker title", "Quote")
    assert quotes[2][2] == "=1+1 is not how we budget" and book["Quotes"]["C3"].data_type == "s"
    claims = list(book["Claims"].values)
    assert claims[1][3] == 1.6e9 and isinstance(claims[1][-1], datetime)
    missing = CliRunner().invoke(app, ["export", "--format", "xlsx", "--db", store_url])
    assert missing.exit_code == 2


def test_sheet_formats_on_the_command_line(store_url: str, tmp_path: Path) -> None:
    with Store.open(store_url) as store:
        store.add(harbour())
    out = tmp_path / "quotes.csv"
    result = CliRunner().invoke(app, ["export", "-f", "quotes-csv", "-o", str(out), "--all", "--db", store_url])
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8-sig", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == 3


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[TestClient]:
    path = tmp_path / "desk.db"
    with Store.open(str(path)) as store:
        store.add(harbour())
    with TestClient(create_app(Settings(db=str(path)))) as client:
        yield client


def speaker_id(desk: TestClient) -> int:
    """The speaker's entity id, read from the store the desk serves."""
    with Store.open(desk.app.state.settings.db) as store:  # type: ignore[attr-defined]
        return int(store.db.scalar("SELECT id FROM entities WHERE name = ?", ("Ines Carvalho",)))


def test_desk_pages_link_their_downloads(desk: TestClient) -> None:
    speaker = speaker_id(desk)
    assert 'href="/download/quotes.csv?q=moment"' in desk.get("/search?q=moment").text
    assert f'href="/download/speakers/{speaker}/quotes.csv"' in desk.get(f"/speakers/{speaker}").text
    assert 'href="/download/claims.csv?about=cranes"' in desk.get("/claims?about=cranes").text


def test_desk_downloads_are_the_pages_rows(desk: TestClient) -> None:
    found = desk.get("/download/quotes.csv", params={"q": "moment"})
    assert found.status_code == 200 and found.headers["content-type"].startswith("text/csv")
    assert "attachment" in found.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(found.text.removeprefix("\ufeff"))))
    assert [r["Quote"] for r in rows] == ["It is the “right” moment,"]
    browsed = desk.get("/download/quotes.csv", params={"site": "port.example"}).text
    assert len(list(csv.DictReader(io.StringIO(browsed.removeprefix("\ufeff"))))) == 2
    assert len(desk.get("/download/quotes.csv", params={"site": "elsewhere.example"}).text.splitlines()) == 1
    speaker = speaker_id(desk)
    assert len(desk.get(f"/download/speakers/{speaker}/quotes.csv").text.splitlines()) == 3
    claims = desk.get("/download/claims.csv", params={"about": "cranes"}).text
    assert [r["Object"] for r in csv.DictReader(io.StringIO(claims.removeprefix("\ufeff")))] == ["new cranes"]
    assert desk.get("/download/speakers/999999/quotes.csv").status_code == 404


def test_parquet_tables_answer_duckdb(store: Store, tmp_path: Path) -> None:
    store.add(harbour())
    export_parquet(store, tmp_path)
    quotes, articles = (str(tmp_path / f"{name}.parquet") for name in ("quotes", "articles"))
    rows = duckdb.sql(
        f"SELECT a.title, COUNT(*) AS n FROM '{quotes}' q JOIN '{articles}' a ON a.id = q.article_id GROUP BY a.title"
    ).fetchall()
    assert rows == [("Harbour board buys cranes", 2)]


def test_a_bad_output_path_is_a_one_line_error(store_url: str, tmp_path: Path) -> None:
    with Store.open(store_url) as store:
        store.add(harbour())
    runner = CliRunner()
    for name, output in (("xlsx", tmp_path / "missing" / "a.xlsx"), ("quotes-csv", tmp_path), ("gexf", tmp_path)):
        result = runner.invoke(app, ["export", "-f", name, "-o", str(output), "--db", store_url])
        assert result.exit_code == 2 and "Traceback" not in result.output
