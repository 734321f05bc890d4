"""Paragraphs that are only a link: a teaser to another page kept inside the article's text.

trafilatura keeps a paragraph whose whole text is one link when it sits inside the article's
container: "Read also: <a>Other story</a>", a "subscribe" button, a list of related articles.
A reader of the article does not read those as its text. The signal is structural and works in
any language: the paragraph, with at most a short label before a colon, is the text of one
link of the page.
"""

from __future__ import annotations

import re

from lxml import etree

_SPACES = re.compile(r"\s+")
# A label before a link ("Read also:", "LE PUEDE INTERESAR:"): at most this many words.
_LABEL_WORDS = 5
# A heading line for a list of links ("Weitere Beiträge aus der Kolumne:"): at most this many words.
_HEADING_WORDS = 8
_LABEL = re.compile(r"^([^:]{1,60}):\s*(.+)$")
# Links to other pages: an in-page anchor ("#section") is a table of contents whose entries
# repeat the article's own subheadings.
_ANCHORS = etree.XPath("//a[not(starts-with(normalize-space(@href), '#'))]")
# How a paragraph that carries on a sentence ends and begins: trafilatura breaks a paragraph
# around an inline link, and a link in mid-sentence is text.
_OPEN_END = re.compile(r"[^.!?:;…。！？\"”»)\]]$")
# A list item as trafilatura writes it: a block of its own, whatever its last character, so a
# link line after it does not carry on its sentence (tuning half of the snippet set: one teaser
# after a list of dates was kept as text).
_LIST_ITEM = re.compile(r"^[-*•] ")


def link_texts(root: etree._Element) -> set[str]:
    """The text of every link of the page, white space collapsed."""
    texts = (_SPACES.sub(" ", "".join(a.itertext())).strip() for a in _ANCHORS(root))
    return {text for text in texts if text}


def drop_link_lines(paragraphs: list[str], links: set[str]) -> list[str]:
    """``paragraphs`` without those that are only a link, unless the link is in mid-sentence
    (the paragraph before ends without a full stop or the one after starts in lower case), and
    without the label that announced them ("Read more:", "Sources:"): a short line ending in a
    colon whose next line went. (A label that ends the text stays: "The paper is here:" is a
    sentence of the article whose link was not text.)"""
    dropped = [_is_teaser(paragraphs, pos, links) for pos in range(len(paragraphs))]
    out: list[str] = []
    for pos, paragraph in enumerate(paragraphs):
        if dropped[pos]:
            continue
        if _is_label(paragraph) and pos + 1 < len(paragraphs) and dropped[pos + 1]:
            continue
        out.append(paragraph)
    return out


def _is_teaser(paragraphs: list[str], pos: int, links: set[str]) -> bool:
    before = paragraphs[pos - 1] if pos else ""
    after = paragraphs[pos + 1] if pos + 1 < len(paragraphs) else ""
    inline = bool(_OPEN_END.search(before) and not _LIST_ITEM.match(before)) or after[:1].islower()
    return not inline and is_link_line(paragraphs[pos], links)


def drop_orphan_labels(paragraphs: list[str], visible_lines: list[str]) -> list[str]:
    """``paragraphs`` without the short labels ending in a colon whose announced content was
    left out: on the page, the line right after the label is no part of the body ("See also:"
    above a teaser, "Posted on:" above a date line, "Further reading:" above a link list
    the extractor dropped). A label the page does not show as a line of its own stays, and so
    does one that ends the text, as in :func:`drop_link_lines`. White space is left out when
    comparing: the extractor breaks and spaces lines its own way, and the page's lines join
    inline pieces with a space ("word , word")."""
    body = _SPACES.sub("", "".join(paragraphs))
    after = dict(zip(reversed(visible_lines[:-1]), reversed(visible_lines[1:]), strict=True))
    last = len(paragraphs) - 1
    return [
        p
        for pos, p in enumerate(paragraphs)
        if pos == last or not (_is_label(p) and p in after and _SPACES.sub("", after[p]) not in body)
    ]


def _is_label(paragraph: str) -> bool:
    """A short line ending in a colon: a heading for what follows."""
    return paragraph.rstrip().endswith(":") and len(paragraph.split()) <= _HEADING_WORDS


def is_link_line(paragraph: str, links: set[str]) -> bool:
    """Whether ``paragraph`` is one link's text, alone or after a short label and a colon; a
    list item's marker aside (a reading list is a list of links to other articles)."""
    text = _LIST_ITEM.sub("", _SPACES.sub(" ", paragraph).strip())
    if text in links:
        return True
    labelled = _LABEL.match(text)
    return bool(labelled and len(labelled[1].split()) <= _LABEL_WORDS and labelled[2] in links)
