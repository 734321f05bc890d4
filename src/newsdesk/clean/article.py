"""Article mode: the input is already a clean article (headline, blank line, body).

Nothing is removed and nothing is rewritten, so character offsets of outside annotations
(PolNeAR's BRAT files, a user's own gold) stay valid on ``Article.text``.
"""

from __future__ import annotations

from newsdesk.record import Cleaned

# Lines a headline block may take: a headline and its deck (subheading) on the next line. More
# lines before the first blank one are a hard-wrapped paragraph, not a headline. Calibrated on
# the PolNeAR texts (headline, blank line, body): 776 of 924 heads take one line, 148 two (a
# headline and its deck, which the publisher's metadata title joins with a space), none more.
# Titles equal to the metadata title, split by a hash of the file name: tuning half 374/484 ->
# 449/484, held-back half 341/440 -> 410/440 (one line only, before).
_MAX_HEAD_LINES = 2


def clean_article(content: str) -> Cleaned:
    """Split off the headline (everything before the first blank line) and keep the rest as is."""
    head, sep, body = content.partition("\n\n")
    lines = [line.strip() for line in head.strip().splitlines()]
    if not sep or len(lines) > _MAX_HEAD_LINES:
        return Cleaned(title=None, paragraphs=[], verbatim=content)
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    return Cleaned(title=" ".join(line for line in lines if line) or None, paragraphs=paragraphs, verbatim=content)
