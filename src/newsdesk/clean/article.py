"""Article mode: the input is already a clean article (headline, blank line, body).

Nothing is removed and nothing is rewritten, so character offsets of outside annotations
(PolNeAR's BRAT files, a user's own gold) stay valid on ``Article.text``.
"""

from __future__ import annotations

from newsdesk.record import Cleaned


def clean_article(content: str) -> Cleaned:
    """Split off the headline (everything before the first blank line) and keep the rest as is."""
    head, sep, body = content.partition("\n\n")
    if not sep or "\n" in head.strip():
        return Cleaned(title=None, paragraphs=[], verbatim=content)
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    return Cleaned(title=head.strip() or None, paragraphs=paragraphs, verbatim=content)
