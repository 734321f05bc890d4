"""``newsdesk watch`` against a real HTTP server on 127.0.0.1 (tests/watch_site.py)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from newsdesk.store import Store
from newsdesk.watch.http import Politeness
from newsdesk.watch.loop import PassStats, Watcher, WatchOptions
from watch_site import Reply, Site, atom, gzipped, rss, serve, sitemap, sitemap_index, xml

# No delay between requests and short timeouts: the tests' server answers at once (or hangs on purpose).
FAST = Politeness(delay=0.0, timeout=1.0, retries=1, backoff=0.01)


@pytest.fixture
def site() -> Iterator[Site]:
    with serve(Site()) as running:
        yield running


def _watcher(store: Store, max_new: int = 1000) -> Watcher:
    return Watcher(store, WatchOptions(FAST, 1, max_new), threading.Event())


def _pass(store: Store, *urls: str, max_new: int = 1000) -> PassStats:
    watcher = _watcher(store, max_new)
    try:
        return watcher.run_pass(list(urls))
    finally:
        watcher.close()


def _items(store: Store) -> dict[str, dict[str, object]]:
    return {row["url"]: row for row in store.db.query("SELECT * FROM watch_items")}


def _source(store: Store, url: str) -> dict[str, object]:
    return next(row for row in store.sources() if row["url"] == url)


def _stories(site: Site, *names: str) -> list[str]:
    for name in names:
        site.page(f"/news/{name}.html", f"The {name} bridge plan")
    return [f"/news/{name}.html" for name in names]


def test_new_items_are_picked_up_on_the_next_pass(tmp_path: Path, site: Site) -> None:
    paths = _stories(site, "north", "south")
    site.fixed("/feed.xml", xml(rss(site, paths)))
    with Store.open(tmp_path / "w.db") as store:
        first = _pass(store, site.url("/feed.xml"))
        paths += _stories(site, "east")
        site.fixed("/feed.xml", xml(rss(site, paths)))
        second = _pass(store, site.url("/feed.xml"))
        assert (first.added, second.new, second.added) == (2, 1, 1)
        assert store.stats()["articles"] == 3
        assert site.hits["/news/north.html"] == 1  # a seen story is not fetched again
        source = _source(store, site.url("/feed.xml"))
        assert (source["kind"], source["status"], source["stories_added"]) == ("feed", "ok", 3)


def test_conditional_get_on_feeds(tmp_path: Path, site: Site) -> None:
    site.routes["/feed.xml"] = _etag_feed(rss(site, _stories(site, "west")))
    with Store.open(tmp_path / "w.db") as store:
        _pass(store, site.url("/feed.xml"))
        second = _pass(store, site.url("/feed.xml"))
        assert second.listed == 0
        assert _source(store, site.url("/feed.xml"))["status"] == "not modified"


@pytest.mark.parametrize("store_url", ["sqlite", "postgresql"], indirect=True)
def test_the_same_story_in_two_feeds_is_stored_once(store_url: str, site: Site) -> None:
    paths = _stories(site, "harbour", "market")
    site.fixed("/feed.xml", xml(rss(site, paths)))
    # The wire lists the same stories with a tracking parameter and a fragment.
    site.fixed("/atom.xml", xml(atom(site, [site.url(p) + "?utm_source=wire#top" for p in paths])))
    with Store.open(store_url) as store:
        stats = _pass(store, site.url("/feed.xml"), site.url("/atom.xml"))
        again = _pass(store, site.url("/atom.xml"), site.url("/feed.xml"))
        assert (stats.new, stats.added, again.new) == (2, 2, 0)
        assert store.stats()["articles"] == 2 and len(_items(store)) == 2
        assert site.hits["/news/harbour.html"] == 1
        assert [row["url"] for row in store.sources()] == [site.url("/feed.xml"), site.url("/atom.xml")]


def test_robots_txt_disallow_is_respected(tmp_path: Path, site: Site) -> None:
    site.fixed("/robots.txt", Reply(b"User-agent: *\nDisallow: /private/\n", headers={"Content-Type": "text/plain"}))
    site.page("/private/secret.html", "The secret plan")
    paths = [*_stories(site, "open"), "/private/secret.html"]
    site.fixed("/feed.xml", xml(rss(site, paths)))
    with Store.open(tmp_path / "w.db") as store:
        stats = _pass(store, site.url("/feed.xml"))
        assert (stats.added, stats.failed) == (1, 1)
        assert site.hits["/private/secret.html"] == 0
        assert _items(store)[site.url("/private/secret.html")]["reason"] == "disallowed by robots.txt"


def test_a_500_then_200_is_retried(tmp_path: Path, site: Site) -> None:
    site.page("/news/flaky.html", "The flaky server story")
    good = site.routes["/news/flaky.html"]
    site.routes["/news/flaky.html"] = lambda n, h: Reply(b"busy", 500, {"Retry-After": "0"}) if n == 1 else good(n, h)
    site.fixed("/feed.xml", xml(rss(site, ["/news/flaky.html"])))
    with Store.open(tmp_path / "w.db") as store:
        stats = _pass(store, site.url("/feed.xml"))
    assert stats.added == 1
    assert site.hits["/news/flaky.html"] == 2


def test_a_4xx_is_not_retried(tmp_path: Path, site: Site) -> None:
    site.fixed("/feed.xml", xml(rss(site, ["/news/gone.html"])))
    with Store.open(tmp_path / "w.db") as store:
        stats = _pass(store, site.url("/feed.xml"))
        assert stats.failed == 1 and site.hits["/news/gone.html"] == 1
        assert _items(store)[site.url("/news/gone.html")]["status"] == "failed"


def test_broken_sources_and_pages_are_recorded_and_the_pass_goes_on(tmp_path: Path, site: Site) -> None:
    """Malformed XML, a redirect loop, a 30 MB response, a PDF and a hanging page: each one recorded
    error, and the good story of the same feed is stored."""
    site.fixed("/broken.xml", xml(b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><link>'))
    site.fixed("/loop.html", Reply(b"", 302, {"Location": "/loop.html"}))
    site.fixed("/huge.html", Reply(b"<html>", stream=30 * 1024 * 1024))
    site.fixed("/report.pdf", Reply(b"%PDF-1.4 ...", headers={"Content-Type": "application/pdf"}))
    site.fixed("/hang.html", Reply(b"<html></html>", hang=3.0))
    paths = ["/loop.html", "/huge.html", "/report.pdf", "/hang.html", *_stories(site, "good")]
    site.fixed("/feed.xml", xml(rss(site, paths)))
    with Store.open(tmp_path / "w.db") as store:
        stats = _pass(store, site.url("/broken.xml"), site.url("/feed.xml"))
        items = _items(store)
        broken = _source(store, site.url("/broken.xml"))
        errors = {row["source"] for row in store.db.query("SELECT source FROM ingest_errors")}
    assert stats.added == 1 and stats.source_errors == 1 and stats.failed == 4
    assert broken["status"] == "error" and "malformed XML" in str(broken["last_error"])
    assert "redirects" in str(items[site.url("/loop.html")]["reason"])
    assert "too large" in str(items[site.url("/huge.html")]["reason"])
    assert "application/pdf" in str(items[site.url("/report.pdf")]["reason"])
    hang = items[site.url("/hang.html")]
    assert "timed out" in str(hang["reason"]) and hang["status"] == "retry"  # fetched again next pass
    assert {site.url(p) for p in paths[:4]} <= errors


def test_a_feed_of_10000_items_takes_max_new_per_pass(tmp_path: Path, site: Site) -> None:
    site.fixed("/big.xml", xml(rss(site, [f"/archive/{n}.html" for n in range(10_000)])))
    with Store.open(tmp_path / "w.db") as store:
        first = _pass(store, site.url("/big.xml"), max_new=3)
        second = _pass(store, site.url("/big.xml"), max_new=3)
        source = _source(store, site.url("/big.xml"))
    assert (first.listed, first.new, second.new) == (10_000, 3, 3)
    assert "9997 new items listed; 3 taken" in str(source["last_error"])  # the second pass's note
    assert site.hits["/archive/0.html"] == 1 and site.hits["/archive/3.html"] == 1


def test_sitemap_index_gzipped_and_news_sitemaps(tmp_path: Path, site: Site) -> None:
    plain, news = _stories(site, "alpha"), _stories(site, "beta")
    site.fixed("/sitemap-a.xml.gz", gzipped(sitemap([site.url(p) for p in plain])))
    site.fixed("/news-sitemap.xml", xml(sitemap([site.url(p) for p in news], news=True)))
    site.fixed("/sitemap.xml", xml(sitemap_index([site.url("/sitemap-a.xml.gz"), site.url("/news-sitemap.xml")])))
    with Store.open(tmp_path / "w.db") as store:
        stats = _pass(store, site.url("/sitemap.xml"))
        assert stats.added == 2
        assert _source(store, site.url("/sitemap.xml"))["kind"] == "sitemap"
        assert _items(store)[site.url(news[0])]["lastmod"] == "2026-12-01T08:00:00Z"


def test_a_home_page_adds_the_feeds_it_links(tmp_path: Path, site: Site) -> None:
    site.fixed(
        "/",
        Reply(
            b'<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body></body></html>'
        ),
    )
    site.fixed("/feed.xml", xml(rss(site, _stories(site, "river"))))
    with Store.open(tmp_path / "w.db") as store:
        stats = _pass(store, site.url("/"))
        sources = {row["url"]: row for row in store.sources()}
    assert stats.added == 1
    assert sources[site.url("/")]["kind"] == "site"
    assert sources[site.url("/feed.xml")]["via"] == site.url("/")


def test_a_story_dated_later_by_its_feed_is_fetched_again_as_a_new_revision(tmp_path: Path, site: Site) -> None:
    url = site.url("/news/dam.html")
    site.page("/news/dam.html", "The dam repair plan")
    site.fixed("/atom.xml", xml(atom(site, [url])))
    with Store.open(tmp_path / "w.db") as store:
        first = _pass(store, site.url("/atom.xml"))
        unchanged = _pass(store, site.url("/atom.xml"))
        site.page(
            "/news/dam.html",
            "The dam repair plan",
            "Engineers said on Friday the dam repair would cost 9 million euros. Work starts in May",
        )
        site.fixed("/atom.xml", xml(atom(site, [url]).replace(b"2026-12-01T08:00:00Z", b"2026-12-02T09:30:00Z")))
        revised = _pass(store, site.url("/atom.xml"))
        assert (first.added, unchanged.new, revised.new, revised.revised) == (1, 0, 1, 1)
        assert store.stats()["article_revisions"] == 2 and site.hits["/news/dam.html"] == 2


def _etag_feed(body: bytes) -> Callable[[int, dict[str, str]], Reply]:
    def feed(_count: int, headers: dict[str, str]) -> Reply:
        if headers.get("If-None-Match") == '"v1"':
            return Reply(b"", 304, headers={})
        return Reply(body, headers={"Content-Type": "application/rss+xml", "ETag": '"v1"'})

    return feed


def test_a_pass_cut_short_keeps_no_etag_so_the_next_one_sees_every_item(tmp_path: Path, site: Site) -> None:
    paths = _stories(site, "one", "two", "three")
    site.routes["/feed.xml"] = _etag_feed(rss(site, paths))
    stop = threading.Event()
    first_page = site.routes["/news/one.html"]
    site.routes["/news/one.html"] = lambda n, h: (stop.set(), first_page(n, h))[1]  # a SIGTERM lands here
    with Store.open(tmp_path / "w.db") as store:
        watcher = Watcher(store, WatchOptions(FAST), stop)
        first = watcher.run_pass([site.url("/feed.xml")])
        watcher.close()
        second = _pass(store, site.url("/feed.xml"))
        assert (first.added, second.added, store.stats()["articles"]) == (1, 2, 3)


def test_an_unchanged_feed_still_retries_its_failed_items(tmp_path: Path, site: Site) -> None:
    site.page("/news/busy.html", "The busy server story")
    good = site.routes["/news/busy.html"]
    site.routes["/news/busy.html"] = lambda n, h: Reply(b"busy", 503) if n <= 2 else good(n, h)
    site.routes["/feed.xml"] = _etag_feed(rss(site, ["/news/busy.html"]))
    with Store.open(tmp_path / "w.db") as store:
        first = _pass(store, site.url("/feed.xml"))
        second = _pass(store, site.url("/feed.xml"))
        assert (first.failed, second.added) == (1, 1)
        assert _source(store, site.url("/feed.xml"))["status"] == "not modified"
