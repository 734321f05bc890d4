"""One scraped line and what it looks like on its own: length, punctuation, stop words, furniture.

The context-free half of the classifier. :func:`furniture` names the kind of page furniture a
line unmistakably is ("advertisement", "share widget", …) or returns ``None``; :func:`quality`
rates how much a line looks like article prose, from ``GOOD`` (a sentence of normal length)
down to ``SHORT`` (a menu entry, a label, a number). The body finder (:mod:`.body`) decides
the undecided lines from their neighbours.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import IntEnum
from itertools import pairwise

from newsdesk.clean.text import lexicon
from newsdesk.clean.words import UNSPACED

WORD = re.compile(r"\w+")
_ALPHA_WORD = re.compile(r"[^\W\d_]+")
# Sentence-final punctuation, possibly followed by closing quotes or brackets.
_SENTENCE_END = re.compile(r"[.!?…:;。！？：；][\"'”’»)\]」』）]*\s*$")
_NUMBER_ONLY = re.compile(r"^[\s\W]*\d[\d,.\s]*[kKmM]?[\s\W]*$")
_COUNT = re.compile(
    r"^\d[\d,.]*\s*[kKmM]?\s*(?:comments?|replies|reply|shares?|likes?|views?|reads?|reactions?|votes?|"
    r"responses?|notes?|retweets?|photos?|images?|videos?|min(?:ute)?s? read|min)?\.?$",
    re.IGNORECASE,
)
_IMAGE_COUNTER = re.compile(r"^(?:image|photo|slide|picture)?\s*\d+\s*(?:of|/)\s*\d*\s*/?\s*\d*$", re.IGNORECASE)
_URL = re.compile(r"^(?:https?://|www\.)\S+$|^\S+\.(?:com|org|net|co\.uk|html?|php)\S*$|%2F|^#\w+(?:\s+#\w+)*$")
_HANDLE = re.compile(r"^@\w+$|^\S+@\S+\.\w+$")
_NAV_START = re.compile(r"^(?:you are here\b|skip to\b|jump to\b|home\s*[»›>/|])", re.IGNORECASE)
_BREADCRUMB = re.compile(r"^(?:[\w'&.-]+(?: [\w'&.-]+){0,3}\s*[»›>/|•]\s*){1,}[\w'&.-]+(?: [\w'&.-]+){0,3}[\s»›>/|•]*$")
_TRUNCATED = re.compile(r"(?:\.\.\.|…|\[…\]|\[\.\.\.\])\s*$")


class Quality(IntEnum):
    """How much a line looks like article prose, on its own."""

    SHORT = 0
    """A label, menu entry, number, headline-sized fragment."""
    NEAR = 1
    """Medium length or not quite sentence-like: prose in good company, a teaser in bad."""
    GOOD = 2
    """A sentence or paragraph of normal length with the stop words of running text."""


@dataclass(slots=True)
class Line:
    """A non-empty line of the page with its context-free features."""

    index: int
    text: str
    words: float
    """Length in words; in scripts written without spaces, two characters make a word."""
    stop_ratio: float
    """Share of the words that are function words of a known language."""
    title_ratio: float
    """Share of the content words that are capitalised."""
    ends_sentence: bool
    furniture: str | None
    """The kind of page furniture the line is ("advertisement", "byline", …), if any."""
    quality: Quality
    notes: list[str] = field(default_factory=list)
    """Context marks set by later passes: "wrapped", "in teaser zone", "in comment section"."""


def make_line(index: int, text: str) -> Line:
    """Measure one line (already stripped, non-empty)."""
    cjk = len(UNSPACED.findall(text))  # scripts without spaces: two characters make a word
    words = text.split() if cjk < 4 else [w for w in text.split() if not UNSPACED.search(w)]
    size = len(words) + cjk / 2
    alpha = _ALPHA_WORD.findall(text)
    stops = sum(1 for w in alpha if w.lower() in lexicon.STOPWORDS)
    # Capitalised share of the content words: high for headlines and menus, low for prose.
    content = [w for w in alpha if w.lower() not in lexicon.STOPWORDS] or alpha
    return Line(
        index=index,
        text=text,
        words=size,
        stop_ratio=stops / len(alpha) if alpha else 0.0,
        title_ratio=sum(1 for w in content if w[0].isupper()) / len(content) if content else 0.0,
        ends_sentence=bool(_SENTENCE_END.search(text)) and not _TRUNCATED.search(text),
        furniture=furniture(text, size),
        quality=Quality.SHORT,
    )


def rate_page(lines: list[Line]) -> None:
    """Set every line's :class:`Quality`; the stop-word test is dropped on pages in a language
    the stop-word lists do not cover (few long lines reach the usual density)."""
    long = [line for line in lines if line.words >= 10 and line.furniture is None]
    known = sum(1 for line in long if line.stop_ratio >= 0.15)
    floor = 0.15 if known >= max(1, 0.25 * len(long)) else 0.0
    for line in lines:
        line.quality = quality(line, floor)
    # Hard-wrapped prose: a long line whose sentence goes on at the start of the next line.
    for line, nxt in pairwise(lines):
        if (
            line.furniture is None
            and nxt.furniture is None
            and line.words >= 8
            and not line.ends_sentence
            and line.stop_ratio >= floor
            and nxt.text[0].islower()
        ):
            line.quality = Quality.GOOD
            line.notes.append("wrapped")


def quality(line: Line, stop_floor: float = 0.15) -> Quality:
    """Rate a line on its own (furniture is rated SHORT)."""
    if line.furniture is not None:
        return Quality.SHORT
    n = line.words
    if n >= 10 and (line.ends_sentence or n >= 25) and line.stop_ratio >= stop_floor:
        return Quality.GOOD
    if n >= 5 and line.stop_ratio >= stop_floor * 2 / 3:
        return Quality.NEAR
    if (
        n >= 3
        and line.ends_sentence
        and line.text[-1] != ":"
        and line.stop_ratio >= stop_floor
        and line.text[0].isupper()
    ):
        return Quality.NEAR
    return Quality.SHORT


_NAME_WORD = re.compile(r"^(?:[A-ZÀ-ÖØ-Þ][\w.'’-]*|[a-z]{1,3}|&|and|und|et|y|e|,|;|\||-|–|—|@\w+)$")


def is_byline_line(text: str) -> bool:
    """A standalone byline or credit: a "by" phrase or ``Name | Outlet`` made of name-like words."""
    m = lexicon.BYLINE_LINE.match(text)
    if not m:
        return False
    if _SENTENCE_END.search(text) and not text.rstrip().endswith((".", ":")):
        return False
    rest = re.split(r"\s(?:on|am|at|le|el|il|-|–|—|\|)\s|\d", text[m.end() - 1 :], maxsplit=1)[0]
    words = rest.replace(",", " , ").split()
    if not words or len(words) > 10:
        return False
    if len(words) == 1:
        return True
    return sum(1 for w in words if _NAME_WORD.match(w)) >= 0.8 * len(words)


def is_meta_line(text: str) -> bool:
    """A dateline with a credit or label around it: "Chris Roe - Nov 19, 2019, 10:31 pm CST",
    "Updated on: November 19, 2019 / 10:07 AM / CBS News" (not a sentence that names a date)."""
    if not lexicon.FULL_DATE.search(text) or "(@" in text:
        return False
    stripped = text.rstrip()
    # A final period is fine after "a.m." or an abbreviation ("Nov."), not after a sentence.
    return not _SENTENCE_END.search(stripped) or bool(re.search(r"(?:[ap]\.m\.|\b[A-Z][a-z]{0,3}\.|:)$", stripped))


def is_social_line(text: str, least: int = 2) -> bool:
    """A line made only of share/follow button labels (``least`` or more of them)."""
    words = [w.lower() for w in WORD.findall(text)]
    return len(words) >= least and all(w in lexicon.SOCIAL_WORDS for w in words)


def is_date_line(text: str) -> bool:
    """A dateline or timestamp: nothing left once date words, numbers and punctuation are gone."""
    if lexicon.RELATIVE_TIME.match(text):
        return True
    if not any(ch.isdigit() for ch in text) and "ago" not in text.lower():
        return False
    rest = lexicon.DATE_WORDS.sub(" ", text)
    rest = re.sub(r"[\d\W_]+", " ", rest).strip()
    return not rest


# A diagnostic the site's server printed into the page (PHP's "Warning: … in /path/file.php on line
# 12"): the runtime's own format, the same on every site and in every language of the page.
_SERVER_MESSAGE = re.compile(
    r"(?:PHP )?(?:Warning|Notice|Deprecated|Strict Standards|(?:Catchable )?Fatal error|Parse error): "
    r".{0,500}? in /\S+ on line \d+"
)


def is_server_message(text: str) -> bool:
    """Whether a line is a server's error or warning message, not the article's words."""
    return _SERVER_MESSAGE.match(text) is not None


# The furniture rules, in order: (most words the line may have, test, kind). The first rule whose
# test holds on a line that short names it; the word limits keep a sentence that merely mentions
# "comments" or a date from being taken for furniture.
_FURNITURE_RULES: tuple[tuple[float, Callable[[str], object], str], ...] = (
    (math.inf, is_server_message, "server message"),
    (math.inf, _COUNT.match, "comment count"),
    (math.inf, _NUMBER_ONLY.match, "comment count"),
    (math.inf, _IMAGE_COUNTER.match, "caption"),
    (3, _URL.search, "navigation"),
    (math.inf, _HANDLE.match, "navigation"),
    (12, lexicon.ADVERTISEMENT.match, "advertisement"),
    (8, lexicon.TEASER_HEADER.match, "teaser block"),
    (25, lexicon.TEASER_PREFIX.match, "teaser block"),
    (6, lambda text: lexicon.WIDGET.match(text) and is_social_line(text, least=1), "share widget"),
    (6, lexicon.WIDGET.match, "navigation"),
    (4, lexicon.FOREIGN_WIDGET.match, "navigation"),
    (30, lexicon.COMMENT_HEADER.match, "comment notice"),
    (14, lexicon.COMMENT_AUTHOR.match, "comment"),
    (14, is_byline_line, "byline"),
    (8, lexicon.AUTHOR_BOX.match, "author bio"),
    (60, lexicon.COOKIE.search, "cookie notice"),
    (40, lexicon.COPYRIGHT.search, "copyright footer"),
    (40, lexicon.SUBSCRIPTION.search, "subscription prompt"),
    (60, lexicon.SITE_NOTICE.search, "site notice"),
    (60, lexicon.COMMENT_RULES.search, "comment notice"),
    (40, lexicon.CAPTION_CREDIT.search, "caption"),
    (math.inf, lexicon.CREDIT_TAIL.search, "caption"),
    (12, _BREADCRUMB.match, "navigation"),
    (12, _NAV_START.match, "navigation"),
    (15, lexicon.ACCESSIBILITY.search, "navigation"),
    (14, is_date_line, "date"),
    (16, is_meta_line, "date"),
    (12, is_social_line, "share widget"),
)


def furniture(text: str, words: float) -> str | None:
    """The kind of page furniture ``text`` unmistakably is, or ``None``."""
    return next((kind for most, test, kind in _FURNITURE_RULES if words <= most and test(text)), None)
