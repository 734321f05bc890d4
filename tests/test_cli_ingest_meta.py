"""``newsdesk ingest`` told what its input is: options for one input, sidecars and JSONL fields for many."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from newsdesk.clean.article import clean_article
from newsdesk.cli import app
from newsdesk.errors import InputError
from newsdesk.ingest.sources import PageMeta, collect, page_meta, sidecar_meta
from newsdesk.record import iso_published

HEADLINE = "Ferry returns to Kelby island\nOperator adds weekend sailings after three days of storms"
BODY = (
    "The ferry between Port Alden and Kelby island sailed again on Wednesday morning after three days in "
    "harbour, the operator said, with the first crossing full of delivery vans and returning students.\n\n"
    "Captain Ines Morrow said the crew had checked the ramps and engines overnight, and that the normal "
    "timetable would run from today with extra sailings at the weekend for visitors.\n"
)
TWO_LINE_TITLE = "Ferry returns to Kelby island Operator adds weekend sailings after three days of storms"


def text(town: str) -> str:
    """A clean article (headline, blank line, body) about ``town``."""
    return (
        f"Library in {town} opens late\n\nThe public library in {town} will stay open until nine in the evening on "
        "weekdays from next month, the town council announced on Friday. Councillor Amir Haddad said students "
        "had asked for quiet places to work after school, and that the longer hours would be paid for from "
        "the culture budget.\n"
    )


def ingest(*args: str, verbosity: str | None = None) -> tuple[int, str, str]:
    """``newsdesk [-q|-v] ingest ARGS``."""
    result = CliRunner().invoke(app, [*([verbosity] if verbosity else []), "ingest", *args])
    return result.exit_code, result.stdout, result.stderr


def rows(db: Path) -> dict[str, dict[str, Any]]:
    """The stored articles by URL."""
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        found = conn.execute("SELECT url, site, title, published, published_date, source_path FROM articles")
        return {row["url"]: dict(row) for row in found}


def test_a_two_line_headline_is_the_title() -> None:
    assert clean_article(f"{HEADLINE}\n\n{BODY}").title == TWO_LINE_TITLE
    assert clean_article(f"One line\n\n{BODY}").title == "One line"
    wrapped = "A first paragraph that\nwas hard-wrapped over\nthree lines of text.\n\n" + BODY
    assert clean_article(wrapped).title is None
    assert clean_article(BODY.replace("\n\n", " ")).title is None


def test_metadata_fields_are_checked() -> None:
    meta = page_meta({"input_format": "article", "url": "https://a.example/x", "published": "2024-05-06"}, "f")
    assert meta == PageMeta("article", "https://a.example/x", None, "2024-05-06")
    assert page_meta({"published": "2024-05-06T08:30:00+02:00"}, "f").published == "2024-05-06T08:30:00+02:00"
    for bad in ({"published": "6 May 2024"}, {"input_format": "pdf"}, {"url": "a.example/x"}, {"site": 3}):
        with pytest.raises(InputError, match=r"^f: "):
            page_meta(bad, "f")


def test_a_published_date_is_an_iso_8601_date_or_date_time() -> None:
    """One check for ingest inputs and the desk's date filters (which also want the YYYY-MM-DD form)."""
    assert iso_published(" 2024-02-29\n") == "2024-02-29"  # given back stripped
    assert iso_published("2024-05-06 08:30Z") == "2024-05-06 08:30Z"
    assert iso_published("20240506") == "20240506"  # the basic form is ISO 8601 too
    for bad in ("2023-02-29", "2024-13-01", "6 May 2024", "2024-5-6", ""):
        assert iso_published(bad) is None, bad


def test_a_sidecar_is_found_by_full_name_or_stem(tmp_path: Path) -> None:
    page = tmp_path / "story.html"
    assert sidecar_meta(page) == PageMeta()
    (tmp_path / "story.meta.json").write_text('{"site": "stem.example"}', encoding="utf-8")
    assert sidecar_meta(page).site == "stem.example"
    (tmp_path / "story.html.meta.json").write_text('{"site": "full.example"}', encoding="utf-8")
    assert sidecar_meta(page).site == "full.example"
    (tmp_path / "story.html.meta.json").write_text("[1]", encoding="utf-8")
    with pytest.raises(InputError, match="JSON object"):
        sidecar_meta(page)


