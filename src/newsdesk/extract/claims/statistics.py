"""Is a claim a sports statistic or a market-table figure (``Claim.statistic``)?

A desk reading claims about the world wants box scores and index moves apart from the counts of
the news. Both need two signals, so that a word of either vocabulary alone marks nothing:

- **sports**: the sentence, or the one before or after it, speaks of a game (a ``sport`` word of
  ``data/claim_words.tsv`` — "game", "season", "scored", "playoff" — or a score written "3-1") and
  the number counts a ``sport-stat`` ("25 points", "10 rebounds", "two goals", "a two-point lead");
- **market**: the sentence names a market (a ``market`` word — "shares", "index", "Nasdaq",
  "futures"), a move or close of it (a ``market-move`` lemma — "rose", "closed", "shed") and the
  number is a move or level: a percentage, a bare level or a ``market-stat`` or market word
  counted ("200 points", "$61 a barrel", "2 million shares"); not a sum with another noun
  ("a deal worth $600 million").

Sports first: "points" in a sentence with a game is a score line, with an index a market move.
"""

from __future__ import annotations

import re
from typing import Literal

from spacy.tokens import Doc, Span, Token

from newsdesk.extract.claims.cues import claim_words
from newsdesk.extract.claims.expressions import Expression

Statistic = Literal["sports", "market"]
# A score or result written with a hyphen or en dash between two small numbers ("3-1", "6–4").
_SCORE = re.compile(r"(?<![\d.,-])\d{1,3}[-–]\d{1,3}(?![\d%-]|[.,]\d)")


def statistic(doc: Doc, ex: Expression, head: Token | None) -> Statistic | None:
    """``"sports"``, ``"market"`` or None for the claim ``ex`` counting ``head``."""
    counted = _counted_words(doc, ex, head)
    around = _around(doc, ex.sentence[0], ex.sentence[1])
    if _is_sports(_words(around), around.text, counted):
        return "sports"
    words = _words(doc[ex.sentence[0] : ex.sentence[1]])
    if _is_market(words, counted, ex, head):
        return "market"
    return None


def _words(span: Span) -> set[str]:
    return {t.lower_ for t in span} | {t.lemma_.lower() for t in span}


def _around(doc: Doc, start: int, end: int) -> Span:
    """The claim's sentence with the ones just before and after it: a game report names the game
    once and then lists its figures sentence by sentence ("Ortiz made 30 saves."). Only the sports
    rule reads them; a market figure needs its market in its own sentence."""
    first = doc[start - 1].sent.start if start > 0 else start
    last = doc[end].sent.end if end < len(doc) else end
    return doc[first:last]


def _counted_words(doc: Doc, ex: Expression, head: Token | None) -> set[str]:
    """The counted noun, the word right after the number ("31 points", even when the object
    rules read the scorer as what is counted) and the word glued to it ("two-point" → "point")."""
    out: set[str] = set()
    if head is not None:
        out |= {head.lower_, head.lemma_.lower()}
    if ex.end < len(doc) and doc[ex.end].pos_ == "NOUN":
        out.add(doc[ex.end].lemma_.lower())
    last = doc[ex.end - 1]
    if "-" in last.text:
        out.add(last.text.rsplit("-", 1)[-1].lower())
    if ex.end < len(doc) and doc[ex.end].text == "-" and ex.end + 1 < len(doc):
        out.add(doc[ex.end + 1].lemma_.lower())
    return out


def _is_sports(words: set[str], text: str, counted: set[str]) -> bool:
    game = bool(words & claim_words("sport")) or _SCORE.search(text) is not None
    return game and bool(counted & claim_words("sport-stat"))


def _is_market(words: set[str], counted: set[str], ex: Expression, head: Token | None) -> bool:
    if not words & claim_words("market") or not words & claim_words("market-move"):
        return False
    if head is None or ex.kind == "percent":
        return True  # a level ("closed at 23,100") or a move ("fell 0.5%")
    return bool(counted & (claim_words("market-stat") | claim_words("market")))
