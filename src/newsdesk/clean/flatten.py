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
    return "" if root is None else flatten_tree(root, style)


def flatten_tree(root: etree._Element, style: Style = "lines") -> str:
    """:func:`flatten` on an already parsed tree, iteratively (no recursion limit on deep pages)."""
    lines: list[str] = []
    current: list[str] = []
    joiner = "" if style == "glued" else " "

    def end_line() -> None:
        text = _SPACES.sub(" ", joiner.join(current)).strip()
        if text:
            lines.append(text)
        current.clear()

    def piece(text: str | None) -> None:
        if not text:
            return
        if style == "glued":
            current.append(_SPACES.sub(" ", text.replace("\n", " ")))
        elif stripped := text.strip():
            current.append(stripped)

    # Explicit stack of (element, entering) so 100,000 nested tags cannot overflow.
    stack: list[tuple[etree._Element, bool]] = [(root, True)]
    while stack:
        el, entering = stack.pop()
        tag = el.tag.lower() if isinstance(el.tag, str) else None
        if not entering:
            if tag in BLOCK_TAGS:
                end_line()
            piece(el.tail)
            continue
        if tag is None or tag in INVISIBLE_TAGS:
            piece(el.tail)
            continue
        if tag in BLOCK_TAGS:
            end_line()
        piece(el.text)
        stack.append((el, False))
        stack.extend((child, True) for child in reversed(el))
    end_line()
    return "\n".join(lines) + "\n"
