"""Finding number expressions in a Doc and deciding which of them are claims.

An expression is the qualifier, currency, number words and unit around one amount:
"more than 10,000", "$25 million", "Rs 550 crore", "40-80 million", "nearly 90 percent",
"49 degrees Celsius", "dozens". Not claims (each rule below names its case): dates and
years, times and durations ("two days", "a three-year contract"), ages ("Miller, 44,",
"23-year-old"), ordinals ("12th", "second"), numbers inside names ("Defense Expo 12",
"F-16", "G20"), labels ("Section 144", "Article 32", "Flight 17"), phone numbers, sports
scores and vote tallies ("3-1", "voted 6-1"), and page furniture (a number alone on a line,
like a comment count).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsdesk.extract.claims.non_counts import (
    SCORE_LINE,
    is_address,
    is_benchmark,
    is_denominator,
    is_determiner_one,
    is_model_number,
    is_name_number,
    is_rank_or_old_year,
    is_referring,
    is_score,
    is_tiebreak,
    is_type_compound,
)
from newsdesk.extract.claims.numbers import (
    DIGIT_FRACTION,
    FRACTIONS,
    QUALIFIERS,
    SCALES,
    TIMES_WORDS,
    VAGUE,
    Amount,
    bounds,
    parse_number,
    vague_range,
)
from newsdesk.extract.claims.unit_match import naira_end, scale_suffix, symbol_before, unit_after
from newsdesk.extract.claims.units import (
    CURRENCY_SYMBOLS,
    LABEL_WORDS,
    MONTHS,
    SYMBOLS_LONGEST_FIRST,
)
from newsdesk.extract.claims.word_amounts import (
    NUMBER_WORDS,
    ORDINAL_WORDS,
    fraction_end,
    how_often,
    time_unit_after,
)
from newsdesk.extract.doc_text import doc_text
from newsdesk.vocab.labels import NAME_LABELS

_SYMBOL = "|".join(re.escape(s) for s in SYMBOLS_LONGEST_FIRST if not s.isalpha())
_NUMBER_TOKEN = re.compile(
    rf"^(?P<cur>(?i:{_SYMBOL}|Rs\.?))?(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?P<suffix>k|K|m|mn|bn|b|tn|C|F|%|pc)?$"
)
_PHONE = re.compile(r"(?<![\w.])(?:\+?\d{1,3}[ .-])?(?:\(\d{2,4}\)[ .-]?|\d{2,4}[ .-])\d{3}[ .-]\d{3,4}(?![\w])")
_TIME = re.compile(r"^\d{1,2}:\d{2}$")
_SCALE_WORDS = frozenset(w for w in SCALES if len(w) > 2)
# Further not-a-count rules for bare counts (non_counts.py says why each one).
_NOT_COUNTS = (
    is_referring,
    is_determiner_one,
    is_model_number,
    is_type_compound,
    is_rank_or_old_year,
    is_tiebreak,
    is_denominator,
)
# "20 or 25 kilotons" is one range like "20 to 25" (a comma before "or" makes it a restatement).
_RANGE_WORDS = frozenset({"-", "–", "to", "or"})
_DASH_RANGE = re.compile(r"^(\d[\d,]*(?:\.\d+)?)[–—](\d[\d,]*(?:\.\d+)?)$")
_YEAR = re.compile(r"(19|20)\d\d")
# A number alone in a sentence this short (in word tokens) is page furniture ("0" comments
# under the seed page's teasers); set by hand, no gold claim sits in so short a sentence.
_MIN_SENTENCE_WORDS = 3


@dataclass(slots=True)
class Expression:
    """One amount in the text: token range [start, end), its core number tokens and reading."""

    start: int
    end: int
    core: list[int]
    amount: Amount
    qualifier: str | None
    unit: str | None
    kind: str  # "money" | "percent" | "measure" | "count"
    sentence: tuple[int, int] = (0, 0)  # token range of its sentence


def find_expressions(doc: Doc) -> list[Expression]:
    """Every claim-like number expression of ``doc``, in text order."""
    text = doc_text(doc)
    phones = [m.span() for m in _PHONE.finditer(text)]
    phones += [m.span() for m in SCORE_LINE.finditer(text)]  # "Wild 4, Sabres 1:" lines hold no claims
    # Token.sent re-checks the whole Doc on every call; one pass gives each token its sentence.
    sentence_of: list[tuple[int, int]] = []
    for sent in doc.sents:
        sentence_of.extend([(sent.start, sent.end)] * len(sent))
    out: list[Expression] = []
    i = 0
    while i < len(doc):
        end = _core_end(doc, i)
        if end == i:
            i += 1
            continue
        expression = _build(doc, i, end)
        i = max(end, expression.end if expression else end)
        if expression is None:
            continue
        expression.sentence = sentence_of[expression.core[0]]
        if not _excluded(doc, expression, phones):
            out.append(expression)
    return out


def _is_number_token(token: Token) -> bool:
    text = token.text
    return bool(_NUMBER_TOKEN.match(text) or _DASH_RANGE.match(text) or DIGIT_FRACTION.match(text)) or (
        token.lower_ in NUMBER_WORDS
    )


def _core_end(doc: Doc, i: int) -> int:
    """End of the run of number words starting at ``i`` (== i when there is none)."""
    token = doc[i]
    lower = token.lower_
    fraction = fraction_end(doc, i)
    if fraction > i:
        return fraction
    naira = naira_end(doc, i)
    if naira > i:
        return naira
    if lower in TIMES_WORDS:
        return i + 1 if how_often(doc, i) else i
    if lower in VAGUE or lower in ("tens",):
        return _vague_end(doc, i)
    if lower in ("a", "several", "few") and i + 1 < len(doc) and doc[i + 1].lower_ in (*_SCALE_WORDS, "dozen"):
        return i + 2
    if not _is_number_token(token):
        return i
    j = i + 1
    plural_next = j + 1 < len(doc) and doc[j + 1].tag_ == "NNS"
    if j < len(doc) and scale_suffix(doc, j) and ((i > 0 and symbol_before(doc, i) is not None) or plural_next):
        j += 1  # "EUR 5m", "1.5m members": millions, not metres ("a 5m wall")
    while j < len(doc) and (doc[j].lower_ in _SCALE_WORDS or doc[j].lower_ in ("k", "bn", "mn")):
        j += 1
    if j < len(doc) and DIGIT_FRACTION.match(doc[j].text) and doc[j - 1].is_digit:
        j += 1  # "99 1/2"
    elif j + 1 < len(doc) and doc[j].text == "-" and DIGIT_FRACTION.match(doc[j + 1].text) and not doc[j].whitespace_:
        j += 2  # "100-3/32"
    while j < len(doc) and doc[j].lower_ in NUMBER_WORDS and doc[j - 1].lower_ in NUMBER_WORDS:
        j += 1
        while j < len(doc) and doc[j].lower_ in _SCALE_WORDS:
            j += 1
    return j


def _vague_end(doc: Doc, i: int) -> int:
    """ "dozens", "hundreds of thousands", "tens of thousands": the vague words, without a trailing "of"."""
    if i + 2 < len(doc) and doc[i + 1].lower_ == "of" and doc[i + 2].lower_ in ("thousands", "millions"):
        return i + 3
    if doc[i].lower_ == "tens":
        return i
    if doc[i].lower_ == "scores" and (i + 1 >= len(doc) or doc[i + 1].lower_ != "of"):
        return i  # "scores" counts only as "scores of"; else it is a sports word
    return i + 1


def _build(doc: Doc, start: int, end: int) -> Expression | None:
    words = [t.text for t in doc[start:end]]
    vague = vague_range(words)
    core = list(range(start, end))
    unit_match = unit_after(doc, end)
    if doc[end - 1].lower_ in FRACTIONS and end + 2 < len(doc):
        skip = (
            2 if doc[end].lower_ == "of" and doc[end + 1].lower_ in ("a", "an") else int(doc[end].lower_ in ("a", "an"))
        )
        after_article = unit_after(doc, end + skip)  # "half a percentage point", "a tenth of a point"
        unit_match = after_article if skip and after_article.unit is not None else unit_match
    currency, unit, kind = unit_match.currency, unit_match.unit, unit_match.kind
    words = [w.rstrip(".") if k else w for k, w in enumerate(words)]  # "5m." at a sentence's end
    glued = _NUMBER_TOKEN.match(doc[start].text)
    if naira_end(doc, start) > start:
        currency, words[0] = "NGN", words[0][1:]
    if glued and glued.group("cur"):
        currency = CURRENCY_SYMBOLS[glued.group("cur").lower()]
        words[0] = doc[start].text[len(glued.group("cur")) :]
    if glued and glued.group("suffix") in ("C", "F", "%", "pc"):
        suffix = glued.group("suffix")
        unit, kind = ("%", "percent") if suffix in ("%", "pc") else ("°" + suffix, "measure")  # "12pc"
        words[0] = glued.group("num")
    first = start
    if currency is None and start > 0:
        symbol = symbol_before(doc, start)
        if symbol is not None:
            currency, first = symbol
    if currency is not None:
        unit, kind = currency, "money"
    amount = _amount(doc, words, vague, end)
    if amount is None:
        return None
    last = unit_match.end
    if amount.low is not None and amount.value is None and not vague:
        range_end = _range_end(doc, end)
        last = max(last, range_end)
        range_unit = unit_after(doc, range_end)  # "40-80 million": the unit after the second number
        if unit is None and range_unit.unit is not None:
            unit, kind, last = range_unit.unit, range_unit.kind, range_unit.end
    qualifier, first = _qualifier(doc, first)
    if qualifier and amount.value is not None:
        amount.low, amount.high = bounds(qualifier, amount.value)
    return Expression(first, max(last, end), core, amount, qualifier, unit, kind)


def _amount(doc: Doc, words: list[str], vague: tuple[float, float] | None, end: int) -> Amount | None:
    if vague is not None:
        return Amount(None, vague[0], vague[1], vague=True)
    dashed = _DASH_RANGE.match(words[0])
    if dashed:  # "350–375 million" is one token
        low, high = (parse_number([dashed.group(k), *words[1:]]) for k in (1, 2))
        years = all(_YEAR.fullmatch(dashed.group(k)) for k in (1, 2)) and len(words) == 1
        return Amount(None, low, high) if low is not None and high is not None and low < high and not years else None
    value = parse_number(words)
    if value is None:
        return None
    second = _range_second(doc, end)
    if second is None:
        return Amount(value)
    high, scale = second
    if value * scale < high:  # "40-80 million": the scale word after the second number scales both
        value *= scale
    return Amount(None, value, high) if value < high else Amount(value)


def _range_second(doc: Doc, end: int) -> tuple[float, float] | None:
    """ "40-80 million", "five to eight dollars", "between 150 and 200": the upper number and its scale."""
    if end + 1 >= len(doc):
        return None
    joiner = doc[end].lower_
    starts_between = any(t.lower_ == "between" for t in doc[max(0, end - 4) : end])
    if joiner not in _RANGE_WORDS and not (joiner == "and" and starts_between):
        return None
    if joiner == "to" and any(t.lower_ in ("by", "from") for t in doc[max(0, end - 3) : end]):
        return None  # "down by 30 to 126", "from 16 to 80": a change, two amounts
    if DIGIT_FRACTION.match(doc[end - 1].text):
        return None  # "rose 3/32 to 99 1/2": a price tick, then the price
    first = _second_start(doc, end)
    stop = _core_end(doc, first)
    if stop == first or doc[first].lower_ in VAGUE:
        return None
    high = parse_number([t.text for t in doc[first:stop]])
    if high is None:
        return None
    scales = [SCALES[t.lower_] for t in doc[first:stop] if t.lower_ in _SCALE_WORDS]
    return high, float(scales[-1]) if scales else 1.0


def _second_start(doc: Doc, end: int) -> int:
    """Where a range's second number starts after its joiner (token ``end``), over a bound
    and a currency repeated before it ("$500,000 to more than $1 million")."""
    first = end + 1
    for qualifier in ("more than", "over", "about", "around", "nearly", "almost"):
        words = qualifier.split()
        if [t.lower_ for t in doc[first : first + len(words)]] == words:
            first += len(words)
            break
    if first < len(doc) and doc[first].text in ("$", "€", "£"):
        first += 1
    return first if first < len(doc) else end + 1


def _range_end(doc: Doc, end: int) -> int:
    first = _second_start(doc, end) if end + 1 < len(doc) else end + 1
    stop = _core_end(doc, first) if first < len(doc) else end
    return stop if stop > first else end


def _qualifier(doc: Doc, first: int) -> tuple[str | None, int]:
    """The qualifier words right before the expression ("more than", "up to")."""
    for qualifier in QUALIFIERS:
        n = qualifier.count(" ") + 1
        if first - n >= 0 and " ".join(t.lower_ for t in doc[first - n : first]) == qualifier:
            if qualifier == "some" and first - n > 0 and doc[first - n - 1].lower_ in ("for", "in"):
                continue
            return doc[first - n : first].text, first - n
    if first > 0 and doc[first - 1].lower_ == "between":
        return doc[first - 1].text, first - 1
    return None, first


def _excluded(doc: Doc, ex: Expression, phones: list[tuple[int, int]]) -> bool:
    """The not-a-claim rules; see the module docstring."""
    first, last = doc[ex.core[0]], doc[ex.core[-1]]
    start_char, end_char = first.idx, last.idx + len(last)
    if any(s <= start_char and end_char <= e for s, e in phones):
        return True  # phone number or results line
    if _TIME.match(first.text) or first.lower_ in ORDINAL_WORDS:
        return True
    after = doc[ex.end] if ex.end < len(doc) else None
    if ex.kind == "count":
        if time_unit_after(doc, ex.end):
            return True  # duration, time of day, "23-year-old", "five-and-a-half years"
        if _is_year(doc, ex) or _next_to_month(doc, ex):
            return True
        if ex.start > 0 and doc[ex.start - 1].lower_ in LABEL_WORDS and ex.qualifier is None:
            return True  # "Section 144"
        if _is_age(doc, ex) or is_score(doc, ex) or is_address(doc, ex) or is_name_number(doc, ex):
            return True
        if any(rule(doc, ex) for rule in _NOT_COUNTS):
            return True
        # "one in five adults": a proportion, kept like "eight of 10"
        proportion = after is not None and after.lower_ == "in" and ex.end + 1 < len(doc) and doc[ex.end + 1].like_num
        if (
            first.lower_ == "one"
            and last.lower_ not in FRACTIONS
            and not proportion
            and (after is None or after.pos_ not in ("NOUN", "PROPN") or after.lower_ == "of")
        ):
            return True  # "one" as a pronoun
    if first.ent_type_ in NAME_LABELS and ex.kind == "count" and _entity_has_words(doc, ex.core[0]):
        return True  # inside a name: "12th Defense Expo", "Group of 20"
    fraction = last.lower_ in FRACTIONS
    if (
        first.ent_type_ in ("DATE", "TIME")
        and ex.kind == "count"
        and not fraction
        and _entity_has_words(doc, ex.core[0])
    ):
        return True
    if is_benchmark(doc, ex):
        return True  # "0-62 mph"
    sentence_words = sum(1 for t in doc[ex.sentence[0] : ex.sentence[1]] if t.is_alpha)
    return sentence_words < _MIN_SENTENCE_WORDS


def _is_year(doc: Doc, ex: Expression) -> bool:
    """ "since 2014", "(1979-1988)": a bare four-digit number from 1900 to 2100 (no comma)."""
    return ex.unit is None and len(ex.core) == 1 and bool(re.fullmatch(r"(19|20)\d\d|2100", doc[ex.core[0]].text))


def _next_to_month(doc: Doc, ex: Expression) -> bool:
    before = doc[ex.core[0] - 1].lower_.rstrip(".") if ex.core[0] > 0 else ""
    after = doc[ex.core[-1] + 1].lower_.rstrip(".") if ex.core[-1] + 1 < len(doc) else ""
    return before in MONTHS or after in MONTHS


def _is_age(doc: Doc, ex: Expression) -> bool:
    """ "Nazari, 61, has served…", "aged 44": an age, not a count."""
    value = ex.amount.value
    if value is None or not value.is_integer() or not 0 < value < 120 or len(ex.core) != 1:
        return False
    i = ex.core[0]
    prev = doc[i - 1] if i > 0 else None
    if prev is not None and prev.lower_ in ("aged", "age", "ages"):
        return True
    before = doc[i - 2] if i > 1 else None
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    return (
        prev is not None and prev.text == "," and before is not None and before.pos_ == "PROPN"
        and nxt is not None and nxt.text in (",", ")")
    )  # fmt: skip


def _entity_has_words(doc: Doc, i: int) -> bool:
    """Does the entity around token ``i`` have words besides numbers? A DATE with words ("two
    days", "September 21") is a date and a PRODUCT with words is a name, but a bare number the
    small model called a DATE ("sent 80.") or a PRODUCT ("500k") is still a number. Walks the
    IOB tags rather than ``doc.ents``, which builds every entity span on each access."""
    start = i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return any(t.is_alpha and t.lower_ not in NUMBER_WORDS and t.lower_ not in SCALES for t in doc[start:end])
