"""WordPress-style shortcodes a page printed unrendered: ``[button link="…"]Send us…[/button]``.

When a site drops the plugin behind a shortcode, the tag is shown as text and lands in the
body; its quoted attribute values were then read as quotations. A shortcode is told from
editorial brackets ("[sic]", "[…]", "[the minister]", "[Video]") by its ``name attr=value``
form; a closing ``[/name]`` is never prose. Word processors curl the quotes (”…”), so any
quote mark may delimit a value.
"""

from __future__ import annotations

import re

_QUOTES = "\"'“”‘’″"
_VALUE = rf"(?:[{_QUOTES}][^{_QUOTES}\]]*[{_QUOTES}]|[^\s\]{_QUOTES}]+)"
# An opening tag with at least one attribute: [name attr=value …] or [name attr=value /].
_OPEN = rf"\[(?P<name>[A-Za-z][\w-]*)(?:\s+[\w-]+\s*=\s*{_VALUE})+\s*/?\]"
_OPEN_TAG = re.compile(_OPEN)
_CLOSE_TAG = re.compile(r"\[/[A-Za-z][\w-]*\]")
# A paragraph that is one shortcode around a label: a block widget (button, link box), not body
# text. A label has at most this many words: the one on the 91 dev pages has 5 ("Send us YOUR
# kit review"); a paragraph wrapped whole in [highlight]…[/highlight] is longer and stays.
_WIDGET = re.compile(rf"{_OPEN}(?P<content>.*?)\[/(?P=name)\]")
_LABEL_WORDS = 8


def strip_shortcodes(paragraph: str) -> str:
    """``paragraph`` without shortcode tags; empty when it is one shortcode around a label.

    Elsewhere only the tags go and the enclosed text stays, as the rendered page would show it
    (``[dropcap size="2"]T[/dropcap]he`` → ``The``). Paragraphs with no shortcode are returned
    unchanged."""
    widget = _WIDGET.fullmatch(paragraph.strip())
    if widget and len(widget.group("content").split()) <= _LABEL_WORDS:
        return ""
    stripped = _CLOSE_TAG.sub("", _OPEN_TAG.sub("", paragraph))
    return paragraph if stripped == paragraph else " ".join(stripped.split())
