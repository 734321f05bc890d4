"""``newsdesk watch`` as a process: SIGTERM and kill -9 mid-pass, then a re-run; bad input."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsdesk.store import Store
from newsdesk.store.alerts import AlertSpec
from watch_site import Reply, Site, article_html, rss, serve, xml
from webhook_receiver import Receiver, closed_port, receiving

STORIES = 12
# Each page answers after this many seconds, so a signal lands while the pass is fetching.
PAGE_PAUSE = 0.3


@pytest.fixture
def slow_site() -> Iterator[Site]:
    site = Site()
    for n in range(STORIES):
        body = article_html(f"Story {n} of the flood defences").encode()
        site.fixed(f"/news/{n}.html", Reply(body, hang=PAGE_PAUSE))
    with serve(site) as running:
        site.fixed("/feed.xml", xml(rss(running, [f"/news/{n}.html" for n in range(STORIES)])))
        yield running


def _watch(db: Path, *args: str) -> subprocess.Popen[str]:
    """The watch in a process group of its own (a terminal's Ctrl-C reaches a whole group)."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    command = [sys.executable, "-m", "newsdesk", "watch", "--db", str(db), "--delay", "0", "--timeout", "5", *args]
    return subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
    )


def _wait_for_pages(site: Site, count: int) -> None:
    """Until the watch has asked for ``count`` pages (the model is loaded, the pass is under way)."""
    deadline = time.monotonic() + 120
    while sum(hits for path, hits in site.hits.items() if path.startswith("/news/")) < count:
        assert time.monotonic() < deadline, "the watch never fetched the pages"
        time.sleep(0.05)


def _counts(db: Path) -> tuple[int, int, int]:
    with Store.open(db) as store:
        revisions = int(store.db.scalar("SELECT COUNT(*) AS n FROM article_revisions"))
        items = int(store.db.scalar("SELECT COUNT(*) AS n FROM watch_items WHERE status = 'stored'"))
        return store.stats()["articles"], revisions, items


def _rerun(db: Path, site: Site) -> None:
    done = _watch(db, "--once", site.url("/feed.xml"))
    _out, err = done.communicate(timeout=300)
    assert done.returncode == 0, err
    assert _counts(db) == (STORIES, STORIES, STORIES)  # nothing lost, nothing twice


def test_sigterm_mid_pass_finishes_the_pages_in_hand(tmp_path: Path, slow_site: Site) -> None:
    db = tmp_path / "w.db"
    watch = _watch(db, "--interval", "3600", slow_site.url("/feed.xml"))
    _wait_for_pages(slow_site, 3)
    watch.send_signal(signal.SIGTERM)
    _out, err = watch.communicate(timeout=300)
    assert watch.returncode == 0, err
    assert "Traceback" not in err and "SIGTERM" in err
    articles, _revisions, items = _counts(db)
    assert 3 <= articles < STORIES and articles == items  # every page fetched was stored and marked
    _rerun(db, slow_site)


def test_ctrl_c_with_worker_processes_finishes_cleanly(tmp_path: Path, slow_site: Site) -> None:
    """SIGINT to the whole process group, as a terminal sends it: the workers leave it to the main process."""
    db = tmp_path / "w.db"
    watch = _watch(db, "--workers", "2", "--interval", "3600", slow_site.url("/feed.xml"))
    _wait_for_pages(slow_site, STORIES)
    time.sleep(2)  # the worker processes are starting or at work on the pages
    os.killpg(watch.pid, signal.SIGINT)
    _out, err = watch.communicate(timeout=300)
    assert watch.returncode == 0, err
    assert "internal error" not in err and "Traceback" not in err and "SIGINT" in err
    articles, _revisions, items = _counts(db)
    assert articles == items


def test_kill_9_mid_pass_then_rerun(tmp_path: Path, slow_site: Site) -> None:
    """Also for alerts: every story matches once and reaches the webhook once."""
    db = tmp_path / "w.db"
    with Store.open(db) as store:
        store.add_alert(AlertSpec("riverton", query="Riverton", webhook=f"http://127.0.0.1:{closed_port()}/"))
    watch = _watch(db, "--once", slow_site.url("/feed.xml"))
    _wait_for_pages(slow_site, 4)
    watch.kill()
    watch.communicate(timeout=60)
    assert watch.returncode == -signal.SIGKILL
    articles, _revisions, items = _counts(db)
    assert articles == items  # a URL is marked seen only together with its article
    with receiving(Receiver()) as hook:
        with Store.open(db) as store:
            store.db.execute("UPDATE alerts SET webhook = ?", (hook.url,))
        _rerun(db, slow_site)
    assert len(hook.received) == STORIES
    assert len({payload["article"]["key"] for payload in hook.received}) == STORIES  # type: ignore[index]
    with Store.open(db) as store:
        assert store.alerts()[0]["matches"] == STORIES and store.alerts()[0]["undelivered"] == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ftp://example.com/feed"], "not an http(s) URL"),
        ([], "no source is watched yet"),
        (["--interval", "0", "http://127.0.0.1:9/feed"], "--interval"),
    ],
)
def test_bad_input_is_one_line_never_a_traceback(tmp_path: Path, args: list[str], message: str) -> None:
    done = _watch(tmp_path / "w.db", "--once", *args)
    _out, err = done.communicate(timeout=60)
    assert done.returncode == 2 and message in err and "Traceback" not in err


def test_an_unreachable_source_is_one_line_and_exit_1(tmp_path: Path) -> None:
    done = _watch(tmp_path / "w.db", "--once", "http://127.0.0.1:9/feed.xml")
    _out, err = done.communicate(timeout=60)
    assert done.returncode == 1 and "Traceback" not in err
    assert err.count("\n") == 1 and err.startswith("newsdesk: http://127.0.0.1:9/feed.xml: ")


def test_sources_lists_what_is_watched(tmp_path: Path, slow_site: Site) -> None:
    db = tmp_path / "w.db"
    with Store.open(db) as store:
        store.watch_source(slow_site.url("/feed.xml"))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run(
        [sys.executable, "-m", "newsdesk", "sources", "--db", str(db), "--format", "csv"],
        env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0
    header, row = done.stdout.splitlines()
    assert header.startswith("url,kind,status") and row.startswith(slow_site.url("/feed.xml") + ",new,")


def test_sigterm_between_passes_exits_at_once(tmp_path: Path) -> None:
    site = Site()
    site.page("/news/quiet.html", "The quiet town story")
    with serve(site):
        site.fixed("/feed.xml", xml(rss(site, ["/news/quiet.html"])))
        watch = _watch(tmp_path / "w.db", "--interval", "3600", site.url("/feed.xml"))
        assert watch.stdout is not None
        first = watch.stdout.readline()  # the first pass's summary: the watch now sleeps for an hour
        watch.send_signal(signal.SIGTERM)
        _out, err = watch.communicate(timeout=60)
    assert first.startswith("pass 1: 1 sources") and "added 1" in first
    assert watch.returncode == 0 and "Traceback" not in err
