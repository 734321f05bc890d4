"""The page's metadata, read by trafilatura's own readers: only the fields newsdesk keeps.

trafilatura's ``extract_metadata`` was a fifth of the clean stage (CPU time on the snippet
set's tuning half, 214 pages: 2.2 s of 10.9 s). Besides the title, author, site, date and
categories newsdesk keeps, it reads the page's tags and licence, which newsdesk drops, and its
author fallback deep-copies the whole page to prune it before searching. Here the same readers
run in the same order, without tags and licence; the author fallback (:func:`fallback_author`)
prunes newsdesk's own tree in place, called once nothing else reads the tree.
"""

from __future__ import annotations

import logging
import re
from html import unescape

from htmldate import find_date
from lxml import etree
from trafilatura.htmlprocessing import prune_unwanted_nodes
from trafilatura.json_metadata import normalize_authors
from trafilatura.metadata import (
    META_URL,
    examine_meta,
    extract_catstags,
    extract_meta_json,
    extract_metainfo,
    extract_sitename,
    extract_title,
    extract_url,
)
from trafilatura.settings import Document
from trafilatura.utils import line_processing
from trafilatura.xpaths import AUTHOR_DISCARD_XPATHS, AUTHOR_XPATHS

from newsdesk.clean.names import PageNames

_LOG = logging.getLogger(__name__)
# trafilatura's category searches (``CATEGORIES_XPATHS``) all keep only such links; it reads the
# section meta tag when they find none (its own XPath). Skipping them on a page without such a
# link took the metadata from 0.9 s to 0.7 s (CPU time, the snippet set's tuning half).
_CATEGORY_LINKS = etree.XPath("//a[contains(@href, '/categor')]")
_SECTION_META = etree.XPath('.//head//meta[@property="article:section" or contains(@name, "subject")][@content]')
# What trafilatura's author searches (``AUTHOR_XPATHS``) can match, as a superset: a class or id
# holding one of these words (lower case), or one of these attributes or elements. A page with
# none has no author in its markup, and the costly searches are skipped (they call Python's regex
# engine on every element's class: 1.2 s of the clean stage's 12.8 s on the snippet set's tuning
# half, where 49 of the 116 pages searched have no candidate). The marks are looked for attribute
# by attribute: a test of every element took 0.37 s on that half, this 0.12 s (same pages found;
# ``//rel[.='me']`` is trafilatura's test for an element with a ``rel`` child reading "me").
_AUTHOR_NAMES = re.compile(
    r"author|byl|bbl|username|zuozhe|bianji|xiaobian|channel-name|submitted-by|posted-by|journalist-name|"
    r"screenname|writer"
)
_AUTHOR_MARKS = etree.XPath(
    "boolean(//@rel[.='author'] | //@itemprop[contains(., 'author')] | //@data-testid[starts-with(., 'Author')] | "
    "//@data-component[contains(., 'Byline')] | //rel[.='me'] | //author)"
)
# trafilatura's own length limit for an author found in the page's markup.
_AUTHOR_CHARS = 120


def read_metadata(tree: etree._Element, url: str | None) -> Document:
    """Title, author (from meta tags and JSON-LD only), URL, date, site name and categories of
    the page, as trafilatura's ``extract_metadata`` reads them; ``tree`` is left as it was.

    The date is htmldate's original date, not the last modification, by its quick search only
    (date meta tags, JSON-LD, time and date-classed elements, a dated URL): its extensive search
    takes a year or a month named anywhere in the text ("since 2009", a copyright line) for a date
    on its first day, and a wrong date is worse than none.
    """
    meta = examine_meta(tree)
    if meta.author and " " not in meta.author:
        meta.author = None  # trafilatura's own rule: a one-word author field is a handle
    try:
        meta = extract_meta_json(tree, meta)
    except Exception as exc:  # trafilatura guards its JSON-LD reader the same way
        _LOG.warning("error in JSON metadata: %s", exc)
    meta.title = meta.title or extract_title(tree)
    meta.url = meta.url or extract_url(tree, url)
    meta.date = find_date(tree, url=meta.url, original_date=True, extensive_search=False)
    meta.sitename = _sitename(meta.sitename or extract_sitename(tree), meta.url)
    meta.categories = meta.categories or _categories(tree)
    meta.clean_and_trim()
    return meta


def _categories(tree: etree._Element) -> list[str]:
    """The page's categories as trafilatura reads them: links to a category page in the post's
    meta boxes, else the ``article:section`` meta tag. Every one of its link searches keeps only
    links whose address holds "/categor", so on a page without one only the meta tag is read."""
    if _CATEGORY_LINKS(tree):
        return extract_catstags("category", tree)
    sections = (str(meta.get("content")) for meta in _SECTION_META(tree))
    return [name for name in dict.fromkeys(line_processing(text) for text in sections if text) if name]


def _sitename(found: str | None, url: str | None) -> str | None:
    """The site's name as trafilatura tidies it (no Twitter "@", a capital), else the URL's host."""
    if found:
        name = found.lstrip("@")
        return name.title() if name and "." not in name and not name[0].isupper() else name
    matched = META_URL.match(url) if url else None
    return matched[1] if matched else None


def fallback_author(tree: etree._Element, names: PageNames) -> str | None:
    """The author named in the page's markup (an element classed "author", ``rel=author``, …),
    as trafilatura finds it when meta tags name none. Prunes ``tree`` in place (comments,
    related-article boxes, which name other authors): call it last."""
    if not (names.find(_AUTHOR_NAMES) or _AUTHOR_MARKS(tree)):  # the cheaper test first
        return None
    found = extract_metainfo(prune_unwanted_nodes(tree, AUTHOR_DISCARD_XPATHS), AUTHOR_XPATHS, _AUTHOR_CHARS)
    author = normalize_authors(None, found) if found else None
    return line_processing(unescape(author)) if author else None
