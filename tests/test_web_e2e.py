"""The web desk in a real browser: Debian's headless Chromium, driven by Playwright, against `newsdesk serve`.

One server (a real ``newsdesk serve`` process on a free loopback port) and one browser for
the whole module. Each step saves a screenshot under ``test-artifacts/`` for a person to
look at; the assertions are about what a reader sees and does, not about timing.
"""

from __future__ import annotations

import csv
import io
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import web_data
from conftest import ArticleBuilder
from newsdesk.record import Article
from newsdesk.store import Store

playwright_api = pytest.importorskip("playwright.sync_api")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
EXAMPLE = ROOT / "src" / "newsdesk" / "examples" / "city_budget.html"
STARTUP_SECONDS = 60

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (make test)")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def german() -> Article:
    """A page detected as German: stored with its cleaned text only, as the pipeline leaves it."""
    built = ArticleBuilder(
        "Stadtrat beschließt Haushalt für Hochwasserschutz",
        "Der Stadtrat hat am Montag den Haushalt für das kommende Jahr beschlossen. " * 6,
        url="https://zeitung.example/haushalt",
        site="zeitung.example",
        published="2026-03-02",
    ).build()
    built.language = "de"
    return built


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``newsdesk serve`` over the hand-built store, on 127.0.0.1 and a free port."""
    db = web_data.build_store(tmp_path_factory.mktemp("e2e") / "desk.db")
    with Store.open(db) as store:
        store.add(german())
    port = free_port()
    command = [sys.executable, "-m", "newsdesk", "serve", "--db", str(db), "--port", str(port)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env={**os.environ})
    deadline = time.monotonic() + STARTUP_SECONDS
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                output = process.stdout.read().decode() if process.stdout else ""
                pytest.fail(f"newsdesk serve did not start: {output}")
            time.sleep(0.2)
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[playwright_api.Browser]:
    with playwright_api.sync_playwright() as driver:
        chromium = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: playwright_api.Browser) -> Iterator[playwright_api.Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    yield opened
    context.close()


def shot(page: playwright_api.Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"web-{name}.png"), full_page=True)


def test_search_article_speaker_claims(server: str, page: playwright_api.Page) -> None:
    expect = playwright_api.expect
    page.goto(server + "/")
    shot(page, "1-home")
    page.fill("#home-q", "Daesh fighters")
    page.keyboard.press("Enter")
    expect(page.locator("#results-h")).to_contain_text("hits")
    shot(page, "2-search")

    page.locator("#results .hit a strong", has_text="at 10,000").first.click()
    expect(page.locator("h1.headline")).to_have_text("Envoy puts Daesh fighters in Afghanistan at 10,000")
    quotes = page.locator(".body .quote")
    expect(quotes.first).to_be_visible()
    # Focus a quote from the keyboard: its card appears with speaker, cue, stance and provenance.
    page.locator('.body .quote[data-quote="Q3"]').focus()
    tooltip = page.locator(".tooltip")
    expect(tooltip).to_contain_text("Zabihullah Mujahid")
    expect(tooltip).to_contain_text("denied")
    expect(tooltip).to_contain_text("deny-reject")
    page.locator('.body .quote[data-quote="Q1"]').first.hover()
    expect(tooltip).to_contain_text("Zamir Kabulov")
    shot(page, "3-article")

    page.locator("#quote-card-Q1 a", has_text="Zamir Kabulov").click()
    expect(page.locator("h1")).to_contain_text("Zamir Kabulov")
    expect(page.locator("#titles-h")).to_be_visible()
    expect(page.get_by_text("presidential envoy").first).to_be_visible()
    shot(page, "4-speaker")

    page.get_by_role("link", name="their numbers on the claims tracker").click()
    chart = page.locator("#claims-chart")
    expect(chart).to_be_visible()
    expect(chart.locator("circle")).to_have_count(2)
    shot(page, "5-claims")
    page.fill("#about", "Daesh fighters in Afghanistan")
    page.fill("#claimant", "")
    page.get_by_role("button", name="Track").click()
    expect(chart.locator("circle")).to_have_count(3)
    expect(page.locator(".legend")).to_contain_text("UN")
    labels = [title.text_content() or "" for title in chart.locator("circle title").all()]
    assert any("UN, daily.example, 2026-02-20" in label for label in labels), labels
    shot(page, "6-claims-subject")
    chart.locator("a.point").last.click()
    expect(page.locator("h1.headline")).to_contain_text("Daesh fighters")


def test_places_map_clicks_through(server: str, page: playwright_api.Page) -> None:
    expect = playwright_api.expect
    page.goto(server + "/places")
    shaded = page.locator('#world-map a[href="/places/AF"] path')
    expect(shaded).to_have_count(1)
    assert shaded.get_attribute("class") != "shade-0"
    shot(page, "7-places")
    shaded.click(force=True)
    expect(page.locator("h1")).to_have_text("Places in AF")
    expect(page.locator(".list a", has_text="UN monitors")).to_be_visible()


def test_try_it_with_the_example_page(server: str, page: playwright_api.Page) -> None:
    expect = playwright_api.expect
    page.goto(server + "/try")
    shot(page, "8-try-form")
    page.set_input_files("#try-file", str(EXAMPLE))
    page.get_by_role("button", name="Extract").click()
    expect(page.locator("h1.headline")).to_have_text(
        "Council approves record budget for flood defences", timeout=120_000
    )
    expect(page.get_by_text("Not stored.")).to_be_visible()
    expect(page.locator(".body")).to_contain_text("48 million euros")
    shot(page, "9-try-result")


def test_alerts_and_sources_pages(server: str, page: playwright_api.Page) -> None:
    expect = playwright_api.expect
    page.goto(server + "/")
    page.get_by_role("link", name="Alerts", exact=True).click()
    kabulov = page.locator("section#kabulov")
    expect(kabulov).to_contain_text("articles quoting Kabulov")
    expect(kabulov.locator(".list li")).to_have_count(3)
    shot(page, "11-alerts")
    feed = kabulov.get_by_role("link", name="Atom feed").get_attribute("href")
    response = page.request.get(server + str(feed))
    assert response.ok and response.headers["content-type"].startswith("application/atom+xml")
    assert "<entry>" in response.text()
    kabulov.locator(".list a", has_text="UN monitors").click()
    expect(page.locator("h1.headline")).to_contain_text("UN monitors")
    page.get_by_role("link", name="Sources", exact=True).click()
    expect(page.locator("table")).to_contain_text("https://wire.example/feed.xml")
    shot(page, "12-sources")


def test_hostile_article_is_inert(server: str, page: playwright_api.Page) -> None:
    expect = playwright_api.expect
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(server + "/search?q=bullied")
    page.locator("#results a", has_text="Council row").first.click()
    headline = page.locator("h1.headline")
    expect(headline).to_contain_text("<script>window.__pwned = 1; alert('pwned')</script>")
    expect(page.locator(".body")).to_contain_text(web_data.XSS_IMG)
    page.locator(".body .quote").first.hover()
    page.locator(".body .mark.speaker").first.hover()
    page.get_by_text("Show the 1 piece").click()
    expect(page.locator("details.removed li")).to_contain_text("<script>")
    shot(page, "10-hostile")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator(".body img, .body script, h1 script, .body b").count() == 0
    assert dialogs == []


def test_keyboard_reaches_the_content(server: str, page: playwright_api.Page) -> None:
    page.goto(server + "/speakers")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "/"
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"


WIDTHS = {"desk": 1366, "phone": 390}
PAGES = {
    "home": "/",
    "search": "/search?q=Daesh",
    "browse": "/search",
    "speakers": "/speakers",
    "claims": "/claims",
    "claims-subject": "/claims?about=Daesh+fighters+in+Afghanistan",
    "places": "/places",
    "place": "/places/AF",
    "try": "/try",
    "api": "/api",
    "sources": "/sources",
    "alerts": "/alerts",
}


def overflows(page: playwright_api.Page) -> bool:
    """True when the page is wider than the screen (the reader would have to scroll sideways)."""
    return bool(page.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth"))


@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_fits_the_screen(server: str, browser: playwright_api.Browser, width: str) -> None:
    """Each page, plus an article, a speaker and a non-English article, at desk and phone widths: no
    sideways scrolling; a screenshot of each in test-artifacts/ to look at."""
    context = browser.new_context(viewport={"width": WIDTHS[width], "height": 900})
    page = context.new_page()
    paths = dict(PAGES)
    page.goto(server + "/search?q=Envoy")
    paths["article"] = str(page.locator("#results .hit a").first.get_attribute("href"))
    page.goto(server + "/speakers")
    paths["speaker"] = str(page.locator("table a").first.get_attribute("href"))
    page.goto(server + "/search?language=de")
    paths["article-de"] = str(page.locator("#results .hit a").first.get_attribute("href"))
    wide = []
    for name, path in paths.items():
        response = page.goto(server + path)
        assert response is not None and response.ok, path
        shot(page, f"{width}-{name}")
        if overflows(page):
            wide.append(path)
    context.close()
    assert wide == [], f"wider than {WIDTHS[width]} px: {wide}"


def test_phone_claims_chart_is_legible(server: str, browser: playwright_api.Browser) -> None:
    """At 390 px the phone chart is the one shown, and its axis labels are drawn at least 9 px high."""
    context = browser.new_context(viewport={"width": WIDTHS["phone"], "height": 900})
    page = context.new_page()
    page.goto(server + "/claims?about=Daesh+fighters+in+Afghanistan")
    playwright_api.expect(page.locator("#claims-chart-narrow")).to_be_visible()
    playwright_api.expect(page.locator("#claims-chart")).to_be_hidden()
    label = page.locator("#claims-chart-narrow text").first.bounding_box()
    assert label is not None and label["height"] >= 9, label
    context.close()


def test_new_links_lead_somewhere(server: str, page: playwright_api.Page) -> None:
    """Subjects list on the claims page, the language facet, the article's why-nothing note, a speaker's tone."""
    expect = playwright_api.expect
    page.goto(server + "/claims")
    page.get_by_role("link", name="Most tracked subjects").click()
    page.locator("#subjects-h + ul a").first.click()
    expect(page.locator("#claims-chart")).to_be_visible()
    page.goto(server + "/search")
    page.locator(".facets a", has_text="German").click()
    expect(page.locator("#results .hit")).to_have_count(1)
    page.locator("#results .hit a").first.click()
    expect(page.locator("#language-note")).to_contain_text("German")
    page.goto(server + "/search?q=Envoy+Daesh")
    hits = page.locator("#results > li")
    expect(hits.first).not_to_have_class("hit grouped")
    page.locator("#results .hit a strong").first.click()
    expect(page.locator("#tone-h")).to_be_visible()
    page.goto(server + "/speakers")
    page.locator("table a", has_text="Zamir Kabulov").click()
    expect(page.locator("#tone-h")).to_have_text("Tone over time")
    shot(page, "13-speaker-tone")


def test_csv_downloads_from_the_pages(server: str, page: playwright_api.Page) -> None:
    """Each page's download link gives a UTF-8 CSV (with the BOM Excel needs) of what the page shows."""
    for path, link in (
        ("/search?q=Daesh", "Download the quotes found as CSV"),
        ("/claims?about=Daesh+fighters", "Download these claims as CSV"),
    ):
        page.goto(server + path)
        with page.expect_download() as caught:
            page.get_by_role("link", name=link).click()
        body = Path(caught.value.path()).read_bytes()
        assert body.startswith(b"\xef\xbb\xbf") and body.count(b"\n") >= 2, (path, body[:200])
        assert b"Daesh" in body


def test_speaker_page_csv_download_is_their_quote_sheet(server: str, page: playwright_api.Page) -> None:
    """The speaker page's link, followed as a reader does: the quote sheet of that speaker only,
    read back with the csv module (BOM stripped by utf-8-sig)."""
    page.goto(server + "/speakers")
    page.locator("table a", has_text="Zamir Kabulov").click()
    listed = page.locator("section[aria-labelledby=quotes-h] ul.list > li").count()
    with page.expect_download() as caught:
        page.get_by_role("link", name="Download these quotes as CSV").click()
    assert caught.value.suggested_filename.endswith(".csv")
    body = Path(caught.value.path()).read_bytes()
    assert body.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"), newline="")))
    assert rows, body[:200]
    assert set(rows[0]) >= {"Speaker", "Speaker title", "Quote", "Cue", "Stance", "Kind"}
    assert {row["Speaker"] for row in rows} == {"Zamir Kabulov"}
    assert any("threat is growing every month" in row["Quote"] for row in rows)
    assert len(rows) >= listed > 0  # every quote the page lists (the sheet is not paged)
