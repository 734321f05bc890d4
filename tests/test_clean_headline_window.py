"""Headline search above the body (clean/text/headline.py, lexicon.ACCESSIBILITY).

A long share bar between the headline and the body must not push the headline out of reach, and
a screen-reader notice ("These are external links and will open in a new window") is furniture,
not a headline; the date right below the headline is still the publication date.
"""

from __future__ import annotations

from newsdesk.clean.text import clean_text
from newsdesk.clean.text.lines import make_line

_NETWORKS = ["Facebook", "Messenger", "Twitter", "Email", "WhatsApp", "Pinterest", "LinkedIn", "Reddit"]
_SHARE_BAR = "\n".join(f"{name}\nShare this with {name}" for name in _NETWORKS)

PAGE = f"""Home
News
Ferry crews vote to strike over new rota in the islands
19 November 2019
Share this with
These are external links and will open in a new window
{_SHARE_BAR}
Close share panel
Ferry crews on the island routes have voted to strike for two days next month over a new rota.
The union said nine in ten of its members who took part backed the action in a ballot this week.
The operator said it was disappointed and would keep talking to the union before the strike dates.
"""


def test_share_bar_lines_and_accessibility_notice_are_furniture() -> None:
    assert make_line(0, "Share this with WhatsApp").furniture == "share widget"
    assert make_line(0, "These are external links and will open in a new window").furniture == "navigation"
    assert make_line(0, "Read the full report (opens in a new tab)").furniture == "navigation"


def test_headline_above_a_long_share_bar() -> None:
    cleaned = clean_text(PAGE)
    assert cleaned.title == "Ferry crews vote to strike over new rota in the islands"
    assert cleaned.paragraphs[0].startswith("Ferry crews on the island routes")
    assert len(cleaned.paragraphs) == 3


def test_date_right_below_the_headline_across_a_share_bar() -> None:
    assert clean_text(PAGE).published == "2019-11-19"
