"""Bylines: a standalone credit line above the body, or a desk/byline prefix on the first paragraph.

Prefixes recognised at the start of the first paragraph (and only there, and only up to a
separator, so the paragraph text itself is never touched otherwise):

- a desk or staff credit: "Monitoring Desk:", "Staff Reporter:", "Web Desk —", "News Desk |";
- a correspondent credit: "From our correspondent in Kabul:", "Our Correspondent:";
- a "by" credit: "By Jane Doe:", "By Jane Doe and John Roe —";
- a name and an outlet: "Jane Doe | Reuters:".

A dateline ("MADRID —", "LONDON (Reuters) -") is part of the article and stays.
"""

from __future__ import annotations

import re

from newsdesk.clean.text import lexicon

_NAME = r"(?:[A-Z][\w'’.-]*\.?|de|da|van|von|der|bin|al|el|la|le|du)"
_PERSON = rf"[A-Z][\w'’.-]*\.?(?:\s+{_NAME}){{1,4}}"
_PEOPLE = rf"{_PERSON}(?:\s*(?:,|&|\band\b)\s*{_PERSON})*"
_SEP = r"\s*(?::|\||—|–|-{1,2})\s*"

_DESK_WORDS = (
    r"desk|reporter|reporters|correspondent|correspondents|bureau|staff|team|report|news service|"
    r"newswire|wire|agencies|agency|monitoring|editor|editors|editorial board|writer|writers|"
    r"news network|online|web team"
)
DESK_PREFIX = re.compile(
    rf"^(?P<credit>(?:[A-Z][\w'’.&-]*\s+){{0,3}}(?=[A-Z])(?i:{_DESK_WORDS}))"
    r"(?::\s*|\s+[|—–]\s+|\s+-{1,2}\s+)(?=\S)"
)
CORRESPONDENT_PREFIX = re.compile(
    r"^(?P<credit>from (?:our|a) (?:own |special |staff )?(?:correspondent|reporter|staff)s?"
    r"(?: in [A-Z][\w'’ -]{1,40}?)?)" + _SEP + r"(?=\S)",
    re.IGNORECASE,
)
BY_PREFIX = re.compile(rf"^(?:by|BY|By)\s+(?P<credit>{_PEOPLE}(?:\s*[|,]\s*[A-Z][\w&.'’ -]{{1,30}}?)?){_SEP}(?=\S)")
NAME_OUTLET_PREFIX = re.compile(
    rf"^(?P<credit>{_PERSON}\s*\|\s*[A-Z][\w&.'’ -]{{1,30}}?)\s*(?::|—|–|-{{1,2}})\s*(?=\S)"
)

_STANDALONE_BY = re.compile(
    r"^(?:(?:written|posted|published|reviewed|medically reviewed|reported|story|words|text|reporting)\s+)?"
    r"(?:by|von|par|por|door)\s*:?\s+",
    re.IGNORECASE,
)
_TRAILING = re.compile(
    r"\s*(?:(?:\bon\b|\bat\b|\bpublished\b|\bupdated\b|\bposted\b|[-–—|•]).*?\d.*|\s-\s*$|[,|•-]\s*$|@\w+.*|\S+@\S+.*)$",
    re.IGNORECASE,
)
_NOT_PERSON = re.compile(
    rf"\b(?:{_DESK_WORDS}|press|news|associated|reuters|afp|ap|bloomberg|times|post|herald|media|"
    r"agency|service|online|digital|magazine|journal|tribune|daily|weekly|network|group|inc|ltd|llc|"
    r"admin|administrator|reports)\b",
    re.IGNORECASE,
)
# News agencies known by their initials, matched as written so that "Efe" or "Ani" stays a name.
_AGENCY = re.compile(r"\b(?:PTI|ANI|IANS|UPI|dpa|DPA|EFE|ANSA|AAP|APA|TASS|ANTARA|Xinhua|Kyodo|Yonhap|Bernama)\b")
_PERSON_ONLY = re.compile(rf"^{_PERSON}$")
# An ISO timestamp ("2019-11-18T20:51:19Z"): everything from it on is date, not credit.
_ISO_STAMP = re.compile(r"(?<!\d)(?:19|20)\d\d-\d\d-\d\d(?:T[\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?")
_SEGMENT_SEP = re.compile(r"\s*(?:[|•/,–—]|(?<!\w)-{1,2}(?!\w))\s*")
_BY_WORD = re.compile(r"(?:^|\s)(?i:by|von|par|por|door)\s*:?\s+(?P<rest>\S.*)$")
# A time zone left after the date it follows: "ET", "PT", "CEST", "MSK", "WIB".
_TIME_ZONE = re.compile(r"^(?:[A-Z]{1,3}T|MSK|WIB|WITA|WIT|JST|KST|HKT|SGT|IST|UTC|GMT)$")
_CREDIT_WORD = re.compile(r"^(?:[A-ZÀ-ÖØ-Þ][\w.'’-]*|de|da|van|von|der|bin|al|el|la|le|du|and|&)$")


