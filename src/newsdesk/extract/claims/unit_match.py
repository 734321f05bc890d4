"""What is written around a number that says what it is counted in: a currency symbol or code
before it ("$", "EUR", "N500m"), a currency, percent or measure word after it."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pycountry
from spacy.tokens import Doc

from newsdesk.extract.claims.units import (
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    MEASURES,
    MEASURES_LONGEST_FIRST,
    NATIONAL_CURRENCIES,
    PERCENT_WORDS,
)

# ISO 4217 codes that are also words or common capitalised abbreviations.
_CODES_THAT_ARE_WORDS = frozenset({"ALL", "TOP", "CUP", "MOP", "BOB", "PEN", "GEL", "MAD", "SOS", "NIO", "BAM"})
# Vague amounts that, followed by "of dollars", are sums of money.
_VAGUE_SUMS = frozenset({"thousands", "millions", "billions", "trillions", "hundreds"})
_SUFFIXES = frozenset({"m", "mn", "bn", "b", "k", "tn"})
_NAIRA = re.compile(r"^N(?:\d+(?:\.\d+)?(?:m|bn|b|k|tn)|\d{1,3}(?:,\d{3})+(?:\.\d+)?)$")


@dataclass(frozen=True, slots=True)
class UnitMatch:
    """What follows a number: the currency it names (None for other units), the token after
    the unit (the number's end when there is none), the unit recorded and the amount's kind."""

    currency: str | None
    end: int
    unit: str | None
    kind: str  # "money" | "percent" | "measure" | "count"


def unit_after(doc: Doc, end: int) -> UnitMatch:
    """Currency, percent or measure right after the number (token ``end`` on)."""
    if end + 1 < len(doc) and doc[end].text == "-" and doc[end - 1].whitespace_ == "":
        found = unit_after(doc, end + 1)  # "300-kilometre"
        if found.unit is not None:
            return found
    if end >= len(doc):
        return UnitMatch(None, end, None, "count")
    nxt = doc[end].lower_
    for width in (2, 1):  # "Hong Kong dollars", "Lebanese pounds"
        if end + width < len(doc):
            pair = (" ".join(t.lower_ for t in doc[end : end + width]), doc[end + width].lower_.rstrip("s"))
            national = NATIONAL_CURRENCIES.get(pair)
            if national:
                return UnitMatch(national, end + width + 1, national, "money")
    if nxt in CURRENCY_WORDS:
        return UnitMatch(CURRENCY_WORDS[nxt], end + 1, CURRENCY_WORDS[nxt], "money")
    plural = doc[end + 1].lower_ if end + 1 < len(doc) else ""
    weight = end + 2 < len(doc) and doc[end + 2].lower_ == "of"  # "thousands of pounds of food"
    if (
        nxt == "of"
        and plural in CURRENCY_WORDS
        and plural.endswith("s")
        and doc[end - 1].lower_ in _VAGUE_SUMS
        and not weight
    ):
        return UnitMatch(CURRENCY_WORDS[plural], end + 2, CURRENCY_WORDS[plural], "money")  # "millions of dollars"
    rest = " ".join(t.lower_ for t in doc[end : end + 3])
    for word, unit in PERCENT_WORDS.items():
        if word != "points" and (rest == word or rest.startswith(word + " ")):
            return UnitMatch(None, end + len(word.split()), unit, "percent")
    glued = doc[end : end + 3].text.lower()
    for word in MEASURES_LONGEST_FIRST:
        if len(word) <= 1:
            continue
        if rest == word or rest.startswith(word + " ") or re.match(re.escape(word) + r"(?![a-z0-9])", glued):
            span = doc.char_span(doc[end].idx, doc[end].idx + len(word), alignment_mode="expand")
            stop = span.end if span is not None else end + 1
            return UnitMatch(None, stop, MEASURES[word], "measure")
    return UnitMatch(None, end, None, "count")


def symbol_before(doc: Doc, start: int) -> tuple[str, int] | None:
    """The currency written before the number: a symbol ("$", "A$", "Rs") or an ISO 4217 code
    in capitals ("EUR 5m", "ZAR 300")."""
    prev = doc[start - 1].text
    if prev.lower() in CURRENCY_SYMBOLS:
        return CURRENCY_SYMBOLS[prev.lower()], start - 1
    if iso_code(prev):
        return prev, start - 1
    return None


def iso_code(text: str) -> bool:
    """Is this an ISO 4217 currency code written in capitals ("EUR", "NGN"), and not one of the
    codes that are also English words or common abbreviations ("ALL", "TOP", "CUP")?"""
    if len(text) != 3 or not text.isalpha() or not text.isupper() or text in _CODES_THAT_ARE_WORDS:
        return False
    return pycountry.currencies.get(alpha_3=text) is not None


def naira_end(doc: Doc, i: int) -> int:
    """End of "N500m", "N2.5bn", "N5,000" at token ``i`` (the naira sign written as a capital N
    glued to the amount), == i when there is none. Read only with a scale suffix or thousands
    commas: "N95" is a mask, not 95 naira."""
    text = doc[i].text
    if _NAIRA.match(text):
        return i + 1
    if _NAIRA.match(text + "m") and i + 1 < len(doc) and scale_suffix(doc, i + 1):
        return i + 2  # the tokenizer splits "N500m" into "N500" "m"
    return i


def scale_suffix(doc: Doc, j: int) -> bool:
    """Is token ``j`` a scale letter glued to the number before it ("5" "m" in "EUR 5m")?"""
    return j > 0 and not doc[j - 1].whitespace_ and doc[j].text.rstrip(".").lower() in _SUFFIXES
