"""Amounts written in words that need their neighbours to be read: fractions ("a quarter of",
"half a point"), how many times ("visited once", "came twice"), and the time unit that makes a
number a duration ("five-and-a-half years")."""

from __future__ import annotations

from spacy.tokens import Doc

from newsdesk.extract.claims.numbers import FRACTIONS, UNITS_WORDS
from newsdesk.extract.claims.units import TIME_UNITS

ORDINAL_WORDS = frozenset(
    {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}
)
NUMBER_WORDS = frozenset(w for w in UNITS_WORDS if w not in ("a", "an", "zero")) | {"dozen"}


def how_often(doc: Doc, i: int) -> bool:
    """ "has come twice", "visited once while in office": a count of times after its verb, not
    "once again", "once the deal closes" or "twice as large" (a multiplier)."""
    after = doc[i + 1] if i + 1 < len(doc) else None
    if after is not None and after.lower_ in ("as", "again", "more", "the", "a", "an", "upon"):
        return False
    if doc[i].lower_ != "once":
        return True
    return (
        i > 0
        and doc[i - 1].pos_ in ("VERB", "ADV")
        and (after is None or after.is_punct or after.pos_ in ("ADP", "SCONJ"))
    )


def fraction_end(doc: Doc, i: int) -> int:
    """End of a word fraction starting at ``i`` ("a quarter of", "one-third of", "half a point",
    "cut by half"), == i when there is none. A fraction word needs "of"/"a" after it or "by"
    before it: "a third term", "the second half" and "a quarter of a century" are not amounts."""
    j = i
    if doc[i].lower_ in ("a", "an", "one") or doc[i].lower_ in NUMBER_WORDS:
        j = i + 1
        if j < len(doc) and doc[j].text in ("-", "–") and not doc[j - 1].whitespace_:
            j += 1
    if j >= len(doc) or doc[j].lower_ not in FRACTIONS or (j == i and doc[j].lower_ != "half"):
        return i
    if j > i + 1 and doc[j].lower_ == "half" and doc[i].lower_ not in ("a", "one"):
        return i  # "five-and-a-half": a duration's tail, not a fraction
    before = doc[i - 1] if i > 0 else None
    if j == i and before is not None and (before.pos_ in ("DET", "ADJ") or before.lower_ in ORDINAL_WORDS):
        return i  # "the first half of the year", "the second half"
    after = [t.lower_ for t in doc[j + 1 : j + 4]]
    if after[:1] == ["of"] and len(after) == 3 and after[1] in ("a", "an") and after[2] in TIME_UNITS:
        return i
    if after[:1] in (["a"], ["an"]) and len(after) > 1 and after[1] in TIME_UNITS:
        return i  # "half an hour"
    if after[:1] in (["of"], ["a"], ["an"]) or (before is not None and before.lower_ == "by"):
        return j + 1
    return i


def time_unit_after(doc: Doc, end: int) -> bool:
    """Is a time unit next, over hyphens and a fraction's words ("23-year-old", "five-and-a-half years")?"""
    for k, token in enumerate(doc[end : end + 8]):
        if token.lower_ in TIME_UNITS:
            return True
        hyphenated = doc[end].text in ("-", "–")  # "10 a day" is a rate, not a duration
        joiner = token.text in ("-", "–") or token.lower_ in ("and", "a", "half")
        if (k == 0 and not hyphenated) or not joiner:
            return False
    return False
