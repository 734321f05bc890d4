"""General cleaning rules: gallery slides kept, stray control bytes, words of unspaced scripts."""

from __future__ import annotations

from newsdesk.clean.boxes import box_texts, drop_box_lines
from newsdesk.clean.flatten import flatten, parse_html
from newsdesk.clean.html import is_credit
from newsdesk.clean.links import drop_link_lines, drop_orphan_labels, is_link_line, link_texts
from newsdesk.clean.names import PageNames
from newsdesk.clean.prune import prune
from newsdesk.clean.words import word_count

SLIDES = """<html><body><div class="gallery">
<div class="slide active" style="display: block">First item: a lamp that folds flat.</div>
<div class="slide hidden" style="display: none">Second item: a kettle with a timer.</div>
<div class="slide hidden" style="display: none">Third item: a mug that keeps tea warm.</div>
</div><div class="copy" style="display:none">A hidden duplicate of the story.</div></body></html>"""


def test_hidden_slides_of_a_gallery_stay_and_a_lone_hidden_block_goes() -> None:
    root = parse_html(SLIDES)
    assert root is not None
    prune(root, PageNames(root))
    text = " ".join(root.itertext())
    assert "Second item" in text and "Third item" in text
    assert "hidden duplicate" not in text


def test_a_hidden_block_without_a_shown_twin_still_goes() -> None:
    page = '<html><body><p class="note">Shown.</p><p class="tip" style="display:none">Hidden.</p></body></html>'
    root = parse_html(page)
    assert root is not None
    prune(root, PageNames(root))
    assert "Hidden" not in " ".join(root.itertext())


def test_control_bytes_are_dropped_before_parsing() -> None:
    assert flatten("<html><body><p>Report\x07 (2020):\x07 figures</p></body></html>") == "Report (2020): figures\n"


def test_an_xml_declaration_does_not_stop_the_parse() -> None:
    page = '<?xml version="1.0" encoding="utf-8"?><html><head><title>T</title></head><body><p>Río</p></body></html>'
    root = parse_html(page)
    assert root is not None and root.tag == "html" and flatten(page) == "Río\n"


def test_word_count_in_spaced_and_unspaced_scripts() -> None:
    assert word_count("the river rose two metres overnight") == 6
    assert word_count("川の水位が一晩で二メートル上がった") == 8  # 17 characters, about 8 words
    assert word_count("Tokyo 東京 reported") == 3
    assert word_count("") == 0


LINKED = """<html><body><article>
<p>The council approved the budget on Tuesday after a long debate about road repairs.</p>
<p>See also: <a href="/other">Council delays vote on the new bus depot</a></p>
<p>Officials said work would start in spring, when <a href="/strava">Cyclists</a></p>
<p><a href="#costs">What it costs</a></p>
</article></body></html>"""


def test_a_paragraph_that_is_one_link_goes_unless_it_is_mid_sentence() -> None:
    root = parse_html(LINKED)
    assert root is not None
    links = link_texts(root)
    assert "What it costs" not in links  # an in-page anchor repeats a subheading
    paragraphs = [
        "The council approved the budget on Tuesday after a long debate about road repairs.",
        "See also: Council delays vote on the new bus depot",
        "Officials said work would start in spring, when",
        "Cyclists",
        "ride the new lanes, the mayor said.",
        "Council delays vote on the new bus depot",
        "What it costs",
    ]
    kept = drop_link_lines(paragraphs, links)
    assert "See also: Council delays vote on the new bus depot" not in kept
    assert "Cyclists" in kept and "What it costs" in kept
    assert kept[-2] == "ride the new lanes, the mayor said."
    assert is_link_line("Lesen Sie auch: Council delays vote on the new bus depot", links)
    assert not is_link_line(
        "A long label of far too many words before it: Council delays vote on the new bus depot", links
    )


def test_the_label_of_a_dropped_link_goes_and_a_closing_label_stays() -> None:
    links = {"Council delays vote on the new bus depot", "Budget paper"}
    paragraphs = [
        "The council approved the budget on Tuesday after a long debate about road repairs.",
        "More from this column:",
        "Council delays vote on the new bus depot",
        "The mayor said the vote showed the city could still agree on its priorities.",
        "The full budget paper is here:",
    ]
    kept = drop_link_lines(paragraphs, links)
    assert "More from this column:" not in kept
    assert kept[-1] == "The full budget paper is here:"


