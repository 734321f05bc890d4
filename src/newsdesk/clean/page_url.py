"""The address a page declares for itself: ``<link rel="canonical">``, else ``og:url``.

A page saved to a file or piped in arrives without the address it was read from, yet most
article pages state it in their head (89 of the 91 article-extraction dev pages). The
address gives the record a stable id, its site and a date hint (many article URLs carry the
day). It is only a fallback: an address the caller gave (``--url``, the fetched URL, a WARC
record's target) is where the page really came from and wins; see :func:`newsdesk.pipeline.assemble`.

The canonical link comes first: it is the address the publisher names for search engines and
points duplicates to, while ``og:url`` is written for share cards. On the tune half of the dev
pages the two disagreed on 3 of the 43 pages that have both, each time with the canonical link
equal to the page's known address and ``og:url`` naming a plain-http or a share-host form of it.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from courlan import fix_relative_urls, validate_url
from lxml import etree

from newsdesk.ids import normalise_url


def declared_url(tree: etree._Element) -> str | None:
    """The page's own address from its markup, normalised as :func:`~newsdesk.ids.normalise_url`
    does, or ``None`` when it declares no valid http(s) address.

    A relative canonical link ("/news/a.html", "//host/a") is resolved against ``og:url``; one
    that cannot be resolved, that is no web address at all (``javascript:``, ``ftp:``, empty) or
    that names the site's home page is passed over for ``og:url``. Some sites give every page
    the home page as its canonical link; taken as the address, it would give every article
    saved from that site the same id.
    """
    share = _absolute(_meta_content(tree, "og:url"))
    for raw in (_canonical_href(tree), share):
        url = _absolute(raw, base=share)
        if url and _names_a_page(url):
            return normalise_url(url)
    return None


def _absolute(raw: str | None, base: str | None = None) -> str | None:
    """``raw`` as an absolute http(s) URL with a host, resolved against ``base`` when relative."""
    if not raw or not (raw := raw.strip()):
        return None
    if base:
        raw = fix_relative_urls(base, raw)
    elif raw.startswith("//"):
        raw = "https:" + raw  # protocol-relative: modern pages are served over https
    valid, parts = validate_url(raw)
    return raw if valid and parts is not None and parts.hostname else None


def _names_a_page(url: str) -> bool:
    """Whether ``url`` has a path or a query: a site's home page is no article's address."""
    parts = urlsplit(url)
    return bool(parts.path.strip("/") or parts.query)


def _canonical_href(tree: etree._Element) -> str | None:
    """The first ``<link>`` whose ``rel`` names "canonical" (rel holds a list of tokens, any case)."""
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split():
            href: str | None = link.get("href")
            return href
    return None


def _meta_content(tree: etree._Element, name: str) -> str | None:
    """The ``content`` of the first ``<meta>`` whose ``property`` (or, as some pages write it, ``name``) is ``name``."""
    for meta in tree.iter("meta"):
        if name in ((meta.get("property") or "").lower(), (meta.get("name") or "").lower()):
            content: str | None = meta.get("content")
            return content
    return None
