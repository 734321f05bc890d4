"""Numbers that name, place or score rather than count: sports results, addresses, index names.

Predicates over one number expression that the claims finder uses to leave a number out.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Doc

if TYPE_CHECKING:
    from newsdesk.extract.claims.expressions import Expression

# Scores and tallies above this are rare enough that N-M is read as a range instead (set by
# hand; the gold's scores "3-1" and "6-1" are excluded and its range "40-80 million" kept).
_MAX_SCORE = 30
# Nouns after N-M that make it a result however large the numbers ("a 45-17 win", "a 5-2 victory").
_RESULT_NOUNS = frozenset(
    """
    win wins victory victories loss losses defeat defeats rout lead bulge start skid streak run record
    decision vote margin score tie draw triumph upset thrashing shutout
    """.split()
)
# Last words of a street address after a house number ("1119 Eighth St.", "42 Harbor Road").
_STREET_WORDS = frozenset(
    "st street ave avenue rd road dr drive blvd boulevard ln lane way pl place ct court pkwy parkway hwy".split()
)
# Verbs before N-M that make it a result: "won 45-17", "lost 3-1", "beat Kano 2-0" is a noun before.
_RESULT_VERBS = frozenset("win lose beat defeat edge rout trail lead top down tie draw vote".split())
# "Wild 4, Sabres 1:", "Kano Rovers 2 Enyimba 0": a line of two names each followed by a score.
SCORE_LINE = re.compile(
    r"^[ \t]*(?:[A-Z][\w.'’&-]*[ \t]){1,4}\d{1,3},?[ \t]+(?:[A-Z][\w.'’&-]*[ \t]){1,4}\d{1,3}[ \t]*[:.]?[ \t]*$",
    re.MULTILINE,
)


def is_address(doc: Doc, ex: Expression) -> bool:
    """ "of 1119 Eighth St.", "at 42 Harbor Road": a house number; "called 911": a phone number."""
    i = ex.core[-1]
    if i > 0 and doc[i - 1].lemma_.lower() in ("call", "dial", "text") and len(ex.core) == 1:
        return True
    for token in doc[i + 1 : i + 5]:
        if token.lower_.rstrip(".") in _STREET_WORDS:
            return True
        if not (token.is_title or token.like_num):  # "Eighth", "Harbor", "5th" name the street
            return False
    return False


def is_name_number(doc: Doc, ex: Expression) -> bool:
    """ "The S&P 500 is up", "the FTSE 100 fell": an index or a product named with a number."""
    i = ex.core[0]
    before = doc[i - 1] if i > 0 else None
    return (
        before is not None
        and before.pos_ == "PROPN"
        and ("&" in before.text or (before.is_upper and len(before.text) > 1))
        and len(ex.core) == 1
        and ex.unit is None
    )


def is_score(doc: Doc, ex: Expression) -> bool:
    """A result, not a count: "beat Kano Rovers 3-1", "voted 6-1", "won 45-17", "a 5-2 victory",
    or a record "on a 1-6-2 skid" (results lines are found with the phone numbers)."""
    i = ex.core[0]
    run = _hyphenated_run(doc, i)
    if len(run) >= 3:
        return True  # a win-loss(-tie) record
    if len(run) == 2:
        after = doc[run[-1] + 1] if run[-1] + 1 < len(doc) else None
        before = doc[run[0] - 1] if run[0] > 0 else None
        if (after is not None and after.lower_ in _RESULT_NOUNS) or (
            before is not None and before.lemma_.lower() in _RESULT_VERBS
        ):
            return True
        small = all(doc[k].text.isdigit() and int(doc[k].text) <= _MAX_SCORE for k in run)
        return small and (after is None or after.pos_ != "NOUN")
    return False


def _hyphenated_run(doc: Doc, i: int) -> list[int]:
    """Indices of the whole numbers joined to token ``i`` by hyphens with no spaces ("9-2-1")."""
    if not doc[i].is_digit:
        return [i]
    start = i
    while start >= 2 and _joined(doc, start - 2):
        start -= 2
    run = [start]
    while run[-1] + 2 < len(doc) and _joined(doc, run[-1]):
        run.append(run[-1] + 2)
    return run


def _joined(doc: Doc, k: int) -> bool:
    """Whether number ``k`` is joined to number ``k + 2`` by a hyphen with no spaces ("9-2")."""
    return (
        doc[k].is_digit
        and doc[k + 1].text in ("-", "–")
        and doc[k + 2].is_digit
        and not doc[k].whitespace_
        and not doc[k + 1].whitespace_
    )