def test_a_reading_list_of_links_goes_with_its_label() -> None:
    links = {"Council delays vote on the new bus depot", "Harbour works to start in May"}
    paragraphs = [
        "The council approved the budget on Tuesday after a long debate about road repairs.",
        "Read more from the town hall:",
        "- Council delays vote on the new bus depot",
        "- Harbour works to start in May",
        "- A list item that is no link stays.",
    ]
    assert drop_link_lines(paragraphs, links) == [paragraphs[0], paragraphs[4]]


def test_a_label_whose_next_line_on_the_page_was_left_out_goes() -> None:
    body = [
        "The council approved the budget on Tuesday after a long debate about road repairs.",
        "Posted on:",
        "The mayor said the vote showed the city could still agree on its priorities.",
        "The works are set:",
        "- 3 May: the north bridge , then the ring road",
        "The full budget paper is here:",
    ]
    page = [body[0], body[1], "Tuesday, 4 May 2021", body[2], body[3], "3 May: the north bridge, then the", "ring road"]
    page += [body[5], "Budget paper (PDF)", "Share this page:", "Print"]
    kept = drop_orphan_labels(body, page)
    # The date under the label was left out; the list the other label announces is there (spaced
    # and broken another way); a label ending the text stays.
    assert kept == [body[0], *body[2:]]


def test_a_link_line_after_a_list_item_is_not_mid_sentence() -> None:
    links = {"Council delays vote on the new bus depot"}
    paragraphs = [
        "The dates of the works are set:",
        "- 3 May: the north bridge",
        "- 9 May: the ring road",
        "See also: Council delays vote on the new bus depot",
        "The mayor said the works would end before the summer.",
    ]
    kept = drop_link_lines(paragraphs, links)
    assert "See also: Council delays vote on the new bus depot" not in kept
    assert "- 9 May: the ring road" in kept


def test_short_lines_with_a_copyright_sign_are_credits() -> None:
    assert is_credit("© Jane Roe / Agency")
    assert is_credit("Foto: © Bildagentur")
    assert is_credit("© 2020 Example Mills. All rights reserved")
    assert not is_credit("The council approved the budget on Tuesday after a long debate about road repairs ©")
    assert not is_credit("The council approved the budget on Tuesday.")


BOXED = (
    """<html><body><article>
<p>The council approved the budget on Tuesday after a long debate about road repairs.</p>
<div class="newsletter-promo"><p>Get our weekly letter in your inbox every Friday.</p></div>
<div class="sidebar-wrapper"><p>The council approved the budget on Tuesday after a long debate about road repairs.</p>
"""
    + "<p>"
    + "Long region text. " * 120
    + """</p></div>
</article></body></html>"""
)


def test_lines_from_a_small_furniture_box_go_and_a_large_region_does_not_count() -> None:
    root = parse_html(BOXED)
    assert root is not None
    boxes = box_texts(PageNames(root))
    assert "Get our weekly letter in your inbox every Friday." in boxes
    paragraphs = [
        "The council approved the budget on Tuesday after a long debate about road repairs.",
        "Get our weekly letter in your inbox every Friday.",
    ]
    assert drop_box_lines(paragraphs, boxes) == paragraphs[:1]
    assert drop_box_lines(paragraphs, []) == paragraphs


# text/lines.py is_server_message: a server's diagnostic printed into the page is furniture.

_SERVER_LINE = "Strict Standards: Undefined variable $headline in /var/www/site/templates/story.php on line 42"


def test_a_server_warning_line_is_furniture_and_a_sentence_about_one_is_not() -> None:
    from newsdesk.clean.text.lines import furniture, is_server_message

    assert is_server_message(_SERVER_LINE)
    assert is_server_message("Warning: Cannot modify header information in /srv/app/index.php on line 7")
    assert furniture(_SERVER_LINE, 20) == "server message"
    assert not is_server_message("Warning: the river is expected to rise in the coming days, officials said.")


def test_server_warnings_leave_an_html_body() -> None:
    from newsdesk.clean.html import clean_html

    prose = (
        "<p>The harbour committee met on Tuesday evening to discuss the winter repairs to the old pier "
        "and agreed to spend the reserve fund on new timber before the storms arrive.</p>"
        "<p>Members said the work would start in November and take about six weeks to finish, weather "
        "permitting, with the ferry moved to the north quay while it lasts.</p>"
    )
    page = (
        "<html><head><title>Pier repairs agreed</title></head><body><article><h1>Pier repairs agreed</h1>"
        f"<p>{_SERVER_LINE}</p><p>{_SERVER_LINE}</p>{prose}</article></body></html>"
    )
    body = "\n".join(clean_html(page).paragraphs)
    assert "Strict Standards" not in body
    assert "harbour committee" in body
