"""Acronyms and what they abbreviate: "UN Assistance Mission in Afghanistan (UNAMA)", "NATO".

Plain token and word functions, used both to find "Long Name (ACRONYM)" definitions and to
join a bare acronym to the name its capitals spell.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

_ACRONYM_GLUE = frozenset(
    {"of", "the", "and", "for", "in", "on", "to", "at", "de", "des", "du", "la", "le", "al", "el"}
)
_ACRONYM_SKIP = frozenset({"-", "&", "'", "’"})
# Acronyms are rarely longer; longer all-caps tokens in brackets are shouted words.
_MAX_ACRONYM = 10


def is_acronym(token: Token) -> bool:
    """Whether a bracketed token looks like an acronym: two to ten letters, at least two capitals."""
    text = token.text
    letters = [ch for ch in text if ch.isalpha()]
    return (
        2 <= len(letters) <= _MAX_ACRONYM
        and text[0].isupper()
        and sum(ch.isupper() for ch in letters) >= 2
        and all(ch.isalpha() or ch in "-&" for ch in text)
    )


def acronym_spells(words: list[str], acronym: str) -> int | None:
    """Index of the first word of the longest-needed suffix of ``words`` that ``acronym`` abbreviates.

    Letters are matched right to left: a capitalised word gives its initial, an all-caps word
    ("UN") all its letters, a linking word ("of", "al") its initial or nothing. "UN Assistance
    Mission in Afghanistan" spells UNAMA; "al-Qaeda in the Arabian Peninsula" spells AQAP.
    """
    letters = [ch.upper() for ch in acronym if ch.isalpha()]

    def match(n_letters: int, w: int, first: int | None) -> int | None:
        if n_letters == 0:
            return first
        if w < 0:
            return None
        word = words[w]
        if word in _ACRONYM_SKIP:
            return match(n_letters, w - 1, first)
        if not word[0].isalpha():
            return None
        if word.isupper() and len(word) > 1:
            own = [ch for ch in word if ch.isalpha()]
            if letters[n_letters - len(own) : n_letters] == own:
                return match(n_letters - len(own), w - 1, w)
        if word[0].upper() == letters[n_letters - 1]:
            found = match(n_letters - 1, w - 1, w)
            if found is not None:
                return found
        if word.lower() in _ACRONYM_GLUE:
            return match(n_letters, w - 1, first)
        return None

    first = match(len(letters), len(words) - 1, None)
    if first is None or words[first].lower() in _ACRONYM_GLUE - {"al", "el"} or len(words) - first < 2:
        return None
    return first


def expansion_start(doc: Doc, opening: int, acronym: str) -> int | None:
    """Token index where the expansion of ``acronym`` (defined in brackets at ``opening``) begins."""
    floor = max(0, opening - 3 * _MAX_ACRONYM)
    first = opening
    while (
        first > floor
        and not doc[first].is_sent_start
        and not (doc[first - 1].is_punct and doc[first - 1].text not in _ACRONYM_SKIP)
    ):
        first -= 1
    words = [doc[i].text for i in range(first, opening)]
    found = acronym_spells(words, acronym) if words else None
    return None if found is None else first + found
