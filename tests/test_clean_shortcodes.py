"""Unrendered WordPress shortcodes leave the body; editorial brackets stay."""

from __future__ import annotations

import pytest

from newsdesk.clean.html import clean_html
from newsdesk.clean.shortcodes import strip_shortcodes
from newsdesk.clean.text import clean_text

BUTTON = "[button link=”https://mag.example/reviews/send/” type=”big” newwindow=”yes”] Send us your review[/button]"


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (BUTTON, ""),
        ('[caption id="attachment_12" align="alignleft" width="300"] The new ferry.[/caption]', ""),
        (
            '[highlight color="yellow"]The ferry sailed late because of the storm, the company said.[/highlight]',
            "The ferry sailed late because of the storm, the company said.",
        ),
        ('[dropcap size="2"]T[/dropcap]he ferry sailed late.', "The ferry sailed late."),
        ("See the photos [gallery ids='4,5,6'] from the launch.", "See the photos from the launch."),
        ("A stray closing tag[/button] in text.", "A stray closing tag in text."),
        # Editorial brackets are text, not shortcodes.
        ("He said it was [sic] late, […] and [the minister] agreed. [Video]", None),
        ("The score was [3-1] after extra time.", None),
    ],
)
def test_strip_shortcodes(paragraph: str, expected: str | None) -> None:
    assert strip_shortcodes(paragraph) == (paragraph if expected is None else expected)


PARAGRAPHS = [
    "The island ferry company said on Monday that fares would rise by eight percent from April, the first"
    " increase in three years, blaming higher fuel and staff costs.",
    "Season tickets for commuters will rise by less, five percent, after a campaign by residents of the"
    " outer islands who depend on the morning crossing to reach work and school.",
    "The company also plans to add a late sailing on Fridays during the summer months, it said.",
]


def test_html_body_loses_a_shortcode_paragraph() -> None:
    paras = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    page = f"<html><body><article><h1>Ferry fares to rise</h1>{paras}<p>{BUTTON}</p></article></body></html>"
    cleaned = clean_html(page, url="https://mag.example/ferry")
    assert cleaned.paragraphs == PARAGRAPHS


def test_scraped_text_loses_shortcode_tags() -> None:
    text = "\n".join(["Ferry fares to rise", *PARAGRAPHS[:2], f'[highlight color="yellow"]{PARAGRAPHS[2]}[/highlight]'])
    cleaned = clean_text(text + "\n")
    assert cleaned.paragraphs[-1] == PARAGRAPHS[2]
