"""``newsdesk ingest`` end to end: every kind of input, idempotency, revisions, errors, stdin, kill -9."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ArticleBuilder
from newsdesk.cli import app
from newsdesk.store import Store

HTML_PAGE = """<!doctype html><html><head><title>Ferry service resumes | Coast Post</title>
<meta property="og:site_name" content="Coast Post"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Ferry service to Kelby island resumes after storm</h1>
<p>The ferry between Port Alden and Kelby island sailed again on Wednesday morning after three days in harbour,
the operator said, with the first crossing full of delivery vans and returning students.</p>
<p>Captain Ines Morrow said the crew had checked the ramps and engines overnight. "We are running the normal
timetable from today, and extra sailings at the weekend," she told passengers waiting at the terminal.</p>
<p>Shops on the island had run short of fresh milk and bread during the closure, residents said.</p>
</article><footer>Copyright Coast Post. All rights reserved.</footer></body></html>"""

TEXT_PAGE = (
    "Library opens late on weekdays\n\n"
    "The public library in Wexham will stay open until nine in the evening on weekdays from next month, the town "
    "council announced on Friday.\n\n"
    "Councillor Amir Haddad said students had asked for quiet places to work after school, and that the longer "
    "hours would cost about 40,000 pounds a year, paid from the culture budget.\n"
)


def article_text(title: str, town: str, number: int) -> str:
    """A short, distinct news text (for inputs that need many pages)."""
    return (
        f"{title}\n\nResidents of {town} voted on Sunday on a plan to build {number} new homes near the river, "
        f"officials said. The mayor of {town} told reporters that the vote was close and that a second "
        f"meeting would be held in {number % 12 + 1} weeks to discuss roads, schools and the cost of the project.\n"
    )


def ingest(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["ingest", *args], input=stdin)
    return result.exit_code, result.stdout, result.stderr


def count(db: Path, sql: str) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute(sql).fetchone()[0])


def test_every_kind_of_input_with_errors_recorded_and_idempotent(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    (pages / "sub").mkdir(parents=True)
    (pages / "ferry.html").write_text(HTML_PAGE, encoding="utf-8")
    (pages / "sub" / "library.txt").write_text(TEXT_PAGE, encoding="utf-8")
    (pages / ".hidden.txt").write_text(article_text("Hidden", "Nowhere", 1), encoding="utf-8")
    (pages / "notes.md").write_text("not an input when walking a directory", encoding="utf-8")
    globbed = tmp_path / "globbed"
    globbed.mkdir()
    for number in range(2):
        (globbed / f"vote{number}.txt").write_text(article_text("Town votes", f"Glenmoor{number}", 40 + number))
    record = ArticleBuilder("Stored record", "A record produced earlier by newsdesk extract, ingested as it is today.")
    lines = [
        json.dumps({"url": "https://coast.example/ferry", "html": HTML_PAGE}),
        json.dumps({"url": "https://wexham.example/library", "text": TEXT_PAGE}),
        "{not json",
        json.dumps({"url": "https://x.example/empty"}),
        "",
        record.build().to_json(),
    ]
    (tmp_path / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "list.urls").write_text("# a comment\nnot a url\nhttp://127.0.0.1:9/closed-port\n", encoding="utf-8")
    db = tmp_path / "desk.db"
    args = [str(pages), str(globbed / "*.txt"), str(tmp_path / "batch.jsonl"), str(tmp_path / "list.urls")]
    args += [str(tmp_path / "missing.html"), str(tmp_path / "nothing-*.html"), "--db", str(db), "--workers", "1"]
    code, out, err = ingest(*args)
    assert code == 1
    assert "added 7, revised 0, unchanged 0, failed 6" in out
    failures = sorted(line.split(": ")[1] for line in err.splitlines() if line.startswith("newsdesk: "))
    assert failures == sorted(
        [
            f"{tmp_path}/batch.jsonl:3",
            f"{tmp_path}/batch.jsonl:4",
            f"{tmp_path}/list.urls:2",
            "http://127.0.0.1:9/closed-port",
            f"{tmp_path}/missing.html",
            f"{tmp_path}/nothing-*.html",
        ]
    )
    assert count(db, "SELECT COUNT(*) FROM ingest_errors") == 6
    assert count(db, "SELECT COUNT(*) FROM articles WHERE source_path LIKE '%hidden%'") == 0
    assert count(db, "SELECT COUNT(*) FROM articles WHERE title = 'Stored record'") == 1

    code, out, err = ingest(*args)  # the same inputs again: nothing new
    assert code == 1
    assert "added 0, revised 0, unchanged 7, failed 6" in out
    assert count(db, "SELECT COUNT(*) FROM articles") == 7
    assert count(db, "SELECT COUNT(*) FROM article_revisions") == 7
    assert count(db, "SELECT MIN(attempts) FROM ingest_errors") == 2


def test_changed_page_at_same_url_is_a_new_revision(tmp_path: Path) -> None:
    db = tmp_path / "desk.db"
    feed = tmp_path / "feed.jsonl"
    url = "https://wexham.example/library?utm_source=feed"
    feed.write_text(json.dumps({"url": url, "text": TEXT_PAGE}) + "\n", encoding="utf-8")
    assert ingest(str(feed), "--db", str(db), "-w", "1")[0] == 0
    updated = TEXT_PAGE.replace("nine in the evening", "ten in the evening")
    feed.write_text(json.dumps({"url": "https://www.wexham.example/library", "text": updated}) + "\n")
    code, out, _ = ingest(str(feed), "--db", str(db), "-w", "1")
    assert code == 0 and "added 0, revised 1, unchanged 0" in out
    with Store.open(db) as store:
        article = store.article(url)
        assert article is not None
        assert article["revision"] == 2 and "ten in the evening" in article["text"]
        assert len(article["revisions"]) == 2


def test_stdin_page_and_stdin_jsonl(tmp_path: Path) -> None:
    db = tmp_path / "desk.db"
    code, out, _ = ingest("-", "--db", str(db), "-w", "1", stdin=TEXT_PAGE)
    assert code == 0 and "added 1" in out
    assert count(db, "SELECT COUNT(*) FROM articles WHERE source_path = '-'") == 1
    lines = [
        json.dumps({"url": f"https://t.example/{n}", "text": article_text("Vote", f"Ashby{n}", n)}) for n in range(3)
    ]
    code, out, _ = ingest("-", "--db", str(db), "-w", "1", stdin="\n".join(lines))
    assert code == 0 and "added 3" in out


def test_ingest_into_postgresql(tmp_path: Path, postgres_url: str) -> None:
    feed = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"url": f"https://t.example/{n}", "text": article_text("Vote", f"Corby{n}", n)}) for n in range(4)
    ]
    feed.write_text("\n".join(lines), encoding="utf-8")
    assert ingest(str(feed), "--db", postgres_url, "-w", "1")[0] == 0
    code, out, _ = ingest(str(feed), "--db", postgres_url, "-w", "1")
    assert code == 0 and "added 0, revised 0, unchanged 4" in out
    with Store.open(postgres_url) as store:
        assert store.stats()["articles"] == 4
        assert store.search("river homes", kinds=["article"])


@pytest.mark.skipif(not hasattr(os, "killpg"), reason="needs POSIX process groups")
def test_killed_ingest_completes_on_rerun_without_loss_or_duplicates(tmp_path: Path) -> None:
    """SIGKILL a real two-worker ingest mid-run, run it again: every page stored exactly once."""
    pages = tmp_path / "pages"
    pages.mkdir()
    total = 60
    for number in range(total):
        (pages / f"{number:03}.txt").write_text(article_text(f"Vote number {number}", f"Brockton{number}", number))
    db = tmp_path / "desk.db"
    command = [str(Path(sys.executable).parent / "newsdesk"), "ingest", str(pages), "--db", str(db)]
    process = subprocess.Popen(
        [*command, "--workers", "2", "--batch-size", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    stored_at_kill = 0
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and process.poll() is None:
        try:
            stored_at_kill = count(db, "SELECT COUNT(*) FROM articles")
        except sqlite3.Error:  # not created or migrated yet
            stored_at_kill = 0
        if stored_at_kill >= 4:
            break
        time.sleep(0.02)
    assert process.poll() is None, "the ingest finished before it could be killed"
    os.killpg(process.pid, signal.SIGKILL)  # the ingest and its workers, mid-run
    process.wait(timeout=30)
    assert 0 < count(db, "SELECT COUNT(*) FROM articles") < total

    rerun = subprocess.run([*command, "--workers", "1"], capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert count(db, "SELECT COUNT(*) FROM articles") == total
    assert count(db, "SELECT COUNT(DISTINCT key) FROM articles") == total
    assert count(db, "SELECT COUNT(*) FROM article_revisions") == total
    assert count(db, "SELECT COUNT(*) FROM ingest_errors") == 0
    summary = rerun.stdout
    added = int(summary.split("added ")[1].split(",")[0])
    unchanged = int(summary.split("unchanged ")[1].split(",")[0])
    assert added + unchanged == total and unchanged >= stored_at_kill
