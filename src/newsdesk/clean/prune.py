"""Ready a parsed page for trafilatura: take out what a reader never sees as text.

trafilatura parses pages itself with comments removed and relies on that: on a tree that
still has them, its cleaning drops each comment *with the text after it*. React pages write
``<!-- -->`` between the pieces of a sentence ("At first, his doctor<!-- --> assumed he
had…"), so every paragraph was cut at its first comment. We hand trafilatura our own tree
(it is also what htmldate and the "removed" list read), so we strip comments here,
keeping their surrounding text.

Hidden elements go too. trafilatura reads no CSS, so text the page hides shows up glued into
the sentence beside it: a hover card after a linked name gave "Kristi NoemKristi Lynn
NoemSouth Dakota governor…". Hidden is what the markup itself says: the ``hidden``
attribute, an inline ``display:none``/``visibility:hidden``, ``role="tooltip"``, and the
card part of a hover-card widget, whose hiding lives in the site's stylesheet but whose
class names say what it is. trafilatura prunes inline ``display:none`` itself, but in its main
pass only, and undoes that when it removes most of the page: a hidden microdata copy of the
article was then read as the body, its image caption and stray dashes with it.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from newsdesk.clean.names import PageNames

# Inline styles that hide an element (spaces and case aside).
_HIDING_STYLE = re.compile(r"display:none|visibility:hidden")
# Class or id words that name a hover widget: a trigger (a name, a term) with a card or bubble
# shown on hover. Generic widget vocabulary (Bootstrap, jQuery UI, CMS people cards).
_HOVER_WIDGET = re.compile(r"tooltip|popover|hover-?card|rollover")
# Candidates are found through their attributes, which XPath lists without making a Python
# object per element: a walk over every element in Python cost a tenth of the clean stage on the
# snippet set (profiled); listing the attributes that can hide or name an element took a
# quarter of that. Each attribute value knows its element (``getparent``).
_HIDING_ATTRIBUTES = etree.XPath("//@style|//@hidden|//@role")
# A page whose root or body is hidden (anti-flicker snippets hide it until scripts run) is shown.
_NEVER_HIDDEN = frozenset({"html", "body"})


def prune(root: etree._Element, names: PageNames) -> None:
    """Strip comments and processing instructions from ``root`` in place, keeping the text
    around them (lxml holds the text after a node as that node's tail); then drop hidden
    elements and hover cards (found among ``names``, the page's), keeping the text after each."""
    etree.strip_tags(root, etree.Comment, etree.ProcessingInstruction)
    targets = [el for el in _owners(_HIDING_ATTRIBUTES(root)) if _is_hidden(el) and not _is_slide(el)]
    targets += _hover_cards(names)
    chosen = set(targets)
    for el in targets:
        if not any(ancestor in chosen for ancestor in el.iterancestors()):
            _drop(el)


def _owners(values: list[Any]) -> list[etree._Element]:
    """The distinct elements that carry the attribute ``values``, in document order."""
    seen: dict[etree._Element, None] = {}
    for value in values:
        seen.setdefault(value.getparent(), None)
    return list(seen)


def _is_hidden(el: etree._Element) -> bool:
    if str(el.tag).lower() in _NEVER_HIDDEN:
        return False
    style = "".join((el.get("style") or "").lower().split())
    return el.get("hidden") is not None or el.get("role") == "tooltip" or bool(_HIDING_STYLE.search(style))


def _is_slide(el: etree._Element) -> bool:
    """Whether hidden ``el`` is a slide of a gallery, a tab or a fold the reader opens by a click:
    a sibling of the same tag and the same first class name is shown. A slideshow article hides
    all but its first item in the markup; a hidden copy of the article or a hover card has no
    shown twin beside it."""
    kind = (el.get("class") or "").split()[:1]
    parent = el.getparent()
    if not kind or parent is None:
        return False
    return any(
        sib is not el and sib.tag == el.tag and (sib.get("class") or "").split()[:1] == kind and not _is_hidden(sib)
        for sib in parent
    )


def _hover_cards(names: PageNames) -> list[etree._Element]:
    """The card parts of hover widgets. The outermost element named for a widget is the group
    (trigger and card); a named element inside it that comes after the group's first text is
    the card. The trigger comes first, so "term<span class=tooltiptext>…" keeps "term", and a
    lone named element (``<abbr class="tooltip">NATO</abbr>``) is a trigger and stays."""
    widgets = names.find(_HOVER_WIDGET)
    chosen = set(widgets)
    cards: list[etree._Element] = []
    for group in widgets:
        if any(ancestor in chosen for ancestor in group.iterancestors()):
            continue
        cards += [el for el in group.iterdescendants() if el in chosen and _text_before(group, el)]
    return cards


def _text_before(group: etree._Element, target: etree._Element) -> bool:
    """Whether ``group`` has visible text before ``target`` in document order: each element's
    own text, and the tail of each element that closed before ``target`` (not its ancestors)."""
    ancestors = set(target.iterancestors())
    for el in group.iter():
        if el is target:
            return False
        if (el.text or "").strip() or (el is not group and el not in ancestors and (el.tail or "").strip()):
            return True
    return False


def _drop(el: etree._Element) -> None:
    """Remove ``el`` and its content but keep its tail, the text that follows it on the page."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        previous = el.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)
