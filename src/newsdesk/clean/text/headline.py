"""Recover the headline (and a section label glued to it) from the lines above the body.

A news page shows its headline just above the byline, date and lead photo, often twice (the
document title and the on-page heading), and a scraper that drops the separators between
inline elements glues the section label to it: "Sport" + "Title…" → "SportTitle…". The
headline is the best-scoring headline-shaped line in the stretch above the body; repeats of it
anywhere on the page are dropped as "headline repeat".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsdesk.clean.text.lines import WORD, Line

# How far above the first body line a headline is looked for, in lines that are not furniture:
# a share bar or a photo credit between the headline and the body does not push it out of reach.
WINDOW = 15

# Common section labels, for a glued label with no other evidence on the page.
SECTIONS = frozenset(
    """news world politics business economy markets money finance sport sports football soccer
    cricket tennis golf rugby opinion opinions comment analysis editorial editorials columns
    entertainment culture arts music movies film tv television books lifestyle life style fashion
    food travel health science tech technology environment climate education local national
    international nation region regional metro city us uk usa europe asia africa americas
    middle-east australia canada india china pakistan crime law justice weather obituaries
    religion faith society media auto autos motoring cars property realestate real-estate
    breaking latest exclusive video videos photos features feature investigations
    """.split()
)

# A label glued to a capitalised word or a number: "SportTitle", "Afghanistan10,000 soldiers".
_GLUED = re.compile(r"^([A-Z][\w'’&.-]*?(?:\s[A-Z][\w'’&.-]*?){0,2})(?<=[a-z.])([A-Z][a-z]|[A-Z]{2}|\d|[\"“‘'])")
_SENTENCE_PERIOD = re.compile(r"[.]\s*[\"'”’)]*\s*$")


@dataclass(slots=True)
class Headline:
    """The recovered headline, the section label glued to it, and which lines repeat it."""

    title: str
    section: str | None
    line: int
    """Index of the line the title was taken from."""
    repeats: list[int]
    """Indexes of other lines that are the headline again (glued or not)."""


def _key(text: str) -> str:
    return " ".join(WORD.findall(text.lower()))


def split_glued_label(text: str, known: set[str]) -> tuple[str, str] | None:
    """``(label, rest)`` when ``text`` starts with a section label glued to a capitalised word.

    Needs evidence that the prefix is a label: the page shows it as a line of its own
    (``known``), or it is a common section name.
    """
    m = _GLUED.match(text)
    if not m:
        return None
    label, rest = m.group(1), text[m.start(2) :]
    if len(label) < 2 or len(rest.split()) < 2:
        return None
    if _key(label) in known or label.lower().replace(" ", "-") in SECTIONS or label.lower() in SECTIONS:
        return label, rest
    return None


def _shape_score(line: Line) -> float | None:
    """How headline-shaped a line is on its own, or ``None`` when it cannot be a headline."""
    if line.furniture is not None and line.furniture not in ("teaser block",):
        return None
    if line.words < 3 or line.words > 35:
        return None
    score = 2.0 if 4 <= line.words <= 25 else 0.0
    if _SENTENCE_PERIOD.search(line.text):
        score -= 2.0
    else:
        score += 1.0
    if line.title_ratio >= 0.6:
        score += 1.0
    if line.words > 18 and line.stop_ratio >= 0.3:
        score -= 1.0
    return score


def _credit_follows(after: list[Line]) -> bool:
    """A byline or date line among the next 4 lines, or after at most one plain line (a
    standfirst) and any other furniture: a share bar between the headline and its byline does
    not hide the byline."""
    if any(line.furniture in ("byline", "date") for line in after[:4]):
        return True
    plain = 0
    for line in after:
        if line.furniture in ("byline", "date"):
            return True
        plain += line.furniture is None
        if plain > 1:
            return False
    return False


def find_headline(lines: list[Line], body_start: int) -> Headline | None:
    """The headline among ``lines[:body_start]`` (positions into ``lines``), or ``None``."""
    if body_start <= 0:
        return None
    known = {_key(line.text) for line in lines if line.words <= 3}
    keys = [_key(line.text) for line in lines]
    lo, plain = body_start, 0
    while lo > 0 and plain < WINDOW:
        lo -= 1
        plain += lines[lo].furniture is None
    best: tuple[float, int, str, str | None] | None = None
    seen_plain = 0
    for pos in range(body_start - 1, lo - 1, -1):
        line = lines[pos]
        shape = _shape_score(line)
        if line.furniture is None:
            seen_plain += 1
        if shape is None:
            continue
        title, section = line.text, None
        glued = split_glued_label(line.text, known)
        score = shape - 0.4 * (seen_plain - 1)
        if glued is not None:
            section, title = glued
            score += 3.0 if any(k == _key(title) for k in keys) or keys.count(keys[pos]) > 1 else 1.5
        elif keys.count(keys[pos]) > 1 or any(
            k != keys[pos] and k.endswith(" " + keys[pos]) and 0 < len(k) - len(keys[pos]) <= 30 for k in keys
        ):
            score += 3.0
        if pos == 0:
            score += 1.0
        if _credit_follows(lines[pos + 1 : body_start]):
            score += 1.5
        if line.words < 5:
            score -= 1.0
        if best is None or score > best[0]:
            best = (score, pos, title, section)
    if best is None or best[0] < 1.0:
        return None
    _, pos, title, section = best
    title_key = _key(title)
    repeats: list[int] = []
    for other, line in enumerate(lines):
        if other == pos:
            continue
        if keys[other] == title_key:
            repeats.append(other)
            continue
        glued = split_glued_label(line.text, known | {title_key}) if line.text.endswith(title) else None
        prefix = line.text[: len(line.text) - len(title)].strip()
        if line.text.endswith(title) and prefix and len(prefix.split()) <= 3 and len(prefix) <= 30:
            repeats.append(other)
            label = glued[0] if glued else prefix.rstrip(" :|-–—»›/")
            if section is None and other < body_start and len(label.split()) <= 2 and _key(label) != "home":
                section = label
    # Prefer the clean copy of a glued headline as the line the title comes from.
    clean = [r for r in repeats if lines[r].text == title]
    if clean and lines[pos].text != title:
        repeats = [r for r in repeats if r != clean[0]] + [pos]
        pos = clean[0]
    return Headline(
        title=title, section=section or None, line=lines[pos].index, repeats=sorted(lines[r].index for r in repeats)
    )
