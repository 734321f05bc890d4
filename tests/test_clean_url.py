"""The page's own address (clean/page_url.py) and how the record uses it (pipeline.assemble)."""

from __future__ import annotations

import pytest

from newsdesk.clean.flatten import parse_html
from newsdesk.clean.html import clean_html
from newsdesk.clean.page_url import declared_url
from newsdesk.ids import article_id
from newsdesk.pipeline import prepare
from newsdesk.record import Document

BODY = """<p>The island ferry company said on Monday that fares would rise by eight percent from April, the first
increase in three years, blaming higher fuel and staff costs.</p>
<p>Season tickets for commuters will rise by less, five percent, after a campaign by residents of the
outer islands who depend on the morning crossing to reach work and school.</p>"""


def page(head: str) -> str:
    """A small article page with ``head`` inside its ``<head>``."""
    return (
        f"<html><head><title>Ferry fares to rise</title>{head}</head>"
        f"<body><article><h1>Ferry fares to rise</h1>{BODY}</article></body></html>"
    )


def own(head: str) -> str | None:
    tree = parse_html(page(head))
    assert tree is not None
    return declared_url(tree)


CANONICAL = '<link rel="canonical" href="{}">'
OG = '<meta property="og:url" content="{}">'


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (CANONICAL.format("https://www.gazette.example/news/ferry-fares/"), "https://gazette.example/news/ferry-fares"),
        (
            OG.format("https://gazette.example/news/ferry-fares?utm_source=share"),
            "https://gazette.example/news/ferry-fares",
        ),
        # Both, disagreeing: the canonical link is the publisher's address for the page.
        (
            CANONICAL.format("https://gazette.example/news/ferry-fares")
            + OG.format("http://share.gazette.example/news/ferry-fares"),
            "https://gazette.example/news/ferry-fares",
        ),
        ('<link rel="Canonical Shortlink" href="https://gazette.example/a">', "https://gazette.example/a"),
        # Relative: resolved against og:url, or left alone when there is nothing to resolve it with.
        (
            CANONICAL.format("/news/ferry-fares") + OG.format("https://gazette.example/x"),
            "https://gazette.example/news/ferry-fares",
        ),
        (CANONICAL.format("//gazette.example/news/ferry-fares"), "https://gazette.example/news/ferry-fares"),
        (CANONICAL.format("/news/ferry-fares"), None),
        # Junk: no web address, so og:url or nothing.
        (CANONICAL.format("javascript:void(0)") + OG.format("https://gazette.example/b"), "https://gazette.example/b"),
        (CANONICAL.format("ftp://gazette.example/news/ferry-fares"), None),
        (CANONICAL.format("") + OG.format(" "), None),
        (CANONICAL.format("https://"), None),
        # A home page is the site's address, not the article's.
        (
            CANONICAL.format("https://gazette.example/") + OG.format("https://gazette.example/c"),
            "https://gazette.example/c",
        ),
        (OG.format("https://www.gazette.example"), None),
        (CANONICAL.format("/news/d") + OG.format("https://gazette.example/"), "https://gazette.example/news/d"),
        (CANONICAL.format("https://gazette.example/?p=1234"), "https://gazette.example/?p=1234"),
        ("", None),
    ],
)
def test_declared_url(head: str, expected: str | None) -> None:
    assert own(head) == expected


def test_the_cleaner_reports_the_declared_address_and_its_site() -> None:
    cleaned = clean_html(page(CANONICAL.format("https://www.gazette.example/news/ferry-fares")))
    assert cleaned.url == "https://gazette.example/news/ferry-fares"
    assert cleaned.site == "gazette.example"


def test_a_dated_declared_address_dates_the_page() -> None:
    cleaned = clean_html(page(CANONICAL.format("https://gazette.example/2021/03/04/ferry-fares")))
    assert cleaned.published == "2021-03-04"


def test_record_takes_the_declared_address_when_none_was_given() -> None:
    article = prepare(
        Document(content=page(CANONICAL.format("https://gazette.example/news/ferry-fares")), input_format="html")
    )
    assert article.url == "https://gazette.example/news/ferry-fares"
    assert article.id == article_id("https://gazette.example/news/ferry-fares", "")
    assert article.site == "gazette.example"


def test_the_given_address_wins_over_the_declared_one() -> None:
    html = page(CANONICAL.format("https://gazette.example/news/ferry-fares"))
    given = "https://mirror.example/copy/ferry"
    article = prepare(Document(content=html, input_format="html", url=given))
    assert article.url == given
    assert article.id == article_id(given, "")


def test_no_declared_address_leaves_the_record_without_one() -> None:
    article = prepare(Document(content=page(""), input_format="html"))
    assert article.url is None
    assert article.site is None
