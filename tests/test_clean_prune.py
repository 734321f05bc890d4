"""Tree preparation before trafilatura: comments, hidden elements and hover cards out, the text
around them kept."""

from __future__ import annotations

import pytest

from newsdesk.clean.html import clean_html

PAGE = """<html><head><title>Clinic opens late on Thursdays</title></head>
<body><article><h1>Clinic opens late on Thursdays</h1>
<p>{first}</p>
<p>Patients can book the evening slots online or by phone, and the pharmacy next door will stay open
until nine on the same nights, the practice manager said in a letter to residents.</p>
<p>The trial runs until the end of March, when the board will decide whether to keep the late hours.</p>
</article></body></html>"""


def body(first: str) -> str:
    return "\n".join(clean_html(PAGE.format(first=first), url="https://clinic.example/news/late").paragraphs)


def test_comment_inside_a_sentence_keeps_the_text_after_it() -> None:
    # React's server rendering writes an empty comment between the pieces of one sentence.
    text = body("At first, the town clinic<!-- --> planned to open late<!-- --> on Mondays<!-- -->, staff said.")
    assert "At first, the town clinic planned to open late on Mondays, staff said." in text


def test_hover_card_after_a_linked_name_is_dropped_and_the_name_kept() -> None:
    card = (
        '<span class="rollover-people"><a class="rollover-people-link" href="/people/ann-lee">Ann Lee</a>'
        '<span class="rollover-people-block"><span class="rollover-block"><img src="/a.jpg" alt="">'
        '<a class="name" href="/people/ann-lee">Ann Marie Lee</a><a href="/x">Lee backs clinic hours</a> '
        '<a class="more" href="/people/ann-lee">MORE</a></span></span></span>'
    )
    text = body(f"Councillor {card} (Green) asked the clinic to open late, staff said.")
    assert "Councillor Ann Lee (Green) asked the clinic to open late, staff said." in text
    assert "Ann Marie Lee" not in text and "MORE" not in text


@pytest.mark.parametrize(
    ("first", "kept", "gone"),
    [
        # The card after a trigger inside a tooltip group goes; the trigger stays.
        (
            'A <span class="tooltip">GP<span class="tooltiptext">general practitioner</span></span> said so.',
            "A GP said so.",
            "general practitioner",
        ),
        # A lone element named for a tooltip is the trigger itself.
        ('The <abbr class="has-tooltip" title="National Health Service">NHS</abbr> pays.', "The NHS pays.", None),
        (
            'The clinic<span style="display: none">Clinic profile</span> opens late.',
            "The clinic opens late.",
            "profile",
        ),
        ("The clinic<span hidden>Clinic profile</span> opens late.", "The clinic opens late.", "profile"),
        ('The clinic<div role="tooltip">Clinic profile</div> opens late.', "opens late.", "profile"),
    ],
)
def test_hidden_text_is_dropped_and_the_text_after_it_kept(first: str, kept: str, gone: str | None) -> None:
    text = body(first)
    assert kept in text
    assert gone is None or gone not in text


def test_a_page_hidden_until_its_scripts_run_is_still_read() -> None:
    page = PAGE.format(first="The clinic opens late.").replace("<body>", '<body style="display:none" hidden>')
    assert "the practice manager said" in "\n".join(clean_html(page).paragraphs)


def test_a_hidden_copy_of_an_article_is_not_read_as_the_body() -> None:
    # Left to itself trafilatura undoes its own display:none pruning when that prunes most of
    # the page, and then takes the hidden block (here a stale copy) for the article.
    stale = (
        "<p>Archived copy: the board met in a closed session and heard from the finance team about the"
        " costs of staffing the clinic in the evening, which it said were higher than planned.</p>"
    ) * 8
    page = PAGE.format(first="The clinic opens late.")
    page = page.replace("<article>", f'<div style="display:none;" itemscope>{stale}</div><article>')
    text = "\n".join(clean_html(page).paragraphs)
    assert "the practice manager said" in text
    assert "Archived copy" not in text
