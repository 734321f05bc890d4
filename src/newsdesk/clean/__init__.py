"""The clean stage: from a decoded :class:`Document` to the article's parts.

One cleaner per input format: HTML (trafilatura + htmldate), scraped plain text (our
own line classifier) and article mode (verbatim). Each returns a :class:`Cleaned`.
"""

from __future__ import annotations

from newsdesk.clean.article import clean_article
from newsdesk.clean.html import clean_html
from newsdesk.clean.language import detect_language
from newsdesk.clean.text import clean_text
from newsdesk.record import Cleaned, Document

__all__ = ["clean", "detect_language"]


def clean(doc: Document) -> Cleaned:
    """Run the cleaner for ``doc.input_format``."""
    if doc.input_format == "html":
        return clean_html(doc.content, url=doc.url)
    if doc.input_format == "article":
        return clean_article(doc.content)
    return clean_text(doc.content)
