"""Character-level scans of the article text, so the component never walks every token.

Creating spaCy ``Token`` objects is what costs in Python; whole-text questions (which lines are
title-case headlines, which stretches are inside quotation marks, where the bracketed acronyms
and the pronouns are) are answered with regular expressions over ``doc.text`` instead, and only
the few hits are mapped back to tokens.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cached_property

from spacy.tokens import Doc, Token

# Share of capitalised longer words from which a line reads as a title-case headline; in running news
# prose even name-dense paragraphs stay near half (the seed's densest sentence: 0.55).
_HEADLINE_SHARE = 0.8
# Headlines are short; a longer line is a paragraph, whatever its capitals.
_HEADLINE_CHARS = 250
_LONGER_WORD = re.compile(r"[^\W\d_]{4,}")
_WORD = re.compile(r"[^\W\d_]+")
_SIGN_OFF = ("—", "–", "-")  # a line opening with a dash signs off a post or quote
_LINE = re.compile(r"[^\n]+")
# Quotation marks: curly and angle ones open or close; straight ones toggle. A line break ends a quote
# (news opens every paragraph of a long quote again).
# "''" and "``" are the double marks of some wire copy, read as one mark each (as the quote stage does).
_QUOTE_MARK = re.compile(r"''|``|[“”«»„\"\n]")
_OPENING = frozenset({"“", "«", "„", "``"})
_CLOSING = frozenset("”»")
_STRAIGHT = frozenset({'"', "''"})
_BRACKETED = re.compile(r"\(([A-Z][A-Za-z&\-]{1,14})\)")
_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er)\b")


class Ranges:
    """Sorted, disjoint character ranges with a fast membership test."""

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        self._starts = [start for start, _ in ranges]
        self._ends = [end for _, end in ranges]

    def __contains__(self, position: int) -> bool:
        n = bisect_right(self._starts, position) - 1
        return n >= 0 and position < self._ends[n]


def headline_lines(text: str) -> Ranges:
    """Lines in title case ("Stealth Over Health: Clinton Was Headed to ER"): most longer words capitalised.

    Lines, not sentences: the parser often runs a headline without a full stop into the next line.
    """
    found: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        if line.end() - line.start() > _HEADLINE_CHARS or line.group().lstrip().startswith(_SIGN_OFF):
            continue  # "— Robert Maguire (@rmaguire) November 18, 2019" names its author
        words = _LONGER_WORD.findall(line.group())
        capital = sum(word[0].isupper() for word in words)
        if len(words) >= 3 and capital >= _HEADLINE_SHARE * len(words):
            found.append(line.span())
    return Ranges(found)


# A heading inside the body ("4. Questioning the adviser's judgment"): a line of a few words that ends
# without a sentence's punctuation. Eight words: the longest numbered section headings on the 91
# real pages of the extraction benchmark's dev half ran to seven.
_HEADING_WORDS = 8
_SENTENCE_END = tuple(".!?:;,\"”’'…)")


def heading_lines(text: str) -> Ranges:
    """Short lines that end without a sentence's punctuation: section headings and labels, where the
    model, as in headlines, runs a capitalised verb into the name after it ("Questioning Rennick")."""
    found: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        words = _WORD.findall(line.group())
        if 2 <= len(words) <= _HEADING_WORDS and not line.group().rstrip().endswith(_SENTENCE_END):
            found.append(line.span())
    return Ranges(found)


def lower_case_words(text: str) -> set[str]:
    """The words ``text`` writes in lower case ("plague", "state"), by one regex pass."""
    return {word for word in _WORD.findall(text) if word.islower()}


def quoted(text: str) -> Ranges:
    """The stretches inside quotation marks, marks included; an unclosed quote ends at the line's end."""
    found: list[tuple[int, int]] = []
    opened: int | None = None
    for mark in _QUOTE_MARK.finditer(text):
        char, at = mark.group(), mark.start()
        if char == "\n" or char in _CLOSING or (char in _STRAIGHT and opened is not None):
            if opened is not None:
                found.append((opened, at + (len(char) if char != "\n" else 0)))
                opened = None
        elif char in _OPENING or char in _STRAIGHT:
            opened = at
    if opened is not None:
        found.append((opened, len(text)))
    return Ranges(found)


class Scanner:
    """Regex hits in one Doc's text mapped to tokens, through the tokens' start offsets (one C-level copy)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.text  # Doc.text joins every token's text: take it once
        self._starts: list[int] = doc.to_array("IDX").tolist() if len(doc) else []

    @cached_property
    def quoted(self) -> Ranges:
        """The text's quotations (:func:`quoted`), found once for every stage that skips them."""
        return quoted(self.text)

    @cached_property
    def lower_words(self) -> set[str]:
        """The words the text writes in lower case (:func:`lower_case_words`), found once."""
        return lower_case_words(self.text)

    def token_at(self, start: int, end: int) -> Token | None:
        """The single token spanning exactly the characters ``[start, end)``, if the tokenizer agrees."""
        i = bisect_left(self._starts, start)
        if i == len(self._starts) or self._starts[i] != start:
            return None
        token = self.doc[i]
        return token if token.idx + len(token.text) == end else None

    def bracketed_acronyms(self) -> list[Token]:
        """Tokens written alone in brackets that look like acronyms: "(UNAMA)", "(MoD)"."""
        found = (self.token_at(m.start(1), m.end(1)) for m in _BRACKETED.finditer(self.text))
        return [t for t in found if t is not None and 0 < t.i < len(self.doc) - 1]

    def pronouns(self) -> list[Token]:
        """The he/she/his/her tokens, in text order."""
        found = (self.token_at(*m.span()) for m in _PRONOUN.finditer(self.text))
        return [t for t in found if t is not None]

    def word_tokens(self, words: list[str]) -> list[Token]:
        """Tokens that are exactly one of ``words`` (case-sensitive, whole words), in one pass."""
        if not words:
            return []
        alternatives = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
        pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")
        found = (self.token_at(*m.span()) for m in pattern.finditer(self.text))
        return [t for t in found if t is not None]
