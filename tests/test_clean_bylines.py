"""Text-mode bylines read from date lines, split "By" lines and ISO-stamped credits (clean/text)."""

from __future__ import annotations

import pytest

from newsdesk.clean.text import clean_text
from newsdesk.clean.text.byline import meta_credit, standalone_credit

BODY = (
    "The harbour authority opened a second ferry terminal on Monday, ending two years of delays caused by "
    "a dispute over the dredging contract.\n"
    "Commuters from the northern suburbs will save about twenty minutes each way, the authority said in a statement.\n"
    "The old terminal will stay open for freight until the end of the year, when it is due to be demolished.\n"
)


def page(*meta: str) -> str:
    """A short scraped page: menu, headline, the given metadata lines, then the body."""
    return "\n".join(["Home", "Business", "Second ferry terminal opens after two years of delays", *meta]) + "\n" + BODY


@pytest.mark.parametrize(
    ("meta", "byline", "authors"),
    [
        (["Ann Lee - Nov 19, 2019, 10:31 pm CST"], "Ann Lee", ["Ann Lee"]),
        (["5:45 AM PST 11/19/2019 by Ann Lee"], "Ann Lee", ["Ann Lee"]),
        (
            ["By Ann Lee | November 18, 2019 -- 19:14 GMT (19:14 GMT) | Topic: Local Government"],
            "Ann Lee",
            ["Ann Lee"],
        ),
        (["Von Ann Lee publiziert am 30. Juli 2018"], "Ann Lee", ["Ann Lee"]),
        (["Associated Press November 19, 2019, 9:02 AM"], "Associated Press", []),
        (["By", "Ann E. Lee", "Nov. 19, 2019 8:03 am ET"], "Ann E. Lee", ["Ann E. Lee"]),
        (["Ann Lee", "- Nov. 18th 2019 8:54 am PT"], "Ann Lee", ["Ann Lee"]),
        (["By Ann Lee 2019-11-18T20:51:19Z Science & Astronomy"], "Ann Lee", ["Ann Lee"]),
    ],
)
def test_credit_from_date_and_split_lines(meta: list[str], byline: str, authors: list[str]) -> None:
    cleaned = clean_text(page(*meta))
    assert (cleaned.byline, cleaned.authors) == (byline, authors)


@pytest.mark.parametrize(
    "meta",
    [
        ["Updated 5:27 am CST, Wednesday, November 20, 2019"],
        ["Nov. 19, 2019 8:03 am ET"],
        ["Politics | Nov 19, 2019"],
        ["Posted: 18 Nov 2019 8:11 pm"],
    ],
)
def test_date_line_without_a_name_is_no_byline(meta: list[str]) -> None:
    assert clean_text(page(*meta)).byline is None


def test_meta_credit_pieces() -> None:
    assert meta_credit("Nov 19, 2019 | Sports | Ann Lee") == "Ann Lee"
    assert meta_credit("Wednesday, November 20, 2019 10:18 am IST") is None


def test_iso_timestamp_cut_before_the_trailing_date() -> None:
    assert standalone_credit("By Mike Roe 2019-11-18T20:51:19Z") == "Mike Roe"
