"""Ready a parsed page for trafilatura: take out what a reader never sees as text.

trafilatura parses pages itself with comments removed and relies on that: on a tree that
still has them, its cleaning drops each comment *with the text after it*. React pages write
``<!-- -->`` between the pieces of a sentence ("At first, his doctor<!-- --> assumed he
had…"), so every paragraph was cut at its first comment. We hand trafilatura our own tree
(it is also what htmldate and the "removed" list read), so we strip comments here,
keeping their surrounding text.
"""

from __future__ import annotations

from lxml import etree


def prune(root: etree._Element) -> None:
    """Strip comments and processing instructions from ``root`` in place, keeping the text
    around them (lxml holds the text after a node as that node's tail)."""
    etree.strip_tags(root, etree.Comment, etree.ProcessingInstruction)
