"""Flattening HTML into scraped-style text, in both styles."""

from __future__ import annotations

from newsdesk.clean.flatten import flatten

PAGE = (
    "<html><head><title>T</title><style>p{}</style></head><body>"
    "<div><span>World</span><h1>Big <em>news</em> today</h1></div>"
    "<p>One <a href='#'>link</a>here.<br>Next line</p><script>x()</script>"
    "<ul><li>Item</li></ul></body></html>"
)


def test_lines_style_joins_inline_pieces_with_spaces() -> None:
    assert flatten(PAGE, "lines") == "World\nBig news today\nOne link here.\nNext line\nItem\n"


def test_glued_style_joins_inline_pieces_bare() -> None:
    assert flatten(PAGE, "glued") == "World\nBig news today\nOne linkhere.\nNext line\nItem\n"


def test_label_glued_to_headline() -> None:
    html = "<div><a>Sport</a><a>Late goal wins the derby</a></div>"
    assert flatten(html, "glued") == "SportLate goal wins the derby\n"
    assert flatten(html, "lines") == "Sport Late goal wins the derby\n"


def test_deep_nesting_and_garbage() -> None:
    # libxml2 stops nesting at 255 levels and drops what lies deeper; no RecursionError.
    deep = "<div>" * 20000 + "deep" + "</div>" * 20000 + "<p>after</p>"
    assert isinstance(flatten(deep), str)
    assert flatten("<div>" * 200 + "shallow" + "</div>" * 200) == "shallow\n"
    assert flatten("") == ""


def test_text_after_a_comment_stays_a_piece_of_its_own() -> None:
    html = "<p>At first<!-- --> the doctor<?php echo 1 ?> waited</p><p>x<script>y</script>z</p>"
    assert flatten(html, "lines") == "At first the doctor waited\nx z\n"
    assert flatten(html, "glued") == "At first the doctor waited\nxz\n"
