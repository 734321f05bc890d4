"""Numbers that name, place or score rather than count: sports results, addresses, index names.

Predicates over one number expression that the claims finder uses to leave a number out.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from newsdesk.vocab.wordlists import word_list

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


# Spelled-out numbers that, after "the", refer back to a set already named ("the two sides").
_REFERRING_NUMBERS = frozenset("two three four five six seven eight nine ten".split())
# Determiners before such a number ("the two", "both the two", "the first two countries").
_REFERRING_DETERMINERS = frozenset({"the", "these", "those", "their", "its"})
_ORDINALS = frozenset({"first", "last", "other", "remaining", "final"})
# Type compounds count a part of one thing ("four-door coupe", "two-stroke engine", "five-link
# suspension"); a larger number before a hyphen is rarely a type ("a 52-count complaint").
_MAX_TYPE_NUMBER = 12
# Words before a number that make it a rank, not a count ("top 10 exporters").
_RANK_WORDS = frozenset({"top", "bottom"})
# Prepositions before a four-digit number that make it a year even before 1900 ("since 1848").
_YEAR_PREPOSITIONS = frozenset({"since", "until", "till", "before", "after", "from", "by", "in"})
# Scale words that may follow a number in one amount ("two million"), not a model after a count.
SCALE_NAMES = frozenset({"hundred", "thousand", "million", "billion", "trillion", "lakh", "crore"})
# Digits from which a number before a singular noun names a model ("the 777 program"); set by
# hand: a count as large takes a plural noun.
_MIN_MODEL_NUMBER = 100
_SPEED_UNITS = frozenset({"mph", "km/h"})
_SPEED_WORDS = frozenset({"mph", "km/h", "kph"})


def is_referring(doc: Doc, ex: Expression) -> bool:
    """ "the two sides", "the two raised $5m", "the first two countries": a count of a set the
    text has already named, not a new amount (docs/gold-format.md)."""
    i = ex.core[0]
    if ex.qualifier is not None or len(ex.core) != 1 or doc[i].lower_ not in _REFERRING_NUMBERS:
        return False
    k = i - 1
    if k >= 0 and doc[k].lower_ in _ORDINALS:
        k -= 1
    after = doc[i + 1] if i + 1 < len(doc) else None
    if after is not None and (after.lower_ == "of" or after.tag_ in ("NN", "JJ", "JJS", "JJR")):
        return False  # "the two of them", "the seven member council", "the two best finishers"
    return k >= 0 and doc[k].lower_ in _REFERRING_DETERMINERS


def is_determiner_one(doc: Doc, ex: Expression) -> bool:
    """ "One Washington-based expert said": "one" picking out a speaker, not counting one."""
    token = doc[ex.core[0]]
    if token.lower_ != "one" or len(ex.core) != 1 or ex.qualifier is not None:
        return False
    noun = token.head
    return noun.dep_ == "nsubj" and noun.head.lemma_.lower() in word_list("name_words.tsv", "speech-verb")


def is_model_number(doc: Doc, ex: Expression) -> bool:
    """A designation, not a count: "Nikkei 225", "Boeing 787 jets", "Area 55" (a bare whole
    number right after a capitalised name), "38 North", "737 Max" (before a singular name it
    modifies), "787-9", "A350-900" (joined by a hyphen to a code or a smaller number)."""
    i = ex.core[0]
    token = doc[i]
    if ex.unit is not None or ex.qualifier is not None or len(ex.core) != 1 or not token.is_digit:
        return False
    before = doc[i - 1] if i > 0 else None
    after = doc[i + 1] if i + 1 < len(doc) else None
    labelled = before is not None and (before.pos_ == "PROPN" or (before.pos_ == "NOUN" and token.head.i == before.i))
    if before is not None and labelled and before.text[:1].isupper() and before.is_alpha:
        return True  # "Boeing 787", "Area 55" (a capitalised noun the number follows and labels)
    if _designates(doc, i):
        return True
    if before is not None and before.like_num and before.lower_ not in SCALE_NAMES:
        return True  # "five 737 jets": the second number names the model
    if after is not None and after.pos_ == "PROPN" and after.tag_ == "NNP" and token.head.i == after.i:
        return after.text[:1].isupper() and not after.text.endswith("s")
    return _hyphen_code(doc, i)


def _designates(doc: Doc, i: int) -> bool:
    """ "the 777 program", "its 737 Max jet": a three-digit or longer whole number before a
    singular noun (with only names between) names a model; a count of 100 or more takes a plural."""
    token = doc[i]
    head = token.head
    if int(token.text) < _MIN_MODEL_NUMBER or head.i <= i or head.tag_ not in ("NN", "NNP"):
        return False
    if i == 0 or (doc[i - 1].pos_ not in ("DET", "ADJ") and doc[i - 1].dep_ != "poss"):
        return False  # "the 777 program", "its popular 737 Max jet"; not "a fleet of 270 aircraft"
    if i + 1 < len(doc) and doc[i + 1].text in ("-", "–"):
        return False  # "a 300-page report", "a 500-seat hall" are measures of one thing
    return all(t.pos_ == "PROPN" for t in doc[i + 1 : head.i])


def _hyphen_code(doc: Doc, i: int) -> bool:
    """ "787-9" (a smaller number after the hyphen) or "A350-900" (a code of letters and digits before it)."""
    if i + 2 < len(doc) and doc[i + 1].text == "-" and not doc[i].whitespace_ and not doc[i + 1].whitespace_:
        nxt = doc[i + 2]
        if nxt.is_digit and int(nxt.text) < int(doc[i].text):
            return True
    if i >= 2 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_:
        code = doc[i - 2].text
        smaller = code.isdigit() and int(code) > int(doc[i].text)
        return smaller or (any(c.isalpha() for c in code) and any(c.isdigit() for c in code))
    return False


def is_type_compound(doc: Doc, ex: Expression) -> bool:
    """ "four-door coupe", "two-stroke engine", "4-door": a small number glued by a hyphen to a
    singular noun that itself modifies the next noun (a measure unit is caught before this)."""
    i = ex.core[-1]
    value = ex.amount.value
    if value is None or value > _MAX_TYPE_NUMBER or i + 3 >= len(doc) or doc[i + 1].text != "-":
        return False
    part = doc[i + 2]
    glued = not doc[i].whitespace_ and not doc[i + 1].whitespace_
    return glued and part.is_alpha and part.tag_ == "NN" and part.head.pos_ == "NOUN" and part.head.i > part.i


def is_rank_or_old_year(doc: Doc, ex: Expression) -> bool:
    """ "top 10 arms exporters" (a rank) and "since 1848" (a year before 1900)."""
    i = ex.core[0]
    before = doc[i - 1].lower_ if i > 0 else ""
    if before in _RANK_WORDS and ex.unit is None:
        return True
    text = doc[i].text
    return before in _YEAR_PREPOSITIONS and len(ex.core) == 1 and bool(re.fullmatch(r"1[0-9]\d\d", text))


def is_benchmark(doc: Doc, ex: Expression) -> bool:
    """ "0-62 mph", "from zero to 60 mph (97 kph)": an acceleration benchmark, not a speed."""
    if ex.unit not in _SPEED_UNITS:
        return False
    if ex.amount.low == 0:
        return True
    before = [t.lower_ for t in doc[max(ex.start - 2, 0) : ex.start]]
    if before == ["zero", "to"] or before == ["0", "to"]:
        return True
    # the conversion in brackets after one: "60 mph (97 kph)"
    k = ex.start - 1
    if k < 4 or doc[k].text != "(" or doc[k - 1].lower_ not in _SPEED_WORDS:
        return False
    return doc[k - 3].lower_ == "to" and doc[k - 4].lower_ in ("zero", "0")


def is_denominator(doc: Doc, ex: Expression) -> bool:
    """ "two of three requirements", "one night out of 17": the M of "N of M" is one claim with
    the N (docs/gold-format.md); "49 out of the 54 seats" names a set and stays a claim."""
    i = ex.core[0]
    if ex.qualifier is not None or i < 2 or doc[i - 1].lower_ not in ("of", "in"):
        return False
    if doc[i - 1].lower_ == "in":  # "one in five adults", "three in 10": a proportion's base
        return doc[i - 2].like_num and (doc[i].is_alpha or doc[i].text in ("10", "100"))
    k = i - 2 if doc[i - 2].lower_ != "out" else i - 3
    if k < 0:
        return False
    if doc[k].pos_ == "NOUN" and k > 0 and doc[i - 2].lower_ == "out":
        k -= 1  # "one night out of 17"
    if not doc[k].like_num:
        return False
    # "eight of 10", "two of three": a proportion; "38 of 45 drones" counts the 45 launched too,
    # and "one of nine nuclear powers" counts the nine.
    if doc[k].lower_ == "one" and doc[i - 2].lower_ != "out":
        return False
    return doc[k].is_alpha or doc[i].text in ("10", "100")


def is_tiebreak(doc: Doc, ex: Expression) -> bool:
    """ "7-6 (5)": a tiebreak score in brackets after a set score."""
    i = ex.core[0]
    if i < 3 or doc[i - 1].text != "(" or i + 1 >= len(doc) or doc[i + 1].text != ")":
        return False
    return len(_hyphenated_run(doc, i - 2)) >= 2
