"""The curated gazetteer shipped in ``newsdesk/data/gazetteer.tsv``: names, aliases and types.

The small spaCy model makes systematic type errors on names that are rare in its training
news (it types "Daesh" as a place, "Sputnik" as a person) and does not know that "ISIL",
"Daesh" and "Islamic State" are one group. The gazetteer fixes both: every name and alias
maps to an entry with a type and a canonical name that groups the aliases. The file format is
described in its header.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from newsdesk.vocab.countries import CountryAlias, country_aliases
from newsdesk.vocab.names import ENTITY_NAMES, fold


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One named thing: its canonical name (the grouping key), spaCy type and kind."""

    name: str
    type: str
    kind: str


@dataclass(frozen=True, slots=True)
class Form:
    """A way of writing an entry. Weak forms are never searched for in running text."""

    text: str
    entry: GazetteerEntry
    weak: bool


class Gazetteer:
    """Lookup from any written form of a name to the entries it may denote.

    Forms are keyed by :data:`~newsdesk.vocab.names.ENTITY_NAMES`: "U.S." and "US", "al-Qaeda" and
    "Al Qaeda", "the United Nations" and "United Nations" are one key. Only spans already taken
    for names are looked up, so folding case is safe.
    """

    def __init__(self, forms: list[Form]) -> None:
        self.forms = forms
        by_key: dict[str, list[GazetteerEntry]] = {}
        for form in forms:
            entries = by_key.setdefault(fold(form.text, ENTITY_NAMES), [])
            if form.entry not in entries:
                entries.append(form.entry)
        self._by_key = {key: tuple(entries) for key, entries in by_key.items()}

    def lookup(self, text: str) -> tuple[GazetteerEntry, ...]:
        """The entries ``text`` may name: none, one, or several when the form is ambiguous ("PTI")."""
        return self._by_key.get(fold(text, ENTITY_NAMES), ())

    def search_phrases(self) -> Iterator[str]:
        """The strong forms as they may appear in running text, for a token matcher (exact case).

        A form written with a leading "The" also matches with "the", since the article's case
        depends on the position in the sentence, not on the name.
        """
        seen: set[str] = set()
        for form in self.forms:
            if form.weak:
                continue
            variants = [form.text]
            if form.text.startswith("The "):
                variants.append("the " + form.text[4:])
            for variant in variants:
                if variant not in seen:
                    seen.add(variant)
                    yield variant

    def __len__(self) -> int:
        return len({form.entry for form in self.forms})


def parse_gazetteer(text: str, countries: Sequence[CountryAlias] = ()) -> Gazetteer:
    """Read the TSV format (see the data file's header); malformed lines raise ``ValueError``.

    An alias ``@XX`` stands for the ``countries`` aliases of ISO code XX that the entity gazetteer reads.
    """
    forms: list[Form] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        columns = line.split("\t")
        if len(columns) != 4:
            raise ValueError(f"gazetteer line {number}: expected 4 tab-separated columns, got {len(columns)}")
        name, type_, kind, aliases = columns
        entry = GazetteerEntry(name.lstrip("~"), type_, kind)
        forms.append(Form(entry.name, entry, name.startswith("~")))
        for alias in aliases.split("|"):
            alias = alias.strip()
            if alias.startswith("@"):
                forms.extend(_country_forms(alias[1:], entry, countries, number))
            elif alias:
                forms.append(Form(alias.lstrip("~"), entry, alias.startswith("~")))
    return Gazetteer(forms)


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The gazetteer shipped with newsdesk, read once per process."""
    data = resources.files("newsdesk").joinpath("data", "gazetteer.tsv").read_text(encoding="utf-8")
    return parse_gazetteer(data, country_aliases())


def _country_forms(code: str, entry: GazetteerEntry, countries: Sequence[CountryAlias], number: int) -> list[Form]:
    """The forms an ``@code`` alias stands for: the country's shared aliases but the row's own name."""
    shared = [alias for alias in countries if alias.entity and alias.code == code]
    if not shared:
        raise ValueError(f"gazetteer line {number}: no country aliases for @{code}")
    return [Form(alias.name, entry, alias.weak) for alias in shared if alias.name != entry.name]


@lru_cache(maxsize=1)
def given_name_genders() -> dict[str, str]:
    """Given names with a clear gender ("Donald": "m", "Julie": "f"), shipped as ``gazetteer_given_names.tsv``."""
    data = resources.files("newsdesk").joinpath("data", "gazetteer_given_names.tsv").read_text(encoding="utf-8")
    genders: dict[str, str] = {}
    for line in data.splitlines():
        if line and not line.startswith("#"):
            name, gender = line.split("\t")
            genders[name] = gender
    return genders
