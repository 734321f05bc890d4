"""An alert's matches as an Atom feed (RFC 4287), and the one-line account of why each matched.

Built with :mod:`xml.etree.ElementTree`, which escapes every text and attribute: titles and
quotes come from pages and can hold anything. Ids are the desk's own URLs, so they stay
stable across restarts and are unique per match.
"""

from __future__ import annotations

from typing import Any
from xml.etree import ElementTree as ET

from newsdesk.web.render import unquoted, web_url

ATOM = "http://www.w3.org/2005/Atom"
MEDIA_TYPE = "application/atom+xml; charset=utf-8"


def describe(evidence: dict[str, Any]) -> str:
    """Why an article matched, as plain text: the snippet, the speaker's words, the claims, the places."""
    parts: list[str] = []
    if evidence.get("snippet"):
        parts.append(str(evidence["snippet"]))
    for quote in evidence.get("quotes") or []:
        direct = quote.get("kind") == "direct"
        words = f"“{unquoted(quote['content'])}”" if direct else f"{quote.get('cue') or 'said'}: {quote['content']}"
        parts.append(f"{quote.get('speaker') or 'unattributed'} {words}")
    for claim in evidence.get("claims") or []:
        by = f" ({claim['claimant']})" if claim.get("claimant") else ""
        parts.append(f"{claim['text']}{by}")
    if evidence.get("places"):
        parts.append("places: " + ", ".join(evidence["places"]))
    return " · ".join(parts)


def alert_feed(alert: dict[str, Any], matches: list[dict[str, Any]], base: str) -> bytes:
    """The Atom document for ``alert`` with ``matches`` (newest first); ``base`` is the desk's root URL."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    self_url = f"{base}alerts/{alert['name']}.atom"
    _text(feed, "id", self_url)
    _text(feed, "title", f"newsdesk alert: {alert['name']}")
    _text(feed, "subtitle", criteria(alert))
    _text(feed, "updated", matches[0]["matched_at"] if matches else alert["created_at"])
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", type="application/atom+xml", href=self_url)
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=f"{base}alerts#{alert['name']}")
    _text(ET.SubElement(feed, f"{{{ATOM}}}author"), "name", "newsdesk")
    _text(feed, "generator", "newsdesk")
    for match in matches:
        _entry(feed, match, base)
    document: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return document


def criteria(alert: dict[str, Any]) -> str:
    """An alert's criteria in words ("articles containing “strike”, mentioning a place in GB")."""
    parts = []
    if alert.get("query"):
        parts.append(f"containing “{alert['query']}”")
    if alert.get("speaker"):
        parts.append(f"quoting {alert['speaker']}")
    if alert.get("claims_about"):
        parts.append(f"with numbers about {alert['claims_about']}")
    if alert.get("place"):
        parts.append(f"mentioning a place in {alert['place']}")
    return "articles " + ", ".join(parts)


def _entry(feed: ET.Element, match: dict[str, Any], base: str) -> None:
    article = match["article"]
    entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
    _text(entry, "id", f"{base}alerts/{match['alert']}/matches/{match['id']}")
    _text(entry, "title", article.get("title") or article["key"])
    _text(entry, "updated", match["matched_at"])
    ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=f"{base}articles/{article['key']}")
    original = web_url(article.get("url"))
    if original:
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="related", href=original)
    summary = describe(match["evidence"])
    if summary:
        _text(entry, "summary", summary)


def _text(parent: ET.Element, tag: str, value: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}{tag}").text = value