def test_command_line_fields_win_over_the_sidecar() -> None:
    given = PageMeta(site="cli.example")
    merged = given.over(PageMeta("article", "https://s.example/", "side.example", "2024-01-02"))
    assert merged == PageMeta("article", "https://s.example/", "cli.example", "2024-01-02")


def test_sidecars_are_not_pages(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(text("Wexham"), encoding="utf-8")
    (tmp_path / "a.meta.json").write_text("{}", encoding="utf-8")
    assert [item.path for item in collect([str(tmp_path)]).items] == [str(tmp_path / "a.txt")]
    assert [item.path for item in collect([str(tmp_path / "*")]).items] == [str(tmp_path / "a.txt")]


def test_one_input_described_on_the_command_line(tmp_path: Path) -> None:
    page = tmp_path / "ferry.txt"
    page.write_text(f"{HEADLINE}\n\n{BODY}", encoding="utf-8")
    db = tmp_path / "s.db"
    code, _out, err = ingest(
        str(page), "--db", str(db), "--workers", "1", "--input-format", "article",
        "--url", "https://coast.example/ferry", "--site", "Coast Post", "--published", "2024-05-06",
    )  # fmt: skip
    assert code == 0, err
    stored = rows(db)["https://coast.example/ferry"]
    assert (stored["site"], stored["published_date"], stored["title"]) == ("Coast Post", "2024-05-06", TWO_LINE_TITLE)


def test_many_inputs_described_by_sidecars_and_jsonl_fields(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "wexham.txt").write_text(text("Wexham"), encoding="utf-8")
    sidecar = {"input_format": "article", "url": "https://a.example/wexham", "site": "A", "published": "2024-01-02"}
    (folder / "wexham.meta.json").write_text(json.dumps(sidecar), encoding="utf-8")
    (folder / "plain.txt").write_text(text("Dunmore"), encoding="utf-8")  # no sidecar: found by content
    line = {"text": text("Kelby"), "input_format": "article", "url": "https://b.example/kelby", "site": "B",
            "published": "2024-03-04T10:00:00Z"}  # fmt: skip
    bad = {"text": text("Orford"), "published": "last Tuesday"}
    (folder / "feed.jsonl").write_text(json.dumps(line) + "\n" + json.dumps(bad) + "\n", encoding="utf-8")
    db = tmp_path / "s.db"
    code, _out, err = ingest(str(folder), "--db", str(db), "--workers", "1", verbosity="-v")
    assert code == 1  # the bad line fails alone, with one line saying why
    assert err.count('"published" must be an ISO 8601 date') == 1 and "feed.jsonl:2" in err
    assert "wexham.txt: added" in err  # -v: what became of each input
    stored = rows(db)
    assert (stored["https://a.example/wexham"]["site"], stored["https://a.example/wexham"]["published_date"]) == (
        "A",
        "2024-01-02",
    )
    assert stored["https://a.example/wexham"]["title"] == "Library in Wexham opens late"
    kelby = stored["https://b.example/kelby"]
    assert (kelby["site"], kelby["published"], kelby["published_date"]) == ("B", "2024-03-04T10:00:00Z", "2024-03-04")
    assert len(stored) == 3


@pytest.mark.parametrize(
    ("args", "hint"),
    [
        (["--url", "https://a.example/x"], "--url"),  # two inputs
        (["--site", "A"], "--site"),
        (["--published", "yesterday"], "--published"),
    ],
)
def test_options_for_one_input_refuse_many_or_bad_values(tmp_path: Path, args: list[str], hint: str) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(text(name), encoding="utf-8")
    db = tmp_path / "s.db"
    code, _out, err = ingest(str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--db", str(db), *args)
    assert code == 2 and hint in err and "Traceback" not in err
    assert not db.exists()


def test_url_option_needs_a_page_file(tmp_path: Path) -> None:
    code, _out, err = ingest("https://a.example/x", "--url", "https://b.example/y", "--db", str(tmp_path / "s.db"))
    assert code == 2 and "--url" in err
    code, _out, err = ingest(str(tmp_path / "a.txt"), "--url", "ftp://b.example/y", "--db", str(tmp_path / "s.db"))
    assert code == 2 and "not an http(s) URL" in err


def test_quiet_ingest_prints_nothing_on_success(tmp_path: Path) -> None:
    page = tmp_path / "a.txt"
    page.write_text(text("Wexham"), encoding="utf-8")
    code, out, err = ingest(str(page), "--db", str(tmp_path / "s.db"), "--workers", "1", verbosity="-q")
    assert (code, out, err) == (0, "", "")
