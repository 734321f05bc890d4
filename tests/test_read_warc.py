"""WARC input: every HTML response in a crawl becomes one article; the rest is skipped."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsdesk.errors import InputError
from newsdesk.pipeline import extract_many
from newsdesk.read.warc import is_warc

FIXTURES = Path(__file__).parent / "fixtures"


def write_warc(path: Path) -> None:
    page = (FIXTURES / "page_nav_sidebar.html").read_bytes()
    broken = (FIXTURES / "page_broken.html").read_bytes()
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)

        def response(url: str, status: str, ctype: str, body: bytes) -> None:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
            )

        response("https://ledger.example/trains", "200 OK", "text/html; charset=utf-8", page)
        writer.write_record(
            writer.create_warc_record("https://ledger.example/trains", "request", payload=io.BytesIO(b"GET /"))
        )
        response("https://ledger.example/style.css", "200 OK", "text/css", b"p { color: red }")
        response("https://ledger.example/gone", "404 Not Found", "text/html", b"<html>gone</html>")
        response("https://ledger.example/nav", "200 OK", "text/html", b"<html><body><nav>Home</nav></body></html>")
        response("https://city.example/wing", "200 OK", "text/html", broken)


def test_is_warc() -> None:
    assert is_warc(Path("crawl.warc.gz")) and is_warc(Path("CRAWL.WARC")) and is_warc(Path("old.arc.gz"))
    assert not is_warc(Path("page.html.gz"))


def test_pages_of_a_warc_become_articles(tmp_path: Path) -> None:
    warc = tmp_path / "crawl.warc.gz"
    write_warc(warc)
    results = list(extract_many([warc]))
    names = [name for name, _ in results]
    assert names == [
        f"https://ledger.example/trains (in {warc})",
        f"https://ledger.example/nav (in {warc})",
        f"https://city.example/wing (in {warc})",
    ]
    first, nav, last = (item for _, item in results)
    assert not isinstance(first, InputError) and first.url == "https://ledger.example/trains"
    assert first.source_path == str(warc) and first.site == "Northern Ledger"
    assert isinstance(nav, InputError)
    assert not isinstance(last, InputError) and "children's wing" in last.text


def test_a_file_named_warc_that_is_not_one(tmp_path: Path) -> None:
    fake = tmp_path / "fake.warc"
    fake.write_bytes(b"this is not a web archive at all\n" * 10)
    results = list(extract_many([fake, FIXTURES / "page_broken.html"]))
    assert isinstance(results[0][1], InputError) and "WARC" in str(results[0][1])
    assert not isinstance(results[1][1], InputError)


def test_cli_reads_warc(tmp_path: Path) -> None:
    warc = tmp_path / "crawl.warc.gz"
    write_warc(warc)
    result = subprocess.run(
        [sys.executable, "-m", "newsdesk", "extract", str(warc), "-f", "jsonl"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1  # the navigation-only page fails, the others go through
    urls = [json.loads(line)["url"] for line in result.stdout.splitlines()]
    assert urls == ["https://ledger.example/trains", "https://city.example/wing"]
    assert result.stderr.count("\n") == 1 and "https://ledger.example/nav" in result.stderr


def test_ingest_reads_every_page_of_a_warc(tmp_path: Path) -> None:
    from newsdesk.store import Store

    warc = tmp_path / "crawl.warc.gz"
    write_warc(warc)
    db = tmp_path / "desk.db"
    command = [sys.executable, "-m", "newsdesk", "ingest", str(warc), "--db", str(db), "--workers", "1"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert result.returncode == 1, result.stderr  # the navigation-only page is an error, the others are stored
    assert "https://ledger.example/nav" in result.stderr
    store = Store.open(str(db))
    try:
        assert store.stats()["articles"] == 2
    finally:
        store.close()
    again = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert again.returncode == 1
    store = Store.open(str(db))
    try:
        assert store.stats()["articles"] == 2  # idempotent: nothing added the second time
    finally:
        store.close()
