"""The publication date of a scraped page, from its date or credit lines, as ``YYYY-MM-DD``.

HTML mode takes ``published`` from htmldate, which reads the page's markup; scraped text has
only what the page showed, so the date is read from the date-like lines just above the body
(the timestamp under a headline, a "Name - Nov 19, 2019" credit). Written here rather than
with a general date parser because the cases that matter are few and a general parser also
reads "2 hours ago" or "November 19" (no year) as a date, which for an archive is a wrong date,
not a missing one.

Recognised: "November 19, 2019", "Nov. 19th 2019", "19 November 2019", "30. Juli 2018",
"19 de noviembre de 2019", "2019-11-19", "2019-11-18T20:51:19Z", "11/19/2019" and "11/19/19"
(month first, as US pages write it, unless the first number cannot be a month), "19.11.2019"
(day first). Month names in English and in the other languages of the stop-word lists.
"""

from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

from newsdesk.clean.text.lines import Line

_MONTH_NAMES = {
    1: "january januar janvier enero janeiro gennaio januari январь января",
    2: "february februar février fevrier febrero fevereiro febbraio februari февраль февраля",
    3: "march märz maerz mars marzo março marco maart maret март марта",
    4: "april avril abril aprile апрель апреля",
    5: "may mai mayo maio maggio mei май мая",
    6: "june juni juin junio junho giugno июнь июня",
    7: "july juli juillet julio julho luglio июль июля",
    8: "august août aout agosto augustus agustus август августа",
    9: "september septembre septiembre setembro settembre сентябрь сентября",
    10: "october oktober octobre octubre outubro ottobre oktober октябрь октября",
    11: "november novembre noviembre novembro ноябрь ноября",
    12: "december dezember décembre decembre diciembre dezembro dicembre desember декабрь декабря",
}
_FULL = {name: number for number, names in _MONTH_NAMES.items() for name in names.split()}


def month_number(word: str) -> int | None:
    """The month a name or an abbreviation of three or more letters stands for ("Nov.", "Sept",
    "Juli", "déc"), or ``None`` when it names no month or could name two."""
    word = word.lower().rstrip(".")
    if word in _FULL:
        return _FULL[word]
    if len(word) < 3:
        return None
    found = {number for name, number in _FULL.items() if name.startswith(word)}
    return found.pop() if len(found) == 1 else None


_WORD = r"(?P<m>[^\W\d_]{3,10})\.?"
_DAY = r"(?P<d>\d{1,2})(?:st|nd|rd|th|er|\.)?"
_YEAR = r"(?P<y>(?:19|20)\d\d)(?!\d)"
_NAMED = (
    re.compile(rf"\b{_WORD},?\s+{_DAY},?\s+(?:de\s+)?{_YEAR}"),
    re.compile(rf"\b{_DAY}\s+(?:de\s+)?{_WORD},?\s+(?:de\s+)?{_YEAR}"),
)
_ISO = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)([-/.])(?P<m>\d{1,2})\2(?P<d>\d{1,2})(?!\d)")
_NUMERIC = re.compile(r"(?<![\d.])(?P<a>\d{1,2})([/.-])(?P<b>\d{1,2})\2(?P<y>(?:19|20)?\d\d)(?![\d])")
# A label that makes the date after it a revision date, not the publication date.
_UPDATED = re.compile(
    r"\b(?:updated?|modified|edited|revised|aktualisiert|actualizado|atualizado|mis à jour|aggiornato|"
    r"bijgewerkt|обновлено|изменено)\b",
    re.IGNORECASE,
)
# Lines above the body searched for the publication date: the byline search's reach
# (:func:`~newsdesk.clean.text.find_byline`).
DATE_WINDOW = 12


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


class Found(NamedTuple):
    """A full date written in a line: where, and the day it names ("YYYY-MM-DD")."""

    start: int
    end: int
    day: str


def _found(text: str) -> list[Found]:
    """Every full date in ``text``, in order of position."""
    out: list[Found] = []
    for pattern in _NAMED:
        for m in pattern.finditer(text):
            month = month_number(m.group("m"))
            day = _valid(int(m.group("y")), month, int(m.group("d"))) if month else None
            if day:
                out.append(Found(m.start(), m.end(), day))
    for m in _ISO.finditer(text):
        if day := _valid(int(m.group("y")), int(m.group("m")), int(m.group("d"))):
            out.append(Found(m.start(), m.end(), day))
    for m in _NUMERIC.finditer(text):
        a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("y"))
        # A two-digit year: 70–99 are the 1900s, the rest this century (news archives start later).
        year = y if y >= 100 else y + 1900 if y >= 70 else y + 2000
        # Dotted dates are written day first; slashed and dashed ones month first (US) unless the
        # first number is no month.
        month, dom = (b, a) if m.group(2) == "." or a > 12 else (a, b)
        if day := _valid(year, month, dom):
            out.append(Found(m.start(), m.end(), day))
    out.sort()
    # A date found by two patterns (or inside a longer one) counts once.
    kept: list[Found] = []
    for item in out:
        if not kept or item.start >= kept[-1].end:
            kept.append(item)
    return kept


def parse_dates(text: str) -> list[tuple[str, bool]]:
    """The full dates in a line, each with whether a label ("Updated") marks it a revision date.

    "November 19, 2019 | 4:20am | Updated November 20, 2019" → ``[("2019-11-19", False),
    ("2019-11-20", True)]``. A date without a year or a relative time ("2 hours ago") is none.
    """
    out: list[tuple[str, bool]] = []
    last = 0
    for start, end, day in _found(text):
        out.append((day, bool(_UPDATED.search(text[last:start]))))
        last = end
    return out


def published_date(lines: list[Line], start: int, window: int = DATE_WINDOW) -> str | None:
    """The publication date from the date and credit lines at most ``window`` lines above line
    ``start`` (the first body line), nearest first.

    A page shows "Posted" and "Updated" dates side by side, in either order: the nearest
    published date wins, and a revision date only when no published date sits within the two
    lines above it. The window is the one :func:`~newsdesk.clean.text.find_byline` searches.
    """
    revised: str | None = None
    since_revised = 0
    for line in reversed(lines[max(0, start - window) : start]):
        if revised is not None:
            since_revised += 1
            if since_revised > 2:
                return revised
        if line.furniture not in ("date", "byline"):
            continue
        dates = parse_dates(line.text)
        first = next((day for day, updated in dates if not updated), None)
        if first is not None:
            return first
        if dates and revised is None:
            revised = dates[0][0]
    return revised
