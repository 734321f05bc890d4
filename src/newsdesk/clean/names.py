"""Elements found by their class or id names, listed once per page.

Several rules look for elements a page names as something (hover widgets before trafilatura;
furniture boxes, leads and author candidates after it). A case-blind pattern run on each
attribute value cost more than listing the values (CPU time on the snippet set's tuning half,
105,000 values: 0.39 s against 0.27 s); Python's regex engine is ten times slower case-blind.
Here the values are joined, lower-cased and searched by a lower-case pattern. Listing the values
is most of the cost (0.2 s on that half for one listing a page), so a page's values are listed
once, before pruning, and every rule searches that list (:class:`PageNames`).
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

_CLASSES_AND_IDS = etree.XPath("//@class|//@id")
# Between two values in the joined string: a character no attribute value holds (XML forbids it),
# so no match spans two values and a word boundary falls on it.
_SEPARATOR = "\x00"


class PageNames:
    """The class and id values of a page's elements, joined and lower-cased once."""

    def __init__(self, root: etree._Element) -> None:
        self.top = _top(root)
        self.values: list[Any] = _CLASSES_AND_IDS(root)
        self.joined = _SEPARATOR.join(self.values).lower()

    def find(self, pattern: re.Pattern[str], *, ids: bool = True) -> list[etree._Element]:
        """The distinct elements whose class (or id, with ``ids``) ``pattern`` finds, in document
        order, among those still in the page (pruning after the listing took some out);
        ``pattern`` is written in lower case and matches lower-cased names. Each value that holds
        a match yields at least one match of the scan (matches do not overlap, and one ends
        before the next value starts)."""
        found: dict[etree._Element, None] = {}
        index = seen = 0  # the value that holds position ``seen`` of ``joined``
        for match in pattern.finditer(self.joined):
            index += self.joined.count(_SEPARATOR, seen, match.start())
            seen = match.start()
            value = self.values[index]
            if ids or value.attrname == "class":
                found.setdefault(value.getparent(), None)
        # An element pruned after the listing is no longer under the page's top.
        return [el for el in found if _top(el) is self.top]


def _top(el: etree._Element) -> etree._Element:
    """The outermost ancestor of ``el`` (``el`` itself when it has no parent)."""
    while (parent := el.getparent()) is not None:
        el = parent
    return el
