"""Personal names: their parts, and when two of them can be one person's.

One rule for the article and the store, so that clustering inside an article and linking across
articles agree on who is who: two full names are one person's only when the surnames and the
generational suffixes are equal ("Donald Trump Jr." is not "Donald Trump") and the given names
agree — the same, or a short form of the other ("Joe" and "Joseph"), middle names and initials
optional but never contradicting ("George W. Bush" is not "George H.W. Bush"). Different given
names never merge ("Bill Clinton", "Hillary Clinton").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Final

SUFFIXES: Final = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Nouns that name a relative just before the relative's name ("his wife Melania", "Clinton's
# daughter Chelsea"): in such an article a bare surname may mean either member of the family.
FAMILY_NOUNS: Final = frozenset(
    {"wife", "husband", "son", "daughter", "father", "mother", "brother", "sister", "widow", "widower"}
    | {"stepson", "stepdaughter", "grandson", "granddaughter", "nephew", "niece", "spouse", "sons", "daughters"}
)


@dataclass(frozen=True, slots=True)
class PersonName:
    """A person's name, case-folded: given names (with middle names and initials), surname, suffix."""

    given: tuple[str, ...]
    surname: str
    suffix: str
    """"jr", "sr", "iii"…, or "" without one."""


def person_name(words: Sequence[str]) -> PersonName | None:
    """The parts of a name written as ``words`` ("Donald", "J.", "Trump", "Jr."); None without a surname."""
    folded = [w.casefold().strip(".,") for w in words]
    folded = [w for w in folded if w]
    suffix = ""
    while folded and folded[-1] in SUFFIXES:
        suffix = suffix or folded[-1]
        folded.pop()
    if not folded:
        return None
    return PersonName(tuple(folded[:-1]), folded[-1], suffix)


@cache
def _full_names_of_short_forms() -> dict[str, frozenset[str]]:
    """Each short given name to the full names it stands for ("joe": {"joseph"}), case-folded."""
    data = files("newsdesk").joinpath("data", "gazetteer_nicknames.tsv").read_text(encoding="utf-8")
    full_names: dict[str, set[str]] = {}
    for line in data.splitlines():
        if line and not line.startswith("#"):
            full, short_forms = line.split("\t")
            for short in short_forms.split("|"):
                full_names.setdefault(short.casefold(), set()).add(full.casefold())
    return {short: frozenset(fulls) for short, fulls in full_names.items()}


def given_name_keys(name: str) -> frozenset[str]:
    """The case-folded given names ``name`` may stand for: itself and, for a short form, its full names.

    Two given names can be one person's when their keys meet ("Joe" and "Joseph", "Bill" and "Billy").
    """
    folded = name.casefold()
    return _full_names_of_short_forms().get(folded, frozenset()) | {folded}


def same_person(a: PersonName, b: PersonName) -> bool:
    """Whether two full names (both with a given name) can be one person's (see the module docstring).

    The shorter name's given names must all be found, in order, in the longer one's ("Hillary
    Clinton" in "Hillary Rodham Clinton", "Hawk Sawyer" in "Kathleen Hawk Sawyer"), its first one
    also as a short form ("Joe Biden" in "Joseph R. Biden Jr." — but the suffixes differ there,
    so only when both or neither carry "Jr."); middle names and initials are optional, but when both names have them
    the first ones agree and the shorter's are among the longer's, in order ("George W." is not
    "George H.W.").
    """
    if a.surname != b.surname or a.suffix != b.suffix or not a.given or not b.given:
        return False
    short, long_ = (a, b) if len(a.given) <= len(b.given) else (b, a)
    if not _in_order(_initials(short), _initials(long_)):
        return False
    position = 0
    for n, word in enumerate(short.given):
        if len(word) == 1:
            continue  # an initial: optional
        found = _find(long_.given, word, position, nickname=n == 0)
        if found is None:
            return False
        position = found + 1
    return True


def _initials(name: PersonName) -> str:
    """First letters of the middle names and initials ("George H.W. Bush": "h")."""
    return "".join(word[0] for word in name.given[1:])


def _in_order(short: str, long_: str) -> bool:
    """Whether the middle initials ``short`` fit ``long_``: none, or the same first one and the rest in
    order ("W" does not fit "H W": the store's keys split "George H.W. Bush" into single letters)."""
    if not short or not long_:
        return True
    rest = iter(long_[1:])
    return short[0] == long_[0] and all(letter in rest for letter in short[1:])


def _find(words: tuple[str, ...], word: str, start: int, nickname: bool) -> int | None:
    """Index of ``word`` in ``words`` from ``start`` (for a first given name, also as a short form)."""
    keys = given_name_keys(word) if nickname else frozenset({word})
    for n in range(start, len(words)):
        if words[n] == word or (nickname and keys & given_name_keys(words[n])):
            return n
    return None
