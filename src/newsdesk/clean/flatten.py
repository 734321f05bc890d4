"""HTML to the plain text a scraper saves: every visible block a line.

The same rules as ``shared/tools/flatten_page.py`` (written independently here): block
elements end a line, script/style/head and friends are invisible, and in ``glued`` style
inline pieces meet with no separator, as in a copy of the DOM's ``textContent``. The eval
command uses it to make text-mode input from an HTML benchmark; the HTML cleaner uses it to
list what the page showed but the article does not keep.
"""

from __future__ import annotations

import re
from typing import Literal

from lxml import etree
from lxml import html as lxml_html

from newsdesk.vocab.characters import CONTROL

Style = Literal["lines", "glued"]

BLOCK_TAGS = frozenset(
    "address article aside blockquote body br dd details dialog div dl dt fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table "
    "td th tr ul title".split()
)
INVISIBLE_TAGS = frozenset("script style noscript template svg head iframe object".split())
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
# For a page that keeps its XML declaration ("encoding=..."): lxml takes no str with one, so
# the decoded page goes again as UTF-8 bytes (trafilatura's own loader does the same).
_BYTES_PARSER = lxml_html.HTMLParser(encoding="utf-8")
_PARSER = lxml_html.HTMLParser()
for _parser in (_PARSER, _BYTES_PARSER):
    _parser.set_element_class_lookup(
        etree.ElementDefaultClassLookup(
            element=lxml_html.HtmlElement,
            comment=lxml_html.HtmlComment,
            pi=lxml_html.HtmlProcessingInstruction,
            entity=lxml_html.HtmlEntity,
        )
    )


def parse_html(page: str) -> etree._Element | None:
    """Parse a page leniently; ``None`` when there is nothing to parse."""
    # lxml turns each control character into U+FFFD, which made trafilatura find no article at
    # all on a page with a few stray BEL bytes; form feed is HTML white space and stays.
    page = CONTROL.sub("", page)
    try:
        return lxml_html.fromstring(page, parser=_PARSER)
    except ValueError:
        return _parse_bytes(page)
    except etree.LxmlError:
        return None


def _parse_bytes(page: str) -> etree._Element | None:
    try:
        return lxml_html.document_fromstring(page.encode("utf-8", "replace"), parser=_BYTES_PARSER)
    except (etree.LxmlError, ValueError):
        return None


def flatten(page: str, style: Style = "lines") -> str:
    """Visible text of ``page``, one block a line, ending in a newline (empty if unparsable)."""
    root = parse_html(page)
    if root is None:
        return ""
    for node in list(root.iter(etree.Comment, etree.ProcessingInstruction)):
        _as_empty_element(node)
    return flatten_tree(root, style)


def _as_empty_element(node: etree._Element) -> None:
    """Put an empty inline element in the place of a comment or processing instruction, which
    :func:`flatten_tree` skips with the text after it: that text stays a piece of its own, as
    the shared tool flattens it (in "lines" style, pieces are joined by a space)."""
    parent = node.getparent()
    if parent is None:
        return
    mark = etree.Element("span")
    mark.tail = node.tail
    parent.replace(node, mark)


def flatten_tree(root: etree._Element, style: Style = "lines") -> str:
    """:func:`flatten` on an already parsed tree without comments or processing instructions
    (the walk skips them, and the text after them with them).

    lxml's own walk (``iterwalk``, no recursion, so 100,000 nested tags cannot overflow) hands
    each element in and out; a walk on a Python stack took twice as long (CPU time on the
    snippet set's tuning half, where it made a tenth of the clean stage)."""
    lines = _Lines(style)
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = el.tag
        if event == "end":
            if tag in BLOCK_TAGS:
                lines.end_line()
            lines.piece(el.tail)
        elif tag in INVISIBLE_TAGS:
            walker.skip_subtree()
        else:
            if tag in BLOCK_TAGS:
                lines.end_line()
            lines.piece(el.text)
    lines.end_line()
    return "\n".join(lines.done) + "\n"


class _Lines:
    """The lines made so far and the pieces of the one being made."""

    def __init__(self, style: Style) -> None:
        self.done: list[str] = []
        self.current: list[str] = []
        self.glued = style == "glued"

    def end_line(self) -> None:
        if not self.current:
            return
        text = _SPACES.sub(" ", ("" if self.glued else " ").join(self.current)).strip()
        if text:
            self.done.append(text)
        self.current.clear()

    def piece(self, text: str | None) -> None:
        if not text:
            return
        if self.glued:
            self.current.append(_SPACES.sub(" ", text.replace("\n", " ")))
        elif stripped := text.strip():
            self.current.append(stripped)
