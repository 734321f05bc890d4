"""HTML cleaning: trafilatura body, metadata, htmldate, removed furniture, broken pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.clean.html import after_headline, clean_html, people, split_authors, strip_site_name
from newsdesk.errors import InputError

FIXTURES = Path(__file__).parent / "fixtures"


def page(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def test_body_metadata_and_removed_furniture() -> None:
    cleaned = clean_html(page("page_nav_sidebar.html"), url="https://www.ledger.example/transport/trains")
    assert cleaned.title == "Rail operator orders 40 new trains for northern lines"
    assert cleaned.site == "Northern Ledger"
    assert cleaned.section == "Transport"
    assert cleaned.published == "2025-10-02"
    assert cleaned.authors == ["Sam Whitfield", "Priya Nair"]
    body = "\n".join(cleaned.paragraphs)
    assert body.startswith("The regional rail operator said on Thursday")
    assert "remove guards from services." in body
    assert len(cleaned.paragraphs) >= 4
    for furniture in ("Most read", "Storm warning", "Sign up to our morning newsletter", "Cookie settings"):
        assert furniture not in body
    removed = {r.text for r in cleaned.removed}
    assert "Storm warning issued for the coast" in removed
    assert all(r.reason for r in cleaned.removed)


def test_broken_markup_still_yields_the_article() -> None:
    cleaned = clean_html(page("page_broken.html"))
    body = "\n".join(cleaned.paragraphs)
    assert "children's wing" in body and "Dr Ana Ruiz" in body


def test_page_without_an_article_is_refused() -> None:
    with pytest.raises(InputError, match="no article text"):
        clean_html("<html><body><script>var x = 1;</script><style>p {}</style></body></html>")


def test_absurdly_deep_nesting_is_refused_without_recursion_errors() -> None:
    deep = "<html><body>" + "<div>" * 5000 + "text" + "</div>" * 5000 + "</body></html>"
    with pytest.raises(InputError, match="nested"):
        clean_html(deep)


@pytest.mark.parametrize(
    ("raw", "names"),
    [
        ("Ann Lee; Bo Chen and Cy Diaz", ["Ann Lee", "Bo Chen", "Cy Diaz"]),
        ("  Maya   Okafor ", ["Maya Okafor"]),
        (None, []),
        ("", []),
    ],
)
def test_split_authors(raw: str | None, names: list[str]) -> None:
    assert split_authors(raw) == names


ARTICLE = """<html><head><title>{title}</title>
<meta property="og:site_name" content="Harbour Gazette">{head}</head>
<body><article><h1>Ferry fares to rise in spring</h1>{byline}
<p>The island ferry company said on Monday that fares would rise by eight percent from April, the first
increase in three years, blaming higher fuel and staff costs.</p>
<p>Season tickets for commuters will rise by less, five percent, after a campaign by residents of the
outer islands who depend on the morning crossing to reach work and school.</p>
<p>The company also plans to add a late sailing on Fridays during the summer months, it said.</p>
{date}</article></body></html>"""


def article(title: str, head: str = "", byline: str = "", date: str = "") -> str:
    return ARTICLE.format(title=title, head=head, byline=byline, date=date)


@pytest.mark.parametrize(
    ("title", "site", "host", "expected"),
    [
        ("Ferry fares to rise – Harbour Gazette", "Harbour Gazette", "gazette.example", "Ferry fares to rise"),
        ("Ferry fares to rise | harbourgazette", "Gazette", "harbourgazette.co.uk", "Ferry fares to rise"),
        ("9to5Mac: Ferry fares to rise", None, "9to5mac.com", "Ferry fares to rise"),
        ("Gazette | Island news: Ferry fares - rise", "Gazette | Island news", None, "Ferry fares - rise"),
        ("Ferry fares - the Gazette view", "Gazette", "gazette.example", "Ferry fares - the Gazette view"),
        ("Harbour Gazette", "Harbour Gazette", None, "Harbour Gazette"),
    ],
)
def test_strip_site_name(title: str, site: str | None, host: str | None, expected: str) -> None:
    assert strip_site_name(title, site, host) == expected


TITLE = "Ferry fares to rise in spring"
BODY = ["The island ferry company said on Monday that fares would rise.", "Season tickets rise by less."]


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        ([TITLE, *BODY], BODY),
        (["transport", TITLE, *BODY], BODY),
        (["https://gazette.example/news/ferry-fares-to-rise-in-spring-1234.php", TITLE, *BODY], BODY),
        # A sentence before the headline is body, and a headline far down is a quotation of it.
        (["Ferries are the islands' lifeline.", TITLE, *BODY], ["Ferries are the islands' lifeline.", TITLE, *BODY]),
        ([*BODY, "More:", TITLE], [*BODY, "More:", TITLE]),
        (BODY, BODY),
    ],
)
def test_after_headline(paragraphs: list[str], expected: list[str]) -> None:
    assert after_headline(paragraphs, TITLE) == expected


def test_title_loses_the_site_name() -> None:
    cleaned = clean_html(article("Ferry fares to rise in spring – Harbour Gazette"), url="https://gazette.example/a")
    assert cleaned.title == "Ferry fares to rise in spring"


def test_date_only_in_the_text_is_found_by_the_extensive_search() -> None:
    html = article("Ferry fares to rise in spring", byline="<div>Von Anna Berg publiziert am 30. Juli 2018</div>")
    assert clean_html(html, url="https://gazette.example/a").published == "2018-07-30"


def test_date_line_opening_the_body_is_read() -> None:
    # trafilatura keeps a credit line inside the article's container as its first paragraph.
    line = "<p>Von Anna Berg publiziert am 30. Juli 2018</p>"
    html = article("Ferry fares to rise in spring").replace("</h1>", "</h1>" + line)
    assert clean_html(html, url="https://gazette.example/a").published == "2018-07-30"


@pytest.mark.parametrize(
    ("names", "kept"),
    [
        (["Associated Press"], []),
        (["PTI"], []),
        (["Staff Reports"], []),
        (["Harbour Gazette"], []),
        (["gazette.example"], []),
        (["ANN LEE", "AP National Security Writer"], ["Ann Lee"]),
        (["Ann Lee", "MS", "RDN"], ["Ann Lee"]),
        (["Efe Okafor", "Josh"], ["Efe Okafor", "Josh"]),
    ],
)
def test_authors_are_persons(names: list[str], kept: list[str]) -> None:
    assert people(names, "Harbour Gazette", "gazette.example") == kept


def test_agency_credit_stays_in_the_byline_only() -> None:
    head = '<meta name="author" content="Ann Lee, Associated Press">'
    cleaned = clean_html(article("Ferry fares to rise in spring", head=head), url="https://gazette.example/a")
    assert cleaned.byline == "Ann Lee; Associated Press"
    assert cleaned.authors == ["Ann Lee"]
