"""Character spans from parse tokens, trimmed the way attribution annotation spans them.

News attribution corpora (PolNeAR, PARC) span a source as its whole noun phrase and a
content as its clause or quotation: no surrounding spaces, no sentence-final period or
separating comma — but a closing quotation mark, and the punctuation inside it, belong to
the quotation. These helpers turn token sets into such spans so every stage agrees.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc, Token

CharSpan = tuple[int, int]

_CLOSING_MARKS = "\"”»’'›"
_OPENING_MARKS = "\"“„«‘'‹"
# Punctuation a clause or noun phrase never starts or ends with (quote marks are handled apart).
_EDGE_PUNCT = set(",.;:!?-–—―()[]{}…/*•·")
# A question or exclamation mark right after a word ends the reported question with it
# (PolNeAR train: content spans include a final "?" 51 times, stop before one 37 times;
# "!" 11 and 6).
_KEPT_MARKS = "?!"
_CLOSE_ONLY = "”»›"  # a span never starts with a closing mark
_PAIR = {")": "(", "]": "["}
_DANGLING = re.compile(r"[\s,;]+(?:and|or|but|nor)$")  # "…, and" left by a cut-off conjunct
# A final period that belongs to its word: "Jr.", "U.S.", "Gov." keep it.
_ABBREVIATION = re.compile(
    r"(?:\b(?:Jr|Sr|Inc|Co|Corp|Ltd|Bros|St|Dr|Mr|Mrs|Ms|Gov|Sen|Rep|Gen|Lt|Col|Sgt|Prof|Rev|No|Ave)|(?:\b[A-Za-z]\.){1,}[A-Za-z])\.$"
)
_CLOSER = re.compile(r"[.,!?]?[”\"»]")


def char_span(doc: Doc, first: int, last: int) -> CharSpan:
    """Character span from token ``first`` to token ``last`` (inclusive)."""
    return doc[first].idx, doc[last].idx + len(doc[last])


def subtree_range(token: Token, *, exclude: Iterable[Token] = ()) -> tuple[int, int]:
    """The contiguous token range of ``token``'s subtree around it, leaving out ``exclude``.

    A subtree with a hole (a parenthetical ``he said`` inside a quoted clause) yields the
    side of the hole that contains ``token`` itself.
    """
    skip = {t.i for t in exclude}
    inside = {t.i for t in token.subtree} - skip
    first = last = token.i
    while first - 1 in inside:
        first -= 1
    while last + 1 in inside:
        last += 1
    return first, last


def trim(text: str, start: int, end: int) -> CharSpan:
    """Strip whitespace, edge punctuation and dangling conjunctions from a span.

    A closing quotation mark stays when its opening one is inside the span (so ``…,”``
    keeps its comma), a closing parenthesis when its opening one is; a span that leaves a
    quotation open is extended over its closing mark right after it.
    """
    while True:
        before = (start, end)
        while start < end and (text[start].isspace() or text[start] in _EDGE_PUNCT or text[start] in _CLOSE_ONLY):
            start += 1
        while start < end and (text[end - 1].isspace() or text[end - 1] in _EDGE_PUNCT):
            if text[end - 1] == "." and _ABBREVIATION.search(text, start, end):
                break
            if text[end - 1] in _PAIR and _unclosed(text, start, end - 1, text[end - 1]):
                break
            if text[end - 1] in _KEPT_MARKS and text[end - 2 : end - 1].isalnum():
                break
            end -= 1
        if start < end and text[end - 1] in _CLOSING_MARKS and not _balanced_close(text, start, end):
            end -= 1
        if start < end and text[start] in _OPENING_MARKS and not _balanced_open(text, start, end):
            start += 1
        tail = _DANGLING.search(text, start, end)
        if tail is not None and tail.end() == end:
            end = tail.start()
        if (start, end) == before:
            return _close_quote(text, start, end)


def _unclosed(text: str, start: int, end: int, closer: str) -> bool:
    """Whether ``text[start:end]`` opens more ``(`` (or ``[``) than it closes: ``closer`` belongs to it."""
    return text.count(_PAIR[closer], start, end) > text.count(closer, start, end)


def _close_quote(text: str, start: int, end: int) -> CharSpan:
    """Extend a span that opens a quotation but stops before its closing mark (``…type.”``)."""
    opened = sum(text.count(m, start, end) for m in "“«") - sum(text.count(m, start, end) for m in "”»")
    straight = text.count('"', start, end) % 2
    if opened > 0 or straight:
        match = _CLOSER.match(text, end)
        if match is not None:
            return start, match.end()
    return start, end


def _balanced_close(text: str, start: int, end: int) -> bool:
    """Whether the closing mark at ``end - 1`` belongs to the span (its opening mark is inside)."""
    mark, inner = text[end - 1], text[start : end - 1]
    if text[max(start, end - 2) : end] == "''":
        # Two apostrophes are one double mark in some wire copy: its own when one opened inside.
        return text.count("''", start, end - 2) % 2 == 1
    if mark in "’'":
        # A final apostrophe after a letter ("voters’") is part of the word.
        return inner[-1:].isalpha() or any(m in inner for m in "‘'")
    if mark == '"':
        return inner.count('"') % 2 == 1
    return any(m in inner for m in "“„«‹")


def _balanced_open(text: str, start: int, end: int) -> bool:
    """Whether the opening mark at ``start`` is closed inside the span."""
    mark = text[start]
    if text[start : start + 2] == "''":
        return "''" in text[start + 2 : end]
    closers = {"“": "”", "„": "“”", "«": "»", "‘": "’", "‹": "›"}.get(mark, mark)
    return any(c in text[start + 1 : end] for c in closers)
