"""Country aliases: the English names news gives countries, one list for both gazetteers.

``data/places_aliases.json`` maps each alias to its ISO 3166-1 alpha-2 code. The place gazetteer
looks up every alias; the entity gazetteer reads those under ``"countries"`` as aliases of its
country rows (the row's ``@XX`` in ``gazetteer.tsv``), so an alias both need is written once.
Those under ``"countries_places_only"`` are never entity names: "Congo" and "Korea" are too
ambiguous to search for in running text.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any

_RESOURCE = "places_aliases.json"
_CODE = re.compile(r"^[A-Z]{2}$")


@dataclass(frozen=True, slots=True)
class CountryAlias:
    """One alias of a country, and how the entity gazetteer reads it."""

    name: str
    code: str  # ISO 3166-1 alpha-2
    entity: bool  # also an alias of the entity gazetteer's row for the country
    weak: bool  # written "~name": the entity gazetteer never searches for it in running text


def parse_country_aliases(text: str) -> tuple[CountryAlias, ...]:
    """The aliases of the JSON ``text``'s ``countries`` and ``countries_places_only`` sections, in file order.

    Raises ``ValueError`` on a code that is not two capitals, an alias listed twice (in one
    section or two), or a weak mark on an alias the entity gazetteer does not read.
    """
    sections = json.loads(text, object_pairs_hook=_unique_keys)
    aliases: list[CountryAlias] = []
    for section, entity in (("countries", True), ("countries_places_only", False)):
        for written, code in sections[section].items():
            name, weak = written.removeprefix("~"), written.startswith("~")
            if not _CODE.match(code) or (weak and not entity):
                raise ValueError(f"{_RESOURCE}: bad country alias {written!r}: {code!r} in {section}")
            if any(alias.name == name for alias in aliases):
                raise ValueError(f"{_RESOURCE}: country alias {name!r} listed twice")
            aliases.append(CountryAlias(name, code, entity, weak))
    return tuple(aliases)


@lru_cache(maxsize=1)
def country_aliases() -> tuple[CountryAlias, ...]:
    """The packaged country aliases, read and checked once per process."""
    text = files("newsdesk").joinpath("data", _RESOURCE).read_text(encoding="utf-8")
    return parse_country_aliases(text)


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object's members; a key written twice raises instead of the last silently winning."""
    keys = [key for key, _ in pairs]
    repeated = sorted({key for key in keys if keys.count(key) > 1})
    if repeated:
        raise ValueError(f"{_RESOURCE}: {', '.join(repeated)} listed twice")
    return dict(pairs)
