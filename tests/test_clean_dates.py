"""The publication date: text mode reads it off the date and credit lines above the body
(clean/text/dates.py); HTML mode takes it from the markup, else from such a line (clean/html.py)."""

from __future__ import annotations

import pytest

from newsdesk.clean.html import clean_html
from newsdesk.clean.text import clean_text
from newsdesk.clean.text.dates import month_number, parse_dates

BODY = (
    "The county board approved a new bus route on Tuesday after a long debate about its cost and the "
    "number of riders it would serve.\n"
    "Supporters said the route would link two hospitals and the main college campus for the first time.\n"
    "Opponents argued that the money should go to repairing roads that have been closed since the spring floods.\n"
)


def page(*meta: str) -> str:
    """A short scraped page: menu, headline, the given metadata lines, then the body."""
    return "\n".join(["Home", "Local", "County board backs new bus route", *meta]) + "\n" + BODY


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("November 19, 2019", "2019-11-19"),
        ("Nov. 19, 2019 10:31 pm", "2019-11-19"),
        ("- Nov. 18th 2019 8:54 am PT", "2019-11-18"),
        ("19 November 2019", "2019-11-19"),
        ("Wednesday 20 Nov 2019", "2019-11-20"),
        ("Von Anna Berg publiziert am 30. Juli 2018", "2018-07-30"),
        ("19 de noviembre de 2019", "2019-11-19"),
        ("2019-11-19", "2019-11-19"),
        ("By Ann Lee 2019-11-18T20:51:19Z Science", "2019-11-18"),
        ("11/19/2019", "2019-11-19"),
        ("11/20/19 6:38 AM", "2019-11-20"),
        ("19/11/2019", "2019-11-19"),
        ("19.11.2019", "2019-11-19"),
        ("Ann Lee - Nov 19, 2019, 10:31 pm CST", "2019-11-19"),
    ],
)
def test_formats(text: str, expected: str) -> None:
    assert [day for day, _ in parse_dates(text)] == [expected]


@pytest.mark.parametrize(
    "text", ["2 hours ago", "November 19", "Posted Nov 19 at 10:31 pm", "Page 3, 2019", "13/13/2019"]
)
def test_no_date_without_a_full_date(text: str) -> None:
    assert parse_dates(text) == []


def test_updated_label_marks_a_revision_date() -> None:
    line = "November 19, 2019 | 4:20am | Updated November 20, 2019 | 9:32pm"
    assert parse_dates(line) == [("2019-11-19", False), ("2019-11-20", True)]


def test_month_names_and_ambiguous_abbreviations() -> None:
    assert month_number("Sept.") == 9
    assert month_number("Juli") == 7
    assert month_number("déc") == 12
    assert month_number("Wed") is None
    assert month_number("Ju") is None


def test_date_line_under_the_headline_fills_published() -> None:
    assert clean_text(page("By Ann Lee", "November 19, 2019 10:31 pm")).published == "2019-11-19"


def test_published_preferred_to_updated_in_either_order() -> None:
    assert clean_text(page("Updated: 20 Nov 2019 9:38 pm", "Posted: 18 Nov 2019 8:11 pm")).published == "2019-11-18"
    assert clean_text(page("Nov 18 2019, 10:18am", "updated: Nov 20 2019, 1:42pm")).published == "2019-11-18"


def test_only_an_updated_date_is_used() -> None:
    assert clean_text(page("Updated 5:27 am CST, Wednesday, November 20, 2019")).published == "2019-11-20"


def test_relative_time_or_no_year_gives_no_date() -> None:
    assert clean_text(page("2 hours ago")).published is None
    assert clean_text(page("November 19")).published is None


def html_page(head: str = "", above: str = "", body_extra: str = "") -> str:
    """A small HTML article: ``head`` in its head, ``above`` between headline and body, ``body_extra`` last."""
    paragraphs = "".join(f"<p>{line}</p>" for line in BODY.splitlines())
    return (
        f"<html><head><title>County board backs new bus route</title>{head}</head><body><article>"
        f"<h1>County board backs new bus route</h1>{above}{paragraphs}{body_extra}</article></body></html>"
    )


@pytest.mark.parametrize(
    "extra",
    [
        "<p>The route has been planned since 2009.</p>",
        "<p>The first buses are due to run in 2027, the board said.</p>",
        "<p>The plan was first drawn up in March 2015.</p>",
        "<footer><p>© 2019 County Ledger</p></footer>",
    ],
)
def test_html_year_in_the_body_is_no_date(extra: str) -> None:
    assert clean_html(html_page(body_extra=extra)).published is None


def test_html_copyright_year_meta_is_no_date() -> None:
    assert clean_html(html_page(head='<meta itemprop="copyrightYear" content="2019">')).published is None


def test_html_published_time_meta_dates_the_page() -> None:
    head = '<meta property="article:published_time" content="2021-03-04T09:30:00Z">'
    assert clean_html(html_page(head=head, body_extra="<p>Planned since 2009.</p>")).published == "2021-03-04"


def test_html_date_line_above_the_body_dates_a_page_without_metadata() -> None:
    assert clean_html(html_page(above="<div>Posted March 4, 2021</div>")).published == "2021-03-04"
