"""Paragraphs that come from a box the page marks as furniture: a newsletter promo, a disclosure,
a "read more" list, an author box, a sidebar, a copyright line, an advertisement.

trafilatura prunes many such boxes by their class names but keeps some inside the article's
container. The class names are the web's own vocabulary, the same on pages in every language.
Only a small box counts (a whole region marked "sidebar" can wrap the article itself on some
sites): a paragraph goes when its text lies inside one.
"""

from __future__ import annotations

import re

from newsdesk.clean.names import PageNames

_SPACES = re.compile(r"\s+")
# Tuning half of the snippet set, html F1: 0.945 without the rule; 0.949 with this list; 0.946
# with "comment" and "related" added (they also name boxes of the article's own text), 0.946 with
# "share", "social", "widget" too.
_FURNITURE_CLASS = re.compile(
    r"newsletter|promo|disclosure|read-?more|sidebar|sabox|author-?(?:box|bio)|kommentar|"
    r"copyright|subscribe|paywall|sponsor|advert"
)
# A box, not a region: at most this many characters of text (not varied: about a screenful).
_BOX_CHARS = 1500


def box_texts(names: PageNames) -> list[str]:
    """The text of every small element whose class or id names page furniture."""
    texts = (_SPACES.sub(" ", "".join(el.itertext())).strip() for el in names.find(_FURNITURE_CLASS))
    return [text for text in texts if 0 < len(text) <= _BOX_CHARS]


def drop_box_lines(paragraphs: list[str], boxes: list[str]) -> list[str]:
    """``paragraphs`` without those whose text lies inside a furniture box."""
    if not boxes:
        return paragraphs
    joined = "\n".join(boxes)
    return [p for p in paragraphs if _SPACES.sub(" ", p).strip() not in joined]
