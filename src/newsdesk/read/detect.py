"""Tell an HTML page from plain text by its content, not by its file name.

A scraper may save HTML as ``.txt`` and text as ``.html``; stdin has no name at all.
"""

from __future__ import annotations

import re

# A document's opening tag, after any leading comments (skipped by _after_comments, not by the
# pattern: "(?:<!--.*?-->\s*)*" backtracks exponentially over a run of empty comments).
_HTML_OPEN = re.compile(r"\s*<(?:!doctype\s+html|html|head|body|meta|title)\b", re.I)
_SPACE = re.compile(r"\s*")
_TAG = re.compile(r"</?(?:p|div|span|a|br|li|ul|h[1-6]|article|section|script|table|img)\b[^>]*>", re.I)

# Tags per 1,000 characters above which a document is HTML even without a <html> head.
# Plain text that quotes a stray "<p>" has well under 1; any HTML fragment has dozens.
_TAG_DENSITY = 2.0


def looks_like_html(text: str) -> bool:
    """True when ``text`` is an HTML document or fragment rather than plain text."""
    head = text[:5000]
    if _HTML_OPEN.match(head, _after_comments(head)):
        return True
    sample = text[:50_000]
    tags = len(_TAG.findall(sample))
    return tags >= 3 and tags * 1000 / max(len(sample), 1) >= _TAG_DENSITY


def _after_comments(text: str) -> int:
    """Where the text goes on after its leading whitespace and ``<!-- … -->`` comments (linear time)."""
    position = 0
    while True:
        spaces = _SPACE.match(text, position)
        start = spaces.end() if spaces else position
        if not text.startswith("<!--", start):
            return position
        end = text.find("-->", start + 4)
        if end < 0:
            return position
        position = end + 3
