"""Number words and their values: "10,000", "10k", "ten thousand", "1.2 million", "Rs 550 crore".

Pure functions over strings, no spaCy, so they can be tested one expression at a time. The
conventions for vague amounts and qualifiers (documented in docs/gold-format.md):

- vague amounts are ranges with no ``value``: "dozens" 24–99, "scores" 40–99, "hundreds"
  200–999, "thousands" 2,000–9,999, "tens of thousands" 20,000–99,999, "millions" 2–999
  million (the smallest and largest amount the plural can honestly mean);
- "more than / over / at least N" set ``low`` = N ("more than" and "over" exclusive, noted
  only in the qualifier); "nearly / almost / up to / as many as / fewer than / under N" set
  ``high`` = N; "about / some / roughly / an estimated / an average of N" keep ``value`` = N
  with no bounds; ranges ("150 to 200", "40-80 million") set ``low`` and ``high`` and no
  ``value``.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a": 1, "an": 1,
}  # fmt: skip
SCALES = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000, "lakh": 100_000, "lakhs": 100_000, "crore": 10_000_000, "crores": 10_000_000,
    "k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "b": 1_000_000_000, "tn": 1_000_000_000_000,
}  # fmt: skip
DOZEN = {"dozen": 12}
# How many times: "twice" counts like "two times" (docs/gold-format.md).
TIMES_WORDS = {"once": 1, "twice": 2, "thrice": 3}
# Word fractions, singular and plural ("a quarter", "two-thirds", "a tenth of a point"): plain fractions.
FRACTIONS = {
    "half": 1 / 2, "halves": 1 / 2, "third": 1 / 3, "thirds": 1 / 3, "quarter": 1 / 4, "quarters": 1 / 4,
    "fifth": 1 / 5, "fifths": 1 / 5, "sixth": 1 / 6, "sixths": 1 / 6, "eighth": 1 / 8, "eighths": 1 / 8,
    "tenth": 1 / 10, "tenths": 1 / 10,
}  # fmt: skip
# Vague plurals → (low, high); see the module docstring for the convention.
VAGUE = {
    "dozens": (24.0, 99.0), "scores": (40.0, 99.0), "hundreds": (200.0, 999.0), "thousands": (2_000.0, 9_999.0),
    "millions": (2e6, 999e6), "billions": (2e9, 999e9),
}  # fmt: skip
TENS_OF = {"thousands": (20_000.0, 99_999.0), "millions": (20e6, 99e6)}
HUNDREDS_OF = {"thousands": (200_000.0, 999_999.0), "millions": (200e6, 999e6)}

# Qualifier words → which bound the number sets. Lower-case, longest first when matched.
LOWER_BOUND = ("more than", "over", "at least", "in excess of", "upwards of", "no fewer than", "no less than",
               "well over", "just over", "above", "a minimum of")  # fmt: skip
UPPER_BOUND = ("nearly", "almost", "up to", "as many as", "fewer than", "less than", "under", "just under",
               "close to", "at most", "no more than", "a maximum of", "below")  # fmt: skip
APPROXIMATE = ("about", "around", "some", "roughly", "approximately", "an estimated", "estimated", "an average of",
               "on average", "a further", "another", "an additional", "a total of", "a record", "some estimated",
               "circa", "almost exactly")  # fmt: skip
QUALIFIERS = tuple(sorted((*LOWER_BOUND, *UPPER_BOUND, *APPROXIMATE), key=lambda q: -len(q)))

# A fraction written in digits, as bond prices are quoted ("3/32", "99 1/2", "100-3/32"): only
# the binary denominators of price ticks, so "9/11" or "24/7" are not read as amounts.
DIGIT_FRACTION = re.compile(r"^(?P<top>\d{1,2})/(?P<bottom>2|4|8|16|32|64)$")
_DIGITS = re.compile(r"^(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?P<suffix>k|m|mn|bn|b|tn)?$", re.I)


@dataclass(slots=True)
class Amount:
    """A parsed amount: ``value`` when exact or approximate, ``low``/``high`` for ranges and bounds."""

    value: float | None
    low: float | None = None
    high: float | None = None
    vague: bool = False


def parse_number(words: list[str]) -> float | None:
    """Value of a run of number words ("1.2", "million") / ("ten", "thousand") / ("10k"); None if not a number."""
    fraction = parse_fraction(words)
    if fraction is not None:
        return fraction
    total = 0.0
    current: float | None = None
    seen = False
    for raw in words:
        word = raw.lower().strip(",")
        if word in ("and", "-"):
            continue
        digits = _DIGITS.match(word)
        tick = DIGIT_FRACTION.match(word)
        if tick and int(tick.group("top")) < int(tick.group("bottom")):
            current = (current or 0.0) + int(tick.group("top")) / int(tick.group("bottom"))
        elif digits:
            number = float(digits.group("num").replace(",", ""))
            if digits.group("suffix"):
                number *= SCALES[digits.group("suffix").lower()]
            current = (current or 0.0) + number
        elif word in TIMES_WORDS and len(words) == 1:
            current = float(TIMES_WORDS[word])
        elif word in DOZEN:
            current = (current or 1.0) * DOZEN[word]
        elif word in ("a", "an"):
            current = (current or 0.0) + 1
            continue  # "a" is a number only before a scale word ("a million", "a dozen")
        elif word in UNITS_WORDS:
            current = (current or 0.0) + UNITS_WORDS[word]
        elif "-" in word and all(part in UNITS_WORDS for part in word.split("-")):
            current = (current or 0.0) + sum(UNITS_WORDS[p] for p in word.split("-"))
        elif word in SCALES and (current is not None or word not in ("k", "m", "b")):
            scale = SCALES[word]
            if scale == 100:
                current = (current or 1.0) * 100
            else:
                total += (current if current is not None else 1.0) * scale
                current = None
        else:
            return None
        seen = True
    if not seen:
        return None
    value = total + (current or 0.0)
    return value if math.isfinite(value) else None  # a 400-digit number is text, not a quantity


def parse_fraction(words: list[str]) -> float | None:
    """ "half", "a quarter", "one-third", "two thirds" → the fraction; None if the words are not one."""
    lowered = [w.lower() for w in words if w not in ("-", "–")]
    if not lowered or lowered[-1] not in FRACTIONS:
        return None
    if len(lowered) == 1:
        return FRACTIONS[lowered[0]] if lowered[0] in ("half", "halves") else None
    count = 1.0 if lowered[0] in ("a", "an", "one") else UNITS_WORDS.get(lowered[0])
    if len(lowered) != 2 or count is None or count == 0:
        return None
    return count * FRACTIONS[lowered[-1]]


def vague_range(words: list[str]) -> tuple[float, float] | None:
    """ "dozens", "hundreds of", "tens of thousands", "several million" → (low, high); None if not vague."""
    lowered = [w.lower() for w in words if w.lower() not in ("of",)]
    if not lowered:
        return None
    if len(lowered) >= 2 and lowered[0] == "tens" and lowered[-1] in TENS_OF:
        return TENS_OF[lowered[-1]]
    if len(lowered) >= 2 and lowered[0] == "hundreds" and lowered[-1] in HUNDREDS_OF:
        return HUNDREDS_OF[lowered[-1]]
    if len(lowered) == 2 and lowered[0] in ("several", "a few", "few") and lowered[1] in SCALES:
        scale = float(SCALES[lowered[1]])
        return 2 * scale, 9 * scale
    if len(lowered) == 1 and lowered[0] in VAGUE:
        return VAGUE[lowered[0]]
    return None


def bounds(qualifier: str | None, value: float) -> tuple[float | None, float | None]:
    """(low, high) a qualifier puts on a value: "more than 10,000" → (10000, None)."""
    if qualifier is None:
        return None, None
    q = qualifier.lower()
    if q in LOWER_BOUND:
        return value, None
    if q in UPPER_BOUND:
        return None, value
    return None, None
