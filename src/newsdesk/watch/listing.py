"""A fetched source → what it lists: a feed's items, a sitemap's pages (or child sitemaps), a
home page's feeds.

The formats are read by their libraries: feedparser for RSS and Atom, lxml (the parser
trafilatura's sitemap reader uses, entities and network off) for sitemaps and news sitemaps,
trafilatura's ``determine_feed`` for a page's ``<link rel="alternate">`` feeds. A gzipped body
is unpacked under the same size cap as any response.
"""

from __future__ import annotations

import gzip
import io
from dataclasses import dataclass, field
from datetime import UTC, datetime
from time import struct_time
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser
from lxml import etree
from trafilatura.feeds import FeedParameters, determine_feed

from newsdesk.errors import InputError
from newsdesk.read.decode import human_size
from newsdesk.read.detect import looks_like_html

_SITEMAP_ROOTS = frozenset({"urlset", "sitemapindex"})
_GZIP_MAGIC = b"\x1f\x8b"


class ListingError(InputError):
    """A source whose body is no feed, sitemap or page with feeds (or is broken beyond reading)."""


@dataclass(frozen=True, slots=True)
class Link:
    """One item URL and the source's date for it (ISO 8601 UTC, ``None`` when it gives none)."""

    url: str
    lastmod: str | None = None


@dataclass(slots=True)
class Listing:
    """What a source lists: item links, child sitemaps (an index) or feeds (a home page)."""

    kind: str
    links: list[Link] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)
    feeds: list[str] = field(default_factory=list)
    warning: str | None = None


def read_listing(url: str, body: bytes, max_bytes: int) -> Listing:
    """Tell a feed, a sitemap and a home page apart by their content, and list what they name."""
    if body.startswith(_GZIP_MAGIC):
        body = _gunzip(body, max_bytes)
    head = body[:512].lstrip().lower()
    if head.startswith(b"<?xml") or head.startswith((b"<urlset", b"<sitemapindex")):
        sitemap = _sitemap(url, body)
        if sitemap is not None:
            return sitemap
    parsed = feedparser.parse(body)
    if parsed.get("version") or parsed.entries:
        return _feed(url, parsed)
    text = body.decode("utf-8", "replace")
    if looks_like_html(text):
        return _home_page(url, text)
    if head.startswith(b"<"):
        raise ListingError(f"malformed XML: {_bozo(parsed)}")
    raise ListingError("not a feed, a sitemap or a web page")


def _gunzip(body: bytes, max_bytes: int) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(body)) as unpacked:
            data = unpacked.read(max_bytes + 1)
    except (OSError, EOFError) as exc:
        raise ListingError(f"broken gzip data: {exc}") from None
    if len(data) > max_bytes:
        raise ListingError(f"too large unpacked (over the {human_size(max_bytes)} limit)")
    return data


def _sitemap(url: str, body: bytes) -> Listing | None:
    """A sitemap's page links (with lastmod or a news sitemap's publication date) or child sitemaps;
    ``None`` when the XML is not a sitemap."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError:
        return None
    if root is None or etree.QName(root).localname not in _SITEMAP_ROOTS:
        return None
    listing = Listing("sitemap")
    for entry in root:
        if not isinstance(entry.tag, str):
            continue
        fields = {
            etree.QName(child).localname: (child.text or "").strip()
            for child in entry.iter()
            if isinstance(child.tag, str)
        }
        location = _absolute(url, fields.get("loc", ""))
        if location is None:
            continue
        if etree.QName(entry).localname == "sitemap":
            listing.sitemaps.append(location)
        else:
            listing.links.append(Link(location, _iso(fields.get("publication_date") or fields.get("lastmod"))))
    return listing


def _feed(url: str, parsed: Any) -> Listing:
    listing = Listing(
        "feed", warning=f"malformed XML, read as far as it goes: {_bozo(parsed)}" if parsed.bozo else None
    )
    for entry in parsed.entries:
        location = _absolute(url, entry.get("link") or "")
        if location is not None:
            stamp = entry.get("updated_parsed") or entry.get("published_parsed")
            listing.links.append(Link(location, _from_struct(stamp)))
    if parsed.bozo and not listing.links:
        raise ListingError(f"malformed XML: {_bozo(parsed)}")
    return listing


def _home_page(url: str, text: str) -> Listing:
    parts = urlsplit(url)
    feeds = determine_feed(text, FeedParameters(f"{parts.scheme}://{parts.netloc}", parts.hostname or "", url))
    if not feeds:
        raise ListingError('a web page with no feed (no <link rel="alternate"> to RSS or Atom)')
    return Listing("site", feeds=feeds)


def _absolute(base: str, link: str) -> str | None:
    """``link`` resolved against ``base``, or ``None`` when it is not http(s)."""
    if not link:
        return None
    location = urljoin(base, link.strip())
    return location if urlsplit(location).scheme in ("http", "https") else None


def _iso(value: str | None) -> str | None:
    """A W3C datetime (``2026-12-01``, ``2026-12-01T08:00:00+01:00``) as ISO UTC, ``None`` if unreadable."""
    if not value:
        return None
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _from_struct(stamp: struct_time | None) -> str | None:
    return datetime(*stamp[:6], tzinfo=UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if stamp else None


def _bozo(parsed: Any) -> str:
    return " ".join(str(parsed.get("bozo_exception", "unreadable")).split())[:200]
