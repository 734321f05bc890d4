"""Page metadata by trafilatura's readers, the author search in the markup, and the class-name pass."""

from __future__ import annotations

import re

from lxml import etree

from newsdesk.clean.flatten import parse_html
from newsdesk.clean.meta import fallback_author, read_metadata
from newsdesk.clean.names import PageNames

PAGE = """<html><head><title>Ferry fares rise | Harbour Gazette</title>
<meta property="og:site_name" content="Harbour Gazette">
<meta property="article:section" content="Transport">
<meta property="article:published_time" content="2024-03-14T09:00:00Z">
</head><body><article><h1>Ferry fares rise</h1>{byline}
<p>The ferry company said on Thursday that fares would rise by a tenth from the first of May.</p>
</article></body></html>"""


def tree(byline: str = "") -> etree._Element:
    root = parse_html(PAGE.format(byline=byline))
    assert root is not None
    return root


def test_metadata_fields_and_section_tag_without_category_links() -> None:
    meta = read_metadata(tree(), "https://harbour.example/ferry")
    assert meta.title == "Ferry fares rise"
    assert meta.sitename == "Harbour Gazette"
    assert meta.date == "2024-03-14"
    assert meta.categories == ["Transport"]
    assert meta.author is None


def test_category_link_in_the_post_meta_box_is_read() -> None:
    root = tree('<div class="entry-meta"><a href="/category/ferries/">Ferries</a></div>')
    assert read_metadata(root, None).categories == ["Ferries"]


def test_author_in_the_markup_and_none_without_a_candidate() -> None:
    for byline, author in [
        ('<span class="author-name">Jane Roe</span>', "Jane Roe"),
        ('<span class="kicker">T</span>', None),
    ]:
        root = tree(byline)
        assert fallback_author(root, PageNames(root)) == author


def test_named_finds_elements_by_lower_cased_class_or_id_once() -> None:
    root = parse_html(
        '<div><p class="Promo-Box">a</p><p id="PROMO">b</p><p class="promo extra" id="promo2">c</p><p>d</p></div>'
    )
    assert root is not None
    names = PageNames(root)
    assert [el.text for el in names.find(re.compile("promo"))] == ["a", "b", "c"]
    assert [el.text for el in names.find(re.compile("promo"), ids=False)] == ["a", "c"]
    root.remove(root[1])  # an element pruned after the listing is not found
    assert [el.text for el in names.find(re.compile("promo"))] == ["a", "c"]
