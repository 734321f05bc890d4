"""Clean scraped plain text: recover headline, section and byline, drop page furniture.

First version: the headline is the first line; a body line is one of at least five
words ending in sentence punctuation (the rule scores F1 0.834 on flattened benchmark
pages, see ../shared/README.md). Everything else goes to ``removed``.
"""

from __future__ import annotations

import re

from newsdesk.record import Cleaned, Removed

_SENTENCE_END = re.compile(r"[.!?\"'”’)\]]\s*$")


def clean_text(content: str) -> Cleaned:
    """Split scraped text into headline, body paragraphs and removed lines."""
    lines = [line.strip() for line in content.splitlines() if line.strip()]
    if not lines:
        return Cleaned(title=None, paragraphs=[])
    title, rest = lines[0], lines[1:]
    paragraphs: list[str] = []
    removed: list[Removed] = []
    for line in rest:
        if len(line.split()) >= 5 and _SENTENCE_END.search(line):
            paragraphs.append(line)
        else:
            removed.append(Removed(text=line, reason="short or unfinished line"))
    return Cleaned(title=title, paragraphs=paragraphs, removed=removed)
