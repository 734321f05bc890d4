"""Provenance (``via``): where quoted words were said — an interview, a statement, a post.

Read from the attribution's own clause, outside the quoted words: "said in an interview
with state run Sputnik News Agency" → interview / Sputnik News Agency; "told Reuters" →
interview / Reuters; "wrote on X" → social media post / X; "in a statement" → statement.
Media are tried in order, the most specific first ("in a statement posted on Facebook" is
a statement). An outlet is the run of capitalised words after "with / to / on / for / in",
past at most three lower-case words ("state run"), and never a person the parser names.
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple

from newsdesk.record import Via
from newsdesk.vocab.wordlists import word_list

_PLATFORMS: Final = (
    "Truth Social", "Twitter", "Facebook", "Instagram", "TikTok", "Telegram", "YouTube",
    "LinkedIn", "Threads", "Bluesky", "Weibo", "VKontakte", "Reddit", "Snapchat", "WhatsApp", "Tumblr",
    "Mastodon", "Substack", "X",
)  # fmt: skip
_PLATFORM: Final = re.compile(r"\b(?:on|via|to)\s+(?:the\s+)?(" + "|".join(_PLATFORMS) + r")\b(?:/\w+)?")
_PLATFORM_NAME: Final = re.compile(r"\b(" + "|".join(_PLATFORMS) + r")\b")  # "in a Tumblr post"
_DET = r"(?:an?|the|his|her|its|their|this|that|one)\s+"
_MODIFIERS = r"(?:[\w'’-]+\s+){0,3}?"
_MEDIA: Final = tuple(
    (medium, re.compile(pattern, re.IGNORECASE))  # "In a statement, …" opens a sentence too
    for medium, pattern in (
        ("statement", rf"\b(?:in|through|issued)\s+{_DET}{_MODIFIERS}statement\b"),
        ("press release", rf"\b(?:in|through)\s+{_DET}{_MODIFIERS}(?:press|news|earnings)\s+release\b"),
        (
            "press conference",
            rf"\b(?:at|during|in|on)\s+{_DET}{_MODIFIERS}(?:(?:press|news)\s+conference|teleconference"
            rf"|conference\s+call|call\s+with\s+(?:reporters|analysts|investors))\b",
        ),
        ("press briefing", rf"\b(?:at|during|in)\s+{_DET}{_MODIFIERS}briefing\b"),
        ("interview", rf"\b(?:in|during)\s+{_DET}{_MODIFIERS}interview\b|\binterview(?:ed)?\s+(?=with|by)"),
        ("social media post", rf"\b(?:in|on)\s+{_DET}{_MODIFIERS}(?:post|tweet|video)\b|\btweet(?:ed|s|ing)?\b"),
        ("speech", rf"\b(?:in|during)\s+{_DET}{_MODIFIERS}(?:speech|address|remarks)\b"),
        ("op-ed", rf"\b(?:in|wrote)\s+{_DET}{_MODIFIERS}(?:op-ed|column|opinion piece|essay)\b"),
        ("letter", rf"\b(?:in|through)\s+{_DET}{_MODIFIERS}letter\b"),
        ("note", rf"\b(?:in|through)\s+{_DET}{_MODIFIERS}note\b"),  # an analyst's "in a note to clients"
        ("email", rf"\b(?:in|by)\s+(?:{_DET})?{_MODIFIERS}e-?mail\b"),
        ("hearing", rf"\b(?:at|during|in)\s+{_DET}{_MODIFIERS}hearing\b"),
        ("debate", rf"\b(?:at|during|in)\s+{_DET}{_MODIFIERS}debate\b"),
        ("rally", rf"\b(?:at|during)\s+{_DET}{_MODIFIERS}rally\b"),
        ("broadcast", rf"\b(?:on|during)\s+{_DET}?{_MODIFIERS}(?:program|programme|show|broadcast)\b"),
    )
)
# Media whose following name is the outlet ("interview with Reuters", "op-ed in the Ellis
# Gazette"); after a speech or a press conference it is the place or the audience.
_WITH_OUTLET: Final = frozenset({"interview", "statement", "op-ed", "broadcast"})
_TOLD: Final = re.compile(r"\b(?:told|tells|telling|tell)\s+")
_OUTLET_AFTER: Final = re.compile(
    r"\s*(?:with|to|on|for|in|by)?\s*(?:(?:the|a|an)\s+)?(?:(?:[a-z][\w-]*|[a-z]+-\w+)\s+){0,3}?"
    r"((?:[A-Z][\w.&'’-]*)(?:\s+(?:(?:of|the|and|for|&)\s+)?[A-Z][\w.&'’-]*)*)"
)
# Right after "told": the outlet itself, or "the" and the outlet ("told the Marenza Herald").
_ATTACHED: Final = re.compile(r"(?:the\s+)?((?:[A-Z][\w.&'’-]*)(?:\s+(?:(?:of|the|and|for|&)\s+)?[A-Z][\w.&'’-]*)*)")
_NEXT_WORD: Final = re.compile(r"\s+([a-z][\w'’-]*)")
# Lower-case words that may follow an outlet told something ("told Reuters on Monday that …").
_AFTER_OUTLET: Final = word_list("outlet_words.tsv", "after-outlet")
_NOT_OUTLET_TYPES: Final = frozenset({"PERSON", "GPE", "NORP", "DATE", "TIME", "LOC", "FAC"})
# Capitalised words that start no outlet's name ("told Congress", "told Monday's meeting").
_NOT_OUTLETS: Final = word_list("outlet_words.tsv", "not-outlet")


class Named(NamedTuple):
    """A named entity the parser found: its character span and label."""

    start: int
    end: int
    label: str


def provenance(text: str, start: int, end: int, quoted: list[tuple[int, int]], named: list[Named]) -> Via | None:
    """The medium and outlet named in ``text[start:end]``, ignoring the ``quoted`` spans.

    ``named`` are the parser's named entities there (start, end, label): a person or a
    place after "told" or "interview with" is the interviewer, not an outlet.
    """
    text = _blank(text, start, end, quoted)
    platform = _PLATFORM.search(text, start, end)
    for medium, pattern in _MEDIA:
        match = pattern.search(text, start, end)
        if match is None:
            continue
        if medium == "social media post" or (platform and medium in ("statement", "op-ed", "letter")):
            inside = _PLATFORM_NAME.search(match.group(0))
            if platform is not None:
                outlet = platform.group(1)
            elif inside is not None:
                outlet = inside.group(1)
            else:
                outlet = _outlet(named, text, match.end(), end)
            return Via(medium, outlet)
        outlet = _outlet(named, text, match.end(), end) if medium in _WITH_OUTLET else None
        return Via(medium, outlet)
    if platform is not None:
        return Via("social media post", platform.group(1))
    told = _TOLD.search(text, start, end)
    if told is not None:
        outlet = _outlet(named, text, told.end(), end, attached=True)
        if outlet is not None:
            return Via("interview", outlet)
    return None


def _outlet(named: list[Named], text: str, start: int, end: int, *, attached: bool = False) -> str | None:
    """The capitalised name after ``start``: right there when ``attached`` ("told Reuters")."""
    match = (_ATTACHED if attached else _OUTLET_AFTER).match(text, start, end)
    if match is None:
        return None
    name = match.group(1).rstrip(".’'")
    name = re.sub(r"(?:['’]s)$", "", name)
    if not name or name.split()[0] in _NOT_OUTLETS:
        return None
    first, last = match.start(1), match.start(1) + len(name)
    if any(s < last and first < e and label in _NOT_OUTLET_TYPES for s, e, label in named):
        return None
    after = _NEXT_WORD.match(text, last, end)
    if attached and after is not None and after.group(1) not in _AFTER_OUTLET:
        return None  # "told WeWork executives": the name qualifies the people told
    return name


def _blank(text: str, start: int, end: int, quoted: list[tuple[int, int]]) -> str:
    """``text`` with the quoted spans inside ``start:end`` blanked out (offsets kept)."""
    for s, e in quoted:
        s, e = max(s, start), min(e, end)
        if s < e:
            text = text[:s] + " " * (e - s) + text[e:]
    return text