def split_prefix(paragraph: str) -> tuple[str, str] | None:
    """``(credit, rest)`` when ``paragraph`` opens with a byline or desk credit, else ``None``."""
    for pattern in (CORRESPONDENT_PREFIX, DESK_PREFIX, BY_PREFIX, NAME_OUTLET_PREFIX):
        m = pattern.match(paragraph)
        if m is None:
            continue
        credit = m.group("credit").strip()
        rest = paragraph[m.end() :]
        if len(credit.split()) > 8 or len(rest.split()) < 3 or not re.match(r"[\"“‘'(\[\w]", rest):
            continue
        if rest[0].isalpha() and not rest[0].isupper():
            continue
        return credit, rest
    return None


def standalone_credit(text: str) -> str:
    """The credit of a standalone byline line: "By Jane Doe on May 3, 2019" → "Jane Doe"."""
    credit = _STANDALONE_BY.sub("", text, count=1).strip()
    credit = _ISO_STAMP.split(credit, maxsplit=1)[0]
    credit = _TRAILING.sub("", credit).strip(" ,|-–—•")
    return credit or text.strip()


def meta_credit(text: str) -> str | None:
    """The credit in a line that also carries a date: "Jane Doe - Nov 19, 2019, 10:31 pm CST" →
    "Jane Doe", "5:45 AM PST 11/19/2019 by Jane Doe" → "Jane Doe", or ``None``.

    The dates become separators; of the pieces left, a "by" phrase wins, else the first piece
    of one to four capitalised words that is not a date label ("Updated", "CST") or a section or
    menu label ("Politics"). A date line credits whoever it names, so a news agency stays too.
    """
    text = _ISO_STAMP.sub(" | ", lexicon.FULL_DATE.sub(" | ", text))
    pieces = [piece.strip() for piece in _SEGMENT_SEP.split(text) if piece.strip()]
    for piece in pieces:
        m = _BY_WORD.search(piece)
        if m is not None and (credit := _leading_name(m.group("rest"))):
            return credit
    for piece in pieces:
        dateless = re.sub(r"[\d\W_]+", " ", lexicon.DATE_WORDS.sub(" ", piece)).strip()
        if not dateless or _TIME_ZONE.match(piece) or lexicon.WIDGET.match(piece) or lexicon.TEASER_HEADER.match(piece):
            continue
        words = piece.split()
        if len(words) <= 4 and all(_CREDIT_WORD.match(word) for word in words) and words[0][0].isupper():
            return piece
    return None


def _leading_name(text: str) -> str | None:
    """The one to four capitalised words ``text`` opens with ("Jane Doe publiziert am" → "Jane Doe")."""
    words: list[str] = []
    for word in text.split():
        if not _CREDIT_WORD.match(word) or len(words) == 6:
            break
        words.append(word)
    while words and not words[-1][0].isupper():
        words.pop()
    capitalised = sum(1 for word in words if word[0].isupper())
    return " ".join(words) if 1 <= capitalised <= 4 else None


def is_person(name: str) -> bool:
    """Whether a credited name may be a person: not a desk, an agency, a publication or a role
    ("Staff Reports", "Associated Press", "PTI", "AP National Security Writer")."""
    return not _NOT_PERSON.search(name) and not _AGENCY.search(name)


def authors_of(credit: str) -> list[str]:
    """The person names in a credit: "Jane Doe and John Roe, Reuters" → ["Jane Doe", "John Roe"]."""
    credit = re.sub(r"\s*\|.*$", "", credit)
    names: list[str] = []
    for part in re.split(r"\s*(?:,|&|\band\b|\bund\b|\bet\b|\by\b|;)\s*", credit):
        part = part.strip()
        if not part or not is_person(part) or not _PERSON_ONLY.match(part):
            continue
        if part.isupper():
            part = part.title()
        names.append(part)
    return names
