"""Name keys: the one fold every stage uses to decide that two spellings are one name.

Three keys grew up separately and each caller's stored data and lookups depend on its own,
so they are kept as three named :class:`Folding` options of one function rather than
merged: merging would change which names the store, the place gazetteer and the entity
gazetteer treat as the same.

- :data:`WORDS`, the default: the store's identities and word sets ("Zamir  Kabúlov." →
  "zamir kabulov"): accents, case and every non-word character ignored.
- :data:`PLACE_NAMES`: the place gazetteer's keys ("Côte d’Ivoire" → "cote d'ivoire"):
  periods and apostrophes kept ("St. John's"), hyphens read as spaces, ``str.lower`` (its keys
  were built with it: casefold would merge "Gießen" into its alias "Giessen").
- :data:`ENTITY_NAMES`: the entity gazetteer's and clusterer's keys ("the U.N." → "un"):
  accents kept ("José" is not "Jose"), periods dropped, dashes, underscores and slashes read
  as spaces, a leading "the" ignored.

Also the honorifics a source may put before a person's name (:data:`COURTESY_TITLES`,
:data:`KEY_HONORIFICS`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Final, Literal

_LATIN_ACCENTS = re.compile(r"[\u0300-\u036f]")
_ARTICLE = re.compile(r"^the\s+")


@dataclass(frozen=True, slots=True)
class Folding:
    """What a name key ignores, beyond case and runs of spaces (see the module docstring)."""

    accents: Literal["all", "latin", "kept"]  # combining marks dropped after NFKD; "kept": NFKC, none dropped
    casefold: bool  # str.casefold, else str.lower
    dropped: re.Pattern[str] | None  # characters removed outright
    spaces: re.Pattern[str]  # characters read as a space
    article: bool  # a leading "the" ignored


WORDS: Final = Folding("all", True, None, re.compile(r"[^\w]+"), False)
PLACE_NAMES: Final = Folding("latin", False, None, re.compile("-"), False)
ENTITY_NAMES: Final = Folding("kept", True, re.compile(r"[.\u00b7]"), re.compile(r"[\s\-‐‑–—_/]+"), True)


def fold(text: str, folding: Folding = WORDS) -> str:
    """The key of ``text`` under ``folding``: "Zamir  Kabúlov." → "zamir kabulov" with the default."""
    text = _fold_accents(text, folding.accents).replace("’", "'").replace("‘", "'")
    text = text.casefold() if folding.casefold else text.lower()
    if folding.dropped is not None:
        text = folding.dropped.sub("", text)
    text = " ".join(folding.spaces.sub(" ", text).split())
    return _ARTICLE.sub("", text) if folding.article else text


def _fold_accents(text: str, accents: Literal["all", "latin", "kept"]) -> str:
    if text.isascii():  # most names and quotes: nothing to decompose (a third of the store writer's time otherwise)
        return text
    if accents == "kept":
        return unicodedata.normalize("NFKC", text)
    decomposed = unicodedata.normalize("NFKD", text)
    if accents == "latin":
        return _LATIN_ACCENTS.sub("", decomposed)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# Words a source may or may not put before a person's name, lower case without the dot: the
# gender each tells (None: none), and whether the store's identity key drops it ("Mr Kabulov"
# and "Kabulov" are one person). The entity stage reads only the gendered courtesy titles: "Dr"
# and "Prof" are roles there, kept as titles. The store keeps "Lord" in keys: a peer's title.
_HONORIFICS: Final = (
    ("mr", "m", True), ("mrs", "f", True), ("ms", "f", True), ("miss", "f", True), ("sir", "m", True),
    ("dame", "f", True), ("lord", "m", False), ("dr", None, True), ("prof", None, True),
)  # fmt: skip
# Courtesy titles: not kept as titles, but they tell the person's gender for pronoun resolution.
COURTESY_TITLES: Final[dict[str, str]] = {word: gender for word, gender, _ in _HONORIFICS if gender}
# What the store drops from the front of a name in its identity key. Kept short on purpose: titles
# that carry information ("President", "General") are recorded as titles, not stripped.
KEY_HONORIFICS: Final = frozenset(word for word, _, in_key in _HONORIFICS if in_key)
